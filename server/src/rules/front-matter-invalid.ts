import type { Rule } from './rule';
import { isJurisdictionCode, JURISDICTIONS } from '../catalog/clauseCatalog';

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
    const fm = ctx.doc.frontMatter;
    for (const p of fm?.problems ?? []) ctx.report({ start: p.start, end: p.end, message: p.message });
    if (!fm) return;
    // A code no law answers to would silently declare nothing: say which one, and the codes there are.
    const block = ctx.doc.text.slice(fm.start, fm.end).toLowerCase();
    const key = /^jurisdictions[ \t]*:/m.exec(block);
    for (const code of new Set(ctx.doc.fields.jurisdictions)) {
      if (isJurisdictionCode(code)) continue;
      const at = key ? block.indexOf(code, key.index + key[0].length) : -1;
      const start = fm.start + (at >= 0 ? at : (key?.index ?? 0));
      ctx.report({ start, end: start + (at >= 0 ? code.length : 'jurisdictions'.length), message: `Front matter “jurisdictions” names the unknown code “${code}”, use one of ${Object.keys(JURISDICTIONS).join(', ')}` });
    }
  },
};
