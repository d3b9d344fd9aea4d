import type { Rule } from './rule';
import { proseMatches, quote } from './util/matches';

// "Example’s Ltd’s": one name, marked possessive twice, usually after "Example Ltd" was typed over "Example".
const DOUBLED = /(?<![\p{L}\p{N}])(\p{Lu}\p{L}*\.?)(['’]s)\s+(\p{Lu}\p{L}*\.?)['’]s(?![\p{L}\p{N}])/gu;

export const doubledPossessive: Rule = {
  meta: {
    id: 'doubled-possessive',
    description: 'Finds a name marked possessive twice ("Example’s Ltd’s")',
    defaultSeverity: 'warning',
    tags: ['drafting', 'clean-text'],
    explanation: 'A name with two possessive endings is a typo left by an edit; only the last word of a name takes the possessive ("Example Ltd’s").',
  },
  check(ctx) {
    for (const m of proseMatches(ctx.doc, DOUBLED)) {
      const cut = m.start + m.match[1].length;
      ctx.report({
        start: m.start,
        end: m.end,
        message: `Doubled possessive ${quote(m.match[0])}: only the last word of a name takes ${quote(m.match[2])}`,
        fixes: [{ title: `Write "${m.match[1]} ${m.match[0].slice(m.match[0].lastIndexOf(m.match[3]))}"`, edits: [{ start: cut, end: cut + m.match[2].length, newText: '' }] }],
      });
    }
  },
};
