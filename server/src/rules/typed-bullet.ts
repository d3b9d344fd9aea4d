import type { OffsetEdit, Rule } from './rule';
import { blockAt } from '../facts/text';

const BULLET_LINE = /^([ \t]*)([•·▪◦‣●○■□])[ \t]+/;

export const typedBullet: Rule = {
  meta: {
    id: 'typed-bullet',
    description: 'Finds list items typed with "•" characters instead of Markdown list markers',
    defaultSeverity: 'hint',
    tags: ['structure', 'clean-text'],
    legalSource: 'GDPR Art. 12(1) ("easily accessible form")',
    explanation:
      'Text pasted from Word keeps its "•" bullets as characters. Markdown then shows one run-on paragraph, and screen readers, the outline and the published page do not see a list. A Markdown list ("- ") keeps the items apart.',
  },
  check(ctx) {
    const { doc } = ctx;
    const lists: OffsetEdit[][] = [[]];
    for (let line = 0; line < doc.lines.lineCount; line++) {
      const text = doc.lines.lineText(line);
      const m = BULLET_LINE.exec(text);
      const at = doc.lines.lineStart(line) + (m ? m[1].length : 0);
      // Only bullets in prose: not in code blocks, front matter or comments.
      if (m && blockAt(doc, at + m[0].length - m[1].length) !== undefined) {
        lists[lists.length - 1].push({ start: at, end: at + m[0].length - m[1].length, newText: '- ' });
      } else if (text.trim() !== '' && lists[lists.length - 1].length > 0) lists.push([]);
    }
    const found = lists.filter((l) => l.length > 0);
    if (found.length === 0) return;
    // One finding for the document: every pasted list has the same cause and the fix mends them all.
    const items = found.reduce((n, l) => n + l.length, 0);
    const first = found[0][0];
    const where = found.length === 1 ? '' : ` in ${found.length} lists`;
    ctx.report({
      start: first.start,
      end: first.start + 1,
      message: `${items} ${items === 1 ? 'item is' : 'items are'} typed with “${doc.text[first.start]}” bullets${where}: make ${items === 1 ? 'it' : 'them'} Markdown list items with “- ”`,
      fixes: [{ title: `Make the ${items === 1 ? 'item' : `${items} items`} Markdown list items`, edits: found.flat() }],
    });
  },
};
