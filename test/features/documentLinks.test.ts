import * as assert from 'node:assert/strict';
import { provideDocumentLinks } from '../../server/src/features/documentLinks';
import { provideDraftingHover, mergeHovers } from '../../server/src/features/draftingHover';
import { DEFAULT_DRAFTING } from '../../server/src/facts/options';
import { lines, makeDoc } from '../support/doc';
import { DRAFT, at } from '../support/drafting';

describe('document links', () => {
  it('link references and contents entries to their heading line, and leave broken ones unlinked', () => {
    const text = lines('# Notice', '', '## Contents', '', '1. Who we are', '2. Rights', '', '## 1. Who we are', '', 'See Section 2, Section 7 and the “Rights” section below.', '', '## 2. Rights', '', 'Ask.');
    const doc = makeDoc(text);
    const links = provideDocumentLinks(doc).map((l) => `${doc.text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end))} -> ${l.target}`);
    assert.deepEqual(links, [
      `1. Who we are -> ${doc.uri}#L8`,
      `2. Rights -> ${doc.uri}#L12`,
      `2 -> ${doc.uri}#L12`,
      `Rights -> ${doc.uri}#L12`,
    ]);
  });
});

describe('drafting hover', () => {
  const doc = makeDoc(DRAFT);
  const value = (h: ReturnType<typeof provideDraftingHover>) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');

  it('shows a term\'s definition, where it is and how often it is used', () => {
    const text = value(provideDraftingHover(doc, at(DRAFT, 'ORDER DATA')));
    assert.match(text, /\*\*Order Data\*\* — defined term, used 2 times/);
    assert.match(text, /> “Order Data” means the books you buy and where we send them\./);
    assert.match(text, /Line 7/);
  });

  it('shows where a reference leads', () => {
    assert.match(value(provideDraftingHover(doc, at(DRAFT, 'Section 2', 0, 8))), /Leads to \*\*2\. Your rights\*\* \(line 9\)/);
  });

  it('shows a section\'s reading grade on its heading, against the configured threshold', () => {
    const long = makeDoc(lines('## Plain words', '', ...Array.from({ length: 30 }, () => 'We keep your name. We do not sell it.')));
    assert.match(value(provideDraftingHover(long, { line: 0, character: 4 })), /\*\*Reading grade -?\d+\.\d\*\* \(Flesch–Kincaid\), within the threshold of 14\n\n270 words in 60 sentences/);
    assert.match(value(provideDraftingHover(long, { line: 0, character: 4 }, { ...DEFAULT_DRAFTING, maxReadingGrade: -10 })), /above the threshold of -10/);
  });

  it('merges with another hover below a rule', () => {
    const a = { contents: { kind: 'markdown' as const, value: 'first' } };
    const b = { contents: { kind: 'markdown' as const, value: 'second' } };
    assert.equal(value(mergeHovers(a, b)), 'first\n\n---\n\nsecond');
    assert.equal(mergeHovers(null, b), b);
  });
});
