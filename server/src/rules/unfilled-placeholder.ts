import type { Rule } from './rule';
import { proseMatches, quote } from './util/matches';

// Each alternative is a way drafts mark a blank: [COMPANY NAME], [insert date], [Company], {{company}}, [●], TBD, XXX.
const PLACEHOLDER = new RegExp(
  [
    '\\[(?=[^\\]\\n]*[A-Z])[A-Z0-9][A-Z0-9 &\'’.,/_-]{1,60}\\]',
    '\\[(?:insert|enter|add|name\\s+of|your|company|business|organi[sz]ation|date|address|e-?mail|phone|telephone|website|url|country|dpo|contact)\\b[^\\]\\n]{0,60}\\]',
    '\\[[ \\t]*[•●_.…]+[ \\t]*\\]',
    // Only a bare name: `{{ site.data.contact }}` is a site generator's variable, filled in when the page is built.
    '\\{\\{[ \\t]*[\\w-]+[ \\t]*\\}\\}',
    // Not "(123)-XXX-4567": a masked number in an example is not a blank.
    '(?<![\\w-])(?:TBD|TBC|XXX+)(?![\\w-])',
  ].join('|'),
  'g',
);
// `<insert date>` is parsed as inline HTML, which the prose view blanks out, so it is searched in the source.
const ANGLED = /<(?:insert|enter|add|your|company|date|name)\b[^<>\n]{0,60}>/gi;
// Markdown links, footnotes and task boxes also use brackets.
const NOT_PLACEHOLDER = /^\[(?:x|X| |\^[^\]]*)\]$/;

export const unfilledPlaceholder: Rule = {
  meta: {
    id: 'unfilled-placeholder',
    description: 'Finds template blanks left in the text, such as `[COMPANY NAME]`, `{{company}}`, `<insert date>`, `TBD` or `XXX`',
    defaultSeverity: 'error',
    tags: ['drafting'],
    explanation:
      'A blank left from a template tells the reader that the policy was never finished, and a notice that does not name the controller or the date fails GDPR Art. 13(1)(a) and CalOPPA §22575(b)(4).',
  },
  check(ctx) {
    for (const m of proseMatches(ctx.doc, PLACEHOLDER)) {
      const text = m.match[0];
      if (NOT_PLACEHOLDER.test(text)) continue;
      // `[text](url)` and `[text][ref]` are links, not blanks.
      const after = ctx.doc.text[m.end];
      if (text.startsWith('[') && (after === '(' || after === '[')) continue;
      ctx.report({ start: m.start, end: m.end, message: `Unfilled placeholder ${quote(text)}, replace it with the real text before publishing` });
    }
    for (const block of ctx.doc.blocks) {
      const source = ctx.doc.text.slice(block.start, block.end);
      ANGLED.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = ANGLED.exec(source)) !== null) {
        ctx.report({ start: block.start + m.index, end: block.start + m.index + m[0].length, message: `Unfilled placeholder ${quote(m[0])}, replace it with the real text before publishing` });
      }
    }
  },
};
