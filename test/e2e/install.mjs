// Installs what the end-to-end test needs into .cache/e2e (ignored by git), outside the normal `npm install`:
// code-server from npm (VS Code's workbench served to a browser), with ripgrep fed from Debian's `rg`
// because its install script would otherwise download a binary. Safe to run again: it skips what is there.
// The Debian packages (chromium, ripgrep and the headers code-server's native modules build against) are
// installed by .ci/run, or by hand: see test/e2e/README.md.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The newest code-server whose engines.node is 20 (4.102 and later need Node 22). */
export const CODE_SERVER_VERSION = '4.100.3';
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = join(root, '.cache/e2e');
export const CODE_SERVER_DIR = join(CACHE, 'code-server');
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules/code-server/out/node/entry.js');

export function installed() {
  const pkg = join(CODE_SERVER_DIR, 'node_modules/code-server/package.json');
  return existsSync(CODE_SERVER_ENTRY) && existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).version === CODE_SERVER_VERSION;
}

function need(command, hint) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
  } catch {
    throw new Error(`${command} is not installed: ${hint}`);
  }
}

/** @vscode/ripgrep looks for a cached archive in the OS temp folder before it tries to download one. */
function seedRipgrepCache() {
  const dir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(dir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  const staging = join(CACHE, 'rg');
  mkdirSync(staging, { recursive: true });
  mkdirSync(dir, { recursive: true });
  copyFileSync('/usr/bin/rg', join(staging, 'rg'));
  execFileSync('tar', ['czf', archive, '-C', staging, 'rg']);
}

export function install() {
  if (installed()) return;
  need('chromium', 'apt-get install -y --no-install-recommends chromium');
  need('rg', 'apt-get install -y --no-install-recommends ripgrep');
  need('pkg-config', 'apt-get install -y --no-install-recommends pkg-config libkrb5-dev libx11-dev libxkbfile-dev libsecret-1-dev');
  seedRipgrepCache();
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  // A package.json of its own, so npm installs here and never touches the project's lock file.
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'policywright-e2e-cache', private: true }, null, 2) + '\n');
  const started = Date.now();
  console.log(`e2e: installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (a few minutes, once)`);
  // One retry: a dropped connection to the registry should not fail a CI run on its own.
  for (let attempt = 1; ; attempt++) {
    try {
      execFileSync('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--unsafe-perm', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
        cwd: CODE_SERVER_DIR,
        stdio: 'inherit',
        // The install script refuses root without --unsafe-perm; a nested `npx node-gyp` would stop at a prompt.
        env: { ...process.env, npm_config_yes: 'true' },
      });
      break;
    } catch (error) {
      if (attempt >= 2) throw error;
      console.log(`e2e: the code-server install failed (${error.message.split('\n')[0]}); trying once more`);
    }
  }
  if (!installed()) throw new Error(`code-server@${CODE_SERVER_VERSION} did not install into ${CODE_SERVER_DIR}`);
  console.log(`e2e: code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) install();
