import type { List, ListItem, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { PolicyDocument } from '../model/policyDocument';
import type { Section } from '../model/sections';
import { shiftedClone } from '../model/shift';
import { nodeStart } from '../model/chunks';
import { caseMemory, sentenceCase } from './casing';
import { perDocument } from './cache';
import { isUpperWord, lineBreak, normalizeTitle } from './text';

export interface TocEntry {
  readonly title: string;
  readonly number?: string;
  /** 0 for a top-level entry, 1 for an entry nested under it. */
  readonly depth: number;
  /** The entry's first line, marker included. */
  readonly start: number;
  readonly end: number;
  /** The entry's text after its marker, as written (links kept). */
  readonly content: string;
  readonly link: boolean;
}

export type TocProblemKind = 'missing' | 'extra' | 'title' | 'number' | 'order';

export interface TocProblem {
  readonly kind: TocProblemKind;
  readonly entry?: TocEntry;
  readonly section?: Section;
  readonly start: number;
  readonly end: number;
}

export interface TableOfContents {
  readonly heading: Section;
  /** The list, from the start of its first line. */
  readonly start: number;
  readonly end: number;
  readonly entries: readonly TocEntry[];
  /** The headings it should list, in order. */
  readonly expected: readonly Section[];
  /** For each expected heading, the entry that stands for it. */
  readonly entryFor: ReadonlyMap<Section, TocEntry>;
  readonly problems: readonly TocProblem[];
  /** The list rewritten from the headings, in the list's own style. */
  regenerate(): string;
}

const TOC_TITLE = /^(?:table of contents|contents|in this (?:privacy )?(?:policy|notice|statement)|on this page|quick links|jump to(?: a section)?)$/i;
const PAGE = /(?:\d{1,4}|[ivxlc]{1,6})$/i;

/** "Introduction ........ 3", "Introduction\t3", "Scope … iv": the title without its page number, cut by hand (no backtracking). */
function withoutPageNumber(line: string): string {
  const page = PAGE.exec(line);
  if (!page) return line;
  const before = line.slice(0, page.index);
  const trimmed = before.trimEnd();
  // Dot leaders (". . ." or "....") or an ellipsis, walked back from the end.
  let k = trimmed.length;
  let dots = 0;
  while (k > 0 && (trimmed[k - 1] === '.' || trimmed[k - 1] === '…' || trimmed[k - 1] === ' ')) {
    if (trimmed[k - 1] !== ' ') dots += trimmed[k - 1] === '…' ? 2 : 1;
    k--;
  }
  const spaces = before.length - trimmed.length;
  if (dots >= 2) return trimmed.slice(0, k).trimEnd();
  if (before.slice(trimmed.length).includes('\t') || spaces >= 3) return trimmed;
  return line;
}
const ITEM_PREFIX = /^(\s*)(?:(\d+)([.)])|([-*+]))(\s+)/;

export const tablesOfContents = perDocument((doc: PolicyDocument): readonly TableOfContents[] => {
  const out: TableOfContents[] = [];
  for (const heading of doc.allSections) {
    if (!TOC_TITLE.test(normalizeTitle(heading.title))) continue;
    const list = firstListAfter(doc, heading.headingEnd, heading.end);
    if (!list) continue;
    const toc = analyse(doc, heading, list);
    if (toc) out.push(toc);
  }
  return Object.freeze(out);
});

/** The list that comes right after the heading, when nothing but white space stands between them. */
function firstListAfter(doc: PolicyDocument, from: number, limit: number): List | undefined {
  // The top-level blocks, not `doc.root`: only the list found is placed at its offsets in this version.
  for (const chunk of doc.chunks) {
    if (chunk.start < from) continue;
    if (chunk.start > limit) return undefined;
    return chunk.node.type === 'list' ? (shiftedClone(chunk.node, chunk.start - nodeStart(chunk.node)) as List) : undefined;
  }
  return undefined;
}

