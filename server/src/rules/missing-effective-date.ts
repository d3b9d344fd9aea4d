import type { Rule } from './rule';
import { formatLike, policyDates } from '../facts/dates';
import { lineBreak } from '../facts/text';

export const missingEffectiveDate: Rule = {
  meta: {
    id: 'missing-effective-date',
    description: 'Requires an effective or last-updated date (an error when California law is declared)',
    defaultSeverity: 'warning',
    tags: ['dates', 'ccpa', 'caloppa', 'inserts'],
    legalSource: 'Cal. Bus. & Prof. Code §22575(b)(4) (CalOPPA, effective date); 11 CCR §7011(e)(4) (CCPA, date last updated); Québec Act respecting the protection of personal information in the private sector s.8.2',
    explanation:
      'Readers and regulators need to know which version of the policy applied when. CalOPPA requires the effective date, the CCPA regulations the date of the last update, and a date is the only way to show the 12-month review that the CCPA asks for.',
  },
  check(ctx) {
    if (policyDates(ctx.doc).length > 0) return;
    const title = ctx.doc.allSections[0];
    const start = title ? title.headingStart : ctx.doc.frontMatter ? ctx.doc.frontMatter.end : 0;
    const end = title ? title.headingEnd : Math.min(ctx.doc.text.length, ctx.doc.lines.lineEnd(ctx.doc.lines.lineAt(start)));
    const example = formatLike('January 1, 2000', ctx.today);
    // California (CalOPPA and the CCPA regulations) makes the date a requirement, not good practice.
    const california = ctx.facts.applicability.get('us-ca');
    ctx.report({
      start,
      end: Math.max(end, start),
      severity: california?.declared ? 'error' : undefined,
      message: `No effective or last-updated date, add one near the title such as "Last updated: ${example}"${california ? ' (required by CalOPPA §22575(b)(4) and 11 CCR §7011(e)(4))' : ''}`,
      fixes: [{ title: `Add "Last updated: ${example}" below the title`, edits: [{ start: Math.max(end, start), end: Math.max(end, start), newText: `${lineBreak(ctx.doc).repeat(2)}Last updated: ${example}` }] }],
      hoverNote: california ? `*Why California applies:* ${california.reason}.` : undefined,
      // The provisions of the laws that apply here; elsewhere a date is good practice, not a requirement.
      source: [california && 'Cal. Bus. & Prof. Code §22575(b)(4) (CalOPPA); 11 CCR §7011(e)(4) (CCPA)', ctx.facts.applicability.get('ca-qc') && 'CQLR c P-39.1 s.8.2 (Québec)'].filter(Boolean).join('; ') || undefined,
    });
  },
};
