import data from '../../data/requirements.json';
import type { PolicyDocument } from '../model/policyDocument';
import type { Severity } from './edits';
import { JURISDICTIONS } from '../catalog/clauseCatalog';
import { applicability, type Applies } from './applicability';
import { disclosure, disclosuresOf, passagesOf, type Evidence } from './disclosures';
import { topicForTitle } from '../catalog/sectionTopics';
import { perDocument, perDocumentAnd } from './cache';
import { DEFAULT_COMPLIANCE, type ComplianceOptions } from './options';

export interface Requirement {
  /** `<law>.<disclosure>`, e.g. `gdpr.complaint-authority`. */
  readonly id: string;
  readonly disclosure: string;
  readonly title: string;
  readonly article: string;
  readonly severity: Severity;
  /** The severity when the front matter declares `sells-or-shares: true` (GPC must then be honoured, 11 CCR §7025). */
  readonly severityIfSells?: Severity;
  /** The rule that reports it when missing: the law's own, unless another rule already covers it. */
  readonly ruleId: string;
  /** The library clause that satisfies it. */
  readonly clause: string;
  /** The section topic it belongs in, when not the clause's (Canada's access right sits with the rights). */
  readonly topic?: string;
  /** When the policy has a section of this topic, only a passage inside it counts (California's rights in the California section). */
  readonly inSection?: string;
  /** Applies only when the policy makes this other disclosure (e.g. it mentions consent). */
  readonly whenMentions?: string;
  /** Does not apply when the policy makes this disclosure (it says it does not sell: no opt-out notice is owed). */
  readonly unlessMentions?: string;
  /** With `unlessMentions`: the statement makes the item moot only when the policy does not also make this one (targeted advertising). */
  readonly unlessAbsent?: string;
  /** The first day it applies (YYYY-MM-DD): the later of the law's date and the item's own. */
  readonly from?: string;
  /** The last day it applies (YYYY-MM-DD), when repealed or replaced. */
  readonly until?: string;
}

export interface Law {
  readonly id: string;
  readonly name: string;
  readonly jurisdiction: string;
  readonly whenChildren: boolean;
  readonly rule: string;
  readonly source: string;
  /** The first day the law applies (YYYY-MM-DD). */
  readonly from?: string;
  readonly until?: string;
  /** Applies only to businesses above thresholds: its items are information unless the front matter says `thresholds: met`. */
  readonly thresholds: boolean;
  /** The text its items were checked against, and when. */
  readonly verified?: string;
  readonly items: readonly Requirement[];
}

// A missing date is missing-effective-date's finding, whichever laws require it: one finding, not one per law.
const REPORTED_BY: Readonly<Record<string, string>> = Object.freeze({ 'effective-date': 'missing-effective-date' });

export const LAWS: readonly Law[] = Object.freeze(
  data.laws.map((l) => {
    const raw = l as { id: string; name: string; jurisdiction: string; when?: string; rule: string; source: string; from?: string; until?: string; thresholds?: boolean; verified?: string; items: Array<{ disclosure: string; article: string; severity: string; clause: string; topic?: string; inSection?: string; severityIfSells?: string; from?: string; until?: string; when?: { mentions?: string; unless?: string; unlessAbsent?: string } }> };
    return Object.freeze({
      id: raw.id,
      name: raw.name,
      jurisdiction: raw.jurisdiction,
      whenChildren: raw.when === 'children',
      rule: raw.rule,
      source: raw.source,
      from: raw.from,
      until: raw.until,
      thresholds: raw.thresholds === true,
      verified: raw.verified,
      items: Object.freeze(
        raw.items.map((i) =>
          Object.freeze({
            id: `${raw.id}.${i.disclosure}`,
            disclosure: i.disclosure,
            title: disclosure(i.disclosure)?.title ?? i.disclosure,
            article: i.article,
            severity: i.severity as Severity,
            ruleId: REPORTED_BY[i.disclosure] ?? raw.rule,
            severityIfSells: i.severityIfSells as Severity | undefined,
            clause: i.clause,
            topic: i.topic,
            inSection: i.inSection,
            whenMentions: i.when?.mentions,
            unlessMentions: i.when?.unless,
            unlessAbsent: i.when?.unlessAbsent,
            from: later(raw.from, i.from),
            until: earlier(raw.until, i.until),
          }),
        ),
      ),
    });
  }),
);

