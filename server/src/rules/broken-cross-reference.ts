import type { Fix, Rule } from './rule';
import { quote } from './util/matches';
import { closestTitle, crossReferences, titleMatches } from '../facts/crossReferences';

export const brokenCrossReference: Rule = {
  meta: {
    id: 'broken-cross-reference',
    description: 'Finds a reference to a section that does not exist ("see Section 16", "see the “Cookies” section below")',
    defaultSeverity: 'warning',
    tags: ['drafting', 'cross-references'],
    legalSource: 'GDPR Art. 12(1) ("easily accessible form")',
    explanation:
      'A reference that leads nowhere sends the reader looking for information the policy promised, usually because sections were renumbered or renamed. References to sections of laws ("Section 1798.100", "Section 702 of FISA") are not checked.',
  },
  check(ctx) {
    const { doc } = ctx;
    const index = crossReferences(doc);
    for (const ref of index.references) {
      for (const target of ref.targets) {
        if (target.sections.length > 0 || target.anchor !== undefined) continue;
        if (ref.kind === 'number') {
          // Without numbered headings the policy's numbering cannot be checked.
          if (!index.numbered) continue;
          const fixes: Fix[] = [];
          const titled = ref.quotedTitle ? doc.allSections.find((s) => s.number && titleMatches(ref.quotedTitle!.text, s.title)) : undefined;
          if (titled?.number) fixes.push({ title: `Refer to section ${titled.number} ("${titled.title}")`, edits: [{ start: target.start, end: target.end, newText: titled.number }] });
          ctx.report({ start: target.start, end: target.end, message: `${ref.noun ?? 'Section'} ${quote(target.label)} does not exist in this policy: point the reference at an existing section`, fixes });
        } else {
          const near = closestTitle(target.label, doc.allSections);
          const fixes: Fix[] = near ? [{ title: `Refer to "${near.title}"`, edits: [{ start: target.start, end: target.end, newText: near.title }] }] : [];
          ctx.report({
            start: target.start,
            end: target.end,
            message: `No section is titled ${quote(target.label)}: use the title of the section meant${near ? `, perhaps ${quote(near.title)}` : ''}`,
            fixes,
          });
        }
      }
    }
  },
};
