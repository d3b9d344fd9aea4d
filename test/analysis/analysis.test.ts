import * as assert from 'node:assert/strict';
import { analyse, AnalysisCache } from '../../server/src/analysis';
import { builtInLibrary } from '../../server/src/catalog/clauseLibrary';
import { perBlockText, perDocumentAnd } from '../../server/src/facts/cache';
import { updatePolicyDocument } from '../../server/src/model/policyDocument';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';
import { lines, makeDoc } from '../support/doc';

const TODAY = new Date('2026-03-01T12:00:00Z');

// A policy with a defined term, a California cue (so a law is inferred) and one long sentence.
const POLICY = lines(
  '# Privacy Policy',
  '',
  'Last updated: 1 February 2026',
  '',
  '“Account Data” means your name and email address.',
  '',
  '## California residents',
  '',
  'California residents have rights under the California Consumer Privacy Act.',
  '',
  '## What we keep',
  '',
  'We keep Account Data for as long as your account is open, and for a short time after it is closed so that we can answer questions about it.',
);

const ids = (findings: readonly { ruleId: string }[], id: string) => findings.filter((f) => f.ruleId === id).length;

describe('one analysis per version', () => {
  const library = builtInLibrary();

  it('changing one option recomputes what reads it, and nothing else', () => {
    const doc = makeDoc(POLICY);
    const base: Settings = DEFAULT_SETTINGS;
    const first = analyse(doc, base, library, TODAY);
    const terms = first.facts.definedTerms;
    const laws = first.facts.applicability;
    const status = first.facts.complianceStatus;
    const findings = first.findings;
    assert.equal(ids(findings, 'long-sentence'), 0);

    // The same settings again: everything is the same object, nothing recomputed.
    const again = analyse(doc, base, library, TODAY);
    assert.equal(again.findings, findings);
    assert.equal(again.facts.applicability, laws);

    // A drafting threshold: the findings change, the compliance facts and the term index do not.
    const stricter = analyse(doc, { ...base, drafting: { ...base.drafting, maxSentenceWords: 10 } }, library, TODAY);
    assert.equal(ids(stricter.findings, 'long-sentence'), 1);
    assert.equal(stricter.facts.applicability, laws);
    assert.equal(stricter.facts.complianceStatus, status);
    assert.equal(stricter.facts.definedTerms, terms);

    // The jurisdictions: applicability and the status are decided again, the term index is kept.
    const declared = analyse(doc, { ...base, compliance: { jurisdictions: ['eu'] } }, library, TODAY);
    assert.notEqual(declared.facts.applicability, laws);
    assert.deepEqual(declared.facts.applicability.jurisdictions.map((j) => j.code), ['eu']);
    assert.deepEqual(laws.jurisdictions.map((j) => j.code), ['us', 'us-ca']);
    assert.notEqual(declared.facts.complianceStatus, status);
    assert.equal(declared.facts.definedTerms, terms);
  });

  it('keys an option-dependent fact by the version and the option object it reads', () => {
    let runs = 0;
    const derived = perDocumentAnd((_doc, _option: object) => ++runs);
    const doc = makeDoc(POLICY);
    const a = {};
    const b = {};
    assert.equal(derived(doc, a), 1);
    assert.equal(derived(doc, a), 1);
    assert.equal(derived(doc, b), 2);
    assert.equal(derived(doc, a), 1, 'the first option value is still known');
    assert.equal(derived(makeDoc(POLICY), a), 3, 'another version is derived again');
  });

  it('reuses per-block values from the previous version: only the edited block is derived again', () => {
    let runs = 0;
    const words = perBlockText((block) => (runs++, block.text.split(/\s+/).length));
    const doc = makeDoc(POLICY);
    words(doc);
    const blocks = runs;
    assert.ok(blocks >= 5);
    const edited = updatePolicyDocument(doc, 2, POLICY.replace('short time', 'brief time'));
    words(edited);
    assert.equal(runs, blocks + 1);
  });
});

describe('the document cache', () => {
  const uri = 'file:///work/privacy-policy.md';
  const text = lines('# Privacy Policy', '', 'We use the the cookies you allow.');
  // Same length, same version number: only the text tells them apart.
  const edited = text.replace('the the', 'the tha');

  it('never answers a resent version number with other text from the cache', () => {
    const cache = new AnalysisCache();
    const before = cache.analyse(uri, 3, text, DEFAULT_SETTINGS, TODAY);
    assert.equal(ids(before.findings, 'doubled-word'), 1);
    const after = cache.analyse(uri, 3, edited, DEFAULT_SETTINGS, TODAY);
    assert.equal(after.doc.text, edited);
    assert.equal(ids(after.findings, 'doubled-word'), 0);
  });

  it('answers the same version and text from the cache', () => {
    const cache = new AnalysisCache();
    const doc = cache.document(uri, 3, text);
    assert.equal(cache.document(uri, 3, text.slice(0)), doc);
  });
});
