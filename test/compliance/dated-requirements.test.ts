import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeDoc } from '../support/doc';
import { defaultAnalysisOptions, runRules, type ReportedFinding } from '../../server/src/rules/engine';
import { complianceStatus, horizonOf, isIsoDay, LAWS } from '../../server/src/facts/requirements';
import { normalizeSettings } from '../../server/src/settings';
import { runCli } from '../../server/src/cli/check';

// Requirements carry the day they apply from (and until): the checks read the law as it stands on the
// day checked, today or `policywright.compliance.asOf` / `--as-of`, and announce once per law what
// takes effect within six months.
const COMPLIANCE = join(process.cwd(), 'test', 'fixtures', 'compliance');
const COMPLETE = readFileSync(join(COMPLIANCE, 'complete-eu-uk-us-ca.md'), 'utf8');
const CONTROLLER_COMPLAINTS = 'You can complain to us about how we use your personal information. Email privacy@lanternfield.example with “Complaint” in the subject line. We acknowledge every complaint within 30 days, investigate it, and tell you what we found and what we will do.\n\n';
// The complete policy without its complaints-to-us paragraph (DPA 2018 s.164A, in force 19 June 2026).
const WITHOUT_CONTROLLER_COMPLAINTS = COMPLETE.replace(CONTROLLER_COMPLAINTS, '');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const uk = (findings: readonly ReportedFinding[]) => findings.filter((f) => f.ruleId === 'missing-uk-gdpr-disclosure').map((f) => `${f.severity}: ${f.message}`);

describe('requirements with dates', () => {
  it('the fixture carries the controller-complaints paragraph once', () => {
    assert.equal(COMPLETE.split(CONTROLLER_COMPLAINTS).length, 2);
  });

  it('an item in force is reported missing', () => {
    const found = uk(runRules(makeDoc(WITHOUT_CONTROLLER_COMPLAINTS), { today: day('2026-08-01') }));
    assert.equal(found.length, 1);
    assert.match(found[0], /^warning: Missing for the UK GDPR: how to complain to the company \(Data Protection Act 2018 s\.164A/);
  });

  it('an item taking effect within six months is one information finding, saying when', () => {
    const found = uk(runRules(makeDoc(WITHOUT_CONTROLLER_COMPLAINTS), { today: day('2026-03-01') }));
    assert.deepEqual(found.length, 1);
    assert.match(found[0], /^information: From 19 June 2026, UK GDPR requires how to complain to the company \(.*s\.164A.*\): add it now so the policy is ready$/);
  });

  it('an item further ahead than six months is not mentioned, and a policy that already makes it gets no notice', () => {
    assert.deepEqual(uk(runRules(makeDoc(WITHOUT_CONTROLLER_COMPLAINTS), { today: day('2025-11-01') })), []);
    assert.deepEqual(uk(runRules(makeDoc(COMPLETE), { today: day('2026-03-01') })), []);
  });

  it('policywright.compliance.asOf checks another day than today', () => {
    const options = defaultAnalysisOptions();
    const asOf = { ...options, compliance: { ...options.compliance, asOf: '2026-03-01' } };
    const found = uk(runRules(makeDoc(WITHOUT_CONTROLLER_COMPLAINTS), { today: day('2026-11-22'), options: asOf }));
    assert.equal(found.length, 1);
    assert.match(found[0], /^information: From 19 June 2026/);
  });

  it('a law not yet in force checks none of its items; an item past its until is not checked', () => {
    const doc = makeDoc('---\njurisdictions: [us-ri]\nthresholds: met\n---\n# Privacy notice\n\nWe sell data.\n');
    const on = (iso: string) => complianceStatus(doc, undefined, day(iso)).find((s) => s.law.id === 'ridtppa')!;
    assert.deepEqual(on('2025-03-01').items, []);
    assert.deepEqual(on('2025-03-01').upcoming, []);
    assert.equal(on('2025-09-01').upcoming.length, 3);
    assert.equal(on('2026-01-01').items.length, 3);
    const gdpr = LAWS.find((l) => l.id === 'gdpr')!;
    assert.equal(gdpr.from, '2018-05-25');
    assert.ok(LAWS.every((l) => l.items.every((i) => i.from === undefined || isIsoDay(i.from))));
  });

  it('six months ahead ends on the same day of the month, or the month’s last day', () => {
    assert.equal(horizonOf('2026-08-01'), '2027-02-01');
    assert.equal(horizonOf('2026-08-31'), '2027-02-28');
    assert.equal(horizonOf('2026-12-02'), '2027-06-02');
    assert.ok(isIsoDay('2028-02-29'));
    assert.ok(!isIsoDay('2027-02-29'));
    assert.ok(!isIsoDay('2027-1-02'));
  });

  it('a setting that is not a day is a problem, and today is used', () => {
    const { settings, problems } = normalizeSettings({ compliance: { asOf: '1 Jan 2027' } });
    assert.equal(settings.compliance.asOf ?? '', '');
    assert.deepEqual(problems, ['`compliance.asOf` must be a day written YYYY-MM-DD, such as "2027-01-01", or empty for today (got "1 Jan 2027"); checking as of today']);
    assert.equal(normalizeSettings({ compliance: { asOf: '2027-01-02' } }).settings.compliance.asOf, '2027-01-02');
  });
});

describe('policywright check --as-of', () => {
  let folder = '';
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'policywright-as-of-'));
    writeFileSync(join(folder, 'privacy-policy.md'), WITHOUT_CONTROLLER_COMPLAINTS);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const run = (argv: string[]) => {
    let out = '';
    let err = '';
    const code = runCli(argv, { cwd: folder, today: day('2026-11-22'), out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err, uk: out.split('\n').filter((l) => l.includes(' missing-uk-gdpr-disclosure ')) };
  };

  it('gives different results before and after an item takes effect', () => {
    const path = join(folder, 'privacy-policy.md');
    const before = run(['check', '--as-of', '2026-03-01', path]);
    const after = run(['check', '--as-of', '2026-08-01', path]);
    assert.equal(before.uk.length, 1);
    assert.match(before.uk[0], / information missing-uk-gdpr-disclosure From 19 June 2026, /);
    assert.equal(after.uk.length, 1);
    assert.match(after.uk[0], / warning missing-uk-gdpr-disclosure Missing for the UK GDPR: how to complain to the company/);
  });

  it('refuses a day that is not YYYY-MM-DD, with exit code 2', () => {
    for (const bad of ['2027-13-01', '01/01/2027', 'tomorrow', '2027-02-29']) {
      const r = run(['check', '--as-of', bad, join(folder, 'privacy-policy.md')]);
      assert.equal(r.code, 2, bad);
      assert.equal(r.out, '');
      assert.equal(r.err, `policywright: --as-of must be a day written YYYY-MM-DD, such as 2027-01-01, not "${bad}"\n`);
    }
  });
});
