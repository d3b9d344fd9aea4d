/** The vocabulary facts share with findings: how serious something is, and the edits that fix it. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text edit in document offsets; the diagnostics feature turns it into an LSP edit. */
export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly OffsetEdit[];
  /** The fix states a fact only the lawyer knows (a certification, signed clauses): offered, never applied by "fix all". */
  readonly asserts?: boolean;
}