function later(a?: string, b?: string): string | undefined {
  return a === undefined ? b : b === undefined ? a : a > b ? a : b;
}
function earlier(a?: string, b?: string): string | undefined {
  return a === undefined ? b : b === undefined ? a : a < b ? a : b;
}

/** Whether the requirement is law on `day` (YYYY-MM-DD): on or after its `from`, on or before its `until`. */
export function inForceOn(requirement: Requirement, day: string): boolean {
  return (requirement.from === undefined || requirement.from <= day) && (requirement.until === undefined || day <= requirement.until);
}

/** How far ahead an item not yet in force is announced: six months, so that a policy is ready on the day. */
export const UPCOMING_MONTHS = 6;

/** `day` plus six months, as YYYY-MM-DD (31 August plus six months is the last day of February). */
export function horizonOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const month = m - 1 + UPCOMING_MONTHS;
  const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** A YYYY-MM-DD string that names a real day. */
export function isIsoDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return date.getUTCFullYear() === +m[1] && date.getUTCMonth() === +m[2] - 1 && date.getUTCDate() === +m[3];
}

/** The day compliance is checked on: `policywright.compliance.asOf` (or `--as-of`) when set, otherwise today. */
export function assessmentDay(options: ComplianceOptions, today: Date = new Date()): string {
  return options.asOf && isIsoDay(options.asOf) ? options.asOf : today.toISOString().slice(0, 10);
}

export interface ItemStatus {
  readonly law: Law;
  readonly requirement: Requirement;
  /** The passage that satisfies it; absent when the policy does not make the disclosure. */
  readonly evidence?: Evidence;
  /** The severity for this document: one step milder when the law was only inferred. */
  readonly severity: Severity;
}

export interface LawStatus {
  readonly law: Law;
  readonly applies: Applies;
  readonly items: readonly ItemStatus[];
  /** Items not yet in force that take effect within six months of the day checked, not yet met: told once per law, as information. */
  readonly upcoming: readonly ItemStatus[];
  /** The day the law was checked on (YYYY-MM-DD). */
  readonly day: string;
}

const MILDER: Record<Severity, Severity> = { error: 'warning', warning: 'information', information: 'information', hint: 'hint' };

// Items that must stand in a given section (California's) look at every passage of their disclosures, not just the first.
const IN_SECTION: ReadonlySet<string> = new Set(LAWS.flatMap((law) => law.items.filter((i) => i.inSection).map((i) => i.disclosure)));
const sectionPassages = perDocument((doc: PolicyDocument) => passagesOf(doc, IN_SECTION));

/** For every law that applies to the document: each of its requirements in force on the day, met or not. Kept per version, compliance options and day. */
const statuses = perDocumentAnd((_doc: PolicyDocument, _options: ComplianceOptions) => new Map<string, readonly LawStatus[]>());

export function complianceStatus(doc: PolicyDocument, options: ComplianceOptions = DEFAULT_COMPLIANCE, today: Date = new Date()): readonly LawStatus[] {
  const day = assessmentDay(options, today);
  const byDay = statuses(doc, options);
  let found = byDay.get(day);
  if (!found) {
    const a = applicability(doc, options);
    byDay.set(day, (found = a.english ? computeStatus(doc, a, day) : Object.freeze([])));
  }
  return found;
}

