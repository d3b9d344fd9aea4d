import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDoc } from '../support/doc';
import { runRules, type ReportedFinding } from '../../server/src/rules/engine';
import { provideChecklist } from '../../server/src/features/checklist';
import { LAWS } from '../../server/src/facts/requirements';

// A complete, fictional EU/UK/California policy written for these tests (see the folder's README),
// and for each disclosure the passages that make it: removing them must cost exactly that item.
const FOLDER = join(process.cwd(), 'test', 'fixtures', 'compliance');
const TEXT = readFileSync(join(FOLDER, 'complete-eu-uk-us-ca.md'), 'utf8');
const FILE = JSON.parse(readFileSync(join(FOLDER, 'complete-eu-uk-us-ca.removals.json'), 'utf8')) as { items: Record<string, string[]>; coupled: Record<string, string> };
const REMOVALS = FILE.items;
// Items the law ties to another passage that stays (the controller's name is also its identity, a
// DPF recourse sentence also names the regulators): after the removal, that passage, and only
// that one, must still be what satisfies the item.
const COUPLED = FILE.coupled;
const TODAY = new Date(Date.UTC(2026, 10, 22));

const analyse = (text: string) => {
  const doc = makeDoc(text);
  return { doc, findings: runRules(doc, { today: TODAY }), checklist: provideChecklist(doc, {}, TODAY) };
};
const serious = (findings: readonly ReportedFinding[]) => findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
const missingIds = (c: ReturnType<typeof provideChecklist>) => c.laws.flatMap((l) => l.items.filter((i) => i.status === 'missing').map((i) => i.id)).sort();

describe('a complete EU, UK and California policy', () => {
  const base = analyse(TEXT);

  it('raises no errors and no warnings', () => {
    assert.deepEqual(serious(base.findings).map((f) => `${base.doc.lines.lineAt(f.start) + 1} ${f.ruleId}: ${f.message}`), []);
  });

  it('meets every item of the GDPR, UK GDPR, CCPA and CalOPPA checklists', () => {
    assert.deepEqual(base.checklist.laws.map((l) => l.id), ['gdpr', 'uk-gdpr', 'ccpa', 'caloppa']);
    assert.deepEqual(missingIds(base.checklist), []);
    assert.equal(base.checklist.missing, 0);
  });

  const required = new Set(LAWS.filter((l) => ['eu', 'uk', 'us-ca'].includes(l.jurisdiction) && !l.whenChildren).flatMap((l) => l.items.map((i) => i.disclosure)));
  const lawsFor = (disclosure: string) => LAWS.filter((l) => ['eu', 'uk', 'us-ca'].includes(l.jurisdiction) && !l.whenChildren && l.items.some((i) => i.disclosure === disclosure));

  for (const [item, passages] of Object.entries(REMOVALS)) {
    if (!required.has(item)) continue;
    it(`without ${item}: exactly that item is missing, each law that requires it named once, one finding per place`, () => {
      let text = TEXT;
      for (const p of passages) {
        assert.equal(text.split(p).length, 2, `removal passage for ${item} must occur exactly once: ${JSON.stringify(p.slice(0, 60))}`);
        text = text.replace(p, '');
      }
      const after = analyse(text);
      if (COUPLED[item]) {
        const present = after.checklist.laws.flatMap((l) => l.items).filter((i) => i.id.endsWith(`.${item}`));
        assert.ok(present.length > 0);
        for (const p of present) {
          assert.equal(p.status, 'present', p.id);
          const passage = after.doc.text.slice(after.doc.lines.offsetAt(p.range.start), after.doc.lines.offsetAt(p.range.end));
          assert.ok(passage.includes(COUPLED[item]), `${p.id} is satisfied by ${JSON.stringify(passage.slice(0, 80))}, expected the passage with ${JSON.stringify(COUPLED[item])}`);
        }
        assert.deepEqual(missingIds(after.checklist), [], 'nothing else goes missing');
        return;
      }
      const expected = lawsFor(item).map((l) => `${l.id}.${item}`).sort();
      assert.deepEqual(missingIds(after.checklist), expected, 'checklist');
      const rules = [...new Set(lawsFor(item).map((l) => l.items.find((i) => i.disclosure === item)!.ruleId))].sort();
      const missing = after.findings.filter((f) => f.ruleId.startsWith('missing-'));
      const fresh = [...new Set(missing.flatMap((f) => (f.parts ? f.parts.map((p) => p.ruleId) : [f.ruleId])))].sort();
      assert.deepEqual(missing.flatMap((f) => f.parts?.map((p) => p.code) ?? []).sort(), lawsFor(item).filter((l) => l.items.find((i) => i.disclosure === item)!.ruleId === l.rule).map((l) => l.id).sort(), 'each law once');
      assert.equal(new Set(missing.map((f) => f.start)).size, missing.length, 'one finding per place');
      assert.deepEqual(fresh, rules, `findings: ${after.findings.filter((f) => f.ruleId.startsWith('missing-')).map((f) => f.message).join(' | ')}`);
    });
  }

  it('has a removal passage for every item the three jurisdictions require', () => {
    const conditional = new Set(LAWS.flatMap((l) => l.items.filter((i) => i.whenMentions).map((i) => i.disclosure)));
    const lacking = [...required].filter((d) => !(d in REMOVALS) && !conditional.has(d));
    assert.deepEqual(lacking, []);
  });
});
