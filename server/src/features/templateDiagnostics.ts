import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseClauseTemplate } from '../catalog/clauseCatalog';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import { DIAGNOSTIC_SOURCE } from '../protocol';

/** The diagnostic code of every problem in a clause template. */
export const TEMPLATE_DIAGNOSTIC_CODE = 'clause-template';

/** Whether a URI or path is a template of a workspace clause library (`.policywright/clauses/*.md`). */
export function isClauseTemplate(uriOrPath: string): boolean {
  return /(?:^|[\\/])\.policywright[\\/]clauses[\\/][^\\/]+\.md$/i.test(decodeURIComponent(uriOrPath));
}

/**
 * Diagnostics for a template as it is in the editor (saved or not): what is wrong and where, so
 * that the firm can fix it. `library`, when given, adds what the template does to the library:
 * an id already used by another firm template, or a built-in clause it replaces.
 */
export function provideTemplateDiagnostics(uri: string, text: string, library?: ClauseLibrary): Diagnostic[] {
  const { clause, problems } = parseClauseTemplate({ file: uri, text, origin: 'workspace' });
  const out: Diagnostic[] = problems.map((p) => ({
    range: p.range,
    severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: TEMPLATE_DIAGNOSTIC_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: p.message,
  }));
  if (!clause || !library) return out;
  const line = text.split(/\r?\n/).findIndex((l) => /^id[ \t]*:/.test(l));
  const range = { start: { line: Math.max(0, line), character: 0 }, end: { line: Math.max(0, line), character: line < 0 ? 0 : text.split(/\r?\n/)[line].length } };
  const holder = library.byId(clause.id);
  if (holder && holder.origin === 'workspace' && !samePath(holder.file, uri)) {
    out.push({ range, severity: DiagnosticSeverity.Error, code: TEMPLATE_DIAGNOSTIC_CODE, source: DIAGNOSTIC_SOURCE, message: `Clause id \`${clause.id}\` is already used by \`${holder.file}\`, give this clause another id` });
  } else if (library.overridden.includes(clause.id)) {
    out.push({ range, severity: DiagnosticSeverity.Hint, code: TEMPLATE_DIAGNOSTIC_CODE, source: DIAGNOSTIC_SOURCE, message: `Clause \`${clause.id}\` replaces the built-in clause with the same id, rename \`id\` to offer both` });
  }
  return out;
}

function samePath(file: string, uri: string): boolean {
  const path = uri.startsWith('file:') ? decodeURIComponent(new URL(uri).pathname) : uri;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\/([A-Za-z]:)/, '$1').toLowerCase();
  return norm(file) === norm(path);
}
