import type { PolicyDocument } from '../model/policyDocument';
import type { Finding, Rule, Severity } from './rule';
import { RULES } from './registry';
import { readSuppressions } from './suppressions';

export type RuleSetting = Severity | 'off';

export interface ReportedFinding extends Finding {
  readonly ruleId: string;
  readonly severity: Severity;
}

export interface EngineOptions {
  /** Per-rule severity overrides; `off` turns a rule off. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly today?: Date;
  /** Told once per rule and document when a rule throws; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export function runRules(doc: PolicyDocument, options: EngineOptions = {}, rules: readonly Rule[] = RULES): ReportedFinding[] {
  const today = options.today ?? new Date();
  const suppressions = readSuppressions(doc);
  const out: ReportedFinding[] = [];
  // Above the size limit only the rule that says so runs: the text was not read as Markdown.
  const active = doc.structureOnly ? rules.filter((r) => r.meta.tags.includes('limits')) : rules;
  for (const rule of active) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    const found: Finding[] = [];
    try {
      rule.check({ doc, today, report: (f) => found.push(f) });
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
      continue;
    }
    for (const f of found) {
      if (suppressions.isSuppressed(rule.meta.id, doc.lines.lineAt(f.start))) continue;
      const severity = setting ?? f.severity ?? rule.meta.defaultSeverity;
      out.push(Object.freeze({ ...f, ruleId: rule.meta.id, severity }));
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}
