import type { ClauseLibrary } from '../catalog/clauseLibrary';

/** The drafting checks' thresholds, set by `policywright.drafting.*`. */
export interface DraftingOptions {
  /** A sentence longer than this many words is reported. */
  readonly maxSentenceWords: number;
  /** A section whose Flesch–Kincaid grade is above this is reported. */
  readonly maxReadingGrade: number;
}

/** `policywright.compliance.*`: what applies when the policy's front matter does not say. */
export interface ComplianceOptions {
  /** Jurisdiction codes used when the front matter declares none; empty means infer from the text. */
  readonly jurisdictions: readonly string[];
}

/**
 * Everything a version is analysed with besides its text: the options facts and rules read. Each
 * part is its own immutable object, so a fact that reads one part is kept while the others change.
 */
export interface AnalysisOptions {
  readonly drafting: DraftingOptions;
  readonly compliance: ComplianceOptions;
  /** The clause library quick fixes insert from (the workspace's, with the firm's own clauses). */
  readonly library: ClauseLibrary;
}

export const DEFAULT_DRAFTING: DraftingOptions = Object.freeze({ maxSentenceWords: 40, maxReadingGrade: 14 });
export const DEFAULT_COMPLIANCE: ComplianceOptions = Object.freeze({ jurisdictions: Object.freeze([]) as readonly string[] });
