import type { Heading as MdHeading, List, ListItem, Node, Paragraph, Root, RootContent, Strong } from 'mdast';
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
    if (node.type === 'yaml' || node.type === 'html' || node.type === 'definition' || node.type === 'thematicBreak') continue;
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

export function detectHeadings(root: Root, text: string): Heading[] {
  const out: Heading[] = [];
  let lastRealLevel = 0;
  let topNumberedLevel: number | undefined;
  let lastNumberedLevel: number | undefined;
  const units = flatten(root.children, false, true, []);

  const pseudoLevel = (number: string | undefined, isTitle: boolean, upper: boolean): number => {
    if (number) {
      const depth = number.split('.').length;
      const level = Math.min(6, lastRealLevel + depth + (lastRealLevel === 0 ? 1 : 0));
      if (depth === 1) topNumberedLevel = level;
      lastNumberedLevel = level;
      return level;
    }
    if (isTitle) return 1;
    // Inside a numbered scheme, an unnumbered line heading is a subsection, unless it shouts like a top heading.
    if (lastNumberedLevel !== undefined) return upper && topNumberedLevel !== undefined ? topNumberedLevel : Math.min(6, lastNumberedLevel + 1);
    return Math.min(6, lastRealLevel === 0 ? 2 : lastRealLevel + 1);
  };
  const push = (h: Omit<Heading, 'level'>, isTitle: boolean) => {
    out.push(Object.freeze({ ...h, level: pseudoLevel(h.number, isTitle, isUpperCase(h.title)) }));
  };

  for (let u = 0; u < units.length; u++) {
    const { node, inItem, firstInItem, topLevel } = units[u];
    const start = node.position?.start.offset ?? 0;
    const end = node.position?.end.offset ?? 0;
    const isFirst = u === 0 || (u === 1 && units[0].node.type === 'blockquote');

    if (node.type === 'heading') {
      const h = node as MdHeading;
      const { number, title } = splitNumber(toString(h).trim());
      lastRealLevel = h.depth;
      topNumberedLevel = lastNumberedLevel = undefined;
      out.push(Object.freeze({ level: h.depth, title, number, style: text[start] === '#' ? 'atx' : 'setext', start, end } as Heading));
      continue;
    }
    if (node.type === 'paragraph') {
      const p = node as Paragraph;
      const bold = inItem ? undefined : boldOnlyTitle(p);
      if (bold !== undefined) {
        const { number, title } = splitNumber(bold);
        push({ title, number, style: number ? 'numbered' : 'bold', start, end }, false);
        continue;
      }
      const lines = sourceLines(text, start, end);
      let previousWasHeading = false;
      for (let i = firstInItem ? 1 : 0; i < lines.length; i++) {
        const line = lines[i];
        const next = i + 1 < lines.length ? lines[i + 1].text : firstLineOf(units[u + 1]?.node, text);
        // A heading line ends its paragraph as surely as a full stop does.
        const prev = i > 0 ? (previousWasHeading ? '.' : lines[i - 1].text) : undefined;
        previousWasHeading = false;
        if (!isPlainHeading(line.text, prev, next, i === 0 && lines.length > 1, isFirst && i === 0)) continue;
        previousWasHeading = true;
        const { number, title } = splitNumber(line.text.trim());
        push({ title: title.replace(/[.:]$/, ''), number, style: number ? 'numbered' : 'plain-line', start: line.start, end: line.end }, isFirst && i === 0 && !number);
      }
      continue;
    }
    if (node.type === 'list' && (node as List).ordered && topLevel) {
      const list = node as List;
      const nextBlock = units.slice(u + 1).find((x) => x.topLevel)?.node;
      for (const item of list.children) {
        const title = numberedItemTitle(item, list, nextBlock);
        if (title === undefined) continue;
        const itemStart = item.position?.start.offset ?? start;
        const lineEnd = lineEndAt(text, itemStart);
        const number = /^\s*(\d+)/.exec(text.slice(itemStart, lineEnd))?.[1];
        push({ title: title.replace(/[.:]$/, ''), number, style: 'numbered', start: itemStart, end: lineEnd }, false);
      }
    }
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

function numberedItemTitle(item: ListItem, list: List, nextBlock: RootContent | undefined): string | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const whole = toString(first).trim();
  const raw = whole.split(/\r?\n|\r/)[0].trim();
  if (!raw || !isHeadingLike(raw, true)) return undefined;
  if (isUpperCase(raw)) return raw;
  // Prose on the very next line is a lazy continuation of the item: only a shouted line is a heading then.
  if (raw !== whole) return undefined;
  // A one-item list standing alone before prose is a numbered heading in any case ("3. Your Rights").
  const alone = list.children.length === 1 && item.children.length === 1 && nextBlock !== undefined && nextBlock.type !== 'list';
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

function firstLineOf(node: Node | undefined, text: string): string | undefined {
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
