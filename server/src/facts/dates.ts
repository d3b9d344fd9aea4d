import type { PolicyDocument } from '../model/policyDocument';
import { eachItem, perBlockText, perDocument } from './cache';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const DATE =
  `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}` + // December 14, 2017
  `|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+\\d{4}` + // 14 December 2017
  `|\\d{4}-\\d{2}-\\d{2}` + // 2017-12-14
  `|\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}` + // 12/14/2017
  `|\\d{1,2}-${MONTH}-\\d{4}` + // 16-OCT-2023
  `|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2}(?![\\d/.-])` + // 06-03-26
  `|${MONTH}\\s+\\d{4})`; // December 2017
const CUE =
  '(?:last\\s+(?:updated|modified|revised|reviewed|amended|changed|update|revision|modification)|status(?=\\s*:)|(?:date\\s+of\\s+)?(?:last\\s+)?(?:update|revision)\\s+date|effective(?:\\s+date)?|(?:updated|revised|amended)\\s+(?:on|as\\s+of)|(?:this\\s+)?(?:policy|notice|statement)\\s+(?:is|was|became)\\s+effective|in\\s+effect\\s+(?:from|since)|version\\s+date|dated)';
const DATED = new RegExp(`\\b${CUE}\\b[^\\n.]{0,40}?(?:\\b(?:as\\s+of|from|on|since)\\b)?\\s{0,4}[:\\-–]?\\s{0,4}(?:the\\s+)?(${DATE})`, 'gi');

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
  const s = written.trim().replace(/(\d)-([A-Za-z])/g, '$1 $2').replace(/([A-Za-z.])-(\d)/g, '$1 $2').replace(/(\d)(st|nd|rd|th)\b/i, '$1').replace(/\bof\s+/i, '').replace(/,/g, ' ').replace(/\./g, (_m, i, str) => (/\d/.test(str[i - 1] ?? '') && /\d/.test(str[i + 1] ?? '') ? '/' : ' '));
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
  const monthIndex = (w: string) => MONTHS.findIndex((name) => name.startsWith(w.toLowerCase().slice(0, 3)) && w.length >= 3);
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

/** Today's date written the way the policy wrote its own, so a fix keeps the house style. */
export function formatLike(written: string, date: Date): string {
  const y = date.getUTCFullYear();
  const mo = date.getUTCMonth();
  const d = date.getUTCDate();
  const name = MONTHS[mo][0].toUpperCase() + MONTHS[mo].slice(1);
  if (/^\d{4}-\d{2}-\d{2}$/.test(written.trim())) return `${y}-${String(mo + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  if (/^\d/.test(written.trim())) return `${d} ${name} ${y}`;
  return `${name} ${d}, ${y}`;
}

export function monthsBetween(earlier: Date, later: Date): number {
  return (later.getUTCFullYear() - earlier.getUTCFullYear()) * 12 + (later.getUTCMonth() - earlier.getUTCMonth()) - (later.getUTCDate() < earlier.getUTCDate() ? 1 : 0);
}
