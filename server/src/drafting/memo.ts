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
