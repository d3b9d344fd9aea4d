import type { PolicyDocument } from '../model/policyDocument';
import type { Finding, MergePart, Rule, Severity } from './rule';
import { RULES } from './registry';
import { readSuppressions } from './suppressions';
import { factsOf, type Facts } from '../facts/facts';
import { perObject } from '../facts/cache';
import { DEFAULT_COMPLIANCE, DEFAULT_DRAFTING, type AnalysisOptions } from '../facts/options';
import { builtInLibrary } from '../catalog/clauseLibrary';

export type RuleSetting = Severity | 'off';

export interface ReportedFinding extends Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /** For a finding several rules make (merged by `merge.key`): every part, in the order of the rules, with its rule. */
  readonly parts?: readonly (MergePart & { readonly ruleId: string })[];
}

export interface EngineOptions {
  /** Per-rule severity overrides; `off` turns a rule off. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly today?: Date;
  /** What the rules read besides the text: thresholds, compliance defaults, the clause library. Defaults when absent. */
  readonly options?: AnalysisOptions;
  /** Told once per rule and document when a rule throws; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

export function runRules(doc: PolicyDocument, options: EngineOptions = {}, rules: readonly Rule[] = RULES): ReportedFinding[] {
  const today = options.today ?? new Date();
  const { facts, options: analysisOptions } = ruleInputs(doc, options.options);
  const suppressions = readSuppressions(doc);
  const out: ReportedFinding[] = [];
  // Above the size limit only the rule that says so runs: the text was not read as Markdown.
  const active = doc.structureOnly ? rules.filter((r) => r.meta.tags.includes('limits')) : rules;
  for (const rule of active) {
    const setting = options.rules?.[rule.meta.id];
    if (setting === 'off') continue;
    const found: Finding[] = [];
    try {
      rule.check({ doc, facts, options: analysisOptions, today, report: (f) => found.push(f) });
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
  return mergeFindings(out).sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, information: 1, hint: 0 };

/**
 * One finding per problem: findings that share a merge key (an item the EU and the UK GDPR both require, missing at
 * one place) become the first one (in the order of the rules), at the highest of their severities, with a message and
 * a hover naming every part. Settings and suppressions have already applied to each part.
 */
function mergeFindings(found: readonly ReportedFinding[]): ReportedFinding[] {
  const groups = new Map<string, ReportedFinding[]>();
  for (const f of found) {
    if (!f.merge) continue;
    const group = groups.get(f.merge.key);
    if (group) group.push(f);
    else groups.set(f.merge.key, [f]);
  }
  if (groups.size === 0) return [...found];
  const out: ReportedFinding[] = [];
  for (const f of found) {
    const group = f.merge && groups.get(f.merge.key);
    if (!group) {
      out.push(f);
      continue;
    }
    if (group[0] !== f) continue;
    const parts = group.map((g) => Object.freeze({ ...g.merge!.part, ruleId: g.ruleId }));
    const severity = group.reduce<Severity>((s, g) => (RANK[g.severity] > RANK[s] ? g.severity : s), f.severity);
    const notes = [...new Set(group.map((g) => g.hoverNote).filter((n): n is string => !!n))];
    // The merge key (and its compose function) has done its work: findings stay plain data, equal across runs.
    const { merge, ...plain } = f;
    out.push(
      Object.freeze({
        ...plain,
        severity,
        message: merge!.compose(parts),
        source: parts.map((p) => p.citation).join('; '),
        hoverNote: notes.length > 0 ? notes.join('\n\n') : undefined,
        parts: Object.freeze(parts),
      }),
    );
  }
  return out;
}

/** The options of a run that sets none: default thresholds, jurisdictions from the text, the built-in clauses. */
export function defaultAnalysisOptions(): AnalysisOptions {
  return withDefaults(builtInLibrary());
}

const withDefaults = perObject((library: AnalysisOptions['library']): AnalysisOptions => Object.freeze({ drafting: DEFAULT_DRAFTING, compliance: DEFAULT_COMPLIANCE, library }));

/** What a rule is given besides the document and the report: the facts and the options (defaults when not given). */
export function ruleInputs(doc: PolicyDocument, options: AnalysisOptions = defaultAnalysisOptions()): { readonly facts: Facts; readonly options: AnalysisOptions } {
  return { facts: factsOf(doc, options), options };
}
