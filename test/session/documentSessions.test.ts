import * as assert from 'node:assert/strict';
import { DocumentDiagnosticRequest, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSessions } from '../../server/src/session/documentSessions';
import { builtInLibrary } from '../../server/src/catalog/clauseLibrary';
import { DEFAULT_SETTINGS, type Settings } from '../../server/src/settings';
import { LspHarness } from '../support/lspHarness';
import { lines } from '../support/doc';

const URI = 'file:///tmp/ws/privacy-policy.md';
const TEXT = lines('# Privacy Policy', '', 'We use the the cookies you allow.');
// Same length and, below, the same version number: only the text tells them apart.
const FIXED = TEXT.replace('the the', 'the tha');

function sessions(open: TextDocument[], settings: () => Promise<Settings> = async () => DEFAULT_SETTINGS) {
  const errors: string[] = [];
  const notes: number[] = [];
  const byUri = new Map(open.map((d) => [d.uri, d]));
  const s = new DocumentSessions({ get: (uri) => byUri.get(uri) }, { get: settings }, { loaded: builtInLibrary() }, { error: (m) => errors.push(m) }, { note: (n) => notes.push(n) });
  return { s, byUri, errors, notes };
}

describe('document sessions', () => {
  it('answers from the analysis of the current version, and "nothing" for a file that is not a policy', async () => {
    const notes = TextDocument.create('file:///tmp/ws/notes.md', 'markdown', 1, TEXT);
    const { s, notes: noted } = sessions([TextDocument.create(URI, 'markdown', 1, TEXT), notes]);
    assert.deepEqual(await s.withAnalysis(URI, undefined, [], (a) => a.findings.filter((f) => f.ruleId === 'doubled-word').map((f) => f.message.slice(0, 9))), ['Doubled w']);
    assert.equal(await s.withAnalysis(notes.uri, undefined, 'empty', () => 'analysed'), 'empty');
    assert.equal(await s.withAnalysis('file:///tmp/ws/closed.md', undefined, 'empty', () => 'analysed'), 'empty');
    assert.deepEqual(noted, [TEXT.length], 'the policy, and only it, is noted for memory compaction');
  });

  it('refuses to answer for text that changed while the settings were read', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const { s, byUri } = sessions([TextDocument.create(URI, 'markdown', 4, TEXT)], async () => (await held, DEFAULT_SETTINGS));
    const answer = s.withAnalysis(URI, undefined, [], (a) => a.findings);
    // A client that resends version 4 with other text.
    byUri.set(URI, TextDocument.create(URI, 'markdown', 4, FIXED));
    release();
    await assert.rejects(answer, (e: unknown) => e instanceof ResponseError && e.code === LSPErrorCodes.ContentModified);
  });

  it('logs a failure and answers "nothing" instead of failing the request', async () => {
    const { s, errors } = sessions([TextDocument.create(URI, 'markdown', 1, TEXT)]);
    const answer = await s.withAnalysis(URI, undefined, 'empty', () => {
      throw new Error('boom');
    });
    assert.equal(answer, 'empty');
    assert.match(errors[0], /Policywright failed on file:\/\/\/tmp\/ws\/privacy-policy\.md: Error: boom/);
  });

  it('over LSP: a change that keeps the version number but changes the text is never answered from the cache', async () => {
    const h = await LspHarness.start();
    try {
      await h.openDocument(URI, TEXT, 'markdown', 1);
      const first = await h.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } });
      assert.equal(first.kind, 'full');
      const doubled = (r: typeof first) => (r.kind === 'full' ? r.items.filter((d) => d.code === 'doubled-word').length : -1);
      assert.equal(doubled(first), 1);
      await h.changeDocument(URI, 1, [{ text: FIXED }]);
      // The client offers the old result id: the text is new, so the answer must be too.
      const second = await h.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI }, previousResultId: first.resultId });
      assert.equal(second.kind, 'full');
      assert.equal(doubled(second), 0);
    } finally {
      await h.dispose();
    }
  });
});
