import type { Rule } from './rule';
import type { BlockKind } from '../model/blocks';
import { quote } from './util/matches';
import { lineOf, sentenceFacts, tables } from '../facts/sentences';

/** Kinds of data a retention statement is about; a statement about two kinds, or none, is left alone. */
const CATEGORIES: ReadonlyArray<{ readonly id: string; readonly label: string; readonly re: RegExp; readonly qualified?: boolean }> = [
  { id: 'account', label: 'account data', re: /\b(account|profile|registration)\s+(?:data|information|details|records?)\b/i, qualified: true },
  // The kind of log is part of the category: security logs may well be kept longer than server logs.
  { id: 'logs', label: 'log data', re: /\b(?:(server|access|web|system|security|audit|error)\s+)?(?:logs?(?!\s*(?:in|on|out|into)\b)(?:\s+(?:data|files|information|entries|records))?|log-?files?)\b/i, qualified: true },
  { id: 'ip', label: 'IP addresses', re: /\bIP\s+addresses\b/i },
  { id: 'payment', label: 'payment details', re: /\b(?:payment|card|credit\s+card|bank)\s+(?:data|information|details|numbers?)\b/i },
  { id: 'records', label: 'financial records', re: /\b(?:billing|transaction|invoice|tax|accounting|financial|purchase|order)\s+(?:records?|data|information|documents|history)\b|\binvoices\b/i },
  { id: 'backups', label: 'backups', re: /\bback-?ups?\b/i },
  { id: 'marketing', label: 'marketing data', re: /\b(?:marketing|newsletter|mailing[- ]list)\s+(?:data|information|preferences|subscriptions?|lists?|contacts?)\b/i },
  { id: 'support', label: 'support correspondence', re: /\b(?:support|customer\s+service|help\s*desk)\s+(?:requests?|tickets?|correspondence|messages|communications|conversations|chats?|e-?mails?|records)\b|\bcorrespondence\b/i },
  { id: 'analytics', label: 'analytics data', re: /\banalytics?\s+(?:data|information)\b|\busage\s+(?:data|information)\b/i },
  { id: 'applicants', label: 'job applications', re: /\bjob\s+applications?\b|\bapplicants?\b|\bCVs?\b|\bcandidates?\b|\br[ée]sum[ée]s?\b/i },
  { id: 'recordings', label: 'recordings', re: /\b(?:call|video|voice)\s+recordings?\b|\bCCTV\b|\bfootage\b/i },
  { id: 'location', label: 'location data', re: /\blocation\s+(?:data|information|history)\b/i },
];
const GENERIC = /\b(?:your\s+)?personal\s+(?:data|information)\b|\byour\s+(?:data|information)\b/i;
const RETAIN = /\b(?:keep|keeps|kept|retain|retains|retained|store|stores|stored|hold|holds|held|delete|deletes|deleted|erase|erases|erased|remove|removes|removed|destroy|destroys|destroyed|purge|purges|purged|anonymi[sz]e[ds]?|retention|preserved?|maintained|maintain)\b/i;

