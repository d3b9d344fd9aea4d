import type { Rule } from './rule';
import { quote } from './util/matches';
import { crossReferences, titleMatches } from '../facts/crossReferences';
import { isUpperWord } from '../facts/text';

export const crossReferenceTitleMismatch: Rule = {
  meta: {
    id: 'cross-reference-title-mismatch',
    description: 'Finds a numbered reference whose quoted title differs from the heading it points at',
    defaultSeverity: 'warning',
    tags: ['drafting', 'cross-references'],
    legalSource: 'GDPR Art. 12(1) ("easily accessible form")',
    explanation:
      'In "Section 4 (“How do we use cookies”)" the number and the title should name the same section. When they disagree, the reader cannot tell which one was meant, usually because a heading was renamed after the reference was written.',
  },
  check(ctx) {
    for (const ref of crossReferences(ctx.doc).references) {
      const quoted = ref.quotedTitle;
      const sections = ref.targets[0]?.sections ?? [];
      if (!quoted || sections.length === 0 || sections.some((s) => titleMatches(quoted.text, s.title))) continue;
      const section = sections[0];
      const letters = (s: string) => s.replace(/[^\p{L}]/gu, '');
      // The reference's own style wins: a quote in capitals stays in capitals.
      const title = isUpperWord(letters(quoted.text)) ? section.title.toUpperCase() : section.title;
      ctx.report({
        start: quoted.start,
        end: quoted.end,
        message: `Section ${section.number ?? ref.targets[0].label} is titled ${quote(section.title)}, not ${quote(quoted.text)}: correct the title or the number`,
        fixes: [{ title: `Use the heading's title: "${title}"`, edits: [{ start: quoted.start, end: quoted.end, newText: title }] }],
      });
    }
  },
};
