import {
  CancellationTokenSource,
  commands,
  EventEmitter,
  languages,
  MarkdownString,
  Position,
  Range,
  Selection,
  StatusBarAlignment,
  TextEditorRevealType,
  ThemeColor,
  ThemeIcon,
  TreeItem,
  TreeItemCollapsibleState,
  window,
  workspace,
  WorkspaceEdit,
  type CancellationToken,
  type Disposable,
  type TextDocument,
  type TreeDataProvider,
  type TreeView,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CHECKLIST_REQUEST, type ChecklistItem, type ChecklistLaw, type ChecklistParams, type ChecklistResult } from '../../server/src/protocol';
import { findItem, insertQuestion, itemLabel, itemTooltip, lawDescription, statusLabel, statusText, statusTooltip } from './checklistText';

export const VIEW_ID = 'policywright.checklist';
const COMMANDS = {
  show: 'policywright.showChecklist',
  refresh: 'policywright.checklist.refresh',
  insert: 'policywright.checklist.insert',
  reveal: 'policywright.checklist.reveal',
} as const;
/** True once the extension runs: the view stays out of the Explorer of workspaces that never open Markdown. */
const ENABLED_KEY = 'policywright.checklist.enabled';
/** `none` (no policy in the editor), `ready` or `error`: chooses the view's welcome text. */
const STATE_KEY = 'policywright.checklist.state';
const DEBOUNCE_MS = 300;
/** Typing changes the passages' places before it changes the findings: refreshed, but less eagerly. */
const TYPING_DEBOUNCE_MS = 750;
/** The schemes the language client serves (see the document selector in extension.ts). */
const SCHEMES = ['file', 'untitled', 'vscode-vfs'];
const INSERT_BUTTON = 'Insert clause';

type LawNode = { readonly kind: 'law'; readonly law: ChecklistLaw };
type ItemNode = { readonly kind: 'item'; readonly law: ChecklistLaw; readonly item: ChecklistItem };
type Node = LawNode | ItemNode;
type Shown = { readonly document: TextDocument; readonly result: ChecklistResult };

/**
 * The Policy Checklist view and its status-bar count, for the policy in the active editor. Everything
 * shown comes from one `policywright/checklist` request; the client only lays it out and applies the
 * server's edits.
 */
export class ChecklistView implements TreeDataProvider<Node>, Disposable {
  private readonly changed = new EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: TreeView<Node>;
  private readonly status = window.createStatusBarItem(VIEW_ID, StatusBarAlignment.Left, 50);
  private readonly disposables: Disposable[] = [];
  private shown: Shown | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: CancellationTokenSource | undefined;
  private sequence = 0;
  private lastLogged = '';

