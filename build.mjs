// One esbuild script for every bundle. `--tests` also bundles test/**/*.test.ts into out/test.
import * as esbuild from 'esbuild';
import { chmodSync, readdirSync, statSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // esbuild turns the ESM-only unified/remark packages into CommonJS here, so neither VS Code nor mocha needs require(esm).
  mainFields: ['module', 'main'],
};

function testEntries(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (name === 'fixtures') continue;
    if (statSync(path).isDirectory()) out.push(...testEntries(path));
    else if (name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

const builds = [
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
];
if (withTests) {
  rmSync('out/test', { recursive: true, force: true });
  builds.push(esbuild.build({
    ...common,
    entryPoints: testEntries('test'),
    outdir: 'out/test',
    outbase: 'test',
    external: ['vscode', 'mocha'],
  }));
}
await Promise.all(builds);
// The two bins (`policywright`, `policywright-language-server`) must be executable for npx and editors.
chmodSync('dist/cli.js', 0o755);
chmodSync('dist/server.js', 0o755);
