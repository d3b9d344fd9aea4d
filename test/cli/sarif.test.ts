import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { runCli } from '../../server/src/cli/check';
import { toUri } from '../../server/src/cli/sarif';
import { docsUrl, RULES } from '../../server/src/rules/registry';
import { lines } from '../support/doc';

// The SARIF 2.1.0 schema, vendored (see test/fixtures/sarif/README.md). It is a draft-04 schema whose
// keywords mean the same in ajv's draft-07; only the root `id` is draft-04 spelling. Its `language`
// pattern is not a valid Unicode-mode expression, hence `unicodeRegExp: false`.
function sarifValidator() {
  const { id, $schema: _draft, ...schema } = JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', { validate: (x: string) => URL.canParse(x) });
  ajv.addFormat('uri-reference', { validate: (x: string) => !/[\s<>"{}|\\^`]/.test(x) && URL.canParse(x, 'file:///base/') });
  ajv.addFormat('date-time', { validate: (x: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(x) && !Number.isNaN(Date.parse(x)) });
  const compiled = ajv.compile({ $id: id, ...schema });
  // A plain boolean, not ajv's type guard, so the log keeps its JSON type after the check.
  const validate = (log: unknown): boolean => compiled(log);
  return Object.defineProperty(validate, 'errors', { get: () => compiled.errors }) as typeof validate & { readonly errors: typeof compiled.errors };
}

// Fixed "today", so the stale-date finding is always there and always says the same.
const TODAY = new Date(Date.UTC(2026, 5, 1));
const POLICY = lines(
  '# Privacy Policy',
  '',
  'Last updated: 1 March 2024',
  '',
  '## Who we are',
  '',
  '🍵 Leafline Ltd is the controller. Our officer is [DPO NAME].',
  '',
  'We follow the Data Protection Act 1998 and and the law.',
  '',
);

// Named as a file, relative to the run's folder: the path a CI job would pass, with a space to encode.
const FILE = 'legal docs/privacy-policy.md';

function check(cwd: string, ...argv: string[]) {
  let out = '';
  let err = '';
  const code = runCli(['check', ...argv], { cwd, today: TODAY, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine: number; endColumn: number } } }>;
  partialFingerprints: Record<string, string>;
}

describe('policywright check --format sarif', () => {
  const validate = sarifValidator();
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'policywright-sarif-'));
    mkdirSync(join(dir, 'legal docs'));
    writeFileSync(join(dir, 'legal docs', 'privacy-policy.md'), POLICY);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a log that is valid against the SARIF 2.1.0 schema', () => {
    const { code, out } = check(dir, '--format', 'sarif', FILE);
    assert.equal(code, 1, 'errors found, as with the text format');
    const log = JSON.parse(out);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: true }]);
  });

  it('is checked by a validator that rejects a broken log', () => {
    const log = JSON.parse(check(dir, '--format', 'sarif', FILE).out);
    const broken = structuredClone(log);
    delete broken.runs[0].tool.driver.name;
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
    const paths = (validate.errors ?? []).map((e) => e.instancePath);
    assert.ok(paths.includes('/runs/0/tool/driver'), paths.join(', '));
    assert.ok(paths.includes('/runs/0/results/0/locations/0/physicalLocation/region/startLine'), paths.join(', '));
  });

  it('describes every rule of the registry with its documentation link', () => {
    const { rules } = JSON.parse(check(dir, '--format', 'sarif', FILE).out).runs[0].tool.driver;
    assert.deepEqual(rules.map((r: { id: string }) => r.id), RULES.map((r) => r.meta.id));
    for (const [i, rule] of RULES.entries()) {
      assert.equal(rules[i].shortDescription.text, rule.meta.description);
      assert.equal(rules[i].fullDescription.text, rule.meta.explanation);
      assert.equal(rules[i].helpUri, docsUrl(rule.meta.id));
      if (rule.meta.legalSource) assert.ok(rules[i].help.text.includes(rule.meta.legalSource), `${rule.meta.id} help names its legal source`);
    }
  });

  it('reports the same findings, places and messages as the text format', () => {
    const text = check(dir, FILE).out.trim().split('\n');
    const results: SarifResult[] = JSON.parse(check(dir, '--format', 'sarif', FILE).out).runs[0].results;
    const fromSarif = results.map((r) => {
      const { artifactLocation, region } = r.locations[0].physicalLocation;
      return `${decodeURIComponent(artifactLocation.uri)}:${region.startLine}:${region.startColumn} ${r.ruleId} ${r.message.text}`;
    });
    const fromText = text.map((l) => l.replace(/^(.+?:\d+:\d+) (?:error|warning|information|hint) /, '$1 '));
    assert.deepEqual(fromSarif, fromText);
    for (const id of ['stale-effective-date', 'unfilled-placeholder', 'outdated-legal-reference', 'doubled-word']) assert.ok(results.some((r) => r.ruleId === id), id);
  });

  it('maps severities to SARIF levels and points each result at its rule', () => {
    const log = JSON.parse(check(dir, '--format', 'sarif', FILE).out);
    const { rules } = log.runs[0].tool.driver;
    for (const r of log.runs[0].results as SarifResult[]) {
      assert.equal(rules[r.ruleIndex].id, r.ruleId);
      // The stale date is a hint (SARIF note) here: nothing in this policy makes California law apply.
      const expected = { 'outdated-legal-reference': 'error', 'unfilled-placeholder': 'error', 'stale-effective-date': 'note', 'doubled-word': 'warning' }[r.ruleId];
      if (expected) assert.equal(r.level, expected, r.ruleId);
    }
    const information = rules.find((r: { id: string }) => RULES.find((x) => x.meta.id === r.id)?.meta.defaultSeverity === 'information');
    if (information) assert.equal(information.defaultConfiguration.level, 'note');
  });

  it('counts columns in UTF-16 code units, as editors do, after an emoji', () => {
    const results: SarifResult[] = JSON.parse(check(dir, '--format', 'sarif', FILE).out).runs[0].results;
    const placeholder = results.find((r) => r.ruleId === 'unfilled-placeholder')!.locations[0].physicalLocation.region;
    const line = POLICY.split('\n')[6];
    assert.equal(placeholder.startColumn, line.indexOf('[DPO NAME]') + 1);
    assert.equal(placeholder.endColumn, line.indexOf('[DPO NAME]') + '[DPO NAME]'.length + 1, 'the end column is exclusive');
  });

  it('gives repository-relative URIs with spaces encoded, and file URIs for absolute paths', () => {
    const results: SarifResult[] = JSON.parse(check(dir, '--format', 'sarif', FILE).out).runs[0].results;
    assert.ok(results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri === 'legal%20docs/privacy-policy.md'));
    assert.equal(toUri('./policies/privacy policy.md'), 'policies/privacy%20policy.md');
    assert.equal(toUri('/srv/site/privacy.md'), 'file:///srv/site/privacy.md');
  });

  it('keeps each fingerprint when a line is added above, and keeps fingerprints unique', () => {
    const before: SarifResult[] = JSON.parse(check(dir, '--format', 'sarif', FILE).out).runs[0].results;
    writeFileSync(join(dir, 'legal docs', 'privacy-policy.md'), POLICY.replace('## Who we are\n', '## Who we are\n\nA new paragraph.\n'));
    try {
      const after: SarifResult[] = JSON.parse(check(dir, '--format', 'sarif', FILE).out).runs[0].results;
      const prints = (rs: SarifResult[]) => rs.map((r) => r.partialFingerprints['policywright/v1']);
      assert.equal(new Set(prints(before)).size, before.length);
      const moved = after.find((r) => r.ruleId === 'unfilled-placeholder')!;
      assert.equal(moved.locations[0].physicalLocation.region.startLine, 9, 'the finding moved down two lines');
      assert.deepEqual(prints(after), prints(before));
    } finally {
      writeFileSync(join(dir, 'legal docs', 'privacy-policy.md'), POLICY);
    }
  });

  it('says the run did not succeed when a named file cannot be read, and still lists the rules', () => {
    const { code, out } = check(dir, '--format', 'sarif', FILE, 'missing-policy.md');
    assert.equal(code, 2);
    const log = JSON.parse(out);
    assert.ok(validate(log), JSON.stringify(validate.errors));
    assert.deepEqual(log.runs[0].invocations, [{ executionSuccessful: false }]);
    assert.equal(log.runs[0].tool.driver.rules.length, RULES.length);
  });
});
