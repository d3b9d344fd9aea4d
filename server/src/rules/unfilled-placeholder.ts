import type { Rule } from './rule';
import { blockMatches, quote } from './util/matches';
import { perBlockRule } from './util/perBlock';
import { blockAt } from '../facts/text';

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
// Addresses a template stands in for the real one with: privacy@example.com, www.yourwebsite.com. A bare
// "example.com" in prose is an illustration ("top-level domains such as example.com"), so the reserved example
// domains count only as an e-mail address or a www address (RFC 2606 reserves them for documentation).
const TEMPLATE_DOMAIN = /\b(?:your-?(?:website|domain|company|site|app|business|url)|website|domain|mysite|sitename|companyname|example)\.(?:com|net|org)(?![\w-])/gi;
const LOCAL_CHAR = /[\w.+-]/;

/** The address a template domain stands in, with its "www." or its mailbox, walked back without backtracking. */
function templateAddress(text: string, at: number, end: number): { start: number; end: number } | undefined {
  let start = at;
  if (text.slice(at - 4, at).toLowerCase() === 'www.') start = at - 4;
  else if (text[at - 1] === '@') {
    start = at - 1;
    while (start > 0 && at - start < 65 && LOCAL_CHAR.test(text[start - 1])) start--;
    if (start === at - 1) return undefined;
  } else if (/[\w.@-]/.test(text[at - 1] ?? '')) return undefined;
  // The reserved example domains are also the usual illustration of a domain: only an address counts.
  if (start === at && /^example\./i.test(text.slice(at, end))) return undefined;
  return { start, end };
}
// A number of zeros standing for one: company number 00000000, 1-800-000-0000, +44 0000 000000.
const NUMBER_LIKE = /(?<![\w/=?&%#.,-])\+?\d[\d() .-]{4,20}\d(?![\w/-])/g;

function zerosForANumber(text: string): boolean {
  const digits = text.replace(/\D/g, '');
  // What may stand before the zeros: a country or toll-free prefix.
  const rest = digits.replace(/^(?:1800|1888|1877|1|44|800)/, '');
  return rest.length >= 6 && /^0+$/.test(rest);
}

// Markdown links, footnotes and task boxes also use brackets.
const NOT_PLACEHOLDER = /^\[(?:x|X| |\^[^\]]*)\]$/;

export const unfilledPlaceholder: Rule = perBlockRule(
  {
    id: 'unfilled-placeholder',
    description: 'Finds template blanks left in the text, such as `[COMPANY NAME]`, `{{company}}`, `<insert date>`, `TBD`, `XXX`, a template address (privacy@example.com, www.yourwebsite.com) or a number written as zeros',
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
      // "the [Your Choices] section": a section's title in brackets (a link whose target was lost), not a blank.
      if (text.startsWith('[') && /^\s+(?:section|page|tab|menu|link|button|settings|panel|screen)\b/i.test(block.text.slice(m.end - block.start))) continue;
      report({ start: m.start, end: m.end, message: `Unfilled placeholder ${quote(text)}, replace it with the real text before publishing` });
    }
    for (const m of blockMatches(block, NUMBER_LIKE)) {
      if (!zerosForANumber(m.match[0])) continue;
      report({ start: m.start, end: m.end, message: `${quote(m.match[0])} is a row of zeros standing for a number: replace it with the real number before publishing` });
    }
  },
  (ctx) => {
    // Addresses are read in the source: the prose view blanks out links and autolinked addresses.
    const text = ctx.doc.text;
    TEMPLATE_DOMAIN.lastIndex = 0;
    for (let m = TEMPLATE_DOMAIN.exec(text); m; m = TEMPLATE_DOMAIN.exec(text)) {
      const found = templateAddress(text, m.index, m.index + m[0].length);
      if (!found || blockAt(ctx.doc, found.start) === undefined) continue;
      const written = text.slice(found.start, found.end);
      ctx.report({ ...found, message: `${quote(written)} is a template's address, not the real one: replace it with the address readers should use before publishing` });
    }
    for (const html of ctx.doc.html) {
      if (!ANGLED.test(html.value)) continue;
      ctx.report({ start: html.start, end: html.end, message: `Unfilled placeholder ${quote(html.value)}, replace it with the real text before publishing` });
    }
  },
);
