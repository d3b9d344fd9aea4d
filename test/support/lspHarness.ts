import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import {
  ConfigurationRequest,
  createConnection,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
  type TextEdit,
} from 'vscode-languageserver/node';
import { startServer } from '../../server/src/startServer';

export interface HarnessOptions {
  /** Whether the client advertises `textDocument/diagnostic` (pull); without it the server pushes. */
  readonly pullDiagnostics?: boolean;
  /** What the client answers to `workspace/configuration`, e.g. `{ rules: { 'doubled-word': 'off' } }`. */
  readonly settings?: unknown;
  /** What the client sends as `initializationOptions` (the VS Code client: `{ ruleDocsCommand: true }`). */
  readonly initializationOptions?: unknown;
}

/**
 * A language client wired to `startServer` over two in-memory streams, so the server's real
 * wiring is tested without VS Code, without a child process and without sleeps.
 */
export class LspHarness {
  readonly client: ProtocolConnection;
  /** Replace to change what the next `workspace/configuration` request answers. */
  settings: unknown;
  initializeResult: InitializeResult | undefined;
  readonly published: PublishDiagnosticsParams[] = [];
  /** What the server wrote with `window/logMessage` and `window/showMessage`, to assert it stayed quiet or spoke up. */
  readonly logs: string[] = [];
  readonly #server: Connection;
  readonly #waiters: Array<{ uri: string; accept: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  readonly #pull: boolean;
  readonly #initializationOptions: unknown;
  #gate: { arrived: () => void; released: Promise<void> } | undefined;
  configurationRequests = 0;

  constructor(options: HarnessOptions = {}) {
    this.#pull = options.pullDiagnostics ?? true;
    this.#initializationOptions = options.initializationOptions;
    this.settings = options.settings;
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    // Reader and writer objects, not raw streams: with raw streams the library exits the process when a stream ends.
    this.#server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    // As main.ts does: the rule pages bundled next to the server.
    startServer(this.#server, { ruleDocsDir: join(process.cwd(), 'docs', 'rules') });
    this.client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onRequest(ConfigurationRequest.type, async (params) => {
      this.configurationRequests++;
      const gate = this.#gate;
      if (gate) {
        this.#gate = undefined;
        gate.arrived();
        await gate.released;
      }
      return params.items.map(() => this.settings ?? null);
    });
    this.client.onNotification(PublishDiagnosticsNotification.type, (params) => this.#onPublish(params));
    this.client.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.client.onNotification('window/showMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.client.onRequest('window/showMessageRequest', (p: { message: string }) => {
      this.logs.push(p.message);
      return null;
    });
    this.client.listen();
  }

  static async start(options: HarnessOptions = {}): Promise<LspHarness> {
    const harness = new LspHarness(options);
    await harness.initialize();
    return harness;
  }

  async initialize(): Promise<InitializeResult> {
    const capabilities: ClientCapabilities = {
      workspace: { configuration: true, diagnostics: { refreshSupport: false } },
      textDocument: {
        synchronization: { dynamicRegistration: false },
        publishDiagnostics: { versionSupport: true },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        ...(this.#pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
      },
    };
    this.initializeResult = await this.client.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities, initializationOptions: this.#initializationOptions });
    await this.client.sendNotification(InitializedNotification.type, {});
    return this.initializeResult;
  }

  async openDocument(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
  }

  async changeDocument(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
  }

  /** Tells the server the settings changed; it forgets its cached settings and asks again. */
  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.client.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  /**
   * Holds the answer to the next `workspace/configuration` request until `release` is called, so a
   * test can act (edit, cancel) at the exact moment the server is waiting for its settings.
   */
  holdConfiguration(): { arrived: Promise<void>; release: () => void } {
    let release!: () => void;
    let arrived!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const arrival = new Promise<void>((resolve) => (arrived = resolve));
    this.#gate = { arrived, released };
    return { arrived: arrival, release };
  }

  /** Pulls diagnostics; a pull request is answered directly, so there is nothing to wait for. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    const report = await this.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    if (report.kind !== 'full') throw new Error(`expected a full diagnostic report, got ${report.kind}`);
    return report.items;
  }

  /**
   * The next diagnostics pushed for `uri` that `accept` takes (for example those of a given version).
   * Notifications that arrived before the call count too, so a test cannot miss one that came early.
   */
  nextPublished(uri: string, accept: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<PublishDiagnosticsParams> {
    const early = this.published.find((p) => p.uri === uri && accept(p));
    if (early) {
      this.published.splice(this.published.indexOf(early), 1);
      return Promise.resolve(early);
    }
    return new Promise((resolve) => this.#waiters.push({ uri, accept, resolve }));
  }

  #onPublish(params: PublishDiagnosticsParams): void {
    const i = this.#waiters.findIndex((w) => w.uri === params.uri && w.accept(params));
    if (i < 0) {
      this.published.push(params);
      return;
    }
    const [waiter] = this.#waiters.splice(i, 1);
    waiter.resolve(params);
  }

  /** Sends `shutdown` and closes both ends. Never `exit`: the library answers it with `process.exit`. */
  async dispose(): Promise<void> {
    try {
      await this.client.sendRequest(ShutdownRequest.type);
    } finally {
      this.client.dispose();
      this.#server.dispose();
    }
  }
}

/** Applies LSP text edits to a text, as an editor would: edits do not overlap and refer to the original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => Math.min(text.length, (starts[p.line] ?? text.length) + p.character);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
