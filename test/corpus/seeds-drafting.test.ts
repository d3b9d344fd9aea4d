import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runRules, type ReportedFinding } from '../../server/src/rules/engine';
import { countWords } from '../../server/src/facts/text';
import type { PolicyDocument } from '../../server/src/model/policyDocument';
import { makeDoc } from '../support/doc';

// The seed policies are real published text kept outside the repository (see shared/corpus/README.md);
// the expectations are the drafting problems its README says a lawyer wants flagged, and its noise limit.
const SEEDS = join(process.cwd(), '..', 'shared', 'corpus', 'seeds');
const TODAY = new Date('2026-06-01T00:00:00Z');
const DRAFTING_RULES = [
  'undefined-term', 'unused-definition', 'conflicting-definition', 'term-before-definition', 'lower-case-defined-term',
  'broken-cross-reference', 'cross-reference-title-mismatch', 'table-of-contents-mismatch',
  'vague-term', 'long-sentence', 'all-caps-paragraph', 'hidden-actor-passive', 'reading-grade',
  'unbalanced-punctuation', 'doubled-possessive', 'typed-bullet', 'insecure-link', 'inconsistent-contact',
];
const MAX_PER_1000_WORDS = 5;

function analysed(prefix: string): { doc: PolicyDocument; findings: ReportedFinding[]; at: (ruleId: string) => number[] } {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`));
  assert.ok(name, `no seed ${prefix}_* in ${SEEDS}`);
  const doc = makeDoc(readFileSync(join(SEEDS, name), 'utf8'), `file:///seeds/${name}`);
  const findings = runRules(doc, { today: TODAY });
  return { doc, findings, at: (ruleId) => findings.filter((f) => f.ruleId === ruleId).map((f) => doc.lines.lineAt(f.start) + 1) };
}

if (!existsSync(SEEDS)) {
  console.log(`Seed corpus drafting checks not run: ${SEEDS} is absent (it lives outside the repository).`);
} else {
  describe('drafting findings on the real seed policies', () => {
    it('flag what the lawyer asks for in 003: the reference title, the contents, the quotes, the possessive, the capitals', () => {
      const { at } = analysed('003');
      assert.deepEqual(at('cross-reference-title-mismatch'), [99]);
      assert.ok(at('table-of-contents-mismatch').every((l) => l >= 43 && l <= 59) && at('table-of-contents-mismatch').length > 0);
      assert.ok(at('unbalanced-punctuation').includes(33));
      assert.deepEqual(at('doubled-possessive'), [230]);
      assert.deepEqual(at('all-caps-paragraph'), [37]);
    });

    it('say nothing about "Personal Information", which 003 defines on line 33 and uses consistently', () => {
      const { doc, findings } = analysed('003');
      const about = findings.filter((f) => /defin|term/.test(f.ruleId) && (/`Personal Information`/i.test(f.message) || /^personal information$/i.test(doc.text.slice(f.start, f.end))));
      assert.deepEqual(about.map((f) => `${f.ruleId}: ${f.message}`), []);
    });

    it('flag the typed bullets of 002 and the http:// links of 004', () => {
      assert.equal(analysed('002').at('typed-bullet').length, 1);
      assert.deepEqual(analysed('004').at('insecure-link'), [17, 45]);
    });

    for (const prefix of ['000', '001', '002', '003', '004']) {
      it(`keeps every drafting rule at or below ${MAX_PER_1000_WORDS} findings per 1,000 words on seed ${prefix}`, () => {
        const { doc, findings } = analysed(prefix);
        const words = countWords(doc.text);
        const noisy = DRAFTING_RULES.map((id) => [id, (1000 * findings.filter((f) => f.ruleId === id).length) / words] as const).filter(([, rate]) => rate > MAX_PER_1000_WORDS);
        assert.deepEqual(noisy, []);
      });
    }
  });
}

describe('drafting findings on a well-drafted policy', () => {
  it('are none at all', () => {
    const text = readFileSync(join(process.cwd(), 'test/fixtures/drafting/well-drafted-privacy-policy.md'), 'utf8');
    const findings = runRules(makeDoc(text), { today: TODAY }).filter((f) => DRAFTING_RULES.includes(f.ruleId));
    assert.deepEqual(findings.map((f) => `${f.ruleId}: ${f.message}`), []);
  });
});
