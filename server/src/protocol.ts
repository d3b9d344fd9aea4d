import type { Range } from 'vscode-languageserver-types';

/** The `data` every Policywright diagnostic carries; code actions read it and never the message. */
export interface DiagnosticData {
  /** The rule the diagnostic is listed under (its `code`): the first of `rules` for a finding several rules make. */
  readonly ruleId: string;
  /** For one problem several laws share (an item the EU and the UK GDPR both require): every rule, and every law's code. */
  readonly rules?: readonly string[];
  readonly laws?: readonly string[];
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

/** What the `policywright/listClauses` request answers: enough for a picker, and the template to open. */
export interface ListedClause {
  readonly id: string;
  readonly title: string;
  readonly variant?: string;
  readonly topic: string;
  readonly prefix: string;
  readonly jurisdictions: readonly string[];
  readonly description: string;
  readonly origin: 'built-in' | 'workspace';
  /** The template's file; a file-system path for workspace templates. */
  readonly file: string;
  /** The template source, so a built-in can be opened (and copied into the firm's library) without a file. */
  readonly source: string;
}

export const LIST_CLAUSES_METHOD = 'policywright/listClauses';

/** `policywright/newPolicy`: the first draft of a policy from the writer's answers. */
export const NEW_POLICY_METHOD = 'policywright/newPolicy';

export interface NewPolicyAnswers {
  readonly company: string;
  /** The address for privacy questions; the clauses keep their placeholder address when it is empty. */
  readonly email?: string;
  readonly jurisdictions: readonly string[];
  /** The service is meant for children, or children are likely to use it. */
  readonly children: boolean;
  /** The company sells personal information or shares it for cross-context behavioural advertising. */
  readonly sellsOrShares: boolean;
}

export interface NewPolicyParams {
  /** Without answers the server only lists the jurisdictions it knows, for the client's picker. */
  readonly answers?: NewPolicyAnswers;
}

export interface NewPolicyResponse {
  readonly jurisdictions: ReadonlyArray<{ readonly code: string; readonly name: string; readonly laws: string }>;
  readonly policy?: { readonly text: string; readonly clauses: readonly string[] };
  /** Why no policy was made, one message per bad answer. */
  readonly problems?: readonly string[];
}
