import type { RootContent } from 'mdast';
import { nodeStart } from './chunks';
import type { PolicyDocument } from './policyDocument';

export interface Placed {
  readonly start: number;
  readonly end: number;
}

/**
 * Derives spans from each top-level Markdown node once, and places them in every version that
 * still has the node: an edit re-parses only the nodes it touches, so the rest keep their results
 * and nothing clones the whole tree (`doc.root` does). `derive` sees the node with the offsets of
 * `src`, the text it was parsed from, and returns spans in those offsets.
 */
export function perNode<T extends Placed>(derive: (node: RootContent, src: string) => readonly T[]): (doc: PolicyDocument) => readonly T[] {
  const cache = new WeakMap<RootContent, readonly T[]>();
  const byDoc = new WeakMap<PolicyDocument, readonly T[]>();
  return (doc) => {
    const known = byDoc.get(doc);
    if (known) return known;
    const out: T[] = [];
    for (const chunk of doc.chunks) {
      let relative = cache.get(chunk.node);
      if (!relative) {
        const base = nodeStart(chunk.node);
        relative = derive(chunk.node, chunk.src).map((x) => ({ ...x, start: x.start - base, end: x.end - base }));
        cache.set(chunk.node, relative);
      }
      for (const x of relative) out.push({ ...x, start: x.start + chunk.start, end: x.end + chunk.start });
    }
    byDoc.set(doc, out);
    return out;
  };
}
