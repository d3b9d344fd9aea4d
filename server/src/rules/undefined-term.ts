import type { Rule } from './rule';
import { quote } from './util/matches';
import { definedTerms } from '../facts/definedTerms';
import { adjacent, blockTokens, insideRanges, isCapitalised, isUpperWord, lowerCaseWords, markedRanges, type Token } from '../facts/text';
import { eachItem, perBlockText } from '../facts/cache';
import type { PolicyDocument } from '../model/policyDocument';
import type { Block } from '../model/blocks';

// Words that make a capitalised phrase a name (of a law, a body, a place, a document) rather than a defined term.
const NAME_WORDS = new Set([
  'act', 'acts', 'regulation', 'regulations', 'directive', 'code', 'law', 'laws', 'union', 'area', 'court', 'commission', 'authority',
  'authorities', 'board', 'council', 'parliament', 'framework', 'shield', 'harbor', 'harbour', 'clauses', 'rules', 'rule', 'states', 'state',
  'kingdom', 'republic', 'inc', 'ltd', 'llc', 'corp', 'gmbh', 'street', 'road', 'avenue', 'suite', 'center', 'centre', 'office', 'officer',
  'department', 'agency', 'bureau', 'university', 'foundation', 'association', 'institute', 'committee', 'policy', 'notice', 'statement',
  'terms', 'conditions', 'agreement', 'addendum', 'appendix', 'annex', 'schedule', 'exhibit', 'section', 'article', 'chapter', 'part',
  'settings', 'preferences', 'page', 'menu', 'button', 'tab', 'dashboard', 'console', 'store', 'play',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'north', 'south', 'east', 'west', 'new', 'united', 'european',
]);
// Title-case fragments ("Data We Collect", "Our Legal Basis") are headings and link texts quoted in prose.
const FUNCTION_WORDS = new Set(['a', 'an', 'the', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'we', 'our', 'us', 'you', 'your', 'how', 'what', 'why', 'who', 'when', 'where', 'is', 'are', 'do', 'does', 'not', 'this', 'that', 'these', 'my', 'about', 'into', 'out', 'off', 'up']);
// Defined terms are named things: the head noun of nearly every one is one of these.
const HEADS = new Set([
  'data', 'information', 'content', 'service', 'site', 'website', 'platform', 'user', 'account', 'partner', 'provider', 'affiliate',
  'customer', 'client', 'member', 'device', 'product', 'material', 'technology', 'identifier', 'party', 'parties', 'processor', 'controller',
  'subscriber', 'visitor', 'application', 'app', 'software', 'submission', 'communication', 'record', 'request', 'purpose', 'vendor',
  'contractor', 'recipient', 'entity', 'company', 'group', 'agent', 'representative', 'subject', 'consumer', 'person', 'individual',
]);
const MAX_WORDS = 4;

