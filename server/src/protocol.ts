import type { Range } from 'vscode-languageserver-types';

/** The `data` every Policywright diagnostic carries; code actions read it and never the message. */
export interface DiagnosticData {
  readonly ruleId: string;
  readonly fixes: ReadonlyArray<{ readonly title: string; readonly edits: ReadonlyArray<{ readonly range: Range; readonly newText: string }> }>;
}

export const DIAGNOSTIC_SOURCE = 'policywright';

/** The configuration section the client contributes and the server reads. */
export const SETTINGS_SECTION = 'policywright';
