import type { Rule } from './rule';
import { quote } from './util/matches';
import { lineOf } from '../facts/sentences';
import { cookieClaims, cookieTables, inCookieSection, scopes, type Use } from '../facts/cookies';

export const cookieContradiction: Rule = {
  meta: {
    id: 'cookie-contradiction',
    description: 'Finds a statement that the site uses no cookies in a policy that elsewhere describes the cookies it uses',
    defaultSeverity: 'warning',
    tags: ['consistency', 'cookies', 'eprivacy', 'gdpr'],
    legalSource:
      'Directive 2002/58/EC (ePrivacy) Art. 5(3), as amended by Directive 2009/136/EC of 25 Nov 2009 ("clear and comprehensive information"); GDPR Art. 12(1) (Regulation (EU) 2016/679, applicable from 25 May 2018)',
    explanation:
      'A policy that says "we do not use cookies" and then describes its cookies tells the visitor two things; consent to cookies must rest on clear and comprehensive information, and a contradiction is neither. Say which cookies the site sets, and remove the denial, or narrow it to what is true.',
  },
  check(ctx) {
    const { doc } = ctx;
    const all = cookieClaims(doc);
    const denials = all.filter((c) => c.value.kind === 'denial');
    if (denials.length === 0) return;
    const uses: Use[] = [
      ...all.filter((c) => c.value.kind === 'use' && (!c.value.needsCookieSection || inCookieSection(doc, c.start))).map((c) => ({ start: c.start, end: c.end, text: c.text })),
      ...cookieTables(doc),
    ].sort((a, b) => a.start - b.start);
    // A use that names no place is taken to be where the policy's cookie statements are, when they all speak of one place.
    const everywhere = new Set([...denials, ...uses].flatMap((c) => [...scopes(c.text)]));
    for (const denial of denials) {
      const denied = scopes(denial.text);
      // "No cookies in our app" and "our website uses cookies" speak of different things.
      const contrary = uses.filter((u) => {
        const named = scopes(u.text);
        const used = named.size > 0 ? named : everywhere.size === 1 ? everywhere : named;
        return denied.size === 0 || [...used].some((s) => denied.has(s));
      });
      if (contrary.length === 0) continue;
      const first = contrary[0];
      const more = contrary.length > 1 ? ` (and ${contrary.length - 1} more place${contrary.length > 2 ? 's' : ''})` : '';
      ctx.report({
        start: denial.start,
        end: denial.end,
        message: `${quote(denial.text)} says no cookies are used, but line ${lineOf(doc, first.start)}${more} describes cookies the policy uses (${first.table ? 'a table of cookies: ' : ''}${quote(first.text)}): remove the denial, or correct the cookie description, so that visitors get one clear account of the cookies`,
        fixes: [],
      });
    }
  },
};
