import type { PolicyDocument } from '../model/policyDocument';
import type { ClauseLibrary } from '../catalog/clauseLibrary';
import { perDocumentSetting } from './cache';

/** `policywright.compliance.*`: what applies when the policy's front matter does not say. */
export interface ComplianceOptions {
  /** Jurisdiction codes used when the front matter declares none; empty means infer from the text. */
  readonly jurisdictions: readonly string[];
  /** The clause library quick fixes insert from (the workspace's, with the firm's own clauses); built-ins when absent. */
  readonly library?: ClauseLibrary;
}

export const DEFAULT_COMPLIANCE: ComplianceOptions = Object.freeze({ jurisdictions: Object.freeze([]) as readonly string[] });

const setting = perDocumentSetting<ComplianceOptions>(DEFAULT_COMPLIANCE);

export const useComplianceOptions: (doc: PolicyDocument, options: ComplianceOptions | undefined) => void = setting.use;
export const complianceOptions: (doc: PolicyDocument) => ComplianceOptions = setting.get;

const withLibraries = new WeakMap<ComplianceOptions, WeakMap<ClauseLibrary, ComplianceOptions>>();

/** The same options object for the same settings and library, so results derived from it are reused. */
export function withLibrary(options: ComplianceOptions, library: ClauseLibrary): ComplianceOptions {
  let byLibrary = withLibraries.get(options);
  if (!byLibrary) withLibraries.set(options, (byLibrary = new WeakMap()));
  let combined = byLibrary.get(library);
  if (!combined) byLibrary.set(library, (combined = Object.freeze({ ...options, library })));
  return combined;
}
