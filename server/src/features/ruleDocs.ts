import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { docsUrl } from '../rules/registry';

/** The command the VS Code client registers: opens a rule's bundled page in the Markdown preview. */
export const SHOW_RULE_DOCS_COMMAND = 'policywright.showRuleDocs';

/**
 * Where a rule's page is, for the diagnostic's code link and the hover's "Rule documentation".
 * The server computes the links; the client only shows them. With the pages bundled next to the
 * server (`docs/rules/` in the extension), they open offline: as a file, or through the client's
 * command when it says it has one; without them (a bare server), the public page.
 */
export interface RuleDocs {
  /** For `codeDescription.href`: a URL every client opens (the bundled file, or the public page). */
  page(ruleId: string): string;
  /** For a Markdown link in a hover: the client's command when it has one, else `page`. */
  hoverLink(ruleId: string): string;
}

export const PUBLIC_RULE_DOCS: RuleDocs = Object.freeze({ page: docsUrl, hoverLink: docsUrl });

export function ruleDocs(options: { readonly dir?: string; readonly command?: boolean }): RuleDocs {
  const { dir, command } = options;
  if (!dir) return PUBLIC_RULE_DOCS;
  const page = (id: string) => pathToFileURL(join(dir, `${id}.md`)).href;
  return Object.freeze({
    page,
    hoverLink: (id: string) => (command ? `command:${SHOW_RULE_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify([id]))}` : page(id)),
  });
}
