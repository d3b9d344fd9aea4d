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

  /** Quick fixes of a Problems row (Ctrl+. on the row), as menu items. */
  async quickFixMenu(code) {
    await this.problemRow(code).click({ timeout: 15_000 });
    await this.page.keyboard.press('Control+.');
    const menu = this.page.locator('.context-view .monaco-menu');
    await menu.waitFor({ timeout: 15_000 });
    return menu.locator('.action-menu-item');
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

  async save() {
    await this.page.keyboard.press('Control+S');
  }
}