const COUNT = '(\\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|eighteen|twenty|twenty-four|thirty|sixty|ninety)';
const PERIOD = new RegExp(
  `\\b(?:(up\\s+to|within|no\\s+(?:longer|more)\\s+than|not\\s+(?:longer|more)\\s+than|a\\s+maximum\\s+of|maximum\\s+of|at\\s+most|less\\s+than)|(at\\s+least|a\\s+minimum\\s+of|minimum\\s+of|no\\s+less\\s+than|not\\s+less\\s+than|more\\s+than))?\\s*${COUNT}\\s*(?:\\(\\d{1,3}\\)\\s*)?(?:calendar\\s+|business\\s+|working\\s+|full\\s+)?(hours?|days?|weeks?|months?|years?)\\b`,
  'gi',
);
const WORD_COUNTS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, eighteen: 18, twenty: 20, 'twenty-four': 24, thirty: 30, sixty: 60, ninety: 90 };
const DAYS: Record<string, number> = { hour: 1 / 24, day: 1, week: 7, month: 30.4375, year: 365.25 };
/** Exceptions, conditions and estimates make a period one of several; the statement is not a rule to compare. */
const COMPLEX = /\b(?:except|unless|other\s+than|apart\s+from|save\s+(?:for|where)|but|however|although|longer|shorter|extend\w*|approximately|about|around|roughly|typically|usually|generally|on\s+average|for\s+example|e\.g|such\s+as|aggregated?|anonymi[sz]ed|de-?identified|pseudonymi[sz]ed|processors?|providers?|third[- ]part(?:y|ies)|partners?|vendors?|they|their|cookies?|every|each|respond|reply|notify|inform|another|additional|further|extra|otherwise|as\s+long\s+as|until|while|active|in\s+(?:this|that|such)\s+cases?|tax|legal|law|laws|statutory|regulat\w*|obligations?|disputes?|claims?|fraud|audits?|limitation)\b/i;
const TRIGGERS: ReadonlyArray<[string, string, RegExp]> = [
  ['request', 'after a request', /\brequests?\b|\bask\s+us\b/i],
  ['closure', 'after the account is closed', /\bclos(?:e|es|ed|ing|ure)\b|\bterminat(?:e|es|ed|ion)\b|\bcancel(?:s|led|ed|lation|ing)?\b|\bdeactivat\w*|\bdelet(?:e|es|ed|ing|ion)\s+(?:of\s+)?(?:your|the|an)\s+account\b|\bend\s+of\s+(?:your|the|our)\s+(?:account|contract|subscription|relationship|agreement|services?)\b/i],
  ['inactivity', 'after inactivity', /\binactiv\w*|\blast\s+(?:log-?in|sign-?in|activity|use|visit|interaction|contact|order|purchase)\b|\bnot\s+(?:logged|signed)\s+in\b/i],
  ['collection', 'from collection', /\b(?:collection|collected|creation|created|receipt|received|recorded|capture[ds]?)\b/i],
  ['transaction', 'after the transaction', /\b(?:after|from|following|of)\s+(?:the\s+|your\s+|each\s+)?(?:purchase|transaction|order|payment)\b|\bend\s+of\s+the\s+(?:financial|fiscal|tax)\s+year\b/i],
];

export interface RetentionClaim {
  readonly category: string;
  readonly trigger: string;
  /** The period as a range of days: exact periods have lo = hi, "within" has lo = 0, "at least" has hi = Infinity. */
  readonly lo: number;
  readonly hi: number;
  readonly phrase: string;
  readonly index: number;
}

function periods(text: string): Array<{ lo: number; hi: number; phrase: string; index: number }> {
  const out: Array<{ lo: number; hi: number; phrase: string; index: number }> = [];
  PERIOD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERIOD.exec(text)) !== null) {
    const raw = m[3].toLowerCase();
    const n = WORD_COUNTS[raw] ?? Number(raw);
    const days = n * DAYS[m[4].toLowerCase().replace(/s$/, '')];
    const lead = m[0].length - m[0].trimStart().length;
    // "After the thirty days are up": a period named earlier, not a new one.
    if (/\b(?:the|these|those|this|that)$/i.test(text.slice(Math.max(0, m.index - 8), m.index + lead).trimEnd())) continue;
    out.push({ lo: m[1] ? 0 : days, hi: m[2] ? Infinity : days, phrase: m[0].trim(), index: m.index + lead });
  }
  return out;
}

function categoryOf(text: string): string | undefined {
  const specific = CATEGORIES.filter((c) => c.re.test(text));
  if (specific.length === 1) {
    const c = specific[0];
    const qualifier = c.qualified ? c.re.exec(text)?.[1]?.toLowerCase() : undefined;
    return qualifier ? `${c.id}:${qualifier}` : c.id;
  }
  if (specific.length === 0 && GENERIC.test(text)) return 'personal';
  return undefined;
}

function triggerOf(text: string): string | undefined {
  const found = TRIGGERS.filter(([, , re]) => re.test(text));
  if (found.length > 1) return undefined;
  return found[0]?.[0] ?? 'none';
}

/** One category, one period and at most one trigger: a retention rule simple enough to compare. */
export function classifyRetention(text: string, kind: BlockKind): RetentionClaim | undefined {
  if (kind === 'heading' || !RETAIN.test(text) || COMPLEX.test(text)) return undefined;
  const found = periods(text);
  if (found.length !== 1) return undefined;
  const category = categoryOf(text);
  const trigger = triggerOf(text);
  if (!category || !trigger) return undefined;
  return { category, trigger, ...found[0] };
}

const claims = sentenceFacts(classifyRetention);

interface Placed extends RetentionClaim {
  readonly start: number;
  readonly end: number;
}

