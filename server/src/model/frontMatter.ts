import { parseDocument, isMap, LineCounter } from 'yaml';
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
}

export const EMPTY_FIELDS: PolicyFields = Object.freeze({ jurisdictions: Object.freeze([]) as readonly string[] });

export function readFrontMatter(root: Root, text: string): FrontMatter | undefined {
  const first = root.children[0];
  if (!first || first.type !== 'yaml') return undefined;
  const node = first as Yaml;
  const start = node.position?.start.offset ?? 0;
  const end = node.position?.end.offset ?? 0;
  // The YAML body starts on the line after the opening `---`.
  const firstBreak = /\r\n|\r|\n/.exec(text.slice(start, end));
  const bodyStart = firstBreak ? start + firstBreak.index + firstBreak[0].length : end;
  const problems: FrontMatterProblem[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(node.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  for (const error of doc.errors.slice(0, 1)) {
    const [from, to] = error.pos;
    // The message names the file's line, as the editor and the command line show it.
    const where = lineCounter.linePos(from);
    const fileLine = text.slice(0, bodyStart).split(/\r\n|\r|\n/).length - 1 + where.line;
    problems.push({
      message: `Front matter is not valid YAML (line ${fileLine}: ${firstLine(error.message)}), fix the YAML so the policy's settings can be read`,
      start: bodyStart + from,
      // At least one character, and never half of a surrogate pair.
      end: Math.min(end, Math.max(bodyStart + from + (text.codePointAt(bodyStart + from)! > 0xffff ? 2 : 1), bodyStart + to)),
    });
  }
  if (problems.length > 0) return { start, end, keys: [], fields: EMPTY_FIELDS, problems };

  const contents = doc.contents;
  if (contents !== null && !isMap(contents)) {
    problems.push({ message: 'Front matter is not a list of `key: value` pairs, write one setting per line', start, end: bodyStart });
    return { start, end, keys: [], fields: EMPTY_FIELDS, problems };
  }
  const raw = (doc.toJS() ?? {}) as Record<string, unknown>;
  const keyRange = (key: string): [number, number] => {
    const pair = isMap(contents) ? contents.items.find((p) => String((p.key as { value?: unknown })?.value) === key) : undefined;
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    return range ? [bodyStart + range[0], bodyStart + range[1]] : [start, bodyStart];
  };
  const bad = (key: string, what: string) => {
    const [s, e] = keyRange(key);
    problems.push({ message: `Front matter \`${key}\` ${what}`, start: s, end: e });
  };

  const fields: {
    -readonly [K in keyof PolicyFields]: PolicyFields[K];
  } = { jurisdictions: [] };
  if ('policy' in raw) fields.policy = typeof raw.policy === 'boolean' ? raw.policy : String(raw.policy ?? '');
  if ('company' in raw) {
    if (typeof raw.company === 'string') fields.company = raw.company;
    else bad('company', 'must be the company name as text, write `company: Example Ltd`');
  }
  if ('jurisdictions' in raw) {
    const j = raw.jurisdictions;
    const list = typeof j === 'string' ? j.split(/[,\s]+/) : Array.isArray(j) ? j : undefined;
    if (list && list.every((x) => typeof x === 'string')) {
      fields.jurisdictions = Object.freeze(list.map((x: string) => x.trim().toLowerCase()).filter(Boolean));
    } else bad('jurisdictions', 'must be a list of codes, write `jurisdictions: [eu, uk, us-ca]`');
  }
  if ('effective' in raw) {
    const value = raw.effective;
    const textValue = value instanceof Date ? value.toISOString().slice(0, 10) : typeof value === 'string' ? value : undefined;
    const date = value instanceof Date ? value : textValue ? parseIsoDate(textValue) : undefined;
    if (textValue === undefined || date === undefined) bad('effective', 'is not a date, write it as `effective: 2026-01-31`');
    fields.effective = { text: textValue ?? String(value), date };
  }
  if ('contact' in raw) {
    const c = raw.contact;
    if (typeof c === 'string') fields.contact = c.includes('@') ? { email: c.trim() } : { text: c };
    else if (c && typeof c === 'object' && !Array.isArray(c)) {
      const o = c as Record<string, unknown>;
      const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
      fields.contact = { email: str(o.email), phone: str(o.phone) ?? (typeof o.phone === 'number' ? String(o.phone) : undefined), address: str(o.address) };
    } else bad('contact', 'must be an email address or a map with `email`, `phone` and `address`');
  }
  if ('audience' in raw) {
    const a = raw.audience;
    if (typeof a === 'string') fields.audience = a;
    else if (Array.isArray(a) && a.every((x) => typeof x === 'string')) fields.audience = Object.freeze([...a]);
    else bad('audience', 'must be text or a list, such as `audience: [adults]` or `audience: children`');
  }
  if ('sells-or-shares' in raw) {
    if (typeof raw['sells-or-shares'] === 'boolean') fields.sellsOrShares = raw['sells-or-shares'];
    else bad('sells-or-shares', 'must be `true` or `false`');
  }
  return { start, end, keys: Object.freeze(Object.keys(raw)), fields: Object.freeze(fields), problems };
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
