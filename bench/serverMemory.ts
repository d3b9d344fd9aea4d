/**
 * Resident memory of the real server process, as an editor runs it: the packaged (minified) bundle
 * started over stdio, the 1 MB policy opened, its diagnostics received, then a few edits typed.
 * Measured from outside the process (/proc), so it counts everything the editor's machine pays for.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

export interface ServerMemory {
  /** Resident memory once the server has started and initialised, before any document. */
  readonly idle: number;
  /** Just after the 1 MB policy was opened and its diagnostics published. */
  readonly open: number;
  /** The same, a few seconds later with nothing happening (the engine gives back what it no longer uses). */
  readonly settled: number;
  /** After 20 one-character edits, each followed by its diagnostics. */
  readonly typed: number;
  /** The same, a few seconds later. */
  readonly typedSettled: number;
  /** The highest resident memory the process reached. */
  readonly peak: number;
}

function status(pid: number): { rss: number; peak: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

const SETTLE_MS = 15000;

export async function serverMemory(serverJs: string, text: string, execArgv: readonly string[] = []): Promise<ServerMemory | undefined> {
  if (process.platform !== 'linux') return undefined;
  const child = spawn(process.execPath, [...execArgv, serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // The server exits on `exit`; a write racing that must not take the benchmark down.
  child.stdin.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = 'file:///bench/privacy-policy.md';
  // Push diagnostics, as a client without pull diagnostics gets them: the point at which the work is done.
  let published: (version: number) => void = () => undefined;
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number }) => {
    if (p.uri === uri && p.version !== undefined) published(p.version);
  });
  const diagnosticsFor = (version: number) =>
    new Promise<void>((resolve) => {
      published = (v) => v >= version && resolve();
    });
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } });
    connection.sendNotification('initialized', {});
    await new Promise((r) => setTimeout(r, 300));
    const idle = status(child.pid!).rss;
    let version = 1;
    let done = diagnosticsFor(version);
    connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    await done;
    const open = status(child.pid!).rss;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const settled = status(child.pid!).rss;
    // Typing in a word of a paragraph in the middle, as the typing benchmark does.
    const lines = text.split('\n');
    let line = lines.length >> 1;
    while (line < lines.length - 1 && !/^\p{L}[^\s]* \p{L}/u.test(lines[line])) line++;
    let character = lines[line].indexOf(' ') + 1;
    for (let i = 0; i < 20; i++, character++) {
      done = diagnosticsFor(++version);
      connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'e' }],
      });
      await done;
    }
    const typed = status(child.pid!).rss;
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const { rss: typedSettled, peak } = status(child.pid!);
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    await exited;
    return { idle, open, settled, typed, typedSettled, peak };
  } finally {
    connection.dispose();
    child.kill();
  }
}
