import type { Rule } from './rule';
import { quote } from './util/matches';
import { definedTerms } from '../facts/definedTerms';

export const unusedDefinition: Rule = {
  meta: {
    id: 'unused-definition',
    description: 'Finds a defined term that the policy never uses after defining it',
    defaultSeverity: 'hint',
    tags: ['drafting', 'defined-terms'],
    explanation:
      'A definition that nothing uses makes the reader carry a term for no reason, and often means that the text around it was rewritten with other words. Use the term or delete the definition.',
  },
  check(ctx) {
    const { text } = ctx.doc;
    for (const term of definedTerms(ctx.doc).terms) {
      if (term.pronoun) continue;
      if (term.uses.some((u) => !u.definition)) continue;
      const def = term.definitions[0];
      const fixes = [];
      // `Example Ltd ("Example")`: the bracket goes, with the space before it.
      if (def.form === 'parenthetical') {
        const open = text.lastIndexOf('(', def.start);
        const close = text.indexOf(')', def.end);
        const inside = text.slice(open + 1, close);
        if (open >= 0 && close > 0 && def.start - open < 40 && close - def.end < 10 && (inside.match(/[“"‘]/g) ?? []).length === 1) {
          const from = /\s/.test(text[open - 1] ?? '') ? open - 1 : open;
          fixes.push({ title: `Delete the unused definition (“${term.name}”)`, edits: [{ start: from, end: close + 1, newText: '' }] });
        }
      }
      ctx.report({
        start: def.start,
        end: def.end,
        message: `${quote(term.name)} is defined but never used: use the term where the text means it, or delete the definition`,
        fixes,
      });
    }
  },
};
