'use strict';
/*
 * Driving the VS Code workbench (served by code-server) the way a person does: keyboard, quick
 * open, the command palette, the mouse. Every wait is on something visible in the DOM, with a
 * timeout; no fixed sleeps.
 */
const fs = require('node:fs');
const path = require('node:path');

const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';
const UI_TIMEOUT = Number(process.env.E2E_UI_TIMEOUT || 30_000);

class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page, { outDir, workspace }) {
    this.page = page;
    this.outDir = outDir;
    this.workspace = workspace;
  }

  async waitReady() {
    const { page } = this;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer shows the folder once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    // Extensions are up once the "Activating Extensions..." status entry is gone.
    await page.waitForFunction(() => !document.querySelector('.statusbar-item[id*="status.extensionHostProgress"], .statusbar-item[aria-label*="Activating Extensions"]'), undefined, { timeout: 60_000 });
  }

  async screenshot(name) {
    fs.mkdirSync(this.outDir, { recursive: true });
    const file = path.join(this.outDir, `${name}.png`);
    await this.page.screenshot({ path: file, animations: 'disabled' });
    return file;
  }

  async pressEscape(times = 1) {
    for (let i = 0; i < times; i++) await this.page.keyboard.press('Escape');
  }

  /** The quick input (command palette / quick open) list row whose label matches. */
  async pickQuickInput(text, { rowMatch, description } = {}) {
    const { page } = this;
    const widget = page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const input = widget.locator('input.input');
    await input.fill(text);
    let rows = widget.locator('.monaco-list-row');
    // an exact description (a workspace file's folder) rules out recently opened files elsewhere
    // (the extension-host suite's scratch files live in other folders of the same names)
    if (description !== undefined) rows = rows.filter({ has: page.locator('.label-description', { hasText: new RegExp(`^${description.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    const row = rowMatch ? rows.filter({ hasText: rowMatch }).first() : rows.first();
    await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // file results keep arriving (and re-sorting the rows) for a moment after the first one shows:
    // let the list settle so the click lands on the row it was aimed at
    if (description !== undefined) {
      await page.waitForTimeout(400);
      await row.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    }
    await this.chooseRow(widget, row);
    await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
  }

  /**
   * Accepts a quick input row with the keyboard: arrows until the list's focus is on it, then Enter.
   * (A click can be intercepted: with the mouse resting over the list, another row's path tooltip
   * opens on top of the target row. A CI run failed that way.) Falls back to a click if the focus
   * never reaches the row.
   */
  async chooseRow(widget, row) {
    const { page } = this;
    await page.mouse.move(0, 0);
    for (let step = 0; step < 40; step++) {
      const target = Number(await row.getAttribute('data-index', { timeout: UI_TIMEOUT }));
      const focused = widget.locator('.monaco-list-row.focused').first();
      const at = (await focused.count()) ? Number(await focused.getAttribute('data-index')) : -1;
      if (at === target) {
        // the rows may have re-sorted between the two reads: accept only if the row still has the focus
        if (await row.evaluate((el) => el.classList.contains('focused'))) {
          await page.keyboard.press('Enter');
          return;
        }
        continue;
      }
      await page.keyboard.press(at < target ? 'ArrowDown' : 'ArrowUp');
    }
    await row.click({ force: true });
  }

  /** Runs a command from the Command Palette by its label ("APIM: Show Language Server Output"). */
  async runCommand(label) {
    await this.page.keyboard.press('F1');
    await this.pickQuickInput(`>${label}`, { rowMatch: label });
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor to be active. */
  async openFile(relPath) {
    const { page } = this;
    await page.keyboard.press(`${MOD}+P`);
    // Quick open matches on label + path; the row description shows the folder.
    const base = path.basename(relPath);
    const dir = path.dirname(relPath);
    const folder = dir.split(path.sep).pop();
    // Quick Open re-sorts its rows while the file search completes: a click can land on the row that
    // took the matched one's place. The editor's breadcrumbs say which file opened; try again if not.
    for (let attempt = 1; ; attempt++) {
      await this.pickQuickInput(relPath, dir === '.' ? { rowMatch: base } : { rowMatch: folder, description: dir.split(path.sep).join('/') });
      await page.locator('.tabs-container .tab.active', { hasText: base }).waitFor({ timeout: UI_TIMEOUT });
      if (dir === '.') break;
      const crumbs = await page.locator('.editor-group-container.active .monaco-breadcrumbs').first().innerText().catch(() => '');
      if (crumbs.split(/\s+/).includes(folder) || attempt === 3) break;
      await page.keyboard.press(`${MOD}+P`);
    }
    await this.activeEditor().waitFor({ timeout: UI_TIMEOUT });
    // the click only gives the editor focus: a loaded machine keeps the editor's layout moving for a
    // while after open, and Playwright's wait for a stable element then outlasts the timeout
    // (no click at the top of the lines area: a CodeLens above line 1 sits there, and a click on
    // "Effective policy" would open another editor; the editor's input element takes the focus)
    const focused = await this.activeEditor().evaluate((editor) => {
      const input = editor.querySelector('.native-edit-context, textarea.inputarea, textarea');
      if (!input) return false;
      input.focus();
      return true;
    });
    if (!focused) await this.activeEditor().locator('.view-lines').click({ position: { x: 5, y: 40 }, force: true });
  }

  /** Cursor to the end of a 1-based line. */
  async gotoLineEnd(line) {
    await this.gotoLine(line, 1);
    await this.page.keyboard.press('End');
  }

  activeEditor() {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** Puts the cursor at a 1-based line/column (character, not visual column) with Go to Line (Ctrl+G). */
  async gotoLine(line, column = 1) {
    const { page } = this;
    await page.keyboard.press(`${MOD}+G`);
    const widget = page.locator('.quick-input-widget');
    await widget.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    await widget.locator('input.input').fill(`:${line}:${column}`);
    await page.keyboard.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
    // (The status bar shows the visual column, which differs from `column` on tab-indented lines.)
    await page.locator('.statusbar-item', { hasText: `Ln ${line},` }).first().waitFor({ timeout: UI_TIMEOUT });
  }

  /** The language mode shown in the status bar for the active editor (e.g. "APIM Policy"). */
  async languageMode() {
    const item = this.page.locator('.statusbar-item[id="status.editor.mode"]');
    await item.waitFor({ timeout: UI_TIMEOUT });
    return (await item.innerText()).trim();
  }

  suggestWidget() {
    return this.page.locator('.editor-widget.suggest-widget.visible');
  }

  /** Triggers suggest (Ctrl+Space) and resolves with the labels shown (or [] for "No suggestions."). */
  async triggerSuggest() {
    const { page } = this;
    await page.keyboard.press(`${MOD}+Space`);
    const widget = this.suggestWidget();
    await widget.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    // Either rows (after loading) or the message ("No suggestions.").
    await page.waitForFunction(() => {
      const w = document.querySelector('.editor-widget.suggest-widget.visible');
      if (!w) return false;
      const msg = w.querySelector('.message');
      const loading = msg && /loading/i.test(msg.textContent || '') && getComputedStyle(msg).display !== 'none';
      return !loading && (w.querySelector('.monaco-list-row') || (msg && getComputedStyle(msg).display !== 'none'));
    }, undefined, { timeout: UI_TIMEOUT });
    return widget.locator('.monaco-list-row .label-name').allInnerTexts();
  }

  /**
   * Moves the mouse over the first occurrence of `text` rendered in the active editor (it may span
   * several token spans) and resolves with the text of the hover that appears.
   */
  async hoverText(text) {
    // Lines can move after the file opens (a CodeLens appears above the element, or above
    // <policies>): aim again until the hover shows, and shows the text aimed at.
    const deadline = Date.now() + UI_TIMEOUT;
    for (;;) {
      try {
        const shown = await this.hoverTextOnce(text, Math.min(5000, Math.max(1000, deadline - Date.now())));
        // the lines moved between aiming and hovering: the hover is another element's
        if (shown.includes(text) || Date.now() >= deadline) return shown;
        throw new Error(`the hover shows another element's text: ${shown.slice(0, 80)}`);
      } catch (e) {
        if (Date.now() >= deadline) throw e;
        await this.page.mouse.move(5, 5);
      }
    }
  }

  async hoverTextOnce(text, timeout) {
    const { page } = this;
    const point = await this.activeEditor().evaluate((editor, needle) => {
      for (const line of editor.querySelectorAll('.view-lines .view-line')) {
        const nodes = [];
        let all = '';
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push({ node: n, start: all.length });
          all += n.data.replace(/\u00a0/g, ' ');
        }
        const at = all.indexOf(needle);
        if (at < 0) continue;
        const locate = (offset) => {
          const hit = nodes.filter((x) => x.start <= offset).pop();
          return [hit.node, offset - hit.start];
        };
        const range = document.createRange();
        range.setStart(...locate(at));
        range.setEnd(...locate(at + Math.min(needle.length, 4)));
        const r = range.getClientRects()[0];
        return r ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : null;
      }
      return null;
    }, text);
    if (!point) throw new Error(`"${text}" is not visible in the active editor`);
    await page.mouse.move(point.x, point.y - 40);
    await page.mouse.move(point.x, point.y, { steps: 5 });
    const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
    await hover.waitFor({ state: 'visible', timeout });
    return hover.innerText({ timeout: 2000 });
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns the markers it lists:
   * [{ file: 'apis/orders/policy.xml', severity: 'Error', message, line, column }] (1-based).
   * Only rendered rows are seen (the list is virtual): with every workspace file's problems
   * listed, give `file` (workspace-relative): the panel's filter is set to it, as a person
   * looking for one file's problems does, and only that file's markers are returned.
   */
  async problems(onlyFile) {
    const { page } = this;
    const view = page.locator('.markers-panel');
    if (!(await view.isVisible())) await page.keyboard.press(`${MOD}+Shift+M`);
    await view.waitFor({ state: 'visible', timeout: UI_TIMEOUT });
    const filter = page.locator('.part.panel .viewpane-filter-container input:visible').first();
    const want = onlyFile === undefined ? '' : onlyFile;
    if ((await filter.inputValue({ timeout: UI_TIMEOUT })) !== want) await filter.fill(want);
    const labels = await view.locator('.monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') || ''));
    const markers = [];
    let file;
    for (const label of labels) {
      const f = /problems? in file (.+) of folder (.+)$/.exec(label);
      if (f) {
        file = `${f[2]}/${f[1]}`;
        continue;
      }
      const m = /^(Error|Warning|Info|Hint)\w*: ([\s\S]*) at line (\d+) and character (\d+)\./.exec(label);
      if (m) markers.push({ file, severity: m[1], message: m[2], line: Number(m[3]), column: Number(m[4]), label });
    }
    // the panel names a file by its folder relative to the workspace folder
    return want ? markers.filter((m) => m.file === want || (m.file && m.file.endsWith(`/${want}`))) : markers;
  }

  /** Closes every editor, reverting unsaved changes (nothing is ever saved to the workspace). */
  async closeAllEditors() {
    await this.pressEscape(2);
    await this.runCommand('View: Close All Editors');
    const dontSave = this.page.locator('.monaco-dialog-box .monaco-button', { hasText: /Don.t Save/ });
    if (await dontSave.isVisible()) await dontSave.click();
    await this.page.locator('.editor-group-container.active .monaco-editor').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  }

  /** Reverts the active editor to what is on disk ("File: Revert File"). */
  async revertActive() {
    await this.pressEscape(2);
    await this.runCommand('File: Revert File');
  }
}

module.exports = { Workbench, MOD, UI_TIMEOUT };
