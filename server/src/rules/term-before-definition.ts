import type { Rule } from './rule';
import { quote } from './util/matches';
import { definedTerms } from '../facts/definedTerms';
import { insideRanges, isCapitalised, lowerCaseWords, markedRanges } from '../facts/text';
import { tablesOfContents } from '../facts/tableOfContents';

export const termBeforeDefinition: Rule = {
  meta: {
    id: 'term-before-definition',
    description: 'Finds a defined term used sections before its definition, where a reader meets it unexplained',
    defaultSeverity: 'hint',
    tags: ['drafting', 'defined-terms'],
    explanation:
      'A reader who meets a capitalised term several sections before its definition has to guess its meaning. Define the term where it is first used, or gather definitions in a definitions section that the reader can look terms up in.',
  },
  check(ctx) {
    const { doc } = ctx;
    const common = lowerCaseWords(doc);
    const marked = markedRanges(doc);
    const contents = tablesOfContents(doc);
    for (const term of definedTerms(doc).terms) {
      // A name ("Bluesky", "Stripe", "EU") is known before its short form is defined; a concept is not.
      if (term.pronoun || (term.words.length === 1 && !common.has(term.words[0].toLowerCase()))) continue;
      const def = term.definitions[0];
      // A definitions section is meant to be looked up: using its terms earlier is the convention.
      if (def.inGlossary) continue;
      // Headings, link texts and the table of contents name sections; they do not use the term.
      const first = term.uses.find(
        (u) => !u.definition && !u.inHeading && !partOfLongerName(doc.text, u.end) && !insideRanges(marked, u.start, u.end) && !contents.some((t) => t.start <= u.start && u.start < t.end),
      );
      if (!first || first.start >= def.start) continue;
      // Only when whole sections lie between: a term used in the paragraph before its definition is fine.
      const between = doc.headings.filter((h) => h.start > first.start && h.start < def.start).length;
      if (between < 2) continue;
      ctx.report({
        start: first.start,
        end: first.end,
        message: `${quote(term.name)} is used here but defined only on line ${doc.lines.lineAt(def.start) + 1}, ${between} headings later: define it where it is first used`,
      });
    }
  },
};

/** "Connex International" is not a use of "Connex". */
function partOfLongerName(text: string, end: number): boolean {
  const next = /^[ \t]+([\p{L}]+)/u.exec(text.slice(end, end + 40));
  return next !== null && isCapitalised(next[1]);
}
