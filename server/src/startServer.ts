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
import { AnalysisCache, type Analysis } from './analysis';
import { normalizeSettings, type Settings } from './settings';
import { isPolicy } from './policyFiles';
import { SETTINGS_SECTION, CHECKLIST_REQUEST, type ChecklistParams } from './protocol';
import { provideChecklist } from './features/checklist';
import { toDiagnostics } from './features/diagnostics';
import { provideDocumentSymbols } from './features/documentSymbols';
import { provideFoldingRanges } from './features/folding';
import { provideHover } from './features/hover';
import { provideCodeActions } from './features/codeActions';
import { fileURLToPath } from 'node:url';
import { CLAUSE_TRIGGER_CHARACTERS, provideCompletionItems, resolveCompletionItem } from './features/completion';
import { isClauseTemplate, provideLibraryDiagnostics, provideTemplateDiagnostics } from './features/templateDiagnostics';
import { builtInLibrary, listClauses, loadClauseLibrary, LIST_CLAUSES_METHOD, type ClauseLibrary } from './catalog/clauseLibrary';
import { provideDefinition } from './features/definition';
import { provideReferences } from './features/references';
import { prepareRename, provideRename } from './features/rename';
import { provideDocumentLinks } from './features/documentLinks';
import { provideDocumentHighlights } from './features/documentHighlights';
import { mergeHovers, provideDraftingHover } from './features/draftingHover';
import { useDraftingOptions } from './drafting/options';
import { useComplianceOptions, withLibrary } from './compliance/options';
import { TypingTracker, type TypingOptions } from './typing';
import { IdleCompaction } from './memory';
import { newPolicy, NEW_POLICY_METHOD, type NewPolicyParams } from './features/newPolicy';

/**
 * Wires the LSP connection to the features. Production (`main.ts`) and the in-process test
 * harness call this same function. Every handler goes through `withAnalysis`, which resolves the
 * document, its settings and its cached analysis, and answers "nothing" for files that are not policies.
 */
