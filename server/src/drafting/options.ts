import type { PolicyDocument } from '../model/policyDocument';

/** The drafting checks' thresholds, set by `policywright.drafting.*`. */
export interface DraftingOptions {
  /** A sentence longer than this many words is reported. */
  readonly maxSentenceWords: number;
  /** A section whose Flesch–Kincaid grade is above this is reported. */
  readonly maxReadingGrade: number;
}

export const DEFAULT_DRAFTING: DraftingOptions = Object.freeze({ maxSentenceWords: 40, maxReadingGrade: 14 });

const byDocument = new WeakMap<PolicyDocument, DraftingOptions>();

/**
 * Rules see only the document, so the server records the settings a document is analysed with
 * before it runs the rules; without a record (the command line, tests) the defaults apply.
 */
export function useDraftingOptions(doc: PolicyDocument, options: DraftingOptions | undefined): void {
  if (options) byDocument.set(doc, options);
  else byDocument.delete(doc);
}

export function draftingOptions(doc: PolicyDocument): DraftingOptions {
  return byDocument.get(doc) ?? DEFAULT_DRAFTING;
}
