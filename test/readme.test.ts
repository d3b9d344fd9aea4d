import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RULES } from '../server/src/rules/registry';

const root = process.cwd();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

function section(name: string): string {
  const start = readme.indexOf(`<!-- ${name}:start -->`);
  const end = readme.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `README.md has the ${name} markers`);
  return readme.slice(start, end);
}

describe('the README', () => {
  it('has the rule and settings tables that scripts/readme-rules.mjs writes today', function () {
    this.timeout(30_000);
    const run = spawnSync(process.execPath, ['scripts/readme-rules.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    assert.equal(run.status, 0, `${run.stderr}${run.stdout}`);
  });

  it('lists every rule of the registry once, and no other, each linked to its page', () => {
    const listed = [...section('rules').matchAll(/^\| \[`([a-z-]+)`\]\(docs\/rules\/([a-z-]+)\.md\) \|/gm)];
    assert.deepEqual(listed.map((m) => m[1]), RULES.map((r) => r.meta.id));
    for (const [, id, page] of listed) {
      assert.equal(page, id);
      assert.ok(existsSync(join(root, 'docs/rules', `${page}.md`)), `docs/rules/${page}.md exists`);
    }
  });

  it('lists every setting the extension contributes', () => {
    const settings = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).contributes.configuration.properties);
    const listed = [...section('settings').matchAll(/^\| `(policywright\.[\w.]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(listed, settings);
  });

  it('shows pictures that exist, and links only to files that exist', () => {
    const targets = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t) && !t.startsWith('#'));
    const pictures = targets.filter((t) => t.endsWith('.png'));
    assert.ok(pictures.length >= 3, 'the README shows the extension at work');
    for (const t of targets) assert.ok(existsSync(join(root, t.split('#')[0])), `${t} exists`);
    for (const p of pictures) assert.equal(readFileSync(join(root, p)).subarray(1, 4).toString(), 'PNG', `${p} is a PNG`);
    assert.ok(pictures.every((p) => dirname(p) === 'docs/images'), 'pictures live in docs/images, where the end-to-end run writes them');
  });

  it('shows a CI job that uploads SARIF output with the permission GitHub requires', () => {
    assert.match(readme, /check --format sarif/);
    assert.match(readme, /github\/codeql-action\/upload-sarif/);
    assert.match(readme, /security-events: write/);
  });
});
