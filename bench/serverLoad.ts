/**
 * The packaged server under load, over stdio as an editor drives it, measured from outside (/proc):
 *
 * - `serverDiagnosticsTime`: how long one policy takes from `didOpen` to its published diagnostics,
 *   beside `cliCheckTime`, the command-line checker on the same file (the "many sections" and
 *   "huge front matter" rows);
 * - `serverUnderLoad`: 200 policies open, a burst of 2,000 changes sent without waiting, then the
 *   editor quiet, then every policy closed: resident memory at each step and the peak.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

function status(pid: number): { rss: number; peak: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  readonly connection: MessageConnection;
  readonly pid: number;
  /** Resolves once diagnostics of `uri` at `version` or later are published. */
  diagnosticsFor(uri: string, version: number): Promise<void>;
  stop(): Promise<void>;
}

async function startServer(serverJs: string): Promise<Server> {
  const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  child.stdin.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  // Push diagnostics, as a client without pull diagnostics gets them: the point at which the work is done.
  const published = new Map<string, number>();
  const waiting = new Map<string, Array<{ version: number; resolve: () => void }>>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.version === undefined) return;
    published.set(p.uri, Math.max(p.version, published.get(p.uri) ?? 0));
    const list = waiting.get(p.uri) ?? [];
    waiting.set(p.uri, list.filter((w) => (w.version <= p.version! ? (w.resolve(), false) : true)));
  });
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
  await connection.sendNotification('initialized', {});
  return {
    connection,
    pid: child.pid!,
    diagnosticsFor: (uri, version) =>
      (published.get(uri) ?? 0) >= version
        ? Promise.resolve()
        : new Promise((resolve) => waiting.set(uri, [...(waiting.get(uri) ?? []), { version, resolve }])),
    stop: async () => {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
        await exited;
      } finally {
        connection.dispose();
        child.kill();
      }
    },
  };
}

/** Milliseconds from `didOpen` to the published diagnostics of one policy, in a fresh server (started beforehand, not counted). */
export async function serverDiagnosticsTime(serverJs: string, text: string): Promise<number> {
  const server = await startServer(serverJs);
  try {
    const uri = 'file:///bench/many/privacy-policy.md';
    const done = server.diagnosticsFor(uri, 1);
    const start = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await done;
    return performance.now() - start;
  } finally {
    await server.stop();
  }
}

/** Milliseconds the command-line checker takes on the same text, start-up included (as a CI job pays it). */
export function cliCheckTime(cliJs: string, text: string): number {
  const dir = mkdtempSync(join(tmpdir(), 'policywright-bench-'));
  try {
    const file = join(dir, 'privacy-policy.md');
    writeFileSync(file, text);
    const start = performance.now();
    spawnSync(process.execPath, [cliJs, 'check', file], { stdio: 'ignore' });
    return performance.now() - start;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Node's own start-up, to take out of the command line's time when comparing it with the server's. */
export function nodeStartTime(): number {
  const start = performance.now();
  spawnSync(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  return performance.now() - start;
}

export interface ServerLoad {
  readonly documents: number;
  readonly changes: number;
  /** Once every policy is open and has its diagnostics. */
  readonly opened: number;
  /** When the last change's diagnostics are published. */
  readonly burst: number;
  /** After `quietMs` with nothing happening. */
  readonly idle: number;
  /** After every policy is closed, and `quietMs` more. */
  readonly closed: number;
  /** The highest resident memory the process reached. */
  readonly peak: number;
  readonly quietMs: number;
}

/** 200 policies open, 2,000 one-character changes in a burst spread over them, then quiet, then all closed. */
export async function serverUnderLoad(serverJs: string, texts: readonly string[], changes = 2000, quietMs = 8000): Promise<ServerLoad | undefined> {
  if (process.platform !== 'linux') return undefined;
  const server = await startServer(serverJs);
  try {
    const uris = texts.map((_, i) => pathToFileURL(`/bench/load/policy-${i}-privacy.md`).href);
    const versions = uris.map(() => 1);
    texts.forEach((text, i) => void server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uris[i], languageId: 'markdown', version: 1, text } }));
    await Promise.all(uris.map((uri) => server.diagnosticsFor(uri, 1)));
    const opened = status(server.pid).rss;
    // Each change types one letter in a word of the middle paragraph of a policy, the policies in turn.
    const places = texts.map((text) => {
      const lines = text.split('\n');
      let line = lines.length >> 1;
      while (line < lines.length - 1 && !/^\p{L}\S* \p{L}/u.test(lines[line])) line++;
      return { line, character: lines[line].indexOf(' ') + 1 };
    });
    for (let k = 0; k < changes; k++) {
      const i = k % texts.length;
      const { line, character } = places[i];
      places[i] = { line, character: character + 1 };
      void server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri: uris[i], version: ++versions[i] },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }],
      });
    }
    await Promise.all(uris.map((uri, i) => server.diagnosticsFor(uri, versions[i])));
    const burst = status(server.pid).rss;
    await sleep(quietMs);
    const idle = status(server.pid).rss;
    for (const uri of uris) void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // A request answered after the closes means they have all been handled.
    await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: uris[0] } });
    await sleep(quietMs);
    const { rss: closed, peak } = status(server.pid);
    return { documents: texts.length, changes, opened, burst, idle, closed, peak, quietMs };
  } finally {
    await server.stop();
  }
}
