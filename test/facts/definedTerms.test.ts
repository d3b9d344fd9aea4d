import * as assert from 'node:assert/strict';
import { definedTerms } from '../../server/src/facts/definedTerms';
import { lines, makeDoc } from '../support/doc';

const termsOf = (text: string) => definedTerms(makeDoc(text));
const uses = (text: string, name: string) => {
  const doc = makeDoc(text);
  return (definedTerms(doc).byName(name)?.uses ?? []).map((u) => doc.text.slice(u.start, u.end));
};

describe('defined terms', () => {
  it('recognise a quoted term followed by "means", with straight or curly quotes', () => {
    const index = termsOf(lines('“Personal Data” means any information about you.', '', '"Usage Records" shall mean the pages you open.'));
    assert.deepEqual(index.terms.map((t) => [t.name, t.definitions[0].form]), [['Personal Data', 'means'], ['Usage Records', 'means']]);
    assert.equal(index.byName('Personal Data')?.definitions[0].meaning, 'any information about you');
  });

  it('recognise every term of a bracketed group and what it shortens', () => {
    const index = termsOf('Brightwater Analytics Ltd (“Brightwater”, “we”, “us” or “our”) makes the app.');
    assert.deepEqual(index.terms.map((t) => t.name), ['Brightwater', 'we', 'us', 'our']);
    assert.equal(index.byName('Brightwater')?.definitions[0].meaning, 'brightwater analytics ltd');
    assert.equal(index.byName('we')?.pronoun, true);
  });

  it('take a bracket only when it holds nothing but the quoted terms', () => {
    assert.deepEqual(termsOf('Search for a city (for example “Boston”) to see the weather.').terms, []);
    assert.deepEqual(termsOf('Our app (the “App”) and our site (collectively, the “Services”) are free.').terms.map((t) => t.name), ['App', 'Services']);
  });

  it('read bold, plain and table entries of a definitions section', () => {
    const text = lines(
      '## Definitions',
      '',
      '**Controller**: the company that decides why data is processed.',
      '',
      'Usage Data refers to data collected automatically.',
      '',
      '| Term | Meaning |',
      '| --- | --- |',
      '| Device | a phone or a computer |',
    );
    const index = termsOf(text);
    assert.deepEqual(index.terms.map((t) => [t.name, t.definitions[0].form, t.definitions[0].inGlossary]), [
      ['Controller', 'glossary', true],
      ['Usage Data', 'glossary', true],
      ['Device', 'glossary', true],
    ]);
  });

  it('read "X" is … as a definition only where the term has no other', () => {
    const alone = termsOf(lines('"User Data" is any information about a user.', '', 'We keep User Data.'));
    assert.equal(alone.byName('User Data')?.definitions.length, 1);
    const twice = termsOf(lines('“User Data” means what you type.', '', '“User Data” is any information about a user.'));
    assert.equal(twice.byName('User Data')?.definitions.length, 1);
  });

  it('count plurals, possessives, capitals and sentence-initial pronouns as uses, and nothing longer', () => {
    const text = lines('Our partner (the “Partner”) prints books.', '', 'Each Partner’s printers and all Partners, PARTNER records. We said that we would.');
    assert.deepEqual(uses(text, 'Partner'), ['Partner', 'Partner', 'Partner', 'PARTNER']);
    const pronouns = lines('Brightwater Ltd (“we”) runs the app.', '', 'We keep logs, and we delete them.');
    assert.deepEqual(uses(pronouns, 'we'), ['we', 'We', 'we']);
  });

  it('keep lower-case writings of a capitalised term apart as variants', () => {
    const doc = makeDoc(lines('“Personal Data” means information about you.', '', 'We keep your personal data and your Personal Data.'));
    const term = definedTerms(doc).byName('Personal Data')!;
    assert.deepEqual(term.variants.map((v) => doc.text.slice(v.start, v.end)), ['personal data']);
    assert.equal(term.uses.length, 2);
  });

  it('match a hyphenated term only with its hyphen', () => {
    const text = lines('Other apps (each a “Third-Party Service”) have their own rules.', '', 'A Third-Party Service decides, not a Third Party Service.');
    assert.deepEqual(uses(text, 'Third-Party Service'), ['Third-Party Service', 'Third-Party Service']);
  });

  it('find the term at an offset, and nothing between uses', () => {
    const doc = makeDoc(lines('“Order Data” means what you buy.', '', 'We keep Order Data.'));
    const index = definedTerms(doc);
    const at = doc.text.lastIndexOf('Order Data') + 3;
    assert.equal(index.at(at)?.term.name, 'Order Data');
    assert.equal(index.at(doc.text.indexOf('keep'))?.term, undefined);
  });

  it('ignore quoted terms in a table of contents', () => {
    const text = lines('# Notice', '', '## Contents', '', '1. Rights in the European Union (“EU”)', '2. Contact', '', '## 1. Rights in the European Union (“EU”)', '', 'Text.', '', '## 2. Contact', '', 'Text.');
    assert.deepEqual(termsOf(text).terms, []);
  });
});
