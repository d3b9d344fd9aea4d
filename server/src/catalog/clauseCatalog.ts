import { isMap, LineCounter, parseDocument, type Pair } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../model/positions';
import { allTopics } from './sectionTopics';
import { keyText, leadingTitle, templateValues } from './templateParts';
import { firstRepeatedKey, unreadableValue } from '../model/yamlValues';
import { parseSnippet, plainText, replaceDefaults, toSnippetString, escapeSnippetText, type SnippetNode } from './snippetSyntax';

/**
 * A clause template: a Markdown file in `snippets/clauses/` (built in) or in a workspace's
 * `.policywright/clauses/` (a firm's own), with YAML front matter and a body in VS Code snippet
 * syntax. The clause's heading is its `title`; the body is what follows the heading.
 */
export interface Clause {
  readonly id: string;
  readonly title: string;
  /** A section topic id from `server/data/section-topics.json`, e.g. `cookies`. */
  readonly topic: string;
  readonly prefix: string;
  /** Jurisdiction codes the clause serves, or `all`. */
  readonly jurisdictions: readonly string[];
  readonly description: string;
  readonly sources: readonly string[];
  /** Tells variants with the same title apart, e.g. "EU/UK opt-in consent". */
  readonly variant?: string;
  readonly nodes: readonly SnippetNode[];
  readonly origin: 'built-in' | 'workspace';
  /** Repository-relative path for built-ins, file-system path for workspace templates. */
  readonly file: string;
  /** The whole template file as written. */
  readonly source: string;
}

export interface ClauseSource {
  readonly file: string;
  readonly text: string;
  readonly origin: 'built-in' | 'workspace';
}

