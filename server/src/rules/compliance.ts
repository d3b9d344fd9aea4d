import type { MergePart, Rule, RuleContext } from './rule';
import type { LawStatus } from '../facts/requirements';
import { JURISDICTIONS } from '../catalog/clauseCatalog';
import { LAWS } from '../facts/requirements';

/**
 * One rule per law (the US state laws share one): each required disclosure the policy does not
 * make is one finding, citing the provision, with a fix that adds it from the clause library.
 */
function missingDisclosureRule(ruleId: string): Rule {
  const laws = LAWS.filter((l) => l.rule === ruleId);
  const names = laws.map((l) => l.name);
  const jurisdictions = [...new Set(laws.map((l) => JURISDICTIONS[l.jurisdiction]?.name ?? l.jurisdiction))];
  return {
    meta: {
      id: ruleId,
      description: `Reports each disclosure ${new Intl.ListFormat('en', { type: 'conjunction' }).format(names)} require${names.length === 1 ? 's' : ''} that the policy does not make`,
      defaultSeverity: 'error',
      tags: ['compliance', 'inserts', ...new Set(laws.map((l) => l.jurisdiction))],
      legalSource: laws.map((l) => l.source).join('; '),
      explanation: `Applies when the policy's front matter declares ${jurisdictions.join(' or ')} in \`jurisdictions:\`, or when the text makes it evident (then findings are one step milder). Each finding names the provision that requires the item; the quick fix adds a sentence to the right section, or inserts the library clause where that section usually stands. An item several laws require at the same place is one finding, listed under the first of their rules (e.g. \`missing-gdpr-disclosure\` for an item the EU and the UK GDPR both require), naming every law with its citation, at the highest of their severities; one insertion satisfies them all.`,
    },
    check(ctx) {
      for (const status of ctx.facts.complianceStatusOn(ctx.today)) {
        if (status.law.rule !== ruleId) continue;
        const inferred = !status.applies.declared;
        const note = inferred
          ? `*Why this law applies:* ${status.applies.reason}. This was inferred from the text: declare the policy's jurisdictions in its front matter, e.g. \`jurisdictions: [${status.law.jurisdiction}]\`, or set \`policywright.compliance.jurisdictions\`.`
          : `*Why this law applies:* ${JURISDICTIONS[status.law.jurisdiction]?.name ?? status.law.jurisdiction} is ${status.applies.reason}.`;
        // Readers sent to another page: one note, from the first law of the jurisdiction, instead of a list of gaps.
        if (status.applies.elsewhere && !status.applies.declared) {
          if (LAWS.find((l) => l.jurisdiction === status.law.jurisdiction) !== status.law) continue;
          const at = status.applies.elsewhere;
          const place = JURISDICTIONS[status.law.jurisdiction]?.name ?? status.law.jurisdiction;
          ctx.report({
            start: at.start,
            end: at.end,
            severity: 'information',
            message: `Readers in ${place} are sent to another page here, so what ${status.law.name} requires is not checked in this document: declare “jurisdictions: [${status.law.jurisdiction}]” in the front matter to check it here`,
            hoverNote: note,
          });
          continue;
        }
        for (const item of status.items) {
          if (item.evidence || item.requirement.ruleId !== ruleId) continue;
          const place = ctx.facts.placement(item.requirement, ctx.today);
          const title = lowerFirst(item.requirement.title);
          const where = place.section ? ` to ${quoteTitle(place.section.title)}` : '';
          ctx.report({
            start: place.start,
            end: place.end,
            severity: item.severity,
            message: compose(title, where)([{ code: status.law.id, name: status.law.name, citation: item.requirement.article, inferred }]),
            fixes: place.fixes,
            hoverNote: note,
            source: item.requirement.article,
            // The same item missing at the same place for several laws (the EU and the UK GDPR): one finding.
            merge: {
              key: `missing-disclosure\u0000${item.requirement.disclosure}\u0000${place.start}`,
              part: { code: status.law.id, name: status.law.name, citation: item.requirement.article, inferred },
              compose: compose(title, where),
            },
          });
        }
        reportUpcoming(ctx, status, ruleId, note);
      }
    },
  };
}

/**
 * Items of one law that take effect within six months and the policy does not make yet: one information finding,
 * "From 1 January 2027, <law> requires …: add it now so the policy is ready", where the first of them belongs.
 */
function reportUpcoming(ctx: RuleContext, status: LawStatus, ruleId: string, note: string): void {
  const items = status.upcoming.filter((i) => i.requirement.ruleId === ruleId);
  if (items.length === 0) return;
  const first = [...items].sort((a, b) => (a.requirement.from! < b.requirement.from! ? -1 : a.requirement.from! > b.requirement.from! ? 1 : 0))[0];
  const dates = [...new Set(items.map((i) => i.requirement.from!))].sort();
  const list = new Intl.ListFormat('en', { type: 'conjunction' }).format(items.map((i) => `${lowerFirst(i.requirement.title)} (${i.requirement.article})`));
  const when = dates.length === 1 ? `From ${longDate(dates[0])}` : `From ${longDate(dates[0])} to ${longDate(dates[dates.length - 1])}`;
  const place = ctx.facts.placement(first.requirement, ctx.today);
  const them = items.length === 1 ? 'it' : 'them';
  ctx.report({
    start: place.start,
    end: place.end,
    severity: 'information',
    message: `${when}, ${status.law.name} requires ${list}: add ${them} now so the policy is ready`,
    fixes: place.fixes,
    hoverNote: `${note} Checked as of ${longDate(status.day)}; items taking effect within six months are announced once, as information.`,
  });
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 2027-01-01 as "1 January 2027". */
function longDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** "Missing for the EU GDPR and the UK GDPR: the item (GDPR Art. 13(1)(b); UK GDPR Art. 13(1)(b)), add it to “Contact”". */
function compose(title: string, where: string): (parts: readonly MergePart[]) => string {
  return (parts) => {
    const laws = LIST.format(parts.map((p) => withArticle(p.name)));
    const inferred = parts.filter((p) => p.inferred).map((p) => withArticle(p.name));
    const note = inferred.length > 0 ? ` (${LIST.format(inferred)} inferred from the text)` : '';
    return `Missing for ${laws}: ${title} (${parts.map((p) => p.citation).join('; ')}), add it${where}${note}`;
  };
}

const LIST = new Intl.ListFormat('en-GB', { type: 'conjunction' });

/** "the EU GDPR", "the CCPA/CPRA"; names said without an article (PIPEDA, COPPA, CalOPPA, Québec Law 25) as they are. */
export function withArticle(name: string): string {
  return /^(?:PIPEDA|COPPA|CalOPPA|Québec|Law\b)/.test(name) ? name : `the ${name}`;
}

function lowerFirst(s: string): string {
  return /^(?:The|Who|How|Whether|What|Where|An?|Parents|Sensitive)\b/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

function quoteTitle(title: string): string {
  return '“' + (title.length > 50 ? title.slice(0, 49) + '…' : title) + '”';
}

export const COMPLIANCE_RULES: readonly Rule[] = Object.freeze([...new Set(LAWS.map((l) => l.rule))].map(missingDisclosureRule));
