import {
  CodeActionKind,
  LSPErrorCodes,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SETTINGS_SECTION, CHECKLIST_REQUEST, type ChecklistParams } from './protocol';
import { provideChecklist } from './features/checklist';
import { toDiagnostics } from './features/diagnostics';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/folding';
import { provideHover } from './features/hover';
import { ruleDocs, PUBLIC_RULE_DOCS, type RuleDocs } from './features/ruleDocs';
import { provideCodeActions } from './features/codeActions';
import { fileURLToPath } from 'node:url';
import { CLAUSE_TRIGGER_CHARACTERS, provideCompletionItems, resolveCompletionItem } from './features/completion';
import { isClauseTemplate, provideLibraryDiagnostics, provideTemplateDiagnostics } from './features/templateDiagnostics';
import { listClauses, LIST_CLAUSES_METHOD } from './catalog/clauseLibrary';
import { provideDefinition } from './features/definition';
import { provideReferences } from './features/references';
import { prepareRename, provideRename } from './features/rename';
import { provideDocumentLinks } from './features/documentLinks';
import { provideDocumentHighlights } from './features/documentHighlights';
import { mergeHovers, provideDraftingHover } from './features/draftingHover';
import type { TypingOptions } from './typing';
import { IdleCompaction } from './memory';
import { SettingsStore } from './session/settingsStore';
import { LibraryStore } from './session/libraryStore';
import { DiagnosticScheduler } from './session/diagnosticScheduler';
import { DocumentSessions } from './session/documentSessions';
import { newPolicy, NEW_POLICY_METHOD, type NewPolicyParams } from './features/newPolicy';

/**
 * Wires the LSP connection to the features, and does nothing else: what a request needs (the
 * document's analysis, its settings, the clause library, when diagnostics are shown) lives in
 * session/. Production (`main.ts`) and the in-process test harness call this same function.
 */
