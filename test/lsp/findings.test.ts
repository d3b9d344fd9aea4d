import { strict as assert } from 'node:assert';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent } from 'vscode-languageserver/node';
import { LspHarness, applyEdits } from '../support/lspHarness';
import type { DiagnosticData } from '../../server/src/protocol';

const URI = 'file:///work/privacy-policy.md';
// A notice for the EU and the UK that says who the controller is and nothing else: every item both laws require is missing.
const EU_AND_UK = ['---', 'jurisdictions: [eu, uk]', '---', '', '# Privacy notice', '', 'Thornbury Kites Ltd is the controller. Write to privacy@thornbury.example.', '', '## Your rights', '', 'You can ask for a copy of your data.', ''].join('\n');

const msg = (d: Diagnostic): string => (typeof d.message === 'string' ? d.message : d.message.value);
const ofRule = (diagnostics: readonly Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('one finding per problem, over LSP', () => {
  let h: LspHarness;
  afterEach(async () => h?.dispose());

  it('reports an item the EU and the UK GDPR both require once, naming both laws and both citations', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, EU_AND_UK);
    const diagnostics = await h.diagnostics(URI);
    const erasure = diagnostics.filter((d) => /right to erasure|erase|delet/i.test(msg(d)) && String(d.code).startsWith('missing-'));
    assert.equal(erasure.length, 1, erasure.map((d) => msg(d)).join('\n'));
    assert.equal(erasure[0].code, 'missing-gdpr-disclosure');
    assert.match(msg(erasure[0]), /^Missing for the EU GDPR and the UK GDPR: .*\(GDPR Art\. 13\(2\)\(b\), Art\. 17; UK GDPR Art\. 13\(2\)\(b\), Art\. 17\), add it to “Your rights”$/);
    const data = erasure[0].data as DiagnosticData;
    assert.deepEqual(data.laws, ['gdpr', 'uk-gdpr']);
    assert.deepEqual(data.rules, ['missing-gdpr-disclosure', 'missing-uk-gdpr-disclosure']);
    // The UK rule speaks only for what the EU GDPR does not ask (complaining to the controller first).
    for (const uk of ofRule(diagnostics, 'missing-uk-gdpr-disclosure')) assert.doesNotMatch(msg(uk), /EU GDPR/);
    const messages = diagnostics.map((d) => msg(d).replace(/\(.*\)/, ''));
    assert.equal(new Set(messages).size, messages.length, 'no two findings say the same thing');
  });

  it('reports the UK part under the UK rule when the EU rule is off', async () => {
    h = await LspHarness.start({ settings: { rules: { 'missing-gdpr-disclosure': 'off' } } });
    await h.openDocument(URI, EU_AND_UK);
    const diagnostics = await h.diagnostics(URI);
    assert.equal(ofRule(diagnostics, 'missing-gdpr-disclosure').length, 0);
    const erasure = ofRule(diagnostics, 'missing-uk-gdpr-disclosure').filter((d) => /Art\. 17/.test(msg(d)));
    assert.equal(erasure.length, 1);
    assert.match(msg(erasure[0]), /^Missing for the UK GDPR: /);
  });

  it('takes the highest severity of the laws involved', async () => {
    h = await LspHarness.start({ settings: { rules: { 'missing-uk-gdpr-disclosure': 'hint' } } });
    await h.openDocument(URI, EU_AND_UK);
    const diagnostics = await h.diagnostics(URI);
    const erasure = diagnostics.filter((d) => /Art\. 17/.test(msg(d)));
    assert.equal(erasure.length, 1);
    assert.equal(erasure[0].severity, 1);
  });
});

