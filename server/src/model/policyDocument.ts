import type { Root, RootContent } from 'mdast';
import { perObject } from './memo';
import { readFrontMatter, EMPTY_FIELDS, type FrontMatter, type PolicyFields } from './frontMatter';
import { assignLevels, countsAsBlock, detectCandidates, firstLineOf, type ChunkContext, type Heading, type HeadingCandidate } from './headings';
import { buildSections, sectionAt, type Section } from './sections';
import { collectBlocks, type Block, type Comment, type Marked } from './blocks';
import { changedRange, nodeStart, parseChunks, reparseChunks, structureChunks, type Chunk } from './chunks';
import type { Span } from './maskedText';
import { LineIndex } from './positions';
import { shiftedClone } from './shift';

/**
 * Everything the features know about one version of one document. Built once per version by
 * `buildPolicyDocument` (or `updatePolicyDocument` from the previous version) and never changed
 * afterwards: features and rules only read it.
 */
export interface PolicyDocument {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
  readonly lines: LineIndex;
  /** The mdast tree with offsets in this text. Built on first use: prefer the lists below. */
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
  /** HTML other than comments, e.g. `<insert date>`, in document order. */
  readonly html: readonly Marked[];
  /** Code blocks and inline code spans, in document order. */
  readonly code: readonly Span[];
  /** Parts of the text read as plain paragraphs, and why (too deeply nested, too many brackets). */
  readonly limits: readonly Limit[];
  /** Set when the document was above the size limit: only its headings and paragraphs were read. */
  readonly structureOnly: boolean;
  /** The top-level blocks the model was built from; `updatePolicyDocument` reuses them. */
  readonly chunks: readonly Chunk[];
  sectionAt(offset: number): Section | undefined;
  /** The enclosing sections' titles, outermost first. */
  sectionPath(offset: number): readonly string[];
}

