import type { Block } from '../model/blocks';
import type { Span } from '../model/maskedText';
import type { PolicyDocument } from '../model/policyDocument';
import { eachItem, perBlockText, perDocument, perString, type BlockValues } from './cache';
import { adjacent, blockTokens, isCapitalised, isUpperWord, type Token } from './text';
import { definitionCandidates, type Candidate } from './definitionForms';

export type DefinitionForm = Candidate['form'];

/** One place where the policy says what a term means. */
export interface Definition {
  readonly term: string;
  /** The term's own text inside the definition (no quotes, no markup). */
  readonly start: number;
  readonly end: number;
  readonly form: DefinitionForm;
  /** The sentence or paragraph that defines the term: shown on hover. */
  readonly span: Span;
  /** What the term stands for, lower case and reduced to its words: two definitions differ when these differ. */
  readonly meaning: string;
  /** Defined in a definitions section or list, where a reader expects to look terms up. */
  readonly inGlossary: boolean;
}

export interface TermOccurrence {
  readonly start: number;
  readonly end: number;
  /** The term's text at its definition. */
  readonly definition: boolean;
  readonly inHeading: boolean;
}

export interface Term {
  /** The term as defined, white space collapsed. */
  readonly name: string;
  readonly definitions: readonly Definition[];
  /** Every use in the defined form (or in capitals, or capitalised at a sentence start), definitions included. */
  readonly uses: readonly TermOccurrence[];
  /** Uses written in another case where the definition is capitalised: "personal data" for "Personal Data". */
  readonly variants: readonly TermOccurrence[];
  /** "we", "us", "you": defined so that they can be used everywhere; never reported as unused. */
  readonly pronoun: boolean;
  readonly words: readonly string[];
}

export interface TermIndex {
  readonly terms: readonly Term[];
  byName(name: string): Term | undefined;
  /** The term whose definition or use covers `offset`. */
  at(offset: number): { term: Term; occurrence: TermOccurrence } | undefined;
}

const PRONOUNS = new Set(['we', 'us', 'our', 'ours', 'you', 'your', 'yours', 'i', 'me', 'my', 'they', 'them', 'their']);

export function isPronoun(term: string): boolean {
  return PRONOUNS.has(term.toLowerCase());
}

/** A multi-word term whose words are all capitalised: the kind whose lower-case use is a slip. */
export function isCapitalisedPhrase(words: readonly string[]): boolean {
  return words.length >= 2 && words.every((w) => isCapitalised(w) || /^\p{N}/u.test(w)) && !words.every(isUpperWord);
}

