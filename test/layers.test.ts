import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

// The layer check (.dependency-cruiser.cjs) runs here, so an import that points up a layer, a
// client file that imports server code, or a cycle fails `npm test`.
const ROOT = process.cwd();
const CRUISER = resolve(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');
const CONFIG = resolve(ROOT, '.dependency-cruiser.cjs');

function cruise(cwd: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [CRUISER, '--config', CONFIG, '--output-type', 'err', 'server/src', 'client/src'], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('layers', () => {
  it('point down only, with no cycles, and the client imports only the protocol', () => {
    const { status, output } = cruise(ROOT);
    assert.equal(status, 0, output);
  });

  it('the check fails on an import back up a layer and on a cycle', () => {
    // A small tree shaped like ours, so the check is known to look, not merely to pass.
    const dir = mkdtempSync(join(tmpdir(), 'policywright-layers-'));
    try {
      const files: Record<string, string> = {
        'tsconfig.json': '{ "compilerOptions": { "module": "commonjs", "strict": true } }',
        'server/src/model/doc.ts': "export const doc = 1;\n",
        'server/src/facts/terms.ts': "import { provide } from '../features/hover';\nexport const terms = provide;\n",
        'server/src/features/hover.ts': "import { doc } from '../model/doc';\nexport const provide = () => doc;\n",
        'server/src/rules/a.ts': "import { b } from './b';\nexport const a = () => b;\n",
        'server/src/rules/b.ts': "import { a } from './a';\nexport const b = () => a;\n",
        'client/src/extension.ts': "import { doc } from '../../server/src/model/doc';\nexport const shown = doc;\n",
      };
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      const { status, output } = cruise(dir);
      assert.notEqual(status, 0);
      assert.match(output, /facts-imports-upward: server\/src\/facts\/terms\.ts → server\/src\/features\/hover\.ts/);
      assert.match(output, /no-circular: server\/src\/rules\/a\.ts/);
      assert.match(output, /client-imports-server: client\/src\/extension\.ts → server\/src\/model\/doc\.ts/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keep every cache in the one mechanism: no WeakMap or WeakRef outside model/memo.ts and facts/cache.ts', () => {
    // A home-made cache is keyed by what its author thought of, not by what the value depends on; the
    // mechanism's caches are the ones the architecture reasons about (and the idle compaction releases).
    const allowed = new Set(['server/src/model/memo.ts', 'server/src/facts/cache.ts']);
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.ts')) {
          const file = relative(ROOT, path).split('\\').join('/');
          const lines = readFileSync(path, 'utf8').split('\n');
          lines.forEach((line, i) => {
            if (/\bnew\s+Weak(?:Map|Ref)\b/.test(line) && !allowed.has(file)) offenders.push(`${file}:${i + 1}`);
          });
        }
      }
    };
    walk(resolve(ROOT, 'server/src'));
    assert.deepEqual(offenders, []);
  });
});