export interface Limit {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

export interface BuildOptions {
  /** Read only headings and paragraphs (for documents above the size limit). */
  readonly structureOnly?: boolean;
}

export function buildPolicyDocument(uri: string, version: number, text: string, options: BuildOptions = {}): PolicyDocument {
  if (options.structureOnly) return assemble(uri, version, text, structureChunks(text), true);
  return assemble(uri, version, text, parseChunks(text), false);
}

/** The model of a new version, re-parsing only the top-level blocks the change touched. */
export function updatePolicyDocument(previous: PolicyDocument, version: number, text: string): PolicyDocument {
  if (previous.structureOnly) return buildPolicyDocument(previous.uri, version, text, { structureOnly: true });
  const edit = changedRange(previous.text, text);
  const lines = LineIndex.edited(previous.lines, text, edit.prefix, edit.suffix);
  return assemble(previous.uri, version, text, reparseChunks(previous.chunks, previous.text, text, edit), false, lines);
}

/** What one chunk contributes. */
interface Contribution {
  readonly candidates: readonly HeadingCandidate[];
  readonly blocks: readonly Block[];
  readonly comments: readonly Comment[];
  readonly html: readonly Marked[];
  readonly code: readonly Span[];
}

/**
 * A chunk's contribution, placed where its node started (`at`) in the last document that used it.
 * Only the latest placement is kept (a long policy has thousands of blocks): a move shifts it.
 */
interface ChunkAnalysis {
  placed: { readonly at: number; readonly value: Contribution };
}

// Per node and neighbourhood: a node that survives an edit is analysed once, whatever moves around it.
// The neighbourhood is compared field by field (the first lines are kept per node, so an unchanged
// neighbour gives the same string): no key is built or hashed on the typing path.
// A node belongs to one source text, so the node alone keys what is read from it.
const analysesOf = perObject((_node: RootContent): Array<{ readonly ctx: ChunkContext; readonly analysis: ChunkAnalysis }> => []);
const frontMatterOf = perObject((node: RootContent, src: string): FrontMatter | undefined => readFrontMatter({ type: 'root', children: [node] }, src));
const firstLineOfNode = perObject((node: RootContent, src: string): string | undefined => firstLineOf(node, src));

function firstLine(chunk: Chunk): string | undefined {
  return firstLineOfNode(chunk.node, chunk.src);
}

const sameContext = (a: ChunkContext, b: ChunkContext) => a.first === b.first && a.nextType === b.nextType && a.nextFirstLine === b.nextFirstLine;

function analyse(chunk: Chunk, ctx: ChunkContext): ChunkAnalysis {
  const known = analysesOf(chunk.node);
  const cached = known.find((k) => sameContext(k.ctx, ctx));
  if (cached) return cached.analysis;
  const candidates = detectCandidates([chunk.node], chunk.src, ctx);
  const collected = collectBlocks([chunk.node], chunk.src, candidates);
  // Offsets in the chunk's source text, where the node starts at its own offset.
  const result: ChunkAnalysis = {
    placed: {
      at: nodeStart(chunk.node),
      value: {
        candidates: candidates.map((c) => Object.freeze(c)),
        blocks: collected.blocks,
        comments: collected.comments.map((c) => Object.freeze(c)),
        html: collected.inlineHtml.map((h) => Object.freeze(h)),
        code: collected.code.map((c) => Object.freeze({ start: c.start, end: c.end })),
      },
    },
  };
  // The block before the one being typed in sees a new first line at each keystroke: keep the last few.
  if (known.length >= 4) known.shift();
  known.push({ ctx, analysis: result });
  return result;
}

function place(analysis: ChunkAnalysis, at: number): Contribution {
  const { at: from, value: placed } = analysis.placed;
  if (from === at) return placed;
  const by = at - from;
  const shift = <T extends { start: number; end: number }>(x: T): T => Object.freeze({ ...x, start: x.start + by, end: x.end + by });
  const value = {
    candidates: placed.candidates.map(shift),
    blocks: placed.blocks.map((b) => moveBlock(b, by)),
    comments: placed.comments.map(shift),
    html: placed.html.map(shift),
    code: placed.code.map(shift),
  };
  analysis.placed = { at, value };
  return value;
}

function moveBlock(b: Block, by: number): Block {
  return Object.freeze({ ...b, start: b.start + by, end: b.end + by, sentences: Object.freeze(b.sentences.map((s) => Object.freeze({ start: s.start + by, end: s.end + by }))) });
}

function assemble(uri: string, version: number, text: string, chunks: readonly Chunk[], structureOnly: boolean, lines = new LineIndex(text)): PolicyDocument {
  // Each chunk looks one block ahead: the first line and type of the next chunk that counts.
  const contexts: ChunkContext[] = new Array(chunks.length);
  let next: Chunk | undefined;
  for (let k = chunks.length - 1; k >= 0; k--) {
    contexts[k] = { first: false, nextFirstLine: next ? firstLine(next) : undefined, nextType: next?.node.type };
    if (countsAsBlock(chunks[k].node)) next = chunks[k];
  }
  let counted = 0;
  let firstWasQuote = false;
  for (let k = 0; k < chunks.length; k++) {
    if (!countsAsBlock(chunks[k].node)) continue;
    const first = counted === 0 || (counted === 1 && firstWasQuote);
    if (first) contexts[k] = { ...contexts[k], first: true };
    if (counted === 0) firstWasQuote = chunks[k].node.type === 'blockquote';
    counted++;
  }

  const candidates: HeadingCandidate[] = [];
  const blocks: Block[] = [];
  const comments: Comment[] = [];
  const html: Marked[] = [];
  const code: Span[] = [];
  chunks.forEach((chunk, k) => {
    const placed = place(analyse(chunk, contexts[k]), chunk.start);
    candidates.push(...placed.candidates);
    blocks.push(...placed.blocks);
    comments.push(...placed.comments);
    html.push(...placed.html);
    code.push(...placed.code);
  });

  let frontMatter: FrontMatter | undefined;
  const head = chunks[0];
  if (head && head.node.type === 'yaml') {
    frontMatter = frontMatterOf(head.node, head.src);
  }
  const limits: Limit[] = [];
  for (const c of chunks) {
    if (!c.limited) continue;
    const last = limits[limits.length - 1];
    if (last && last.reason === c.limited && text.slice(last.end, c.start).trim() === '') limits[limits.length - 1] = { ...last, end: c.end };
    else limits.push({ start: c.start, end: c.end, reason: c.limited });
  }
  const headings = Object.freeze(assignLevels(candidates));
  const { roots, all } = buildSections(headings, text);
  let root: Root | undefined;
  const doc: PolicyDocument = {
    uri,
    version,
    text,
    lines,
    get root() {
      root ??= { type: 'root', children: chunks.map((c) => shiftedClone(c.node, c.start - nodeStart(c.node))) };
      return root;
    },
    frontMatter,
    fields: frontMatter?.fields ?? EMPTY_FIELDS,
    headings,
    sections: Object.freeze(roots),
    allSections: Object.freeze(all),
    blocks: Object.freeze(blocks),
    comments: Object.freeze(comments),
    html: Object.freeze(html),
    code: Object.freeze(code),
    limits: Object.freeze(limits),
    structureOnly,
    chunks: Object.freeze([...chunks]),
    sectionAt: (offset) => sectionAt(roots, offset),
    sectionPath: (offset) => sectionAt(roots, offset)?.path ?? [],
  };
  return Object.freeze(doc);
}
