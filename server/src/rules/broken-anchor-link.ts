import type { Fix, Rule } from './rule';
import { quote } from './util/matches';
import { anchorLinks, anchorTargets, looseAnchor } from '../facts/anchors';

/** "#top" and its kin land at the top of any page. */
const BUILT_IN = /^(?:top|_top|page-top|main|content|main-content)$/i;

/** Levenshtein distance, for the fix's closest slug. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** The one heading slug close enough to be what the link meant: a typo, or a heading reworded by a word. */
function closestSlug(anchor: string, slugs: readonly string[]): string | undefined {
  const scored = [...new Set(slugs)].map((s) => ({ s, d: distance(anchor.toLowerCase(), s) })).sort((x, y) => x.d - y.d);
  const best = scored[0];
  if (!best || best.d > Math.max(2, Math.floor(Math.max(anchor.length, best.s.length) * 0.25))) return undefined;
  // Two slugs as close as each other: no fix is certain.
  if (scored[1] && scored[1].d === best.d) return undefined;
  return best.s;
}

/** The words of a slug, accents folded, without numbers. */
function words(slug: string): string[] {
  return slug
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !/^\d+$/.test(w));
}

export const brokenAnchorLink: Rule = {
  meta: {
    id: 'broken-anchor-link',
    description: 'Finds a link to a place in the policy (`#anchor`) that no heading or anchor in the policy has',
    defaultSeverity: 'warning',
    tags: ['drafting', 'cross-references'],
    legalSource: 'GDPR Art. 12(1) ("easily accessible form"); Cal. Bus. & Prof. Code §22575(b) (CalOPPA, a conspicuously posted policy)',
    explanation:
      'A link such as `[your rights](#your-rights)` jumps to the heading whose slug is `your-rights`, or to an element with that `id`. Once a heading is renamed, the link does nothing, and a reader looking for their rights or for how to opt out lands nowhere. Headings get GitHub\'s and VS Code\'s slugs (lower case, punctuation dropped, spaces as hyphens); `<a id="…">`, `<a name="…">` and `{#…}` anchors count too, and a slug that differs only in punctuation (text pasted from a web page) is not reported.',
  },
  check(ctx) {
    const links = anchorLinks(ctx.doc).filter((l) => !l.inHeading && !l.empty);
    if (links.length === 0) return;
    const targets = anchorTargets(ctx.doc);
    const resolves = (a: string) => {
      if (BUILT_IN.test(a) || a.startsWith(':~:') || targets.exact.has(a) || targets.exact.has(a.toLowerCase())) return true;
      const loose = looseAnchor(a);
      return !loose || targets.loose.has(loose) || targets.loose.has(looseAnchor(a.replace(/-\d+$/, '')));
    };
    const anchors = [...new Set(links.map((l) => l.anchor))];
    const broken = anchors.filter((a) => !resolves(a));
    // Text pasted from a web page keeps links to the ids of that page's own elements ("#service-3"), which a copy
    // never has: when most of the policy's anchors lead nowhere, the links are the page's, not the draft's.
    if (broken.length >= 3 && broken.length > anchors.length - broken.length) return;
    const headingWords = targets.slugs.map(words);
    for (const link of links) {
      const a = link.anchor;
      if (!broken.includes(a)) continue;
      const near = closestSlug(a, targets.slugs);
      // Only an anchor that reads like one of this policy's headings, renamed or renumbered, is certainly the
      // draft's own: "#optanon-toggle" or "#legal-links" name an element of the page the text was copied from.
      const own = words(a);
      const number = /^(\d+(?:[-.]\d+)*)-\p{L}/u.exec(a)?.[1]?.replace(/-/g, '.');
      const alike = own.length >= 2 && headingWords.some((h) => own.filter((w) => h.includes(w)).length * 2 >= own.length);
      if (!near && !alike && !(number && targets.numbers.has(number))) continue;
      const fixes: Fix[] = near ? [{ title: `Link to “#${near}”`, edits: [{ start: link.start, end: link.end, newText: near }] }] : [];
      ctx.report({
        start: link.start,
        end: link.end,
        message: `No heading or anchor in this policy is ${quote('#' + a)}: link to an existing heading${near ? `, perhaps ${quote('#' + near)}` : ''}, or add the anchor`,
        fixes,
      });
    }
  },
};
