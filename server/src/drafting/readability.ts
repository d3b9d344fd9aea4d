import { syllable } from 'syllable';
import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { perDocument } from './memo';

export interface Readability {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  /** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
  readonly grade: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** The Flesch–Kincaid grade of some sentences; syllables are counted by the `syllable` package. */
export function readabilityOf(sentences: readonly string[]): Readability {
  let words = 0;
  let syllables = 0;
  let count = 0;
  for (const s of sentences) {
    let inSentence = 0;
    for (const m of s.matchAll(WORD)) {
      inSentence++;
      // Numbers are read as one short word; the counter would spell them out.
      syllables += /\p{L}/u.test(m[0]) ? Math.max(1, syllable(m[0])) : 1;
    }
    if (inSentence > 0) count++;
    words += inSentence;
  }
  const grade = words === 0 || count === 0 ? 0 : 0.39 * (words / count) + 11.8 * (syllables / words) - 15.59;
  return { words, sentences: count, syllables, grade: Math.round(grade * 10) / 10 };
}

/** Each section's own prose (its subsections excluded), graded. */
export const sectionReadability = perDocument((doc: PolicyDocument): ReadonlyMap<Section, Readability> => {
  const own = new Map<Section, string[]>(doc.allSections.map((s) => [s, []]));
  // Sections and blocks are both in document order: a block belongs to the last section that starts before it.
  let k = -1;
  for (const block of doc.blocks) {
    while (k + 1 < doc.allSections.length && doc.allSections[k + 1].headingStart <= block.start) k++;
    if (k < 0 || block.kind === 'heading' || block.kind === 'table-cell') continue;
    const list = own.get(doc.allSections[k])!;
    for (const s of block.sentences) list.push(block.text.slice(s.start - block.start, s.end - block.start));
  }
  const out = new Map<Section, Readability>();
  for (const [section, sentences] of own) out.set(section, readabilityOf(sentences));
  return out;
});
