import * as assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import {
  ConfigurationRequest,
  createConnection,
  createProtocolConnection,
  DefinitionRequest,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticRequest,
  DocumentHighlightRequest,
  DocumentLinkRequest,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Location,
  type MarkupContent,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver/node';
import { startServer } from '../../server/src/startServer';
import { applyEdits, LspHarness } from '../support/lspHarness';
import { lines } from '../support/doc';
import { DRAFT, at } from '../support/drafting';

const URI = 'file:///tmp/ws/privacy-policy.md';

function slice(text: string, r: Range): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return text.slice(starts[r.start.line] + r.start.character, starts[r.end.line] + r.end.character);
}

describe('drafting features over LSP', () => {
  let h: LspHarness;
  beforeEach(async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, DRAFT);
  });
  afterEach(async () => h?.dispose());
  const doc = { textDocument: { uri: URI } };

  it('declares definition, references, rename, document links and highlights', () => {
    const caps = h.initializeResult?.capabilities;
    assert.equal(caps?.definitionProvider, true);
    assert.equal(caps?.referencesProvider, true);
    assert.deepEqual(caps?.renameProvider, { prepareProvider: true });
    assert.deepEqual(caps?.documentLinkProvider, { resolveProvider: false });
    assert.equal(caps?.documentHighlightProvider, true);
  });

  it('goes from a term to its definition and finds its uses', async () => {
    const definition = (await h.client.sendRequest(DefinitionRequest.type, { ...doc, position: at(DRAFT, 'ORDER DATA') })) as Location[];
    assert.deepEqual(definition.map((l) => slice(DRAFT, l.range)), ['Order Data']);
    const refs = await h.client.sendRequest(ReferencesRequest.type, { ...doc, position: at(DRAFT, 'Order Data', 1), context: { includeDeclaration: true } });
    assert.deepEqual(refs?.map((l) => `${l.range.start.line}:${slice(DRAFT, l.range)}`), ['6:Order Data', '10:Order Data', '10:ORDER DATA']);
  });

  it('renames every use of a term and nothing else', async () => {
    const prepared = await h.client.sendRequest(PrepareRenameRequest.type, { ...doc, position: at(DRAFT, 'Order Data', 1) });
    assert.deepEqual(prepared && 'placeholder' in prepared ? prepared.placeholder : undefined, 'Order Data');
    const edit = await h.client.sendRequest(RenameRequest.type, { ...doc, position: at(DRAFT, 'Order Data', 1), newName: 'Purchase Records' });
    const renamed = applyEdits(DRAFT, edit!.changes![URI]);
    assert.equal(renamed, DRAFT.replace('“Order Data”', '“Purchase Records”').replace('your Order Data', 'your Purchase Records').replace('ORDER DATA', 'PURCHASE RECORDS'));
    assert.equal(await h.client.sendRequest(PrepareRenameRequest.type, { ...doc, position: at(DRAFT, 'sells') }), null);
  });

  it('links references to their heading line and highlights a term', async () => {
    const links = await h.client.sendRequest(DocumentLinkRequest.type, doc);
    assert.deepEqual(links?.map((l) => `${slice(DRAFT, l.range)} -> ${l.target}`), [`2 -> ${URI}#L9`, `Your Rights -> ${URI}#L9`]);
    const highlights = await h.client.sendRequest(DocumentHighlightRequest.type, { ...doc, position: at(DRAFT, 'Harbourlight”') });
    assert.deepEqual(highlights?.map((x) => slice(DRAFT, x.range)), ['Harbourlight']);
  });

  it('shows a term\'s definition on hover, and a heading\'s reading grade', async () => {
    const term = await h.client.sendRequest(HoverRequest.type, { ...doc, position: at(DRAFT, 'ORDER DATA') });
    assert.match((term?.contents as MarkupContent).value, /“Order Data” means the books you buy/);
    const heading = await h.client.sendRequest(HoverRequest.type, { ...doc, position: at(DRAFT, '## 2.', 0, 4) });
    assert.match((heading?.contents as MarkupContent).value, /Reading grade/);
  });
});

