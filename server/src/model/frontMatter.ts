import { parseDocument, isMap, isNode, isScalar, LineCounter, type Pair } from 'yaml';
import { aliasBomb, firstRepeatedKey, hasAliases, MAX_ALIASES, unreadableValue } from './yamlValues';
import type { Root, Yaml } from 'mdast';

/** Typed view of the keys a policy's YAML front matter may declare. */
export interface PolicyFields {
  /** Present (any value) when the file declares itself a policy with `policy:`. */
  readonly policy?: string | boolean;
  readonly company?: string;
  readonly jurisdictions: readonly string[];
  /** The effective date as written, and parsed when it is a real date. */
  readonly effective?: { readonly text: string; readonly date?: Date };
  readonly contact?: { readonly email?: string; readonly phone?: string; readonly address?: string; readonly text?: string };
  readonly audience?: string | readonly string[];
  readonly sellsOrShares?: boolean;
  /** `thresholds: met`: the business is above the applicability thresholds of the state laws it declares; undefined when not declared. */
  readonly thresholdsMet?: boolean;
}

export interface FrontMatterProblem {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface FrontMatter {
  /** Offsets of the whole block, fences included. */
  readonly start: number;
  readonly end: number;
  readonly keys: readonly string[];
  readonly fields: PolicyFields;
  readonly problems: readonly FrontMatterProblem[];
  /** Set when the block is longer than MAX_FRONT_MATTER: from `start` to the block's end nothing was read. */
  readonly unread?: { readonly start: number; readonly end: number; readonly length: number; readonly firstKey?: string };
}

export const EMPTY_FIELDS: PolicyFields = Object.freeze({ jurisdictions: Object.freeze([]) as readonly string[] });

/**
 * Front matter is read for the policy's keys only, so a longer block is read up to here: 64 KiB
 * holds thousands of keys, and the YAML parser's time grows with the block. What lies beyond is
 * named by the analysis-limited rule, never dropped silently.
 */
export const MAX_FRONT_MATTER = 65_536;
/** The keys PolicyFields reads; no other value of the front matter is ever converted. */
const POLICY_KEYS = new Set(['policy', 'company', 'jurisdictions', 'effective', 'contact', 'audience', 'sells-or-shares', 'thresholds']);
export function readFrontMatter(root: Root, text: string): FrontMatter | undefined {
  const first = root.children[0];
  if (!first || first.type !== 'yaml') return undefined;
  const node = first as Yaml;
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  // The YAML body starts on the line after the opening `---`.
  const firstBreak = /\r\n|\r|\n/.exec(text.slice(start, end));
  const bodyStart = firstBreak ? start + firstBreak.index + firstBreak[0].length : end;
  try {
    return readYaml(node.value, text, start, end, bodyStart);
  } catch (error) {
    // Whatever a hostile block makes the parser do, the document is still read without its settings.
    const why = error instanceof Error ? `${error.name}: ${firstLine(error.message)}` : String(error);
    return { start, end, keys: [], fields: EMPTY_FIELDS, problems: [{ message: `Front matter could not be read (${why}), simplify the YAML so the policy's settings can be read`, start, end: bodyStart }] };
  }
}

function readYaml(value: string, text: string, start: number, end: number, bodyStart: number): FrontMatter {
  const problems: FrontMatterProblem[] = [];
  const read = value.length > MAX_FRONT_MATTER ? readablePart(value) : value.length;
  // What is not read starts on the line after the last one read.
  const rest = read + (value[read] === '\n' ? 1 : 0);
  const unread = read < value.length ? { start: bodyStart + rest, end, length: value.length, firstKey: /^([^:\r\n]{1,60}):/.exec(value.slice(rest, rest + 61))?.[1]?.trim() } : undefined;
  const lineCounter = new LineCounter();
  // Keys are checked for repeats below, in one pass: the parser's own check compares each key with every other.
  const doc = parseDocument(value.slice(0, read), { lineCounter, prettyErrors: false, uniqueKeys: false });
  const yamlProblem = (from: number, to: number, message: string) => {
    // The message names the file's line, as the editor and the command line show it.
    const where = lineCounter.linePos(from);
    const fileLine = text.slice(0, bodyStart).split(/\r\n|\r|\n/).length - 1 + where.line;
    problems.push({
      message: `Front matter is not valid YAML (line ${fileLine}: ${firstLine(message)}), fix the YAML so the policy's settings can be read`,
      start: bodyStart + from,
      // At least one character, and never half of a surrogate pair.
      end: Math.min(end, Math.max(bodyStart + from + (text.codePointAt(bodyStart + from)! > 0xffff ? 2 : 1), bodyStart + to)),
    });
  };
  const error = doc.errors[0];
  if (error) yamlProblem(error.pos[0], error.pos[1], error.message);
  else {
    const repeated = firstRepeatedKey(doc);
    if (repeated) yamlProblem(repeated[0], repeated[1], 'Map keys must be unique');
  }
  if (problems.length > 0) return { start, end, keys: [], fields: EMPTY_FIELDS, problems, unread };

  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    problems.push({ message: 'Front matter is not a list of “key: value” pairs, write one setting per line', start, end: bodyStart });
    return { start, end, keys: [], fields: EMPTY_FIELDS, problems, unread };
  }
  const pairs = isMap(contents) ? contents.items : [];
  const keyOf = (pair: Pair) => (pair.key == null ? '' : isScalar(pair.key) ? String(pair.key.value ?? '') : String(pair.key));
  const keyRange = (pair: Pair | undefined): [number, number] => {
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    return range ? [bodyStart + range[0], bodyStart + range[1]] : [start, bodyStart];
  };
  const unreadable = (pair: Pair, error: unknown) => {
    const [s, e] = keyRange(pair);
    problems.push({ message: `Front matter “${keyOf(pair)}” ${unreadableValue(error)}`, start: s, end: e });
  };
  const convert = (pair: Pair): { ok: true; value: unknown } | { ok: false } => {
    try {
      return { ok: true, value: isNode(pair.value) ? pair.value.toJS(doc, { maxAliasCount: MAX_ALIASES }) : (pair.value ?? null) };
    } catch (error) {
      unreadable(pair, error);
      return { ok: false };
    }
  };
  // Only the policy keys are converted; a null prototype keeps `constructor` and `__proto__` plain keys.
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  const byKey = new Map<string, Pair>();
  for (const pair of pairs) {
    const key = keyOf(pair);
    if (!POLICY_KEYS.has(key) || byKey.has(key)) continue;
    byKey.set(key, pair);
    const converted = convert(pair);
    if (converted.ok) raw[key] = converted.value;
  }
  // A bomb in a key that is never converted cannot slow reading down, but it is named all the same.
  const bomb = hasAliases(pairs) ? aliasBomb(doc, pairs, (p) => !POLICY_KEYS.has(keyOf(p))) : undefined;
  if (bomb) unreadable(bomb, new ReferenceError('Excessive alias count'));
  const bad = (key: string, what: string) => {
    const [s, e] = keyRange(byKey.get(key));
    problems.push({ message: `Front matter “${key}” ${what}`, start: s, end: e });
  };

