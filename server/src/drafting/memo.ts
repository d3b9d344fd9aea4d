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
 * Derives something from one block of prose, kept by the block's kind and text: while someone
 * types, every block but the edited one is found again. Results must use offsets relative to the
 * block (`derive` is given the block moved to offset 0). Two generations are kept, as in
 * `perBlockRule`, so that results no block uses any more are dropped.
 */
export function perBlockText<T>(derive: (block: Block) => T): (doc: PolicyDocument) => BlockValues<T> {
  // Keyed by kind, then by the block's text: the text string is shared by every version of an
  // unchanged block, so the lookup reuses its hash and nothing is concatenated.
  type Cache = Map<string, Map<string, T>>;
  let cache: Cache = new Map();
  let previous: Cache = new Map();
  const lookup = (c: Cache, block: Block) => c.get(block.kind)?.get(block.text);
  return perDocument((doc) => {
    const used: Cache = new Map();
    const values: T[] = new Array(doc.blocks.length);
    doc.blocks.forEach((block, i) => {
      let value = lookup(used, block) ?? lookup(cache, block) ?? lookup(previous, block);
      if (value === undefined) value = derive(blockAtZero(block));
      let byText = used.get(block.kind);
      if (!byText) used.set(block.kind, (byText = new Map()));
      byText.set(block.text, value);
      values[i] = value;
    });
    previous = cache;
    cache = used;
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