describe('drafting settings over LSP', () => {
  let h: LspHarness;
  afterEach(async () => h?.dispose());
  const LONG = lines('# Privacy notice', '', 'We keep the name and the email address you give us for two years after you close your account.');
  const codes = (ds: Array<{ code?: unknown }>) => ds.map((d) => String(d.code));

  it('reports long sentences against the configured limit', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, LONG);
    assert.ok(!codes(await h.diagnostics(URI)).includes('long-sentence'));
    await h.changeSettings({ drafting: { maxSentenceWords: 10 } });
    assert.ok(codes(await h.diagnostics(URI)).includes('long-sentence'));
  });

  it('warns about a drafting setting it cannot use, and keeps the default', async () => {
    h = await LspHarness.start({ settings: { drafting: { maxReadingGrade: 'easy' } } });
    await h.openDocument(URI, LONG);
    await h.diagnostics(URI);
    assert.ok(h.logs.some((l) => /drafting\.maxReadingGrade/.test(l)), h.logs.join('\n'));
  });
});

/** A client and a server with a clock and timers the test moves by hand, and refresh support. */
async function startWithClock() {
  let now = 0;
  const timers: Array<{ at: number; run: () => void }> = [];
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(server, { typing: { quietMs: 250, now: () => now, schedule: (run, ms) => (timers.push({ at: now + ms, run }), () => timers.splice(timers.findIndex((t) => t.run === run), 1)) } });
  const client: ProtocolConnection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  let refreshed: () => void = () => {};
  let refreshes = 0;
  client.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => null));
  client.onRequest(DiagnosticRefreshRequest.type, () => {
    refreshes++;
    refreshed();
  });
  client.listen();
  await client.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: null,
    capabilities: { workspace: { configuration: true, diagnostics: { refreshSupport: true } }, textDocument: { diagnostic: { dynamicRegistration: false } } },
  });
  await client.sendNotification(InitializedNotification.type, {});
  return {
    client,
    refreshes: () => refreshes,
    nextRefresh: () => new Promise<void>((resolve) => (refreshed = resolve)),
    advance(ms: number) {
      now += ms;
      for (const t of timers.filter((x) => x.at <= now)) {
        timers.splice(timers.indexOf(t), 1);
        t.run();
      }
    },
    async dispose() {
      await client.sendRequest(ShutdownRequest.type);
      client.dispose();
      server.dispose();
    },
  };
}

describe('quiet while typing over LSP', () => {
  it('shows findings at once except on the word being typed, which waits for a space or the pause', async () => {
    const s = await startWithClock();
    try {
      const text = lines('# Privacy notice', '', 'We keep the logs. We share nothing.', '', 'We sell the the rest.');
      const pull = async (previousResultId?: string) => {
        const report = await s.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI }, previousResultId });
        assert.equal(report.kind, 'full');
        return { resultId: report.resultId, lines: report.kind === 'full' ? report.items.filter((d) => d.code === 'doubled-word').map((d) => d.range.start.line) : [] };
      };
      await s.client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'markdown', version: 1, text } });
      assert.deepEqual((await pull()).lines, [4]);

      // "We keep the t| logs": the half-typed word waits, the finding elsewhere is shown.
      const at = (character: number, insert: string) => ({ range: { start: { line: 2, character }, end: { line: 2, character } }, text: insert });
      let version = 1;
      const type = (character: number, insert: string) => s.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: ++version }, contentChanges: [at(character, insert)] });
      await type(11, ' ');
      await type(12, 't');
      await type(13, 'h');
      await type(14, 'e');
      // "We keep the the| logs": the keystroke that makes the doubled word; the word is not finished yet.
      const during = await pull();
      assert.deepEqual(during.lines, [4]);
      assert.match(during.resultId ?? '', /:typing$/);

      const refreshed = s.nextRefresh();
      s.advance(249);
      assert.equal(s.refreshes(), 0);
      s.advance(1);
      await refreshed;
      assert.deepEqual((await pull(during.resultId)).lines, [2, 4]);

      // A space finishes the word: shown on the next pull, no pause, no refresh needed.
      await type(7, 'x');
      assert.deepEqual((await pull()).lines, [2, 4], 'a word typed elsewhere in the sentence holds nothing back');
      await type(8, ' ');
      const refreshes = s.refreshes();
      const after = await pull();
      assert.deepEqual(after.lines, [2, 4]);
      assert.doesNotMatch(after.resultId ?? '', /:typing$/);
      assert.equal(s.refreshes(), refreshes);
    } finally {
      await s.dispose();
    }
  });
});