export interface TemplateProblem {
  readonly file: string;
  /** Zero-based, LSP style. */
  readonly range: Range;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

export interface ClauseCatalog {
  readonly clauses: readonly Clause[];
  readonly problems: readonly TemplateProblem[];
  byId(id: string): Clause | undefined;
}

/** The jurisdiction codes a policy's `jurisdictions:` and a clause's `jurisdictions:` use. */
// Without a prototype: `constructor in JURISDICTIONS` and `JURISDICTIONS.__proto__` are nothing, for every lookup of a user's code.
export const JURISDICTIONS: Readonly<Record<string, { readonly name: string; readonly laws: string }>> = Object.freeze(Object.assign(Object.create(null) as Record<string, { readonly name: string; readonly laws: string }>, {
  eu: { name: 'European Union (and EEA)', laws: 'GDPR (Regulation (EU) 2016/679) and the ePrivacy Directive 2002/58/EC as implemented in each Member State' },
  uk: { name: 'United Kingdom', laws: 'UK GDPR and the Data Protection Act 2018, as amended by the Data (Use and Access) Act 2025, and PECR 2003' },
  us: { name: 'United States (federal)', laws: 'COPPA (15 U.S.C. §§6501–6506, 16 CFR Part 312) for children under 13, and other federal law; implied by any `us-` code' },
  'us-ca': { name: 'California', laws: 'CCPA as amended by the CPRA (Cal. Civ. Code §1798.100 et seq.), the CPPA regulations (11 CCR §7000 ff.) and CalOPPA (Cal. Bus. & Prof. Code §§22575–22579)' },
  'us-va': { name: 'Virginia', laws: 'Virginia Consumer Data Protection Act (Va. Code §59.1-577 and §59.1-578)' },
  'us-co': { name: 'Colorado', laws: 'Colorado Privacy Act (C.R.S. §6-1-1308) and its rules, 4 CCR 904-3' },
  'us-ct': { name: 'Connecticut', laws: 'Connecticut Data Privacy Act (Conn. Gen. Stat. §42-520)' },
  'us-tx': { name: 'Texas', laws: 'Texas Data Privacy and Security Act (Tex. Bus. & Com. Code §541.102)' },
  'us-ut': { name: 'Utah', laws: 'Utah Consumer Privacy Act (Utah Code §13-61-302), from 31 Dec 2023' },
  'us-or': { name: 'Oregon', laws: 'Oregon Consumer Privacy Act (ORS 646A.570–646A.589), from 1 Jul 2024' },
  'us-ne': { name: 'Nebraska', laws: 'Nebraska Data Privacy Act (Neb. Rev. Stat. §87-1101 ff.), from 1 Jan 2025' },
  'us-nj': { name: 'New Jersey', laws: 'New Jersey Data Privacy Act (N.J.S.A. 56:8-166.4 ff.), from 15 Jan 2025' },
  'us-mn': { name: 'Minnesota', laws: 'Minnesota Consumer Data Privacy Act (Minn. Stat. §§325M.10–325M.21), from 31 Jul 2025' },
  'us-ri': { name: 'Rhode Island', laws: 'Rhode Island Data Transparency and Privacy Protection Act (R.I. Gen. Laws ch. 6-48.1), from 1 Jan 2026' },
  ca: { name: 'Canada (federal)', laws: 'PIPEDA (S.C. 2000, c. 5), Schedule 1' },
  'ca-qc': { name: 'Québec', laws: 'Law 25: Act respecting the protection of personal information in the private sector (CQLR c P-39.1)' },
  br: { name: 'Brazil', laws: 'LGPD (Lei 13.709/2018)' },
}));

/** Whether a code a user wrote (setting, option, front matter, template) is one of JURISDICTIONS. */
export function isJurisdictionCode(code: string): boolean {
  return Object.hasOwn(JURISDICTIONS, code);
}

/**
 * Placeholder defaults that stand for a front-matter value: a clause writes `${1:Example Ltd}` and
 * a policy with `company: Northwind Ltd` gets `${1:Northwind Ltd}` instead.
 */
export const FILL_DEFAULTS = Object.freeze({
  company: 'Example Ltd',
  email: 'privacy@example.com',
  address: '1 Example Street, Example City',
  phone: '+1 555 0100',
  effective: '1 January 2026',
  // The age in a clause written for every law (`jurisdictions: [all]`): COPPA's and the UK's 13 unless the policy
  // answers to the GDPR, whose default is 16 (Art. 8(1)). A clause written for one law keeps that law's age.
  childAge: '13',
});
/** Fills that only a clause serving every jurisdiction takes. */
const GENERAL_ONLY: ReadonlySet<string> = new Set(['childAge']);
export type ClauseFills = Partial<Record<keyof typeof FILL_DEFAULTS, string>>;

/** The order sections usually come in, used to list clauses in reading order. */
const READING_ORDER = ['title', 'contents', 'who-we-are', 'dpo', 'contact', 'collection', 'use', 'legal-basis', 'sharing', 'california', 'cookies', 'transfers', 'retention', 'security', 'rights', 'complaints', 'automated-decisions', 'dnt', 'marketing', 'children', 'links', 'changes'];
const REQUIRED = ['id', 'title', 'topic', 'prefix', 'jurisdictions', 'description', 'sources'] as const;
const KNOWN_KEYS = new Set<string>([...REQUIRED, 'variant']);
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function parseClauseTemplate(source: ClauseSource): { clause?: Clause; problems: TemplateProblem[] } {
  try {
    return parseTemplate(source);
  } catch (error) {
    // Whatever one template makes a parser do, it is that template's problem: the library loads without it.
    const why = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { problems: [{ file: source.file, range, severity: 'error', message: `Template could not be read (${why}), check the file or simplify it` }] };
  }
}

function parseTemplate(source: ClauseSource): { clause?: Clause; problems: TemplateProblem[] } {
  const { file, text } = source;
  const index = new LineIndex(text);
  const problems: TemplateProblem[] = [];
  const problem = (start: number, end: number, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, range: index.range(start, Math.max(end, start)), severity, message });

  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  const close = open ? /^---[ \t]*$/m.exec(text.slice(open[0].length)) : null;
  if (!open || !close) {
    problem(0, index.lineEnd(0), open ? 'Front matter is never closed, end it with a `---` line before the clause text' : 'Template has no front matter, start the file with a `---` line, the fields `id`, `title`, `topic`, `prefix`, `jurisdictions`, `description`, `sources`, and another `---` line');
    return { problems };
  }
  const yamlStart = open[0].length;
  const yamlEnd = yamlStart + close.index;
  const counter = new LineCounter();
  const doc = parseDocument(text.slice(yamlStart, yamlEnd), { lineCounter: counter, uniqueKeys: false, prettyErrors: false });
  const repeated = doc.errors.length === 0 ? firstRepeatedKey(doc) : undefined;
  if (doc.errors.length > 0 || repeated) {
    const [from, to, message] = repeated ? [...repeated, 'Map keys must be unique'] : [doc.errors[0].pos[0], doc.errors[0].pos[1], doc.errors[0].message];
    problem(yamlStart + from, yamlStart + to, `Front matter is not valid YAML (${message.split('\n')[0].replace(/\.$/, '')}), fix the YAML`);
    return { problems };
  }
  if (!isMap(doc.contents)) {
    problem(0, yamlEnd, 'Front matter is not a list of `key: value` pairs, write one field per line');
    return { problems };
  }
  const pairs = new Map<string, Pair>();
  for (const pair of doc.contents.items) pairs.set(keyText(pair), pair);
  const keyRange = (key: string): [number, number] => {
    const r = (pairs.get(key)?.key as { range?: [number, number] } | undefined)?.range;
    return r ? [yamlStart + r[0], yamlStart + r[1]] : [0, index.lineEnd(0)];
  };
  const bad = (key: string, what: string, severity: 'error' | 'warning' = 'error') => problem(...keyRange(key), `Field \`${key}\` ${what}`, severity);
  const raw = templateValues(doc, doc.contents.items, KNOWN_KEYS, (pair, error) => problem(...keyRange(keyText(pair)), `Field “${keyText(pair)}” ${unreadableValue(error)}`));
  const afterFence = yamlEnd + close[0].length;
  const { title: heading, bodyStart, rawBody } = leadingTitle(text, afterFence);

