import { syllable } from 'syllable';
import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { perBlockText, perDocument, perString } from './cache';

// Below this many words a grade says more about one sentence than about the section.
export const MIN_GRADED_WORDS = 100;

export interface Readability {
  readonly words: number;
  readonly sentences: number;
  readonly syllables: number;
  /** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
  readonly grade: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

// The counter is slow (it tries plural and suffix rules) and a policy uses a few thousand words,
// each many times: counted once per word. Bounded, as a pasted text may bring any number.
// Numbers are read as one short word; the counter would spell them out.
const countSyllables = perString((word: string): number => (/\p{L}/u.test(word) ? Math.max(1, syllable(word)) : 1), 50_000);

/** The Flesch–Kincaid grade of some sentences; syllables are counted by the `syllable` package. */
export function readabilityOf(sentences: readonly string[]): Readability {
  let words = 0;
  let syllables = 0;
  let count = 0;
  for (const s of sentences) {
    let inSentence = 0;
    for (const m of s.matchAll(WORD)) {
      inSentence++;
      syllables += countSyllables(m[0]);
    }
    if (inSentence > 0) count++;
    words += inSentence;
  }
  const grade = words === 0 || count === 0 ? 0 : 0.39 * (words / count) + 11.8 * (syllables / words) - 15.59;
  return { words, sentences: count, syllables, grade: Math.round(grade * 10) / 10 };
}

/** Words, sentences and syllables of one block (headings and table cells count as nothing). */
const blockStats = perBlockText((block): Readability => {
  if (block.kind === 'heading' || block.kind === 'table-cell') return readabilityOf([]);
  return readabilityOf(block.sentences.map((s) => block.text.slice(s.start, s.end)));
});

/** Each section's own prose (its subsections excluded), graded. */
export const sectionReadability = perDocument((doc: PolicyDocument): ReadonlyMap<Section, Readability> => {
  const stats = blockStats(doc);
  const sums = new Map<Section, { words: number; sentences: number; syllables: number }>(doc.allSections.map((s) => [s, { words: 0, sentences: 0, syllables: 0 }]));
  // Sections and blocks are both in document order: a block belongs to the last section that starts before it.
  let k = -1;
  for (const block of doc.blocks) {
    while (k + 1 < doc.allSections.length && doc.allSections[k + 1].headingStart <= block.start) k++;
    if (k < 0) continue;
    const sum = sums.get(doc.allSections[k])!;
    const b = stats.get(block)!;
    sum.words += b.words;
    sum.sentences += b.sentences;
    sum.syllables += b.syllables;
  }
  const out = new Map<Section, Readability>();
  for (const [section, t] of sums) {
    const grade = t.words === 0 || t.sentences === 0 ? 0 : 0.39 * (t.words / t.sentences) + 11.8 * (t.syllables / t.words) - 15.59;
    out.set(section, { ...t, grade: Math.round(grade * 10) / 10 });
  }
  return out;
});
