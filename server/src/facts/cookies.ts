/** Cookie statements: what a policy says about the cookies it sets, sentence by sentence, and its tables of cookies. */
import type { BlockKind } from '../model/blocks';
import type { PolicyDocument } from '../model/policyDocument';
import { firstClause, sentenceFacts, tables } from './sentences';

// The policy's own site, service or app as the subject: what third parties do is another matter.
const OWN = `(?:we|this\\s+(?:web)?site|this\\s+(?:mobile\\s+)?(?:service|app|application|platform)|our\\s+(?:web)?sites?|our\\s+(?:mobile\\s+)?(?:services?|apps?|applications?|platform))`;
const NEGATED = `(?:(?:do|does|will|shall|did)\\s*(?:not|n['’]t)|won['’]t|never)`;
const PLACE = `(?:use|set|place|store|deploy|employ|drop|install|serve)`;

/** "We do not use cookies", "This site does not set any browser cookies", "We never use cookies". */
const DENIAL = new RegExp(`\\b${OWN}\\s+${NEGATED}\\s+(?:(?:ever|currently|presently|actively)\\s+)?${PLACE}\\s+(?:any\\s+)?(?:(?:browser|http|web)\\s+)?["“”']?cookies\\b`, 'i');
/** "No cookies are used", "We use no cookies". */
const DENIAL_NO = /\bno\s+cookies\s+(?:are|will\s+be)\s+(?:used|set|placed|stored)\b|\bwe\s+use\s+no\s+cookies\b/i;
/** A purpose, condition or kind after the denial narrows it: "we do not use cookies to track you" denies less. */
const NARROWED = /\b(?:for|to|that|which|who|whose|except|unless|other\s+than|beyond|besides|apart|explicitly|only|when|where|if|without|until|instead|like|such)\b/i;

