import type { List, RootContent } from 'mdast';
import { shiftedClone } from './shift';
import { parseMarkdown, plainParagraphs, structureOnly, tooComplexForMarkdown } from './parse';

/**
 * One top-level block of the document. Its mdast node keeps the offsets of the text it was parsed
 * from (`src`), which after an edit elsewhere may be shifted: `start - nodeStart(node)` is the shift.
 */
export interface Chunk {
  readonly node: RootContent;
  readonly src: string;
  /** Offsets of the node in the current text. */
  readonly start: number;
  readonly end: number;
  /** Why this part of the text was read as plain paragraphs rather than Markdown, if it was. */
  readonly limited?: string;
}

export function nodeStart(node: RootContent): number {
  return node.position?.start.offset ?? 0;
}
function nodeEnd(node: RootContent): number {
  return node.position?.end.offset ?? 0;
}

/**
 * Parses the text in pieces cut where a new top-level block must start: after a blank line, a
 * Markdown heading, a setext underline (`---`) or a thematic break, at a line that begins at the
 * margin with a letter, `#` or an opening quote, outside front matter, code fences, HTML comments
 * and HTML blocks. remark's time grows faster than the text on long lists of numbered sections, so
 * pieces keep a cold parse close to linear; they parse exactly as the whole text would, because
 * nothing before such a line can reach into it. Link reference definitions are document-wide,
 * so a document that has one is parsed whole.
 */
export function parseChunks(text: string, pieceSize = PIECE): Chunk[] {
  const chunks: Chunk[] = [];
  for (const [from, to] of pieces(text, pieceSize)) {
    const src = from === 0 && to === text.length ? text : text.slice(from, to);
    chunks.push(...parsePiece(src, from));
  }
  return chunks;
}

/** Headings and plain paragraphs only, for a document above the size limit. */
export function structureChunks(text: string): Chunk[] {
  return structureOnly(text).children.map((node) => ({ node, src: text, start: nodeStart(node), end: nodeEnd(node) }));
}

function parsePiece(src: string, from: number): Chunk[] {
  if (!tooComplexForMarkdown(src)) return toChunks(parseMarkdown(src).children, src, from);
  // Only the paragraphs that are too complex are read as plain text; the rest of the piece is
  // parsed paragraph by paragraph (lists split by blank lines may read as several lists here).
  const out: Chunk[] = [];
  for (const part of plainParagraphs(src).children) {
    const start = nodeStart(part);
    const text = src.slice(start, nodeEnd(part));
    const limited = tooComplexForMarkdown(text);
    const nodes = limited ? [part] : parseMarkdown(text).children;
    out.push(...toChunks(nodes, limited ? src : text, limited ? from : from + start, limited));
  }
  return out;
}

function toChunks(nodes: readonly RootContent[], src: string, from: number, limited?: string): Chunk[] {
  return nodes.map((node) => ({ node, src, start: from + nodeStart(node), end: from + nodeEnd(node), limited }));
}

