import type { Rule } from './rule';
import type { BlockKind } from '../model/blocks';
import { quote } from './util/matches';
import { sentenceFacts } from '../facts/sentences';
import { hasNegation } from '../facts/text';

/** Data going somewhere: the verb that makes a destination a transfer. */
const MOVES = /\b(?:transfer\w*|process(?:es|ed|ing)?|stor(?:e|ed|es|ing|age)|host(?:s|ed|ing)?|sent|send(?:s|ing)?|mov(?:e|ed|es|ing)|accessed|accessible)\b/i;
/** "If you are in the United States", "users in the EU": where the reader is, not where the data go. */
const READER_THERE = /\b(?:if|when|where)\s+you\b|\byou\s+(?:are|live|reside)\b/i;
const READER_NOUN = /\b(?:users|visitors|customers|residents|individuals|people)$/i;
/** Where: outside the EEA or the UK, to other countries, to the United States. Case matters for the abbreviations. */
const OUTSIDE = /\b(?:outside|beyond)\s+(?:of\s+)?(?:the\s+)?(?:EEA|European\s+Economic\s+Area|EU|European\s+Union|UK|United\s+Kingdom|Europe|your\s+(?:home\s+)?(?:country|jurisdiction|region))\b|\b(?:other|third|foreign)\s+countr(?:y|ies)\b|\bcountries\s+(?:other\s+than|outside)\b|\b(?:to|in|into)\s+(?:the\s+)?(?:United\s+States(?:\s+of\s+America)?|U\.S\.(?:A\.)?|USA)(?![\w-])|\binternational(?:ly)?\s+(?:data\s+)?transfer\w*|\bcross-border\s+(?:data\s+)?transfer\w*|\btransfer\w*\s+(?:\w+\s+)?internationally\b/i;

/** What counts as naming the safeguard (GDPR Arts 45–49, UK GDPR Arts 45–49). Outdated ones count too: outdated-legal-reference reports them. */
const SAFEGUARD =
  /\badequa(?:cy|te)\s+(?:decisions?|findings?|regulations?|level\s+of\s+(?:data\s+)?protection)\b|\b(?:deemed|found|considered|recogni[sz]ed)\s+(?:to\s+(?:be|provide|offer)\s+)?(?:an\s+)?adequate\b|\bData\s+Privacy\s+Framework\b|\bDPF\b|\bstandard\s+(?:contract(?:ual)?|data\s+protection)\s+clauses\b|\bSCCs?\b|\bbinding\s+corporate\s+rules\b|\bBCRs?\b|\bInternational\s+Data\s+Transfer\s+(?:Agreement|Addendum)\b|\bIDTA\b|\bUK\s+(?:Addendum|Extension)\b|\bArt(?:icle|\.)?\s*(?:45|46|47|49)\b|\bexplicit(?:ly)?\s+consent\w*\s+(?:to|for)\s+(?:(?:the|this|such|these|that)\s+)?transfers?\b|\bPrivacy\s+Shield\b|\bSafe\s+Harbou?r\b|\bmodel\s+(?:contract(?:ual)?\s+)?clauses\b|\bEU\s+(?:Commission\s+)?approved\s+(?:contracts?|clauses)\b/i;
/** Standard contractual clauses named without their 2021 decision. */
const SCC = /\bstandard\s+(?:contract(?:ual)?|data\s+protection)\s+clauses\b|\bSCCs?\b/gi;
const NEW_SCC = /\b2021\b|\b(?:new|updated|moderni[sz]ed)\s+(?:standard\s+(?:contractual|data\s+protection)\s+clauses|SCCs?)\b/i;
const UK = /\b(?:UK|U\.K\.|United\s+Kingdom|Great\s+Britain|Britain)\b/;
/** What outdated-legal-reference already reports: the repealed decisions and "model clauses". */
const OLD_SCC = /\b(?:2001\/497\/EC|2004\/915\/EC|2010\/87\/EU)\b|\bmodel\s+(?:contract(?:ual)?\s+)?clauses\b/i;

interface TransferFact {
  readonly kind: 'transfer' | 'safeguard' | 'scc';
  readonly index?: number;
  readonly length?: number;
  /** The sentence names the 2021 clauses or a repealed decision: nothing to hint. */
  readonly dated?: boolean;
  readonly uk?: boolean;
}

