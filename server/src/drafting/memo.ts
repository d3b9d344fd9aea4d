import { blockAtZero, type Block } from '../model/blocks';
import type { PolicyDocument } from '../model/policyDocument';

/**
 * Derives something from a document once: the result is kept in a WeakMap keyed by the immutable
 * PolicyDocument, so every rule and feature that asks for it shares one computation per version,
 * and a version that nobody holds any more takes its derived data with it.
 */
export function perDocument<T>(derive: (doc: PolicyDocument) => T): (doc: PolicyDocument) => T {
  const cache = new WeakMap<PolicyDocument, T>();
  return (doc) => {
    if (cache.has(doc)) return cache.get(doc) as T;
    const value = derive(doc);
    cache.set(doc, value);
    return value;
  };
}

/**
 * Settings a document is analysed with. Rules see only the document, so the server (or the command
 * line) records them before it runs the rules; without a record the defaults apply.
 */
export function perDocumentSetting<T>(fallback: T): { use(doc: PolicyDocument, value: T | undefined): void; get(doc: PolicyDocument): T } {
  const byDocument = new WeakMap<PolicyDocument, T>();
  return {
    use: (doc, value) => (value === undefined ? byDocument.delete(doc) : byDocument.set(doc, value)),
    get: (doc) => (byDocument.has(doc) ? (byDocument.get(doc) as T) : fallback),
  };
}

/**
 * Derives something from one block of prose, kept by the block's kind and text: while someone
 * types, every block but the edited one is found again. Results must use offsets relative to the
 * block (`derive` is given the block moved to offset 0). The cache is swept only when it holds
 * many more texts than the document has blocks, so an ordinary version allocates one array.
 */
export function perBlockText<T>(derive: (block: Block) => T): (doc: PolicyDocument) => BlockValues<T> {
  // Keyed by kind, then by the block's text: the text string is shared by every version of an
  // unchanged block, so the lookup reuses its hash and nothing is concatenated.
  type Cache = Map<string, Map<string, T>>;
  let cache: Cache = new Map();
  let size = 0;
  const lookup = (c: Cache, block: Block) => c.get(block.kind)?.get(block.text);
  const store = (c: Cache, block: Block, value: T) => {
    let byText = c.get(block.kind);
    if (!byText) c.set(block.kind, (byText = new Map()));
    byText.set(block.text, value);
  };
  // The version this cache last answered for: most versions follow it, and an unchanged block is
  // then found by position (one shared alignment per version) instead of by hashing its text.
  let last: { doc: WeakRef<PolicyDocument>; values: T[] } | undefined;
  return perDocument((doc) => {
    const blocks = doc.blocks;
    const values: T[] = new Array(blocks.length);
    const previous = last?.doc.deref();
    const aligned = previous ? alignment(previous, doc) : undefined;
    for (let i = 0; i < blocks.length; i++) {
      const j = aligned ? aligned[i] : -1;
      let value = j >= 0 ? last!.values[j] : lookup(cache, blocks[i]);
      if (value === undefined) {
        value = derive(blockAtZero(blocks[i]));
        store(cache, blocks[i], value);
        size++;
      }
      values[i] = value;
    }
    // Texts that no block has any more (every keystroke leaves one) are dropped now and then.
    if (size > 2 * blocks.length + 64) {
      const fresh: Cache = new Map();
      size = 0;
      for (let i = 0; i < blocks.length; i++) {
        if (lookup(fresh, blocks[i]) !== undefined) continue;
        store(fresh, blocks[i], values[i]);
        size++;
      }
      cache = fresh;
    }
    last = { doc: new WeakRef(doc), values };
    const index = blockIndex(doc);
    return { get: (block: Block) => { const i = index.get(block); return i === undefined ? undefined : values[i]; } };
  });
}

/** Results per block of one document version, looked up by the block. */
export interface BlockValues<T> {
  get(block: Block): T | undefined;
}

// One block-to-position map per version, shared by every per-block cache.
const blockIndex = perDocument((doc: PolicyDocument): ReadonlyMap<Block, number> => new Map(doc.blocks.map((b, i) => [b, i])));

// For each block of a version, the position of a block with the same kind and text in an earlier
// version (-1 when there is none): worked out once per pair, shared by every per-block cache. The
// earlier version is held weakly: a strong link would chain every version typed to the current one.
const alignments = new WeakMap<PolicyDocument, { readonly from: WeakRef<PolicyDocument>; readonly index: Int32Array }>();

function alignment(from: PolicyDocument, doc: PolicyDocument): Int32Array {
  const known = alignments.get(doc);
  if (known && known.from.deref() === from) return known.index;
  const byKind = new Map<string, Map<string, number>>();
  from.blocks.forEach((b, j) => {
    let byText = byKind.get(b.kind);
    if (!byText) byKind.set(b.kind, (byText = new Map()));
    if (!byText.has(b.text)) byText.set(b.text, j);
  });
  const index = new Int32Array(doc.blocks.length);
  doc.blocks.forEach((b, i) => (index[i] = byKind.get(b.kind)?.get(b.text) ?? -1));
  alignments.set(doc, { from: new WeakRef(from), index });
  return index;
}
