import type { Rule } from './rule';
import { perBlockRule } from './util/perBlock';
import { blockMatches, quote } from './util/matches';

// UTF-8 read as Windows-1252 or Latin-1: "â€™" for "’", "Ã©" for "é"; "ï¿½" and "�" where the character was lost.
const MOJIBAKE = /ï¿½|\uFFFD|â€[\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]?|[ÃÂ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/g;

// Windows-1252 code points 0x80–0x9F that are not Latin-1, mapped back to their byte.
const CP1252: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89, 'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c,
  'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95, '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b,
  'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};

/** The character the garbled bytes stood for, or undefined when it is lost. */
export function repairMojibake(garbled: string): string | undefined {
  const bytes: number[] = [];
  for (const ch of garbled) {
    const code = ch.codePointAt(0)!;
    if (code <= 0xff) bytes.push(code);
    else if (CP1252[ch] !== undefined) bytes.push(CP1252[ch]);
    else return undefined;
  }
  const decoded = new TextDecoder('utf-8', { fatal: false }).decode(Uint8Array.from(bytes));
  return decoded.includes('\uFFFD') || decoded === garbled ? undefined : decoded;
}

export const mojibake: Rule = perBlockRule(
  {
    id: 'mojibake',
    description: 'Finds characters garbled by a wrong text encoding ("â€™", "Ã©", "ï¿½")',
    defaultSeverity: 'warning',
    tags: ['drafting', 'clean-text'],
    explanation:
      'Text copied between systems with different encodings turns quotes, dashes and accented letters into strings such as "â€™" or "ï¿½". Readers see garbage where a word should be, which undermines the "intelligible" form that GDPR Art. 12(1) asks for.',
  },
  (block, report) => {
    for (const m of blockMatches(block, MOJIBAKE)) {
      const garbled = m.match[0];
      const repaired = repairMojibake(garbled);
      report({
        start: m.start,
        end: m.end,
        message: repaired
          ? `Garbled characters ${quote(garbled)} (a text-encoding error), replace them with ${quote(repaired)}`
          : `Garbled characters ${quote(garbled)} (a text-encoding error that lost the original character), retype the character the source had`,
        fixes: repaired ? [{ title: `Replace with "${repaired}"`, edits: [{ start: m.start, end: m.end, newText: repaired }] }] : [],
      });
    }
  },
);
