import type { Rule } from './rule';
import { formatLike, monthsBetween, policyDates } from './util/dates';
import { quote } from './util/matches';

export const staleEffectiveDate: Rule = {
  meta: {
    id: 'stale-effective-date',
    description: 'Warns when the newest effective or last-updated date is more than 12 months before today',
    defaultSeverity: 'warning',
    tags: ['dates', 'ccpa'],
    legalSource: 'Cal. Civ. Code §1798.130(a)(5) (CCPA/CPRA: update the privacy policy at least once every 12 months)',
    explanation:
      'The CCPA requires a business to review and update its privacy policy at least once every 12 months, and a stale date tells every reader that nobody has looked at the text since. Measured against today\'s date.',
  },
  check(ctx) {
    const dates = policyDates(ctx.doc);
    if (dates.length === 0) return;
    const newest = dates.reduce((a, b) => (b.date > a.date ? b : a));
    const months = monthsBetween(newest.date, ctx.today);
    if (months < 12) return;
    const years = Math.floor(months / 12);
    const age = years >= 2 ? `${years} years` : `${months} months`;
    const today = formatLike(newest.written, ctx.today);
    const same = dates.filter((d) => d.date.getTime() === newest.date.getTime());
    for (const d of same) {
      ctx.report({
        start: d.start,
        end: d.end,
        message: `Policy date ${quote(d.written)} is ${age} old, review the policy and update the date (the CCPA asks for a review at least every 12 months)`,
        fixes: [{ title: `Set the date to today (${today}) after reviewing the policy`, edits: same.map((x) => ({ start: x.start, end: x.end, newText: x.fromFrontMatter ? formatLike('2000-01-01', ctx.today) : formatLike(x.written, ctx.today) })) }],
      });
    }
  },
};
