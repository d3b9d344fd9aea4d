import type { PolicyDocument } from '../model/policyDocument';
import { perDocumentAnd } from './cache';
import type { AnalysisOptions } from './options';
import { applicability, type Applicability } from './applicability';
import { complianceStatus, type LawStatus, type Requirement } from './requirements';
import { placeRequirement, type Placement } from './placement';
import { definedTerms, type TermIndex } from './definedTerms';
import { crossReferences, type CrossReferenceIndex } from './crossReferences';
import { tablesOfContents, type TableOfContents } from './tableOfContents';
import { sectionReadability, type Readability } from './readability';
import { disclosuresOf, type Evidence } from './disclosures';
import { policyDates, type PolicyDate } from './dates';
import type { Section } from '../model/sections';

/**
 * The shared facts of one version analysed with one set of options: what rules and features read
 * besides the model. Each is computed when first asked for and kept by what it depends on (see
 * cache.ts): those that read no option are shared by every set of options, those that do are
 * recomputed only when the option part they read changes.
 */
export interface Facts {
  /** Which jurisdictions' laws apply, and why (reads `compliance`). */
  readonly applicability: Applicability;
  /** Each applicable law's required items, met or not (reads `compliance`). */
  readonly complianceStatus: readonly LawStatus[];
  /** The same, checked on the day `policywright.compliance.asOf` names, or else on `today`. */
  complianceStatusOn(today: Date): readonly LawStatus[];
  /** Where a missing item is reported and the edits that add it (reads `library`). */
  placement(requirement: Requirement, today: Date): Placement;
  readonly definedTerms: TermIndex;
  readonly crossReferences: CrossReferenceIndex;
  readonly tablesOfContents: readonly TableOfContents[];
  readonly sectionReadability: ReadonlyMap<Section, Readability>;
  /** The first passage making each disclosure. */
  readonly disclosures: ReadonlyMap<string, Evidence>;
  readonly dates: readonly PolicyDate[];
}

/** Facts that read the version alone; each function caches its own answer per version. */
const PER_VERSION = {
  definedTerms,
  crossReferences,
  tablesOfContents,
  sectionReadability,
  disclosures: disclosuresOf,
  dates: policyDates,
} satisfies { [K in keyof Facts]?: (doc: PolicyDocument) => Facts[K] };

/** The facts of `doc` under `options`: one object per version and options object. */
export const factsOf = perDocumentAnd((doc: PolicyDocument, options: AnalysisOptions): Facts => {
  const facts = {
    get applicability() {
      return applicability(doc, options.compliance);
    },
    get complianceStatus() {
      return complianceStatus(doc, options.compliance);
    },
    complianceStatusOn: (today: Date) => complianceStatus(doc, options.compliance, today),
    placement: (requirement: Requirement, today: Date) => placeRequirement(doc, requirement, options.library, today),
  };
  // Getters, so that a fact nobody reads is never computed.
  for (const [name, of] of Object.entries(PER_VERSION)) Object.defineProperty(facts, name, { get: () => of(doc), enumerable: true });
  return Object.freeze(facts as Facts);
});