export const definedTerms = perDocument((doc: PolicyDocument): TermIndex => {
  const found = definitionCandidates(doc);
  const strong = new Set(found.filter((c) => !c.weak).map((c) => c.term.replace(/\s+/g, ' ')));
  const candidates = found.filter((c) => !c.weak || !strong.has(c.term.replace(/\s+/g, ' ')));
  const byName = new Map<string, { definitions: Definition[]; uses: TermOccurrence[]; variants: TermOccurrence[] }>();
  for (const c of candidates) {
    const name = c.term.replace(/\s+/g, ' ');
    let entry = byName.get(name);
    if (!entry) byName.set(name, (entry = { definitions: [], uses: [], variants: [] }));
    entry.definitions.push(Object.freeze({ term: name, start: c.start, end: c.end, form: c.form, span: c.span, meaning: c.meaning, inGlossary: c.inGlossary }));
  }
  const names = [...byName.keys()];
  const definitionStarts = new Set(candidates.map((c) => c.start));
  // Uses are found block by block (a term never spans two blocks), and kept per block text for as
  // long as the set of terms stays the same: while someone types, one block is read again.
  const scan = scannerFor(names);
  eachItem(scan(doc), (hit, block) => {
    const start = block.start + hit.start;
    const occurrence: TermOccurrence = Object.freeze({ start, end: block.start + hit.end, definition: definitionStarts.has(start), inHeading: block.kind === 'heading' });
    const entry = byName.get(hit.name)!;
    (hit.kind === 'use' ? entry.uses : entry.variants).push(occurrence);
  });
  const wordsOf = new Map(names.map((n) => [n, termParts(n).words]));

  const terms: Term[] = names.map((name) => {
    const entry = byName.get(name)!;
    return Object.freeze({
      name,
      definitions: Object.freeze(entry.definitions),
      uses: Object.freeze(entry.uses),
      variants: Object.freeze(entry.variants),
      pronoun: isPronoun(name),
      words: Object.freeze(wordsOf.get(name)!),
    });
  });
  const occurrences = terms
    .flatMap((term) => [...term.uses, ...term.variants].map((occurrence) => ({ term, occurrence })))
    .sort((a, b) => a.occurrence.start - b.occurrence.start);
  const named = new Map(terms.map((t) => [t.name, t]));
  return Object.freeze({
    terms: Object.freeze(terms),
    byName: (name: string) => named.get(name.replace(/\s+/g, ' ')),
    at: (offset: number) => {
      // Occurrences never overlap, so the last one that starts at or before the offset is the only candidate.
      let lo = 0;
      let hi = occurrences.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (occurrences[mid].occurrence.start <= offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      const hit = found >= 0 ? occurrences[found] : undefined;
      return hit && offset <= hit.occurrence.end ? hit : undefined;
    },
  });
});

interface BlockHit {
  readonly name: string;
  readonly kind: 'use' | 'variant';
  /** Offsets from the block's start. */
  readonly start: number;
  readonly end: number;
}

// A few term sets at once: one per open policy, as a rule.
const scanners = perString((key: string) => makeScanner(key === '' ? [] : key.split('\u0001')), 8);

/** The per-block search for uses of `names`, made again only when the set of defined terms changes. */
function scannerFor(names: readonly string[]): (doc: PolicyDocument) => BlockValues<readonly BlockHit[]> {
  return scanners(names.join('\u0001'));
}

function makeScanner(names: readonly string[]): (doc: PolicyDocument) => BlockValues<readonly BlockHit[]> {
  const partsOf = new Map(names.map((n) => [n, termParts(n)]));
  // Candidate terms by their first word, longest first, so "Personal Information Request" wins over "Personal Information".
  const byFirstWord = new Map<string, string[]>();
  for (const n of names) {
    const first = partsOf.get(n)!.words[0].toLowerCase();
    byFirstWord.set(first, [...(byFirstWord.get(first) ?? []), n]);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => partsOf.get(b)!.words.length - partsOf.get(a)!.words.length || b.length - a.length);
  const scan = perBlockText((block: Block): readonly BlockHit[] => {
    const all = blockTokens(block);
    const hits: BlockHit[] = [];
    for (let i = 0; i < all.length; ) {
      const lower = all[i].text.toLowerCase();
      // "Partners" opens a use of a one-word term "Partner" too.
      const exact = byFirstWord.get(lower);
      const plural = lower.endsWith('s') ? byFirstWord.get(lower.slice(0, -1)) : undefined;
      const pluralEs = lower.endsWith('es') ? byFirstWord.get(lower.slice(0, -2)) : undefined;
      if (!exact && !plural && !pluralEs) {
        i++;
        continue;
      }
      let consumed = 1;
      for (const name of [...(exact ?? []), ...(plural ?? []), ...(pluralEs ?? [])]) {
        const words = partsOf.get(name)!.words;
        const run = matchRun(all, i, partsOf.get(name)!);
        if (!run) continue;
        const kind = classify(run.tokens, words, run.plural);
        if (kind === 'none') continue;
        // "Harbourlight Books Ltd" is not a use of "Harbourlight": a one-word name inside a longer one is left alone.
        if (words.length === 1 && isCapitalised(words[0]) && insideLongerName(all, i, run.tokens.length)) break;
        const first = run.tokens[0];
        const last = run.tokens[run.tokens.length - 1];
        hits.push({ name, kind, start: first.start, end: run.plural ? last.start + words[words.length - 1].length : last.end });
        consumed = run.tokens.length;
        break;
      }
      i += consumed;
    }
    return hits;
  });
  return scan;
}

interface TermParts {
  readonly words: readonly string[];
  /** What stands between word k-1 and word k: ' ' for any white space, else the exact characters ("-" in "Third-Party"). */
  readonly separators: readonly string[];
}

function termParts(name: string): TermParts {
  const words: string[] = [];
  const separators: string[] = [];
  let last = -1;
  for (const m of name.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (last >= 0) separators.push(/^\s+$/.test(name.slice(last, m.index)) ? ' ' : name.slice(last, m.index));
    else separators.push('');
    words.push(m[0]);
    last = m.index + m[0].length;
  }
  return { words, separators };
}

/** The tokens from `i` that spell the term (any case), with a plural `s` allowed on the last word. */
function matchRun(all: readonly Token[], i: number, parts: TermParts): { tokens: Token[]; plural: boolean } | undefined {
  const words = parts.words;
  if (words.length === 0 || i + words.length > all.length) return undefined;
  const run: Token[] = [];
  let plural = false;
  for (let k = 0; k < words.length; k++) {
    const t = all[i + k];
    if (k > 0) {
      const prev = all[i + k - 1];
      if (parts.separators[k] === ' ' ? !adjacent(prev, t) : prev.block !== t.block || t.block.text.slice(prev.end - t.block.start, t.start - t.block.start) !== parts.separators[k]) return undefined;
    }
    const a = t.text.toLowerCase();
    const b = words[k].toLowerCase();
    if (a !== b) {
      if (k !== words.length - 1 || !(a === b + 's' || a === b + 'es') || words[k].length < 3) return undefined;
      plural = true;
    }
    run.push(t);
  }
  // "Connex’s" is a use of "Connex"; "Services" is a use of "Service"; "Personal Information Requests" is not cut short.
  return { tokens: run, plural };
}

// "Your Device", "The Service": a capitalised determiner is house style, not part of a name.
const DETERMINERS = new Set(['your', 'our', 'the', 'their', 'this', 'that', 'these', 'those', 'each', 'any', 'a', 'an', 'my', 'its', 'all', 'every', 'no', 'such']);

function insideLongerName(all: readonly Token[], i: number, n: number): boolean {
  const t = all[i];
  if (t.block.kind === 'heading') return false;
  const next = all[i + n];
  const prev = all[i - 1];
  const capital = (x: Token | undefined, a: Token, b: Token) => x !== undefined && adjacent(a, b) && isCapitalised(x.text) && !/^\p{N}/u.test(x.text);
  // A capital that opens the sentence ("Each Partner") says nothing about a name.
  return (next !== undefined && capital(next, all[i + n - 1], next)) || (prev !== undefined && !t.sentenceStart && !prev.sentenceStart && !DETERMINERS.has(prev.text.toLowerCase()) && capital(prev, prev, t));
}

function classify(run: readonly Token[], words: readonly string[], plural: boolean): 'use' | 'variant' | 'none' {
  const texts = run.map((t, k) => (plural && k === run.length - 1 ? t.text.slice(0, words[k].length) : t.text));
  if (texts.every((t, k) => t === words[k])) return 'use';
  if (texts.every(isUpperWord) && !words.every(isUpperWord)) return 'use';
  // "We" opening a sentence is the defined "we".
  const first = run[0];
  if (!isCapitalised(words[0]) && isCapitalised(texts[0]) && (first.sentenceStart || first.block.kind === 'heading') && texts.slice(1).every((t, k) => t === words[k + 1])) return 'use';
  if (isCapitalisedPhrase(words) && !texts.every((t, k) => t === words[k])) return 'variant';
  return 'none';
}
