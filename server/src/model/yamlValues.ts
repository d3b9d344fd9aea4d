import { isAlias, isMap, isNode, isPair, isScalar, isSeq, visit, type Document, type Pair } from 'yaml';

/** The yaml package's guard against alias bombs (`maxAliasCount`): converting throws past this many expanded aliases. */
export const MAX_ALIASES = 100;

/** Why a YAML value could not be converted, for “Front matter “key” …” and “Field “key” …”. */
export function unreadableValue(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return /excessive alias count/i.test(message)
    ? 'repeats YAML aliases too often to be read (a resource exhaustion guard), write the values out instead of using “*” aliases'
    : `could not be read (${message.split('\n')[0].replace(/\.$/, '')}), fix its value`;
}

/** Whether any value of `pairs` holds an alias (`*name`). */
export function hasAliases(pairs: readonly Pair[]): boolean {
  let found = false;
  const walk = (node: unknown): void => {
    if (found) return;
    if (isAlias(node)) found = true;
    else if (isMap(node) || isSeq(node)) for (const item of node.items) walk(isPair(item) ? item.value : item);
  };
  for (const pair of pairs) walk(pair.value);
  return found;
}

/**
 * Whether the whole block passes the yaml package's alias guard, and if not, the key that expands
 * most through its aliases, when it is one of `candidates`. One conversion and one counting pass (each anchor's size is
 * remembered), so a block of thousands of aliases is never converted key by key.
 */
export function aliasBomb(doc: Document, pairs: readonly Pair[], candidates: (pair: Pair) => boolean): Pair | undefined {
  try {
    doc.toJS({ maxAliasCount: MAX_ALIASES });
    return undefined;
  } catch {
    // Named below.
  }
  const sizes = new Map<string, number>();
  /** Nodes after expanding aliases, less nodes as written. */
  const extra = (node: unknown): { expanded: number; written: number } => {
    if (isAlias(node)) return { expanded: sizes.get(node.source) ?? 1, written: 1 };
    let expanded = 1;
    let written = 1;
    if (isMap(node) || isSeq(node)) {
      for (const item of node.items) {
        for (const part of isPair(item) ? [item.key, item.value] : [item]) {
          const e = extra(part);
          expanded += e.expanded;
          written += e.written;
        }
      }
    }
    if (isNode(node) && node.anchor) sizes.set(node.anchor, expanded);
    return { expanded, written };
  };
  let worst: Pair | undefined;
  let most = 0;
  for (const pair of pairs) {
    const e = extra(pair.value);
    if (e.expanded - e.written > most) [worst, most] = [pair, e.expanded - e.written];
  }
  // The key that expands most is the bomb; when it is not a candidate, the caller reports it already.
  return worst && candidates(worst) ? worst : undefined;
}

/**
 * The range of the first key written twice in one mapping, anywhere in the block, in one pass: the
 * parser's own `uniqueKeys` check compares each key with every other (25,000 keys took 8 s).
 */
export function firstRepeatedKey(doc: Document): [number, number] | undefined {
  let found: [number, number] | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        if (seen.has(pair.key.value)) {
          const range = pair.key.range ?? [0, 0];
          found = [range[0], range[1]];
          return visit.BREAK;
        }
        seen.add(pair.key.value);
      }
      return undefined;
    },
  });
  return found;
}

