import type { Node, Parent, Text } from 'mdast';

/**
 * Returns the source of `node` with everything that is not prose blanked out: markup characters,
 * inline code, HTML, link destinations. The result has the same length as the source slice, so
 * an index into it plus `start` is an offset into the document, with no mapping table. Line
 * breaks are kept, so line-based logic still works on it.
 */
export function maskedText(text: string, node: Node, start: number, end: number): string {
  const chars: string[] = new Array(end - start);
  for (let i = start; i < end; i++) {
    const c = text[i];
    chars[i - start] = c === '\n' || c === '\r' ? c : ' ';
  }
  const keep = (from: number, to: number) => {
    for (let i = Math.max(from, start); i < Math.min(to, end); i++) chars[i - start] = text[i];
  };
  visitProse(node, (t) => {
    const s = t.position?.start.offset;
    const e = t.position?.end.offset;
    if (s !== undefined && e !== undefined) keep(s, e);
  });
  return chars.join('');
}

function visitProse(node: Node, onText: (t: Text) => void): void {
  if (node.type === 'text') {
    onText(node as Text);
    return;
  }
  if (node.type === 'inlineCode' || node.type === 'html' || node.type === 'code' || node.type === 'image' || node.type === 'footnoteReference') return;
  if (node.type === 'link') {
    const link = node as Parent & { url: string };
    // A bare URL or e-mail written as a link is an address, not prose.
    const only = link.children.length === 1 && link.children[0].type === 'text' ? (link.children[0] as Text).value : undefined;
    if (only !== undefined && (only === link.url || 'mailto:' + only === link.url || 'http://' + only === link.url)) return;
  }
  const children = (node as Parent).children;
  if (children) for (const child of children) visitProse(child, onText);
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'inc', 'ltd', 'llc', 'co', 'corp', 'no', 'nos', 'art', 'arts', 'sec', 'para', 'paras', 'cf', 'vs', 'v',
  'mr', 'mrs', 'ms', 'dr', 'st', 'u.s', 'u.k', 'e.u', 'approx', 'dept', 'reg', 'regs', 'cal', 'civ', 'bus', 'prof', 'seq', 'p.o',
]);

/** Splits prose into sentences; offsets are relative to `text`. */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  let start = skipSpace(text, 0);
  const re = /[.!?]+["”’)\]]*(?=\s+|$)|\n[ \t]*\n|\r\n[ \t]*\r\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[0][0] === '.') {
      const before = /([A-Za-z][A-Za-z.]*)$/.exec(text.slice(Math.max(start, m.index - 12), m.index));
      const word = before?.[1].toLowerCase();
      if (word && (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word))) continue;
      // "1.1." or "Section 4." followed by lower case is not an end.
      const next = text.slice(end).trimStart()[0];
      if (next !== undefined && /[a-z0-9]/.test(next)) continue;
    }
    if (end > start && /\S/.test(text.slice(start, end))) out.push({ start, end: trimEnd(text, start, end) });
    start = skipSpace(text, end);
  }
  if (start < text.length && /\S/.test(text.slice(start))) out.push({ start, end: trimEnd(text, start, text.length) });
  return out;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
