import data from '../../data/phrase-rules.json';
import type { Rule, Severity } from './rule';
import { quote } from './util/matches';
import { sentenceFacts } from '../facts/sentences';
import { innermostSection, negates } from '../facts/text';
import type { PolicyDocument } from '../model/policyDocument';
import { JURISDICTIONS } from '../catalog/clauseCatalog';

/** One entry of server/data/phrase-rules.json: a rule that is a list of phrases and a message. */
export interface PhraseRuleData {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly tags?: readonly string[];
  readonly legalSource?: string;
  readonly explanation: string;
  /** Case-insensitive regular expressions, each matched as whole words within one sentence. */
  readonly pattern: readonly string[];
  /** What is wrong, then what to do; `{phrase}` stands for the text found, quoted. */
  readonly message: string;
  /** What a quick fix writes instead of the phrase; no fix without it. */
  readonly replacement?: string;
  /**
   * Jurisdiction codes (`eu`, `uk`, `us-ca`…): the rule reports only when one of these laws applies to the
   * policy, declared or inferred from the text (`facts/applicability.ts`). Absent: whatever the laws.
   */
  readonly laws?: readonly string[];
  /** Quiet when the phrase's clause denies it: "we will never charge a fee" (`negates` of `facts/text.ts`). */
  readonly unlessNegated?: boolean;
  /** Case-insensitive regular expressions that must each match somewhere in the phrase's sentence. */
  readonly near?: readonly string[];
  /** Case-insensitive regular expressions none of which may match in the phrase's sentence. */
  readonly notNear?: readonly string[];
  /**
   * Case-insensitive regular expressions tried on the titles of the sections around the phrase (its own and
   * those it sits in): none may match. "within 45 days" is California's time, not the GDPR's, under a
   * California heading.
   */
  readonly notUnder?: readonly string[];
  readonly example: { readonly flags: string; readonly fixed?: string };
}

interface Hit {
  /** Offsets relative to the sentence. */
  readonly index: number;
  readonly text: string;
}

const wholeWords = (pattern: string): string => `(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`;

/**
 * A rule made from data, as Vale's existence rules are: each phrase a sentence of the prose writes is one
 * finding, unless the entry's context says otherwise (the laws that apply, a negation, a phrase near it).
 * The matches are kept per block text (`facts/sentences.ts`), so typing re-reads one paragraph.
 */
export function phraseRule(entry: PhraseRuleData): Rule {
  // The data's patterns, checked for backtracking with the other data patterns (test/robustness/regex.test.ts).
  const phrases = new RegExp(wholeWords(entry.pattern.join('|')), 'giu');
  const near = (entry.near ?? []).map((p) => new RegExp(wholeWords(p), 'iu'));
  const notNear = (entry.notNear ?? []).map((p) => new RegExp(wholeWords(p), 'iu'));
  const notUnder = (entry.notUnder ?? []).map((p) => new RegExp(wholeWords(p), 'iu'));
  const matches = sentenceFacts((sentence): readonly Hit[] | undefined => {
    if (near.some((re) => !re.test(sentence)) || notNear.some((re) => re.test(sentence))) return undefined;
    const hits: Hit[] = [];
    phrases.lastIndex = 0;
    for (let m = phrases.exec(sentence); m; m = phrases.exec(sentence)) {
      if (m[0].length === 0) {
        phrases.lastIndex++;
        continue;
      }
      if (entry.unlessNegated && negates(sentence.slice(0, m.index))) continue;
      hits.push({ index: m.index, text: m[0] });
    }
    return hits.length > 0 ? hits : undefined;
  });
  return {
    meta: {
      id: entry.id,
      description: entry.description,
      defaultSeverity: entry.severity,
      tags: ['phrase', ...(entry.tags ?? [])],
      legalSource: entry.legalSource,
      explanation: entry.explanation,
    },
    check(ctx) {
      const law = entry.laws === undefined ? undefined : entry.laws.map((code) => ctx.facts.applicability.get(code)).find((a) => a !== undefined);
      if (entry.laws !== undefined && law === undefined) return;
      const hoverNote = law && !law.declared ? `The law of ${JURISDICTIONS[law.code]?.name ?? law.code} is taken to apply because ${law.reason}; declare \`jurisdictions:\` in the front matter to confirm or change this.` : undefined;
      for (const s of matches(ctx.doc)) {
        if (notUnder.length > 0 && underExcludedSection(ctx.doc, s.start, notUnder)) continue;
        for (const hit of s.value) {
          const start = s.start + hit.index;
          const end = start + hit.text.length;
          const replacement = entry.replacement;
          ctx.report({
            start,
            end,
            message: entry.message.replace('{phrase}', quote(hit.text)),
            fixes: replacement === undefined ? [] : [{ title: replacement === '' ? `Delete "${hit.text}"` : `Write "${replacement}"`, edits: [{ start, end, newText: replacement }] }],
            ...(hoverNote ? { hoverNote } : {}),
          });
        }
      }
    },
  };
}

function underExcludedSection(doc: PolicyDocument, offset: number, titles: readonly RegExp[]): boolean {
  const section = innermostSection(doc, offset);
  return section !== undefined && section.path.some((title) => titles.some((re) => re.test(title)));
}

export const PHRASE_RULES: readonly Rule[] = Object.freeze((data.rules as readonly PhraseRuleData[]).map(phraseRule));
