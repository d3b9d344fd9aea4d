// What the test reads from and does in the VS Code workbench, with CSS selectors from VS Code's own
// smoke tests where there are some. Every wait polls what the page shows until a deadline.

/** Polls `probe` until it returns `{ ok: true, … }`; on timeout the error quotes the last `seen`. */
export async function waitUntil(what, probe, { timeoutMs = 15_000, intervalMs = 100 } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await probe();
      if (last?.ok) return last;
    } catch (error) {
      last = { ok: false, seen: error instanceof Error ? error.message : String(error) };
    }
    if (Date.now() > deadline) {
      throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last?.seen)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export class Workbench {
  constructor(page) {
    this.page = page;
  }

  async open(url, folder) {
    await this.page.goto(`${url}?folder=${encodeURIComponent(folder)}`);
    await this.page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  }

  /** The Workspace Trust dialog: `false` chooses Restricted Mode. */
  async answerTrust(trust) {
    const label = trust ? 'Yes, I trust the authors' : "No, I don't trust the authors";
    await this.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).click({ timeout: 30_000 });
  }

  async statusBarTexts() {
    return this.page.locator('.statusbar-item').allInnerTexts();
  }

  async openFromExplorer(name) {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).click({ timeout: 30_000 });
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: 15_000 });
  }

  async showProblems() {
    if (await this.page.locator('.markers-panel').isVisible()) return;
    await this.page.keyboard.press('Control+Shift+M');
    await this.page.locator('.markers-panel').waitFor({ timeout: 15_000 });
  }

  /** Each row of the Problems panel as one line: message, source, code and `[Ln N, Col M]`. */
  async problemRows() {
    const rows = await this.page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    return rows.map((r) => r.replace(/\s*\n\s*/g, ' ').trim());
  }

  problemRow(code) {
    return this.page.locator('.markers-panel .monaco-list-row', { hasText: code });
  }

  async expandOutline() {
    const outline = this.page.locator('.pane-body.outline-pane');
    if (!(await outline.isVisible())) await this.page.locator('.pane-header', { hasText: /^outline$/i }).click({ timeout: 15_000 });
    await outline.waitFor({ timeout: 15_000 });
  }

  async outlineRows() {
    return (await this.page.locator('.pane-body.outline-pane .monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s*\n\s*/g, ' ').trim());
  }

  /** Collapses the Explorer's folder tree so that the Outline below it has room. */
  async collapseFolders() {
    const header = this.page.locator('.pane:has(.explorer-folders-view) > .pane-header');
    if ((await header.getAttribute('aria-expanded', { timeout: 15_000 })) === 'true') await header.click();
  }

  /** Expands the Explorer's folder tree again, to open another file from it. */
  async expandFolders() {
    // A collapsed pane has no body, so the folder tree's header is found by its place: the Explorer's first pane.
    const header = this.page.locator('.explorer-viewlet .pane > .pane-header').first();
    if ((await header.getAttribute('aria-expanded', { timeout: 15_000 })) === 'false') await header.click();
    await this.page.locator('.explorer-folders-view').waitFor({ timeout: 15_000 });
  }

  /** Collapses the Explorer pane whose title matches `title`, to give the panes below it room. */
  async collapsePane(title) {
    const header = this.page.locator('.pane > .pane-header', { hasText: title });
    if ((await header.count()) > 0 && (await header.first().getAttribute('aria-expanded')) === 'true') await header.first().click();
  }

  /** Drags the sash between the side bar and the editor so that the side bar is `width` pixels wide. */
  async resizeSideBar(width) {
    const bar = this.page.locator('.part.sidebar');
    const box = await bar.boundingBox();
    if (!box) throw new Error('the side bar is not shown');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await waitUntil(`the side bar to be about ${width} px wide`, async () => {
      const now = (await bar.boundingBox())?.width ?? 0;
      return { ok: Math.abs(now - width) < 12, seen: now };
    });
  }

  /** The Policy Checklist pane (a tree view contributed by the extension). */
  checklistPane() {
    return this.page.locator('.pane', { has: this.page.locator('.pane-header', { hasText: /policy checklist/i }) });
  }

  /**
   * Each row of the Policy Checklist: what a screen reader hears (`title, article, status` for an item,
   * `law, N missing` for a law) and the codicon it shows.
   */
  async checklistRows() {
    return this.checklistPane()
      .locator('.pane-body .monaco-list-row')
      .evaluateAll((rows) =>
        rows.map((row) => ({
          label: row.getAttribute('aria-label') ?? '',
          icon: [...(row.querySelector('.custom-view-tree-node-item-icon')?.classList ?? [])].find((c) => c.startsWith('codicon-')) ?? '',
        })),
      );
  }

  async checklistMessage() {
    const message = this.checklistPane().locator('.pane-body .message');
    return (await message.count()) > 0 ? (await message.first().innerText()).trim() : '';
  }

  checklistRow(title) {
    return this.checklistPane().locator(`.pane-body .monaco-list-row[aria-label^="${title},"]`);
  }

  /** The open modal dialog's text, or '' when none is open. */
  async dialogText() {
    const dialog = this.page.locator('.monaco-dialog-box');
    return (await dialog.count()) > 0 && (await dialog.first().isVisible()) ? (await dialog.first().innerText()).trim() : '';
  }

  async clickDialogButton(label) {
    await this.page.locator('.monaco-dialog-box .monaco-button', { hasText: label }).click({ timeout: 15_000 });
  }

  /** Opens the finding in the editor with its text selected, and gives the editor the keyboard. */
  async goToProblem(code) {
    await this.problemRow(code).dblclick({ timeout: 15_000 });
    await this.page.locator('.monaco-editor.focused').waitFor({ timeout: 15_000 });
  }

  /** Editor: Show Hover (Ctrl+K Ctrl+I) at the cursor. */
  async showHoverAtCursor() {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    await hover.waitFor({ timeout: 15_000 });
    return hover;
  }

  /**
   * Applies a quick fix from a Problems row's menu (Ctrl+. on the row), chosen with the keyboard: the
   * menu ignores a mouse click that comes too soon after it opens.
   */
  async applyQuickFix(code, title) {
    await this.problemRow(code).click({ timeout: 15_000 });
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ timeout: 15_000 });
    // The menu marks its selected item with the keyboard focus, not with a class.
    await waitUntil(`the quick fix "${title}" to be selected`, async () => {
      const text = await this.page.evaluate(() => (document.activeElement?.closest('.monaco-menu .action-menu-item') ? document.activeElement.textContent : undefined));
      if (text === undefined || !text.includes(title)) await this.page.keyboard.press('ArrowDown');
      return { ok: text?.includes(title) === true, seen: text ?? (await menu.innerText()) };
    });
    await this.page.keyboard.press('Enter');
  }

  /** Puts the cursor on a fresh empty line at the end of the document. */
  async newLineAtEnd() {
    await this.page.locator('.monaco-editor .view-lines').first().click();
    await this.page.locator('.monaco-editor.focused').waitFor({ timeout: 15_000 });
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.press('Enter');
  }

  /** Replaces the current line with `text`, typed key by key as a person would. */
  async retypeLine(text) {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('End');
    await this.page.keyboard.press('Shift+Home');
    await this.page.keyboard.type(text);
  }

  async suggestions() {
    const widget = this.page.locator('.editor-widget.suggest-widget.visible');
    if (!(await widget.isVisible())) return [];
    return (await widget.locator('.monaco-list-row').allInnerTexts()).map((r) => r.replace(/\s*\n\s*/g, ' ').trim());
  }

  async focusedSuggestion() {
    const row = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused');
    return (await row.count()) > 0 ? (await row.first().innerText()).replace(/\s*\n\s*/g, ' ').trim() : undefined;
  }

  async suggestionDetails() {
    const details = this.page.locator('.suggest-details-container .suggest-details');
    return (await details.isVisible()) ? details.innerText() : '';
  }

  /** Runs a command from the Command Palette (F1), by its full title. */
  async runCommand(title) {
    await this.page.keyboard.press('F1');
    await this.page.locator('.quick-input-widget').waitFor({ timeout: 15_000 });
    await this.page.keyboard.type(title);
    await waitUntil(`"${title}" in the Command Palette`, async () => {
      const focused = this.page.locator('.quick-input-list .monaco-list-row.focused');
      const text = (await focused.count()) > 0 ? await focused.first().innerText() : undefined;
      return { ok: text?.split('\n')[0] === title, seen: text };
    });
    await this.page.keyboard.press('Enter');
  }

  /** Waits for the quick input whose title contains `title` (e.g. "(3/5)"). */
  async waitForQuestion(title) {
    await waitUntil(`the question "${title}"`, async () => {
      const t = this.page.locator('.quick-input-widget:visible .quick-input-title');
      const text = (await t.count()) > 0 ? await t.innerText() : undefined;
      return { ok: text?.includes(title) === true, seen: text };
    });
  }

  /** Ticks an item of a multi-select quick pick. */
  async tick(label) {
    const box = this.page.locator(`.quick-input-list [role="checkbox"][aria-label="${label}"]`);
    await box.click({ timeout: 15_000 });
    await waitUntil(`"${label}" to be ticked`, async () => {
      const checked = await box.getAttribute('aria-checked');
      return { ok: checked === 'true', seen: checked };
    });
  }

  async activeTab() {
    const tab = this.page.locator('.tabs-container .tab.active');
    return (await tab.count()) > 0 ? (await tab.first().innerText()).trim() : undefined;
  }

  /** The editor's rendered lines (only those on screen), with Monaco's non-breaking spaces made plain. */
  async visibleEditorText() {
    const text = await this.page.locator('.editor-group-container.active .monaco-editor .view-lines').first().innerText();
    return text.replace(/\u00a0/g, ' ');
  }

  async save() {
    await this.page.keyboard.press('Control+S');
  }
}
