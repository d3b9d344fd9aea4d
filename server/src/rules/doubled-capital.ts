import type { Rule } from './rule';
import { perBlockRule } from './util/perBlock';
import { blockMatches, quote } from './util/matches';

// "WWe", "TThe": a capital typed twice, then lower case.
const DOUBLED = /\b([A-Z])\1([a-z]+)\b/g;
const ALLOWED = new Set(['AAdvantage', 'OOo']);

export const doubledCapital: Rule = perBlockRule(
  {
    id: 'doubled-capital',
    description: 'Finds a capital letter typed twice at the start of a word ("WWe")',
    defaultSeverity: 'warning',
    tags: ['drafting', 'clean-text'],
    explanation: 'A doubled capital is a typing slip (the Shift key held a beat too long). It is easy to miss in review and looks careless in a published notice.',
  },
  (block, report) => {
    for (const m of blockMatches(block, DOUBLED)) {
      if (ALLOWED.has(m.match[0])) continue;
      const fixed = m.match[1] + m.match[2];
      report({
        start: m.start,
        end: m.end,
        message: `Doubled capital in ${quote(m.match[0])}, write ${quote(fixed)}`,
        fixes: [{ title: `Change to "${fixed}"`, edits: [{ start: m.start, end: m.end, newText: fixed }] }],
      });
    }
  },
);
