import * as assert from 'node:assert/strict';
import {
  CancellationTokenSource,
  CodeActionRequest,
  DiagnosticSeverity,
  DocumentDiagnosticRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type Diagnostic,
  type DocumentSymbol,
  type MarkupContent,
  type Range,
} from 'vscode-languageserver/node';
import { lines } from '../support/doc';
import { applyEdits, LspHarness } from '../support/lspHarness';
import { ruleById } from '../../server/src/rules/registry';
import { topicForTitle } from '../../server/src/catalog/sectionTopics';

const URI = 'file:///tmp/ws/privacy-policy.md';
const NOTES = 'file:///tmp/ws/notes.md';
// A date the stale-date rule accepts whenever the suite runs.
const TODAY = new Date().toISOString().slice(0, 10);

const POLICY = lines(
  '# Privacy Policy',
  '',
  `Last updated: ${TODAY}`,
  '',
  '## Who we are',
  '',
  'We are [COMPANY NAME] and we follow the Directive 95/46/EC.',
  '',
  '## Cookies',
  '',
  'We use the the cookies you allow.',
  '',
  '### Analytics cookies',
  '',
  'They count visits to each page.',
);

/** Where `needle` sits in `text`, computed independently of the server's own position code. */
function rangeOf(text: string, needle: string): Range {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} is not in the text`);
  const pos = (offset: number) => {
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

const show = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const render = (ds: readonly Diagnostic[]) => ds.map((d) => `${show(d.range)} ${String(d.code)} ${d.severity}`);

describe('language server wiring', () => {
  let h: LspHarness;
  afterEach(async () => h?.dispose());

  it('offers pull diagnostics only to a client that supports them', async () => {
    h = await LspHarness.start({ pullDiagnostics: true });
    const caps = h.initializeResult?.capabilities;
    assert.deepEqual(caps?.diagnosticProvider, { interFileDependencies: false, workspaceDiagnostics: false });
    assert.equal(caps?.documentSymbolProvider, true);
    assert.equal(caps?.foldingRangeProvider, true);
    assert.equal(caps?.hoverProvider, true);
    assert.deepEqual(caps?.codeActionProvider, { codeActionKinds: ['quickfix'] });
    await h.dispose();

    h = await LspHarness.start({ pullDiagnostics: false });
    assert.equal(h.initializeResult?.capabilities.diagnosticProvider, undefined);
  });

  it('reports each mistake with its code, severity, range, documentation link and rule id', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const diagnostics = await h.diagnostics(URI);
    assert.deepEqual(render(diagnostics), [
      `${show(rangeOf(POLICY, '[COMPANY NAME]'))} unfilled-placeholder ${DiagnosticSeverity.Error}`,
      `${show(rangeOf(POLICY, 'Directive 95/46/EC'))} outdated-legal-reference ${DiagnosticSeverity.Error}`,
      `${show(rangeOf(POLICY, 'the the'))} doubled-word ${DiagnosticSeverity.Warning}`,
    ]);
    for (const d of diagnostics) {
      assert.equal(d.source, 'policywright');
      assert.ok(d.codeDescription?.href.endsWith(`docs/rules/${String(d.code)}.md`), d.codeDescription?.href);
      assert.equal((d.data as { ruleId: string }).ruleId, d.code);
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      // The Problems panel shows no Markdown: the policy's words are quoted typographically, never in backticks.
      assert.match(message, /“[^”]+”/);
      assert.doesNotMatch(message, /`/);
      assert.doesNotMatch(message, /\.$/);
    }
  });

  it('leaves a Markdown file alone unless its name or its front matter makes it a policy', async () => {
    h = await LspHarness.start();
    const notes = lines('# Notes', '', 'We use the the cookies you allow.');
    await h.openDocument(NOTES, notes);
    assert.deepEqual(await h.diagnostics(NOTES), []);

    const declared = lines('---', 'policy: true', '---', notes);
    await h.changeDocument(NOTES, 2, [{ text: declared }]);
    const codes = (await h.diagnostics(NOTES)).map((d) => d.code);
    assert.ok(codes.includes('doubled-word'), codes.join());
  });

  it('pushes diagnostics tagged with the version to a client without pull support, and again after an edit', async () => {
    h = await LspHarness.start({ pullDiagnostics: false });
    await h.openDocument(URI, POLICY);
    const first = await h.nextPublished(URI, (p) => p.version === 1);
    assert.deepEqual(first.diagnostics.map((d) => d.code), ['unfilled-placeholder', 'outdated-legal-reference', 'doubled-word']);

    // An incremental edit that deletes the second "the ".
    const doubled = rangeOf(POLICY, 'the the');
    const second = { line: doubled.start.line, character: doubled.start.character + 4 };
    await h.changeDocument(URI, 2, [{ range: { start: second, end: { ...second, character: second.character + 4 } }, text: '' }]);
    const after = await h.nextPublished(URI, (p) => p.version === 2);
    assert.deepEqual(after.diagnostics.map((d) => d.code), ['unfilled-placeholder', 'outdated-legal-reference']);
  });

  it('outlines the sections as a nested tree with their ranges', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const symbols = (await h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    const outline = (ss: readonly DocumentSymbol[], depth = 0): string[] =>
      ss.flatMap((s) => [`${'  '.repeat(depth)}${s.name} [${s.range.start.line}-${s.range.end.line}] (${show(s.selectionRange)})`, ...outline(s.children ?? [], depth + 1)]);
    assert.deepEqual(outline(symbols), [
      'Privacy Policy [0-14] (0:0-0:16)',
      '  Who we are [4-6] (4:0-4:13)',
      '  Cookies [8-14] (8:0-8:10)',
      '    Analytics cookies [12-14] (12:0-12:21)',
    ]);
  });

  it('folds each section from its heading to its last line', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const folds = await h.client.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: URI } });
    assert.deepEqual(folds?.map((f) => `${f.startLine}-${f.endLine}`), ['0-14', '4-6', '8-14', '12-14']);
  });

  it('explains a flagged phrase with its legal source and a heading with the section purpose', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const hoverAt = async (needle: string) => {
      const position = rangeOf(POLICY, needle).start;
      const hover = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: { ...position, character: position.character + 2 } });
      return (hover?.contents as MarkupContent | undefined)?.value ?? '';
    };
    const phrase = await hoverAt('Directive 95/46/EC');
    // The provision this finding rests on, not the rule's sources for every outdated reference.
    assert.ok(phrase.includes('*Rests on:* Regulation (EU) 2016/679 (GDPR), Art. 94(1)'), phrase);
    assert.ok(!phrase.includes(ruleById('outdated-legal-reference')!.meta.legalSource!), phrase);

    const heading = await hoverAt('## Cookies');
    const purpose = topicForTitle('Cookies')?.purpose;
    assert.ok(purpose && heading.includes(purpose), heading);
  });

  it('offers a quick fix for an outdated law that removes the finding once applied', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const finding = (await h.diagnostics(URI)).find((d) => d.code === 'outdated-legal-reference');
    assert.ok(finding);
    const actions = (await h.client.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: URI },
      range: finding.range,
      context: { diagnostics: [finding] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'quickfix');
    const edits = actions[0].edit?.changes?.[URI] ?? [];
    assert.equal(edits.length, 1);
    assert.doesNotMatch(edits[0].newText, /1998/);
    const fixed = applyEdits(POLICY, edits);
    assert.equal(fixed, POLICY.replace('Directive 95/46/EC', edits[0].newText));

    await h.changeDocument(URI, 2, [{ text: fixed }]);
    const codes = (await h.diagnostics(URI)).map((d) => String(d.code));
    assert.deepEqual(codes.filter((c) => !c.startsWith('missing-')), ['unfilled-placeholder', 'doubled-word']);
    // The fixed text cites the GDPR, so the GDPR's checklist now applies, inferred from the text.
    assert.ok(codes.includes('missing-gdpr-disclosure'));
  });

  it('turns a rule off or lowers it to a hint when the settings say so', async () => {
    h = await LspHarness.start({ settings: { rules: { 'doubled-word': 'off' } } });
    await h.openDocument(URI, POLICY);
    assert.deepEqual((await h.diagnostics(URI)).map((d) => d.code), ['unfilled-placeholder', 'outdated-legal-reference']);

    await h.diagnostics(URI);
    assert.equal(h.configurationRequests, 1, 'settings are cached per document');

    await h.changeSettings({ rules: { 'doubled-word': 'hint' } });
    const doubled = (await h.diagnostics(URI)).find((d) => d.code === 'doubled-word');
    assert.equal(doubled?.severity, DiagnosticSeverity.Hint);
    assert.equal(h.configurationRequests, 2);
  });

  it('keeps reporting with the other rules when a setting value is invalid, and says what is wrong', async () => {
    h = await LspHarness.start({ settings: { files: 'everything', rules: { 'doubled-word': 'loud', 'no-such-rule': 'off', 'unfilled-placeholder': 'warning' } } });
    await h.openDocument(URI, POLICY);
    assert.deepEqual(render(await h.diagnostics(URI)).map((r) => r.split(' ').slice(1).join(' ')), [
      `unfilled-placeholder ${DiagnosticSeverity.Warning}`,
      `outdated-legal-reference ${DiagnosticSeverity.Error}`,
      `doubled-word ${DiagnosticSeverity.Warning}`,
    ]);
    assert.ok(h.logs.some((m) => m.includes('rules.doubled-word')), h.logs.join('\n'));
    assert.ok(h.logs.some((m) => m.includes('no-such-rule')), h.logs.join('\n'));
  });

  it('answers a diagnostics request overtaken by an edit with a retrigger instead of stale results', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const gate = h.holdConfiguration();
    const pending = h.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: URI } });
    await gate.arrived;
    // The edit reaches the server before the settings it is waiting for.
    await h.changeDocument(URI, 2, [{ text: POLICY.replace('the the', 'the') }]);
    gate.release();
    await assert.rejects(pending, (error: unknown) => {
      assert.ok(error instanceof ResponseError);
      assert.equal(error.code, LSPErrorCodes.ServerCancelled);
      assert.deepEqual(error.data, { retriggerRequest: true });
      return true;
    });
    assert.deepEqual((await h.diagnostics(URI)).map((d) => d.code), ['unfilled-placeholder', 'outdated-legal-reference']);
  });

  it('answers a cancelled request as cancelled', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const gate = h.holdConfiguration();
    const source = new CancellationTokenSource();
    const pending = h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } }, source.token);
    await gate.arrived;
    source.cancel();
    gate.release();
    await assert.rejects(pending, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  });

  it('answers requests about a document it never opened with nothing, and keeps serving', async () => {
    h = await LspHarness.start();
    const ghost = { uri: 'file:///tmp/ws/never-opened-privacy.md' };
    assert.deepEqual(await h.diagnostics(ghost.uri), []);
    assert.deepEqual(await h.client.sendRequest(DocumentSymbolRequest.type, { textDocument: ghost }), []);
    assert.deepEqual(await h.client.sendRequest(FoldingRangeRequest.type, { textDocument: ghost }), []);
    assert.equal(await h.client.sendRequest(HoverRequest.type, { textDocument: ghost, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await h.client.sendRequest(CodeActionRequest.type, { textDocument: ghost, range: rangeOf('x', 'x'), context: { diagnostics: [] } }), []);

    await h.openDocument(URI, POLICY);
    assert.equal((await h.diagnostics(URI)).length, 3);
  });
});
