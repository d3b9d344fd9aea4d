import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lines } from '../support/doc';
import { runCli } from '../../server/src/cli/check';

// Fixture paths are given relative to the repository root, which is also the in-process cwd: folder
// walking resolves against process.cwd() rather than io.cwd (reported as a bug), so the two must agree here.
const F = 'test/fixtures/cli';
const FIXTURES = join(process.cwd(), F);
// The fixtures are dated 1 March 2024; checking them "on" 1 June 2024 keeps the stale-date rule quiet for ever.
const JUNE_2024 = new Date(Date.UTC(2024, 5, 1));
const LINE = /^(.+):(\d+):(\d+) (error|warning|information|hint) ([a-z]+(?:-[a-z]+)*) (.+)$/;

/** Runs the command in-process; `today: null` means the real date. */
function run(argv: string[], cwd = process.cwd(), today: Date | null = JUNE_2024) {
  let out = '';
  let err = '';
  const code = runCli(argv, { cwd, today: today ?? undefined, out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Each output line as `path:line:col rule-id`, after checking it has the documented shape. */
function findings(out: string): string[] {
  return out
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const m = LINE.exec(l);
      assert.ok(m, `not "path:line:col severity rule-id message": ${l}`);
      return `${m[1]}:${m[2]}:${m[3]} ${m[5]}`;
    });
}

// A policy with nothing to report, dated today so that it stays clean whenever the suite runs.
const CLEAN = lines(
  '# Privacy Policy',
  '',
  `Last updated: ${new Date().toISOString().slice(0, 10)}`,
  '',
  '## Who we are',
  '',
  'Northwind Bakery Ltd runs this website and decides how your personal data is used.',
  '',
  '## Your rights',
  '',
  'You can ask us for a copy of your data at any time by writing to privacy@northwind.example.',
  '',
);

describe('policywright check', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'policywright-cli-'));
    writeFileSync(join(dir, 'privacy-policy.md'), CLEAN);
    writeFileSync(join(dir, 'cookie-policy.md'), Buffer.from([0x23, 0x20, 0x43, 0x00, 0x01, 0x02, 0xff]));
    writeFileSync(join(dir, 'latin1-policy.md'), Buffer.concat([Buffer.from('# Privacy Policy\n\nWe are based in Z'), Buffer.from([0xfc]), Buffer.from('rich.\n')]));
    writeFileSync(join(dir, 'broken.json'), '{ "rules": { "doubled-word": "off", } ');
    writeFileSync(join(dir, 'unknown-rule.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    writeFileSync(join(dir, 'quiet.json'), JSON.stringify({ rules: { 'doubled-word': 'off' } }));
    mkdirSync(join(dir, 'with-bad-default-config'));
    writeFileSync(join(dir, 'with-bad-default-config', '.policywright.json'), '{ not json');
    writeFileSync(join(dir, 'with-bad-default-config', 'privacy-policy.md'), CLEAN);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 and prints no findings for a clean policy', () => {
    const { code, out, err } = run(['check', 'privacy-policy.md'], dir, null);
    assert.equal(out, '');
    assert.equal(code, 0, err);
    assert.match(err, /^1 policy checked: 0 errors, 0 warnings, 0 other$/m);
  });

  it('checks the disclosures of the jurisdictions given with --jurisdictions, and refuses an unknown code', () => {
    const { code, out } = run(['check', '--jurisdictions', 'eu', 'privacy-policy.md'], dir, null);
    assert.equal(code, 1, 'a declared law makes the missing items errors');
    assert.ok(findings(out).some((l) => l.endsWith(' missing-gdpr-disclosure')), out);
    const bad = run(['check', '--jurisdictions', 'eu,mars', 'privacy-policy.md'], dir, null);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--jurisdictions names an unknown jurisdiction "mars"/);
  });

  it('exits 1 and prints one line per finding when a policy has errors', () => {
    const { code, out } = run(['check', `${F}/errors/privacy-policy.md`]);
    assert.equal(code, 1);
    assert.deepEqual(findings(out), [
      `${F}/errors/privacy-policy.md:7:8 unfilled-placeholder`,
      `${F}/errors/privacy-policy.md:11:27 outdated-legal-reference`,
      `${F}/errors/privacy-policy.md:11:55 doubled-word`,
    ]);
    const text = out.split('\n');
    assert.ok(text.some((l) => l.startsWith(`${F}/errors/privacy-policy.md:7:8 error unfilled-placeholder `) && l.includes('“[COMPANY NAME]”')), out);
    assert.ok(text.some((l) => l.startsWith(`${F}/errors/privacy-policy.md:11:55 warning doubled-word `)), out);
  });

  it('prints the findings as JSON with --format json', () => {
    const { code, out } = run(['check', '--format', 'json', `${F}/errors`]);
    assert.equal(code, 1);
    const report = JSON.parse(out) as { version: number; findings: Array<Record<string, unknown>> };
    assert.equal(report.version, 1);
    assert.deepEqual(report.findings.map((f) => `${f.path}:${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.severity} ${f.ruleId}`), [
      `${F}/errors/privacy-policy.md:7:8-7:22 error unfilled-placeholder`,
      `${F}/errors/privacy-policy.md:11:27-11:45 error outdated-legal-reference`,
      `${F}/errors/privacy-policy.md:11:55-11:62 warning doubled-word`,
    ]);
    for (const f of report.findings) {
      assert.equal(typeof f.message, 'string');
      assert.ok(Array.isArray(f.fixes));
    }
    assert.equal((report.findings.find((f) => f.ruleId === 'doubled-word')?.fixes as string[]).length, 1);
  });

  it('checks only the policies when walking a folder', () => {
    const { code, out } = run(['check', `${F}/mixed`]);
    assert.equal(code, 0);
    assert.deepEqual(findings(out), [`${F}/mixed/privacy-policy.md:7:9 doubled-word`]);
  });

  it('reads a plain-text draft named on the command line as Markdown and finds its plain-line headings', () => {
    const { code, out } = run(['check', `${F}/txt/draft.txt`]);
    assert.equal(code, 1);
    // `TBD` in a code span is not a blank: the file went through the Markdown parser, not a plain scan.
    assert.deepEqual(findings(out), [
      `${F}/txt/draft.txt:1:1 plain-line-heading`,
      `${F}/txt/draft.txt:5:1 plain-line-heading`,
      `${F}/txt/draft.txt:7:63 unfilled-placeholder`,
      `${F}/txt/draft.txt:9:1 plain-line-heading`,
      `${F}/txt/draft.txt:11:9 doubled-word`,
    ]);
  });

  it('applies the rule settings of a config file', () => {
    const { code, out } = run(['check', '--config', join(dir, 'quiet.json'), `${F}/errors`]);
    assert.equal(code, 1);
    assert.deepEqual(findings(out), [`${F}/errors/privacy-policy.md:7:8 unfilled-placeholder`, `${F}/errors/privacy-policy.md:11:27 outdated-legal-reference`]);
  });

  describe('exits 2 on bad usage', () => {
    const cases: Array<[string, string[], RegExp]> = [
      ['no command', [], /missing command/],
      ['an unknown command', ['lint', `${F}/errors`], /unknown command "lint"/],
      ['an unknown --format', ['check', '--format', 'xml', `${F}/errors`], /--format must be "text" or "json"/],
      ['no files or folders', ['check'], /name at least one file or folder/],
      ['a folder with no policies', ['check', `${F}/no-policies`], /no policies found in test\/fixtures\/cli\/no-policies/],
    ];
    for (const [what, argv, message] of cases) {
      it(`with ${what}`, () => {
        const { code, out, err } = run(argv);
        assert.equal(code, 2);
        assert.equal(out, '');
        assert.match(err, message);
      });
    }
  });

  it('exits 2 for a missing file but still checks and reports the other files', () => {
    const { code, out, err } = run(['check', 'missing-policy.md', `${F}/errors/privacy-policy.md`]);
    assert.equal(code, 2);
    assert.match(err, /missing-policy\.md: no such file or folder/);
    assert.equal(findings(out).length, 3);
  });

  it('exits 2 when the default config file is not valid JSON', () => {
    const { code, err } = run(['check', 'privacy-policy.md'], join(dir, 'with-bad-default-config'), null);
    assert.equal(code, 2);
    assert.match(err, /config \.policywright\.json: /);
  });

  it('exits 2 when a --config file is not valid JSON or names an unknown rule', () => {
    const broken = run(['check', '--config', 'broken.json', 'privacy-policy.md'], dir, null);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /config broken\.json: /);
    const unknown = run(['check', '--config', 'unknown-rule.json', 'privacy-policy.md'], dir, null);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown rule "no-such-rule"/);
  });

  it('exits 2 for a binary file named on the command line', () => {
    const { code, err } = run(['check', 'cookie-policy.md'], dir);
    assert.equal(code, 2);
    assert.match(err, /cookie-policy\.md: looks like a binary file/);
  });

  it('exits 2 for a file that is not valid UTF-8', () => {
    const { code, err } = run(['check', 'latin1-policy.md'], dir);
    assert.equal(code, 2);
    assert.match(err, /latin1-policy\.md: is not valid UTF-8/);
  });
});

describe('the policywright bin', () => {
  // dist/cli.js is built by `node build.mjs --tests` before the tests run.
  const bin = (...args: string[]) => spawnSync(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], { cwd: FIXTURES, encoding: 'utf8' });

  it('runs as a program and exits 1 with findings for a policy with errors', () => {
    const { status, stdout, stderr } = bin('check', 'errors/privacy-policy.md');
    assert.equal(status, 1, stderr);
    // Run on today's date, so a stale-date warning may join the findings the in-process tests pin down.
    const found = findings(stdout).filter((f) => !f.endsWith('stale-effective-date'));
    assert.deepEqual(found, ['errors/privacy-policy.md:7:8 unfilled-placeholder', 'errors/privacy-policy.md:11:27 outdated-legal-reference', 'errors/privacy-policy.md:11:55 doubled-word']);
    assert.match(stderr, /1 policy checked: 2 errors/);
  });

  it('exits 2 with the usage when run without a command', () => {
    const { status, stderr } = bin();
    assert.equal(status, 2);
    assert.match(stderr, /Usage: policywright check/);
  });
});