  for (const key of REQUIRED) if (!(key in raw) && !(key === 'title' && heading)) problem(0, index.lineEnd(0), `Field \`${key}\` is missing, add it to the front matter`);
  // An unknown field is a typo at worst: the clause still loads.
  for (const key of Object.keys(raw)) if (!KNOWN_KEYS.has(key)) bad(key, `is not a clause field, remove it or use one of ${[...KNOWN_KEYS].map((k) => `\`${k}\``).join(', ')}`, 'warning');

  const text1 = (key: string): string | undefined => {
    const v = raw[key];
    if (!(key in raw)) return undefined;
    if (typeof v !== 'string' || v.trim() === '') return void bad(key, 'must be non-empty text on one line');
    if (/\n/.test(v.trim())) return void bad(key, 'must fit on one line');
    return v.trim();
  };
  const list = (key: string): string[] | undefined => {
    const v = raw[key];
    if (!(key in raw)) return undefined;
    if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.trim() !== '')) return void bad(key, `must be a list of text, such as \`${key}: [eu, uk]\``);
    return v.map((x: string) => x.trim());
  };
  const id = text1('id');
  if (id !== undefined && !ID.test(id)) bad('id', `\`${id}\` must be lowercase words joined by hyphens, such as \`cookies-eu-consent\``);
  const titleField = text1('title');
  const title = heading?.text ?? titleField;
  if (heading && titleField !== undefined && titleField.toLowerCase() !== heading.text.toLowerCase()) {
    problem(heading.start, heading.end, `The heading “${heading.text}” is the clause title, but the field “title” says “${titleField}”, make them agree or remove the field`, 'warning');
  }
  const topic = text1('topic');
  const topics = allTopics().map((t) => t.id);
  if (topic !== undefined && !topics.includes(topic)) bad('topic', `\`${topic}\` is not a section topic, use one of ${topics.map((t) => `\`${t}\``).join(', ')}`);
  const prefix = text1('prefix');
  if (prefix !== undefined && /\s/.test(prefix)) bad('prefix', `\`${prefix}\` must be one word without spaces, such as \`cookies-eu\``);
  const description = text1('description');
  const variant = 'variant' in raw ? text1('variant') : undefined;
  const jurisdictions = list('jurisdictions');
  if (jurisdictions?.length === 0) bad('jurisdictions', 'is empty, list the codes the clause serves or write `[all]`');
  for (const code of jurisdictions ?? []) {
    if (code !== 'all' && !isJurisdictionCode(code)) bad('jurisdictions', `has the unknown code \`${code}\`, use \`all\` or one of ${Object.keys(JURISDICTIONS).map((c) => `\`${c}\``).join(', ')}`);
  }
  const sources = list('sources');

  if (rawBody === '') problem(afterFence - close[0].length, afterFence, 'Template has no clause text, write the clause below the closing `---`');
  const parsed = parseSnippet(rawBody);
  for (const e of parsed.errors) problem(bodyStart + e.offset, bodyStart + e.offset + e.length, e.message);
  for (const h of bodyHeadings(rawBody)) {
    if (h.level < 3) problem(bodyStart + h.offset, bodyStart + h.offset + h.level, `Heading level ${h.level} inside the clause text, use \`###\` or deeper: the clause's \`title\` is its level-2 heading`);
  }

  if (problems.some((p) => p.severity === 'error')) return { problems };
  const clause: Clause = {
    id: id!,
    title: title!,
    topic: topic!,
    prefix: prefix!,
    jurisdictions: Object.freeze(jurisdictions!),
    description: description!,
    sources: Object.freeze(sources!),
    ...(variant ? { variant } : {}),
    nodes: deepFreeze(normalizeNewlines(parsed.nodes)),
    origin: source.origin,
    file,
    source: text,
  };
  return { clause: Object.freeze(clause), problems };
}

