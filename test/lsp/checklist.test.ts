import { strict as assert } from 'node:assert';
import { HoverRequest, type MarkupContent } from 'vscode-languageserver/node';
import { LspHarness, applyEdits } from '../support/lspHarness';
import { CHECKLIST_REQUEST, type ChecklistResult } from '../../server/src/protocol';

const URI = 'file:///work/privacy-policy.md';
const POLICY = [
  '---',
  'jurisdictions: [eu]',
  '---',
  '',
  '# Privacy policy',
  '',
  'Example Ltd is the controller. Write to privacy@example.com.',
  '',
  '## Your rights',
  '',
  '- **Access** the information we hold about you.',
  '',
].join('\n');

describe('the Policy Checklist over LSP', () => {
  let h: LspHarness;
  afterEach(async () => h?.dispose());

  it('lists present and missing items for the declared law, and its fix makes the item present', async () => {
    h = await LspHarness.start();
    await h.openDocument(URI, POLICY);
    const result = (await h.client.sendRequest(CHECKLIST_REQUEST, { uri: URI })) as ChecklistResult;
    assert.equal(result.version, 1);
    assert.deepEqual(result.jurisdictions.map((j) => [j.code, j.declared]), [['eu', true]]);
    const gdpr = result.laws.find((l) => l.id === 'gdpr')!;
    const byId = new Map(gdpr.items.map((i) => [i.id, i]));
    assert.equal(byId.get('gdpr.right-access')?.status, 'present');
    assert.equal(byId.get('gdpr.right-access')?.range.start.line, 10);
    const complaint = byId.get('gdpr.complaint-authority')!;
    assert.equal(complaint.status, 'missing');
    assert.equal(complaint.ruleId, 'missing-gdpr-disclosure');
    assert.equal(result.missing, gdpr.items.filter((i) => i.status === 'missing').length);
    assert.ok(complaint.fix);

    const fixed = applyEdits(POLICY, complaint.fix!.edits);
    await h.changeDocument(URI, 2, [{ text: fixed }]);
    const after = (await h.client.sendRequest(CHECKLIST_REQUEST, { uri: URI })) as ChecklistResult;
    assert.equal(after.laws[0].items.find((i) => i.id === 'gdpr.complaint-authority')?.status, 'present');
    assert.equal(after.missing, result.missing - 1);
  });

  it('uses the jurisdictions setting when the front matter declares none, and drops a law whose rule is off', async () => {
    const undeclared = POLICY.replace('jurisdictions: [eu]', 'policy: true');
    h = await LspHarness.start({ settings: { compliance: { jurisdictions: ['uk'] } } });
    await h.openDocument(URI, undeclared);
    const result = (await h.client.sendRequest(CHECKLIST_REQUEST, { uri: URI })) as ChecklistResult;
    assert.deepEqual(result.laws.map((l) => l.id), ['uk-gdpr']);
    assert.match(result.summary, /policywright\.compliance\.jurisdictions/);

    await h.changeSettings({ compliance: { jurisdictions: ['uk'] }, rules: { 'missing-uk-gdpr-disclosure': 'off' } });
    const off = (await h.client.sendRequest(CHECKLIST_REQUEST, { uri: URI })) as ChecklistResult;
    assert.deepEqual(off.laws, []);
    assert.equal(off.missing, 0);
  });

  it('says in the hover when a law was inferred from the text, and how to declare it', async () => {
    h = await LspHarness.start();
    const inferred = ['# Privacy policy', '', 'This notice is for residents of California.', ''].join('\n');
    await h.openDocument(URI, inferred);
    const diagnostics = await h.diagnostics(URI);
    const ccpa = diagnostics.find((d) => d.code === 'missing-ccpa-disclosure');
    assert.ok(ccpa, 'California inferred from the text');
    assert.match(String(ccpa.message), /inferred from the text/);
    const hover = await h.client.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: ccpa.range.start });
    const value = (hover?.contents as MarkupContent).value;
    assert.match(value, /inferred from the text/);
    assert.match(value, /jurisdictions: \[us-ca\]/);
  });
});
