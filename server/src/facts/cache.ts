import { blockAtZero, type Block } from '../model/blocks';
import type { PolicyDocument } from '../model/policyDocument';
import type { RootContent } from 'mdast';
import { nodeStart } from '../model/chunks';
import type { Placed } from '../model/nodes';
import { perObject, perString } from '../model/memo';

export { perObject, perString };

/**
 * The one cache mechanism of the analysis. Every derived fact is declared once with one of the
 * functions below and computed lazily, kept by what it depends on:
 *
 * - `perDocument(derive)`: one document version (the immutable PolicyDocument);
 * - `perDocumentAnd(derive)`: one version and the option value it reads (settings are replaced,
 *   never mutated, so the option object's identity says whether it changed);
 * - `perObject`/`perPair`: any immutable object (or pair), e.g. front-matter fields kept across versions;
 * - `perBlockText`/`perBlockUnion`: one block's text, reused from the previous version while typing.
 *
 * Values are held weakly by their keys: a version nobody holds any more takes its facts with it.
 * `perObject` and `perString` themselves sit in model/memo.ts, so the model and catalog layers use them too.
 */

/** Derives something from a document version once, shared by every rule and feature that asks. */
export function perDocument<T>(derive: (doc: PolicyDocument) => T): (doc: PolicyDocument) => T {
  return perObject(derive);
}

/** A value made once per pair of immutable objects. */
export function perPair<A extends object, B extends object, T>(derive: (a: A, b: B) => T): (a: A, b: B) => T {
  const byFirst = perObject((a: A) => perObject((b: B) => derive(a, b)));
  return (a, b) => byFirst(a)(b);
}

/** Derives something from a document version and the option it reads: recomputed when either changes, not otherwise. */
export function perDocumentAnd<K extends object, T>(derive: (doc: PolicyDocument, option: K) => T): (doc: PolicyDocument, option: K) => T {
  return perPair(derive);
}

/**
 * Derives something from one block of prose, from the block's kind and text alone: while someone
 * types, every block but the edited one is found in the previous version of the same document
 * (one shared alignment per version) and its value reused. Results must use offsets relative to
 * the block (`derive` is given the block moved to offset 0). Nothing is kept but each version's
 * values, which go with the version: a block is derived again only when its text is new.
 */
export function perBlockText<T>(derive: (block: Block) => T): (doc: PolicyDocument) => BlockValues<T> {
  const valuesOf = new WeakMap<PolicyDocument, T[]>();
  // The latest version seen of each document: the next one is aligned with it.
  const latest = new Map<string, WeakRef<PolicyDocument>>();
  return perDocument((doc) => {
    const blocks = doc.blocks;
    const values: T[] = new Array(blocks.length);
    const previous = latest.get(doc.uri)?.deref();
    const before = previous && valuesOf.get(previous);
    const aligned = previous && before ? alignmentOf(previous, doc).index : undefined;
    for (let i = 0; i < blocks.length; i++) {
      const j = aligned ? aligned[i] : -1;
      values[i] = j >= 0 ? before![j] : shared(derive(blockAtZero(blocks[i])));
    }
    valuesOf.set(doc, values);
    latest.set(doc.uri, new WeakRef(doc));
    // Documents closed long ago (a command-line run reads hundreds) leave only a dead reference: dropped now and then.
    if (latest.size > 64) for (const [uri, ref] of latest) if (!ref.deref()) latest.delete(uri);
    const find = positionOf(doc);
    return {
      get: (block: Block) => {
        const i = find(block);
        return i < 0 ? undefined : values[i];
      },
      forEach: (visit) => {
        for (let i = 0; i < blocks.length; i++) visit(values[i], blocks[i]);
      },
    };
  });
}

// Most blocks have nothing to report: one empty list stands for all of them (a long policy has thousands of blocks per cache).
const EMPTY: readonly never[] = Object.freeze([]);
function shared<T>(value: T): T {
  return Array.isArray(value) && value.length === 0 ? (EMPTY as T) : value;
}

/** Results per block of one document version, looked up by the block. */
export interface BlockValues<T> {
  get(block: Block): T | undefined;
  /** Every block's value in document order, without a lookup per block. */
  forEach(visit: (value: T, block: Block) => void): void;
}

/**
 * Every item of every block's list, in document order, with its block: the walk each per-block
 * rule makes at every version. Indexed loops, because most lists are empty and iterating them
 * with `for … of` allocated enough to make garbage collection a fifth of the typing time.
 */
export function eachItem<T>(values: BlockValues<readonly T[] | undefined>, visit: (item: T, block: Block) => void): void {
  values.forEach((list, block) => {
    if (!list) return;
    for (let k = 0; k < list.length; k++) visit(list[k], block);
  });
}

/**
 * Where a block stands in its document, without a map: rules walk the blocks in order, so the
 * block after the last one asked for is tried first; otherwise the blocks, sorted by offset, are
 * searched. -1 for a block of another version.
 */
function positionOf(doc: PolicyDocument): (block: Block) => number {
  const blocks = doc.blocks;
  let next = 0;
  return (block) => {
    let i = blocks[next] === block ? next : -1;
    if (i < 0) {
      let lo = 0;
      let hi = blocks.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (blocks[mid].start < block.start) lo = mid + 1;
        else hi = mid - 1;
      }
      // Blocks may share a start (a list item and its first line): look along the equal ones.
      for (let k = lo; k < blocks.length && blocks[k].start === block.start; k++) {
        if (blocks[k] === block) {
          i = k;
          break;
        }
      }
      // Not where the order says (or not of this version): make sure before saying so.
      if (i < 0) i = blocks.indexOf(block);
    }
    if (i >= 0) next = i + 1;
    return i;
  };
}

