import type { Rule, Severity } from './rule';
import { blockMatches, quote, sentenceAround } from './util/matches';
import { perBlockRule } from './util/perBlock';
import data from '../../data/outdated-references.json';

interface OutdatedReference {
  readonly id: string;
  readonly name: string;
  readonly pattern: string;
  readonly near?: string;
  readonly notNear?: string;
  readonly status: string;
  readonly authority: string;
  readonly replacement?: string;
  /** What to write instead, as the second half of the message. */
  readonly advice: string;
  readonly severity: Severity;
}

const REFERENCES = (data.references as OutdatedReference[]).map((r) => ({
  ...r,
  re: new RegExp(r.pattern, 'gi'),
  near: r.near ? new RegExp(r.near, 'i') : undefined,
  notNear: r.notNear ? new RegExp(r.notNear, 'i') : undefined,
}));

// Words that make a mention history rather than reliance: "we previously relied on Privacy Shield".
const HISTORICAL = /\b(?:previously|formerly|used\s+to|no\s+longer|invalidat(?:ed|ion)|struck\s+down|repeal(?:ed)?|replaced|superseded|succeeded|predecessor|was\s+(?:declared\s+)?invalid|ceased|until\s+(?:it|the)|prior\s+to|Schrems)\b/i;
const WINDOW = 80;

export const outdatedLegalReference: Rule = perBlockRule(
  {
    id: 'outdated-legal-reference',
    description: 'Flags laws and transfer mechanisms that are repealed or invalidated but cited as current',
    defaultSeverity: 'error',
    tags: ['legal', 'outdated', 'gdpr', 'uk'],
    legalSource:
      'Data Protection Act 2018 Sch. 19 para 44; GDPR Art. 94(1); CJEU C-362/14 Schrems I (6 Oct 2015); CJEU C-311/18 Schrems II (16 Jul 2020); Implementing Decision (EU) 2021/914',
    explanation:
      'A policy that relies on a repealed law or an invalidated transfer mechanism misstates the legal basis of the processing (GDPR Art. 13(1)(c) and (f)). A mention that is plainly history ("we previously relied on…") is information only.',
  },
  (block, report) => {
    const taken: Array<[number, number]> = [];
    for (const ref of REFERENCES) {
      for (const m of blockMatches(block, ref.re)) {
        if (taken.some(([s, e]) => m.start < e && s < m.end)) continue;
        const text = m.block.text;
        const local = m.start - m.block.start;
        const around = text.slice(Math.max(0, local - WINDOW), Math.min(text.length, local + m.match[0].length + WINDOW));
        if (ref.near && !ref.near.test(around.replace(m.match[0], ' '))) continue;
        if (ref.notNear && ref.notNear.test(around)) continue;
        taken.push([m.start, m.end]);
        const historical = HISTORICAL.test(sentenceAround(m.block, m.start).replace(m.match[0], ' '));
        const written = quote(m.match[0]);
        if (historical) {
          report({
            start: m.start,
            end: m.end,
            severity: 'information',
            message: `${written} ${ref.status}; this reads as history, keep it only if the policy no longer relies on it`,
          });
          continue;
        }
        report({
          start: m.start,
          end: m.end,
          severity: ref.severity,
          message: `${written} ${ref.status}, ${ref.advice}`,
          fixes: ref.replacement ? [{ title: `Replace with "${ref.replacement}"`, edits: [{ start: m.start, end: m.end, newText: ref.replacement }] }] : [],
        });
      }
    }
  },
);
