import type { Rule } from './rule';
import { quote } from './util/matches';
import { definedTerms, type Definition } from '../facts/definedTerms';

/** Share of words two meanings have in common. */
function overlap(a: string, b: string): number {
  const x = new Set(a.split(' ').filter(Boolean));
  const y = new Set(b.split(' ').filter(Boolean));
  const common = [...x].filter((w) => y.has(w)).length;
  return common / Math.max(1, x.size + y.size - common);
}

/** Two definitions say different things when they are of the same kind and share few words. */
function differ(a: Definition, b: Definition): boolean {
  if (a.span.start < b.span.end && b.span.start < a.span.end) return false;
  if (!a.meaning || !b.meaning) return false;
  const explicit = (d: Definition) => d.form !== 'parenthetical';
  if (explicit(a) !== explicit(b)) return false;
  return overlap(a.meaning, b.meaning) < 0.5;
}

export const conflictingDefinition: Rule = {
  meta: {
    id: 'conflicting-definition',
    description: 'Finds a term defined twice with different meanings',
    defaultSeverity: 'warning',
    tags: ['drafting', 'defined-terms'],
    legalSource: 'GDPR Art. 12(1) (transparent, intelligible information)',
    explanation:
      'When a policy gives one term two meanings, the reader cannot know which one a sentence relies on, and an ambiguous term in a consumer notice is usually read against the company that wrote it.',
  },
  check(ctx) {
    for (const term of definedTerms(ctx.doc).terms) {
      if (term.pronoun || term.definitions.length < 2) continue;
      const [first, ...rest] = term.definitions;
      const line = ctx.doc.lines.lineAt(first.start) + 1;
      for (const d of rest) {
        if (!differ(first, d)) continue;
        ctx.report({
          start: d.start,
          end: d.end,
          message: `${quote(term.name)} is defined again here with a different meaning (first defined on line ${line}): keep one definition and refer to it`,
        });
      }
    }
  },
};
