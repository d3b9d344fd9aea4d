import * as path from 'node:path';
import { commands, Uri, window, workspace, type ExtensionContext, type QuickPickItem } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { ListedClause } from '../../server/src/protocol';
import { ChecklistView } from './checklist';
import { newPolicy, openExample } from './newPolicy';

let client: LanguageClient | undefined;

/** Starts the language server; everything the user sees is computed there. */
export async function activate(context: ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // --expose-gc: the server gives memory back after work on a large policy (server/src/memory.ts).
    run: { module, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc'] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--expose-gc', '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // The server then links a finding's hover to the rule's bundled page through our command (opened in the preview).
    initializationOptions: { ruleDocsCommand: true },
    // Hovers may run this one command, nothing else: a firm's clause text stays inert Markdown.
    markdown: { isTrusted: { enabledCommands: ['policywright.showRuleDocs'] } },
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      // Virtual workspaces (GitHub Repositories): each policy is checked on its own; see capabilities in package.json.
      { scheme: 'vscode-vfs', language: 'markdown' },
    ],
    synchronize: {
      configurationSection: 'policywright',
      // The server re-reads the firm's clause library when a template is saved, added or deleted.
      fileEvents: workspace.createFileSystemWatcher('**/.policywright/clauses/*.md'),
    },
  };
  client = new LanguageClient('policywright', 'Policywright', serverOptions, clientOptions);
  context.subscriptions.push(commands.registerCommand('policywright.openClause', () => openClause()));
  context.subscriptions.push(commands.registerCommand('policywright.newPolicy', () => (client ? newPolicy(client) : undefined)));
  context.subscriptions.push(commands.registerCommand('policywright.openExample', () => openExample(context.extensionUri)));
  context.subscriptions.push(commands.registerCommand('policywright.showRuleDocs', (id?: unknown) => showRuleDocs(context.extensionUri, id)));
  const started = client.start();
  // The view asks the server only once the client has started, and only for the policy in the editor.
  context.subscriptions.push(new ChecklistView(client, started, () => openExample(context.extensionUri)));
  await started;
}

/** Opens a rule's page, bundled in docs/rules, in the Markdown preview: no network, no browser. */
async function showRuleDocs(extensionUri: Uri, id: unknown): Promise<void> {
  if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return;
  await commands.executeCommand('markdown.showPreview', Uri.joinPath(extensionUri, 'docs', 'rules', `${id}.md`));
}

/** Lists the clause library and opens the chosen template: a firm's file, or a built-in as a new document. */
async function openClause(): Promise<void> {
  if (!client) return;
  const clauses = await client.sendRequest<ListedClause[]>('policywright/listClauses');
  const items = clauses.map((clause): QuickPickItem & { clause: ListedClause } => ({
    label: clause.title,
    description: [clause.variant, clause.origin === 'workspace' ? 'firm library' : undefined, clause.prefix].filter(Boolean).join(' · '),
    detail: clause.description,
    clause,
  }));
  const picked = await window.showQuickPick(items, { placeHolder: 'Open a clause from the library', matchOnDescription: true, matchOnDetail: true });
  if (!picked) return;
  const { clause } = picked;
  const document =
    clause.origin === 'workspace'
      ? await workspace.openTextDocument(Uri.file(clause.file))
      : await workspace.openTextDocument({ language: 'markdown', content: clause.source });
  await window.showTextDocument(document, { preview: false });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
