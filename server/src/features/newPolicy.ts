import { stringify } from 'yaml';
import { clauseText, isJurisdictionCode, JURISDICTIONS, type Clause, type ClauseFills } from '../catalog/clauseCatalog';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import { servesAny } from './clauseHover';
import { childAgeFor, formatDate } from '../facts/fills';

/**
 * "Policywright: New privacy policy": a first draft assembled from the clause library after a few
 * questions. The client asks the questions; the server knows the jurisdictions and the clauses, so a
 * firm's own clause (same id as a built-in) is what goes into the draft.
 */
export { NEW_POLICY_METHOD, type NewPolicyAnswers, type NewPolicyParams, type NewPolicyResponse } from '../protocol';
import type { NewPolicyAnswers, NewPolicyParams, NewPolicyResponse } from '../protocol';

/** One section of the draft: the first of `ids` that serves the policy's jurisdictions, or all of them with `every`. */
interface Step {
  readonly ids: readonly string[];
  readonly every?: boolean;
  readonly when?: (a: NewPolicyAnswers) => boolean;
}

// In the order a policy is read (clauseCatalog's READING_ORDER). Sections a policy needs only in some
// businesses (a data protection officer or representative, automated decisions, marketing) are left
// for the writer to add with `/`.
const PLAN: readonly Step[] = [
  { ids: ['effective-date'] },
  { ids: ['who-we-are'] },
  { ids: ['contact'] },
  { ids: ['privacy-officer-canada'] },
  // The LGPD requires the encarregado's identity and contact (Art. 41 §1); elsewhere a DPO is the writer's call.
  { ids: ['dpo-representative'], when: (a) => a.jurisdictions.some((j) => j.trim().toLowerCase() === 'br') },
  { ids: ['collection'] },
  { ids: ['use-legal-basis', 'use-purposes'] },
  { ids: ['legitimate-interests'] },
  { ids: ['sharing-recipients'] },
  { ids: ['california-notice-at-collection'] },
  { ids: ['ccpa-sale-sharing'], when: (a) => a.sellsOrShares },
  { ids: ['rights-ccpa'] },
  { ids: ['cookies-eu-consent', 'cookies-categories'] },
  { ids: ['transfers-safeguards'] },
  { ids: ['retention'] },
  { ids: ['security'] },
  { ids: ['rights-gdpr'] },
  { ids: ['rights-lgpd'] },
  { ids: ['rights-us-states'] },
  { ids: ['rights-exercise'] },
  { ids: ['complaints'] },
  { ids: ['dnt-gpc'] },
  { ids: ['children-coppa', 'children-gdpr-art8', 'children-uk'], every: true, when: (a) => a.children },
  { ids: ['children-not-directed'], when: (a) => !a.children },
  { ids: ['changes'] },
];

export function newPolicy(params: NewPolicyParams | undefined, library: ClauseLibrary, today: Date = new Date()): NewPolicyResponse {
  const jurisdictions = Object.entries(JURISDICTIONS).map(([code, j]) => ({ code, name: j.name, laws: j.laws }));
  const answers = params?.answers;
  if (!answers) return { jurisdictions };
  const problems = check(answers);
  if (problems.length > 0) return { jurisdictions, problems };
  const declared = [...new Set(answers.jurisdictions.map((j) => j.trim().toLowerCase()))];
  const clauses = chooseClauses({ ...answers, jurisdictions: declared }, library);
  const company = answers.company.trim();
  const email = answers.email?.trim() || undefined;
  const usOnly = declared.every((j) => j === 'us' || j.startsWith('us-'));
  const childAge = childAgeFor(declared);
  const fills: ClauseFills = { company, ...(email ? { email } : {}), effective: formatDate(today, usOnly), ...(childAge ? { childAge } : {}) };
  const frontMatter = [
    '---',
    'policy: true',
    `company: ${scalar(company)}`,
    `jurisdictions: [${declared.join(', ')}]`,
    `effective: ${today.toISOString().slice(0, 10)}`,
    ...(email ? ['contact:', `  email: ${scalar(email)}`] : []),
    `audience: ${answers.children ? '[adults, children]' : '[adults]'}`,
    `sells-or-shares: ${answers.sellsOrShares}`,
    '---',
  ];
  const body = clauses.map((c) => clauseText(c, { fills }).trimEnd());
  return { jurisdictions, policy: { text: `${frontMatter.join('\n')}\n\n${body.join('\n\n')}\n`, clauses: clauses.map((c) => c.id) } };
}

export function chooseClauses(answers: NewPolicyAnswers, library: ClauseLibrary): Clause[] {
  const out: Clause[] = [];
  for (const step of PLAN) {
    if (step.when && !step.when(answers)) continue;
    const serving = step.ids.map((id) => library.byId(id)).filter((c): c is Clause => c !== undefined && servesAny(c, answers.jurisdictions));
    out.push(...(step.every ? serving : serving.slice(0, 1)));
  }
  return out;
}

function check(a: NewPolicyAnswers): string[] {
  const problems: string[] = [];
  if (typeof a.company !== 'string' || a.company.trim() === '') problems.push('Company name is empty, give the name the policy speaks for');
  else if (/[\r\n]/.test(a.company)) problems.push('Company name has a line break, write it on one line');
  if (a.email !== undefined && (typeof a.email !== 'string' || /[\s]/.test(a.email.trim()) || (a.email.trim() !== '' && !a.email.includes('@')))) {
    problems.push(`E-mail address \`${String(a.email)}\` is not an address, write one such as privacy@example.com or leave it empty`);
  }
  if (!Array.isArray(a.jurisdictions) || a.jurisdictions.length === 0) problems.push('No jurisdiction chosen, choose at least one');
  else {
    for (const j of a.jurisdictions) {
      if (typeof j !== 'string' || !isJurisdictionCode(j.trim().toLowerCase())) problems.push(`Jurisdiction \`${String(j)}\` is unknown, use one of ${Object.keys(JURISDICTIONS).join(', ')}`);
    }
  }
  if (typeof a.children !== 'boolean') problems.push('Children answer is missing, say whether the service is meant for children');
  if (typeof a.sellsOrShares !== 'boolean') problems.push('Selling or sharing answer is missing, say whether personal information is sold or shared');
  return problems;
}

/** A YAML scalar on one line, quoted only when the text needs it (`Acme: Data Ltd`, `#1 Bakery`). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}
