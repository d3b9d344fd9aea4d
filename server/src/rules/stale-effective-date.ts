import type { Rule } from './rule';
import { formatLike, monthsBetween, policyDates } from '../facts/dates';
import { quote } from './util/matches';

export const staleEffectiveDate: Rule = {
  meta: {
    id: 'stale-effective-date',
    description: 'Warns when the newest effective or last-updated date is more than 12 months before today and California law applies (a hint otherwise)',
    defaultSeverity: 'warning',
    tags: ['dates', 'ccpa'],
    legalSource: 'Cal. Civ. Code §1798.130(a)(5) (CCPA/CPRA: update the privacy policy at least once every 12 months)',
    explanation:
      'The CCPA requires a business to review and update its privacy policy at least once every 12 months, and a stale date tells every reader that nobody has looked at the text since. Measured against today\'s date. A warning when California applies (declared in `jurisdictions:` or evident from the text); elsewhere a hint, since other laws ask for regular review without a fixed period.',
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
    const california = ctx.facts.applicability.get('us-ca');
    const why = california
      ? `the CCPA asks for a review at least every 12 months${california.declared ? '' : '; California inferred from the text'}`
      : 'policies are expected to be reviewed regularly';
    // Two labels with the same date ("Last updated" and "Effective"): one problem, one finding on the first, one fix for both.
    const d = same[0];
    ctx.report({
      start: d.start,
      end: d.end,
      severity: california ? undefined : 'hint',
      message: `Policy date ${quote(d.written)} is ${age} old, review the policy and update the date${same.length > 1 ? ` here and in the ${same.length - 1 === 1 ? 'other place it is written' : `${same.length - 1} other places it is written`}` : ''} (${why})`,
      hoverNote: california ? `*Why California applies:* ${california.reason}.` : undefined,
      source: california ? 'Cal. Civ. Code §1798.130(a)(5)' : undefined,
      fixes: [{ title: `Set the date${same.length > 1 ? 's' : ''} to today (${today}) after reviewing the policy`, edits: same.map((x) => ({ start: x.start, end: x.end, newText: x.fromFrontMatter ? formatLike('2000-01-01', ctx.today) : formatLike(x.written, ctx.today) })) }],
    });
  },
};