/** Parses every source; a later template with an id already taken is reported and skipped. */
export function buildCatalog(sources: readonly ClauseSource[]): ClauseCatalog {
  const byId = new Map<string, Clause>();
  const problems: TemplateProblem[] = [];
  for (const source of sources) {
    const result = parseClauseTemplate(source);
    problems.push(...result.problems);
    const clause = result.clause;
    if (!clause) continue;
    const first = byId.get(clause.id);
    if (first) {
      const line = source.text.split(/\r?\n/).findIndex((l) => /^id\s*:/.test(l));
      problems.push({ file: source.file, range: { start: { line, character: 0 }, end: { line, character: 3 + clause.id.length } }, severity: 'error', message: `Clause id \`${clause.id}\` is already used by \`${first.file}\`, give this clause another id` });
      continue;
    }
    byId.set(clause.id, clause);
  }
  const clauses = Object.freeze(sortClauses([...byId.values()]));
  return Object.freeze({ clauses, problems: Object.freeze(problems), byId: (id: string) => byId.get(id) });
}

export function sortClauses(clauses: Clause[]): Clause[] {
  return clauses.sort((a, b) => readingRank(a.topic) - readingRank(b.topic) || a.id.localeCompare(b.id));
}

export function readingRank(topic: string): number {
  const i = READING_ORDER.indexOf(topic);
  return i < 0 ? READING_ORDER.length : i;
}

/** `file:line:column: message`, one-based, for logs and the CLI. */
export function formatProblem(p: TemplateProblem): string {
  return `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.message}`;
}

export interface RenderOptions {
  /** Heading level of the clause title, 1–6; headings inside the body move with it. Default 2. */
  readonly level?: number;
  readonly fills?: ClauseFills;
}

/** The clause as snippet source: its heading, a blank line and its body. */
export function clauseSnippet(clause: Clause, options: RenderOptions = {}): string {
  const level = clampLevel(options.level ?? defaultLevel(clause));
  const nodes = fill(clause, options.fills);
  return `${'#'.repeat(level)} ${escapeSnippetText(clause.title, false)}\n\n${shiftHeadings(toSnippetString(nodes), level - 2)}`;
}

