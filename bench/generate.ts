/**
 * Deterministic generators of large, realistic-looking privacy policies for the benchmark and the
 * robustness tests. Every sentence is assembled here from a small invented vocabulary: no real
 * policy text is used, so the output can be committed, printed and shared freely.
 *
 * The mix follows what real drafts contain: YAML front matter, Markdown headings, headings pasted
 * as plain lines, numbered upper-case headings (which CommonMark reads as ordered lists), bold
 * headings, wrapped paragraphs, nested lists, tables, links, comments, and the occasional slip the
 * rules look for (a placeholder, a doubled word, a repealed law), so every rule has work to do.
 */

/** A small, fast, seedable PRNG (mulberry32): the same seed always gives the same document. */
export class Rng {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SUBJECTS = ['We', 'Our team', 'The service', 'Our support staff', 'Vendors we engage', 'The payment processor', 'Our hosting provider', 'The mobile app'];
const VERBS = ['collect', 'store', 'review', 'keep', 'delete', 'encrypt', 'analyse', 'combine', 'receive', 'record', 'use', 'share'];
const DATA = [
  'account details', 'device identifiers', 'billing records', 'support tickets', 'usage statistics', 'approximate location',
  'contact preferences', 'server logs', 'order history', 'survey answers', 'profile pictures', 'crash reports',
  'browser settings', 'newsletter choices', 'login timestamps', 'referral codes', 'café loyalty points', 'shipping addresses',
];
const PURPOSES = [
  'to run the service', 'to answer your questions', 'to detect abuse', 'to meet our legal duties', 'to improve the features you use',
  'to send the receipts you ask for', 'to measure how pages load', 'to keep your settings between visits', 'to plan capacity',
];
const CONDITIONS = [
  'when you open an account', 'if you write to us', 'while your subscription is active', 'unless the law asks for longer',
  'for as long as you stay signed in', 'after you agree in the app', 'only where the law allows it', 'on the day you leave',
];
const TITLES = [
  'Information We Collect', 'How We Use Information', 'Sharing With Service Providers', 'How Long We Keep Data', 'Your Rights and Choices',
  'Cookies and Similar Technologies', 'International Transfers', 'Children', 'Security Measures', 'Changes to This Notice',
  'Contact Details', 'California Residents', 'Legal Bases for Processing', 'Marketing Messages', 'Automated Decisions',
  'Data From Other Sources', 'Payment Processing', 'Analytics Partners', 'Regional Supplements', 'Complaints',
];
const SUBTITLES = ['Device Data', 'Account Data', 'Payment Data', 'Support Requests', 'Retention Periods', 'Opting Out', 'Access Requests', 'Deletion Requests', 'Web Beacons'];
const SLIPS = [
  'Contact [COMPANY NAME] at the address below.', 'We keep the the records for six months.', 'WWe review this notice every year.',
  'Transfers rely on the EU-U.S. Privacy Shield framework.', 'The Data Protection Act 1998 governs this processing.',
  'Send requests to {{privacy_email}} and we will reply.', 'The retention period is TBD for archived backups.',
  'Our office â€™s address is on the contact page.',
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function sentence(rng: Rng): string {
  const subject = rng.pick(SUBJECTS);
  const plural = subject === 'We' || subject.startsWith('Vendors');
  let s = `${subject} ${rng.pick(VERBS)}${plural ? '' : 's'} ${rng.pick(DATA)} ${rng.pick(PURPOSES)}`;
  if (rng.chance(0.5)) s += ` ${rng.pick(CONDITIONS)}`;
  if (rng.chance(0.08)) s += `, as described in [our help pages](https://help.example.com/${rng.int(1, 999)})`;
  if (rng.chance(0.06)) s += ` (see \`settings.${rng.pick(['privacy', 'ads', 'email'])}\`)`;
  if (rng.chance(0.04)) s = s.replace(/ (\w+)$/, ' *$1*');
  return s + (rng.chance(0.05) ? '!' : '.');
}

/** A paragraph, hard-wrapped at about 78 columns half of the time, as pasted drafts are. */
function paragraph(rng: Rng, eol: string): string {
  const sentences: string[] = [];
  const n = rng.int(2, 6);
  for (let i = 0; i < n; i++) sentences.push(rng.chance(0.03) ? rng.pick(SLIPS) : sentence(rng));
  const text = sentences.join(' ');
  if (rng.chance(0.5)) return text;
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > 78) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out.join(eol);
}

function list(rng: Rng, eol: string, indent = ''): string {
  const ordered = rng.chance(0.25);
  const items: string[] = [];
  const n = rng.int(2, 6);
  const bullet = rng.pick(['-', '-', '*', '+']);
  for (let i = 0; i < n; i++) {
    const marker = ordered ? `${i + 1}.` : bullet;
    items.push(`${indent}${marker} ${rng.chance(0.25) ? `**${rng.pick(DATA)}**: ` : ''}${sentence(rng)}`);
    // A nested list is indented to the parent item's text, as CommonMark requires.
    if (indent.length < 9 && rng.chance(0.1)) items.push(list(rng, eol, indent + ' '.repeat(marker.length + 1)));
  }
  return items.join(eol);
}

function table(rng: Rng, eol: string): string {
  const cols = rng.int(2, 4);
  const head = ['Category', 'Source', 'Purpose', 'Retention'].slice(0, cols);
  const rows = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  const n = rng.int(2, 8);
  for (let i = 0; i < n; i++) {
    const cells = [rng.pick(DATA), rng.pick(SUBJECTS), rng.pick(PURPOSES), `${rng.int(1, 36)} months`].slice(0, cols);
    rows.push(`| ${cells.join(' | ')} |`);
  }
  return rows.join(eol);
}

function body(rng: Rng, eol: string): string[] {
  const blocks: string[] = [];
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) {
    const r = rng.next();
    if (r < 0.65) blocks.push(paragraph(rng, eol));
    else if (r < 0.84) blocks.push(list(rng, eol));
    else if (r < 0.92) blocks.push(table(rng, eol));
    else if (r < 0.95) blocks.push(`> ${sentence(rng)}`);
    else blocks.push(`<!-- drafting note ${rng.int(1, 99)}: check with the ${rng.pick(['DPO', 'legal team', 'product owner'])} -->`);
  }
  return blocks;
}

