// Loads server TypeScript from a script: bundles `contents` (TypeScript that re-exports what the
// script needs) in memory with esbuild and evaluates the bundle as CommonJS. Nothing is written.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export async function loadTs(contents) {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  const module = { exports: {} };
  new Function('module', 'exports', 'require', result.outputFiles[0].text)(module, module.exports, createRequire(join(root, 'package.json')));
  return module.exports;
}
