import * as assert from 'node:assert/strict';
import { provideReferences } from '../../server/src/features/references';
import { provideDocumentHighlights } from '../../server/src/features/documentHighlights';
import { makeDoc } from '../support/doc';
import { DRAFT, at } from '../support/drafting';

describe('find all references', () => {
  const doc = makeDoc(DRAFT);
  const texts = (ls: ReturnType<typeof provideReferences>) => ls.map((l) => doc.text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end)));

  it('lists every use of a term, with its definition only when asked', () => {
    assert.deepEqual(texts(provideReferences(doc, at(DRAFT, 'Order Data', 1), true)), ['Order Data', 'Order Data', 'ORDER DATA']);
    assert.deepEqual(texts(provideReferences(doc, at(DRAFT, 'Order Data', 1), false)), ['Order Data', 'ORDER DATA']);
  });

  it('lists the references that lead to a section, asked from its heading or from a reference', () => {
    assert.deepEqual(texts(provideReferences(doc, at(DRAFT, '## 2.', 0, 5), false)), ['2', 'Your Rights']);
    assert.deepEqual(texts(provideReferences(doc, at(DRAFT, 'Section 2', 0, 8), true)), ['## 2. Your rights', '2', 'Your Rights']);
  });
});

describe('document highlights', () => {
  const doc = makeDoc(DRAFT);

  it('marks the definition as a write and every use as a read', () => {
    const highlights = provideDocumentHighlights(doc, at(DRAFT, 'ORDER DATA'));
    assert.deepEqual(highlights.map((h) => [doc.text.slice(doc.lines.offsetAt(h.range.start), doc.lines.offsetAt(h.range.end)), h.kind]), [
      ['Order Data', 3],
      ['Order Data', 2],
      ['ORDER DATA', 2],
    ]);
  });

  it('marks a heading and the references to it', () => {
    assert.equal(provideDocumentHighlights(doc, at(DRAFT, 'Your Rights', 0, 2)).length, 3);
    assert.deepEqual(provideDocumentHighlights(doc, at(DRAFT, 'sells')), []);
  });
});
