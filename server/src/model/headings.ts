import type { Heading as MdHeading, List, ListItem, Node, Paragraph, RootContent, Strong } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * How a heading was written. Drafts pasted from Word or a web page carry their headings without
 * Markdown markup, so besides `atx`/`setext` headings the model recognises:
 * - `plain-line`: a short line standing alone, with no closing punctuation, followed by prose;
 * - `numbered`: "1. WHAT WE COLLECT" (CommonMark reads it as an ordered list) or "1.1. Cookies";
 * - `bold`: a paragraph that is only bold text.
 */
export type HeadingStyle = 'atx' | 'setext' | 'plain-line' | 'numbered' | 'bold';

export interface Heading {
  readonly level: number;
  readonly title: string;
  /** "4" or "4.2" when the heading is numbered. */
  readonly number?: string;
  readonly style: HeadingStyle;
  /** The heading's line or node, markup included. */
  readonly start: number;
  readonly end: number;
}

// A line ending in one of these stops mid-phrase ("You can write to us at"); "Who we are" is still a title.
const FUNCTION_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'of', 'on', 'or', 'our', 'that', 'the', 'to', 'which', 'with', 'your']);
const NUMBERING = /^(\d+(?:\.\d+)+)\.?\s+|^(\d+)[.)]\s+/;
const SENTENCE_END = /[.!?:;)"”’]$/;

interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

interface Unit {
  readonly node: RootContent;
  /** Inside a list item; `firstInItem` when it is the item's first block (its bullet line). */
  readonly inItem: boolean;
  readonly firstInItem: boolean;
  readonly topLevel: boolean;
}

/** Blocks in document order, list items opened up: lazy continuation lines often hide headings in them. */
function flatten(nodes: readonly RootContent[], inItem: boolean, topLevel: boolean, out: Unit[]): Unit[] {
  for (const node of nodes) {
    if (!countsAsBlock(node)) continue;
    out.push({ node, inItem, firstInItem: false, topLevel });
    if (node.type === 'list') {
      for (const item of (node as List).children) {
        item.children.forEach((child, i) => {
          out.push({ node: child, inItem: true, firstInItem: i === 0, topLevel: false });
          if (child.type === 'list') flatten((child as List).children.flatMap((x) => x.children), true, false, out);
        });
      }
    }
  }
  return out;
}

/** A heading found in one chunk, before the document-wide pass gives it a level. */
export interface HeadingCandidate {
  readonly title: string;
  readonly number?: string;
  readonly style: HeadingStyle;
  readonly start: number;
  readonly end: number;
  /** The depth of a Markdown (`atx`/`setext`) heading. */
  readonly depth?: number;
  /** The document's first line, read as its title. */
  readonly isTitle: boolean;
}

/** What a chunk needs to know about its neighbours: heading detection looks one block ahead. */
export interface ChunkContext {
  /** No block before this chunk counts (front matter, comments and rules do not). */
  readonly first: boolean;
  /** The first line of the next block, `<list>` for a list or table. */
  readonly nextFirstLine?: string;
  readonly nextType?: string;
}

/** Whether a top-level node takes part in heading detection at all. */
export function countsAsBlock(node: RootContent): boolean {
  return !(node.type === 'yaml' || node.type === 'html' || node.type === 'definition' || node.type === 'thematicBreak');
}

