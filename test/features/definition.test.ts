import * as assert from 'node:assert/strict';
import type { Position } from 'vscode-languageserver-types';
import { provideDefinition } from '../../server/src/features/definition';
import { makeDoc } from '../support/doc';
import { DRAFT, at } from '../support/drafting';

describe('go to definition', () => {
  const doc = makeDoc(DRAFT);
  const target = (p: Position) => provideDefinition(doc, p).map((l) => doc.text.slice(doc.lines.offsetAt(l.range.start), doc.lines.offsetAt(l.range.end)));

  it('leads from a use of a defined term to the term in its definition', () => {
    const [location] = provideDefinition(doc, at(DRAFT, 'Order Data', 1));
    assert.equal(location.uri, doc.uri);
    assert.deepEqual(location.range, { start: at(DRAFT, 'Order Data', 0, 0), end: at(DRAFT, 'Order Data', 0, 10) });
  });

  it('leads from a use in capitals and from a sentence-initial pronoun', () => {
    assert.deepEqual(target(at(DRAFT, 'ORDER DATA')), ['Order Data']);
    assert.deepEqual(target(at(DRAFT, 'We delete')), ['we']);
  });

  it('leads from a numbered or titled reference to the heading', () => {
    assert.deepEqual(target(at(DRAFT, 'Section 2', 0, 8)), ['## 2. Your rights']);
    assert.deepEqual(target(at(DRAFT, 'Your Rights', 0, 3)), ['## 2. Your rights']);
  });

  it('finds nothing on ordinary words or on a lower-case variant', () => {
    assert.deepEqual(target(at(DRAFT, 'sells')), []);
    assert.deepEqual(target(at(DRAFT, 'order data is')), []);
  });
});
