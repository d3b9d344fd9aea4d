import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { PolicyDocument } from '../model/policyDocument';
import type { ReportedFinding } from '../rules/engine';
import type { Severity } from '../rules/rule';
import { PUBLIC_RULE_DOCS, type RuleDocs } from './ruleDocs';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from '../protocol';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostics(doc: PolicyDocument, findings: readonly ReportedFinding[], docs: RuleDocs = PUBLIC_RULE_DOCS): Diagnostic[] {
  return findings.map((f) => {
    const data: DiagnosticData = {
      ruleId: f.ruleId,
      ...(f.parts ? { rules: [...new Set(f.parts.map((p) => p.ruleId))], laws: f.parts.map((p) => p.code) } : {}),
      fixes: (f.fixes ?? []).map((fix) => ({
        title: fix.title,
        edits: fix.edits.map((e) => ({ range: doc.lines.range(e.start, e.end), newText: e.newText })),
      })),
    };
    return {
      range: doc.lines.range(f.start, f.end),
      severity: LSP_SEVERITY[f.severity],
      code: f.ruleId,
      codeDescription: { href: docs.page(f.ruleId) },
      source: DIAGNOSTIC_SOURCE,
      message: f.message,
      data,
    };
  });
}
