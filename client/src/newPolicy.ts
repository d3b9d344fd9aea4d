import { Uri, window, workspace, type QuickPickItem } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { NewPolicyAnswers, NewPolicyParams, NewPolicyResponse } from '../../server/src/protocol';

// The method name is repeated here rather than imported, so that the client bundle stays free of server code.
const NEW_POLICY_METHOD = 'policywright/newPolicy';
const TITLE = 'New privacy policy';
const STEPS = 5;

type Choice<T> = QuickPickItem & { value: T };

/**
 * "Policywright: New privacy policy": asks who the policy is for, then opens the draft the server
 * assembles from the clause library as a new Markdown document. Escape at any question cancels.
 */
export async function newPolicy(client: LanguageClient): Promise<void> {
  const { jurisdictions } = await client.sendRequest<NewPolicyResponse>(NEW_POLICY_METHOD, {} satisfies NewPolicyParams);

  const company = await window.showInputBox({
    title: `${TITLE} (1/${STEPS})`,
    prompt: 'The name of the company the policy speaks for',
    placeHolder: 'Example Ltd',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() === '' ? 'Give the company name' : undefined),
  });
  if (company === undefined) return;

  const email = await window.showInputBox({
    title: `${TITLE} (2/${STEPS})`,
    prompt: 'The e-mail address for privacy questions (leave empty to fill in later)',
    placeHolder: 'privacy@example.com',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() !== '' && !/^[^\s@]+@[^\s@]+$/.test(v.trim()) ? 'Write an address such as privacy@example.com, or leave it empty' : undefined),
  });
  if (email === undefined) return;

  const picked = await window.showQuickPick(
    jurisdictions.map((j): Choice<string> => ({ label: j.name, description: j.code, detail: j.laws, value: j.code })),
    { title: `${TITLE} (3/${STEPS})`, placeHolder: 'Where are the people the policy is for? Choose every jurisdiction that applies', canPickMany: true, matchOnDescription: true, ignoreFocusOut: true },
  );
  if (!picked || picked.length === 0) return;

  const children = await yesNo(4, 'Is the service meant for children, or likely to be used by them?', 'Yes: children use the service', 'No: the service is not meant for children');
  if (children === undefined) return;
  const sellsOrShares = await yesNo(5, 'Does the company sell personal information, or share it for targeted advertising?', 'Yes: it sells or shares personal information', 'No: it neither sells nor shares it');
  if (sellsOrShares === undefined) return;

  const answers: NewPolicyAnswers = { company: company.trim(), email: email.trim(), jurisdictions: picked.map((p) => p.value), children, sellsOrShares };
  const response = await client.sendRequest<NewPolicyResponse>(NEW_POLICY_METHOD, { answers } satisfies NewPolicyParams);
  if (!response.policy) {
    void window.showErrorMessage(`Policywright could not make the policy: ${(response.problems ?? ['no answer from the server']).join('; ')}`);
    return;
  }
  const document = await workspace.openTextDocument({ language: 'markdown', content: response.policy.text });
  await window.showTextDocument(document, { preview: false });
}

/** The example policy shipped with the extension, opened as a new document so that the original stays as it is. */
export async function openExample(extensionUri: Uri): Promise<void> {
  const bytes = await workspace.fs.readFile(Uri.joinPath(extensionUri, 'examples', 'privacy-policy.md'));
  const document = await workspace.openTextDocument({ language: 'markdown', content: new TextDecoder().decode(bytes) });
  await window.showTextDocument(document, { preview: false });
}

async function yesNo(step: number, question: string, yes: string, no: string): Promise<boolean | undefined> {
  const items: Array<Choice<boolean>> = [
    { label: no, value: false },
    { label: yes, value: true },
  ];
  const picked = await window.showQuickPick(items, { title: `${TITLE} (${step}/${STEPS})`, placeHolder: question, ignoreFocusOut: true });
  return picked?.value;
}
