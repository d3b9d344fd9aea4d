import { strict as assert } from 'node:assert';
import { newPolicy, type NewPolicyAnswers } from '../../server/src/features/newPolicy';
import { builtInCatalog, builtInLibrary, mergeLibrary } from '../../server/src/catalog/clauseLibrary';
import { buildCatalog } from '../../server/src/catalog/clauseCatalog';
import { runRules } from '../../server/src/rules/engine';
import { makeDoc } from '../support/doc';

const library = builtInLibrary();
const TODAY = new Date(Date.UTC(2026, 2, 14));
const UK_EU: NewPolicyAnswers = { company: 'Harrowgate Tea Ltd', email: 'privacy@harrowgate.example', jurisdictions: ['uk', 'eu'], children: false, sellsOrShares: false };

function draft(answers: NewPolicyAnswers, lib = library) {
  const response = newPolicy({ answers }, lib, TODAY);
  assert.deepEqual(response.problems, undefined, 'the answers are valid');
  assert.ok(response.policy, 'a policy is made');
  return response.policy;
}

describe('new policy from the clause library', () => {
  it('lists every jurisdiction with its name when asked without answers', () => {
    const response = newPolicy(undefined, library, TODAY);
    assert.equal(response.policy, undefined);
    const codes = response.jurisdictions.map((j) => j.code);
    for (const code of ['eu', 'uk', 'us-ca', 'ca-qc', 'br']) assert.ok(codes.includes(code), code);
    assert.equal(response.jurisdictions.find((j) => j.code === 'uk')?.name, 'United Kingdom');
  });

  it('writes front matter that Policywright reads back as the answers', () => {
    const doc = makeDoc(draft(UK_EU).text);
    assert.equal(doc.fields.policy, true);
    assert.equal(doc.fields.company, 'Harrowgate Tea Ltd');
    assert.deepEqual(doc.fields.jurisdictions, ['uk', 'eu']);
    assert.equal(doc.fields.effective?.date?.toISOString().slice(0, 10), '2026-03-14');
    assert.equal(doc.fields.contact?.email, 'privacy@harrowgate.example');
    assert.equal(doc.fields.sellsOrShares, false);
    assert.deepEqual(doc.fields.audience, ['adults']);
    assert.deepEqual(doc.frontMatter?.problems, []);
  });

  it('chooses the EU and UK variants of each section, in reading order', () => {
    const { clauses } = draft(UK_EU);
    for (const id of ['effective-date', 'who-we-are', 'use-legal-basis', 'cookies-eu-consent', 'transfers-safeguards', 'rights-gdpr', 'complaints', 'children-not-directed', 'changes']) {
      assert.ok(clauses.includes(id), `${id} is in the draft`);
    }
    for (const id of ['use-purposes', 'cookies-categories', 'ccpa-sale-sharing', 'rights-ccpa', 'children-coppa']) assert.ok(!clauses.includes(id), `${id} is not`);
    assert.equal(clauses[0], 'effective-date');
    assert.equal(clauses.at(-1), 'changes');
    assert.ok(clauses.indexOf('who-we-are') < clauses.indexOf('retention') && clauses.indexOf('retention') < clauses.indexOf('rights-gdpr'));
  });

  it('fills the company, the e-mail address and the date into the clauses', () => {
    const { text } = draft(UK_EU);
    const body = text.slice(text.indexOf('\n---\n') + 5);
    assert.match(body, /^# Privacy Policy$/m);
    assert.match(body, /\*\*Effective date:\*\* 14 March 2026/);
    assert.ok(body.includes('Harrowgate Tea Ltd'));
    assert.ok(body.includes('privacy@harrowgate.example'));
    assert.ok(!body.includes('Example Ltd') && !body.includes('privacy@example.com'), 'no catalog default is left where an answer exists');
  });

  it('writes the date the American way for a policy that serves only US states', () => {
    const { text } = draft({ ...UK_EU, jurisdictions: ['us-ca'] });
    assert.match(text, /\*\*Effective date:\*\* March 14, 2026/);
  });

  it('adds the California sale and sharing section only for a business that sells or shares', () => {
    const seller = draft({ ...UK_EU, jurisdictions: ['us-ca'], sellsOrShares: true });
    assert.ok(seller.clauses.includes('ccpa-sale-sharing'));
    assert.ok(seller.clauses.includes('rights-ccpa') && seller.clauses.includes('dnt-gpc') && seller.clauses.includes('california-notice-at-collection'));
    assert.match(seller.text, /^sells-or-shares: true$/m);
    assert.ok(!draft({ ...UK_EU, jurisdictions: ['us-ca'] }).clauses.includes('ccpa-sale-sharing'));
  });

  it("adds each jurisdiction's children clause for a service meant for children", () => {
    const { clauses, text } = draft({ ...UK_EU, jurisdictions: ['eu', 'uk', 'us-ca'], children: true });
    for (const id of ['children-coppa', 'children-gdpr-art8', 'children-uk']) assert.ok(clauses.includes(id), id);
    assert.ok(!clauses.includes('children-not-directed'));
    assert.match(text, /^audience: \[adults, children\]$/m);
  });

  it("uses the firm's clause where it replaces a built-in one", () => {
    const firm = buildCatalog([
      {
        file: '/firm/.policywright/clauses/retention.md',
        origin: 'workspace',
        text: ['---', 'id: retention', 'title: Keeping your data', 'topic: retention', 'prefix: keep', 'jurisdictions: [all]', 'description: The firm retention clause.', 'sources: ["Firm guidance"]', '---', 'We keep data for ${1:six years}.', ''].join('\n'),
      },
    ]);
    assert.deepEqual(firm.problems, []);
    const { text } = draft(UK_EU, mergeLibrary(builtInCatalog(), firm, []));
    assert.match(text, /^## Keeping your data\n\nWe keep data for six years\.$/m);
    assert.ok(!text.includes('## How long we keep your information'));
  });

  it('quotes a company name that YAML would misread, and reads it back unchanged', () => {
    const company = 'Acme: "Data" & Co #1';
    assert.equal(makeDoc(draft({ ...UK_EU, company }).text).fields.company, company);
  });

  it('makes a draft whose only errors are the blanks left for the writer', () => {
    const findings = runRules(makeDoc(draft(UK_EU).text), { today: TODAY });
    const errors = findings.filter((f) => f.severity === 'error' && f.ruleId !== 'unfilled-placeholder');
    assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), []);
    assert.ok(!findings.some((f) => f.ruleId === 'missing-effective-date' || f.ruleId === 'stale-effective-date'), 'the draft is dated today');
  });

  it('answers with a problem for each bad answer instead of a policy', () => {
    const response = newPolicy({ answers: { company: '  ', email: 'not an address', jurisdictions: ['eu', 'mars'], children: false, sellsOrShares: false } }, library, TODAY);
    assert.equal(response.policy, undefined);
    assert.equal(response.problems?.length, 3);
    assert.match(response.problems![0], /^Company name is empty/);
    assert.match(response.problems![1], /`not an address`/);
    assert.match(response.problems![2], /`mars` is unknown/);
    assert.match(newPolicy({ answers: { ...UK_EU, jurisdictions: [] } }, library, TODAY).problems![0], /^No jurisdiction chosen/);
  });

  // The draft is built from the library; the checks must agree with it, or a lawyer starts from a page of warnings.
  for (const jurisdictions of [['eu'], ['uk'], ['us-ca'], ['eu', 'uk', 'us-ca'], ['us-va', 'us-co', 'us-ct', 'us-tx'], ['us-ut', 'us-or', 'us-ne', 'us-nj', 'us-mn', 'us-ri'], ['ca', 'ca-qc'], ['br']]) {
    for (const children of [false, true]) {
      it(`drafts a policy for ${jurisdictions.join(', ')}${children ? ' with children' : ''} that raises no error or warning`, () => {
        const draft = newPolicy({ answers: { ...UK_EU, jurisdictions, children, sellsOrShares: true } }, library, TODAY).policy!.text;
        // The state laws with thresholds are checked at their full severities once the business says it is above them.
        const text = jurisdictions.includes('us-ut') ? draft.replace('\n---\n', '\nthresholds: met\n---\n') : draft;
        const doc = makeDoc(text);
        const findings = runRules(doc, { today: TODAY });
        // What the questions did not ask (the company number, a phone number, a second mailbox) stays a blank that
        // the placeholder check reports, never an invented fact; everything the answers gave is filled in.
        const blanks = findings.filter((f) => f.ruleId === 'unfilled-placeholder').map((f) => doc.text.slice(f.start, f.end));
        assert.ok(!blanks.some((b) => b.includes(UK_EU.company) || b.includes(UK_EU.email!)), blanks.join(', '));
        const serious = findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.ruleId !== 'unfilled-placeholder');
        assert.deepEqual(serious.map((f) => `${f.ruleId}: ${f.message}`), []);
      });
    }
  }
});
