import * as assert from 'node:assert/strict';
import { lines, makeDoc } from '../support/doc';
import { LAWS, complianceStatus } from '../../server/src/facts/requirements';
import { placeRequirement } from '../../server/src/facts/placement';
import { disclosuresOf, allDisclosures } from '../../server/src/facts/disclosures';
import { builtInLibrary } from '../../server/src/catalog/clauseLibrary';
import { applicability, describeApplicability } from '../../server/src/facts/applicability';
import type { Fix } from '../../server/src/rules/rule';

const apply = (text: string, fix: Fix) => [...fix.edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.newText + t.slice(e.end), text);

// A policy that declares the law and says almost nothing, with a few usual sections to insert into.
const bare = (jurisdiction: string) =>
  lines('---', `jurisdictions: [${jurisdiction}]`, 'audience: children', '---', '', '# Privacy policy', '', 'This policy explains how we handle information.', '', '## Your rights', '', 'You have these rights:', '', '- Ask us a question.', '', '## Contact us', '', 'Write to us.', '');

describe('compliance requirements', () => {
  it('names a known disclosure, a library clause and a provision for every item', () => {
    const ids = new Set(allDisclosures().map((d) => d.id));
    for (const law of LAWS) {
      for (const item of law.items) {
        assert.ok(ids.has(item.disclosure), `${item.id}: unknown disclosure`);
        assert.ok(builtInLibrary().byId(item.clause), `${item.id}: unknown clause ${item.clause}`);
        assert.ok(/\d/.test(item.article), `${item.id}: the provision should cite a number`);
        if (item.whenMentions) assert.ok(ids.has(item.whenMentions), `${item.id}: unknown condition ${item.whenMentions}`);
      }
    }
  });

  for (const law of LAWS) {
    for (const item of law.items) {
      it(`${item.id}: every quick fix makes the disclosure`, () => {
        const text = bare(law.jurisdiction);
        const doc = makeDoc(text);
        if (disclosuresOf(doc).has(item.disclosure)) return; // the bare policy already says it
        const fixes = placeRequirement(doc, item).fixes;
        assert.ok(fixes.length > 0, 'offers a fix');
        for (const fix of fixes) {
          const fixed = makeDoc(apply(text, fix));
          assert.ok(disclosuresOf(fixed).has(item.disclosure), `"${fix.title}" does not make ${item.disclosure}:\n${apply(text, fix).slice(0, 2000)}`);
        }
      });
    }
  }

  it('one inserted clause satisfies every law that asks for the same item', () => {
    const text = lines('---', 'jurisdictions: [eu, uk]', '---', '', '# Privacy policy', '', 'Example Ltd runs this shop.', '');
    const doc = makeDoc(text);
    const missing = (d: ReturnType<typeof makeDoc>) => complianceStatus(d).flatMap((s) => s.items.filter((i) => !i.evidence).map((i) => i.requirement.id));
    assert.ok(missing(doc).includes('gdpr.complaint-authority') && missing(doc).includes('uk-gdpr.complaint-authority'));
    const gdpr = complianceStatus(doc).find((s) => s.law.id === 'gdpr')!.items.find((i) => i.requirement.disclosure === 'complaint-authority')!;
    const fixed = makeDoc(apply(text, placeRequirement(doc, gdpr.requirement).fixes[0]));
    assert.ok(!missing(fixed).includes('gdpr.complaint-authority'));
    assert.ok(!missing(fixed).includes('uk-gdpr.complaint-authority'));
  });

  it('makes a missing Global Privacy Control statement an error when the policy declares that it sells or shares', () => {
    const policy = (sells: boolean) => makeDoc(lines('---', 'jurisdictions: [us-ca]', `sells-or-shares: ${sells}`, '---', '', '# Privacy policy', '', 'Example Inc. runs this shop.', ''));
    const gpc = (sells: boolean) => complianceStatus(policy(sells)).find((s) => s.law.id === 'ccpa')!.items.find((i) => i.requirement.disclosure === 'gpc')!;
    assert.equal(gpc(true).severity, 'error');
    assert.equal(gpc(false).severity, 'warning');
  });

  it('checks no law for `jurisdictions: []`, and infers nothing', () => {
    const doc = makeDoc(lines('---', 'jurisdictions: []', '---', '', '# Privacy policy', '', 'This notice is for California residents under the CCPA.', ''));
    assert.deepEqual(complianceStatus(doc), []);
    assert.deepEqual(applicability(doc).jurisdictions, []);
  });

  it('makes no disclosure checks on a policy that is not in English, and says so', () => {
    const german = lines('---', 'jurisdictions: [eu]', '---', '', '# Datenschutzerklärung', '', 'Wir verarbeiten Ihre Daten nur, wenn es für die Bestellung nötig ist. Sie können jederzeit Auskunft verlangen und der Verarbeitung widersprechen. Wir speichern die Angaben so lange, wie das Gesetz es verlangt, und löschen sie danach. Fragen beantwortet unser Team gern per Post oder am Telefon.', '');
    const doc = makeDoc(german);
    assert.deepEqual(complianceStatus(doc), []);
    assert.match(describeApplicability(applicability(doc)), /does not read as English/);
  });

  it('adds a missing right to the list in the rights section, not after it', () => {
    const text = lines('---', 'jurisdictions: [eu]', '---', '', '# Privacy policy', '', '## Your rights', '', 'You can:', '', '- access your information;', '- correct it.', '', 'We answer within a month.', '');
    const doc = makeDoc(text);
    const restriction = LAWS.find((l) => l.id === 'gdpr')!.items.find((i) => i.disclosure === 'right-restriction')!;
    const fixed = apply(text, placeRequirement(doc, restriction).fixes[0]);
    assert.match(fixed, /- correct it\.\n- \*\*Restrict\*\*[^\n]*\n\nWe answer within a month\./);
  });
});
