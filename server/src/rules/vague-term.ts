import type { Rule } from './rule';
import { quote } from './util/matches';
import { blockTokens, innermostSection, isCapitalised, sentences, type Token } from '../facts/text';
import { eachItem, perBlockText } from '../facts/cache';
import data from '../../data/vague-terms.json';

interface Category {
  readonly id: string;
  readonly name: string;
  readonly meaning: string;
  readonly advice: string;
  readonly terms: readonly string[];
}

const CATEGORIES = data.categories as Category[];
const PRACTICE = new Map<string, string>(data.practices.flatMap((p) => p.words.map((w) => [w, p.id] as [string, string])));
const RIGHTS_VERBS = new Set(data.rightsVerbs);
const PERMISSION = new Set(['can', 'may', 'could']);
const TERMS = CATEGORIES.flatMap((c) => c.terms.map((t) => ({ words: t.split(' '), category: c })));
const ART = data.termsOfArt.map((t) => t.split(' '));

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly category: Category;
}

const NONE: readonly number[] = Object.freeze([]);

/**
 * Where `words` occur in the sentence's lower-case words, as start indices in order. Only the
 * places where the first word stands are tried (`at` lists them per word): a sentence is checked
 * against a hundred terms, most of which it does not contain.
 */
function occurrences(at: ReadonlyMap<string, number[]>, lower: readonly string[], words: readonly string[]): readonly number[] {
  const starts = at.get(words[0]);
  if (!starts) return NONE;
  const out: number[] = [];
  for (const i of starts) {
    let k = 1;
    while (k < words.length && lower[i + k] === words[k]) k++;
    if (k === words.length) out.push(i);
  }
  return out;
}

/** The vague terms of one sentence that say something vague, and the data practices it describes. */
export function analyseSentence(sentence: readonly Token[]): { hits: Hit[]; practices: Set<string> } {
  const lower = sentence.map((t) => t.text.toLowerCase());
  const practices = new Set<string>();
  for (const w of lower) {
    const p = PRACTICE.get(w);
    if (p) practices.add(p);
  }
  const at = new Map<string, number[]>();
  lower.forEach((w, i) => {
    const list = at.get(w);
    if (list) list.push(i);
    else at.set(w, [i]);
  });
  const art = new Set<number>();
  for (const words of ART) for (const i of occurrences(at, lower, words)) for (let k = 0; k < words.length; k++) art.add(i + k);
  const hits: Hit[] = [];
  for (const { words, category } of TERMS) {
    for (const i of occurrences(at, lower, words)) {
      if (words.some((_, k) => art.has(i + k))) continue;
      // "General Data Protection Regulation", "May 2025": a capital mid-sentence makes a name.
      if (i > 0 && isCapitalised(sentence[i].text)) continue;
      // "You can request deletion" grants a right; it is not a vague promise.
      if (category.id === 'modality' && PERMISSION.has(words[0]) && grantsRight(lower, i)) continue;
      hits.push({ start: sentence[i].start, end: sentence[i + words.length - 1].end, text: words.join(' '), category });
    }
  }
  return { hits: hits.sort((a, b) => a.start - b.start), practices };
}

function grantsRight(lower: readonly string[], i: number): boolean {
  const subject = lower.slice(Math.max(0, i - 3), i);
  if (!subject.includes('you')) return false;
  return lower.slice(i + 1, i + 4).some((w) => RIGHTS_VERBS.has(w));
}

const WE = new Set(['we', 'us']);
const ADVERBS = new Set(['also', 'sometimes', 'occasionally', 'further', 'then', 'additionally', 'still', 'only']);

/** "We may share", "we might also collect": a modal between the company and what it does with data. */
function hedgedPractice(sentence: readonly Token[], hits: readonly Hit[]): boolean {
  return hits.some((h) => {
    if (h.category.id !== 'modality') return false;
    const i = sentence.findIndex((t) => t.start === h.start);
    if (i <= 0 || !WE.has(sentence[i - 1].text.toLowerCase())) return false;
    let j = i + 1;
    while (j < sentence.length && ADVERBS.has(sentence[j].text.toLowerCase())) j++;
    return j < sentence.length && PRACTICE.has(sentence[j].text.toLowerCase());
  });
}