export interface ServerOptions {
  readonly typing?: TypingOptions;
  /** The folder of the bundled rule pages (`docs/rules` next to `dist/`): links then open offline, inside the editor. */
  readonly ruleDocsDir?: string;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const client = { pull: false, configuration: false, refresh: false, initialSettings: undefined as unknown, snippets: false, markdown: false };
  let docs: RuleDocs = PUBLIC_RULE_DOCS;
  const compaction = new IdleCompaction();
  const settings = new SettingsStore(
    (uri) => (client.configuration ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).catch(() => undefined) : Promise.resolve(client.initialSettings)),
    (problem) => {
      connection.console.warn(`Policywright settings: ${problem}`);
      void connection.window.showWarningMessage(`Policywright settings: ${problem}`);
    },
  );
  const library = new LibraryStore(connection.console);
  const sessions = new DocumentSessions(documents, settings, library, connection.console, compaction);
  connection.onShutdown(() => {
    compaction.dispose();
    sessions.dispose();
  });
  const diagnostics = new DiagnosticScheduler(
    () => ({
      pull: client.pull,
      refreshSupport: client.refresh,
      refresh: () => void connection.languages.diagnostics.refresh(),
      push: (uri) => {
        const document = documents.get(uri);
        if (document) void push(document);
      },
      uris: () => documents.all().map((d) => d.uri),
    }),
    options.typing,
  );

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    client.pull = caps.textDocument?.diagnostic !== undefined;
    client.configuration = caps.workspace?.configuration === true;
    client.refresh = caps.workspace?.diagnostics?.refreshSupport === true;
    const init = params.initializationOptions as { settings?: unknown; ruleDocsCommand?: boolean } | undefined;
    client.initialSettings = init?.settings;
    // A client that registers the command (ours) opens a rule's page in its Markdown preview; others open the file.
    docs = ruleDocs({ dir: options.ruleDocsDir, command: init?.ruleDocsCommand === true });
    const completionItem = caps.textDocument?.completion?.completionItem;
    client.snippets = completionItem?.snippetSupport === true;
    client.markdown = completionItem?.documentationFormat?.includes('markdown') === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    void library.reload(folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u)));
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        documentLinkProvider: { resolveProvider: false },
        documentHighlightProvider: true,
        completionProvider: { triggerCharacters: [...CLAUSE_TRIGGER_CHARACTERS], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        ...(client.pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'policywright' },
    };
  });

  const withAnalysis = sessions.withAnalysis.bind(sessions);
  const templateDiagnostics = async (uri: string) => {
    const document = documents.get(uri);
    return document ? provideTemplateDiagnostics(uri, document.getText(), await library.current) : [];
  };

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    if (isClauseTemplate(uri)) return { kind: 'full', items: await templateDiagnostics(uri) };
    try {
      const document = documents.get(uri);
      const lib = await library.current;
      // The library generation is part of the id: a template fixed or broken changes what a policy is told.
      const resultId = document ? diagnostics.resultId(uri, document.version, `${settings.generation}.${library.generation}`) : undefined;
      if (resultId !== undefined && params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      let held = 0;
      const items = await withAnalysis(uri, token, [], (a) => {
        const quiet = diagnostics.shown(a);
        held = quiet.held;
        return [...toDiagnostics(a.doc, quiet.shown, docs), ...provideLibraryDiagnostics(a.doc, lib)];
      });
      return { kind: 'full', resultId: held > 0 && resultId !== undefined ? diagnostics.heldResultId(resultId) : resultId, items };
    } catch (error) {
      if (error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; diagnostics will be recomputed', { retriggerRequest: true });
      }
      throw error;
    }
  });

  // Clients without pull diagnostics (Neovim 0.7, older editors) get them pushed, tagged with the version.
  const push = async (document: TextDocument) => {
    try {
      const lib = await library.current;
      const items = isClauseTemplate(document.uri)
        ? await templateDiagnostics(document.uri)
        : await withAnalysis(document.uri, undefined, [], (a) => [...toDiagnostics(a.doc, diagnostics.shown(a).shown, docs), ...provideLibraryDiagnostics(a.doc, lib)]);
      if (documents.get(document.uri)?.version !== document.version) return;
      await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: items });
    } catch (error) {
      if (!(error instanceof ResponseError)) throw error;
    }
  };
  documents.onDidChangeContent((change) => diagnostics.noteText(change.document.uri, change.document.getText()));
  documents.onDidClose((event) => {
    diagnostics.forget(event.document.uri);
    sessions.close(event.document.uri);
    settings.forget(event.document.uri);
    if (!client.pull) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });
  connection.onDidChangeConfiguration(() => {
    settings.changed();
    diagnostics.everythingChanged();
  });
  // A template saved, added or deleted changes the library, and so the completions and its diagnostics.
  connection.onDidChangeWatchedFiles((params) => {
    if (params.changes.some((c) => isClauseTemplate(c.uri))) void library.reload().then(() => diagnostics.everythingChanged());
  });

  connection.onCompletion(async (params, token) => {
    const lib = await library.current;
    const context = { triggerKind: params.context?.triggerKind, triggerCharacter: params.context?.triggerCharacter, snippetSupport: client.snippets };
    return withAnalysis(params.textDocument.uri, token, null, (a) => provideCompletionItems(a.doc, params.position, lib, { ...context, compliance: a.options.compliance }));
  });
  connection.onCompletionResolve(async (item) => resolveCompletionItem(item, await library.current, { markdown: client.markdown }));
  connection.onRequest(LIST_CLAUSES_METHOD, async () => listClauses(await library.current));
  connection.onRequest(NEW_POLICY_METHOD, async (params: NewPolicyParams | undefined) => newPolicy(params, await library.current));
  connection.onRequest(CHECKLIST_REQUEST, async (params: ChecklistParams | undefined, token: CancellationToken) => {
    if (!params || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'policywright/checklist needs { uri }');
    return withAnalysis(params.uri, token, null, (a) => provideChecklist(a.doc, a.settings.rules, a.today, a.options));
  });
  connection.onDocumentSymbol((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideDocumentSymbols(a.doc)));
  connection.onFoldingRanges((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideFoldingRanges(a.doc)));
  connection.onHover(async (params, token) => {
    const lib = await library.current;
    return withAnalysis(params.textDocument.uri, token, null, (a) => mergeHovers(provideHover(a.doc, a.findings, params.position, lib, docs), provideDraftingHover(a.doc, params.position, a.options.drafting)));
  });
  connection.onCodeAction((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideCodeActions(params.textDocument.uri, params.context.diagnostics, a)));
  connection.onDefinition((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideDefinition(a.doc, params.position)));
  connection.onReferences((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideReferences(a.doc, params.position, params.context.includeDeclaration)));
  connection.onPrepareRename((params, token) => withAnalysis(params.textDocument.uri, token, null, (a) => prepareRename(a.doc, params.position)));
  connection.onRenameRequest((params, token) => withAnalysis(params.textDocument.uri, token, null, (a) => provideRename(a.doc, params.position, params.newName)));
  connection.onDocumentLinks((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideDocumentLinks(a.doc)));
  connection.onDocumentHighlight((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideDocumentHighlights(a.doc, params.position)));

  documents.listen(connection);
  connection.listen();
}