function computeStatus(doc: PolicyDocument, a: ReturnType<typeof applicability>, day: string): readonly LawStatus[] {
  const found = disclosuresOf(doc);
  const out: LawStatus[] = [];
  for (const law of LAWS) {
    const applies = a.get(law.jurisdiction);
    if (!applies || !(law.jurisdiction in JURISDICTIONS)) continue;
    if (law.whenChildren && !a.children) continue;
    // Its readers are sent to another page for this law: nothing is missing here (rules.ts says so once).
    if (applies.elsewhere && !applies.declared) {
      out.push(Object.freeze({ law, applies, items: Object.freeze([]), upcoming: Object.freeze([]), day }));
      continue;
    }
    const items: ItemStatus[] = [];
    const upcoming: ItemStatus[] = [];
    const horizon = horizonOf(day);
    // A state law that binds only businesses above its thresholds: information until the front matter says they are met.
    const belowThreshold = law.thresholds && a.thresholdsMet !== true;
    for (const requirement of law.items) {
      if (requirement.until !== undefined && day > requirement.until) continue;
      const ahead = requirement.from !== undefined && day < requirement.from;
      if (ahead && requirement.from! > horizon) continue;
      if (requirement.whenMentions && !found.has(requirement.whenMentions)) continue;
      if (requirement.unlessMentions && found.has(requirement.unlessMentions) && !(requirement.unlessAbsent && found.has(requirement.unlessAbsent))) continue;
      const severity = (a.sellsOrShares && requirement.severityIfSells) || requirement.severity;
      const evidence = requirement.inSection ? evidenceIn(doc, sectionPassages(doc).get(requirement.disclosure) ?? [], requirement.inSection) : found.get(requirement.disclosure);
      const status = Object.freeze({ law, requirement, evidence, severity: belowThreshold ? (severity === 'hint' ? 'hint' : 'information') : applies.declared ? severity : MILDER[severity] });
      if (!ahead) items.push(status);
      else if (!evidence) upcoming.push(Object.freeze({ ...status, severity: 'information' as Severity }));
    }
    out.push(Object.freeze({ law, applies, items: Object.freeze(items), upcoming: Object.freeze(upcoming), day }));
  }
  return Object.freeze(out);
}

/**
 * Where a section names another jurisdiction's readers or law, what it says is theirs: "Your rights under the
 * GDPR" does not tell Californians theirs. Titles of the section and of the sections around it are read.
 */
const OTHER_REGION =
  /\b(?:EU|EEA|European|Europe|(?<!UK[ -])GDPR|UK|United Kingdom|Britain|British|Switzerland|Swiss|Brazil(?:ian)?|LGPD|Canad(?:a|ian)|PIPEDA|Qu[eé]bec|Korea(?:n)?|Japan(?:ese)?|China|Chinese|PIPL|Australia(?:n)?|India(?:n)?|Singapore|South Africa|POPIA|Turkey|Mexico|Argentina|Israel|New Zealand|Hong Kong|Taiwan|Thailand|Philippines|Vietnam|Indonesia|Asia|APAC|Latin America|International Users)\b/;

/** A section for readers in US states ("Your rights in certain US states", "Additional disclosures for US residents"). */
const US_NAMED = /\b(?:U\.S\.|US|United States)(?![\w.])/;
const US_WHO = /\b(?:states?|residents?|consumers?|users?|individuals|privacy rights|privacy laws?)\b/i;
const CERTAIN_STATES = /\b(?:certain|some|other) (?:US |U\.S\. )?states\b|\bstate (?:privacy )?(?:laws?|rights)\b/i;
const usReaders = (path: string) => (US_NAMED.test(path) && US_WHO.test(path)) || CERTAIN_STATES.test(path);

/** Sections that explain a mechanism (cookies, browser signals): mentioning opt-outs there gives no notice of a right. */
const MECHANISM_TOPICS: ReadonlySet<string> = new Set(['cookies', 'dnt']);

/**
 * The passage that meets an item which belongs in a section of `topic` (California's rights): one inside such a
 * section, or, failing that, one in a part written for every reader or for readers in US states (the "US state
 * rights" a California section builds on), which Californians read as theirs too. A passage scoped to another
 * jurisdiction's readers does not count, nor one in a section explaining cookies or browser signals (a sentence
 * about opt-out signals is no notice of the right to opt out). With no California section, the first anywhere.
 */
function evidenceIn(doc: PolicyDocument, passages: readonly Evidence[], topic: string): Evidence | undefined {
  const sections = doc.allSections.filter((s) => topicForTitle(s.title)?.id === topic);
  if (sections.length === 0) return passages[0];
  return (
    passages.find((e) => sections.some((s) => s.start <= e.start && e.start < s.end)) ??
    passages.find((e) => {
      const path = doc.sectionPath(e.start).join(' | ');
      if (OTHER_REGION.test(path)) return false;
      const section = doc.sectionAt(e.start);
      return usReaders(path) || !MECHANISM_TOPICS.has((section && topicForTitle(section.title)?.id) ?? '');
    })
  );
}
