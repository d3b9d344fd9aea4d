import type { Node, Parent, RootContent } from 'mdast';
import { maskedText, splitSentences, type Span } from './maskedText';

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-cell' | 'blockquote';

/**
 * A run of prose. `text` is the document's source from `start` to `end` with markup, code, HTML
 * and URLs blanked out (same length), so `start + index` maps a match back to the document.
 */
export interface Block {
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Sentences as document offsets. */
  readonly sentences: readonly Span[];
}

/** The same block moved to offset 0, for results kept by text and placed again wherever the block stands. */
export function blockAtZero(block: Block): Block {
  if (block.start === 0) return block;
  const by = -block.start;
  return { ...block, start: 0, end: block.end + by, sentences: block.sentences.map((s) => ({ start: s.start + by, end: s.end + by })) };
}

export interface Comment {
  readonly start: number;
  readonly end: number;
  /** What is between `<!--` and `-->`, trimmed. */
  readonly body: string;
}

/** Raw HTML inside prose (`<insert date>` is parsed as HTML), and code, by position. */
export interface Marked {
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

export interface CollectedText {
  readonly blocks: Block[];
  readonly comments: Comment[];
  /** HTML that is not a comment, block or inline. */
  readonly inlineHtml: Marked[];
  /** Fenced and indented code blocks and inline code spans. */
  readonly code: Span[];
}

interface HeadingSpan {
  readonly start: number;
  readonly end: number;
  readonly style: string;
}

/**
 * Collects the prose of `nodes`. `headings` (sorted, offsets in `text`) cut pasted paragraphs: a
 * draft often puts headings and prose in one paragraph, one line each.
 */
export function collectBlocks(nodes: readonly RootContent[], text: string, headings: readonly HeadingSpan[]): CollectedText {
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const inlineHtml: Marked[] = [];
  const code: Span[] = [];
  const cutters = headings.filter((h) => h.style !== 'atx' && h.style !== 'setext');

  const emit = (kind: BlockKind, node: Node, start: number, end: number) => {
    const masked = maskedText(text, node, start, end);
    let cursor = 0;
    // A numbered heading read as a list item starts before its paragraph, at the item's number.
    for (let i = firstEndingAfter(cutters, start); i < cutters.length && cutters[i].start < end; i++) {
      const h = cutters[i];
      const hs = Math.max(h.start, start);
      const he = Math.min(h.end, end);
      if (hs - start > cursor) push(kind, start + cursor, masked.slice(cursor, hs - start));
      push('heading', hs, masked.slice(hs - start, he - start));
      cursor = he - start;
    }
    if (cursor < masked.length) push(kind, start + cursor, masked.slice(cursor));
  };
  const push = (kind: BlockKind, start: number, masked: string) => {
    const lead = masked.length - masked.trimStart().length;
    const trimmed = masked.trim();
    if (!trimmed) return;
    const s = start + lead;
    const sentences = kind === 'heading' ? [{ start: s, end: s + trimmed.length }] : splitSentences(trimmed).map((x) => Object.freeze({ start: s + x.start, end: s + x.end }));
    blocks.push(Object.freeze({ kind, start: s, end: s + trimmed.length, text: trimmed, sentences: Object.freeze(sentences) }));
  };

  const walk = (node: Node, context: BlockKind) => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    if (node.type === 'html') {
      // The source, not `value`: inside list items `value` has its indentation removed.
      const value = text.slice(start, end);
      collectComments(value, start, comments);
      if (!value.startsWith('<!--')) inlineHtml.push({ start, end, value });
      return;
    }
    if (node.type === 'code' || node.type === 'inlineCode') {
      code.push({ start, end });
      return;
    }
    if (node.type === 'heading') return emit('heading', node, start, end), collectInline(node);
    if (node.type === 'paragraph') return emit(context, node, start, end), collectInline(node);
    if (node.type === 'tableCell') return emit('table-cell', node, start, end), collectInline(node);
    if (node.type === 'yaml' || node.type === 'definition' || node.type === 'thematicBreak') return;
    const next: BlockKind = node.type === 'listItem' ? 'list-item' : node.type === 'blockquote' ? 'blockquote' : context;
    for (const child of (node as Parent).children ?? []) walk(child, next);
  };
  // Inline HTML and code inside a block of prose.
  const collectInline = (node: Node) => {
    for (const child of (node as Parent).children ?? []) {
      const start = child.position?.start.offset;
      const end = child.position?.end.offset;
      if (start !== undefined && end !== undefined) {
        if (child.type === 'html') {
          const value = text.slice(start, end);
          collectComments(value, start, comments);
          inlineHtml.push({ start, end, value });
        } else if (child.type === 'inlineCode') code.push({ start, end });
      }
      if ((child as Parent).children) collectInline(child);
    }
  };
  for (const node of nodes) walk(node, 'paragraph');
  blocks.sort((a, b) => a.start - b.start);
  return { blocks, comments, inlineHtml, code };
}

function collectComments(value: string, start: number, out: Comment[]): void {
  // indexOf rather than a lazy regex: an unclosed `<!--` repeated many times must stay linear.
  let from = 0;
  for (;;) {
    const open = value.indexOf('<!--', from);
    if (open < 0) return;
    const close = value.indexOf('-->', open + 4);
    if (close < 0) return;
    out.push(Object.freeze({ start: start + open, end: start + close + 3, body: value.slice(open + 4, close).trim() }));
    from = close + 3;
  }
}

function firstEndingAfter(sorted: readonly HeadingSpan[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
