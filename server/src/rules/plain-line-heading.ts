import type { Rule } from './rule';
import { quote } from './util/matches';

/** The Markdown a pasted heading should have been: `## 4. How we use cookies`. */
export function markdownHeading(level: number, title: string, number?: string): string {
  return `${'#'.repeat(Math.max(1, Math.min(6, level)))} ${number ? `${number}. ` : ''}${title}`;
}

export const plainLineHeading: Rule = {
  meta: {
    id: 'plain-line-heading',
    description: 'Finds headings written without Markdown markup (pasted plain lines, numbered lines, bold paragraphs)',
    defaultSeverity: 'hint',
    tags: ['structure', 'clean-text'],
    explanation:
      'Policywright recognises headings that pasted text carries without markup, but other tools, screen readers and the published page do not. Marking them as Markdown headings keeps the structure that makes a long notice "easily accessible" (GDPR Art. 12(1)).',
  },
  check(ctx) {
    // In a document that has Markdown headings, a bold line is a deliberate sub-heading style, not a paste.
    const hasMarkdownHeadings = ctx.doc.allSections.some((s) => s.style === 'atx' || s.style === 'setext');
    // A pasted "Last updated 06-03-26" line reads like a heading but dates the policy: marking it up is no advice.
    const dated = (start: number, end: number) => ctx.facts.dates.some((d) => !d.fromFrontMatter && d.start >= start && d.end <= end);
    for (const s of ctx.doc.allSections) {
      if (s.style === 'atx' || s.style === 'setext') continue;
      if (s.style === 'bold' && hasMarkdownHeadings) continue;
      if (dated(s.headingStart, s.headingEnd)) continue;
      const heading = markdownHeading(s.level, s.title, s.number);
      ctx.report({
        start: s.headingStart,
        end: s.headingEnd,
        message: `Heading ${quote(s.title)} has no Markdown markup, write it as ${quote(heading)}`,
        fixes: [{ title: `Make it a Markdown heading: "${heading}"`, edits: [{ start: s.headingStart, end: s.headingEnd, newText: heading }] }],
      });
    }
  },
};
