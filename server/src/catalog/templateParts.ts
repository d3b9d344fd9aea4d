import { isNode, isScalar, type Document, type Pair } from 'yaml';
import { aliasBomb, MAX_ALIASES } from '../model/yamlValues';
import { parseSnippet, plainText } from './snippetSyntax';

/** A template field's name as written; the key of a YAML pair. */
export function keyText(pair: Pair): string {
  return pair.key == null ? '' : isScalar(pair.key) ? String(pair.key.value ?? '') : String(pair.key);
}

/**
 * The template's fields as plain values, converted with the yaml package's alias guard. When the
 * whole map fails (an alias bomb), the field that expands most is named, and the clause fields are
 * converted one by one so that the others are still checked. No prototype: a field named
 * `constructor` or `__proto__` is a plain unknown field.
 */
export function templateValues(doc: Document, pairs: readonly Pair[], fields: ReadonlySet<string>, onError: (pair: Pair, error: unknown) => void): Record<string, unknown> {
  const raw = Object.create(null) as Record<string, unknown>;
  try {
    return Object.assign(raw, doc.toJS({ maxAliasCount: MAX_ALIASES }) as Record<string, unknown>);
  } catch {
    // Field by field below.
  }
  const bomb = aliasBomb(doc, pairs, (p) => !fields.has(keyText(p)));
  if (bomb) onError(bomb, new ReferenceError('Excessive alias count'));
  for (const pair of pairs) {
    const key = keyText(pair);
    // Other fields are only named (as unknown), never read.
    if (!fields.has(key)) {
      raw[key] = null;
      continue;
    }
    try {
      raw[key] = isNode(pair.value) ? pair.value.toJS(doc, { maxAliasCount: MAX_ALIASES }) : (pair.value ?? null);
    } catch (error) {
      onError(pair, error);
    }
  }
  return raw;
}

/**
 * A clause body may start with its own `#` or `##` heading, as a lawyer writes a section: that
 * heading is the clause's title, and the body is what follows it.
 */
export function leadingTitle(text: string, afterFence: number): { title?: { text: string; start: number; end: number }; bodyStart: number; rawBody: string } {
  let bodyStart = afterFence + (/^\s*/.exec(text.slice(afterFence))?.[0].length ?? 0);
  const line = /^[^\r\n]*/.exec(text.slice(bodyStart))![0];
  // The title starts at the first character after the spaces, so the two never compete for the same text.
  const m = /^#{1,2}[ \t]+([^ \t\r\n].*)?$/.exec(line);
  const heading = m ? plainText(parseSnippet(withoutClosingHashes(m[1] ?? '')).nodes).trim() : '';
  if (!m || heading === '') return { bodyStart, rawBody: text.slice(bodyStart).trimEnd() };
  const title = { text: heading, start: bodyStart, end: bodyStart + line.length };
  bodyStart += line.length;
  bodyStart += /^\s*/.exec(text.slice(bodyStart))?.[0].length ?? 0;
  return { title, bodyStart, rawBody: text.slice(bodyStart).trimEnd() };
}

/** `## Title ##` is `Title`: the closing run of `#` goes when a space precedes it (CommonMark). */
function withoutClosingHashes(content: string): string {
  const trimmed = content.trimEnd();
  let k = trimmed.length;
  while (k > 0 && trimmed[k - 1] === '#') k--;
  return k < trimmed.length && (k === 0 || trimmed[k - 1] === ' ' || trimmed[k - 1] === '\t') ? trimmed.slice(0, k) : trimmed;
}