/** Finds headings in `nodes` (offsets in `text`); `ctx` stands for the rest of the document. */
export function detectCandidates(nodes: readonly RootContent[], text: string, ctx: ChunkContext): HeadingCandidate[] {
  const out: HeadingCandidate[] = [];
  const units = flatten(nodes, false, true, []);
  for (let u = 0; u < units.length; u++) {
    const { node, inItem, firstInItem, topLevel } = units[u];
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const isFirst = ctx.first && (u === 0 || (u === 1 && units[0].node.type === 'blockquote'));
    const nextUnit = units[u + 1];
    const nextFirstLine = nextUnit ? firstLineOf(nextUnit.node, text) : ctx.nextFirstLine;

    if (node.type === 'heading') {
      const h = node as MdHeading;
      const { number, title } = splitNumber(toString(h).trim());
      out.push(Object.freeze({ title, number, style: text[start] === '#' ? 'atx' : 'setext', start, end, depth: h.depth, isTitle: false } as HeadingCandidate));
      continue;
    }
    if (node.type === 'paragraph') {
      const p = node as Paragraph;
      const bold = inItem ? undefined : boldOnlyTitle(p);
      if (bold !== undefined) {
        const { number, title } = splitNumber(bold);
        out.push(Object.freeze({ title, number, style: number ? 'numbered' : 'bold', start, end, isTitle: false } as HeadingCandidate));
        continue;
      }
      const lines = sourceLines(text, start, end);
      let previousWasHeading = false;
      for (let i = firstInItem ? 1 : 0; i < lines.length; i++) {
        const line = lines[i];
        const next = i + 1 < lines.length ? lines[i + 1].text : nextFirstLine;
        // A heading line ends its paragraph as surely as a full stop does.
        const prev = i > 0 ? (previousWasHeading ? '.' : lines[i - 1].text) : undefined;
        previousWasHeading = false;
        if (!isPlainHeading(line.text, prev, next, i === 0 && lines.length > 1, isFirst && i === 0)) continue;
        previousWasHeading = true;
        const { number, title } = splitNumber(line.text.trim());
        out.push(Object.freeze({ title: title.replace(/[.:]$/, ''), number, style: number ? 'numbered' : 'plain-line', start: line.start, end: line.end, isTitle: isFirst && i === 0 && !number } as HeadingCandidate));
      }
      continue;
    }
    if (node.type === 'list' && (node as List).ordered && topLevel) {
      const list = node as List;
      // Each chunk holds one top-level node, so the next top-level block is the next chunk's.
      const nextType = ctx.nextType;
      for (const item of list.children) {
        const title = numberedItemTitle(item, list, nextType);
        if (title === undefined) continue;
        const itemStart = item.position?.start.offset ?? start;
        const lineEnd = lineEndAt(text, itemStart);
        const number = /^\s*(\d+)/.exec(text.slice(itemStart, lineEnd))?.[1];
        out.push(Object.freeze({ title: title.replace(/[.:]$/, ''), number, style: 'numbered', start: itemStart, end: lineEnd, isTitle: false } as HeadingCandidate));
      }
    }
  }
  return out;
}

/**
 * Gives every heading its level, in one pass over the document. Markdown headings keep their depth.
 * Pasted headings: the document's first line is its title (1); numbered ones take their depth from
 * the number ("1." → 2, "1.1." → 3) below the last Markdown heading; others sit one below the last
 * Markdown heading, or one below the last numbered heading inside a numbered scheme.
 */
export function assignLevels(unsorted: readonly HeadingCandidate[]): Heading[] {
  const out: Heading[] = [];
  // A list's numbered headings are found before the headings inside its items: restore document order, drop overlaps.
  const candidates: HeadingCandidate[] = [];
  for (const c of [...unsorted].sort((a, b) => a.start - b.start)) {
    const previous = candidates[candidates.length - 1];
    if (!previous || c.start >= previous.end) candidates.push(c);
  }
  let lastRealLevel = 0;
  let topNumberedLevel: number | undefined;
  let lastNumberedLevel: number | undefined;
  for (const c of candidates) {
    let level: number;
    if (c.depth !== undefined) {
      level = c.depth;
      lastRealLevel = c.depth;
      topNumberedLevel = lastNumberedLevel = undefined;
    } else if (c.number) {
      const depth = c.number.split('.').length;
      level = Math.min(6, lastRealLevel + depth + (lastRealLevel === 0 ? 1 : 0));
      if (depth === 1) topNumberedLevel = level;
      lastNumberedLevel = level;
    } else if (c.isTitle) {
      level = 1;
    } else if (lastNumberedLevel !== undefined) {
      // Inside a numbered scheme, an unnumbered line heading is a subsection, unless it shouts like a top heading.
      level = isUpperCase(c.title) && topNumberedLevel !== undefined ? topNumberedLevel : Math.min(6, lastNumberedLevel + 1);
    } else {
      level = Math.min(6, lastRealLevel === 0 ? 2 : lastRealLevel + 1);
    }
    out.push(Object.freeze({ level, title: c.title, number: c.number, style: c.style, start: c.start, end: c.end }));
  }
  return out;
}

function splitNumber(raw: string): { number?: string; title: string } {
  const m = NUMBERING.exec(raw);
  if (!m) return { title: raw };
  const title = raw.slice(m[0].length).trim();
  return title ? { number: m[1] ?? m[2], title } : { title: raw };
}

function boldOnlyTitle(p: Paragraph): string | undefined {
  const kids = p.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (kids.length !== 1 || kids[0].type !== 'strong') return undefined;
  const title = toString(kids[0] as Strong).trim();
  if (!title || title.length > 100 || /[\r\n]/.test(title) || /[.,;]$/.test(title)) return undefined;
  return title.replace(/:$/, '');
}

