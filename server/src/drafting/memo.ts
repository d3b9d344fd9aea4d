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
export function perBlockText<T>(derive: (block: Block) => T): (doc: PolicyDocument) => ReadonlyMap<Block, T> {
  let cache = new Map<string, T>();
  let previous = new Map<string, T>();
  return perDocument((doc) => {
    const used = new Map<string, T>();
    const out = new Map<Block, T>();
    for (const block of doc.blocks) {
      const key = `${block.kind}\u0000${block.text}`;
      let value = used.get(key) ?? cache.get(key) ?? previous.get(key);
      if (value === undefined) value = derive(blockAtZero(block));
      used.set(key, value);
      out.set(block, value);
    }
    previous = cache;
    cache = used;
    return out;
  });
}
