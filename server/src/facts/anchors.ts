import type { Node, Parent } from 'mdast';
import type { PolicyDocument } from '../model/policyDocument';
import { perDocument, perNode } from './cache';

/** A link to a place in the same document: `[Cookies](#cookies)`, or a definition `[c]: #cookies`. */
export interface AnchorLink {
  /** The `#…` as written, without the hash. */
  readonly anchor: string;
  /** Document offsets of the anchor after the hash, so a fix can replace it. */
  readonly start: number;
  readonly end: number;
  /** In a heading (`### [](#4-2-retention)4.2 Retention`, a web page's anchor icon): the heading's own id. */
  readonly inHeading: boolean;
  /** A link with no text, `[](#privacy)`: an anchor icon left by a paste, which nobody can click. */
  readonly empty: boolean;
}

/** Where an in-document link can land: the slug a heading gets, or an id written in the text. */
export interface AnchorTargets {
  /** The slugs and ids exactly as a renderer makes them. */
  readonly exact: ReadonlySet<string>;
  /** The same reduced to letters and digits, for pasted text whose site made its slugs another way. */
  readonly loose: ReadonlySet<string>;
  /** Heading slugs, in document order, for a quick fix. */
  readonly slugs: readonly string[];
  /** The section numbers headings carry ("4", "8.3"). */
  readonly numbers: ReadonlySet<string>;
}

export const anchorLinks = perNode((root, src): AnchorLink[] => {
  const out: AnchorLink[] = [];
  const visit = (node: Node, inHeading: boolean) => {
    if ((node.type === 'link' || node.type === 'definition') && typeof (node as { url?: unknown }).url === 'string') {
      const url = (node as unknown as { url: string }).url;
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (url.startsWith('#') && url.length > 1 && start !== undefined && end !== undefined) {
        // The destination as written: the last "#" of the node's source before its end.
        const text = src.slice(start, end);
        const written = url.slice(1);
        const at = text.lastIndexOf('#' + written);
        const raw = at >= 0 ? written : encodeURI(written);
        const i = at >= 0 ? at : text.lastIndexOf('#');
        const empty = node.type === 'link' && ((node as Parent).children ?? []).length === 0;
        if (i >= 0) out.push({ anchor: safeDecode(written), start: start + i + 1, end: start + i + 1 + raw.length, inHeading, empty });
      }
    }
    if (node.type === 'code' || node.type === 'inlineCode' || node.type === 'html') return;
    for (const child of (node as Parent).children ?? []) visit(child, inHeading || node.type === 'heading');
  };
  visit(root, false);
  return out;
});

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** GitHub's and VS Code's heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}

/** Letters and digits only, accents folded: "#9-2-ausubung" and "#92-ausübung" are one place. */
export function looseAnchor(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** A heading line's visible text: no `#` marks, links reduced to their text, no tags, no `{#id}`, no emphasis marks. */
function headingText(line: string): string {
  return withoutClosing(line.replace(/^\s{0,3}#{1,6}\s+/, ''))
    .replace(/!?\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/<[^<>]+>/g, '')
    .replace(/[*_`~]+(?=\S)|(?<=\S)[*_`~]+/g, '')
    .trim();
}

// The tag name is taken whole (a lookahead's capture, matched back): nothing can backtrack into it.
const HTML_ID = /<[a-z](?=([\w-]*))\1[^<>]*?\s(?:id|name)\s*=\s*(?:"([^"]+)"|'([^']+)'|([^\s"'>]+))/gi;
const ATTRIBUTE_ID = /\{[^{}\n#]*#([\w:.-]+)(?:[^\w:.{}\n-][^{}\n]*)?\}/g;

/** A heading's text without its closing `#` marks and a trailing `{#id}`, cut by hand: patterns anchored at the end backtrack. */
function withoutClosing(text: string): string {
  let t = text.trimEnd();
  if (t.endsWith('}')) {
    const open = t.lastIndexOf('{#');
    if (open >= 0 && !t.slice(open + 1, -1).includes('{') && !t.slice(open + 1, -1).includes('}')) t = t.slice(0, open).trimEnd();
  }
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end < t.length && (end === 0 || /\s/.test(t[end - 1]))) t = t.slice(0, end).trimEnd();
  return t;
}

export const anchorTargets = perDocument((doc: PolicyDocument): AnchorTargets => {
  const exact = new Set<string>();
  const loose = new Set<string>();
  const slugs: string[] = [];
  const numbers = new Set<string>();
  const seen = new Map<string, number>();
  const add = (id: string) => {
    exact.add(id);
    loose.add(looseAnchor(id));
  };
  for (const s of doc.allSections) {
    if (s.number) numbers.add(s.number);
    const line = doc.text.slice(s.headingStart, s.headingEnd).split(/\r?\n|\r/)[0];
    for (const text of new Set([headingText(line), `${s.number ? `${s.number} ` : ''}${s.title}`, s.title])) {
      const base = githubSlug(text);
      if (!base) continue;
      // A second heading with the same slug gets "-1", a third "-2".
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      const slug = n === 0 ? base : `${base}-${n}`;
      add(slug);
      if (n > 0) add(base);
      if (text === headingText(line)) slugs.push(slug);
    }
  }
  for (const re of [HTML_ID, ATTRIBUTE_ID]) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text)) !== null) add(re === HTML_ID ? (m[2] ?? m[3] ?? m[4]) : m[1]);
  }
  for (const link of anchorLinks(doc)) {
    if (!link.inHeading) continue;
    add(link.anchor);
    slugs.push(link.anchor);
  }
  return { exact, loose, slugs, numbers };
});
