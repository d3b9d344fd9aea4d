import type { Rule } from './rule';
import { quote } from './util/matches';
import { MIN_GRADED_WORDS, sectionReadability } from '../facts/readability';

export const readingGrade: Rule = {
  meta: {
    id: 'reading-grade',
    description: 'Finds sections whose Flesch–Kincaid grade is above the configured threshold (14 by default)',
    defaultSeverity: 'hint',
    tags: ['plain-language', 'gdpr'],
    legalSource: 'GDPR Art. 12(1) and Recital 58 ("clear and plain language"); WP29 Guidelines on transparency WP260 rev.01',
    explanation:
      'The Flesch–Kincaid grade estimates the years of schooling a reader needs, from words per sentence and syllables per word. Privacy notices average grade 13 to 14 while most adults read comfortably at grade 8. Shorter sentences and shorter words lower it. The threshold is the `policywright.drafting.maxReadingGrade` setting; the section hover shows the grade.',
  },
  check(ctx) {
    const limit = ctx.options.drafting.maxReadingGrade;
    for (const [section, r] of sectionReadability(ctx.doc)) {
      if (r.words < MIN_GRADED_WORDS || r.grade <= limit) continue;
      ctx.report({
        start: section.headingStart,
        end: section.headingEnd,
        message: `Section ${quote(section.title)} reads at grade ${r.grade.toFixed(1)} (Flesch–Kincaid), above ${limit}: shorten its sentences (${(r.words / r.sentences).toFixed(0)} words on average) and prefer short words`,
      });
    }
  },
};
