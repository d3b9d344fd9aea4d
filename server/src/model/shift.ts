import type { Node, Parent, RootContent } from 'mdast';

/** A deep copy of `node` with every offset moved by `by` (line numbers are left as parsed). */
export function shiftedClone<T extends RootContent>(node: T, by: number): T {
  if (by === 0) return node;
  const copy = (n: Node): Node => {
    const out: Record<string, unknown> = { ...n };
    if (n.position) {
      out.position = {
        start: { ...n.position.start, offset: (n.position.start.offset ?? 0) + by },
        end: { ...n.position.end, offset: (n.position.end.offset ?? 0) + by },
      };
    }
    const children = (n as Parent).children;
    if (children) out.children = children.map(copy);
    return out as unknown as Node;
  };
  return copy(node) as T;
}
