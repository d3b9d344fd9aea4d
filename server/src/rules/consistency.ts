import type { Rule } from './rule';
import { cookieContradiction } from './cookie-contradiction';
import { saleContradiction } from './sale-contradiction';
import { childrenAgeMismatch } from './children-age-mismatch';
import { retentionContradiction } from './retention-contradiction';
import { transferWithoutSafeguard } from './transfer-without-safeguard';

/** Rules that compare what one part of the policy says with another (issue 4, item 6). */
export const CONSISTENCY_RULES: readonly Rule[] = [cookieContradiction, saleContradiction, childrenAgeMismatch, retentionContradiction, transferWithoutSafeguard];
