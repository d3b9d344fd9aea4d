import * as assert from 'node:assert/strict';
import { closestTitle, crossReferences, titleMatches } from '../../server/src/facts/crossReferences';
import { lines, makeDoc } from '../support/doc';

const POLICY = lines(
  '# Notice',
  '',
  '## 1. Who we are',
  '',
  'See Section 2, sections 3 and 5, Sections 1-3 and Section 4 (“How we use cookies”).',
  '',
  '## 2. What we collect',
  '',
  'We follow Section 1798.100 of the Civil Code, Section 702 of FISA and section 5 of our Terms of Service.',
  '',
  '## 3. Cookies',
  '',
  'The “What We Collect” section above lists the data; the “About Us” section of our website does not.',
  '',
  '**4.5 Complying with law**.',
);

describe('cross-references', () => {
  const doc = makeDoc(POLICY);
  const index = crossReferences(doc);
  const shown = index.references.map((r) => `${doc.text.slice(r.start, r.end)} -> ${r.targets.map((t) => `${t.label}:${t.sections.map((s) => s.number).join('/') || (t.anchor !== undefined ? 'line' : 'none')}`).join(' ')}`);

  it('resolve numbers, lists and ranges of sections against numbered headings', () => {
    assert.deepEqual(shown.slice(0, 4), [
      'Section 2 -> 2:2',
      'sections 3 and 5 -> 3:3 5:none',
      'Sections 1-3 -> 1:1 2:2 3:3',
      'Section 4 (“How we use cookies”) -> 4:none',
    ]);
  });

  it('leave references to laws and to other documents alone', () => {
    assert.ok(!shown.some((s) => /1798|702|Terms|About Us/.test(s)), shown.join('\n'));
  });

  it('resolve a quoted title to its heading', () => {
    assert.ok(shown.includes('“What We Collect” -> What We Collect:2'), shown.join('\n'));
  });

  it('resolve a number to a numbered bold line that is not a heading', () => {
    const d = makeDoc(lines('## 1. Rights', '', 'See section 4.5.', '', '## 2. Law', '', '**4.5 Complying with law**.'));
    const [ref] = crossReferences(d).references;
    assert.equal(ref.targets[0].sections.length, 0);
    assert.equal(d.lines.lineAt(ref.targets[0].anchor!), 6);
  });

  it('match titles by their words, whole words only', () => {
    assert.ok(titleMatches('HOW WE USE COOKIES', '4. How we use cookies'));
    assert.ok(titleMatches('Cookies', 'How we use cookies'));
    assert.ok(titleMatches('Third Party links', 'THIRD-PARTY LINKS'));
    assert.ok(!titleMatches('HOW DO WE USE COOKIES', 'HOW WE USE COOKIES'));
    assert.ok(!titleMatches('Cook', 'Cookies'));
  });

  it('suggest the heading that shares most words with a broken title', () => {
    const d = makeDoc(lines('## How long we keep your data', '', 'Text.', '', '## Your rights', '', 'Text.'));
    assert.equal(closestTitle('How Long We Keep Data', d.allSections)?.title, 'How long we keep your data');
    assert.equal(closestTitle('Payments', d.allSections), undefined);
  });
});
