import type { Rule } from './rule';

export const frontMatterInvalid: Rule = {
  meta: {
    id: 'front-matter-invalid',
    description: 'Reports front matter that is not valid YAML or whose policy fields have the wrong type',
    defaultSeverity: 'error',
    tags: ['structure'],
    explanation:
      'The front matter declares the company, jurisdictions and dates that other checks rely on. When it cannot be read, those checks fall back to what the text says, so fix it first.',
  },
  check(ctx) {
    for (const p of ctx.doc.frontMatter?.problems ?? []) ctx.report({ start: p.start, end: p.end, message: p.message });
  },
};
