import type { PolicyDocument } from '../model/policyDocument';
import type { ChecklistJurisdiction, ChecklistLaw, ChecklistResult } from '../protocol';
import type { RuleSetting } from '../rules/engine';
import { JURISDICTIONS } from '../catalog/clauseCatalog';
import { describeApplicability } from '../facts/applicability';
import { factsOf } from '../facts/facts';
import type { AnalysisOptions } from '../facts/options';
import { defaultAnalysisOptions } from '../rules/engine';

/**
 * The Policy Checklist: for each law that applies, each required item, present (with the passage
 * that satisfies it) or missing (with where it is reported and the edit that adds it). Laws whose
 * rule is turned off in the settings are left out, so the view and the Problems panel agree.
 */
export function provideChecklist(doc: PolicyDocument, rules: Readonly<Record<string, RuleSetting>> = {}, today = new Date(), options: AnalysisOptions = defaultAnalysisOptions()): ChecklistResult {
  const facts = factsOf(doc, options);
  const a = facts.applicability;
  const jurisdictions: ChecklistJurisdiction[] = a.jurisdictions
    .filter((j) => j.code !== 'us' || a.children)
    .map((j) => ({
      code: j.code,
      name: JURISDICTIONS[j.code]?.name ?? j.code,
      declared: j.declared,
      reason: j.reason,
      range: j.start !== undefined && j.end !== undefined ? doc.lines.range(j.start, j.end) : undefined,
    }));
  const laws: ChecklistLaw[] = [];
  let missing = 0;
  for (const status of facts.complianceStatusOn(today)) {
    if (rules[status.law.rule] === 'off') continue;
    laws.push({
      id: status.law.id,
      name: status.law.name,
      jurisdiction: status.law.jurisdiction,
      items: status.items.map((item) => {
        const base = { id: item.requirement.id, title: item.requirement.title, article: item.requirement.article, ruleId: item.requirement.ruleId };
        if (item.evidence) return { ...base, status: 'present' as const, range: doc.lines.range(item.evidence.start, item.evidence.end) };
        missing++;
        const place = facts.placement(item.requirement, today);
        const fix = place.fixes[0];
        return {
          ...base,
          status: 'missing' as const,
          range: doc.lines.range(place.start, place.end),
          fix: fix && { title: fix.title, edits: fix.edits.map((e) => ({ range: doc.lines.range(e.start, e.end), newText: e.newText })) },
        };
      }),
    });
  }
  return { uri: doc.uri, version: doc.version, jurisdictions, laws, missing, summary: describeApplicability(a) };
}
