import * as assert from 'node:assert/strict';
import { prepareRename, provideRename, validTermName } from '../../server/src/features/rename';
import { applyEdits } from '../support/lspHarness';
import { makeDoc } from '../support/doc';
import { DRAFT, at } from '../support/drafting';

describe('rename a defined term', () => {
  const doc = makeDoc(DRAFT);

  it('offers the term under the cursor, and nothing elsewhere', () => {
    assert.equal(prepareRename(doc, at(DRAFT, 'Order Data', 1))?.placeholder, 'Order Data');
    assert.equal(prepareRename(doc, at(DRAFT, 'sells')), null);
    assert.equal(prepareRename(doc, at(DRAFT, 'order data is')), null);
  });

  it('renames the definition and every use, keeps capitals where they were, and leaves everything else alone', () => {
    const edit = provideRename(doc, at(DRAFT, 'ORDER DATA'), 'Purchase Records');
    const renamed = applyEdits(DRAFT, edit!.changes![doc.uri]);
    assert.equal(renamed, DRAFT.replace('“Order Data”', '“Purchase Records”').replace('your Order Data', 'your Purchase Records').replace('ORDER DATA', 'PURCHASE RECORDS'));
    assert.match(renamed, /your order data is yours/);
  });

  it('keeps a pronoun capitalised where a sentence starts', () => {
    const edit = provideRename(doc, at(DRAFT, '“we”', 0, 2), 'the shop');
    const renamed = applyEdits(DRAFT, edit!.changes![doc.uri]);
    assert.match(renamed, /\(“Harbourlight”, “the shop”\)/);
    assert.match(renamed, /The shop delete ORDER DATA/);
  });

  it('refuses a name that cannot stand between quotes', () => {
    assert.equal(provideRename(doc, at(DRAFT, 'Order Data', 1), 'Order "Data"'), null);
    assert.equal(provideRename(doc, at(DRAFT, 'Order Data', 1), ''), null);
    assert.ok(validTermName('Purchase Records') && !validTermName(' padded') && !validTermName('two\nlines'));
  });
});
