import type { Html, Node, Parent } from 'mdast';
import type { Rule } from './rule';
import { proseMatches, quote } from './util/matches';

// Each alternative is a way drafts mark a blank: [COMPANY NAME], [insert date], [Company], {{company}}, [●], TBD, XXX.
const PLACEHOLDER = new RegExp(
  [
    '\\[(?=[^\\]\\n]*[A-Z])[A-Z0-9][A-Z0-9 &\'’.,/_-]{1,60}\\]',
    '\\[[ \\t]*[•●_.…]+[ \\t]*\\]',
    // Only a bare name: `{{ site.data.contact }}` is a site generator's variable, filled in when the page is built.
    '\\{\\{[ \\t]*[\\w-]+[ \\t]*\\}\\}',
    // Not "(123)-XXX-4567": a masked number in an example is not a blank.
    '(?<![\\w-])(?:TBD|TBC|XXX+)(?![\\w-])',
  ].join('|'),
  'g',
);
// "[insert date]", "[Company]", "[Your Company]": a bracketed instruction, in any case.
const INSTRUCTION = /\[(?:insert|enter|add|name\s+of|your|company|business|organi[sz]ation|date|address|e-?mail|phone|telephone|website|url|country|dpo|contact)\b[^\]\n]{0,60}\]/gi;
// `<insert date>` is parsed as inline HTML, which the prose view blanks out, so it is searched in the source.
const ANGLED = /^<(?:insert|enter|add|your|company|date|name)\b[^<>\n]{0,60}>$/i;
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
    const seen = new Set<number>();
    for (const m of [...proseMatches(ctx.doc, PLACEHOLDER), ...proseMatches(ctx.doc, INSTRUCTION)]) {
      if (seen.has(m.start)) continue;
      seen.add(m.start);
      const text = m.match[0];
      if (NOT_PLACEHOLDER.test(text)) continue;
      // `[text](url)` and `[text][ref]` are links, not blanks.
      const after = ctx.doc.text[m.end];
      if (text.startsWith('[') && (after === '(' || after === '[')) continue;
      ctx.report({ start: m.start, end: m.end, message: `Unfilled placeholder ${quote(text)}, replace it with the real text before publishing` });
    }
    visitHtml(ctx.doc.root, (node) => {
      const start = node.position?.start.offset;
      if (start === undefined || !ANGLED.test(node.value)) return;
      ctx.report({ start, end: start + node.value.length, message: `Unfilled placeholder ${quote(node.value)}, replace it with the real text before publishing` });
    });
  },
};

/** Inline HTML inside prose: paragraphs, headings, list items and table cells, never code. */
function visitHtml(node: Node, onHtml: (node: Html) => void): void {
  if (node.type === 'html') onHtml(node as Html);
  else if (node.type !== 'code' && node.type !== 'inlineCode') for (const child of (node as Parent).children ?? []) visitHtml(child, onHtml);
}