type Style = 'atx' | 'plain' | 'numbered' | 'bold';

/** One top-level section in the given heading style, with a few subsections. */
function section(rng: Rng, eol: string, style: Style, index: number): string[] {
  const round = Math.floor(index / TITLES.length);
  const title = TITLES[index % TITLES.length] + (round > 0 ? ` ${round + 1}` : '');
  const blocks: string[] = [];
  if (style === 'atx') blocks.push(`## ${title}`);
  else if (style === 'plain') blocks.push(title);
  else if (style === 'numbered') blocks.push(`${index + 1}. ${title.toUpperCase()}`);
  else blocks.push(`**${title}**`);
  blocks.push(...body(rng, eol));
  const subs = rng.int(0, 3);
  for (let i = 0; i < subs; i++) {
    const sub = rng.pick(SUBTITLES);
    if (style === 'atx') blocks.push(`### ${sub}`);
    else if (style === 'numbered') blocks.push(`${index + 1}.${i + 1} ${sub}`);
    else blocks.push(sub);
    blocks.push(paragraph(rng, eol), ...body(rng, eol).slice(0, 1));
  }
  return blocks;
}

export interface PolicyOptions {
  /** Size to reach, in UTF-8 bytes; the result stops at the first section boundary past it. */
  readonly bytes: number;
  readonly seed?: number;
  /** Line ending: `\n` (default), `\r\n` or `\r`. */
  readonly eol?: string;
  /** Whether the policy starts with YAML front matter (default true). */
  readonly frontMatter?: boolean;
}

/** A fresh policy of about `bytes` UTF-8 bytes. The same options always give the same text. */
export function generatePolicy(options: PolicyOptions): string {
  const rng = new Rng(options.seed ?? 1);
  const eol = options.eol ?? '\n';
  const blocks: string[] = [];
  if (options.frontMatter ?? true) {
    blocks.push(['---', 'policy: true', 'company: Example Widgets Ltd', 'jurisdictions: [eu, uk, us-ca]', `effective: 20${rng.int(18, 25)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`, 'contact:', '  email: privacy@example.com', '---'].join(eol));
  }
  blocks.push('# Privacy Notice', `Last updated: ${rng.pick(MONTHS)} ${rng.int(1, 28)}, 20${rng.int(18, 25)}`, paragraph(rng, eol));
  const styles: Style[] = ['atx', 'plain', 'numbered', 'bold'];
  let size = byteLength(blocks.join(eol + eol));
  // Each part keeps one heading style for a run of sections, as a pasted draft does.
  let style: Style = 'atx';
  for (let index = 0; size < options.bytes; index++) {
    if (index % 6 === 0) style = rng.pick(styles);
    const added = section(rng, eol, style, index);
    blocks.push(...added);
    size += byteLength(added.join(eol + eol)) + 2 * eol.length * added.length;
  }
  return blocks.join(eol + eol) + eol;
}

function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** The 53 KB policy: about the size of a long real notice. */
export const policy53k = (seed = 53): string => generatePolicy({ bytes: 53 * 1024, seed });

/** The 1 MB policy: far larger than any real notice, to show how the analysis scales. */
export const policy1m = (seed = 1024): string => generatePolicy({ bytes: 1024 * 1024, seed });

export { byteLength as utf8Length };

/** 2,000 short sections, about 190 KB: a title, a date, then `## Section N` and one sentence each (a doubled word in every tenth). */
export const manySections = (count = 2000): string =>
  '# Privacy Policy\n\nLast updated: 1 January 2026\n\n' +
  Array.from({ length: count }, (_, i) => `## Section ${i + 1}\n\nWe keep the records of section ${i + 1} for twelve months, then we delete ${i % 10 === 0 ? 'the the' : 'the'} copies.\n`).join('\n');

/** `Heading N` lines underlined with `---` (setext headings), one after another: 10,000 are 169 KB. */
export const setextHeadings = (count: number): string => Array.from({ length: count }, (_, i) => `Heading ${i}\n---`).join('\n');

/** Front matter of `keys` keys (40,000 are 1.1 MB) before a short policy. */
export const hugeFrontMatter = (keys = 40_000): string =>
  `---\npolicy: true\n${Array.from({ length: keys }, (_, i) => `field-${i}: value ${i} here`).join('\n')}\n---\n# Privacy Policy\n\nWe keep logs.\n`;
