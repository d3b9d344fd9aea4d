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

/**
 * Splits prose into sentences; offsets are relative to `text`. A hand-written scan rather than a
 * regular expression, so that long runs of punctuation stay linear.
 */
export function splitSentences(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let start = skipSpace(text, 0);
  let i = start;
  const close = (end: number) => {
    const e = trimEnd(text, start, end);
    if (e > start) out.push({ start, end: e });
    start = skipSpace(text, end);
  };
  while (i < n) {
    const c = text[i];
    if (c === '\n' || c === '\r') {
      // A blank line ends a sentence even without punctuation.
      let j = i + 1;
      if (c === '\r' && text[j] === '\n') j++;
      let k = j;
      while (k < n && (text[k] === ' ' || text[k] === '\t')) k++;
      if (k < n && (text[k] === '\n' || text[k] === '\r')) {
        close(i);
        i = start > k ? start : k;
        continue;
      }
      i = j;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') {
      i++;
      continue;
    }
    let end = i;
    while (end < n && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
    while (end < n && CLOSERS.includes(text[end])) end++;
    if (end < n && !/\s/.test(text[end])) {
      i = end;
      continue;
    }
    if (c === '.' && end - i === 1 && !endsSentenceAt(text, start, i, end)) {
      i = end;
      continue;
    }
    close(end);
    i = Math.max(end, start);
  }
  if (start < n) close(n);
  return out;
}

const CLOSERS = '"”’)]';

/** Whether the full stop at `dot` ends a sentence: not after "e.g", "Inc", "Art" or a lone letter, not before lower case. */
function endsSentenceAt(text: string, start: number, dot: number, end: number): boolean {
  let w = dot;
  while (w > start && dot - w < 12 && /[A-Za-z.]/.test(text[w - 1])) w--;
  const word = text.slice(w, dot).replace(/^\.+/, '').toLowerCase();
  if (word && (ABBREVIATIONS.has(word) || /^[a-z]$/.test(word))) return false;
  let k = end;
  while (k < text.length && /\s/.test(text[k])) k++;
  // "1.1." or "Section 4." followed by lower case is not an end.
  return k >= text.length || !/[a-z0-9]/.test(text[k]);
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end;
}
