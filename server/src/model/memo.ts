/**
 * The generic half of the analysis's one cache mechanism (facts/cache.ts builds the per-document
 * and per-block caches on it). It sits in the model layer so that the model's own per-node caches
 * and the catalog's per-title cache are the same mechanism, not home-made maps.
 *
 * `perObject` keeps a value per immutable object, held weakly. Extra arguments are the key's own
 * context (the source text a syntax node was parsed from): the value is made with the first ones
 * given, so they must belong to the key, never vary with the caller.
 */
export function perObject<K extends object, T, A extends unknown[] = []>(derive: (key: K, ...context: A) => T): (key: K, ...context: A) => T {
  const cache = new WeakMap<K, T>();
  return (key, ...context) => {
    // One lookup for the usual hit; `has` only tells a stored undefined from a miss.
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as T;
    const value = derive(key, ...context);
    cache.set(key, value);
    return value;
  };
}

/**
 * A value derived from a string (a word, a list of names), kept for the `limit` strings asked for
 * most recently: strings cannot be held weakly, so the oldest is dropped when the list is full.
 */
export function perString<T>(derive: (key: string) => T, limit: number): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const known = cache.get(key);
    if (known !== undefined || cache.has(key)) return known as T;
    const value = derive(key);
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    cache.set(key, value);
    return value;
  };
}
