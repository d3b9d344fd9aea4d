import { strict as assert } from 'node:assert';
import type { MarkupContent } from 'vscode-languageserver-types';
import { escapeMarkdown, fenced, normalizeTitle } from '../../server/src/features/clauseHover';
import { provideHover } from '../../server/src/features/hover';
import { builtInLibrary } from '../../server/src/catalog/clauseLibrary';
import { lines, makeDoc } from '../support/doc';

const library = builtInLibrary();

function hoverOn(text: string, heading: string): string | undefined {
  const doc = makeDoc(text);
  // Through the hover the server answers with; a heading with no clause title falls back to its section topic.
  const hover = provideHover(doc, [], doc.lines.positionAt(text.indexOf(heading) + 3), library);
  // The clause's part of the hover: the section topic's part, when the title has a topic, comes first.
  return (hover?.contents as MarkupContent | undefined)?.value.split('\n\n---\n\n').find((part) => /^\*\*.*: clause `/.test(part));
}

describe('clause hover', () => {
  it('explains a heading that is a clause title with its purpose and sources', () => {
    const value = hoverOn(lines('# Policy', '', '## How long we keep your information', '', 'Text.'), '## How long');
    assert.ok(value);
    assert.match(value, /^\*\*How long we keep your information\*\*: clause `retention`/);
    assert.match(value, /a table of each category of personal information with its retention period/i);
    assert.match(value, /- GDPR Art\. 13\(2\)\(a\)/);
  });

  it('matches the title whatever its case, numbering and punctuation', () => {
    assert.ok(hoverOn(lines('# Policy', '', '## 7. HOW LONG WE KEEP YOUR INFORMATION:', '', 'Text.'), '## 7.'));
    assert.equal(normalizeTitle('4.2 Children’s Privacy!'), "children's privacy");
  });

  it('picks the variant for the policy jurisdictions and names the others', () => {
    const value = hoverOn(lines('---', 'jurisdictions: [uk]', '---', '# Policy', '', '## Children', '', 'Text.'), '## Children');
    assert.match(value ?? '', /^\*\*Children\*\* \(UK age of 13\): clause `children-uk`/);
    assert.match(value ?? '', /\*Other variants:\* `children-eu` Children \(GDPR Art\. 8 age of consent\); `children-none` Children \(not directed at children\)/);
  });

  it('says nothing on a heading that is no clause title, or away from headings', () => {
    assert.equal(hoverOn(lines('# Policy', '', '## Annex', '', 'Text.'), '## Annex'), undefined);
    assert.equal(hoverOn(lines('# Policy', '', '## Who we are', '', 'Some text here.'), 'Some text'), undefined);
  });

  it('shows workspace text as text: Markdown escaped, code fenced beyond its own backticks', () => {
    assert.equal(escapeMarkdown('[click](javascript:x) <b>*'), '\\[click\\](javascript:x) \\<b\\>\\*');
    assert.equal(fenced('a ```` b'), '`````markdown\na ```` b\n`````');
  });
});
