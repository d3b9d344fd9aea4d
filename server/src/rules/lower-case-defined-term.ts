import type { Rule } from './rule';
import { quote } from './util/matches';
import { definedTerms, isCapitalisedPhrase } from '../facts/definedTerms';
import { blockAt, sentenceSpan, speaksToReader } from '../facts/text';

const DOCUMENT_WORDS = new Set(['policy', 'notice', 'statement', 'terms', 'agreement', 'conditions']);

export const lowerCaseDefinedTerm: Rule = {
  meta: {
    id: 'lower-case-defined-term',
    description: 'Finds a defined term written in lower case ("personal data" where "Personal Data" is defined)',
    defaultSeverity: 'information',
    tags: ['drafting', 'defined-terms'],
    explanation:
      'The capital letters of a defined term tell the reader that the defined meaning applies. The same words in lower case leave it open whether a narrower or wider, everyday meaning was intended.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const term of definedTerms(doc).terms) {
      // "privacy policy" in lower case usually means another company's policy, not this one.
      if (term.pronoun || !isCapitalisedPhrase(term.words) || DOCUMENT_WORDS.has(term.words[term.words.length - 1].toLowerCase())) continue;
      const defined = term.definitions[0].start;
      const slips = term.variants.filter((v) => {
        if (v.inHeading || v.start < defined) return false;
        if (term.definitions.some((d) => d.span.start <= v.start && v.end <= d.span.end)) return false;
        // "third-party service providers": the words are part of a longer name.
        if (compoundFollows(doc.text, v.end)) return false;
        // Statutory lists quoted in a policy use the statute's own words; the policy's own sentences speak of "we" and "you".
        const block = blockAt(doc, v.start);
        return block !== undefined && speaksToReader(doc.text.slice(...spanOf(block, v.start)));
      });
      if (slips.length === 0) continue;
      const first = slips[0];
      ctx.report({
        start: first.start,
        end: first.end,
        message: `${quote(doc.text.slice(first.start, first.end))} is in lower case, but ${quote(term.name)} is a defined term (line ${doc.lines.lineAt(defined) + 1}): capitalise it${slips.length > 1 ? ` (${slips.length} places)` : ''}`,
        fixes: [{ title: `Write "${term.name}" (${slips.length} ${slips.length === 1 ? 'place' : 'places'})`, edits: slips.flatMap((v) => wordEdits(doc.text, v.start, v.end, term.words)) }],
      });
    }
  },
};

function spanOf(block: NonNullable<ReturnType<typeof blockAt>>, offset: number): [number, number] {
  const s = sentenceSpan(block, offset);
  return [s.start, s.end];
}

/** One edit per word, so markup and line breaks between the words stay as they are. */
function wordEdits(text: string, start: number, end: number, words: readonly string[]) {
  return [...text.slice(start, end).matchAll(/[\p{L}\p{N}]+/gu)].map((m, k) => ({ start: start + m.index, end: start + m.index + m[0].length, newText: words[k] ?? m[0] }));
}

// Words that may follow a term without making a longer name of it.
const FOLLOWERS = new Set([
  'about', 'above', 'after', 'against', 'and', 'are', 'as', 'at', 'be', 'because', 'before', 'below', 'but', 'by', 'can', 'collected', 'could',
  'does', 'during', 'either', 'for', 'from', 'has', 'have', 'held', 'if', 'in', 'including', 'into', 'is', 'it', 'may', 'might', 'must', 'of',
  'on', 'only', 'or', 'our', 'over', 'provided', 'relating', 'shall', 'should', 'so', 'such', 'than', 'that', 'the', 'their', 'them', 'then',
  'there', 'these', 'they', 'this', 'those', 'through', 'to', 'under', 'unless', 'until', 'upon', 'used', 'via', 'was', 'we', 'were', 'when',
  'where', 'which', 'while', 'who', 'will', 'with', 'within', 'without', 'would', 'you', 'your',
]);

function compoundFollows(text: string, end: number): boolean {
  const next = /^[ \t]+(\p{Ll}+)/u.exec(text.slice(end, end + 30));
  return next !== null && !FOLLOWERS.has(next[1]);
}