const RETENTION_HEADER = /\b(?:retention|retained|kept|keep|how\s+long|period|duration|storage|stored|deleted|deletion)\b/i;

/** Rows of a retention table: the first cell names the data, another cell gives the period. */
function tableClaims(doc: Parameters<typeof claims>[0]): Placed[] {
  const out: Placed[] = [];
  for (const table of tables(doc)) {
    const head = table.header.map((c) => c.text).join(' | ');
    if (!RETENTION_HEADER.test(head) || /\bcookies?\b/i.test(head)) continue;
    for (const row of table.rows) {
      if (row.length < 2) continue;
      const rest = row.slice(1);
      const restText = rest.map((c) => c.text).join(' | ');
      if (COMPLEX.test(restText)) continue;
      const found = rest.flatMap((c) => periods(c.text).map((p) => ({ ...p, cell: c })));
      if (found.length !== 1) continue;
      const name = row[0].text.trim();
      const category = categoryOf(name) ?? `row:${name.toLowerCase().replace(/\s+/g, ' ')}`;
      const trigger = triggerOf(restText);
      if (!trigger) continue;
      const p = found[0];
      out.push({ category, trigger, lo: p.lo, hi: p.hi, phrase: p.phrase, index: 0, start: p.cell.start + p.index, end: p.cell.start + p.index + p.phrase.length });
    }
  }
  return out;
}

function labelOf(category: string): string {
  if (category === 'personal') return 'personal data';
  if (category.startsWith('row:')) return `“${category.slice(4)}”`;
  const [id, qualifier] = category.split(':');
  if (qualifier) return id === 'logs' ? `${qualifier} logs` : `${qualifier} data`;
  return CATEGORIES.find((c) => c.id === id)?.label ?? id;
}

/** Two ranges that cannot both be true; a few per cent of slack lets "12 months" equal "1 year". */
function disjoint(a: RetentionClaim, b: RetentionClaim): boolean {
  const slack = 1.05;
  return a.hi * slack < b.lo || b.hi * slack < a.lo;
}

export const retentionContradiction: Rule = {
  meta: {
    id: 'retention-contradiction',
    description: 'Finds two retention periods for the same data and the same starting point that cannot both be true',
    defaultSeverity: 'warning',
    tags: ['consistency', 'retention', 'gdpr', 'ccpa'],
    legalSource:
      'GDPR Art. 13(2)(a) and Art. 14(2)(a) (the period for which the data will be stored; applicable from 25 May 2018); GDPR Art. 5(1)(e) (storage limitation); Cal. Civ. Code §1798.100(a)(3) (how long each category is kept, as amended by the CPRA, operative 1 Jan 2023)',
    explanation:
      'The retention period is one of the things a privacy notice must state. Two different periods for the same data, counted from the same event, cannot both be true: the reader does not know when the data will be gone, and the company may be held to the shorter one. Give one period, or say what makes the cases differ (backups, a legal hold, a different starting point).',
  },
  check(ctx) {
    const { doc } = ctx;
    const all: Placed[] = [
      ...claims(doc).map((c) => ({ ...c.value, start: c.start + c.value.index, end: c.start + c.value.index + c.value.phrase.length })),
      ...tableClaims(doc),
    ].sort((a, b) => a.start - b.start);
    // Per category and starting point, the earlier statements with the shortest maximum and the longest minimum:
    // a later statement contradicts some earlier one exactly when it contradicts one of these two.
    const seen = new Map<string, { shortest: Placed; longest: Placed }>();
    for (const later of all) {
      const key = `${later.category}\u0000${later.trigger}`;
      const prior = seen.get(key);
      const earlier = prior && (disjoint(prior.shortest, later) ? prior.shortest : disjoint(prior.longest, later) ? prior.longest : undefined);
      if (!prior) seen.set(key, { shortest: later, longest: later });
      else {
        if (later.hi < prior.shortest.hi) prior.shortest = later;
        if (later.lo > prior.longest.lo) prior.longest = later;
      }
      if (!earlier) continue;
      const label = labelOf(later.category);
      const when = TRIGGERS.find(([id]) => id === later.trigger)?.[1];
      ctx.report({
        start: later.start,
        end: later.end,
        message: `${quote(later.phrase)} (${label}${when ? `, ${when}` : ''}) contradicts ${quote(earlier.phrase)} for the same data at line ${lineOf(doc, earlier.start)}: give one retention period, or say what makes the two cases differ`,
        fixes: [],
      });
    }
  },
};
