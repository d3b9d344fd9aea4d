import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { Heading, Paragraph, Root, RootContent } from 'mdast';

// One configured processor for the whole server: every feature reads the tree built here.
const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

export function parseMarkdown(text: string): Root {
  // micromark drops a leading byte-order mark and counts offsets without it; a space keeps them aligned.
  const input = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  try {
    return processor.parse(input) as Root;
  } catch {
    // remark recurses per nesting level: thousands of nested `>` exhaust the stack. Such text is
    // still read, as plain paragraphs, rather than taking the server down.
    return plainParagraphs(input);
  }
}

/** The text as paragraphs separated by blank lines, with no Markdown structure. */
export function plainParagraphs(text: string): Root {
  const children: Paragraph[] = [];
  const re = /[^\r\n]+(?:(?:\r\n|\r|\n)[^\r\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const position = { start: { line: 1, column: 1, offset: start }, end: { line: 1, column: 1, offset: end } };
    children.push({ type: 'paragraph', children: [{ type: 'text', value: m[0], position }], position });
  }
  return { type: 'root', children };
}

/**
 * Why remark should not read `text`, if it should not: remark's time grows with the square of the
 * nesting depth and of unclosed brackets, and such text is never a real policy.
 */
export function tooComplexForMarkdown(text: string): string | undefined {
  let brackets = 0;
  for (let i = text.indexOf('['); i >= 0; i = text.indexOf('[', i + 1)) brackets++;
  if (brackets > 2000 && brackets > text.length / 20) return `${brackets} square brackets`;
  let lineStart = 0;
  while (lineStart < text.length) {
    if (nestedTooDeep(text, lineStart)) return 'lines nested more than 32 levels deep';
    const n = text.indexOf('\n', lineStart);
    lineStart = n < 0 ? text.length : n + 1;
  }
  return undefined;
}

/** Whether the line at `i` opens 32 or more block quotes and list items, or is indented 100 columns. */
function nestedTooDeep(text: string, i: number): boolean {
  let depth = 0;
  let indent = 0;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') {
      i++;
      if (++indent >= 100) return true;
    }
    const c = text[i];
    let after = i + 1;
    if (c === '>') {
      if (++depth >= 32) return true;
      i = after;
      continue;
    }
    if (c === '-' || c === '*' || c === '+') {
      if (text[after] !== ' ' && text[after] !== '\t') return false;
    } else {
      let d = i;
      while (d < text.length && d - i < 9 && text[d] >= '0' && text[d] <= '9') d++;
      if (d === i || (text[d] !== '.' && text[d] !== ')') || (text[d + 1] !== ' ' && text[d + 1] !== '\t')) return false;
      after = d + 1;
    }
    if (++depth >= 32) return true;
    i = after;
  }
}

/**
 * The outline and prose of a document too large to analyse in full: Markdown heading lines become
 * headings, everything else plain paragraphs. Linear in the text, whatever it holds.
 */
export function structureOnly(text: string): Root {
  const children: RootContent[] = [];
  const re = /^ {0,3}(#{1,6})[ \t]+([^\r\n]*)$/gm;
  let last = 0;
  let m: RegExpExecArray | null;
  const plain = (from: number, to: number) => {
    for (const p of plainParagraphs(text.slice(from, to)).children) children.push(shiftNode(p, from));
  };
  while ((m = re.exec(text)) !== null) {
    plain(last, m.index);
    const position = { start: { line: 1, column: 1, offset: m.index }, end: { line: 1, column: 1, offset: m.index + m[0].length } };
    const titleStart = m.index + m[0].length - m[2].length;
    const titlePosition = { start: { line: 1, column: 1, offset: titleStart }, end: position.end };
    const heading: Heading = { type: 'heading', depth: m[1].length as Heading['depth'], children: [{ type: 'text', value: m[2], position: titlePosition }], position };
    children.push(heading);
    last = m.index + m[0].length;
  }
  plain(last, text.length);
  return { type: 'root', children };
}

function shiftNode<T extends RootContent>(node: T, by: number): T {
  const move = (p: { offset?: number }) => ({ ...p, offset: (p.offset ?? 0) + by });
  const n = node as unknown as { position?: { start: object; end: object }; children?: T[] };
  return {
    ...node,
    position: n.position ? { start: move(n.position.start), end: move(n.position.end) } : undefined,
    children: n.children?.map((c) => shiftNode(c, by)),
  } as T;
}
