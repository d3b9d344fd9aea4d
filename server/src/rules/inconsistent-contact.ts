import type { Rule } from './rule';
import { quote, sentenceAround } from './util/matches';
import { blockAt } from '../facts/text';
import type { PolicyDocument } from '../model/policyDocument';

const CONTACT_TITLE = /\b(?:contact|reach us|get in touch|questions)\b/i;
const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;
const DOMAIN_CHAR = /[A-Za-z0-9.-]/;
const PHONE = /\+?\(?\d[\d ().-]{7,18}\d/g;
const PHONE_CUE = /\b(?:call|phone|telephone|tel|reach|contact|dial)\b/i;

/**
 * An address that says what it is for is a second mailbox, not a slip: its local part names a role (dpo@,
 * security@), or its sentence names the person or purpose it serves (the data protection officer, an EU
 * representative, press); the finding's own advice is "or say what each one is for". A help desk or support
 * address is no such role: a rights request sent there is the slip this rule is for.
 */
const ROLE_LOCAL = /^(?:dpo|data-?protection-?officer|security|abuse|press|media|careers|jobs|representative|eu-?rep|uk-?rep)(?:[._-][a-z0-9]+)?$/i;
const ROLE_SENTENCE = /\b(?:data\s+protection\s+officer|DPO|representative|security\s+(?:issues?|vulnerabilities|weakness(?:es)?|incidents?|reports?)|press|media\s+enquiries|careers?|job\s+applications?)\b/i;

function saysWhatItIsFor(doc: PolicyDocument, e: Found): boolean {
  if (ROLE_LOCAL.test(e.value.slice(0, e.value.indexOf('@')))) return true;
  const block = blockAt(doc, e.start);
  return block !== undefined && ROLE_SENTENCE.test(sentenceAround(block, e.start));
}

interface Found {
  readonly value: string;
  readonly start: number;
  readonly end: number;
}

/** E-mail addresses in the document's prose, found by walking out from each "@" (no backtracking). */
export function emails(doc: PolicyDocument): Found[] {
  const out: Found[] = [];
  const text = doc.text;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CHAR.test(text[s - 1])) s--;
    let e = at + 1;
    while (e < text.length && e - at < 255 && DOMAIN_CHAR.test(text[e])) e++;
    while (e > at + 1 && /[.-]/.test(text[e - 1])) e--;
    const value = text.slice(s, e);
    if (s === at || !validDomain(value.slice(at - s + 1))) continue;
    if (blockAt(doc, s) === undefined) continue;
    out.push({ value: value.toLowerCase(), start: s, end: e });
  }
  return out;
}

function validDomain(domain: string): boolean {
  const parts = domain.split('.');
  return parts.length >= 2 && parts.every((p) => p.length > 0 && !/[^A-Za-z0-9-]/.test(p)) && /^[A-Za-z]{2,}$/.test(parts[parts.length - 1]);
}

/** Telephone numbers introduced as such ("call us on …"), with their digits. */
function phones(doc: PolicyDocument): Found[] {
  const out: Found[] = [];
  PHONE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE.exec(doc.text)) !== null) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15 || blockAt(doc, m.index) === undefined) continue;
    // The cue stands in the same sentence, at most 40 characters before the number.
    const before = doc.text.slice(Math.max(0, m.index - 45), m.index);
    if (!PHONE_CUE.test(before.slice(Math.max(before.lastIndexOf('.'), before.lastIndexOf('\n')) + 1))) continue;
    out.push({ value: digits, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const inconsistentContact: Rule = {
  meta: {
    id: 'inconsistent-contact',
    description: 'Finds an e-mail address or phone number in the body that differs from the one in the contact section',
    defaultSeverity: 'information',
    tags: ['drafting', 'contact'],
    legalSource: 'GDPR Art. 13(1)(a) (contact details of the controller); Cal. Civ. Code §1798.130(a)(1)',
    explanation:
      'A reader who finds one address in the text and another in the contact section does not know where a request will be handled. Use the contact section\'s details everywhere, or say what each address is for.',
  },
  check(ctx) {
    const { doc } = ctx;
    const contactSections = doc.allSections.filter((s) => CONTACT_TITLE.test(s.title));
    if (contactSections.length === 0) return;
    const inContact = (offset: number) => contactSections.some((s) => s.start <= offset && offset <= s.end);
    const allEmails = emails(doc);
    const official = new Set(allEmails.filter((e) => inContact(e.start)).map((e) => e.value));
    if (doc.fields.contact?.email) official.add(doc.fields.contact.email.toLowerCase());
    const domain = (e: string) => e.slice(e.indexOf('@') + 1);
    const reported = new Set<string>();
    for (const e of allEmails) {
      if (inContact(e.start) || official.has(e.value) || reported.has(e.value)) continue;
      // Another mailbox of the same organisation is the likely slip; an outside address (a regulator, a processor) is not.
      const same = [...official].filter((o) => domain(o) === domain(e.value));
      if (same.length === 0 || saysWhatItIsFor(doc, e)) continue;
      reported.add(e.value);
      ctx.report({
        start: e.start,
        end: e.end,
        message: `${quote(e.value)} differs from the contact section's ${same.map((o) => quote(o)).join(' or ')}: use one address, or say what each one is for`,
        fixes: same.map((o) => ({ title: `Use ${o}`, edits: [{ start: e.start, end: e.end, newText: o }] })),
      });
    }
    const allPhones = phones(doc);
    const officialPhones = [...new Map(allPhones.filter((p) => inContact(p.start)).map((p) => [p.value, p])).values()];
    if (officialPhones.length !== 1) return;
    const official1 = officialPhones[0];
    const seen = new Set<string>();
    for (const p of allPhones) {
      if (inContact(p.start) || p.value === official1.value || seen.has(p.value)) continue;
      seen.add(p.value);
      const shown = doc.text.slice(official1.start, official1.end);
      ctx.report({
        start: p.start,
        end: p.end,
        message: `Phone number ${quote(doc.text.slice(p.start, p.end))} differs from the contact section's ${quote(shown)}: use one number, or say what each one is for`,
        fixes: [{ title: `Use ${shown}`, edits: [{ start: p.start, end: p.end, newText: shown }] }],
      });
    }
  },
};