  constructor(
    private readonly client: LanguageClient,
    /** Settles when the client has started; no request is sent before. */
    private readonly ready: Promise<void>,
    private readonly openExample: () => Promise<void>,
  ) {
    this.view = window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.status.name = 'Policywright Checklist';
    this.status.command = COMMANDS.show;
    this.disposables.push(
      this.view,
      this.status,
      this.changed,
      commands.registerCommand('policywright.showChecklist', (what?: unknown) => this.showView(what)),
      commands.registerCommand('policywright.checklist.refresh', () => this.schedule(0)),
      commands.registerCommand('policywright.checklist.insert', (node?: Node) => (node?.kind === 'item' ? this.insert(node) : undefined)),
      commands.registerCommand('policywright.checklist.reveal', (node?: Node) => (node?.kind === 'item' ? this.reveal(node) : undefined)),
      window.onDidChangeActiveTextEditor(() => this.schedule()),
      languages.onDidChangeDiagnostics((e) => {
        const uri = window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule();
      }),
      workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && e.document === window.activeTextEditor?.document) this.schedule(TYPING_DEBOUNCE_MS);
      }),
      workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('policywright') ? this.schedule() : undefined)),
    );
    // No state yet: neither the welcome text nor an empty checklist flashes up before the first answer.
    void commands.executeCommand('setContext', ENABLED_KEY, true);
    this.schedule();
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.pending?.cancel();
    for (const d of this.disposables) d.dispose();
  }

  getChildren(node?: Node): Node[] {
    if (!node) return (this.shown?.result.laws ?? []).map((law) => ({ kind: 'law', law }));
    return node.kind === 'law' ? node.law.items.map((item) => ({ kind: 'item', law: node.law, item })) : [];
  }

  getTreeItem(node: Node): TreeItem {
    if (node.kind === 'law') {
      const item = new TreeItem(node.law.name, TreeItemCollapsibleState.Expanded);
      item.id = `law/${node.law.id}`;
      item.description = lawDescription(node.law);
      item.iconPath = new ThemeIcon('law');
      item.tooltip = `${node.law.name}: ${lawDescription(node.law)}`;
      item.contextValue = 'law';
      item.accessibilityInformation = { label: `${node.law.name}, ${lawDescription(node.law)}` };
      return item;
    }
    const { item: req } = node;
    const present = req.status === 'present';
    const item = new TreeItem(req.title, TreeItemCollapsibleState.None);
    // The same requirement can come from two laws (the EU and the UK GDPR): the law keeps the ids apart.
    item.id = `item/${node.law.id}/${req.id}`;
    item.description = req.article;
    item.iconPath = present ? new ThemeIcon('pass', new ThemeColor('testing.iconPassed')) : new ThemeIcon('warning', new ThemeColor('list.warningForeground'));
    item.tooltip = new MarkdownString(itemTooltip(req));
    item.contextValue = present ? 'present' : req.fix ? 'missing-fixable' : 'missing';
    item.accessibilityInformation = { label: itemLabel(req) };
    item.command = present || !req.fix
      ? { command: COMMANDS.reveal, title: 'Show in the policy', arguments: [node] }
      : { command: COMMANDS.insert, title: 'Insert the missing clause', arguments: [node] };
    return item;
  }

  private schedule(delay = DEBOUNCE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const document = this.target();
    if (document === 'keep') return;
    const sequence = ++this.sequence;
    this.pending?.cancel();
    if (!document) return this.show(undefined);
    const source = (this.pending = new CancellationTokenSource());
    try {
      const result = await this.request(document, source.token);
      // A later refresh has started: its answer is the one to show.
      if (sequence === this.sequence) this.show(result ? { document, result } : undefined);
    } catch (error) {
      if (sequence !== this.sequence) return;
      this.log(`could not make the checklist of ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      this.show(undefined, 'error');
    } finally {
      source.dispose();
    }
  }

  /** The document to show, `undefined` for none, or `keep` when the change is not about a document. */
  private target(): TextDocument | undefined | 'keep' {
    const editor = window.activeTextEditor;
    if (editor) {
      // The Output panel and diff or settings editors are not documents a lawyer drafts: keep what is shown.
      if (!SCHEMES.includes(editor.document.uri.scheme)) return 'keep';
      return editor.document.languageId === 'markdown' ? editor.document : undefined;
    }
    // No editor has the focus (the walkthrough, the settings page): keep the policy while it is still on screen.
    const shown = this.shown?.document;
    return shown && !shown.isClosed && window.visibleTextEditors.some((e) => e.document === shown) ? 'keep' : undefined;
  }

  private async request(document: TextDocument, token?: CancellationToken): Promise<ChecklistResult | null> {
    await this.ready;
    const params: ChecklistParams = { uri: this.client.code2ProtocolConverter.asUri(document.uri) };
    return this.client.sendRequest<ChecklistResult | null>(CHECKLIST_REQUEST, params, token);
  }

  private show(shown: Shown | undefined, state: 'ready' | 'none' | 'error' = shown ? 'ready' : 'none'): void {
    this.shown = shown;
    this.changed.fire(undefined);
    const result = shown?.result;
    this.view.message = result ? result.summary : state === 'error' ? 'Policywright could not make the checklist: the Policywright output says why.' : undefined;
    this.view.description = shown ? shown.document.uri.path.split('/').pop() : undefined;
    void commands.executeCommand('setContext', STATE_KEY, state);
    if (!result) return this.status.hide();
    this.status.text = statusText(result);
    this.status.tooltip = new MarkdownString(statusTooltip(result));
    this.status.accessibilityInformation = { label: statusLabel(result) };
    this.status.show();
  }

  /** The shown checklist, asked again first when the policy has changed since, so that its ranges fit the text. */
  private async fresh(): Promise<Shown | undefined> {
    const shown = this.shown;
    if (!shown || shown.document.isClosed) return undefined;
    if (shown.result.version === shown.document.version) return shown;
    const result = await this.request(shown.document);
    if (!result) return undefined;
    const next = { document: shown.document, result };
    if (this.shown?.document === shown.document) this.show(next);
    return next;
  }

  private async reveal(node: ItemNode): Promise<void> {
    try {
      const shown = await this.fresh();
      if (!shown) return;
      const item = findItem(shown.result, node.law.id, node.item.id) ?? node.item;
      const range = toRange(item.range);
      const editor = await window.showTextDocument(shown.document, { viewColumn: columnOf(shown.document), selection: new Selection(range.start, range.end), preserveFocus: true, preview: false });
      editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      this.log(`could not show ${node.item.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async insert(node: ItemNode): Promise<void> {
    const { law, item } = node;
    if (item.status !== 'missing' || !item.fix) return this.reveal(node);
    await this.reveal(node);
    const question = insertQuestion(item);
    const answer = await window.showInformationMessage(question.message, { modal: true, detail: question.detail }, INSERT_BUTTON);
    if (answer !== INSERT_BUTTON) return;
    try {
      // Asked again after the answer: the lawyer may have typed while the question was open.
      const shown = await this.fresh();
      const now = findItem(shown?.result, law.id, item.id);
      if (!shown || !now) return;
      if (now.status === 'present') {
        void window.showInformationMessage(`The policy now says it: ${now.title}.`);
        return;
      }
      if (!now.fix || now.fix.edits.length === 0 || shown.result.version !== shown.document.version) {
        void window.showWarningMessage('The policy changed while the clause was prepared: click the item again');
        return;
      }
      const edit = new WorkspaceEdit();
      for (const e of now.fix.edits) edit.replace(shown.document.uri, toRange(e.range), e.newText);
      if (!(await workspace.applyEdit(edit))) {
        void window.showErrorMessage('Policywright could not insert the clause: the policy changed. Click the item again');
        return;
      }
      // The cursor at the start of the new clause, all of it in view, so that the lawyer reads it and adapts it.
      const first = [...now.fix.edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)[0];
      const inserted = insertedRange(toRange(first.range).start, first.newText);
      const editor = await window.showTextDocument(shown.document, { viewColumn: columnOf(shown.document), selection: new Selection(inserted.start, inserted.start), preview: false });
      editor.revealRange(inserted, TextEditorRevealType.InCenterIfOutsideViewport);
      this.schedule();
    } catch (error) {
      this.log(`could not insert the clause for ${item.id}: ${error instanceof Error ? error.message : String(error)}`);
      void window.showErrorMessage('Policywright could not insert the clause: the Policywright output says why');
    }
  }

  private async showView(what: unknown): Promise<void> {
    // The walkthrough's link passes "example": the checklist needs a policy to show.
    if (what === 'example') await this.openExample();
    await commands.executeCommand(`${VIEW_ID}.focus`);
  }

  private log(message: string): void {
    // A server without the request answers every refresh with the same error: once in the output is enough.
    if (message === this.lastLogged) return;
    this.lastLogged = message;
    this.client.outputChannel.appendLine(`[checklist] ${message}`);
  }
}

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): Range {
  return new Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function columnOf(document: TextDocument) {
  return window.visibleTextEditors.find((e) => e.document === document)?.viewColumn;
}

/** Where `text`, inserted at `start`, ends up. */
function insertedRange(start: Position, text: string): Range {
  const lines = text.split(/\r\n|\r|\n/);
  const last = lines[lines.length - 1];
  return new Range(start, lines.length === 1 ? start.translate(0, last.length) : new Position(start.line + lines.length - 1, last.length));
}
