import type { PolicyDocument } from '../model/policyDocument';
import type { ClauseFills } from '../catalog/clauseCatalog';

/** What a clause template is filled with from the policy's front matter: company, contact, effective date. */
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
  };
  return Object.fromEntries(Object.entries(fills).filter(([, v]) => v !== undefined)) as ClauseFills;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "31 January 2026", or "January 31, 2026" for a US-only policy. */
export function formatDate(date: Date, us: boolean): string {
  const [d, m, y] = [date.getUTCDate(), MONTHS[date.getUTCMonth()], date.getUTCFullYear()];
  return us ? `${m} ${d}, ${y}` : `${d} ${m} ${y}`;
}
