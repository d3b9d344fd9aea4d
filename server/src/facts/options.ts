import type { ClauseLibrary } from '../catalog/clauseLibrary';
import manifest from '../../../package.json';

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
  /** The day (YYYY-MM-DD) the laws are checked as of (`policywright.compliance.asOf`, `--as-of`); empty means today. */
  readonly asOf?: string;
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

/**
 * Every setting's default, as package.json contributes it to VS Code: the one place a default is
 * written. The server, the command line and the README's settings table all read it from there.
 */
export const SETTING_DEFAULTS = Object.freeze(
  Object.fromEntries(Object.entries(manifest.contributes.configuration.properties).map(([key, s]) => [key.replace(/^policywright\./, ''), s.default as unknown])),
) as Readonly<Record<string, unknown>>;

const properties = manifest.contributes.configuration.properties;

export const DEFAULT_DRAFTING: DraftingOptions = Object.freeze({
  maxSentenceWords: properties['policywright.drafting.maxSentenceWords'].default,
  maxReadingGrade: properties['policywright.drafting.maxReadingGrade'].default,
});
export const DEFAULT_COMPLIANCE: ComplianceOptions = Object.freeze({
  jurisdictions: Object.freeze([...(properties['policywright.compliance.jurisdictions'].default as string[])]),
  asOf: properties['policywright.compliance.asOf'].default as string,
});