// For each block of a version, the position of a block with the same kind and text in an earlier
// version (-1 when there is none): worked out once per pair, shared by every per-block cache. The
// earlier version is held weakly: a strong link would chain every version typed to the current one.
interface Alignment {
  readonly from: WeakRef<PolicyDocument>;
  readonly index: Int32Array;
  /** How many blocks at the start and at the end are the same in both versions. */
  readonly head: number;
  readonly tail: number;
}
const alignments = new WeakMap<PolicyDocument, Alignment>();

const same = (a: Block, b: Block) => a === b || (a.kind === b.kind && a.text === b.text);

function alignmentOf(from: PolicyDocument, doc: PolicyDocument): Alignment {
  const known = alignments.get(doc);
  if (known && known.from.deref() === from) return known;
  const before = from.blocks;
  const now = doc.blocks;
  const index = new Int32Array(now.length);
  // An edit changes a run of blocks in one place: the blocks before it are the same objects, those
  // after it keep their text strings. Only the run between is looked up by text.
  let head = 0;
  while (head < now.length && head < before.length && same(now[head], before[head])) index[head] = head++;
  let tail = 0;
  while (tail < now.length - head && tail < before.length - head && same(now[now.length - 1 - tail], before[before.length - 1 - tail])) {
    index[now.length - 1 - tail] = before.length - 1 - tail;
    tail++;
  }
  if (head + tail < now.length) {
    const byKind = new Map<string, Map<string, number>>();
    for (let j = head; j < before.length - tail; j++) {
      const b = before[j];
      let byText = byKind.get(b.kind);
      if (!byText) byKind.set(b.kind, (byText = new Map()));
      if (!byText.has(b.text)) byText.set(b.text, j);
    }
    for (let i = head; i < now.length - tail; i++) index[i] = byKind.get(now[i].kind)?.get(now[i].text) ?? -1;
  }
  const result = { from: new WeakRef(from), index, head, tail };
  alignments.set(doc, result);
  return result;
}

/**
 * Whether any block of a document has a word in its list, e.g. "does the policy ever write
 * 'personal' in lower case". The counts are carried from one version to the next: only the
 * blocks an edit changed are taken out and put in. A version that is no longer the latest
 * counts for itself when asked.
 */
export function perBlockUnion(of: (doc: PolicyDocument) => BlockValues<readonly string[]>): (doc: PolicyDocument) => { has(word: string): boolean } {
  let last: { doc: WeakRef<PolicyDocument>; counts: Map<string, number>; generation: number } | undefined;
  let generation = 0;
  const add = (counts: Map<string, number>, words: readonly string[] | undefined, by: number) => {
    for (const w of words ?? []) {
      const n = (counts.get(w) ?? 0) + by;
      if (n > 0) counts.set(w, n);
      else counts.delete(w);
    }
  };
  return perDocument((doc) => {
    const values = of(doc);
    const previous = last?.doc.deref();
    let counts: Map<string, number>;
    if (last && previous) {
      counts = last.counts;
      const { head, tail } = alignmentOf(previous, doc);
      const before = of(previous);
      for (let j = head; j < previous.blocks.length - tail; j++) add(counts, before.get(previous.blocks[j]), -1);
      for (let i = head; i < doc.blocks.length - tail; i++) add(counts, values.get(doc.blocks[i]), 1);
    } else {
      counts = new Map();
      for (const block of doc.blocks) add(counts, values.get(block), 1);
    }
    const mine = ++generation;
    last = { doc: new WeakRef(doc), counts, generation: mine };
    let own: Set<string> | undefined;
    return {
      has: (word) => {
        if (last?.generation === mine) return counts.has(word);
        own ??= new Set(doc.blocks.flatMap((b) => values.get(b) ?? []));
        return own.has(word);
      },
    };
  });
}

/**
 * Derives spans from each top-level Markdown node once, and places them in every version that
 * still has the node: an edit re-parses only the nodes it touches, so the rest keep their results
 * and nothing clones the whole tree (`doc.root` does). `derive` sees the node with the offsets of
 * `src`, the text it was parsed from, and returns spans in those offsets.
 */
export function perNode<T extends Placed>(derive: (node: RootContent, src: string) => readonly T[]): (doc: PolicyDocument) => readonly T[] {
  // Keyed by the node (a node reused by the next version keeps its object); the text it was parsed from comes with it.
  const ofNode = new WeakMap<RootContent, readonly T[]>();
  return perDocument((doc) => {
    const out: T[] = [];
    for (const chunk of doc.chunks) {
      let relative = ofNode.get(chunk.node);
      if (!relative) {
        const base = nodeStart(chunk.node);
        relative = derive(chunk.node, chunk.src).map((x) => ({ ...x, start: x.start - base, end: x.end - base }));
        ofNode.set(chunk.node, relative);
      }
      for (const x of relative) out.push({ ...x, start: x.start + chunk.start, end: x.end + chunk.start });
    }
    return out;
  });
}
