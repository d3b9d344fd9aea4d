// `npm run package`: a production build (minified, no source maps), then the .vsix with @vscode/vsce.
// The bundles hold every dependency, so vsce is told not to collect node_modules; .vscodeignore is an
// allow-list of the files that ship. No --allow-* flag: vsce's checks must pass as they are.
// Usage: node scripts/package.mjs [--out FILE]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Builds and packages the extension; returns the path of the .vsix. */
export function packageExtension(out) {
  const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const file = resolve(root, out ?? `${name}-${version}.vsix`);
  execFileSync(process.execPath, ['build.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', file], { cwd: root, stdio: 'inherit' });
  return file;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  packageExtension(i > 0 ? process.argv[i + 1] : undefined);
}