function numberedItemTitle(item: ListItem, list: List, nextType: string | undefined): string | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const whole = toString(first).trim();
  const raw = whole.split(/\r?\n|\r/)[0].trim();
  if (!raw || !isHeadingLike(raw, true)) return undefined;
  if (isUpperCase(raw)) return raw;
  // Prose on the very next line is a lazy continuation of the item: only a shouted line is a heading then.
  if (raw !== whole) return undefined;
  // A one-item list standing alone before prose is a numbered heading in any case ("3. Your Rights").
  const alone = list.children.length === 1 && item.children.length === 1 && nextType !== undefined && nextType !== 'list';
  return alone && isTitleCase(raw) ? raw : undefined;
}

/** A plain line is a heading when it looks like a title and stands where a title stands. */
function isPlainHeading(line: string, prev: string | undefined, next: string | undefined, firstOfMany: boolean, documentTitle: boolean): boolean {
  const t = line.trim();
  if (!isHeadingLike(t, NUMBERING.test(t))) return false;
  // A wrapped paragraph's line follows a line that stops mid-sentence.
  if (prev !== undefined && !endsAParagraph(prev.trim())) return false;
  if (next === undefined) return documentTitle;
  const n = next.trim();
  if (firstOfMany && t.length > 0.75 * Math.max(n.length, 60)) return false;
  if (n === '' || n === '<list>') return true;
  return documentTitle || isProseLike(n);
}

/** Pasted text ends a paragraph with punctuation, a bullet line, or a line too long to be hard-wrapped. */
function endsAParagraph(prev: string): boolean {
  return SENTENCE_END.test(prev) || prev.length > 100 || /^[•·▪◦‣-]/.test(prev);
}

function isHeadingLike(t: string, numbered: boolean): boolean {
  const { title } = splitNumber(t);
  const shouting = numbered && isUpperCase(title);
  if (title.length < 2 || title.length > (shouting ? 140 : 80)) return false;
  const words = title.split(/\s+/);
  if (words.length > (shouting ? 20 : 12)) return false;
  // "Google: you can opt out…" is a labelled line, not a title.
  if (/^[^\s:]+:\s/.test(title)) return false;
  if (!/^["“(]?[A-Z\u00C0-\u00DE]/.test(title)) return false;
  if (/@|:\/\/|www\.|\d{3,}|^[|>]|[<{[]/.test(title)) return false;
  // "Last updated: 3 May 2026" is a label with its value.
  if (/\b(?:updated|effective|revised|dated?|version)\s*:/i.test(title)) return false;
  // "Country refers to: United Kingdom" is a glossary entry.
  if (/\b(?:refers?\s+to|means|includes?)\s*:/i.test(title)) return false;
  if (/[,;:]$/.test(title)) return false;
  if (/\.$/.test(title) && !numbered && !(words.length <= 6 && isTitleCase(title))) return false;
  if (/!$/.test(title)) return false;
  const last = words[words.length - 1].replace(/[^A-Za-z]/g, '').toLowerCase();
  return !FUNCTION_WORDS.has(last) || isUpperCase(title);
}

function isProseLike(n: string): boolean {
  if (SENTENCE_END.test(n) || n.length >= 60) return true;
  const words = n.split(/\s+/);
  return words.length >= 4 && !isHeadingLike(n, false);
}

function isUpperCase(s: string): boolean {
  const letters = s.replace(/[^A-Za-z\u00C0-\u024F]/g, '');
  if (letters.length < 3) return false;
  const upper = letters.replace(/[^A-Z\u00C0-\u00DE]/g, '').length;
  return upper / letters.length >= 0.8;
}

function isTitleCase(s: string): boolean {
  const words = s.replace(/[.?]$/, '').split(/\s+/).filter((w) => w.replace(/[^A-Za-z]/g, '').length > 3);
  return words.length > 0 && words.every((w) => /^["“(]?[A-Z]/.test(w));
}

function sourceLines(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let s = start;
  while (s < end) {
    let e = s;
    while (e < end && text[e] !== '\n' && text[e] !== '\r') e++;
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw, start: s + lead, end: s + raw.trimEnd().length });
    if (text[e] === '\r' && text[e + 1] === '\n') e++;
    s = e + 1;
  }
  return out;
}

export function firstLineOf(node: Node | undefined, text: string): string | undefined {
  if (!node) return undefined;
  if (node.type === 'list' || node.type === 'table') return '<list>';
  if (node.type !== 'paragraph') return undefined;
  const start = node.position?.start.offset ?? 0;
  return text.slice(start, lineEndAt(text, start));
}

function lineEndAt(text: string, offset: number): number {
  let e = offset;
  while (e < text.length && text[e] !== '\n' && text[e] !== '\r') e++;
  return e;
}
