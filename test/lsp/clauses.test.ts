import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  CompletionResolveRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  type CompletionItem,
  type CompletionList,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { LspHarness } from '../support/lspHarness';
import type { ListedClause } from '../../server/src/catalog/clauseLibrary';

const TEMPLATE = (id: string, body: string) => ['---', `id: ${id}`, 'title: Keeping records', 'topic: retention', 'prefix: keep', 'jurisdictions: [all]', 'description: Firm wording.', 'sources: []', '---', body, ''].join('\n');

describe('the clause library over LSP', () => {
  let root: string;
  let h: LspHarness;
  const clausesDir = () => join(root, '.policywright', 'clauses');

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'pw-lsp-'));
    mkdirSync(clausesDir(), { recursive: true });
    writeFileSync(join(clausesDir(), 'retention.md'), TEMPLATE('retention', 'We keep records for ${1:six years}.'));
    h = new LspHarness();
    const result = await h.client.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: null,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'firm' }],
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: {}, completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown'] } } } },
    });
    h.initializeResult = result;
    await h.client.sendNotification(InitializedNotification.type, {});
  });
  afterEach(async () => {
    await h.client.sendRequest(ShutdownRequest.type);
    h.client.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('advertises completion with # and / as trigger characters and lazy resolve', () => {
    assert.deepEqual(h.initializeResult?.capabilities.completionProvider, { triggerCharacters: ['#', '/'], resolveProvider: true });
  });

  it('completes a clause after `/`, with the firm override, and resolves its documentation', async () => {
    const uri = pathToFileURL(join(root, 'privacy-policy.md')).href;
    await h.openDocument(uri, '# Policy\n\n/');
    const list = (await h.client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 2, character: 1 }, context: { triggerKind: 2, triggerCharacter: '/' } })) as CompletionList;
    const firm = list.items.find((i) => (i.data as { id: string }).id === 'retention')!;
    assert.equal(firm.label, 'Keeping records');
    const resolved = (await h.client.sendRequest(CompletionResolveRequest.type, firm)) as CompletionItem;
    assert.match((resolved.documentation as MarkupContent).value, /We keep records for six years/);
  });

  it('lists the library for the command', async () => {
    const listed = (await h.client.sendRequest('policywright/listClauses')) as ListedClause[];
    assert.ok(listed.length >= 36);
    assert.equal(listed.find((c) => c.id === 'retention')?.origin, 'workspace');
  });

  it('reports a broken template in its own file and reloads when it is fixed', async () => {
    const file = join(clausesDir(), 'broken.md');
    const uri = pathToFileURL(file).href;
    writeFileSync(file, 'no front matter');
    await h.openDocument(uri, 'no front matter');
    const diagnostics = await h.diagnostics(uri);
    assert.match(String(diagnostics[0]?.message), /^Template has no front matter/);
    writeFileSync(join(clausesDir(), 'extra.md'), TEMPLATE('firm-extra', 'Extra ${1:text}.'));
    await h.client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(join(clausesDir(), 'extra.md')).href, type: FileChangeType.Created }] });
    const listed = (await h.client.sendRequest('policywright/listClauses')) as ListedClause[];
    assert.ok(listed.some((c) => c.id === 'firm-extra'));
  });

  it('hovers a heading that is a clause title with its sources', async () => {
    const uri = pathToFileURL(join(root, 'privacy-policy.md')).href;
    await h.openDocument(uri, '# Policy\n\n## Cookies and similar technologies\n\nText.');
    const hover = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 5 } });
    assert.match((hover?.contents as MarkupContent).value, /Planet49/);
  });
});
