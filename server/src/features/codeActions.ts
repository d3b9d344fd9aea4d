import { CodeActionKind, type CodeAction, type Diagnostic } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

/** Quick fixes straight from the `data` of our diagnostics: no message parsing, no re-analysis. */
export function provideCodeActions(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isData(data)) continue;
    data.fixes.forEach((fix, i) => {
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && data.fixes.length === 1,
        edit: { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } },
      });
    });
  }
  return out;
}

function isData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && typeof (data as DiagnosticData).ruleId === 'string' && Array.isArray((data as DiagnosticData).fixes);
}
