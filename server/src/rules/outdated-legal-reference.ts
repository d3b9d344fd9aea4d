import type { Block } from '../model/blocks';
import type { Finding, Fix, Rule, RuleMeta, Severity } from './rule';
import { blockMatches, quote, sentenceAround, type Match } from './util/matches';
import { perBlockRule } from './util/perBlock';
import data from '../../data/outdated-references.json';

/** Where a context pattern is looked for around a match. */
type Scope = 'window' | 'sentence' | 'paragraph';

interface OutdatedReference {
  readonly id: string;
  readonly name: string;
  readonly pattern: string;
  readonly near?: string;
  readonly notNear?: string;
  readonly nearIn?: Scope;
  readonly notNearIn?: Scope;
  readonly status: string;
  readonly authority: string;
  readonly replacement?: string;
  /** Quick fix text by the lower-cased text of the group `old` (or of the whole match). */
  readonly replacements?: Readonly<Record<string, string>>;
  /** Several fixes, one per current mechanism, each titled with what it claims. */
  readonly choices?: ReadonlyArray<{ readonly text: string; readonly title: string }>;
  /** With `near`: the matched text itself is cue enough when it matches this ("EU-U.S. Safe Harbor"). */
  readonly selfCue?: string;
  /** With `near`: a policy one of these jurisdictions applies to needs no cue near the match. */
  readonly nearJurisdictions?: readonly string[];
  /** With `nearJurisdictions`: the match must be written as this name (case-sensitive) for them to count. */
  readonly properName?: string;
  /** What to write instead, as the second half of the message. */
  readonly advice: string;
  readonly severity: Severity;
}

// `d` gives the offsets of the group `old`, so that a fix can swap a section number and keep the rest.
const REFERENCES = (data.references as OutdatedReference[]).map((r) => ({
  ...r,
  re: new RegExp(r.pattern, 'gid'),
  near: r.near ? new RegExp(r.near, 'i') : undefined,
  notNear: r.notNear ? new RegExp(r.notNear, 'i') : undefined,
  selfCue: r.selfCue ? new RegExp(r.selfCue, 'i') : undefined,
  properName: r.properName ? new RegExp(r.properName) : undefined,
}));

// Words that make a mention history rather than reliance: "we previously relied on Privacy Shield".
const HISTORICAL = /\b(?:previously|formerly|used\s+to|no\s+longer|invalidat(?:ed|ion)|struck\s+down|repeal(?:ed)?|replaced|superseded|succeeded|predecessor|was\s+(?:declared\s+)?invalid|ceased|until\s+(?:it|the)|prior\s+to|Schrems)\b/i;
const WINDOW = 80;

function context(scope: Scope, m: Match): string {
  if (scope === 'sentence') return sentenceAround(m.block, m.start);
  if (scope === 'paragraph') return m.block.text;
  const text = m.block.text;
  const local = m.start - m.block.start;
  return text.slice(Math.max(0, local - WINDOW), Math.min(text.length, local + m.match[0].length + WINDOW));
}

function fixes(ref: Pick<OutdatedReference, 'replacement' | 'replacements' | 'choices'>, m: Match): Fix[] {
  if (ref.choices) return ref.choices.map((c) => ({ title: c.title, edits: [{ start: m.start, end: m.end, newText: c.text }], asserts: true }));
  if (ref.replacement) return [{ title: `Replace with ${quote(ref.replacement)}`, edits: [{ start: m.start, end: m.end, newText: ref.replacement }] }];
  if (!ref.replacements) return [];
  const group = m.match.indices?.groups?.old;
  const old = group ? m.match.groups!.old : m.match[0];
  const newText = ref.replacements[old.replace(/\s+/g, ' ').toLowerCase()];
  if (!newText) return [];
  const [start, end] = group ? [m.block.start + group[0], m.block.start + group[1]] : [m.start, m.end];
  return [{ title: group ? `Replace ${quote(old)} with ${quote(newText)}` : `Replace with ${quote(newText)}`, edits: [{ start, end, newText }] }];
}

/** A finding whose only cue is the policy's jurisdictions: kept when one of them applies (decided per document, not per block). */
interface Candidate extends Finding {
  readonly needsJurisdiction?: readonly string[];
}

const META: RuleMeta = {
  id: 'outdated-legal-reference',
    description: 'Flags laws, regulations, transfer mechanisms and seals that are repealed, replaced or never enacted but cited as current',
    defaultSeverity: 'error',
    tags: ['legal', 'outdated', 'gdpr', 'uk', 'ccpa', 'coppa'],
    legalSource:
      'Data Protection Act 2018 Sch. 19 para 44; GDPR Arts 68, 94; CJEU C-362/14 Schrems I (6 Oct 2015); CJEU C-311/18 Schrems II (16 Jul 2020); Implementing Decision (EU) 2021/914; ePrivacy Regulation proposal withdrawn 11 Feb 2025; 11 CCR §§7000 ff. (29 Mar 2023); Cal. Civ. Code §1798.135(a)(1); 16 CFR §312.11 (Aristotle removed 4 Aug 2021); DPA 2018 s.119A (IDTA, 21 Mar 2022)',
    explanation:
      'A policy that relies on a repealed law, an invalidated transfer mechanism, a proposal that never became law or an outdated seal misstates the legal basis of the processing (GDPR Art. 13(1)(c) and (f)) or the safeguards behind it. A mention that is plainly history ("we previously relied on…") is information only.',
};

const perBlock = perBlockRule(META, (block: Block, report: (f: Candidate) => void) => {
    const taken: Array<[number, number]> = [];
    for (const ref of REFERENCES) {
      for (const m of blockMatches(block, ref.re)) {
        if (taken.some(([s, e]) => m.start < e && s < m.end)) continue;
        // The cue may be near the match, in the name itself ("EU-U.S. Safe Harbor"), or (decided per document) the policy's jurisdictions.
        const cued = !ref.near || ref.near.test(context(ref.nearIn ?? 'window', m).replace(m.match[0], ' ')) || ref.selfCue?.test(m.match[0]) === true;
        if (!cued && !(ref.nearJurisdictions && ref.properName?.test(m.match[0]) !== false)) continue;
        const needsJurisdiction = cued ? undefined : ref.nearJurisdictions;
        if (ref.notNear && ref.notNear.test(context(ref.notNearIn ?? 'window', m))) continue;
        taken.push([m.start, m.end]);
        const historical = HISTORICAL.test(sentenceAround(m.block, m.start).replace(m.match[0], ' '));
        const written = quote(m.match[0]);
        if (historical) {
          // An information-level reference told as history has nothing left worth saying.
          if (ref.severity === 'information' || ref.severity === 'hint') continue;
          report({
            start: m.start,
            end: m.end,
            severity: 'information',
            message: `${written} ${ref.status}; this reads as history, keep it only if the policy no longer relies on it`,
            source: ref.authority,
            needsJurisdiction,
          });
          continue;
        }
        report({ start: m.start, end: m.end, severity: ref.severity, message: `${written} ${ref.status}, ${ref.advice}`, fixes: fixes(ref, m), source: ref.authority, needsJurisdiction });
      }
    }
});

export const outdatedLegalReference: Rule = {
  meta: META,
  check(ctx) {
    perBlock.check({
      ...ctx,
      report: (f: Candidate) => {
        const { needsJurisdiction, ...finding } = f;
        if (needsJurisdiction && !needsJurisdiction.some((code) => ctx.facts.applicability.get(code))) return;
        ctx.report(finding);
      },
    });
  },
};
