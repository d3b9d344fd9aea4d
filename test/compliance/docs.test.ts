import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAWS } from '../../server/src/facts/requirements';
import { COMPLIANCE_RULES } from '../../server/src/rules/compliance';

// The compliance rules' pages carry a table generated from requirements.json by
// scripts/compliance-docs.mjs; these tests keep the pages from drifting away from the data.
const root = process.cwd();
const DOCS = join(root, 'docs', 'rules');
const page = (id: string) => readFileSync(join(DOCS, `${id}.md`), 'utf8');
const run = (...args: string[]) => spawnSync(process.execPath, ['scripts/compliance-docs.mjs', '--check', ...args], { cwd: root, encoding: 'utf8' });

function region(text: string, name: string): string {
  const start = text.indexOf(`<!-- ${name}:start -->`);
  const end = text.indexOf(`<!-- ${name}:end -->`);
  assert.ok(start >= 0 && end > start, `the page has the ${name} markers`);
  return text.slice(start, end);
}

/** The Provision column of each table row, unescaped. */
function provisions(table: string): string[] {
  return [...table.matchAll(/^\| (?!Disclosure \||---)(?:[^|\\]|\\.)+ \| ((?:[^|\\]|\\.)+) \|/gm)].map((m) => m[1].replace(/\\\|/g, '|'));
}

describe('the compliance rules’ pages', () => {
  it('have the descriptions and tables that scripts/compliance-docs.mjs writes today', function () {
    this.timeout(60_000);
    const result = run();
    assert.equal(result.status, 0, `${result.stderr}${result.stdout}`);
  });

  for (const rule of COMPLIANCE_RULES) {
    const id = rule.meta.id;
    const laws = LAWS.filter((l) => l.rule === id);

    it(`list every item of ${laws.map((l) => l.name).join(', ')} once, in order, with its provision, on the ${id} page`, () => {
      const table = region(page(id), 'requirements');
      assert.deepEqual(provisions(table), laws.flatMap((l) => l.items.map((i) => i.article)));
      for (const law of laws) assert.ok(table.includes(law.source), `the page cites ${law.source}`);
    });

    it(`tell on the ${id} page how to declare ${[...new Set(laws.map((l) => l.jurisdiction))].join(', ')}`, () => {
      const text = page(id);
      for (const code of new Set(laws.map((l) => l.jurisdiction))) {
        assert.match(text, new RegExp(`[\\[\`]${code}[\\]\`,]`), `the page shows the jurisdiction code ${code}`);
      }
    });
  }

  it('are reported as out of date when a table row or a marker is lost', function () {
    this.timeout(60_000);
    const dir = mkdtempSync(join(tmpdir(), 'policywright-compliance-docs-'));
    try {
      for (const rule of COMPLIANCE_RULES) copyFileSync(join(DOCS, `${rule.meta.id}.md`), join(dir, `${rule.meta.id}.md`));
      const [first, second] = COMPLIANCE_RULES.map((r) => r.meta.id);
      const lines = readFileSync(join(dir, `${first}.md`), 'utf8').split('\n');
      writeFileSync(join(dir, `${first}.md`), lines.filter((l, i) => !(l.startsWith('| ') && lines[i - 1]?.startsWith('| ---'))).join('\n'));
      writeFileSync(join(dir, `${second}.md`), readFileSync(join(dir, `${second}.md`), 'utf8').replace('<!-- requirements:end -->', ''));
      const result = run('--docs', dir);
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`${first}\\.md: the description or the table of required items is out of date`));
      assert.match(result.stderr, new RegExp(`${second}\\.md: needs the markers`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
