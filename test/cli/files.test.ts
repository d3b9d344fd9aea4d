import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lines } from '../support/doc';

/**
 * What the command reads from the paths it is given: regular files only, each once by its real
 * path, and nothing larger than its read limit; every path it skips is named on standard error with
 * the reason. These run the bundled command (`node build.mjs --tests` builds dist/) in a child
 * process, because a command that blocks on a pipe blocks the whole process it runs in: in-process,
 * a regression would hang the suite instead of failing this test.
 */
const CLI = join(process.cwd(), 'dist/cli.js');

function cli(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  assert.equal(run.error, undefined, `the command did not finish: ${String(run.error)}`);
  return { code: run.status, out: run.stdout, err: run.stderr };
}

// Fails once, with a missing date: enough to see the policy was checked, and how many times.
const POLICY = lines('# Privacy Policy', '', 'We collect your email address to send you receipts.', '');

const mkfifo = (path: string) => {
  const made = spawnSync('mkfifo', [path]);
  assert.equal(made.status, 0, `mkfifo ${path}: ${made.stderr}`);
};

describe('the files policywright check reads', function () {
  if (process.platform === 'win32') return;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'policywright-files-'));
    writeFileSync(join(dir, 'privacy-policy.md'), POLICY);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a named pipe named on the command line, without waiting for a writer, and still checks the others', () => {
    mkfifo(join(dir, 'pipe-policy.md'));
    const { code, err } = cli(['pipe-policy.md', 'privacy-policy.md'], dir);
    assert.match(err, /^policywright: pipe-policy\.md: is a named pipe, not a regular file; not read$/m);
    assert.match(err, /^1 policy checked/m);
    assert.equal(code, 2, 'a file named on the command line that cannot be read is exit code 2, as documented');
  });

  it('skips a named pipe met while searching a folder, names it, and keeps the exit code of the findings', () => {
    mkfifo(join(dir, 'notice-pipe.md'));
    const { code, err } = cli(['.'], dir);
    assert.match(err, /^policywright: notice-pipe\.md: is a named pipe, not a regular file; skipped$/m);
    assert.match(err, /^1 policy checked: 0 errors, 1 warning/m);
    assert.equal(code, 0, 'a skipped path is neither "errors found" nor a failure of the run');
  });

  it('refuses a character device such as /dev/zero', () => {
    const { code, err } = cli(['/dev/zero', 'privacy-policy.md'], dir);
    assert.match(err, /^policywright: \/dev\/zero: is a device, not a regular file; not read$/m);
    assert.match(err, /^1 policy checked/m);
    assert.equal(code, 2);
  });

  it('checks a policy once when a link inside its folder leads back up (up -> ..)', () => {
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'a', 'b', 'cookie-policy.md'), POLICY);
    symlinkSync('..', join(dir, 'a', 'b', 'up'));
    symlinkSync('../..', join(dir, 'a', 'b', 'top'));
    const { code, out, err } = cli(['.'], dir);
    assert.match(err, /^2 policies checked: 0 errors, 2 warnings/m, err);
    assert.deepEqual(out.split('\n').filter(Boolean).map((l) => l.split(':')[0]).sort(), [join('a', 'b', 'cookie-policy.md'), 'privacy-policy.md']);
    assert.match(err, /^policywright: a\/b\/up: is a link to a folder; not followed \(name the folder itself to check it\)$/m);
    assert.equal(code, 0);
  });

  it('reads a file once when it is named twice or reached through a link to it', () => {
    symlinkSync('privacy-policy.md', join(dir, 'privacy-policy-link.md'));
    const { err } = cli(['privacy-policy.md', '.', 'privacy-policy-link.md'], dir);
    assert.match(err, /^1 policy checked/m);
    assert.match(err, /^policywright: privacy-policy-link\.md: is the same file as privacy-policy\.md; checked once$/m);
  });

  it('checks the size before reading: a file above the read limit is refused unread', () => {
    // A sparse file: 50 MB long on paper, nothing written, so the test stays cheap.
    const fd = openSync(join(dir, 'huge-policy.md'), 'w');
    ftruncateSync(fd, 50_000_000);
    closeSync(fd);
    const { code, err } = cli(['huge-policy.md', 'privacy-policy.md'], dir);
    assert.match(err, /^policywright: huge-policy\.md: is 50\.0 MB, larger than the 20\.0 MB the command reads \(ten times “maxFileSize”\); not read$/m);
    assert.match(err, /^1 policy checked/m);
    assert.equal(code, 2);
  });

  it('names a broken link met while searching a folder', () => {
    symlinkSync('gone.md', join(dir, 'old-policy.md'));
    const { code, err } = cli(['.'], dir);
    assert.match(err, /^policywright: old-policy\.md: is a link to nothing \(ENOENT\); skipped$/m);
    assert.equal(code, 0);
  });
});

describe('policywright check on hostile front matter and options', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'policywright-hostile-'));
    writeFileSync(join(dir, 'privacy-policy.md'), POLICY);
    writeFileSync(
      join(dir, 'bomb-policy.md'),
      lines('---', 'a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', '---', POLICY),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('reports a YAML alias bomb as front-matter-invalid, checks the rest of that file, and the other files', () => {
    const { code, out, err } = cli(['bomb-policy.md', 'privacy-policy.md'], dir);
    assert.doesNotMatch(err, /ReferenceError|at .*\(/, 'no stack trace');
    assert.match(out, /^bomb-policy\.md:4:1 error front-matter-invalid Front matter “c” repeats YAML aliases too often to be read/m);
    assert.match(out, /^bomb-policy\.md:\d+:\d+ warning missing-effective-date /m, 'the body of the policy is checked too');
    assert.match(out, /^privacy-policy\.md:/m);
    assert.match(err, /^2 policies checked: 1 error/m);
    assert.equal(code, 1, 'the finding is an error, so "errors found"');
  });

  for (const code of ['constructor', '__proto__', 'toString']) {
    it(`refuses --jurisdictions ${code}, naming the valid codes`, () => {
      const run = cli(['--jurisdictions', code, 'privacy-policy.md'], dir);
      assert.match(run.err, new RegExp(`^policywright: --jurisdictions names an unknown jurisdiction "${code.toLowerCase()}"; known codes: eu, uk, us, us-ca`, "m"));
      assert.equal(run.code, 2);
      const plain = cli(['privacy-policy.md'], dir);
      assert.equal(run.out, plain.out, 'and the findings are those of a run without the bad code');
    });
  }
});