const PIECE = 4096;
const FRONT_MATTER = /^---[ \t]*(?:\r\n|\r|\n)/;
const STARTS_BLOCK = /^[\p{L}#"“‘(]/u;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
// A thematic break, or a setext heading's `---` underline: either way a line that closes what came before
// (a list or a quotation too: it cannot continue them lazily), so the next line starts a block of its own.
// `===` is left out: after a blank line or inside a list it continues a paragraph.
const RULE_LINE = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
// An HTML block starts with `<` and a tag, a comment, a declaration or an instruction; it may run up to a blank line,
// whatever headings or rules it holds, so no cut is made inside it.
const HTML_START = /^ {0,3}<[A-Za-z/!?]/;
const FRONT_MATTER_CLOSE = /(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;

/** Where the line closing the front matter starts (after its line break), -1 when it is never closed (then there is none). */
function frontMatterClose(text: string): number {
  FRONT_MATTER_CLOSE.lastIndex = 0;
  const close = FRONT_MATTER_CLOSE.exec(text);
  return close ? close.index + (close[0].startsWith('\r\n') ? 2 : 1) : -1;
}

function pieces(text: string, size: number): Array<[number, number]> {
  if (text.length <= size || hasDefinition(text)) return [[0, text.length]];
  const out: Array<[number, number]> = [];
  let pieceStart = 0;
  let fence: string | undefined;
  let openComments = 0;
  let previousBlank = false;
  let previousCloses = false;
  let html = false;
  // Front matter runs to its closing `---` line, whatever it holds: the scan starts at that line.
  let lineStart = FRONT_MATTER.test(text) ? Math.max(0, frontMatterClose(text)) : 0;
  while (lineStart < text.length) {
    let lineEnd = lineStart;
    while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
    const line = text.slice(lineStart, lineEnd);
    const blank = line.trim() === '';
    if (!fence && openComments === 0 && (previousBlank || previousCloses) && lineStart - pieceStart >= size && STARTS_BLOCK.test(line)) {
      out.push([pieceStart, lineStart]);
      pieceStart = lineStart;
    }
    const f = FENCE.exec(line);
    if (f) {
      if (!fence) fence = f[1];
      else if (f[1][0] === fence[0] && f[1].length >= fence.length && line.trim() === f[1]) fence = undefined;
    }
    if (!fence) openComments = Math.max(0, openComments + count(line, '<!--') - count(line, '-->'));
    previousBlank = blank;
    if (blank) html = false;
    else if (!fence && HTML_START.test(line)) html = true;
    // An ATX heading is one line, a rule or setext underline closes its block: whatever follows starts a new one.
    previousCloses = !fence && !html && (ATX.test(line) || RULE_LINE.test(line));
    lineStart = lineEnd + (text[lineEnd] === '\r' && text[lineEnd + 1] === '\n' ? 2 : 1);
  }
  out.push([pieceStart, text.length]);
  return out;
}

function count(line: string, what: string): number {
  let n = 0;
  for (let i = line.indexOf(what); i >= 0; i = line.indexOf(what, i + what.length)) n++;
  return n;
}

/**
 * Re-parses only the top-level blocks an edit touches, plus one block of context on each side, and
 * keeps the other blocks' nodes. The result is used only when the context blocks parse exactly as
 * before (so the edit did not change how its neighbours read); otherwise the window widens, and
 * after a few tries the whole text is parsed. Link reference definitions are document-wide, so any
 * document that has one is always parsed whole.
 */
export function reparseChunks(old: readonly Chunk[], oldText: string, text: string, { prefix, suffix } = changedRange(oldText, text)): Chunk[] {
  if (old.length === 0 || old.some((c) => isDefinition(c.node))) return parseChunks(text);
  if (prefix === oldText.length && prefix === text.length) return [...old];
  const editEnd = oldText.length - suffix;
  const delta = text.length - oldText.length;
  // Front matter closes at the first `---` line, however far away: unless the edit lies after the
  // line that closes it, the front matter region is parsed whole (issue 13).
  if (frontMatterAffected(old[0], oldText, text, prefix)) return parseChunks(text);

  // First chunk that ends at or after the edit, last one that starts at or before its end.
  let first = old.findIndex((c) => c.end >= prefix);
  if (first < 0) first = old.length;
  let last = -1;
  for (let k = old.length - 1; k >= 0; k--) {
    if (old[k].start <= editEnd) {
      last = k;
      break;
    }
  }
  if (first === last) {
    const inside = reparseInside(old[first], oldText, text, prefix, editEnd, delta);
    if (inside) return [...old.slice(0, first), inside, ...shifted(old.slice(first + 1), delta)];
  }
  for (let widen = 1; widen <= 8; widen *= 2) {
    const lo = Math.max(0, Math.min(first, last + 1) - widen);
    // Front matter closes at the first `---` line, however far away: a slice cannot see it.
    if (lo === 0 && (FRONT_MATTER.test(text) || FRONT_MATTER.test(oldText))) return parseChunks(text);
    const hi = Math.min(old.length - 1, Math.max(first, last) + widen);
    const sliceStart = lo === 0 ? 0 : old[lo].start;
    const oldSliceEnd = hi === old.length - 1 ? oldText.length : old[hi].end;
    if (oldSliceEnd < editEnd) continue;
    const sliceEnd = oldSliceEnd + delta;
    const slice = text.slice(sliceStart, sliceEnd);
    const fresh = parsePiece(slice, sliceStart);
    if (fresh.some((c) => isDefinition(c.node))) return parseChunks(text);
    if (lo > 0 && !sameBlock(old[lo], oldText, fresh[0], text, 0)) continue;
    if (hi < old.length - 1 && !sameBlock(old[hi], oldText, fresh[fresh.length - 1], text, delta)) continue;
    return [...old.slice(0, lo), ...fresh, ...shifted(old.slice(hi + 1), delta)];
  }
  return parseChunks(text);
}

function frontMatterAffected(head: Chunk, oldText: string, text: string, prefix: number): boolean {
  if (!FRONT_MATTER.test(text) && !FRONT_MATTER.test(oldText)) return false;
  if (head.node.type !== 'yaml') return true;
  const closing = oldText.slice(head.end).search(/[\r\n]/);
  return closing < 0 || prefix <= head.end + closing;
}

function shifted(chunks: readonly Chunk[], delta: number): readonly Chunk[] {
  return delta === 0 ? chunks : chunks.map((c) => ({ node: c.node, src: c.src, start: c.start + delta, end: c.end + delta }));
}

// Footnote definitions are document-wide like link definitions: a call parses as one only when its definition is seen.
const isDefinition = (node: RootContent) => node.type === 'definition' || node.type === 'footnoteDefinition';

// Characters whose insertion or removal inside a line can change how lines group into blocks (a
// line break, a table's cell separator and its escape); everything else only changes inline content.
const STRUCTURAL = /[\n\r|\\]/;
// A line whose text begins, after its indentation and any list marker and emphasis or quotes, with a letter.
const PROSE_LINE = /^[ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?[*_"“‘(]*\p{L}/u;
const ATX_MARKER = /^ {0,3}#{1,6}[ \t]+/;
const TYPED_INTO = new Set(['paragraph', 'heading', 'list']);

/**
 * The commonest keystroke: characters typed or deleted inside a line of a paragraph, a heading or a
 * list item, after the first letter of its text. Such an edit cannot change which lines start a
 * block: what a line starts is decided by its indentation and its first characters (a marker, a
 * quote sign, a fence), and those lie before the edit. So the block alone is re-parsed, without
 * its neighbours, and kept only if it is again one block of the same kind over the same lines.
 */
function reparseInside(chunk: Chunk, oldText: string, text: string, prefix: number, editEnd: number, delta: number): Chunk | undefined {
  if (chunk.limited || !TYPED_INTO.has(chunk.node.type)) return undefined;
  if (prefix <= chunk.start || editEnd > chunk.end) return undefined;
  if (STRUCTURAL.test(oldText.slice(prefix, editEnd)) || STRUCTURAL.test(text.slice(prefix, editEnd + delta))) return undefined;
  let lineStart = prefix;
  while (lineStart > 0 && oldText[lineStart - 1] !== '\n' && oldText[lineStart - 1] !== '\r') lineStart--;
  const head = oldText.slice(lineStart, prefix);
  const atx = ATX_MARKER.exec(head);
  // A heading's text may change, never its marker.
  if (atx ? chunk.node.type !== 'heading' || atx[0].length >= head.length : !PROSE_LINE.test(head)) return undefined;
  const end = chunk.end + delta;
  if (chunk.node.type === 'list') {
    const inItem = reparseItem(chunk, chunk.node, text, prefix, editEnd, delta);
    if (inItem) return inItem;
  }
  const fresh = parsePiece(text.slice(chunk.start, end), chunk.start);
  if (fresh.length !== 1 || fresh[0].node.type !== chunk.node.type || fresh[0].start !== chunk.start || fresh[0].end !== end) return undefined;
  return fresh[0];
}

/**
 * A keystroke in one item of a long list re-parses that item alone: an item's lines are its own,
 * so it parses alone as it does in the list, as long as it again spans the same lines and is as
 * loose or tight as before (looseness is the list's, from the blank lines between items, which a
 * keystroke inside a line does not change). The other items are kept, moved to the new text.
 */
function reparseItem(chunk: Chunk, list: List, text: string, prefix: number, editEnd: number, delta: number): Chunk | undefined {
  const base = chunk.start - nodeStart(list);
  const k = list.children.findIndex((item) => nodeStart(item) + base < prefix && editEnd <= nodeEnd(item) + base);
  if (k < 0) return undefined;
  const old = list.children[k];
  const start = nodeStart(old) + base;
  const end = nodeEnd(old) + base + delta;
  const fresh = parsePiece(text.slice(start, end), start);
  const node = fresh.length === 1 ? fresh[0].node : undefined;
  if (node?.type !== 'list' || node.children.length !== 1 || fresh[0].start !== start || fresh[0].end !== end || fresh[0].limited) return undefined;
  const item = node.children[0];
  if (item.spread !== old.spread || node.ordered !== list.ordered) return undefined;
  // One text for the whole list: the kept items are moved from the old one, the new item from its slice.
  const moved = list.children.map((child, i) => (i === k ? shiftedClone(item, start) : shiftedClone(child, i < k ? base : base + delta)));
  const position = list.position && {
    start: { ...list.position.start, offset: chunk.start },
    end: { ...list.position.end, offset: chunk.end + delta },
  };
  return { node: { ...list, children: moved, position }, src: text, start: chunk.start, end: chunk.end + delta };
}

/**
 * How many characters two texts share at the start and, after that, at the end. Halves are compared
 * as whole strings, which the engine does natively: a keystroke in a long policy costs a few
 * comparisons instead of a loop over every character.
 */
export function changedRange(before: string, after: string): { prefix: number; suffix: number } {
  const max = Math.min(before.length, after.length);
  let lo = 0;
  let hi = max;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before.slice(lo, mid) === after.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  const prefix = lo;
  lo = 0;
  hi = max - prefix;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before.slice(before.length - mid, before.length - lo) === after.slice(after.length - mid, after.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return { prefix, suffix: lo };
}

/** The context block parsed to the same kind of node over the same text, `shift` places further on. */
function sameBlock(before: Chunk, beforeText: string, now: Chunk | undefined, text: string, shift: number): boolean {
  if (!now || now.node.type !== before.node.type) return false;
  if (now.start !== before.start + shift || now.end !== before.end + shift) return false;
  return beforeText.slice(before.start, before.end) === text.slice(now.start, now.end);
}

/** Whether a line starts like a link reference definition, `[label]: …` (a scan, not a regex, to stay linear). */
export function hasDefinition(text: string): boolean {
  for (let i = 0; i < text.length; i = text.indexOf('\n', i) + 1 || text.length) {
    let j = i;
    while (j - i < 3 && text[j] === ' ') j++;
    if (text[j] !== '[') continue;
    const eol = text.indexOf('\n', j);
    const end = eol < 0 ? text.length : eol;
    let close = j + 1;
    while (close < end && text[close] !== ']') close++;
    if (close > j + 1 && close < end && text[close + 1] === ':') return true;
  }
  return false;
}