/** Inside a quotation of its block: “Our Business Purposes” section, the minimum 'Age Limit'. */
function insideQuotes(t: Token): boolean {
  const before = t.block.text.slice(Math.max(0, t.start - t.block.start - 120), t.start - t.block.start);
  const open = Math.max(before.lastIndexOf('“'), before.lastIndexOf('‘'));
  if (open >= 0 && !/[”’]/.test(before.slice(open))) return true;
  if (/(?:^|[\s(])'[\s*_]*$/.test(before)) return true;
  return (t.block.text.slice(0, t.start - t.block.start).match(/"/g) ?? []).length % 2 === 1;
}

function singular(word: string): string {
  if (word.endsWith('ies') && word.length > 4) return word === 'parties' ? word : `${word.slice(0, -3)}y`;
  return word.endsWith('s') && !word.endsWith('ss') && word.length > 3 ? word.slice(0, -1) : word;
}

/** A run of capitalised words as a candidate term: its words with offsets from the block's start. */
interface Run {
  readonly key: string;
  readonly words: ReadonlyArray<{ readonly text: string; readonly start: number; readonly end: number }>;
  /** Inside a quotation of its block: introduced as a name. */
  readonly quoted: boolean;
}

/**
 * Runs of capitalised words inside sentences of prose, per block text: a run never crosses a
 * block, so while someone types only the edited block is read again.
 */
const runsPerBlock = perBlockText((block): readonly Run[] => {
  if (block.kind === 'heading' || block.kind === 'table-cell') return [];
  const all = blockTokens(block);
  const out: Run[] = [];
  for (let i = 0; i < all.length; i++) {
    const t = all[i];
    if (!isCapitalised(t.text) || isUpperWord(t.text) || (i > 0 && adjacent(all[i - 1], t) && isCapitalised(all[i - 1].text))) continue;
    let j = i;
    while (j + 1 < all.length && adjacent(all[j], all[j + 1]) && all[j + 1].sentence === t.sentence && isCapitalised(all[j + 1].text) && !isUpperWord(all[j + 1].text)) j++;
    const run = all.slice(i, j + 1);
    i = j;
    if (run.length < 2 || run.length > MAX_WORDS || t.sentenceStart) continue;
    out.push({ key: run.map((x) => x.text).join(' '), words: run.map((x) => ({ text: x.text, start: x.start, end: x.end })), quoted: insideQuotes(t) });
  }
  return out;
});

type Placed = ReadonlyArray<{ readonly text: string; readonly start: number; readonly end: number }>;

/** The document's runs by phrase, each with its block: placed only when the phrase is reported. */
function capitalisedRuns(doc: PolicyDocument): Map<string, Array<{ block: Block; run: Run }>> {
  const runs = new Map<string, Array<{ block: Block; run: Run }>>();
  eachItem(runsPerBlock(doc), (run, block) => {
    const list = runs.get(run.key);
    if (list) list.push({ block, run });
    else runs.set(run.key, [{ block, run }]);
  });
  return runs;
}

const place = ({ block, run }: { block: Block; run: Run }): Placed => run.words.map((w) => ({ text: w.text, start: w.start + block.start, end: w.end + block.start }));

export const undefinedTerm: Rule = {
  meta: {
    id: 'undefined-term',
    description: 'Finds a capitalised phrase used like a defined term ("Personal Data") that the policy never defines',
    defaultSeverity: 'information',
    tags: ['drafting', 'defined-terms'],
    legalSource: 'GDPR Art. 12(1) (intelligible information in clear and plain language)',
    explanation:
      'A capital letter tells the reader that a phrase has a meaning given somewhere in the policy. When no definition exists, the reader cannot tell what the capitalised phrase covers, and a court may read it against the drafter.',
  },
  check(ctx) {
    const index = definedTerms(ctx.doc);
    const defined = index.terms.map((t) => t.name.toLowerCase());
    const common = lowerCaseWords(ctx.doc);
    const marked = markedRanges(ctx.doc);
    const text = ctx.doc.text;
    for (const [phrase, occurrences] of capitalisedRuns(ctx.doc)) {
      if (occurrences.length < 2) continue;
      const lower = phrase.toLowerCase();
      const words = lower.split(' ');
      if (!HEADS.has(singular(words[words.length - 1])) && !HEADS.has(words[words.length - 1])) continue;
      // Names are made of words the policy never writes in lower case ("Connex", "Google"); terms of ordinary words.
      if (words.some((w) => NAME_WORDS.has(w) || FUNCTION_WORDS.has(w) || !common.has(w) || w.length < 2)) continue;
      // Part of a defined term ("Personal Information" in "User Personal Information"), or the plural of one.
      if (defined.some((d) => d === lower || d.includes(lower) || `${d}s` === lower || lower.includes(d))) continue;
      // "Interest-Based Advertising": a run cut out of a hyphenated compound.
      const compound = (run: Placed) => /[-–’']$/.test(text.slice(run[0].start - 1, run[0].start)) || /^[-–]\p{L}/u.test(text.slice(run[run.length - 1].end, run[run.length - 1].end + 2));
      // A phrase that the text puts in quotes anywhere is introduced as a name ("the minimum 'Age Limit'").
      if (occurrences.some((o) => o.run.quoted)) continue;
      const uses = occurrences.map(place).filter((run) => !compound(run) && !insideRanges(marked, run[0].start, run[run.length - 1].end));
      if (uses.length < 2) continue;
      const first = uses[0];
      ctx.report({
        start: first[0].start,
        end: first[first.length - 1].end,
        message: `${quote(phrase)} is capitalised like a defined term (${uses.length} times) but never defined: define it ("${phrase}" means …) or write it in lower case`,
        fixes: [
          {
            title: `Write "${lower}" in lower case (${uses.length} places)`,
            edits: uses.flatMap((run) => run.map((t) => ({ start: t.start, end: t.end, newText: t.text.toLowerCase() }))),
          },
        ],
      });
    }
  },
};
