import type { Rule } from './rule';
import { blockMatches, quote } from './util/matches';
import { perBlockRule } from './util/perBlock';

// "Example’s Ltd’s": one name, marked possessive twice, usually after "Example Ltd" was typed over "Example".
const DOUBLED = /(?<![\p{L}\p{N}])(\p{Lu}\p{L}*\.?)(['’]s)\s+(\p{Lu}\p{L}*\.?)['’]s(?![\p{L}\p{N}])/gu;

export const doubledPossessive: Rule = perBlockRule(
  {
    id: 'doubled-possessive',
    description: 'Finds a name marked possessive twice ("Example’s Ltd’s")',
    defaultSeverity: 'warning',
    tags: ['drafting', 'clean-text'],
    explanation: 'A name with two possessive endings is a typo left by an edit; only the last word of a name takes the possessive ("Example Ltd’s").',
  },
  (block, report) => {
    for (const m of blockMatches(block, DOUBLED)) {
      const cut = m.start + m.match[1].length;
      report({
        start: m.start,
        end: m.end,
        message: `Doubled possessive ${quote(m.match[0])}: only the last word of a name takes ${quote(m.match[2])}`,
        fixes: [{ title: `Write "${m.match[1]} ${m.match[0].slice(m.match[0].lastIndexOf(m.match[3]))}"`, edits: [{ start: cut, end: cut + m.match[2].length, newText: '' }] }],
      });
    }
  },
);
