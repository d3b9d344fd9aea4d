import type { PolicyDocument } from '../model/policyDocument';
import type { Facts } from '../facts/facts';
import type { AnalysisOptions } from '../facts/options';

export type { Severity, OffsetEdit, Fix } from '../facts/edits';
import type { Severity, Fix } from '../facts/edits';

export interface Finding {
  readonly start: number;
  readonly end: number;
  /** One line: what is wrong, then what to do, with the offending text in typographic quotes (`quote()`). No final full stop. */
  readonly message: string;
  /** Overrides the rule's default for this finding only, e.g. a historical mention becomes information. */
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  /** Markdown added to this finding's hover, e.g. why a law was taken to apply. */
  readonly hoverNote?: string;
  /** The one provision this finding rests on, when the rule's legal source lists several (shown in its hover instead). */
  readonly source?: string;
  /**
   * Findings of several rules about one problem (an item several laws require, missing at one place) share a key:
   * the engine reports them once, under the first rule's id, at the highest severity, with a message naming them all.
   */
  readonly merge?: MergeKey;
}

export interface MergePart {
  /** What the finding says for its own rule: a law's code, name and citation. */
  readonly code: string;
  readonly name: string;
  readonly citation: string;
  readonly inferred?: boolean;
}

export interface MergeKey {
  readonly key: string;
  readonly part: MergePart;
  /** The message for every part of the problem, in the order of the rules. */
  readonly compose: (parts: readonly MergePart[]) => string;
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