export const vagueTerm: Rule = {
  meta: {
    id: 'vague-term',
    description: 'Finds vague terms ("may", "certain", "from time to time") in sentences about collecting, sharing or keeping data',
    defaultSeverity: 'hint',
    tags: ['plain-language', 'gdpr'],
    legalSource: 'GDPR Art. 12(1); WP29 Guidelines on transparency WP260 rev.01 (11 Apr 2018), para. 13; taxonomy of Reidenberg et al., J. Legal Stud. 45(S2) (2016)',
    explanation:
      'Qualifiers such as "may", "some" or "from time to time" leave the reader unable to tell what actually happens to their data. The transparency guidelines name them as poor practice. A sentence about collection, sharing or retention that stacks several kinds of vagueness (condition, generalisation, modality, quantifier) is reported on its own; plain hedges once per section. Both are hints: in careful policies most such qualifiers are accurate in context.',
  },
  check(ctx) {
    // Plain hedges are hinted once per section, with a count: a flood of hints on "may" teaches the reader to ignore them.
    const hedges = new Map<number, { start: number; end: number; text: string; practices: string; count: number }>();
    eachItem(vagueSentences(ctx.doc), (s, block) => {
      const start = block.start + s.start;
      const end = block.start + s.end;
      // At the rule's own severity (hint): judged on real policies, a stacked qualifier is right far less than the
      // 85% a warning needs (npm run accuracy, bench/accuracy/judgements.tsv).
      if (!s.hedgeOnly) return ctx.report({ start, end, message: s.message });
      const key = innermostSection(ctx.doc, block.start + s.sentenceStart)?.index ?? -1;
      const seen = hedges.get(key);
      if (seen) seen.count++;
      else hedges.set(key, { start, end, text: s.text, practices: s.about, count: 1 });
    });
    for (const h of hedges.values()) {
      const more = h.count > 1 ? ` (${h.count} such sentences in this section)` : '';
      ctx.report({
        start: h.start,
        end: h.end,
        message: `Hedge ${quote(`we ${h.text}`)} in a sentence about ${h.practices}${more}: say whether and when it happens, e.g. "we share …" or "we share … when …"`,
      });
    }
  },
};

/** What one sentence contributes, relative to its block: a warning, or a plain hedge to count per section. */
interface VagueSentence {
  readonly sentenceStart: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly about: string;
  readonly hedgeOnly: boolean;
  readonly message: string;
}

// Per block text: while someone types, only the edited block's sentences are analysed again.
const vagueSentences = perBlockText((block): VagueSentence[] => {
  if (block.kind === 'heading') return [];
  const out: VagueSentence[] = [];
  for (const sentence of sentences(blockTokens(block))) {
    const { hits, practices } = analyseSentence(sentence);
    if (hits.length === 0 || practices.size === 0) continue;
    const categories = [...new Set(hits.map((h) => h.category))];
    const about = [...practices].join(' and ');
    if (categories.length < 2) {
      if (!hedgedPractice(sentence, hits)) continue;
      out.push({ sentenceStart: sentence[0].start, start: hits[0].start, end: hits[0].end, text: hits[0].text, about, hedgeOnly: true, message: '' });
      continue;
    }
    const terms = [...new Set(hits.map((h) => h.text))].map((t) => quote(t)).join(', ');
    out.push({
      sentenceStart: sentence[0].start,
      start: hits[0].start,
      end: hits[0].end,
      text: hits[0].text,
      about,
      hedgeOnly: false,
      message: `Vague terms ${terms} (${categories.map((c) => c.name).join(', ')}) in a sentence about ${about}: ${categories.map((c) => c.advice).join('; ')}`,
    });
  }
  return out;
});
