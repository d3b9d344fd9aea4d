import { buildPolicyDocument, type PolicyDocument } from '../../server/src/model/policyDocument';

/** Joins lines with `\n`, so a test's document reads as it would in the editor. */
export function lines(...text: string[]): string {
  return text.join('\n');
}

/** An in-memory policy document, built exactly as the server builds one. */
export function makeDoc(text: string, uri = 'file:///work/privacy-policy.md', version = 1): PolicyDocument {
  return buildPolicyDocument(uri, version, text);
}