/** The entries of the list, up to the first item that is a heading of its own ("1. WHAT WE COLLECT" right after the list). */
function entriesOf(doc: PolicyDocument, list: List, depth: number, out: TocEntry[]): number {
  let end = list.position?.start.offset ?? 0;
  const headingStarts = new Set(doc.headings.map((h) => h.start));
  for (const [i, item] of list.children.entries()) {
    if (headingStarts.has(item.position?.start.offset ?? -1)) break;
    end = addItem(doc, list, item, i, depth, out);
  }
  return end;
}

function addItem(doc: PolicyDocument, list: List, item: ListItem, i: number, depth: number, out: TocEntry[]): number {
  const para = item.children.find((c): c is Paragraph => c.type === 'paragraph');
  const itemStart = item.position?.start.offset ?? 0;
  const lineEnd = doc.lines.lineEnd(doc.lines.lineAt(itemStart));
  if (para) {
    const paraStart = para.position?.start.offset ?? itemStart;
    // A word processor's contents line ends in its page number, after a tab or a leader of dots: "Cookies\t4".
    let title = toString(para).split(/\r?\n|\r/)[0].trim();
    title = withoutPageNumber(title);
    // The number as written: "4." after "2." is 4, whatever CommonMark counts.
    const written = /^\s*(\d+)[.)]/.exec(doc.text.slice(itemStart, lineEnd))?.[1];
    let number = list.ordered ? (written ?? String((list.start ?? 1) + i)) : undefined;
    const own = /^(\d+(?:\.\d+)*)\.?\s+/.exec(title);
    if (own) {
      number = own[1];
      title = title.slice(own[0].length);
    }
    const link = para.children.length === 1 && para.children[0].type === 'link';
    out.push({ title, number, depth, start: doc.lines.lineStart(doc.lines.lineAt(itemStart)), end: lineEnd, content: doc.text.slice(paraStart, lineEnd), link });
  }
  if (depth === 0) for (const child of item.children) if (child.type === 'list') entriesOf(doc, child, 1, out);
  return item.position?.end.offset ?? 0;
}

function sameTitle(a: string, b: string): boolean {
  const strip = (s: string) => normalizeTitle(s).replace(/^\d+(?:\s+\d+)*\s+/, '');
  return strip(a) === strip(b);
}

function analyse(doc: PolicyDocument, heading: Section, list: List): TableOfContents | undefined {
  const entries: TocEntry[] = [];
  const listEnd = entriesOf(doc, list, 0, entries);
  const top = entries.filter((e) => e.depth === 0);
  if (top.length < 2) return undefined;
  // The headings it lists follow it inside the part of the document it belongs to.
  const parent = doc.allSections.filter((s) => s.children.includes(heading))[0];
  const scopeEnd = parent ? parent.end : doc.text.length;
  const scope = doc.allSections.filter((s) => s.headingStart >= listEnd && s.headingStart <= scopeEnd);
  const levels = [...new Set(scope.map((s) => s.level))];
  let level = -1;
  let best = 0;
  for (const l of levels) {
    const n = top.filter((e) => scope.some((s) => s.level === l && (sameTitle(e.title, s.title) || (e.number !== undefined && e.number === s.number)))).length;
    if (n > best) [level, best] = [l, n];
  }
  // A list whose entries mostly match no heading is not a table of contents this can check.
  if (best < Math.max(2, top.length / 2)) return undefined;
  const expected = scope.filter((s) => s.level === level);
  const { entryFor, problems } = compare(top, expected);
  const start = doc.lines.lineStart(doc.lines.lineAt(list.position?.start.offset ?? 0));
  const toc: TableOfContents = {
    heading,
    start,
    end: listEnd,
    entries,
    expected,
    entryFor,
    problems,
    regenerate: () => regenerate(doc, toc),
  };
  return Object.freeze(toc);
}

