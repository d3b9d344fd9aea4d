import type { PolicyDocument } from '../model/policyDocument';
import { eachItem, perBlockText, perDocument } from './cache';
import words from '../../data/date-words.json';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
// Month names of the other languages policies are written or pasted in (server/data/date-words.json), by name.
const OTHER_MONTHS: ReadonlyMap<string, number> = new Map(
  Object.entries(words.months)
    .filter(([lang]) => lang !== 'en')
    .flatMap(([, names]) => names.flatMap((spellings, i) => spellings.split('|').map((name) => [name, i + 1] as [string, number]))),
);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Longest first, so that "juillet" is not read as "juil…"; exact names only, so the alternation cannot backtrack into a shorter one.
const OTHER = [...OTHER_MONTHS.keys()].filter((n) => !MONTHS.includes(n)).sort((a, b) => b.length - a.length).map(escape).join('|');
const MONTH = `(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|${OTHER})\\.?`;
const DATE =
  `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}` + // December 14, 2017
  `|\\d{1,2}(?:st|nd|rd|th|er|\\.|º)?\\s+(?:of\\s+|de\\s+)?${MONTH},?\\s+(?:de\\s+)?\\d{4}` + // 14 December 2017, 1. März 2019, 1er juin 2019, 3 de mayo de 2024
  `|\\d{4}-\\d{2}-\\d{2}` + // 2017-12-14
  `|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}` + // 12/14/2017
  `|\\d{1,2}-${MONTH}-\\d{4}` + // 16-OCT-2023
  `|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2}(?![\\d/.-])` + // 06-03-26
  `|${MONTH}\\s+(?:de\\s+)?\\d{4})`; // December 2017, juin 2025
// The labels of the other languages (date-words.json), spaces matched as any run of spaces.
const OTHER_LABELS = Object.values(words.labels)
  .flat()
  .sort((a, b) => b.length - a.length)
  // A label written with a colon ("Stand:") counts only before one: "stand" is also an English word.
  .map((label) => (label.endsWith(':') ? `${escape(label.slice(0, -1))}(?=\\s*:)` : escape(label)).replace(/ /g, '\\s+'))
  .join('|');
const CUE =
  `(?:last\\s+(?:updated|modified|revised|reviewed|amended|changed|update|revision|modification)|status(?=\\s*:)|(?:date\\s+of\\s+)?(?:last\\s+)?(?:update|revision)\\s+date|effective(?:\\s+date)?|(?:updated|revised|amended)\\s+(?:on|as\\s+of)|(?:this\\s+)?(?:policy|notice|statement)\\s+(?:is|was|became)\\s+effective|in\\s+effect\\s+(?:from|since)|version\\s+date|dated|${OTHER_LABELS})`;
// Letters around a label, accented ones included ("Última actualización" at the start of a line).
const LETTER = 'A-Za-z\\u00C0-\\u024F0-9_';
const DATED = new RegExp(`(?<![${LETTER}])${CUE}(?![${LETTER}])[^\\n.]{0,40}?(?:\\b(?:as\\s+of|from|on|since)\\b)?\\s{0,4}[:\\-–]?\\s{0,4}(?:the\\s+)?(${DATE})`, 'gi');

const STANDALONE = new RegExp(`^[ \\t]*(${DATE})[ \\t]*$`, 'im');

export interface PolicyDate {
  readonly date: Date;
  /** Offsets of the date as written (or of the front-matter block). */
  readonly start: number;
  readonly end: number;
  readonly written: string;
  readonly fromFrontMatter: boolean;
}

/** Effective and last-updated dates the policy states, in the front matter or its text; once per version, as both date rules ask. */
export const policyDates = perDocument((doc: PolicyDocument): PolicyDate[] => {
  const out: PolicyDate[] = [];
  const eff = doc.fields.effective;
  if (eff?.date && doc.frontMatter) {
    const at = doc.text.indexOf(eff.text, doc.frontMatter.start);
    const start = at >= 0 && at < doc.frontMatter.end ? at : doc.frontMatter.start;
    out.push({ date: eff.date, start, end: at >= 0 ? start + eff.text.length : start + 3, written: eff.text, fromFrontMatter: true });
  }
  const perBlock = datesPerBlock(doc);
  eachItem(perBlock, (d, block) => out.push({ ...d, start: d.start + block.start, end: d.end + block.start }));
  out.sort((a, b) => a.start - b.start);
  return out;
});

// Unchanged blocks keep their dates while typing.
const datesPerBlock = perBlockText((block) => blockDates(block.text));

