import * as assert from 'node:assert/strict';
import { tablesOfContents } from '../../server/src/facts/tableOfContents';
import { applyEdits } from '../support/markers';
import { lines, makeDoc } from '../support/doc';

const body = ['## 1. WHO WE ARE', '', 'We make the Harbourlight app.', '', '## 2. WHAT WE COLLECT', '', 'Your Account Data.', '', '## 3. YOUR RIGHTS', '', 'Ask us.'];

describe('tables of contents', () => {
  it('report a renamed entry, an extra one and a missing heading, and regenerate in the list\'s own style', () => {
    const text = lines('# Notice', '', 'Contents', '', '  1. Who we are', '  2. What we gather', '  4. Old section', '', ...body);
    const doc = makeDoc(text);
    const [toc] = tablesOfContents(doc);
    assert.deepEqual(toc.problems.map((p) => `${p.kind} ${p.entry?.title ?? ''}|${p.section?.title ?? ''}`), [
      'title What we gather|WHAT WE COLLECT',
      'title Old section|YOUR RIGHTS',
      'number Old section|YOUR RIGHTS',
    ]);
    const fixed = applyEdits(text, [{ start: toc.start, end: toc.end, newText: toc.regenerate() }]);
    assert.match(fixed, /\n {2}1\. Who we are\n {2}2\. What we collect\n {2}3\. Your rights\n/);
    assert.deepEqual(tablesOfContents(makeDoc(fixed))[0].problems, []);
  });

  it('report entries out of order and headings left out', () => {
    const text = lines('# Notice', '', '## Contents', '', '- [What we collect](#2-what-we-collect)', '- [Who we are](#1-who-we-are)', '', ...body);
    const [toc] = tablesOfContents(makeDoc(text));
    assert.deepEqual(toc.problems.map((p) => p.kind).sort(), ['missing', 'order']);
    assert.match(toc.regenerate(), /^- \[Who we are\]\(#1-who-we-are\)\n- \[What we collect\]\(#2-what-we-collect\)\n- \[Your rights\]\(#3-your-rights\)$/);
  });

  it('stop at a numbered heading that follows the list directly', () => {
    const text = lines('# Notice', '', 'CONTENTS', '', '1. Who we are', '2. What we collect', '', '1. WHO WE ARE', '', 'We make the app.', '', '2. WHAT WE COLLECT', '', 'Your name.');
    const [toc] = tablesOfContents(makeDoc(text));
    assert.equal(toc.entries.length, 2);
    assert.deepEqual(toc.problems, []);
  });

  it('ignore a list under a contents heading that matches no heading', () => {
    const text = lines('# Notice', '', '## Contents', '', '- apples', '- pears', '', ...body);
    assert.deepEqual(tablesOfContents(makeDoc(text)), []);
  });
});
