import type { Range } from 'vscode-languageserver-types';

/** The `data` every Policywright diagnostic carries; code actions read it and never the message. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }> }>;
}

export const DIAGNOSTIC_SOURCE = 'policywright';

/** The configuration section the client contributes and the server reads. */
export const SETTINGS_SECTION = 'policywright';

/**
 * `policywright/checklist`: what the applicable laws require the policy to say, and whether it
 * does. One request feeds the client's Policy Checklist view and its status-bar count.
 */
export const CHECKLIST_REQUEST = 'policywright/checklist';

export interface ChecklistParams {
  readonly uri: string;
}

export interface ChecklistJurisdiction {
  /** A `jurisdictions:` code such as `eu` or `us-ca`. */
  readonly code: string;
  readonly name: string;
  /** Declared in front matter or settings; otherwise inferred from the text. */
  readonly declared: boolean;
  /** Why it applies: "declared in front matter", or the text it was inferred from. */
  readonly reason: string;
  /** Where it was declared or inferred from, when that is a place in the document. */
  readonly range?: Range;
}

export interface ChecklistItem {
  /** Stable id of the requirement, e.g. `gdpr.complaint-authority`. */
  readonly id: string;
  readonly title: string;
  /** The provision, e.g. "GDPR Art. 13(2)(d)". */
  readonly article: string;
  readonly status: 'present' | 'missing';
  /** The diagnostic code (rule id) a missing item is reported under. */
  readonly ruleId: string;
  /** Present: the passage that satisfies it. Missing: where the finding is shown. */
  readonly range: Range;
  /** Missing: the edit that inserts the matching clause from the library. */
  readonly fix?: { readonly title: string; readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }> };
}

export interface ChecklistLaw {
  /** e.g. `gdpr`, `uk-gdpr`, `ccpa`. */
  readonly id: string;
  /** e.g. "EU GDPR". */
  readonly name: string;
  /** The jurisdiction code the law comes from. */
  readonly jurisdiction: string;
  readonly items: readonly ChecklistItem[];
}

export interface ChecklistResult {
  readonly uri: string;
  readonly version: number;
  readonly jurisdictions: readonly ChecklistJurisdiction[];
  readonly laws: readonly ChecklistLaw[];
  /** Number of items with status `missing`, over every law. */
  readonly missing: number;
  /** One line for the view's message: which jurisdictions apply and how to declare them. */
  readonly summary: string;
}
