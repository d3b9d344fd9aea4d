import type { PolicyDocument } from '../model/policyDocument';
import type { Facts } from '../facts/facts';
import type { AnalysisOptions } from '../facts/options';

export type { Severity, OffsetEdit, Fix } from '../facts/edits';
import type { Severity, Fix } from '../facts/edits';

export interface Finding {
  readonly start: number;
  readonly end: number;
  /** One line: what is wrong, then what to do, with the offending text in backticks. No final full stop. */
  readonly message: string;
  /** Overrides the rule's default for this finding only, e.g. a historical mention becomes information. */
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  /** Markdown added to this finding's hover, e.g. why a law was taken to apply. */
  readonly hoverNote?: string;
}

export interface RuleMeta {
  /** Stable kebab-case id, used as the diagnostic code and the docs page name. */
  readonly id: string;
  /** One sentence-case line, reused in docs, the README and hovers. */
  readonly description: string;
  readonly defaultSeverity: Severity;
  readonly tags: readonly string[];
  /** The law the rule rests on, with article and date, where there is one. */
  readonly legalSource?: string;
  /** A short paragraph shown in hovers: why this matters to the reader of the policy. */
  readonly explanation: string;
}

export interface RuleContext {
  readonly doc: PolicyDocument;
  /** The version's shared facts under these options (applicability, defined terms, disclosures…). */
  readonly facts: Facts;
  /** The options the version is analysed with: drafting thresholds, compliance defaults, the clause library. */
  readonly options: AnalysisOptions;
  /** The date findings are measured against: today, unless a test sets it. */
  readonly today: Date;
  report(finding: Finding): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}
