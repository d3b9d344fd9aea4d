import data from '../../data/phrase-rules.json';
import type { Rule, Severity } from './rule';
import { perBlockRule } from './util/perBlock';
import { blockMatches, quote } from './util/matches';

/** One entry of server/data/phrase-rules.json: a rule that is a list of phrases and a message. */
export interface PhraseRuleData {
  readonly id: string;
  readonly severity: Severity;
  readonly description: string;
  readonly tags?: readonly string[];
  readonly legalSource?: string;
  readonly explanation: string;
  /** Case-insensitive regular expressions, each matched as whole words. */
  readonly pattern: readonly string[];
  /** What is wrong, then what to do; `{phrase}` stands for the text found, quoted. */
  readonly message: string;
  /** What a quick fix writes instead of the phrase; no fix without it. */
  readonly replacement?: string;
  readonly example: { readonly flags: string; readonly fixed?: string };
}

/**
 * A rule made from data, as Vale's existence rules are: each phrase the prose writes is one
 * finding, kept per block like every per-block rule.
 */
export function phraseRule(entry: PhraseRuleData): Rule {
  // The data's patterns, checked for backtracking with the other data patterns (test/robustness/regex.test.ts).
  const wholeWords = `(?<![\\p{L}\\p{N}])(?:${entry.pattern.join('|')})(?![\\p{L}\\p{N}])`;
  const phrases = new RegExp(wholeWords, 'giu');
  return perBlockRule(
    {
      id: entry.id,
      description: entry.description,
      defaultSeverity: entry.severity,
      tags: ['phrase', ...(entry.tags ?? [])],
      legalSource: entry.legalSource,
      explanation: entry.explanation,
    },
    (block, report) => {
      for (const m of blockMatches(block, phrases)) {
        const replacement = entry.replacement;
        report({
          start: m.start,
          end: m.end,
          message: entry.message.replace('{phrase}', quote(m.match[0])),
          fixes: replacement === undefined ? [] : [{ title: replacement === '' ? `Delete "${m.match[0]}"` : `Write "${replacement}"`, edits: [{ start: m.start, end: m.end, newText: replacement }] }],
        });
      }
    },
  );
}

export const PHRASE_RULES: readonly Rule[] = Object.freeze((data.rules as readonly PhraseRuleData[]).map(phraseRule));
