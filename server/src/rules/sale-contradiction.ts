import type { Rule } from './rule';
import type { BlockKind } from '../model/blocks';
import { quote } from './util/matches';
import { firstClause, lineOf, sentenceFacts, type SentenceFact } from '../facts/sentences';

const SELL_VERB = '(?:sell|sold|rent(?:ed)?|leas(?:e|ed)|trad(?:e|ed)|loan(?:ed)?|exchang(?:e|ed)|monetis(?:e|ed)|monetiz(?:e|ed))';
const SHARE_VERB = '(?:shar(?:e|ed)|disclos(?:e|ed)|distribut(?:e|ed)|transfer(?:red)?|pass(?:ed)?\\s+on)';
const VERB = `(?:${SELL_VERB}|${SHARE_VERB})`;
const NEGATED = "(?:(?:do|does|will|shall|did|have|has|would)\\s*(?:not|n['’]t)|won['’]t|(?:(?:will|would|shall|do|does|have|has)\\s+)?never)";

const SEP = '(?:\\s*[,/])?\\s*(?:(?:and/or|or|and|nor)\\s+)?';

/** "We do not sell or share", "Acme will never sell, rent or trade", "we have not sold". */
const DENIAL = new RegExp(`\\b${NEGATED}\\s+(?:and\\s+will\\s+not\\s+|ever\\s+|otherwise\\s+)?(${VERB}(?:${SEP}(?:otherwise\\s+)?${VERB})*)\\b`, 'gi');
/** The thing denied must be personal information in general, not one kind of it. */
const PERSONAL = /^\s*(?:(?:any|all)\s+(?:of\s+)?)?(?:(?:your|users['’]?|our\s+(?:users|customers|visitors|members)['’]?|customers['’]?|consumers['’]?|the)\s+)?(?:own\s+)?(?:personal(?:ly)?\s+(?:identifiable\s+|identifying\s+|identification\s+)?)?(?:information|data|info)\b/i;
const PERSONAL_WORDS = /\b(?:personal|your|users|customers|consumers|members|visitors)\b/i;
/** What makes a denial narrower than "we do not sell your personal information". */
const NARROWED = /\b(?:except|unless|other\s+than|save|apart\s+from|without|beyond|outside|besides|only|like|such\s+as|including|by\s+default|that|which|who|collected|contained|stored|provided|you\s+(?:provide|give|upload|post|submit|enter|share|send)|of\s+(?:consumers|children|minors|users)\s+under)\b/i;
const IS_SELL = new RegExp(`\\b${SELL_VERB}\\b`, 'i');
const IS_SHARE = new RegExp(`\\b${SHARE_VERB}\\b`, 'i');
const CONDITIONAL = /\b(?:if|unless|when|where|whether)\b/i;
const NARROW_LEAD = /\b(?:with\s+respect\s+to|regarding|in\s+relation\s+to|as\s+regards|when\s+it\s+comes\s+to|for\s+(?:users|children|minors|members|customers)|under\s+the\s+age)\b/i;
const RECIPIENT = /\b(?:with|to)\s+([^,;()]*)/i;
const GENERAL_RECIPIENT = /^(?:any\s+|other\s+|outside\s+|unaffiliated\s+|non-?affiliated\s+)?(?:third[- ]part(?:y|ies)|anyone|anybody|others|parties|companies|organi[sz]ations|businesses|people)\b/i;
const ADVERTISERS = /^(?:our\s+)?(?:advertisers|advertising\s+(?:partners|networks|companies))\b/i;
const FOR_PURPOSE = /\bfor\s+(?!(?:money|profit|cash|monetary|payment|financial|valuable|any\s+(?:monetary|financial|valuable|purpose|reason))\b)/i;

