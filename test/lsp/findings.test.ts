import { strict as assert } from 'node:assert';
import type { Diagnostic } from 'vscode-languageserver/node';
import { LspHarness } from '../support/lspHarness';
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
