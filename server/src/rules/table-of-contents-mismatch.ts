import type { Rule } from './rule';
import { quote } from './util/matches';
import { tablesOfContents, type TocProblem } from '../facts/tableOfContents';

function describe(p: TocProblem, line: (offset: number) => number): string {
  const entry = p.entry ? quote(p.entry.title) : '';
  const heading = p.section ? quote(`${p.section.number ? `${p.section.number}. ` : ''}${p.section.title}`) : '';
  switch (p.kind) {
    case 'missing':
      return `The table of contents leaves out heading ${heading} (line ${line(p.section!.headingStart)}): regenerate it from the headings`;
    case 'extra':
      return `Contents entry ${entry} matches no heading: remove it or regenerate the table of contents from the headings`;
    case 'title':
      return `Contents entry ${entry} differs from its heading ${heading} (line ${line(p.section!.headingStart)}): regenerate the table of contents from the headings`;
    case 'number':
      return `Contents entry ${entry} is numbered ${p.entry!.number} but its heading is ${p.section!.number}: regenerate the table of contents from the headings`;
    case 'order':
      return `Contents entry ${entry} is out of the headings' order: regenerate the table of contents from the headings`;
  }
}

export const tableOfContentsMismatch: Rule = {
  meta: {
    id: 'table-of-contents-mismatch',
    description: 'Finds a table of contents that disagrees with the headings (missing, extra, renamed, renumbered or reordered entries)',
    defaultSeverity: 'warning',
    tags: ['drafting', 'cross-references', 'structure'],
    legalSource: 'GDPR Art. 12(1) ("easily accessible form")',
    explanation:
      'A table of contents is how a reader finds the part of a long notice that concerns them. Once it drifts from the headings it points to sections that are not there and hides the ones that are. The quick fix rewrites it from the headings, in the list\'s own style.',
  },
  check(ctx) {
    const line = (offset: number) => ctx.doc.lines.lineAt(offset) + 1;
    for (const toc of tablesOfContents(ctx.doc)) {
      if (toc.problems.length === 0) continue;
      const fix = { title: 'Regenerate the table of contents from the headings', edits: [{ start: toc.start, end: toc.end, newText: toc.regenerate() }] };
      for (const p of toc.problems) ctx.report({ start: p.start, end: p.end, message: describe(p, line), fixes: [fix] });
    }
  },
};