describe('quick fixes that claim nothing the lawyer has not chosen, over LSP', () => {
  let h: LspHarness;
  afterEach(async () => h?.dispose());

  for (const [name, sentence] of [
    ['Privacy Shield', 'We transfer personal data to the United States under the EU-U.S. Privacy Shield.'],
    ['Safe Harbor', 'We transfer personal data to the United States under the EU-U.S. Safe Harbor Framework.'],
  ]) {
    it(`offer both current mechanisms for ${name}, each titled with what it claims`, async () => {
      h = await LspHarness.start();
      const text = ['---', 'jurisdictions: [eu]', '---', '', '# Privacy notice', '', '## International transfers', '', sentence, ''].join('\n');
      await h.openDocument(URI, text);
      const finding = (await h.diagnostics(URI)).find((d) => d.code === 'outdated-legal-reference');
      assert.ok(finding, 'the outdated mechanism is flagged');
      const actions = (await h.client.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: finding.range, context: { diagnostics: [finding] } })) as CodeAction[];
      const titles = actions.map((a) => a.title);
      const dpf = actions.find((a) => /Data Privacy Framework/.test(a.title));
      const sccs = actions.find((a) => /standard contractual clauses/.test(a.title));
      assert.ok(dpf && sccs, titles.join('\n'));
      assert.match(dpf.title, /certified/);
      assert.match(sccs.title, /no certification/);
      assert.ok(!dpf.isPreferred && !sccs.isPreferred, 'neither is applied by a blind "fix all" or auto-fix');
      const edited = applyEdits(text, sccs.edit!.changes![URI]);
      assert.match(edited, /under the standard contractual clauses adopted by the European Commission \(Implementing Decision \(EU\) 2021\/914\)\./);
    });
  }
});

describe('the hover of a finding, over LSP', () => {
  let h: LspHarness;
  afterEach(async () => h?.dispose());
  const text = ['---', 'jurisdictions: [eu]', '---', '', '# Privacy notice', '', 'Last updated: 1 March 2026', '', '## International transfers', '', 'We transfer personal data to the United States under the EU-U.S. Privacy Shield.', ''].join('\n');

  async function hoverOf(code: string): Promise<{ value: string; diagnostic: Diagnostic }> {
    const diagnostic = (await h.diagnostics(URI)).find((d) => d.code === code)!;
    assert.ok(diagnostic, code);
    const hover = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: diagnostic.range.start });
    return { value: (hover?.contents as MarkupContent).value, diagnostic };
  }

  it('says what is wrong here, why, the one provision it rests on and what to do, not the rule’s bibliography', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, text);
    const { value } = await hoverOf('outdated-legal-reference');
    assert.match(value.split('\n')[0], /^\*\*“EU-U\.S\. Privacy Shield” was invalidated/, 'the heading is this finding, not the rule’s description');
    assert.match(value, /\*Why:\*/);
    assert.match(value, /\*Rests on:\* CJEU C-311\/18 Schrems II/);
    assert.doesNotMatch(value, /Aristotle|TRUSTe|ePrivacy Regulation proposal|Sch\. 19/, 'no other reference’s source');
    assert.match(value, /\*What to do\*/);
    assert.match(value, /Data Privacy Framework/);
    assert.match(value, /standard contractual clauses/);
  });

  it('links to the bundled rule page, never to github.com: a file for any client, the preview command for ours', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, text);
    const { value, diagnostic } = await hoverOf('outdated-legal-reference');
    assert.doesNotMatch(value, /github\.com/);
    const href = diagnostic.codeDescription!.href;
    assert.match(href, /^file:\/\/.*\/docs\/rules\/outdated-legal-reference\.md$/);
    assert.match(value, new RegExp(`\\[Rule documentation\\]\\(${href.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
    await h.dispose();

    h = await LspHarness.start({ initializationOptions: { ruleDocsCommand: true } });
    await h.openDocument(URI, text);
    const ours = await hoverOf('outdated-legal-reference');
    assert.match(ours.value, /\[Rule documentation\]\(command:policywright\.showRuleDocs\?%5B%22outdated-legal-reference%22%5D\)/);
    assert.match(ours.diagnostic.codeDescription!.href, /^file:/, 'the Problems panel opens the file: it runs no commands');
  });

  it('gives a merged finding every law’s provision, and only those', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, EU_AND_UK);
    const diagnostics = await h.diagnostics(URI);
    const erasure = diagnostics.find((d) => /Art\. 17/.test(msg(d)))!;
    const hover = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: erasure.range.start });
    const value = (hover?.contents as MarkupContent).value;
    const part = value.split('\n---\n').find((p) => p.includes('Art. 17'))!;
    assert.match(part, /\*Rests on:\* GDPR Art\. 13\(2\)\(b\), Art\. 17; UK GDPR Art\. 13\(2\)\(b\), Art\. 17/);
  });
});