/** The dates one block of prose states, at offsets relative to the block. */
function blockDates(text: string): PolicyDate[] {
  const out: PolicyDate[] = [];
  // A date standing alone on its line, under a title or heading a change-log entry, dates the policy too.
  const alone = STANDALONE.exec(text);
  const date = alone ? parseDate(alone[1]) : undefined;
  if (alone && date) {
    const start = alone.index + alone[0].indexOf(alone[1]);
    out.push({ date, start, end: start + alone[1].length, written: alone[1], fromFrontMatter: false });
  }
  DATED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DATED.exec(text)) !== null) {
    const written = m[1];
    const parsed = parseDate(written);
    if (!parsed) continue;
    const end = m.index + m[0].length;
    out.push({ date: parsed, start: end - written.length, end, written, fromFrontMatter: false });
  }
  return out;
}

/** Parses the date forms policies use. Ambiguous day/month orders and month-only dates resolve to the latest reading. */
export function parseDate(written: string): Date | undefined {
  const s = written.trim().replace(/(\d)-([A-Za-z])/g, '$1 $2').replace(/([A-Za-z.])-(\d)/g, '$1 $2').replace(/(\d)(st|nd|rd|th|er|º)(?=\s|$)/i, '$1').replace(/\b(?:of|de)\s+/gi, '').replace(/,/g, ' ').replace(/\./g, (_m, i, str) => (/\d/.test(str[i - 1] ?? '') && /\d/.test(str[i + 1] ?? '') ? '/' : ' '));
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return make(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const us = make(+m[3], a, b);
    const eu = make(+m[3], b, a);
    if (us && eu) return us > eu ? us : eu;
    return us ?? eu;
  }
  // Two-digit years (06-03-26) are this century; day and month resolve to the latest reading, as above.
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2})$/.exec(s);
  if (m) {
    const us = make(2000 + +m[3], +m[1], +m[2]);
    const eu = make(2000 + +m[3], +m[2], +m[1]);
    if (us && eu) return us > eu ? us : eu;
    return us ?? eu;
  }
  const words = s.split(/\s+/).filter(Boolean);
  const monthIndex = (w: string) => {
    const lower = w.toLowerCase();
    const other = OTHER_MONTHS.get(lower);
    return other !== undefined ? other - 1 : MONTHS.findIndex((name) => name.startsWith(lower.slice(0, 3)) && w.length >= 3);
  };
  if (words.length === 3) {
    let mi = monthIndex(words[0]);
    if (mi >= 0) return make(+words[2], mi + 1, +words[1]);
    mi = monthIndex(words[1]);
    if (mi >= 0) return make(+words[2], mi + 1, +words[0]);
  }
  if (words.length === 2) {
    const mi = monthIndex(words[0]);
    // "December 2017": the last day of the month, so a date is never called older than it may be.
    if (mi >= 0 && /^\d{4}$/.test(words[1])) return make(+words[1], mi + 2, 0, true);
  }
  return undefined;
}

function make(y: number, m: number, d: number, lastOfPrevious = false): Date | undefined {
  if (!Number.isInteger(y) || y < 1990 || y > 2200) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (lastOfPrevious) return date;
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : undefined;
}

/** The language whose month name the date is written with, when not English. */
function languageOf(written: string): string | undefined {
  const tokens = written.toLowerCase().split(/[\s.,]+/);
  for (const [lang, names] of Object.entries(words.months)) {
    if (lang === 'en') continue;
    const all = names.flatMap((n) => n.split('|')).filter((n) => !MONTHS.includes(n));
    if (tokens.some((t) => all.includes(t))) return lang;
  }
  return undefined;
}

/** Today's date written the way the policy wrote its own, so a fix keeps the house style. */
export function formatLike(written: string, date: Date): string {
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  const d = date.getUTCDate();
  const name = MONTHS[mo][0].toUpperCase() + MONTHS[mo].slice(1);
  const lang = languageOf(written);
  if (lang) {
    // The month in the policy's language: German capitalises it and puts a dot after the day; Spanish and Portuguese join with "de".
    const own = (words.months as Record<string, string[]>)[lang][mo].split('|')[0];
    if (lang === 'de') return `${d}. ${own[0].toUpperCase()}${own.slice(1)} ${y}`;
    if (lang === 'es' || lang === 'pt') return `${d} de ${own} de ${y}`;
    return `${d} ${own} ${y}`;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(written.trim())) return `${y}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (/^\d/.test(written.trim())) return `${d} ${name} ${y}`;
  return `${name} ${d}, ${y}`;
}

export function monthsBetween(earlier: Date, later: Date): number {
  return (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + (later.getUTCMonth() - earlier.getUTCMonth()) - (later.getUTCDate() < earlier.getUTCDate() ? 1 : 0);
}
