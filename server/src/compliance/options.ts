import type { PolicyDocument } from '../model/policyDocument';
import type { ClauseLibrary } from '../catalog/clauseLibrary';

/** `policywright.compliance.*`: what applies when the policy's front matter does not say. */
export interface ComplianceOptions {
  /** Jurisdiction codes used when the front matter declares none; empty means infer from the text. */
  readonly jurisdictions: readonly string[];
  /** The clause library quick fixes insert from (the workspace's, with the firm's own clauses); built-ins when absent. */
  readonly library?: ClauseLibrary;
}

export const DEFAULT_COMPLIANCE: ComplianceOptions = Object.freeze({ jurisdictions: Object.freeze([]) as readonly string[] });

const byDocument = new WeakMap<PolicyDocument, ComplianceOptions>();

/** Recorded by the server (or the command line) before the rules run, like the drafting options. */
export function useComplianceOptions(doc: PolicyDocument, options: ComplianceOptions | undefined): void {
  if (options) byDocument.set(doc, options);
  else byDocument.delete(doc);
}

export function complianceOptions(doc: PolicyDocument): ComplianceOptions {
  return byDocument.get(doc) ?? DEFAULT_COMPLIANCE;
}
