import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseClauseTemplate } from '../catalog/clauseCatalog';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import { DIAGNOSTIC_SOURCE } from '../protocol';
import type { PolicyDocument } from '../model/policyDocument';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';

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

/**
 * For the policy being edited: one warning per firm template that is not offered (its first error,
 * with a link to it), so a lawyer who misses a clause sees why without opening the template.
 */
export function provideLibraryDiagnostics(doc: Pick<PolicyDocument, 'lines'>, library: ClauseLibrary): Diagnostic[] {
  const firstByFile = new Map<string, ClauseLibrary['problems'][number]>();
  for (const p of library.problems) if (p.severity === 'error' && !firstByFile.has(p.file)) firstByFile.set(p.file, p);
  const range = doc.lines.range(0, doc.lines.lineEnd(0));
  return [...firstByFile.values()].map((p) => ({
    range,
    severity: DiagnosticSeverity.Warning,
    code: TEMPLATE_DIAGNOSTIC_CODE,
    source: DIAGNOSTIC_SOURCE,
    message: /\.md$/i.test(p.file) ? `Firm clause template “${basename(p.file)}” is not offered: ${p.message}; open the template to fix it` : `Firm clause library: ${p.message}`,
    relatedInformation: [{ location: { uri: /^[a-z][a-z0-9+.-]+:/i.test(p.file) && !/^[a-z]:[\\/]/i.test(p.file) ? p.file : pathToFileURL(p.file).href, range: p.range }, message: p.message }],
  }));
}

function samePath(file: string, uri: string): boolean {
  const path = uri.startsWith('file:') ? decodeURIComponent(new URL(uri).pathname) : uri;
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\/([A-Za-z]:)/, '$1').toLowerCase();
  return norm(file) === norm(path);
}
