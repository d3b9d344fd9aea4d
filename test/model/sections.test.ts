import * as assert from 'node:assert/strict';
import { lines, makeDoc } from '../support/doc';
import { renderOutline } from '../support/render';

const text = lines(
  'Preamble before any heading.', // L1
  '',
  '# Privacy Notice', // L3
  '',
  'Who this notice is for.',
  '',
  '## What we collect', // L7
  '',
  '### Device data', // L9
  '',
  'Your browser type.', // L11
  '',
  '',
  '## Your rights', // L14
  '',
  'You may ask for a copy.', // L16
  '',
  '# Annex', // L18
  '',
  'Retention table.', // L20
  '',
  '',
);
const doc = makeDoc(text);
const byTitle = (title: string) => {
  const s = doc.allSections.find((x) => x.title === title);
  assert.ok(s, `no section ${title}`);
  return s;
};

describe('sections', () => {
  it('run from their heading to the next heading of the same or a higher level', () => {
    assert.deepEqual(renderOutline(doc), [
      '# Privacy Notice [L3-L16] (atx)',
      '  ## What we collect [L7-L11] (atx)',
      '    ### Device data [L9-L11] (atx)',
      '  ## Your rights [L14-L16] (atx)',
      '# Annex [L18-L20] (atx)',
    ]);
  });

  it('end at the last character of their text, not on the blank lines after it', () => {
    assert.equal(text.slice(byTitle('Device data').end - 'browser type.'.length, byTitle('Device data').end), 'browser type.');
    assert.equal(byTitle('What we collect').end, byTitle('Device data').end);
    assert.ok(text.slice(0, byTitle('Annex').end).endsWith('Retention table.'));
  });

  it('start at their heading and record the heading span', () => {
    const s = byTitle('Your rights');
    assert.equal(s.start, s.headingStart);
    assert.equal(text.slice(s.headingStart, s.headingEnd), '## Your rights');
  });

  it('nest children under their parent', () => {
    assert.deepEqual(
      doc.sections.map((s) => [s.title, s.children.map((c) => c.title)]),
      [
        ['Privacy Notice', ['What we collect', 'Your rights']],
        ['Annex', []],
      ],
    );
    assert.deepEqual(byTitle('What we collect').children.map((c) => c.title), ['Device data']);
  });

  it('record their path from the outermost title down', () => {
    assert.deepEqual(byTitle('Device data').path, ['Privacy Notice', 'What we collect', 'Device data']);
    assert.deepEqual(byTitle('Annex').path, ['Annex']);
  });

  it('are listed in document order with their index', () => {
    assert.deepEqual(
      doc.allSections.map((s) => `${s.index} ${s.title}`),
      ['0 Privacy Notice', '1 What we collect', '2 Device data', '3 Your rights', '4 Annex'],
    );
  });

  describe('sectionAt', () => {
    const at = (needle: string) => doc.sectionAt(text.indexOf(needle))?.title;

    it('finds the innermost section around an offset', () => {
      assert.equal(at('Your browser type'), 'Device data');
      assert.equal(at('You may ask'), 'Your rights');
      assert.equal(at('Who this notice'), 'Privacy Notice');
      assert.equal(at('Retention table'), 'Annex');
    });

    it('finds the section of a heading from an offset on that heading', () => {
      assert.equal(at('## What we collect'), 'What we collect');
      assert.equal(doc.sectionAt(byTitle('Your rights').headingEnd)?.title, 'Your rights');
    });

    it('finds no section before the first heading', () => {
      assert.equal(at('Preamble'), undefined);
      assert.deepEqual(doc.sectionPath(0), []);
    });

    it('gives the enclosing titles as a path', () => {
      assert.deepEqual(doc.sectionPath(text.indexOf('Your browser type')), ['Privacy Notice', 'What we collect', 'Device data']);
    });

    it('puts the blank lines between two subsections in their parent', () => {
      assert.equal(doc.sectionAt(byTitle('Device data').end + 1)?.title, 'Privacy Notice');
    });
  });

  it('leave a document without headings with no sections', () => {
    const plain = makeDoc(lines('we collect your name and email address when you sign up, and we keep them for a year.'));
    assert.deepEqual(plain.sections, []);
    assert.equal(plain.sectionAt(5), undefined);
  });
});
