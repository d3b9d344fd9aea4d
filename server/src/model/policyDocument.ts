import type { Root } from 'mdast';
import { parseMarkdown } from './parse';
import { readFrontMatter, EMPTY_FIELDS, type FrontMatter, type PolicyFields } from './frontMatter';
import { detectHeadings, type Heading } from './headings';
import { buildSections, sectionAt, type Section } from './sections';
import { collectBlocks, type Block, type Comment } from './blocks';
import { LineIndex } from './positions';

/**
 * Everything the features know about one version of one document. Built once per version by
 * `buildPolicyDocument` and never changed afterwards: features and rules only read it.
 */
export interface PolicyDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  readonly root: Root;
  readonly frontMatter?: FrontMatter;
  /** The typed front-matter fields (empty when there is no front matter or it is broken). */
  readonly fields: PolicyFields;
  readonly headings: readonly Heading[];
  /** The outline: top-level sections, each with its children. */
  readonly sections: readonly Section[];
  /** Every section in document order. */
  readonly allSections: readonly Section[];
  /** Prose in document order. */
  readonly blocks: readonly Block[];
  readonly comments: readonly Comment[];
  sectionAt(offset: number): Section | undefined;
  /** The enclosing sections' titles, outermost first. */
  sectionPath(offset: number): readonly string[];
}

export function buildPolicyDocument(uri: string, version: number, text: string): PolicyDocument {
  const root = parseMarkdown(text);
  const frontMatter = readFrontMatter(root, text);
  const headings = Object.freeze(detectHeadings(root, text));
  const { roots, all } = buildSections(headings, text);
  const { blocks, comments } = collectBlocks(root, text, headings);
  const doc: PolicyDocument = {
    uri,
    version,
    text,
    lines: new LineIndex(text),
    root,
    frontMatter,
    fields: frontMatter?.fields ?? EMPTY_FIELDS,
    headings,
    sections: Object.freeze(roots),
    allSections: Object.freeze(all),
    blocks: Object.freeze(blocks),
    comments: Object.freeze(comments),
    sectionAt: (offset) => sectionAt(roots, offset),
    sectionPath: (offset) => sectionAt(roots, offset)?.path ?? [],
  };
  return Object.freeze(doc);
}