/** "We use cookies", "our site also sets analytics cookies", "we use Google Analytics, which sets cookies". */
const OWN_USE = new RegExp(`\\b${OWN}\\s+(?:also\\s+|may\\s+|might\\s+|only\\s+|currently\\s+|sometimes\\s+|can\\s+)?(?:uses?|sets?|places?|stores?|deploys?|employs?|drops?|utili[sz]es?|serves?|installs?)\\b`, 'gi');
const COOKIE = /\bcookies?\b/i;
const NEGATION = /\b(?:not|no|never|without|instead|rather|than|nor)\b|n['’]t\b/i;
/** "We use your answers to respect your choices about cookies": the cookies are not what is used. */
const CHOICE = /\b(?:about|regarding|choices?|refus\w*|block\w*|disabl\w*|delet\w*|reject\w*|declin\w*|manag\w*|control\w*|clear\w*)\b/i;
const TERM = /\b(?:term|word|refers?|means?|called|defined?)\b/i;
/** "The cookies we use", "cookies that we set". */
const COOKIES_WE = /\bcookies\s+(?:that\s+|which\s+)?we\s+(?:use|set|place|store)\b/i;
/** "Our cookies help us", "These cookies allow us", "Analytics cookies help us count visits". */
const COOKIES_DO = /\b(?:our|these|the\s+following)\s+cookies\s+(?:help|allow|let|enable)\s+us\b|\b(?:our|the\s+following)\s+cookies\s+(?:are\s+used|are\s+set|expire|remember|collect)\b|\b(?:analytics?|analytical|performance|advertising|marketing|targeting|functional(?:ity)?|preferences?|essential|strictly\s+necessary)\s+cookies\s+(?:help\s+us|allow\s+us|let\s+us|enable\s+us|are\s+used\s+to)\b/i;
/** A consent banner or settings panel exists only where cookies are set. */
const BANNER = /\bcookies?\s+(?:banner|pop-?up|consent\s+(?:banner|tool|manager|platform|pop-?up|window)|preference\s+(?:centre|center|panel)|settings\s+(?:panel|page|link|tool|button))\b|\b(?:click|select|press|tap)\w*\s+(?:on\s+)?["“']?accept\s+all\b/i;
/** In a section about cookies: "We use them to remember your language". */
const PRONOUN_USE = /\bwe\s+(?:also\s+|only\s+)?use\s+(?:them|these|such\s+files)\s+(?:to|for)\b|\bthey\s+(?:help|allow|let|enable)\s+us\b/i;
const THIRD_PARTY = /\bthird[- ]part|\bother\s+(?:web)?sites\b|\bthose\s+sites\b|\btheir\b|\bmost\s+(?:web)?sites\b|\bmany\s+(?:web)?sites\b/i;

export type Scope = 'app' | 'web' | 'email';

interface Claim {
  readonly kind: 'denial' | 'use';
  /** Set when the use needs a cookies section around it to count. */
  readonly needsCookieSection?: boolean;
}

export function scopes(text: string): Set<Scope> {
  const out = new Set<Scope>();
  if (/\b(?:mobile\s+)?apps?\b|\bapplications?\b/i.test(text)) out.add('app');
  if (/\bweb\s?sites?\b|\bsites?\b|\bbrowsers?\b|\bweb\s+pages?\b/i.test(text)) out.add('web');
  if (/\be-?mails?\b|\bnewsletters?\b/i.test(text)) out.add('email');
  return out;
}

export function classifyCookieSentence(text: string, kind: BlockKind): Claim | undefined {
  if (!COOKIE.test(text)) return undefined;
  if (kind === 'heading') return undefined;
  const denial = DENIAL.exec(text) ?? DENIAL_NO.exec(text);
  if (denial) {
    const before = text.slice(0, denial.index);
    const after = firstClause(text.slice(denial.index + denial[0].length));
    if (/\b(?:if|unless|when|where|whether)\b/i.test(before) || NARROWED.test(after)) return undefined;
    return { kind: 'denial' };
  }
  if (TERM.test(text) && /["“”']cookies?["“”']/i.test(text)) return undefined;
  OWN_USE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = OWN_USE.exec(text)) !== null) {
    const window = text.slice(m.index + m[0].length, m.index + m[0].length + 70);
    const at = window.search(COOKIE);
    if (at < 0) continue;
    const between = window.slice(0, at);
    // "We use server logs rather than cookies", "we do not use cookies": not a use.
    if (NEGATION.test(between) || NEGATION.test(text.slice(Math.max(0, m.index - 12), m.index)) || TERM.test(between) || CHOICE.test(between) || /[.;:]/.test(between)) continue;
    return { kind: 'use' };
  }
  if (NEGATION.test(firstClause(text))) return undefined;
  if (COOKIES_WE.test(text) || BANNER.test(text)) return { kind: 'use' };
  if (!THIRD_PARTY.test(text) && COOKIES_DO.test(text)) return { kind: 'use' };
  return undefined;
}

function classify(text: string, kind: BlockKind): Claim | undefined {
  const claim = classifyCookieSentence(text, kind);
  if (claim) return claim;
  if (kind !== 'heading' && PRONOUN_USE.test(text) && !NEGATION.test(firstClause(text))) return { kind: 'use', needsCookieSection: true };
  return undefined;
}

/** Every sentence that denies or describes the site's own cookies, per version. */
export const cookieClaims = sentenceFacts(classify);

export interface Use {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly table?: boolean;
}

/** A table whose header names cookies and what they are for or how long they last lists cookies the site sets. */
export function cookieTables(doc: PolicyDocument): Use[] {
  const out: Use[] = [];
  for (const table of tables(doc)) {
    const head = table.header.map((c) => c.text).join(' | ');
    if (table.rows.length === 0 || !COOKIE.test(head) || !/\b(?:purpose|duration|expir\w*|lifespan|retention|provider|type)\b/i.test(head)) continue;
    // "Cookies third parties set" tables are not the site's own.
    if (THIRD_PARTY.test(head)) continue;
    const first = table.header[0];
    const last = table.header[table.header.length - 1];
    out.push({ start: first.start, end: last.end, text: head, table: true });
  }
  return out;
}

export function inCookieSection(doc: PolicyDocument, offset: number): boolean {
  return doc.sectionPath(offset).some((t) => COOKIE.test(t));
}

/** The policy says flatly that it uses no cookies (completion then offers cookie clauses last). */
export function deniesCookies(doc: PolicyDocument): boolean {
  return cookieClaims(doc).some((c) => c.value.kind === 'denial');
}
