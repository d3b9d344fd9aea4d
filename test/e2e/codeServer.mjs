// Starts code-server (VS Code's workbench, served to a browser) on a free loopback port, in its own
// process group so that stopping it also stops its extension host and our language server.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY } from './install.mjs';

/** User settings that keep the workbench quiet and the pictures clean; none of them changes what the extension does. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'editor.minimap.enabled': false,
  'workbench.editor.enablePreview': false,
  'files.autoSave': 'off',
};

/** Installs the .vsix into a fresh extensions folder with code-server's own command line. */
export async function installExtension(vsix, extensionsDir) {
  mkdirSync(extensionsDir, { recursive: true });
  const { code, output } = await run(process.execPath, [CODE_SERVER_ENTRY, '--extensions-dir', extensionsDir, '--install-extension', vsix]);
  if (code !== 0 || !/successfully installed/i.test(output)) throw new Error(`code-server could not install ${vsix}:\n${output}`);
}

/**
 * Serves `folder`. `trusted: false` leaves Workspace Trust on, so the workbench asks and the test can
 * choose Restricted Mode. Resolves once the server prints its address, within `timeoutMs`.
 */
export async function startCodeServer({ folder, home, extensionsDir, trusted, timeoutMs = 60_000 }) {
  const userDataDir = join(home, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--config', join(home, 'config.yaml'),
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...(trusted ? ['--disable-workspace-trust'] : []),
    folder,
  ];
  const child = spawn(process.execPath, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  let log = '';
  const onData = (chunk) => (log += chunk.toString());
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return Promise.resolve();
    }
    // A server that ignores SIGTERM is killed when the deadline passes, so the run never hangs here.
    const deadline = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, 10_000);
    return exited.finally(() => clearTimeout(deadline));
  };
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`code-server printed no address within ${timeoutMs / 1000} s:\n${log}`)), timeoutMs);
    const check = () => {
      const m = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(log);
      if (m) done(undefined, m[1]);
    };
    const exit = (code) => done(new Error(`code-server exited (${code}) before serving:\n${log}`));
    function done(error, value) {
      clearTimeout(timer);
      child.stdout.off('data', check);
      child.off('exit', exit);
      if (error) stop().then(() => reject(error));
      else resolve(value);
    }
    child.stdout.on('data', check);
    child.once('exit', exit);
    check();
  });
  return { url, stop, log: () => log };
}

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, output }));
  });
}
