import type { Block } from '../model/blocks';
import type { Span } from '../model/maskedText';
import type { PolicyDocument } from '../model/policyDocument';
import { perBlockText, perBlockUnion, perDocument, perNode, perObject, perString } from './cache';
import type { Placed } from '../model/nodes';

/** A run of letters and digits in a prose block, with document offsets. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly block: Block;
  /** Index of the sentence of `block` the token is in. */
  readonly sentence: number;
  /** The first token of its sentence. */
  readonly sentenceStart: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;

// A block that did not move keeps its object from one version to the next, and so its tokens.
const tokensOfBlock = perObject((block: Block): readonly Token[] => blockTokens(block));

/** Every word of the document's prose in order, blocks of every kind included. */
export const tokens = perDocument((doc: PolicyDocument): readonly Token[] => {
  const out: Token[] = [];
  for (const block of doc.blocks) {
    for (const t of tokensOfBlock(block)) out.push(t);
  }
  return Object.freeze(out);
});

/** Tokens grouped by sentence: each run is one sentence of one block. */
export function* sentences(all: readonly Token[]): Generator<Token[]> {
  let run: Token[] = [];
  for (const t of all) {
    if (run.length > 0 && (run[0].block !== t.block || run[0].sentence !== t.sentence)) {
      yield run;
      run = [];
    }
    run.push(t);
  }
  if (run.length > 0) yield run;
}

/** The words of one block, appended to `out`. */
export function blockTokens(block: Block, out: Token[] = []): Token[] {
  let sentence = 0;
  let previousSentence = -1;
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(block.text)) !== null) {
    const start = block.start + m.index;
    while (sentence < block.sentences.length - 1 && block.sentences[sentence].end <= start) sentence++;
    out.push({ text: m[0], start, end: start + m[0].length, block, sentence, sentenceStart: sentence !== previousSentence });
    previousSentence = sentence;
  }
  return out;
}

/** True when only white space (or blanked markup) separates two tokens of the same block. */
export function adjacent(a: Token, b: Token): boolean {
  if (a.block !== b.block) return false;
  for (let i = a.end - a.block.start; i < b.start - a.block.start; i++) {
    const c = a.block.text[i];
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\u00a0') return false;
  }
  return true;
}

/** Words as a reader counts them: contractions and hyphenated words are one word. */
export function countWords(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)) n++;
  return n;
}

/** A title reduced to its words: lower case, quotes, dashes and punctuation gone, `&` read as "and". */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text of a span of a block's masked prose. */
export function spanText(block: Block, span: Span): string {
  return block.text.slice(span.start - block.start, span.end - block.start);
}

/** The sentence of `block` around `offset` (the whole block when none holds it). */
export function sentenceSpan(block: Block, offset: number): Span {
  return block.sentences.find((s) => s.start <= offset && offset < s.end) ?? { start: block.start, end: block.end };
}

export function isUpperWord(word: string): boolean {
  return /\p{Lu}/u.test(word) && !/\p{Ll}/u.test(word);
}

export function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

/** The block that holds `offset`, by binary search over the document's ordered blocks. */
export function blockAt(doc: PolicyDocument, offset: number): Block | undefined {
  const blocks = doc.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].end < offset) lo = mid + 1;
    else if (blocks[mid].start > offset) hi = mid - 1;
    else return blocks[mid];
  }
  return undefined;
}

const UPPER = /\p{Lu}/u;
// A policy writes a few thousand distinct words many times over: each is kept once.
const intern = perString((word: string) => word, 100_000);
const lowerCaseWordsOfBlock = perBlockText((block: Block): readonly string[] => [...new Set((block.text.match(WORD) ?? []).filter((w) => !UPPER.test(w)))].map(intern));

/** Every word the document writes in lower case somewhere in its prose: the words that are not names. */
export const lowerCaseWords = perBlockUnion(lowerCaseWordsOfBlock);

/** The line break a fix should write: the document's own (CRLF when it has any), found once per version. */
export const lineBreak = perDocument((doc: PolicyDocument): string => (doc.text.includes('\r\n') ? '\r\n' : '\n'));

/** Words in a sentence that make it about the policy's own practices: "we", "you". */
export function speaksToReader(text: string): boolean {
  return /\b(?:we|us|our|you|your)\b/i.test(text);
}

/** Offsets of the text of links, emphasis and inline code: names of pages, buttons and headings live there. */
const markedSpans = perNode((node, _src): Placed[] => {
  const out: Placed[] = [];
  const visit = (n: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[] }) => {
    if (n.type === 'link' || n.type === 'linkReference' || n.type === 'strong' || n.type === 'emphasis') {
      const s = n.position?.start.offset;
      const e = n.position?.end.offset;
      if (s !== undefined && e !== undefined) out.push({ start: s, end: e });
    }
    for (const child of (n.children ?? []) as Array<typeof n>) visit(child);
  };
  visit(node as unknown as Parameters<typeof visit>[0]);
  return out;
});

export const markedRanges = perDocument((doc: PolicyDocument): ReadonlyArray<readonly [number, number]> =>
  markedSpans(doc)
    .map((x): [number, number] => [x.start, x.end])
    .sort((a, b) => a[0] - b[0]),
);

/** Whether [start, end) lies inside one of the sorted ranges. */
export function insideRanges(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid][0] <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // Ranges nest (a link inside bold): look back over the few that start before.
  for (let k = found; k >= 0 && k > found - 8; k--) if (ranges[k][0] <= start && end <= ranges[k][1]) return true;
  return false;
}

const sectionStarts = perDocument((doc: PolicyDocument): readonly number[] => doc.allSections.map((s) => s.headingStart));

/**
 * The innermost section around `offset`: the last one whose heading starts at or before it (sections
 * nest and run to the next heading of their level, so that one contains the offset). A binary
 * search, where `doc.sectionAt` walks sibling lists: a document of 60,000 headings stays fast.
 */
export function innermostSection(doc: PolicyDocument, offset: number): PolicyDocument['allSections'][number] | undefined {
  const starts = sectionStarts(doc);
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 ? doc.allSections[found] : undefined;
}

// A word that denies what follows it: "not", "never", "no", "neither", "nor", and "-n't" contractions.
const NEGATION = /\b(?:not|never|no|neither|nor)\b|n['’]t\b/i;
// Where a clause starts: a semicolon, colon or comma, or a word that turns the sentence ("but", "however").
const CLAUSE_BREAK = /[;:,]|\b(?:but|however|although|though|whereas|yet)\b/gi;

/** Whether a text holds a word of negation: "we do not transfer", "we never sell", "we don't". */
export function hasNegation(text: string): boolean {
  return NEGATION.test(text);
}

/**
 * Whether the words before a phrase, back to the start of its clause, deny it: "we will never charge a fee",
 * "we do not ever charge a fee", but not "we do not sell your data, but we may charge a fee" nor "if you do not
 * reply, we keep it".
 */
export function negates(before: string): boolean {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(before); m; m = CLAUSE_BREAK.exec(before)) start = m.index + m[0].length;
  return NEGATION.test(before.slice(start));
}
