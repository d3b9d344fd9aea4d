import * as assert from 'node:assert/strict';
import { SymbolKind } from 'vscode-languageserver-types';
import { lines, makeDoc } from '../support/doc';
import { renderFolding, renderSymbols } from '../support/render';
import { provideDocumentSymbols } from '../../server/src/features/documentSymbols';
import { provideFoldingRanges } from '../../server/src/features/folding';
import { topicForTitle } from '../../server/src/catalog/sectionTopics';

// A draft pasted from a word processor: a plain-line title and numbered upper-case headings.
const pasted = makeDoc(
  lines(
    '---', // L1
    'policy: true',
    'company: Example Ltd',
    '---', // L4
    '',
    'Privacy Notice', // L6
    '',
    '1. WHO WE ARE', // L8
    '',
    'Example Ltd runs the booking service.', // L10
    '',
    '2. WHAT WE COLLECT', // L12
    '',
    'We collect your name.',
    '',
    '2.1. Details from your device', // L16
    '',
    'Your browser type.', // L18
    '',
    '4. HOW WE USE COOKIES', // L20
    '',
    'We set a session cookie while you are signed in.', // L22
    '',
    '5. ANNEX', // L24
  ),
);

describe('document symbols', () => {
  const symbols = provideDocumentSymbols(pasted);

  it('nest as the sections do, with numbers in their names and the topic as detail', () => {
    assert.deepEqual(renderSymbols(symbols), [
      'Privacy Notice — Policy title [L6-L24]',
      '  1. WHO WE ARE [L8-L10]',
      '  2. WHAT WE COLLECT [L12-L18]',
      '    2.1. Details from your device [L16-L18]',
      '  4. HOW WE USE COOKIES — Cookies and similar technologies [L20-L22]',
      '  5. ANNEX [L24-L24]',
    ]);
  });

  it('take their detail from the section topic catalogue', () => {
    const cookies = symbols[0].children![2];
    assert.equal(cookies.detail, topicForTitle('HOW WE USE COOKIES')?.title);
    assert.equal(symbols[0].children![3].detail, '');
  });

  it('select the heading line and span the whole section', () => {
    const cookies = symbols[0].children![2];
    assert.deepEqual(cookies.selectionRange, { start: { line: 19, character: 0 }, end: { line: 19, character: '4. HOW WE USE COOKIES'.length } });
    assert.deepEqual(cookies.range, { start: { line: 19, character: 0 }, end: { line: 21, character: 'We set a session cookie while you are signed in.'.length } });
  });

  it('keep each selection range inside its range, as clients require', () => {
    const check = (s: (typeof symbols)[number]) => {
      const inside =
        (s.range.start.line < s.selectionRange.start.line || (s.range.start.line === s.selectionRange.start.line && s.range.start.character <= s.selectionRange.start.character)) &&
        (s.range.end.line > s.selectionRange.end.line || (s.range.end.line === s.selectionRange.end.line && s.range.end.character >= s.selectionRange.end.character));
      assert.ok(inside, `${s.name}: selection range outside range`);
      s.children?.forEach(check);
    };
    symbols.forEach(check);
  });

  it('use one symbol kind for every section', () => {
    const kinds = new Set<SymbolKind>();
    const visit = (s: (typeof symbols)[number]) => {
      kinds.add(s.kind);
      s.children?.forEach(visit);
    };
    symbols.forEach(visit);
    assert.equal(kinds.size, 1);
  });

  it('list Markdown headings the same way', () => {
    const doc = makeDoc(lines('# Privacy Notice', '', '## Who we are', '', 'Example Ltd.', '', '## Contact us', '', 'Write to the privacy team.'));
    assert.deepEqual(renderSymbols(provideDocumentSymbols(doc)), [
      'Privacy Notice — Policy title [L1-L9]',
      '  Who we are [L3-L5]',
      '  Contact us — Contact [L7-L9]',
    ]);
  });

  it('are empty for a document without headings', () => {
    assert.deepEqual(provideDocumentSymbols(makeDoc('we keep your data for one year, then delete it.')), []);
  });
});

describe('folding ranges', () => {
  it('fold the front matter and each section with more than one line', () => {
    assert.deepEqual(renderFolding(provideFoldingRanges(pasted)), [
      'L1-L4 region',
      'L6-L24',
      'L8-L10',
      'L12-L18',
      'L16-L18',
      'L20-L22',
    ]);
  });

  it('fold a section down to its last line of text, not the blank lines after it', () => {
    const doc = makeDoc(lines('# Privacy Notice', '', '## Who we are', '', 'Example Ltd.', '', '', '', '## Contact us', '', 'Write to us.', '', ''));
    assert.deepEqual(renderFolding(provideFoldingRanges(doc)), ['L1-L11', 'L3-L5', 'L9-L11']);
  });

  it('give nothing for a document of one line', () => {
    assert.deepEqual(provideFoldingRanges(makeDoc('# Privacy Notice')), []);
  });

  it('fold broken front matter too', () => {
    const doc = makeDoc(lines('---', 'company: [Example', '---', '', '# Privacy Notice'));
    assert.deepEqual(renderFolding(provideFoldingRanges(doc)), ['L1-L3 region']);
  });
});
