import type { Rule } from './rule';
import { quote } from './util/matches';

// "END OF PRIVACY POLICY", "End of notice": a marker a pasted draft keeps from its source.
const END_MARKER = /^end of (?:this |the |our )?(?:privacy |data protection |cookie )?(?:policy|notice|statement)\.?$/i;

/** The line says only that the policy ends (bold or not). */
function isEndMarker(text: string): boolean {
  // The longest marker with its bold and some spaces is well under 80 characters: a paragraph is not read.
  if (text.length > 80) return false;
  return END_MARKER.test(text.trim().replace(/^\*\*|\*\*$/g, '').trim());
}

export const textAfterEnd: Rule = {
  meta: {
    id: 'text-after-end',
    description: 'Finds an "end of policy" marker with more of the policy after it',
    defaultSeverity: 'warning',
    tags: ['drafting', 'structure'],
    explanation:
      'A line that says the policy ends here, followed by more text, leaves the reader unsure whether what follows is part of the policy: a contact section after "END OF PRIVACY POLICY" may be read as outside it. Remove the marker, or move what follows above it.',
  },
  check(ctx) {
    const { doc } = ctx;
    for (const section of doc.allSections) {
      if (!isEndMarker(section.title)) continue;
      const after = doc.blocks.find((b) => b.start >= section.headingEnd && b.kind !== 'heading' && b.text.trim() !== '');
      if (!after) continue;
      const line = doc.lines.lineAt(section.headingStart);
      const end = line + 1 < doc.lines.lineCount ? doc.lines.lineStart(line + 1) : doc.text.length;
      ctx.report({
        start: section.headingStart,
        end: section.headingEnd,
        message: `${quote(section.title)} is followed by more text (line ${doc.lines.lineAt(after.start) + 1}), remove the marker or move that text above it`,
        fixes: [{ title: 'Remove the end marker', edits: [{ start: doc.lines.lineStart(line), end, newText: '' }] }],
      });
    }
    // A plain paragraph line that says the same, not read as a heading.
    for (const block of doc.blocks) {
      if (block.kind === 'heading' || !isEndMarker(block.text)) continue;
      const after = doc.blocks.find((b) => b.start >= block.end && b.text.trim() !== '');
      if (!after) continue;
      ctx.report({
        start: block.start,
        end: block.end,
        message: `${quote(block.text)} is followed by more text (line ${doc.lines.lineAt(after.start) + 1}), remove the marker or move that text above it`,
      });
    }
  },
};
