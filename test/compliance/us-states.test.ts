import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDoc } from '../support/doc';
import { runRules } from '../../server/src/rules/engine';
import { complianceStatus, LAWS } from '../../server/src/facts/requirements';

// A notice complete for the six state laws added with dated requirements (Utah, Oregon, Nebraska, New Jersey,
// Minnesota, Rhode Island): removing the passages that make one disclosure costs exactly the items that ask for it.
const TEXT = readFileSync(join(process.cwd(), 'test', 'fixtures', 'rules', 'missing-us-state-disclosure', 'clean-six-new-states.md'), 'utf8');
const TODAY = new Date(Date.UTC(2026, 10, 22));
const STATES = ['us-ut', 'us-or', 'us-ne', 'us-nj', 'us-mn', 'us-ri'];

const REMOVALS: Record<string, string[]> = {
  'categories-collected': ['## Personal data we collect\n\nWe collect your name, postal address, email address, order history and device identifiers. We do not process sensitive data.\n\n'],
  purposes: ['## How we use it\n\nWe use personal data to fulfil orders, to answer support questions and to show targeted advertising for our products.\n\n'],
  recipients: ['## Who we share it with\n\nWe share your name and postal address with carriers, your payment details with our payment processor, and device identifiers with advertising partners for targeted advertising. We sell device identifiers to Brightpath Ads Inc. and Lumen Audience Co.\n\n'],
  retention: ['## How long we keep it\n\nWe keep order records for seven years and delete support messages two years after the last reply.\n\n'],
  appeal: ['If we decline your request, you can appeal by replying to our answer within 60 days. If we deny your appeal, you can contact your state Attorney General.\n'],
  changes: ['## Changes to this notice\n\nWe will tell customers by email before a material change to this notice takes effect.\n'],
  'effective-date': ['Last updated: October 1, 2026\n\n'],
};

const missing = (text: string) =>
  complianceStatus(makeDoc(text), undefined, TODAY)
    .filter((s) => STATES.includes(s.law.jurisdiction))
    .flatMap((s) => s.items.filter((i) => !i.evidence).map((i) => i.requirement.id))
    .sort();

describe('a notice complete for Utah, Oregon, Nebraska, New Jersey, Minnesota and Rhode Island', () => {
  it('raises no finding for those laws', () => {
    assert.deepEqual(missing(TEXT), []);
    const findings = runRules(makeDoc(TEXT), { today: TODAY }).filter((f) => f.ruleId === 'missing-us-state-disclosure' || f.ruleId === 'missing-effective-date');
    assert.deepEqual(findings.map((f) => f.message), []);
  });

  for (const [disclosure, passages] of Object.entries(REMOVALS)) {
    it(`without ${disclosure}: exactly the items that ask for it are missing`, () => {
      let text = TEXT;
      for (const p of passages) {
        assert.equal(text.split(p).length, 2, `removal passage for ${disclosure} must occur exactly once`);
        text = text.replace(p, '');
      }
      const expected = LAWS.filter((l) => STATES.includes(l.jurisdiction))
        .flatMap((l) => l.items.filter((i) => i.disclosure === disclosure).map((i) => i.id))
        .sort();
      assert.ok(expected.length > 0);
      assert.deepEqual(missing(text), expected);
    });
  }

  it('gives errors with `thresholds: met`, and only information without it', () => {
    const text = TEXT.replace(REMOVALS.appeal[0], '');
    const severities = (t: string) => runRules(makeDoc(t), { today: TODAY }).filter((f) => f.ruleId === 'missing-us-state-disclosure').map((f) => f.severity);
    // The three laws that ask how to appeal miss it at the same place: one finding naming all three.
    assert.deepEqual(severities(text), ['error']);
    assert.deepEqual(severities(text.replace('thresholds: met\n', '')), ['information']);
  });

  it('is not taken to apply from a state address: the states are declared', () => {
    const undeclared = TEXT.replace('jurisdictions: [us-ut, us-or, us-ne, us-nj, us-mn, us-ri]\n', '');
    assert.deepEqual(complianceStatus(makeDoc(undeclared), undefined, TODAY).filter((s) => STATES.includes(s.law.jurisdiction)), []);
  });

  it('Rhode Island asks nothing of a notice that says it does not sell', () => {
    const noSale = TEXT.replace(' We sell device identifiers to Brightpath Ads Inc. and Lumen Audience Co.', ' We do not sell your personal data.').replace(REMOVALS['categories-collected'][0], '');
    assert.deepEqual(missing(noSale).filter((id) => id.startsWith('ridtppa.')), []);
    assert.ok(missing(noSale).includes('ucpa.categories-collected'));
  });
});
