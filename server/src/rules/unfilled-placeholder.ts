import type { Rule } from './rule';
import { blockMatches, quote } from './util/matches';
import { perBlockRule } from './util/perBlock';

// Each alternative is a way drafts mark a blank: [COMPANY NAME], [insert date], [Company], {{company}}, [●], TBD, XXX.
const PLACEHOLDER = new RegExp(
  [
    '\\[(?=[^\\]\\n[]{0,61}[A-Z])[A-Z0-9][A-Z0-9 &\'’.,/_-]{1,60}\\]',
    '\\[[ \\t]*[•●_.…]+[ \\t]*\\]',
    // Only a bare name: `{{ site.data.contact }}` is a site generator's variable, filled in when the page is built.
    '\\{\\{[ \\t]*[\\w-]+[ \\t]*\\}\\}',
    // Not "(123)-XXX-4567": a masked number in an example is not a blank.
    '(?<![\\w-])(?:TBD|TBC|XXX+)(?![\\w-])',
  ].join('|'),
  'g',
);
// "[insert date]", "[Company]", "[Your Company]": a bracketed instruction, in any case.
const INSTRUCTION = /\[(?:insert|enter|add|name\s+of|your|company|business|organi[sz]ation|date|address|e-?mail|phone|telephone|website|url|country|dpo|contact)\b[^\]\n[]{0,60}\]/gi;
// `<insert date>` is parsed as inline HTML, which the prose view blanks out, so it is searched in the source.
const ANGLED = /^<(?:insert|enter|add|your|company|date|name)\b[^<>\n]{0,60}>$/i;
// Markdown links, footnotes and task boxes also use brackets.
const NOT_PLACEHOLDER = /^\[(?:x|X| |\^[^\]]*)\]$/;

export const unfilledPlaceholder: Rule = perBlockRule(
  {
    id: 'unfilled-placeholder',
    description: 'Finds template blanks left in the text, such as `[COMPANY NAME]`, `{{company}}`, `<insert date>`, `TBD` or `XXX`',
    defaultSeverity: 'error',
    tags: ['drafting'],
    explanation:
      'A blank left from a template tells the reader that the policy was never finished, and a notice that does not name the controller or the date fails GDPR Art. 13(1)(a) and CalOPPA §22575(b)(4).',
  },
  (block, report) => {
    const seen = new Set<number>();
    for (const m of [...blockMatches(block, PLACEHOLDER), ...blockMatches(block, INSTRUCTION)]) {
      if (seen.has(m.start)) continue;
      seen.add(m.start);
      const text = m.match[0];
      if (NOT_PLACEHOLDER.test(text)) continue;
      // `[text](url)` and `[text][ref]` are links, not blanks.
      const after = block.text[m.end - block.start];
      if (text.startsWith('[') && (after === '(' || after === '[')) continue;
      report({ start: m.start, end: m.end, message: `Unfilled placeholder ${quote(text)}, replace it with the real text before publishing` });
    }
  },
  (ctx) => {
    for (const html of ctx.doc.html) {
      if (!ANGLED.test(html.value)) continue;
      ctx.report({ start: html.start, end: html.end, message: `Unfilled placeholder ${quote(html.value)}, replace it with the real text before publishing` });
    }
  },
);