export function startServer(connection: Connection, options: { readonly typing?: TypingOptions } = {}): void {
  const documents = new TextDocuments(TextDocument);
  const reported = new Set<string>();
  const compaction = new IdleCompaction();
  connection.onShutdown(() => compaction.dispose());
  const cache = new AnalysisCache((ruleId, uri, error) => {
    const key = `${ruleId} ${uri}`;
    if (reported.has(key)) return;
    reported.add(key);
    connection.console.error(`Rule ${ruleId} failed on ${uri} and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  });
  let pullDiagnostics = false;
  let configurationSupport = false;
  let refreshSupport = false;
  let initialSettings: unknown;
  const settingsByUri = new Map<string, Promise<Settings>>();
  const warned = new Set<string>();
  let snippetSupport = false;
  let markdownDocs = false;
  let roots: string[] = [];
  // Built-ins at once; the workspace's own templates join when read. Never rejects.
  let library: Promise<ClauseLibrary> = Promise.resolve(builtInLibrary());
  // The last library read, for the rules' quick fixes, which run synchronously.
  let loadedLibrary: ClauseLibrary = builtInLibrary();
  // Part of each diagnostics result id: a template fixed or broken changes what a policy is told.
  let libraryGeneration = 0;
  const reloadLibrary = (): Promise<ClauseLibrary> => {
    library = loadClauseLibrary(roots).then(
      (loaded) => {
        loadedLibrary = loaded;
        libraryGeneration++;
        for (const p of loaded.problems) connection.console.warn(`Clause template ${p.file}:${p.range.start.line + 1}: ${p.message}`);
        return loaded;
      },
      (error: unknown) => {
        connection.console.error(`The clause library could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return builtInLibrary();
      },
    );
    return library;
  };
  let settingsGeneration = 0;
  // Findings in the sentence being typed wait for a pause (typing.ts); then the client is asked for them again.
  const typing = new TypingTracker((uri) => {
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      const document = documents.get(uri);
      if (document) void push(document);
    }
  }, options.typing);
  // A client that cannot be asked to pull again would never see held findings: it gets them all at once.
  const quietly = (a: Analysis) => (pullDiagnostics && !refreshSupport ? { shown: [...a.findings], held: 0 } : typing.hold(a.doc, a.findings));

  connection.onInitialize((params) => {
    const caps = params.capabilities;
    pullDiagnostics = caps.textDocument?.diagnostic !== undefined;
    configurationSupport = caps.workspace?.configuration === true;
    refreshSupport = caps.workspace?.diagnostics?.refreshSupport === true;
    initialSettings = (params.initializationOptions as { settings?: unknown } | undefined)?.settings;
    const completionItem = caps.textDocument?.completion?.completionItem;
    snippetSupport = completionItem?.snippetSupport === true;
    markdownDocs = completionItem?.documentationFormat?.includes('markdown') === true;
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    roots = folders.filter((u) => u.startsWith('file:')).map((u) => fileURLToPath(u));
    void reloadLibrary();
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
        ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'policywright' },
    };
  });

  const settingsFor = (uri: string): Promise<Settings> => {
    let pending = settingsByUri.get(uri);
    if (!pending) {
      const raw: Promise<unknown> = configurationSupport
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).catch(() => undefined)
        : Promise.resolve(initialSettings);
      pending = raw.then((value) => {
        const { settings, problems } = normalizeSettings(value ?? undefined);
        for (const p of problems) {
          if (warned.has(p)) continue;
          warned.add(p);
          connection.console.warn(`Policywright settings: ${p}`);
          void connection.window.showWarningMessage(`Policywright settings: ${p}`);
        }
        return settings;
      });
      settingsByUri.set(uri, pending);
    }
    return pending;
  };

  /** The analysis of the document's current version, or undefined when it is not a policy. */
  const analysisOf = (document: TextDocument, settings: Settings): Analysis | undefined => {
    const doc = cache.document(document.uri, document.version, document.getText(), settings.maxFileSize);
    if (!isPolicy(document.uri, doc, settings.files)) return undefined;
    useDraftingOptions(doc, settings.drafting);
    useComplianceOptions(doc, withLibrary(settings.compliance, loadedLibrary));
    const analysis = cache.analyse(document.uri, document.version, document.getText(), settings);
    // The garbage of analysing a long text is given back once the editor is quiet again.
    compaction.note(document.getText().length);
    return analysis;
  };

  async function withAnalysis<T>(uri: string, token: CancellationToken | undefined, empty: T, run: (a: Analysis) => T): Promise<T> {
    const document = documents.get(uri);
    if (!document) return empty;
    const version = document.version;
    const settings = await settingsFor(uri);
    if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
    const current = documents.get(uri);
    // The text moved on while settings were fetched: answering now would describe an old version.
    if (!current || current.version !== version) throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was running');
    try {
      const analysis = analysisOf(current, settings);
      return analysis ? run(analysis) : empty;
    } catch (error) {
      connection.console.error(`Policywright failed on ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  }

  const templateDiagnostics = async (uri: string) => {
    const document = documents.get(uri);
    return document ? provideTemplateDiagnostics(uri, document.getText(), await library) : [];
  };

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    if (isClauseTemplate(params.textDocument.uri)) return { kind: 'full', items: await templateDiagnostics(params.textDocument.uri) };
    try {
      // The result id names the version, the settings generation and the day (dates age): the same id means the same answer.
      const document = documents.get(params.textDocument.uri);
      const lib = await library;
      const resultId = document ? `${document.version}:${settingsGeneration}:${libraryGeneration}:${new Date().toISOString().slice(0, 10)}` : undefined;
      if (resultId !== undefined && params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      let held = 0;
      const items = await withAnalysis(params.textDocument.uri, token, [], (a) => {
        const quiet = quietly(a);
        held = quiet.held;
        return [...toDiagnostics(a.doc, quiet.shown), ...provideLibraryDiagnostics(a.doc, lib)];
      });
      // An answer with findings held back has its own id, so the pull after the pause gets them all.
      return { kind: 'full', resultId: held > 0 ? `${resultId}:typing` : resultId, items };
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
      const lib = await library;
      const diagnostics = isClauseTemplate(document.uri)
        ? await templateDiagnostics(document.uri)
        : await withAnalysis(document.uri, undefined, [], (a) => [...toDiagnostics(a.doc, quietly(a).shown), ...provideLibraryDiagnostics(a.doc, lib)]);
      if (documents.get(document.uri)?.version !== document.version) return;
      await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
    } catch (error) {
      if (!(error instanceof ResponseError)) throw error;
    }
  };
  documents.onDidChangeContent((change) => typing.noteText(change.document.uri, change.document.getText()));
  documents.onDidChangeContent((change) => {
    if (!pullDiagnostics) void push(change.document);
  });
  documents.onDidClose((event) => {
    typing.forget(event.document.uri);
    cache.delete(event.document.uri);
    settingsByUri.delete(event.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    warned.clear();
    settingsGeneration++;
    if (pullDiagnostics) {
      if (refreshSupport) void connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) void push(document);
    }
  });

  // A template saved, added or deleted changes the library, and so the completions and its diagnostics.
  connection.onDidChangeWatchedFiles((params) => {
    if (!params.changes.some((c) => isClauseTemplate(c.uri))) return;
    void reloadLibrary().then(() => {
      if (pullDiagnostics) {
        if (refreshSupport) void connection.languages.diagnostics.refresh();
      } else {
        for (const document of documents.all()) void push(document);
      }
    });
  });

  connection.onCompletion(async (params, token) => {
    const lib = await library;
    return withAnalysis(params.textDocument.uri, token, null, (a) =>
      provideCompletionItems(a.doc, params.position, lib, { triggerKind: params.context?.triggerKind, triggerCharacter: params.context?.triggerCharacter, snippetSupport }),
    );
  });
  connection.onCompletionResolve(async (item) => resolveCompletionItem(item, await library, { markdown: markdownDocs }));
  connection.onRequest(LIST_CLAUSES_METHOD, async () => listClauses(await library));
  connection.onRequest(NEW_POLICY_METHOD, async (params: NewPolicyParams | undefined) => newPolicy(params, await library));

  connection.onRequest(CHECKLIST_REQUEST, async (params: ChecklistParams | undefined, token: CancellationToken) => {
    if (!params || typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'policywright/checklist needs { uri }');
    const settings = await settingsFor(params.uri);
    return withAnalysis(params.uri, token, null, (a) => provideChecklist(a.doc, settings.rules));
  });
  connection.onDocumentSymbol((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideDocumentSymbols(a.doc)));
  connection.onFoldingRanges((params, token) => withAnalysis(params.textDocument.uri, token, [], (a) => provideFoldingRanges(a.doc)));
  connection.onHover(async (params, token) => {
    const lib = await library;
    return withAnalysis(params.textDocument.uri, token, null, (a) => mergeHovers(provideHover(a.doc, a.findings, params.position, lib), provideDraftingHover(a.doc, params.position)));
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