const OWN = "(?:we|our\\s+company)";
/** "We may sell your information", "we have sold", "we rent email lists". */
const SELLS = new RegExp(`\\b${OWN}\\s+(?:may\\s+|also\\s+|might\\s+|will\\s+|can\\s+|currently\\s+|sometimes\\s+|(?:have|has)\\s+)?(?:sell|sold|rent|rented|lease|leased|license|licence|licensed)\\b`, 'i');
const SOLD_PASSIVE = /\b(?:information|data)\s+(?:(?:may|might|will|can|could)\s+)?(?:be|is|are)\s+(?:sold|rented|leased)\b/i;
const FOR_VALUE = /\b(?:in\s+exchange\s+for|for)\s+(?:money|monetary(?:\s+or\s+other\s+valuable)?\s+consideration|payment|a\s+fee|compensation|cash|other\s+valuable\s+consideration)\b/i;
const SHARES = new RegExp(`\\b${OWN}\\s+(?:may\\s+|also\\s+|might\\s+|will\\s+|can\\s+|currently\\s+|sometimes\\s+)?(?:share|shares|disclose|discloses|provide|provides|make\\s+available|transfer|transfers|allow|allows|permit|permits|let|give|pass)\\b`, 'i');
const AD_PARTNER = /\b(?:advertising|ad|ads|marketing|adtech|ad-tech)\s+(?:partners?|networks?|companies|providers?|platforms?|technology\s+partners?)\b|\badvertisers\b/i;
const AD_PURPOSE = /\b(?:targeted|interest[- ]based|personali[sz]ed|behaviou?ral|cross[- ]context(?:ual)?|tailored)\s+(?:advertising|ads|advertisements|marketing)\b|\bretargeting\b|\bremarketing\b/i;
const PI_MENTION = /\b(?:personal|your|identifiers?|device\s+(?:ids?|identifiers|data)|information|data|e-?mail\s+addresses|contact\s+(?:lists|details))\b/i;
const NOT_PERSONAL = /\baggregate|\banonymi[sz]|\bde-?identified|\bnon-?personal|\bnot\s+linked|\bcannot\s+(?:be\s+used\s+to\s+)?identify|\bdoes\s+not\s+identify|\bhashed\b/i;
/** Mergers, rights and conditions: "if we sell our business", "you may opt out of the sale". */
const HYPOTHETICAL = /\b(?:if\s+we|whether|in\s+case|in\s+the\s+event|should\s+we|merger|acqui(?:re|red|sition)|bankrupt\w*|insolven\w*|reorgani[sz]\w*|divest\w*|assets?|successor|business\s+transfer)\b/i;
/** Rights and definitions speak of selling without doing it: "you may opt out of the sale". */
const RIGHTS = /\b(?:if|rights?|opt[- ]?out|opt\s+out|request|ask\s+us|direct\s+us|definition|defined|means)\b/i;
/** What is sold must be personal information: "we sell subscriptions" is not a sale of data. */
const SOLD_OBJECT = /\b(?:personal\s+(?:information|data)|your\s+(?:personal\s+)?(?:information|data|details)|(?:customer|user|subscriber|member)s?['’]?\s+(?:information|data|lists?)|e-?mail\s+(?:addresses|lists)|contact\s+(?:details|lists)|(?:information|data)\s+about\s+(?:you|our\s+users))\b/i;
const NEGATION = /\b(?:not|never|no|nor|neither)\b|n['’]t\b/i;

export interface SaleClaim {
  readonly kind: 'denial' | 'sells' | 'shares-for-ads';
  readonly deniesSale?: boolean;
  readonly deniesSharing?: boolean;
}

function denial(text: string): SaleClaim | undefined {
  DENIAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DENIAL.exec(text)) !== null) {
    // The subject: "we" or a company name; "the Do Not Sell link" and "you do not sell" are not denials.
    const before = text.slice(Math.max(0, m.index - 40), m.index).trimEnd();
    const subject = before.split(/\s+/).pop() ?? '';
    if (!/^we$/i.test(subject) && !/^[A-Z][\w&.'’-]*[A-Za-z.]$/.test(subject)) continue;
    if (/^(?:You|They|It|He|She|This|That|These|Please|If|Do|Does|Which|Who)$/i.test(subject)) continue;
    const lead = text.slice(0, m.index);
    if (CONDITIONAL.test(lead.slice(lead.lastIndexOf(',') + 1))) continue;
    const rest = firstClause(text.slice(m.index + m[0].length));
    const object = PERSONAL.exec(rest);
    if (!object || !PERSONAL_WORDS.test(object[0])) continue;
    const tail = rest.slice(object[0].length);
    if (NARROWED.test(tail) || FOR_PURPOSE.test(tail) || NARROW_LEAD.test(lead)) continue;
    const deniesSale = IS_SELL.test(m[1]);
    const deniesSharing = IS_SHARE.test(m[1]);
    // To whom: "with anyone" and "to third parties" deny in general; "with such data centres" denies one recipient.
    // "We do not share it with advertisers" denies what ad sharing does; "we do not sell it to advertisers" leaves other buyers open.
    const recipient = RECIPIENT.exec(tail);
    if (recipient && !GENERAL_RECIPIENT.test(recipient[1]) && !(deniesSharing && !deniesSale && ADVERTISERS.test(recipient[1]))) continue;
    return { kind: 'denial', deniesSale, deniesSharing };
  }
  return undefined;
}

export function classifySaleSentence(text: string, kind: BlockKind): SaleClaim | undefined {
  if (kind === 'heading' || !/\b(?:sell|sold|sale|rent|lease|licen[cs]e|trade|exchange|monetis|monetiz|shar|disclos|distribut|transfer|pass|provide|available|allow|permit|let|give)/i.test(text)) return undefined;
  const d = denial(text);
  if (d) return d;
  if (NEGATION.test(text) || NOT_PERSONAL.test(text) || HYPOTHETICAL.test(text)) return undefined;
  const sells = SELLS.exec(text);
  if (!RIGHTS.test(text)) {
    if (sells && SOLD_OBJECT.test(firstClause(text.slice(sells.index + sells[0].length, sells.index + sells[0].length + 60)))) return { kind: 'sells' };
    if (SOLD_PASSIVE.test(text) || (FOR_VALUE.test(text) && SHARES.test(text) && SOLD_OBJECT.test(text))) return { kind: 'sells' };
  }
  if ((SHARES.test(text) || /\b(?:is|are)\s+shared\s+with\b/i.test(text)) && AD_PARTNER.test(text) && AD_PURPOSE.test(text) && PI_MENTION.test(text)) return { kind: 'shares-for-ads' };
  return undefined;
}

const claims = sentenceFacts(classifySaleSentence);

const CPRA_NOTE =
  'sharing personal information for cross-context behavioural advertising is "sharing" under the CCPA (Cal. Civ. Code §1798.140(ah)) even when no money changes hands';

export const saleContradiction: Rule = {
  meta: {
    id: 'sale-contradiction',
    description: 'Finds a statement that personal information is not sold or shared in a policy that elsewhere sells it or shares it for targeted advertising',
    defaultSeverity: 'warning',
    tags: ['consistency', 'ccpa', 'sale', 'sharing'],
    legalSource:
      'Cal. Civ. Code §1798.140(ad) ("sell") and §1798.140(ah) ("share"), as amended by the CPRA (operative 1 Jan 2023); Cal. Civ. Code §1798.100(a)(1) and §1798.120 (right to opt out of sale or sharing)',
    explanation:
      'A reader who is told "we do not sell your data" and then finds that it goes to advertising partners for targeted ads has been told two things. Under the CCPA, disclosing personal information for cross-context behavioural advertising is "sharing" even without payment, and both selling and sharing carry an opt-out right. Make the denial match what the business does, and keep the front matter\'s `sells-or-shares` in step.',
  },
  check(ctx) {
    const { doc } = ctx;
    const all = claims(doc);
    const denials = all.filter((c) => c.value.kind === 'denial');
    const sells = all.filter((c) => c.value.kind === 'sells');
    const sharesForAds = all.filter((c) => c.value.kind === 'shares-for-ads');
    const california = ctx.facts.applicability.get('us-ca');
    const declared = doc.fields.sellsOrShares;
    for (const d of denials) {
      const { deniesSale, deniesSharing } = d.value;
      const at = (c: SentenceFact<SaleClaim>) => `line ${lineOf(doc, c.start)} (${quote(c.text)})`;
      if (deniesSale && deniesSharing && declared === true) {
        ctx.report({ start: d.start, end: d.end, message: `${quote(d.text)} says personal information is neither sold nor shared, but the front matter declares “sells-or-shares: true”: correct the front matter or the statement`, fixes: [] });
        continue;
      }
      const sold = sells[0];
      if (sold && (deniesSale || deniesSharing)) {
        ctx.report({ start: d.start, end: d.end, message: `${quote(d.text)} says personal information is not ${deniesSale ? 'sold' : 'shared'}, but ${at(sold)} describes selling it: make the two statements agree`, fixes: [] });
        continue;
      }
      const shared = sharesForAds[0];
      if (!shared) continue;
      if (deniesSharing) {
        ctx.report({ start: d.start, end: d.end, message: `${quote(d.text)} says personal information is not shared, but ${at(shared)} shares it with advertisers for targeted advertising: make the two statements agree`, fixes: [] });
      } else if (deniesSale && california) {
        const inferred = california.declared ? '' : ` (California law inferred: ${california.reason})`;
        ctx.report({
          start: d.start,
          end: d.end,
          message: `${quote(d.text)} denies selling, but ${at(shared)} shares personal information for targeted advertising, and ${CPRA_NOTE}${inferred}: say that the business shares personal information and how to opt out, or stop the sharing`,
          fixes: [],
        });
      }
    }
    if (declared === false) {
      for (const c of [...sells, ...sharesForAds].sort((a, b) => a.start - b.start)) {
        const what = c.value.kind === 'sells' ? 'selling personal information' : 'sharing personal information for targeted advertising ("sharing" under Cal. Civ. Code §1798.140(ah))';
        ctx.report({ start: c.start, end: c.end, message: `The front matter declares “sells-or-shares: false”, but ${quote(c.text)} describes ${what}: correct the front matter or the text`, fixes: [] });
      }
    }
  },
};
