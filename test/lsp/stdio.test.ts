import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';

// Runs the bundled server as an editor would; `node build.mjs --tests` builds dist/ before the tests.
const SERVER = join(process.cwd(), 'dist/server.js');
const URI = 'file:///tmp/ws/privacy-policy.md';
// Servers a session started; one that never exits is killed when the suite ends, so a hang fails only its test.
const children = new Set<import('node:child_process').ChildProcess>();

interface Message {
  id?: number;
  method?: string;
  params?: { uri?: string; diagnostics?: Array<{ code?: string }> };
  result?: unknown;
  error?: unknown;
}

function frame(message: object): string {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  return `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
}

/**
 * Splits stdout into Content-Length framed JSON messages. Throws on anything else, so a stray
 * `console.log` in the server (which would corrupt a real editor's stream) fails the test.
 */
class FrameParser {
  #buffer = Buffer.alloc(0);

  push(chunk: Buffer): Message[] {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    const out: Message[] = [];
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) break;
      const header = this.#buffer.subarray(0, headerEnd).toString('ascii');
      const length = /^Content-Length: (\d+)(?:\r\nContent-Type: [^\r\n]+)?$/i.exec(header);
      if (!length) throw new Error(`stdout is not LSP framing: ${JSON.stringify(header.slice(0, 200))}`);
      const end = headerEnd + 4 + Number(length[1]);
      if (this.#buffer.length < end) break;
      out.push(JSON.parse(this.#buffer.subarray(headerEnd + 4, end).toString('utf8')) as Message);
      this.#buffer = this.#buffer.subarray(end);
    }
    return out;
  }

  get leftover(): string {
    return this.#buffer.toString('utf8');
  }
}

/** Plays one editor session against the server and resolves with what it saw and the exit code. */
function session(args: string[]): Promise<{ messages: Message[]; code: number | null; leftover: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const parser = new FrameParser();
    const messages: Message[] = [];
    let stderr = '';
    children.add(child);
    const send = (message: object) => child.stdin.write(frame(message));

    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      let received: Message[];
      try {
        received = parser.push(chunk);
      } catch (error) {
        child.kill();
        reject(error);
        return;
      }
      for (const m of received) {
        messages.push(m);
        if (m.id === 1 && m.result !== undefined) {
          send({ method: 'initialized', params: {} });
          send({
            method: 'textDocument/didOpen',
            params: { textDocument: { uri: URI, languageId: 'markdown', version: 1, text: '# Privacy Policy\n\nWe are [COMPANY NAME].\n' } },
          });
        } else if (m.method === 'textDocument/publishDiagnostics' && m.params?.uri === URI) {
          send({ id: 2, method: 'shutdown' });
        } else if (m.id === 2 && 'result' in m) {
          send({ method: 'exit' });
        } else if (m.id !== undefined && m.method !== undefined) {
          // A request from the server (e.g. window/showMessageRequest): answer it so it never waits on us.
          send({ id: m.id, result: null });
        }
      }
    });
    // 'close', not 'exit': it fires once stdout is drained, so the leftover check sees everything.
    child.on('close', (code) => {
      children.delete(child);
      resolve({ messages, code, leftover: parser.leftover, stderr });
    });
    // No `textDocument.diagnostic` capability: the server must push.
    send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } } } });
  });
}

describe('language server over stdio', () => {
  after(() => {
    for (const child of children) child.kill();
  });

  for (const args of [['--stdio'], []]) {
    it(`speaks framed LSP, pushes diagnostics and exits with 0 after shutdown and exit (${args.length ? args.join(' ') : 'no flag'})`, async () => {
      const { messages, code, leftover, stderr } = await session(args);
      assert.equal(leftover, '', 'stdout ended with a partial or unframed message');
      const init = messages.find((m) => m.id === 1)?.result as { capabilities: Record<string, unknown> } | undefined;
      assert.ok(init, 'no initialize result');
      assert.equal(init.capabilities.diagnosticProvider, undefined);
      const pushed = messages.find((m) => m.method === 'textDocument/publishDiagnostics');
      assert.deepEqual(pushed?.params?.diagnostics?.map((d) => d.code), ['missing-effective-date', 'unfilled-placeholder']);
      assert.equal(code, 0, `exit code ${code}; stderr: ${stderr}`);
    });
  }
});