function compare(top: readonly TocEntry[], expected: readonly Section[]): { entryFor: Map<Section, TocEntry>; problems: TocProblem[] } {
  const entryFor = new Map<Section, TocEntry>();
  const sectionOf = new Map<TocEntry, Section>();
  const pair = (e: TocEntry, s: Section) => {
    entryFor.set(s, e);
    sectionOf.set(e, s);
  };
  for (const e of top) {
    const s = expected.find((x) => !entryFor.has(x) && sameTitle(e.title, x.title));
    if (s) pair(e, s);
  }
  const problems: TocProblem[] = [];
  for (const e of top) {
    if (sectionOf.has(e)) continue;
    // Same number, or the one heading left between the neighbours' headings: the title changed.
    let s = e.number ? expected.find((x) => !entryFor.has(x) && x.number === e.number) : undefined;
    if (!s) {
      const i = top.indexOf(e);
      let p = i - 1;
      while (p >= 0 && !sectionOf.has(top[p])) p--;
      let n = i + 1;
      while (n < top.length && !sectionOf.has(top[n])) n++;
      const from = p >= 0 ? expected.indexOf(sectionOf.get(top[p])!) + 1 : 0;
      const to = n < top.length ? expected.indexOf(sectionOf.get(top[n])!) : expected.length;
      const free = expected.slice(from, Math.max(from, to)).filter((x) => !entryFor.has(x));
      const unpaired = top.slice(p + 1, n).filter((x) => !sectionOf.has(x));
      if (free.length === 1 && unpaired.length === 1) s = free[0];
    }
    if (s) {
      pair(e, s);
      problems.push({ kind: 'title', entry: e, section: s, start: e.start, end: e.end });
    } else problems.push({ kind: 'extra', entry: e, start: e.start, end: e.end });
  }
  // A missing heading is reported on the entry it should follow, inside the list the fix rewrites.
  for (const s of expected) {
    if (entryFor.has(s)) continue;
    const before = expected.slice(0, expected.indexOf(s)).reverse().find((x) => entryFor.has(x));
    const at = before ? entryFor.get(before)! : top[0];
    problems.push({ kind: 'missing', section: s, start: at.start, end: at.end });
  }
  for (const e of top) {
    const s = sectionOf.get(e);
    if (s && e.number && s.number && e.number !== s.number) problems.push({ kind: 'number', entry: e, section: s, start: e.start, end: e.end });
  }
  // Entries outside the longest run in heading order are the ones out of order.
  const paired = top.filter((e) => sectionOf.has(e));
  const keep = longestIncreasing(paired.map((e) => expected.indexOf(sectionOf.get(e)!)));
  paired.forEach((e, k) => {
    if (!keep.has(k)) problems.push({ kind: 'order', entry: e, section: sectionOf.get(e), start: e.start, end: e.end });
  });
  return { entryFor, problems: problems.sort((a, b) => a.start - b.start) };
}

/** Indexes of one longest strictly increasing subsequence. */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const prev: number[] = new Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    prev[i] = lo > 0 ? tails[lo - 1] : -1;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) keep.add(k);
  return keep;
}

function regenerate(doc: PolicyDocument, toc: TableOfContents): string {
  const eol = lineBreak(doc);
  const first = ITEM_PREFIX.exec(doc.text.slice(toc.entries[0].start, toc.entries[0].end));
  const indent = first?.[1] ?? '';
  const ordered = first?.[2] !== undefined;
  const delimiter = first?.[3] ?? '.';
  const bullet = first?.[4] ?? '-';
  const gap = first?.[5] ?? ' ';
  const top = toc.entries.filter((e) => e.depth === 0);
  const links = top.filter((e) => e.link).length > top.length / 2;
  const shout = top.filter((e) => isUpperWord(e.title.replace(/[^\p{L}]/gu, ''))).length > top.length / 2;
  const memory = caseMemory(doc);
  const lines = toc.expected.map((s, i) => {
    const marker = ordered ? `${s.number && !s.number.includes('.') ? s.number : String(i + 1)}${delimiter}` : bullet;
    const entry = toc.entryFor.get(s);
    let content: string;
    if (entry && sameTitle(entry.title, s.title)) content = entry.content;
    else {
      // The entries' own style: headings in capitals become sentence case in a list written in sentence case.
      const title = !shout && isUpperWord(s.title.replace(/[^\p{L}]/gu, '')) ? sentenceCase(s.title, memory) : s.title;
      content = links ? `[${title}](#${slug(s)})` : title;
    }
    return `${indent}${marker}${gap}${content}`;
  });
  return lines.join(eol);
}

/** The anchor GitHub and VS Code give a Markdown heading. */
export function slug(s: Section): string {
  const text = `${s.number ? `${s.number} ` : ''}${s.title}`;
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

