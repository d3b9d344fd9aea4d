import type { Node, Parent, Root } from 'mdast';
import type { Heading } from './headings';
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

export interface Comment {
  readonly start: number;
  readonly end: number;
  /** What is between `<!--` and `-->`, trimmed. */
  readonly body: string;
}

export function collectBlocks(root: Root, text: string, headings: readonly Heading[]): { blocks: Block[]; comments: Comment[] } {
  const blocks: Block[] = [];
  const comments: Comment[] = [];

  const emit = (kind: BlockKind, node: Node, start: number, end: number) => {
    const masked = maskedText(text, node, start, end);
    // Pasted drafts put headings and prose in one paragraph, one line each: cut at heading lines.
    let cursor = 0;
    // A numbered heading read as a list item starts before its paragraph, at the item's number.
    for (const h of headings) {
      if (h.end <= start || h.start >= end || h.style === 'atx' || h.style === 'setext') continue;
      const hs = Math.max(h.start, start);
      const he = Math.min(h.end, end);
      if (hs - start > cursor) push(kind, start + cursor, hs, masked.slice(cursor, hs - start));
      push('heading', hs, he, masked.slice(hs - start, he - start));
      cursor = he - start;
    }
    if (cursor < masked.length) push(kind, start + cursor, end, masked.slice(cursor));
  };
  const push = (kind: BlockKind, start: number, _end: number, masked: string) => {
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
    if (node.type === 'html') {
      const value = (node as unknown as { value: string }).value;
      if (start !== undefined && end !== undefined) {
        const re = /<!--([\s\S]*?)-->/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(value)) !== null) {
          comments.push(Object.freeze({ start: start + m.index, end: start + m.index + m[0].length, body: m[1].trim() }));
        }
      }
      return;
    }
    if (start === undefined || end === undefined) return;
    if (node.type === 'heading') return emit('heading', node, start, end);
    if (node.type === 'paragraph') return emit(context, node, start, end);
    if (node.type === 'tableCell') return emit('table-cell', node, start, end);
    if (node.type === 'code' || node.type === 'yaml' || node.type === 'definition' || node.type === 'thematicBreak') return;
    const next: BlockKind = node.type === 'listItem' ? 'list-item' : node.type === 'blockquote' ? 'blockquote' : context;
    for (const child of (node as Parent).children ?? []) walk(child, next);
  };
  walk(root, 'paragraph');
  blocks.sort((a, b) => a.start - b.start);
  return { blocks, comments };
}