  const fields: {
    -readonly [K in keyof PolicyFields]: PolicyFields[K];
  } = { jurisdictions: [] };
  if ('policy' in raw) fields.policy = typeof raw.policy === 'boolean' ? raw.policy : String(raw.policy ?? '');
  if ('company' in raw) {
    if (typeof raw.company === 'string') fields.company = raw.company;
    else bad('company', 'must be the company name as text, write “company: Example Ltd”');
  }
  if ('jurisdictions' in raw) {
    const j = raw.jurisdictions;
    const list = typeof j === 'string' ? j.split(/[,\s]+/) : Array.isArray(j) ? j : undefined;
    if (list && list.every((x) => typeof x === 'string')) {
      fields.jurisdictions = Object.freeze(list.map((x: string) => x.trim().toLowerCase()).filter(Boolean));
    } else bad('jurisdictions', 'must be a list of codes, write “jurisdictions: [eu, uk, us-ca]”');
  }
  if ('effective' in raw) {
    const value = raw.effective;
    const textValue = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;
    const date = value instanceof Date ? value : textValue ? parseIsoDate(textValue) : undefined;
    if (textValue === undefined || date === undefined) bad('effective', 'is not a date, write it as “effective: 2026-01-31”');
    fields.effective = { text: textValue ?? String(value), date };
  }
  if ('contact' in raw) {
    const c = raw.contact;
    if (typeof c === 'string') fields.contact = c.includes('@') ? { email: c.trim() } : { text: c };
    else if (c && typeof c === 'object' && !Array.isArray(c)) {
      const o = c as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      const own = (k: string) => (Object.hasOwn(o, k) ? o[k] : undefined);
      fields.contact = { email: str(own('email')), phone: str(own('phone')) ?? (typeof own('phone') === 'number' ? String(own('phone')) : undefined), address: str(own('address')) };
    } else bad('contact', 'must be an email address or a map with “email”, “phone” and “address”');
  }
  if ('audience' in raw) {
    const a = raw.audience;
    if (typeof a === 'string') fields.audience = a;
    else if (Array.isArray(a) && a.every((x) => typeof x === 'string')) fields.audience = Object.freeze([...a]);
    else bad('audience', 'must be text or a list, such as “audience: [adults]” or “audience: children”');
  }
  if ('sells-or-shares' in raw) {
    if (typeof raw['sells-or-shares'] === 'boolean') fields.sellsOrShares = raw['sells-or-shares'];
    else bad('sells-or-shares', 'must be “true” or “false”');
  }
  if ('thresholds' in raw) {
    const t = raw.thresholds;
    const said = typeof t === 'string' ? t.trim().toLowerCase() : t;
    if (said === 'met' || said === true) fields.thresholdsMet = true;
    else if (said === 'not-met' || said === 'not met' || said === false) fields.thresholdsMet = false;
    else bad('thresholds', 'must be `met` or `not-met`, write `thresholds: met` when the business is above the state laws\' thresholds');
  }
  return { start, end, keys: Object.freeze(pairs.map(keyOf)), fields: Object.freeze(fields), problems, unread };
}

/** How much of an over-long block is read: whole lines, up to the last top-level key that starts within the limit. */
function readablePart(value: string): number {
  let cut = value.lastIndexOf('\n', MAX_FRONT_MATTER);
  // A line that starts with a space, a list dash, a comment or a closing bracket continues the entry above it.
  while (cut > 0 && /^(?:[\s#\]}-]|$)/.test(value.slice(cut + 1, cut + 2))) cut = value.lastIndexOf('\n', cut - 1);
  return Math.max(0, cut);
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/\.$/, '');
}

function parseIsoDate(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCMonth() === +m[2] - 1 ? d : undefined;
}
