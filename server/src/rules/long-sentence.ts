import type { Rule } from './rule';
import { countWords, isUpperWord, spanText } from '../facts/text';
import { perBlockText } from '../facts/cache';

// Words per sentence, kept per block text: only the block being typed in is counted again.
const sentenceWords = perBlockText((block): { readonly counts: readonly number[]; readonly longest: number } | undefined => {
  if (block.kind === 'heading' || block.kind === 'table-cell') return undefined;
  // A paragraph in capitals has its own rule; one finding for it is enough.
  if (isUpperWord(block.text.replace(/[^\p{L}]/gu, ''))) return undefined;
  const counts = block.sentences.map((s) => countWords(spanText(block, s)));
  return { counts, longest: Math.max(0, ...counts) };
});

export const longSentence: Rule = {
  meta: {
    id: 'long-sentence',
    description: 'Finds sentences longer than the configured limit (40 words by default)',
    defaultSeverity: 'hint',
    tags: ['plain-language', 'gdpr'],
    legalSource: 'GDPR Art. 12(1) ("concise, transparent, intelligible … clear and plain language"); Recital 58',
    explanation:
      'Long sentences are the main reason privacy notices read at college level. Split a sentence that does several things into one sentence per thing. The limit is the `policywright.drafting.maxSentenceWords` setting.',
  },
  check(ctx) {
    const limit = ctx.options.drafting.maxSentenceWords;
    const counts = sentenceWords(ctx.doc);
    for (const block of ctx.doc.blocks) {
      const words = counts.get(block);
      // Most paragraphs are short: looked at only when one of their sentences is long.
      if (!words || words.longest <= limit) continue;
      // One finding per paragraph, on its longest sentence: the paragraph is what gets rewritten.
      const long = block.sentences.map((s, i) => ({ s, words: words.counts[i] })).filter((x) => x.words > limit);
      const worst = long.reduce((a, b) => (b.words > a.words ? b : a));
      const text = spanText(block, worst.s);
      const enumerates = /\((?:\d{1,2}|[a-z]|[ivx]{1,4})\)|;/.test(text);
      const others = long.length > 1 ? ` (${long.length - 1} more in this paragraph)` : '';
      ctx.report({
        start: worst.s.start,
        end: worst.s.end,
        message: `Sentence of ${worst.words} words, more than ${limit}${others}: ${enumerates ? 'turn its enumeration into a list' : 'split it into shorter sentences, one point each'}`,
      });
    }
  },
};