function classify(text: string, kind: BlockKind): TransferFact[] | undefined {
  const out: TransferFact[] = [];
  const safeguard = SAFEGUARD.test(text);
  if (safeguard) out.push({ kind: 'safeguard' });
  if (kind !== 'heading' && !safeguard && MOVES.test(text)) {
    const where = OUTSIDE.exec(text);
    const before = where ? text.slice(0, where.index) : '';
    // "We do not transfer your data outside the EEA" needs no safeguard.
    if (where && MOVES.test(before + where[0]) && !hasNegation(before) && !READER_THERE.test(before) && !READER_NOUN.test(before.trimEnd())) out.push({ kind: 'transfer' });
  }
  SCC.lastIndex = 0;
  const scc = SCC.exec(text);
  // Clauses in a sentence about the UK are outdated-legal-reference's (EU clauses alone do not cover UK transfers).
  if (scc) out.push({ kind: 'scc', index: scc.index, length: scc[0].length, dated: NEW_SCC.test(text) || OLD_SCC.test(text), uk: UK.test(text) });
  return out.length > 0 ? out : undefined;
}

const facts = sentenceFacts(classify);

const EU_ADVICE =
  'name the adequacy decision, the EU-U.S. Data Privacy Framework, the standard contractual clauses, binding corporate rules or the Art. 49 derogation relied on, and how to get a copy (GDPR Art. 13(1)(f))';
const UK_ADVICE =
  'name the adequacy regulations, the UK Extension to the EU-U.S. Data Privacy Framework, the International Data Transfer Agreement or the UK Addendum, binding corporate rules or the Art. 49 exception relied on, and how to get a copy (UK GDPR Art. 13(1)(f))';
const FIX_TEXT = ' adopted by Commission Implementing Decision (EU) 2021/914';

export const transferWithoutSafeguard: Rule = {
  meta: {
    id: 'transfer-without-safeguard',
    description: 'Finds a transfer of personal data outside the EEA or the UK for which the policy names no safeguard, and standard contractual clauses named without their 2021 decision',
    defaultSeverity: 'warning',
    tags: ['consistency', 'transfers', 'gdpr', 'uk'],
    legalSource:
      'GDPR Art. 13(1)(f) and Art. 14(1)(f), Arts 44–49 (applicable from 25 May 2018); UK GDPR Arts 44–49; Commission Implementing Decision (EU) 2021/914 of 4 June 2021 (standard contractual clauses; the earlier clauses could not be used in new contracts from 27 Sep 2021)',
    explanation:
      'When personal data leave the EEA or the UK, the notice must say so and name what protects them: an adequacy decision, the EU-U.S. Data Privacy Framework, standard contractual clauses, binding corporate rules, or an Art. 49 derogation such as explicit consent, and how to get a copy. A transfer with no safeguard named leaves the reader unable to judge the risk. Standard contractual clauses are the 2021 clauses now; naming the decision shows the policy is current.',
  },
  check(ctx) {
    const { doc } = ctx;
    const app = ctx.facts.applicability;
    const law = app.get('eu') ?? app.get('uk');
    if (!law) return;
    const all = facts(doc).flatMap((f) => f.value.map((v) => ({ ...f, v })));
    const transfers = all.filter((f) => f.v.kind === 'transfer');
    const named = all.some((f) => f.v.kind === 'safeguard');
    const inferred = law.declared ? '' : ` (${law.code === 'eu' ? 'EU' : 'UK'} law inferred: ${law.reason})`;
    if (transfers.length > 0 && !named) {
      const t = transfers[0];
      ctx.report({
        start: t.start,
        end: t.end,
        message: `${quote(t.text)} describes a transfer outside the ${law.code === 'eu' ? 'EEA' : 'UK'}, but the policy names no safeguard for it: ${law.code === 'eu' ? EU_ADVICE : UK_ADVICE}${inferred}`,
        fixes: [],
      });
    }
    if (!app.has('eu') || all.some((f) => f.v.kind === 'scc' && f.v.dated)) return;
    const scc = all.find((f) => f.v.kind === 'scc' && !f.v.uk);
    if (!scc || scc.v.index === undefined || scc.v.length === undefined) return;
    const start = scc.start + scc.v.index;
    const end = start + scc.v.length;
    ctx.report({
      start,
      end,
      severity: 'information',
      message: `${quote(doc.text.slice(start, end))} does not say which clauses: name the standard contractual clauses adopted by Commission Implementing Decision (EU) 2021/914 (4 June 2021), since the earlier clauses were repealed`,
      fixes: [{ title: 'Name the 2021 clauses (Implementing Decision (EU) 2021/914)', edits: [{ start, end, newText: doc.text.slice(start, end) + FIX_TEXT }] }],
    });
  },
};
