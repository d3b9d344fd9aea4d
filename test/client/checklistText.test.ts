import { strict as assert } from 'node:assert';
import { findItem, insertQuestion, itemLabel, itemTooltip, lawDescription, statusLabel, statusText, statusTooltip } from '../../client/src/checklistText';
import type { ChecklistItem, ChecklistLaw, ChecklistResult } from '../../server/src/protocol';

const at = (line: number) => ({ start: { line, character: 0 }, end: { line, character: 5 } });
const item = (id: string, status: 'present' | 'missing', fix = false): ChecklistItem => ({
  id,
  title: `Title of ${id}`,
  article: 'GDPR Art. 13(2)(d)',
  status,
  ruleId: 'missing-disclosure',
  range: at(3),
  ...(fix ? { fix: { title: 'Insert the complaint clause', edits: [{ range: at(9), newText: '## Complaints\n' }] } } : {}),
});
const gdpr: ChecklistLaw = { id: 'gdpr', name: 'EU GDPR', jurisdiction: 'eu', items: [item('gdpr.contact', 'present'), item('gdpr.complaint', 'missing', true), item('gdpr.restriction', 'missing')] };
const uk: ChecklistLaw = { id: 'uk-gdpr', name: 'UK GDPR', jurisdiction: 'uk', items: [item('gdpr.contact', 'present')] };
const result = (laws: ChecklistLaw[]): ChecklistResult => ({
  uri: 'file:///p.md',
  version: 4,
  jurisdictions: [],
  laws,
  missing: laws.flatMap((l) => l.items).filter((i) => i.status === 'missing').length,
  summary: 'Applies: EU (declared in front matter)',
});

describe('Policy Checklist wording (client)', () => {
  it('counts what is missing per law, or says the law is complete', () => {
    assert.equal(lawDescription(gdpr), '2 missing');
    assert.equal(lawDescription(uk), 'complete');
  });

  it('gives the status bar a count, a completion mark, or says that no law applies', () => {
    assert.equal(statusText(result([gdpr, uk])), '$(checklist) 2 missing');
    assert.equal(statusText(result([uk])), '$(pass) Checklist complete');
    assert.equal(statusText(result([])), '$(checklist) No law applies');
    assert.equal(statusLabel(result([gdpr])), 'Policy checklist: 2 items missing');
  });

  it('lists each law in the status-bar tooltip, then the summary', () => {
    const tooltip = statusTooltip(result([gdpr, uk]));
    assert.match(tooltip, /^- EU GDPR: 2 missing$/m);
    assert.match(tooltip, /^- UK GDPR: complete$/m);
    assert.ok(tooltip.indexOf('Applies: EU') > tooltip.indexOf('UK GDPR'));
  });

  it('says in the item tooltip what a click does, by status and fix', () => {
    assert.match(itemTooltip(gdpr.items[0]), /Present in the policy/);
    assert.match(itemTooltip(gdpr.items[1]), /insert a clause: Insert the complaint clause/);
    assert.match(itemTooltip(gdpr.items[2]), /show where the finding is/);
    assert.match(itemTooltip(gdpr.items[0]), /`missing-disclosure`/);
  });

  it('escapes Markdown in titles from the server', () => {
    assert.match(itemTooltip({ ...gdpr.items[0], title: 'Rights *not* [listed]' }), /Rights \\\*not\\\* \\\[listed\\\]/);
  });

  it('labels each item with its title, article and status for screen readers', () => {
    assert.equal(itemLabel(gdpr.items[1]), 'Title of gdpr.complaint, GDPR Art. 13(2)(d), missing');
  });

  it('finds an item again in a newer answer by law and id, keeping laws apart', () => {
    const next = result([uk, { ...gdpr, items: [item('gdpr.contact', 'missing')] }]);
    assert.equal(findItem(next, 'gdpr', 'gdpr.contact')?.status, 'missing');
    assert.equal(findItem(next, 'uk-gdpr', 'gdpr.contact')?.status, 'present');
    assert.equal(findItem(next, 'gdpr', 'gdpr.gone'), undefined);
    assert.equal(findItem(null, 'gdpr', 'gdpr.contact'), undefined);
  });

  it('asks before inserting, naming the requirement and the clause', () => {
    const q = insertQuestion(gdpr.items[1]);
    assert.match(q.message, /Title of gdpr\.complaint \(GDPR Art\. 13\(2\)\(d\)\)/);
    assert.match(q.detail, /^Insert the complaint clause\./);
  });
});
