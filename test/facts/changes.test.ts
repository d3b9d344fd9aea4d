import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareVersions } from '../../server/src/facts/changes';
import { runCli } from '../../server/src/cli/check';
import { lines, makeDoc } from '../support/doc';

// Two versions of one fictional policy written for this test: the newer one adds a data category and a recipient,
// reverses the sale statement, lengthens the retention period and only repunctuates the rights.
const FOLDER = join(process.cwd(), 'test', 'fixtures', 'changes');
const OLDER = readFileSync(join(FOLDER, 'older.md'), 'utf8');
const NEWER = readFileSync(join(FOLDER, 'newer.md'), 'utf8');

const compare = (a: string, b: string) => {
  const newer = makeDoc(b, 'file:///work/newer.md');
  const result = compareVersions(makeDoc(a, 'file:///work/older.md'), newer);
  return { result, summary: result.changes.filter((c) => c.kind !== 'other').map((c) => `${c.kind} ${c.how}${c.why ? ` (${c.why.split(':')[0]})` : ''}`) };
};

describe('comparing two versions of a policy', () => {
  it('reports each change of substance by kind, and nothing for a repunctuated passage', () => {
    const { result, summary } = compare(OLDER, NEWER);
    assert.deepEqual(summary, ['categories changed (words added)', 'recipients added', 'sale changed (a negation changed)', 'retention changed (a number changed)']);
    assert.equal(result.material, true);
    assert.equal(result.dateUpdated, false);
    // The rights passage only gained a comma: the same words, so the same passage, not even a wording edit.
    assert.equal(result.wordingEdits, 0);
  });

  it('sees the date move, and a date-only change is no material change', () => {
    const bumped = OLDER.replace('4 March 2025', '9 June 2026');
    const { result, summary } = compare(OLDER, bumped);
    assert.deepEqual(summary, []);
    assert.equal(result.material, false);
    assert.equal(result.dateUpdated, true);
  });

  it('calls moved paragraphs, fixed typos and new formatting no material change', () => {
    const older = lines('# Policy', '', 'We keep order records for two years.', '', 'We share your adress with the courier.', '', 'You can ask us to delete your data.');
    const newer = lines('# Policy', '', 'You can ask us to **delete** your data.', '', 'We keep order records for two years.', '', 'We share your address with the courier.');
    const { result } = compare(older, newer);
    assert.deepEqual(result.changes, []);
    assert.equal(result.material, false);
  });

  it('reports a removed passage at its place in the older version', () => {
    const older = lines('# Policy', '', '## Transfers', '', 'We store your data in the United States under the standard contractual clauses.', '', '## Contact', '', 'Write to us.');
    const newer = lines('# Policy', '', '## Contact', '', 'Write to us.');
    const { result, summary } = compare(older, newer);
    assert.deepEqual(summary, ['section removed', 'transfers removed']);
    assert.ok(result.changes.every((c) => c.inOlder));
  });
});

describe('policywright diff', () => {
  const run = (args: string[]) => {
    let out = '';
    let err = '';
    const code = runCli(args, { cwd: FOLDER, out: (t) => (out += t), err: (t) => (err += t) });
    return { code, out, err };
  };

  it('lists the material changes and exits 1 when the date was not updated', () => {
    const { code, out } = run(['diff', 'older.md', 'newer.md']);
    assert.equal(code, 1);
    assert.match(out, /^newer\.md:17 sale or sharing changed \(a negation changed\): “We may sell your personal information\.”$/m);
    assert.match(out, /Material change, but the policy date was not updated/);
  });

  it('writes a Markdown table for a pull request and JSON for a tool', () => {
    assert.match(run(['diff', '--format', 'markdown', 'older.md', 'newer.md']).out, /^\| retention \| changed \(a number changed\) \| newer\.md:21 \|/m);
    const json = JSON.parse(run(['diff', '--format', 'json', 'older.md', 'newer.md']).out);
    assert.equal(json.material, true);
    assert.equal(json.changes.find((c: { kind: string }) => c.kind === 'recipients').how, 'added');
  });

  it('exits 0 for the same text, and 2 with a message for a missing file or a third path', () => {
    assert.equal(run(['diff', 'older.md', 'older.md']).code, 0);
    const missing = run(['diff', 'older.md', 'nowhere.md']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nowhere\.md/);
    assert.equal(run(['diff', 'older.md', 'newer.md', 'older.md']).code, 2);
  });
});
