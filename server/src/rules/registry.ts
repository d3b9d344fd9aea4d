import type { Rule } from './rule';
import { analysisLimited } from './analysis-limited';
import { frontMatterInvalid } from './front-matter-invalid';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { outdatedLegalReference } from './outdated-legal-reference';
import { missingEffectiveDate } from './missing-effective-date';
import { staleEffectiveDate } from './stale-effective-date';
import { doubledWord } from './doubled-word';
import { doubledCapital } from './doubled-capital';
import { mojibake } from './mojibake';
import { plainLineHeading } from './plain-line-heading';
// Drafting quality (issue 5): defined terms, cross-references, plain language, clean text.
import { undefinedTerm } from './undefined-term';
import { unusedDefinition } from './unused-definition';
import { conflictingDefinition } from './conflicting-definition';
import { termBeforeDefinition } from './term-before-definition';
import { lowerCaseDefinedTerm } from './lower-case-defined-term';
import { brokenCrossReference } from './broken-cross-reference';
import { brokenAnchorLink } from './broken-anchor-link';
import { crossReferenceTitleMismatch } from './cross-reference-title-mismatch';
import { tableOfContentsMismatch } from './table-of-contents-mismatch';
import { vagueTerm } from './vague-term';
import { longSentence } from './long-sentence';
import { allCapsParagraph } from './all-caps-paragraph';
import { hiddenActorPassive } from './hidden-actor-passive';
import { readingGrade } from './reading-grade';
import { unbalancedPunctuation } from './unbalanced-punctuation';
import { doubledPossessive } from './doubled-possessive';
import { typedBullet } from './typed-bullet';
import { insecureLink } from './insecure-link';
import { inconsistentContact } from './inconsistent-contact';
import { textAfterEnd } from './text-after-end';
// Phrase rules: one entry each in server/data/phrase-rules.json.
import { PHRASE_RULES } from './phrase';
// Compliance (issue 4): what the applicable laws require, and contradictions inside the policy.
import { COMPLIANCE_RULES } from './compliance';
import { CONSISTENCY_RULES } from './consistency';

/** Every rule, in the order their findings are listed. Adding a rule: see CONTRIBUTING.md. */
export const RULES: readonly Rule[] = Object.freeze([
  analysisLimited,
  frontMatterInvalid,
  unfilledPlaceholder,
  outdatedLegalReference,
  missingEffectiveDate,
  staleEffectiveDate,
  doubledWord,
  doubledCapital,
  mojibake,
  plainLineHeading,
  undefinedTerm,
  unusedDefinition,
  conflictingDefinition,
  termBeforeDefinition,
  lowerCaseDefinedTerm,
  brokenCrossReference,
  brokenAnchorLink,
  crossReferenceTitleMismatch,
  tableOfContentsMismatch,
  vagueTerm,
  longSentence,
  allCapsParagraph,
  hiddenActorPassive,
  readingGrade,
  unbalancedPunctuation,
  doubledPossessive,
  typedBullet,
  insecureLink,
  inconsistentContact,
  textAfterEnd,
  ...PHRASE_RULES,
  ...COMPLIANCE_RULES,
  ...CONSISTENCY_RULES,
]);

export const DOCS_BASE_URL = 'https://github.com/policywright/policywright/blob/main/docs/rules/';

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
