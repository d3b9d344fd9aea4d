import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import type { ReportedFinding } from '../rules/engine';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

/**
 * Quick fixes straight from the `data` of our diagnostics: no message parsing, no re-analysis.
 * When the document's analysis is given, each rule with several fixable findings also gets one
 * action that applies the first fix of every finding of that rule ("fix all").
 */
export function provideCodeActions(uri: string, diagnostics: readonly Diagnostic[], analysis?: { doc: PolicyDocument; findings: readonly ReportedFinding[] }): CodeAction[] {
  const out: CodeAction[] = [];
  const rulesHere = new Set<string>();
  for (const diagnostic of diagnostics) {
    const data = diagnostic.data;
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isData(data)) continue;
    rulesHere.add(data.ruleId);
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
  if (analysis) for (const ruleId of rulesHere) {
    const all = fixAll(analysis.doc, analysis.findings.filter((f) => f.ruleId === ruleId));
    if (all) out.push({ title: `Fix all ${all.count} \`${ruleId}\` findings in this document`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: all.edits } } });
  }
  return out;
}

function fixAll(doc: PolicyDocument, findings: readonly ReportedFinding[]): { count: number; edits: TextEdit[] } | undefined {
  const edits: TextEdit[] = [];
  let count = 0;
  let lastEnd = -1;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const fix = f.fixes?.[0];
    if (!fix || fix.asserts || fix.edits.some((e) => e.start < lastEnd)) continue;
    count++;
    for (const e of fix.edits) {
      edits.push({ range: doc.lines.range(e.start, e.end), newText: e.newText });
      lastEnd = Math.max(lastEnd, e.end);
    }
  }
  return count >= 2 ? { count, edits } : undefined;
}

function isData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && typeof (data as DiagnosticData).ruleId === 'string' && Array.isArray((data as DiagnosticData).fixes);
}
