import type { Rule } from './rule';
import { frontMatterInvalid } from './front-matter-invalid';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { outdatedLegalReference } from './outdated-legal-reference';
import { missingEffectiveDate } from './missing-effective-date';
import { staleEffectiveDate } from './stale-effective-date';
import { doubledWord } from './doubled-word';
import { doubledCapital } from './doubled-capital';
import { mojibake } from './mojibake';
import { plainLineHeading } from './plain-line-heading';

/** Every rule, in the order their findings are listed. Adding a rule: see CONTRIBUTING.md. */
export const RULES: readonly Rule[] = Object.freeze([
  frontMatterInvalid,
  unfilledPlaceholder,
  outdatedLegalReference,
  missingEffectiveDate,
  staleEffectiveDate,
  doubledWord,
  doubledCapital,
  mojibake,
  plainLineHeading,
]);

export const DOCS_BASE_URL = 'https://github.com/policywright/policywright/blob/main/docs/rules/';

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.meta.id === id);
}

export function docsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
