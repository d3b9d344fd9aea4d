// `npm run test:e2e`: the packaged extension in a real VS Code workbench (code-server in Debian's
// Chromium, driven by playwright-core), once with workspace trust and once in Restricted Mode.
// Options: --update-images copies the pictures into docs/images/ (the README shows them);
//          --mode trusted|restricted runs one pass only.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { packageExtension } from '../../scripts/package.mjs';
import { installExtension, startCodeServer } from './codeServer.mjs';
import { CACHE, install } from './install.mjs';
import { STEPS } from './scenario.mjs';
import { Workbench } from './workbench.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const updateImages = argv.includes('--update-images');
const only = argv.includes('--mode') ? argv[argv.indexOf('--mode') + 1] : undefined;
const MODES = [
  { name: 'trusted', trusted: true },
  { name: 'restricted', trusted: false },
].filter((m) => !only || m.name === only);
const SHOTS = join(CACHE, 'screenshots');
const FAILURES = join(CACHE, 'failures');
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

const cleanups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    for (const c of cleanups) await c().catch(() => {});
    process.exit(130);
  });
}

async function runMode(mode, vsix) {
  const started = Date.now();
  const home = join(CACHE, `run-${mode.name}`);
  rmSync(home, { recursive: true, force: true });
  const folder = join(home, 'workspace');
  // A fresh copy each pass: the checks edit and save the policy.
  cpSync(join(root, 'test/e2e/workspace'), folder, { recursive: true });
  const extensionsDir = join(home, 'extensions');
  await installExtension(vsix, extensionsDir);
  const server = await startCodeServer({ folder, home, extensionsDir, trusted: mode.trusted });
  cleanups.add(server.stop);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: BROWSER_ARGS });
  const closeBrowser = () => browser.close();
  cleanups.add(closeBrowser);
  const results = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const wb = new Workbench(page);
    const shot = async (name) => {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${mode.name}-${name}.png`) });
      if (updateImages && mode.trusted) cpSync(join(SHOTS, `${mode.name}-${name}.png`), join(root, 'docs/images', `${name}.png`));
    };
    await wb.open(server.url, folder);
    let failed = false;
    for (const step of STEPS) {
      const title = `${mode.name}: ${step.title}`;
      // Steps build on each other: after a failure the rest of this pass is reported, not run.
      if (failed) {
        results.push({ title, ok: false, error: 'not run: an earlier step failed' });
        continue;
      }
      const t = Date.now();
      try {
        await step.run({ wb, page, folder, trusted: mode.trusted, shot });
        results.push({ title, ok: true, ms: Date.now() - t });
      } catch (error) {
        failed = true;
        mkdirSync(FAILURES, { recursive: true });
        const picture = join(FAILURES, `${mode.name}-step-${STEPS.indexOf(step) + 1}.png`);
        await page.screenshot({ path: picture }).catch(() => {});
        results.push({ title, ok: false, error: `${error instanceof Error ? error.message : String(error)}\n    screenshot: ${picture}` });
      }
    }
    if (failed) console.log(`--- code-server log (${mode.name}) ---\n${server.log().split('\n').slice(-40).join('\n')}`);
  } finally {
    await browser.close().catch(() => {});
    cleanups.delete(closeBrowser);
    await server.stop();
    cleanups.delete(server.stop);
  }
  console.log(`e2e ${mode.name} pass: ${Math.round((Date.now() - started) / 1000)} s`);
  return results;
}

const t0 = Date.now();
install();
rmSync(FAILURES, { recursive: true, force: true });
if (updateImages) mkdirSync(join(root, 'docs/images'), { recursive: true });
const vsix = packageExtension(join(CACHE, 'policywright-e2e.vsix'));
const results = [];
for (const mode of MODES) results.push(...(await runMode(mode, vsix)));
for (const r of results) console.log(`${r.ok ? '  ok  ' : '  FAIL'} ${r.title}${r.ok ? ` (${(r.ms / 1000).toFixed(1)} s)` : `\n    ${r.error}`}`);
const passed = results.filter((r) => r.ok).length;
console.log(`e2e finished in ${Math.round((Date.now() - t0) / 1000)} s`);
console.log(`e2e: ${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length && results.length > 0 ? 0 : 1;
