import type { PolicyDocument } from '../model/policyDocument';
import { perDocumentSetting } from './cache';

/** The drafting checks' thresholds, set by `policywright.drafting.*`. */
export interface DraftingOptions {
  /** A sentence longer than this many words is reported. */
  readonly maxSentenceWords: number;
  /** A section whose Flesch–Kincaid grade is above this is reported. */
  readonly maxReadingGrade: number;
}

export const DEFAULT_DRAFTING: DraftingOptions = Object.freeze({ maxSentenceWords: 40, maxReadingGrade: 14 });

const setting = perDocumentSetting<DraftingOptions>(DEFAULT_DRAFTING);

export const useDraftingOptions: (doc: PolicyDocument, options: DraftingOptions | undefined) => void = setting.use;
export const draftingOptions: (doc: PolicyDocument) => DraftingOptions = setting.get;
