import type { PolicyDocument } from '../model/policyDocument';
import type { ClauseFills } from '../catalog/clauseCatalog';

/** What a clause template is filled with from the policy's front matter: company, contact, effective date, children's age. */
export function fillsFor(doc: PolicyDocument): ClauseFills {
  const f = doc.fields;
  const date = f.effective?.date;
  const usOnly = f.jurisdictions.length > 0 && f.jurisdictions.every((j) => j === 'us' || j.startsWith('us-'));
  const fills: ClauseFills = {
    company: f.company?.trim() || undefined,
    email: f.contact?.email?.trim() || undefined,
    address: f.contact?.address?.trim() || undefined,
    phone: f.contact?.phone?.trim() || undefined,
    effective: date ? formatDate(date, usOnly) : undefined,
    childAge: childAgeFor(f.jurisdictions),
  };
  return Object.fromEntries(Object.entries(fills).filter(([, v]) => v !== undefined)) as ClauseFills;
}

/** The children's age a clause for every law states: the GDPR's default of 16 where EU law is declared (Art. 8(1)). */
export function childAgeFor(jurisdictions: readonly string[]): string | undefined {
  return jurisdictions.includes('eu') ? '16' : undefined;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "31 January 2026", or "January 31, 2026" for a US-only policy. */
export function formatDate(date: Date, us: boolean): string {
  const [d, m, y] = [date.getUTCDate(), MONTHS[date.getUTCMonth()], date.getUTCFullYear()];
  return us ? `${m} ${d}, ${y}` : `${d} ${m} ${y}`;
}
