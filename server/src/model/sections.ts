import type { Heading, HeadingStyle } from './headings';

/**
 * A node of the outline. `start`/`end` cover the whole section: from its heading up to the next
 * heading of the same or a higher level (trailing blank lines excluded).
 */
export interface Section {
  /** Position in document order, unique in the document. */
  readonly index: number;
  readonly title: string;
  readonly level: number;
  readonly number?: string;
  readonly style: HeadingStyle;
  readonly headingStart: number;
  readonly headingEnd: number;
  readonly start: number;
  readonly end: number;
  /** Titles from the outermost section down to this one. */
  readonly path: readonly string[];
  readonly children: readonly Section[];
}

interface MutableSection extends Omit<Section, 'children' | 'end' | 'path'> {
  end: number;
  path: string[];
  children: MutableSection[];
}

export function buildSections(headings: readonly Heading[], text: string): { roots: Section[]; all: Section[] } {
  const all: MutableSection[] = headings.map((h, index) => ({
    index,
    title: h.title,
    level: h.level,
    number: h.number,
    style: h.style,
    headingStart: h.start,
    headingEnd: h.end,
    start: h.start,
    end: text.length,
    path: [],
    children: [],
  }));
  const roots: MutableSection[] = [];
  const stack: MutableSection[] = [];
  for (const s of all) {
    while (stack.length > 0 && stack[stack.length - 1].level >= s.level) {
      stack.pop()!.end = trimBack(text, s.start);
    }
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(s);
    else roots.push(s);
    s.path = [...(parent?.path ?? []), s.title];
    stack.push(s);
  }
  for (const s of stack) s.end = trimBack(text, text.length);
  // A heading's own line may end in spaces that trimming cut off: a section always holds its heading and its children.
  for (let k = all.length - 1; k >= 0; k--) {
    const s = all[k];
    s.end = Math.max(s.end, s.headingEnd, ...s.children.map((c) => c.end));
  }
  for (const s of all) {
    Object.freeze(s.path);
    Object.freeze(s.children);
    Object.freeze(s);
  }
  return { roots, all };
}

function trimBack(text: string, end: number): number {
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The innermost section that contains `offset`. */
export function sectionAt(roots: readonly Section[], offset: number): Section | undefined {
  let found: Section | undefined;
  let level: readonly Section[] = roots;
  for (;;) {
    const s = level.find((x) => x.start <= offset && offset <= Math.max(x.end, x.headingEnd));
    if (!s) return found;
    found = s;
    level = s.children;
  }
}
