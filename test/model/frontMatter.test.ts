import * as assert from 'node:assert/strict';
import { lines, makeDoc } from '../support/doc';
import { renderHeadings } from '../support/render';

const withFrontMatter = (...yaml: string[]) => lines('---', ...yaml, '---', '', '# Privacy Notice', '', 'We collect your name.');

describe('front matter', () => {
  describe('typed fields', () => {
    it('reads every field of a complete front matter', () => {
      const doc = makeDoc(
        withFrontMatter(
          'policy: true',
          'company: Example Ltd',
          'jurisdictions: [EU, uk, us-ca]',
          'effective: 2026-01-31',
          'contact:',
          '  email: privacy@example.com',
          '  phone: "+44 20 7946 0000"',
          '  address: 1 High Street, London',
          'audience: [adults, job applicants]',
          'sells-or-shares: false',
        ),
      );
      assert.deepEqual(doc.frontMatter?.problems, []);
      const f = doc.fields;
      assert.equal(f.policy, true);
      assert.equal(f.company, 'Example Ltd');
      assert.deepEqual(f.jurisdictions, ['eu', 'uk', 'us-ca']);
      assert.equal(f.effective?.text, '2026-01-31');
      assert.equal(f.effective?.date?.toISOString(), '2026-01-31T00:00:00.000Z');
      assert.deepEqual(f.contact, { email: 'privacy@example.com', phone: '+44 20 7946 0000', address: '1 High Street, London' });
      assert.deepEqual(f.audience, ['adults', 'job applicants']);
      assert.equal(f.sellsOrShares, false);
      assert.deepEqual(doc.frontMatter?.keys, ['policy', 'company', 'jurisdictions', 'effective', 'contact', 'audience', 'sells-or-shares']);
    });

    it('covers the whole block, fences included', () => {
      const text = withFrontMatter('policy: true');
      const doc = makeDoc(text);
      assert.equal(doc.frontMatter?.start, 0);
      assert.equal(text.slice(0, doc.frontMatter?.end), '---\npolicy: true\n---');
    });

    it('reads jurisdictions written as a comma-separated string', () => {
      assert.deepEqual(makeDoc(withFrontMatter('jurisdictions: EU, UK,us-ca')).fields.jurisdictions, ['eu', 'uk', 'us-ca']);
    });

    it('reads a YAML timestamp as the effective date', () => {
      const f = makeDoc(withFrontMatter('effective: !!timestamp 2025-03-01')).fields;
      assert.equal(f.effective?.text, '2025-03-01');
      assert.equal(f.effective?.date?.getTime(), Date.UTC(2025, 2, 1));
    });

    it('reads a quoted ISO date as the effective date', () => {
      const f = makeDoc(withFrontMatter('effective: "2025-03-01"')).fields;
      assert.equal(f.effective?.text, '2025-03-01');
      assert.equal(f.effective?.date?.getTime(), Date.UTC(2025, 2, 1));
    });

    it('keeps an effective date written in words as text, without a date, and reports it', () => {
      const doc = makeDoc(withFrontMatter('effective: March 1, 2025'));
      assert.equal(doc.fields.effective?.text, 'March 1, 2025');
      assert.equal(doc.fields.effective?.date, undefined);
      assert.equal(doc.frontMatter?.problems.length, 1);
      assert.match(doc.frontMatter!.problems[0].message, /“effective”/);
    });

    it('rejects an impossible calendar date', () => {
      const doc = makeDoc(withFrontMatter('effective: 2025-02-30'));
      assert.equal(doc.fields.effective?.date, undefined);
      assert.match(doc.frontMatter!.problems[0].message, /“effective”/);
    });

    it('reads a contact written as an email address', () => {
      assert.deepEqual(makeDoc(withFrontMatter('contact: privacy@example.com')).fields.contact, { email: 'privacy@example.com' });
    });

    it('reads a contact written as free text', () => {
      assert.deepEqual(makeDoc(withFrontMatter('contact: The Data Protection Team')).fields.contact, { text: 'The Data Protection Team' });
    });

    it('reads an audience written as a single string', () => {
      assert.equal(makeDoc(withFrontMatter('audience: children')).fields.audience, 'children');
    });

    it('reads a `policy` value that is not a boolean as text', () => {
      assert.equal(makeDoc(withFrontMatter('policy: website')).fields.policy, 'website');
    });

    it('gives empty fields to a document without front matter', () => {
      const doc = makeDoc(lines('# Privacy Notice', '', 'We collect your name.'));
      assert.equal(doc.frontMatter, undefined);
      assert.deepEqual(doc.fields, { jurisdictions: [] });
    });
  });

  describe('broken YAML', () => {
    const text = withFrontMatter('company: [Example Ltd', 'jurisdictions: eu');
    const doc = makeDoc(text);

    it('gives exactly one problem', () => {
      assert.equal(doc.frontMatter?.problems.length, 1);
      assert.match(doc.frontMatter!.problems[0].message, /^Front matter is not valid YAML/);
    });

    it('places the problem inside the front matter', () => {
      const p = doc.frontMatter!.problems[0];
      assert.ok(p.start >= doc.frontMatter!.start && p.end <= doc.frontMatter!.end, `problem at ${p.start}-${p.end}`);
      assert.ok(p.end > p.start, 'the problem range is not empty');
    });

    it('leaves the fields empty', () => {
      assert.deepEqual(doc.fields, { jurisdictions: [] });
    });

    it('still analyses the rest of the document', () => {
      assert.deepEqual(renderHeadings(doc), ['# Privacy Notice (atx)']);
      assert.deepEqual(
        doc.blocks.map((b) => b.text),
        ['Privacy Notice', 'We collect your name.'],
      );
    });
  });

  describe('wrong types', () => {
    const cases: Array<[string, string]> = [
      ['company: [Example Ltd, Example Inc]', 'company'],
      ['jurisdictions: 44', 'jurisdictions'],
      ['contact: [privacy@example.com]', 'contact'],
      ['audience: 18', 'audience'],
      ['sells-or-shares: yes', 'sells-or-shares'],
    ];
    for (const [yaml, key] of cases) {
      it(`names the key in the problem for \`${yaml}\``, () => {
        const text = withFrontMatter('policy: true', yaml);
        const doc = makeDoc(text);
        assert.equal(doc.frontMatter?.problems.length, 1);
        const p = doc.frontMatter!.problems[0];
        assert.ok(p.message.includes(`“${key}”`), p.message);
        assert.equal(text.slice(p.start, p.end), key);
      });
    }

    it('keeps the well-typed fields next to a badly typed one', () => {
      const doc = makeDoc(withFrontMatter('company: Example Ltd', 'sells-or-shares: sometimes'));
      assert.equal(doc.fields.company, 'Example Ltd');
      assert.equal(doc.fields.sellsOrShares, undefined);
    });

    it('reports front matter that is a list instead of settings', () => {
      const doc = makeDoc(withFrontMatter('- eu', '- uk'));
      assert.equal(doc.frontMatter?.problems.length, 1);
      assert.match(doc.frontMatter!.problems[0].message, /key: value/);
    });
  });
});