/** The clause as plain Markdown, each tab stop replaced by its default. */
export function clauseText(clause: Clause, options: RenderOptions = {}): string {
  const level = clampLevel(options.level ?? defaultLevel(clause));
  return `${'#'.repeat(level)} ${clause.title}\n\n${shiftHeadings(plainText(fill(clause, options.fills)), level - 2)}`;
}

/** The policy title block sits at level 1; every other clause is a level-2 section. */
export function defaultLevel(clause: Pick<Clause, 'topic'>): number {
  return clause.topic === 'title' ? 1 : 2;
}

function fill(clause: Clause, fills: ClauseFills | undefined): readonly SnippetNode[] {
  const nodes = clause.nodes;
  if (!fills) return nodes;
  const general = clause.jurisdictions.includes('all');
  const values = new Map<string, string>();
  for (const [key, value] of Object.entries(fills)) if (value && (general || !GENERAL_ONLY.has(key))) values.set(FILL_DEFAULTS[key as keyof typeof FILL_DEFAULTS], value);
  return values.size > 0 ? replaceDefaults(nodes, values) : nodes;
}

function clampLevel(level: number): number {
  return Math.max(1, Math.min(6, Math.round(level)));
}

function shiftHeadings(body: string, delta: number): string {
  if (delta === 0) return body;
  const lines = body.split('\n');
  for (const h of bodyHeadings(body)) {
    const line = body.slice(0, h.offset).split('\n').length - 1;
    lines[line] = lines[line].replace(/#+/, '#'.repeat(clampLevel(h.level + delta)));
  }
  return lines.join('\n');
}

/** ATX headings in a clause body, outside fenced code. */
function bodyHeadings(body: string): Array<{ level: number; offset: number }> {
  const out: Array<{ level: number; offset: number }> = [];
  let offset = 0;
  let fence: string | undefined;
  for (const line of body.split('\n')) {
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f && (!fence || f[1].startsWith(fence))) fence = fence ? undefined : f[1];
    else if (!fence) {
      const m = /^( {0,3})(#{1,6})(?=[ \t]|$)/.exec(line);
      if (m) out.push({ level: m[2].length, offset: offset + m[1].length });
    }
    offset += line.length + 1;
  }
  return out;
}

function normalizeNewlines(nodes: readonly SnippetNode[]): SnippetNode[] {
  return nodes.map((n) =>
    n.kind === 'text' ? { ...n, value: n.value.replace(/\r\n?/g, '\n') } : n.kind === 'tabstop' ? { ...n, children: normalizeNewlines(n.children) } : n,
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * `snippets/package.json`: the manifest snippet loaders of other editors read (VS Code's format, e.g. LuaSnip's
 * `from_vscode`). The extension's own package.json does not contribute the snippets: in VS Code the server offers
 * every clause in completion, and a contributed snippet would list each clause a second time.
 */
export function renderSnippetsManifest(): string {
  const manifest = {
    name: 'policywright-snippets',
    description: 'The Policywright clause library as snippets, for editors without the Policywright language server',
    contributes: { snippets: [{ language: 'markdown', path: './privacy-policy.code-snippets' }] },
  };
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** The `.code-snippets` file for editors without the server: one entry per clause, at heading level 2, without fills. */
export function renderSnippetsFile(clauses: readonly Clause[]): string {
  const out: Record<string, { prefix: string[]; body: string[]; description: string }> = {};
  for (const clause of clauses) {
    out[snippetName(clause)] = { prefix: [clause.prefix], body: clauseSnippet(clause).split('\n'), description: clause.description };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

export function snippetName(clause: Pick<Clause, 'title' | 'variant'>): string {
  return clause.variant ? `${clause.title} (${clause.variant})` : clause.title;
}

/** `server/data/clauses.json`: the built-in template files as written, bundled into the server. */
export function renderCatalogJson(sources: ReadonlyArray<{ file: string; text: string }>): string {
  const templates = [...sources].sort((a, b) => a.file.localeCompare(b.file)).map(({ file, text }) => ({ file, text }));
  return `${JSON.stringify({ $comment: 'Generated by scripts/generate-snippets.mjs from snippets/clauses/*.md; do not edit by hand.', templates }, null, 2)}\n`;
}
