/** The Driver of the shared scenarios for VS Code in the browser (code-server), through playwright-core. */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import type { Driver, SeenDiagnostic, Severity, TestDatabase } from './scenarios';
import { waitFor } from './runner';
import { Pool } from 'pg';
import { main as cli } from '../../server/src/cli/main';
import { pgUnavailableReason, startCluster } from '../support/pgCluster';

// Page-side code below runs in the browser; these names exist there (no DOM lib in this project).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
declare const document: any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type HTMLElement = any;
declare const getComputedStyle: (el: HTMLElement) => { visibility: string; display: string };

const EDITOR = '.part.editor .editor-group-container.active .editor-instance .monaco-editor';

interface Row {
  line: number;
  top: number;
  bottom: number;
  text: string;
  left: number;
}

export class CodeServerDriver implements Driver {
  readonly name = 'code-server';
  constructor(
    private readonly page: Page,
    private readonly workspace: string,
    private readonly shotsDir?: string,
    private readonly userDataDir?: string,
  ) {}

  async ready(): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60000 });
    await this.page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: 60000 });
  }

  private async focusWorkbench(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  /**
   * Opens the Command Palette and returns its input. A webview (a preview, a comparison) can hold
   * the keyboard focus and keep the palette shut: then the focus is moved back to the workbench
   * and the palette asked for again.
   */
  private async openPalette(text: string): Promise<Locator> {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) {
        await this.page.keyboard.press('Escape');
        await this.page
          .locator('.part.sidebar .composite.title')
          .first()
          .click()
          .catch(() => undefined);
      }
      await this.page.keyboard.press(attempt === 0 ? 'Control+Shift+P' : 'F1');
      // The palette can close again at once when focus moves (a tab just clicked, an edit applied).
      const typed = await input
        .waitFor({ state: 'visible', timeout: 10000 })
        .then(() => input.fill(text, { timeout: 5000 }))
        .then(
          () => true,
          () => false,
        );
      if (typed) return input;
      if (attempt >= 3) throw new Error('the Command Palette does not open');
    }
  }

  /**
   * Types `text` into the Command Palette and waits for an entry matching `match`. The palette
   * closes when the keyboard focus moves (an editor that opened a moment earlier takes it): then it
   * is asked for again, up to three times. Returns the entry.
   */
  private async paletteEntry(text: string, match: RegExp | string): Promise<{ input: Locator; row: Locator }> {
    const widget = this.page.locator('.quick-input-widget');
    for (let attempt = 0; ; attempt++) {
      const input = await this.openPalette(text);
      const row = widget.locator('.quick-input-list .monaco-list-row').filter({ hasText: match }).first();
      const state = await waitFor(
        `the Command Palette to offer ${match}`,
        async () => ((await row.isVisible()) ? 'offered' : (await widget.isVisible()) ? 'waiting' : 'closed'),
        (v) => v !== 'waiting',
        20000,
      );
      if (state === 'offered') return { input, row };
      if (attempt >= 2) throw new Error(`the Command Palette closed three times before offering ${match}`);
    }
  }

  /** Runs a command from the Command Palette: types `query`, picks the first entry matching `match`. */
  async command(query: string, match: RegExp = new RegExp(query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i')): Promise<void> {
    await this.focusWorkbench();
    const { row } = await this.paletteEntry(`>${query}`, match);
    await row.click();
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async open(file: string): Promise<void> {
    await this.focusWorkbench();
    const tab = this.page.locator(`.tabs-container .tab[data-resource-name="${file}"]`);
    if ((await tab.count()) > 0) {
      await tab.first().click();
    } else {
      await this.page.keyboard.press('Control+P');
      const input = this.page.locator('.quick-input-widget .quick-input-box input');
      await input.waitFor({ state: 'visible' });
      await input.fill(file);
      const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: file }).first();
      await row.waitFor({ state: 'visible', timeout: 30000 });
      await row.click();
    }
    await this.page.locator(`.tabs-container .tab.active[data-resource-name="${file}"]`).waitFor({ state: 'visible', timeout: 30000 });
    await this.page.locator(`${EDITOR} .view-lines .view-line`).first().waitFor({ state: 'visible' });
    // The editor takes the keyboard focus a moment after it shows; a palette or menu opened before
    // that would close again at once.
    await waitFor(
      'the editor to take the focus',
      () => this.page.evaluate((sel) => !!document.activeElement?.closest(sel), EDITOR),
      (focused) => focused,
      10000,
    ).catch(() => console.log(`      (the editor of ${file} did not take the keyboard focus within 10 s)`));
    // The language must be ours (the status bar shows the language mode).
    await waitFor(
      'the Resolution language mode',
      () => this.page.locator('#status\\.editor\\.mode').innerText(),
      (t) => /resolution/i.test(t),
      20000,
    );
  }

  /** The visible rows of the active editor mapped to 1-based model lines. */
  private async rows(): Promise<Row[]> {
    return this.page.evaluate((sel) => {
      const ed = document.querySelector(sel);
      if (!ed) return [];
      const nums = [...ed.querySelectorAll('.margin-view-overlays .line-numbers')]
        .map((el) => ({ top: el.getBoundingClientRect().top, n: Number((el.textContent || '').trim()) }))
        .filter((x) => x.n > 0)
        .sort((a, b) => a.top - b.top);
      const lines = [...ed.querySelectorAll('.view-lines .view-line')]
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, text: (el.textContent || '').replace(/\u00a0/g, ' ') };
        })
        .sort((a, b) => a.top - b.top);
      return lines.map((l) => {
        let n = 0;
        for (const x of nums) if (x.top <= l.top + 2) n = x.n;
        return { line: n, top: l.top, bottom: l.bottom, left: l.left, text: l.text };
      });
    }, EDITOR);
  }

  async cursor(): Promise<{ line: number; column: number }> {
    const t = await this.page.locator('#status\\.editor\\.selection').innerText();
    const m = /Ln (\d+), Col (\d+)/.exec(t);
    return m ? { line: Number(m[1]), column: Number(m[2]) } : { line: 0, column: 0 };
  }

  async text(): Promise<string> {
    const rows = await this.rows();
    const byLine = new Map<number, string>();
    for (const r of rows) byLine.set(r.line, (byLine.get(r.line) ?? '') + r.text);
    const max = Math.max(0, ...byLine.keys());
    const out: string[] = [];
    for (let i = 1; i <= max; i++) out.push(byLine.get(i) ?? '');
    return out.join('\n');
  }

  async squiggleLines(): Promise<number[]> {
    const rows = await this.rows();
    const tops: number[] = await this.page.evaluate(
      (sel) =>
        [...document.querySelectorAll(`${sel} .view-overlays .squiggly-error, ${sel} .view-overlays .squiggly-warning`)].map(
          (el) => el.getBoundingClientRect().top + el.getBoundingClientRect().height / 2,
        ),
      EDITOR,
    );
    const lines = new Set<number>();
    for (const y of tops) {
      const row = rows.find((r) => y >= r.top - 1 && y <= r.bottom + 1);
      if (row) lines.add(row.line);
    }
    return [...lines].sort((a, b) => a - b);
  }

  private activeFile(): Promise<string> {
    return this.page
      .locator('.tabs-container .tab.active')
      .first()
      .getAttribute('data-resource-name')
      .then((s) => s ?? '');
  }

  async problems(): Promise<SeenDiagnostic[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.focusWorkbench();
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible' });
    }
    const file = await this.activeFile();
    const rows: Array<{ resource: string; message: string; code: string; line: string; icon: string }> = await this.page.evaluate(() =>
      [...document.querySelectorAll('.markers-panel .monaco-list-row')].map((el: HTMLElement) => {
        const q = (sel: string) => (el.querySelector(sel)?.textContent || '').replace(/\u00a0/g, ' ').trim();
        return {
          resource: el.querySelector('.resource-label-container') ? q('.label-name') : '',
          message: q('.marker-message'),
          code: q('.marker-code'),
          line: q('.marker-line'),
          icon: el.querySelector('.marker-icon')?.className || '',
        };
      }),
    );
    const out: SeenDiagnostic[] = [];
    let current = '';
    for (const r of rows) {
      if (r.resource) {
        current = r.resource;
        continue;
      }
      if (!r.message || (file && current && current !== file)) continue;
      const pos = /Ln (\d+)/.exec(r.line);
      const severity: Severity = /\berror\b/.test(r.icon) ? 'error' : /\bwarning\b/.test(r.icon) ? 'warning' : 'information';
      out.push({ line: pos ? Number(pos[1]) : 0, severity, code: r.code || undefined, message: r.message });
    }
    return out;
  }

  private async goto(line: number, column: number): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    await waitFor(
      `the cursor at ${line}:${column}`,
      () => this.page.locator('#status\\.editor\\.selection').innerText(),
      (t) => new RegExp(`Ln ${line}, Col ${column}\\b`).test(t),
      10000,
    );
  }

  private async focusEditor(): Promise<void> {
    await this.page.keyboard.press('Escape');
    const rows = await this.rows();
    const ed = this.page.locator(EDITOR);
    if (!(await ed.evaluate((el) => el.contains(document.activeElement)))) {
      // Click at the end of the first row's text so the click itself changes nothing.
      const r = rows[0];
      if (r) await this.page.mouse.click(r.left + 2, (r.top + r.bottom) / 2);
      else await ed.click();
    }
  }

  async quickFix(line: number, column: number, title: RegExp): Promise<string[]> {
    await this.goto(line, column);
    await this.page.keyboard.press('Control+.');
    const rows = this.page.locator('.action-widget .monaco-list-row');
    const titles = await waitFor(
      'the quick fix menu',
      async () => (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean),
      (t) => t.some((x) => title.test(x)),
      15000,
    );
    const target = rows.filter({ hasText: title }).first();
    await target.hover();
    await this.capture('fix');
    await target.click();
    await this.page
      .locator('.action-widget')
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
    return titles;
  }

  /** The text of the hovers on screen ('' when none shows); never waits for one. */
  private shownHover(): Promise<string> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll('.monaco-hover')]
        .filter((el: HTMLElement) => {
          const r = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          return (
            !el.classList.contains('hidden') && r.width > 0 && r.height > 0 && style.visibility !== 'hidden' && style.display !== 'none'
          );
        })
        .map((el: HTMLElement) => (el.innerText || '').replace(/\u00a0/g, ' ').trim())
        .filter(Boolean)
        .join('\n'),
    );
  }

  async hover(line: number, column: number, until: (text: string) => boolean): Promise<string> {
    await this.focusEditor();
    let attempt = 0;
    return waitFor(
      `a hover on line ${line} satisfying the scenario`,
      async () => {
        const shown = await this.shownHover();
        if (shown && until(shown)) return shown;
        const rows = (await this.rows()).filter((r) => r.line === line);
        if (!rows.length) throw new Error(`line ${line} is not visible`);
        const r = rows[0];
        const x = r.left + Math.min(Math.max(column, 1) * 7, 400);
        const y = (r.top + r.bottom) / 2;
        // Away and back, so that the editor asks for the hover again (its answer may have changed).
        attempt++;
        await this.page.mouse.move(x, y + 30 * (attempt % 2 ? 0 : 1) + 200);
        await this.page.mouse.move(x + (attempt % 3), y);
        return waitFor(
          'a hover to show',
          () => this.shownHover(),
          (t) => t.length > 0,
          3000,
        ).catch(() => '');
      },
      until,
      30000,
    );
  }

  async type(line: number, column: number, text: string): Promise<void> {
    await this.goto(line, column);
    await this.page.keyboard.insertText(text);
  }

  async select(line: number, column: number, length: number): Promise<void> {
    await this.goto(line, column);
    for (let i = 0; i < length; i++) await this.page.keyboard.press('Shift+ArrowRight');
  }

  async typeKeys(text: string): Promise<void> {
    await this.page.keyboard.type(text);
  }

  async undo(): Promise<void> {
    await this.page.keyboard.press('Control+Z');
  }

  async suggest(line: number, column: number, until: (labels: string[]) => boolean): Promise<string[]> {
    await this.goto(line, column);
    const labels = async () => {
      if (!(await this.page.locator('.suggest-widget.visible').isVisible())) return [];
      return this.page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
    };
    return waitFor(
      'suggestions',
      async () => {
        if (!(await this.page.locator('.suggest-widget.visible').isVisible())) {
          await this.page.keyboard.press('Control+Space');
          await this.page
            .locator('.suggest-widget.visible')
            .waitFor({ state: 'visible', timeout: 5000 })
            .catch(() => undefined);
        }
        return (await labels()).map((s) => s.replace(/\u00a0/g, ' ').trim());
      },
      until,
      30000,
    );
  }

  async acceptSuggestion(label: RegExp): Promise<void> {
    const rows = this.page.locator('.suggest-widget.visible .monaco-list-row');
    const texts = (await rows.locator('.label-name').allInnerTexts()).map((s) => s.replace(/\u00a0/g, ' ').trim());
    const i = texts.findIndex((t) => label.test(t));
    if (i < 0) throw new Error(`no suggestion matches ${label}: ${texts.join(' | ')}`);
    for (let k = 0; k < i; k++) await this.page.keyboard.press('ArrowDown');
    await waitFor(
      'the suggestion selected',
      () => rows.nth(i).getAttribute('class'),
      (c) => /\bfocused\b/.test(c ?? ''),
      5000,
    );
    await this.page.keyboard.press('Enter');
    await this.page.locator('.suggest-widget.visible').waitFor({ state: 'hidden' });
  }

  async outline(until: (labels: string[]) => boolean): Promise<string[]> {
    await this.command('Focus on Outline View');
    const folders = this.page.locator('.pane-header[aria-expanded="true"]', { has: this.page.locator('h3', { hasText: /^workspace$/i }) });
    if ((await folders.count()) > 0) await folders.first().click();
    const rows = this.page.locator('.outline-pane .monaco-list-row, .pane-body.outline-pane .monaco-list-row');
    return waitFor(
      'the Outline entries',
      async () =>
        (await rows.allInnerTexts()).map((t) =>
          t
            .replace(/\u00a0/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        ),
      until,
      20000,
    );
  }

  async runCommand(command: { id: string; title: string }): Promise<void> {
    // Only close widgets: a click to focus the editor would move the cursor the command acts on.
    await this.focusWorkbench();
    const { input } = await this.paletteEntry(`>${command.title}`, command.title);
    await this.page.keyboard.press('Enter');
    // The palette closes (or gives way to the command's own quick pick).
    await waitFor(
      'the Command Palette to close',
      async () => (await input.isVisible()) && (await input.inputValue()).startsWith('>'),
      (open) => !open,
      10000,
    );
  }

  private statusLocator() {
    return this.page
      .locator('#workbench\\.parts\\.statusbar .statusbar-item')
      .filter({ hasText: / pp · \d+ op|not a resolution/ })
      .first();
  }

  async statusItem(): Promise<string> {
    const item = this.statusLocator();
    if (!(await item.isVisible())) return '';
    return (await item.innerText())
      .replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  }

  async clickStatusItem(): Promise<boolean> {
    await this.page.keyboard.press('Escape');
    if (await this.page.locator('.markers-panel').isVisible()) await this.page.keyboard.press('Control+J'); // View: Toggle Panel
    await this.page.locator('.markers-panel').waitFor({ state: 'hidden' });
    await this.statusLocator().click();
    return this.page
      .locator('.markers-panel')
      .waitFor({ state: 'visible', timeout: 10000 })
      .then(() => true)
      .catch(() => false);
  }

  async activeTab(): Promise<string> {
    const tab = this.page.locator('.tabs-container .tab.active').first();
    return ((await tab.getAttribute('aria-label')) ?? (await tab.innerText())).replace(/\u00a0/g, ' ');
  }

  async tabs(): Promise<string[]> {
    const tabs = this.page.locator('.tabs-container .tab');
    const labels: string[] = [];
    for (let i = 0; i < (await tabs.count()); i++) {
      const t = tabs.nth(i);
      labels.push(((await t.getAttribute('aria-label')) ?? (await t.innerText())).replace(/\u00a0/g, ' '));
    }
    return labels;
  }

  async quickPick(until: (rows: string[]) => boolean): Promise<string[]> {
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    return waitFor(
      'the quick pick entries',
      async () => {
        if (!(await this.page.locator('.quick-input-widget').isVisible())) return [];
        return (await rows.allInnerTexts()).map((t) =>
          t
            .replace(/\u00a0/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      },
      until,
      20000,
    );
  }

  async choose(label: RegExp): Promise<void> {
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ hasText: label }).first();
    await row.click();
  }

  besideWorkspace(file: string): string {
    return path.join(path.dirname(this.workspace), file);
  }

  /** The explorer pane of a view, shown and expanded. */
  private async pane(view: string): Promise<Locator> {
    await this.focusWorkbench();
    const header = () =>
      this.page
        .locator('.pane-header')
        .filter({ has: this.page.locator('h3.title', { hasText: new RegExp(`^\\s*${view}\\s*$`, 'i') }) })
        .first();
    if (!(await header().isVisible())) {
      await this.page.keyboard.press('Control+Shift+E');
      await header().waitFor({ state: 'visible', timeout: 20000 });
    }
    const h = header();
    if (((await h.getAttribute('aria-expanded')) ?? 'false') !== 'true') await h.click();
    return this.page.locator('.pane').filter({ has: h }).first();
  }

  async viewAction(view: string, action: RegExp): Promise<void> {
    const pane = await this.pane(view);
    const header = pane.locator('.pane-header').first();
    await header.hover();
    const labels = await header
      .locator('.actions .action-label')
      .evaluateAll((els) => els.map((e: HTMLElement) => e.getAttribute('aria-label') ?? e.getAttribute('title') ?? ''));
    const i = labels.findIndex((l: string) => action.test(l));
    if (i < 0) throw new Error(`no action ${action} in the ${view} view (actions: ${labels.join(' | ')})`);
    await header.locator('.actions .action-label').nth(i).click();
  }

  async viewRows(view: string, until: (rows: string[]) => boolean): Promise<string[]> {
    return waitFor(
      `the ${view} view's rows`,
      async () => {
        const pane = await this.pane(view);
        return (await pane.locator('.pane-body .monaco-list-row').allInnerTexts()).map((t) =>
          t
            .replace(/\u00a0/g, ' ')
            .replace(/\s+/g, ' ')
            .trim(),
        );
      },
      until,
      60000,
    );
  }

  async fileDialog(file: string): Promise<void> {
    // code-server has no native dialogs: VS Code's own file dialog is a quick input with a path box.
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 20000 });
    // The dialog first shows its own starting folder; then the path is typed over it, as a user would.
    await waitFor(
      'the dialog to show its folder',
      () => input.inputValue(),
      (v) => v.length > 0,
      10000,
    );
    await input.click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(file);
    await waitFor(
      'the dialog to take the path',
      () => input.inputValue(),
      (v) => v === file,
      10000,
    );
    // The dialog lists the folder of what is typed a moment later, and Enter may take the entry it
    // highlights: wait until the list is that of the file's folder (a stale one is a folder on the way).
    const name = path.basename(file);
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await waitFor(
      'the dialog to list the file',
      async () => ({ value: await input.inputValue(), rows: (await rows.allInnerTexts()).join(' | ') }),
      (v) => v.value === file && v.rows.includes(name),
      10000,
    ).catch((e) => console.log(`      (${(e as Error).message})`));
    await this.page.keyboard.press('Enter');
    await waitFor(
      'the file dialog to close',
      () => this.page.locator('.quick-input-widget').isVisible(),
      (v) => !v,
      20000,
    );
  }

  async readFile(file: string): Promise<Uint8Array | undefined> {
    const p = path.join(this.workspace, file);
    return fs.existsSync(p) ? new Uint8Array(fs.readFileSync(p)) : undefined;
  }

  async writeFile(file: string, content: string | undefined): Promise<void> {
    const p = path.join(this.workspace, file);
    if (content === undefined) fs.rmSync(p, { force: true });
    else {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, content);
    }
  }

  async problemFiles(): Promise<string[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible' });
    }
    return this.page.locator('.markers-panel .monaco-list-row .resource-label-container .label-name').allInnerTexts();
  }

  async capture(name: string): Promise<void> {
    if (!this.shotsDir) return;
    fs.mkdirSync(this.shotsDir, { recursive: true });
    // Let fade-ins (hover, suggest widget) finish so the picture shows what the user sees.
    await waitFor(
      'animations to finish',
      () => this.page.evaluate(() => (document.getAnimations() as Array<{ playState: string }>).every((a) => a.playState !== 'running')),
      (done) => done,
      3000,
    ).catch(() => undefined);
    await this.page.screenshot({ path: path.join(this.shotsDir, `${name}.png`) });
  }

  async webview(): Promise<{ text: string; current: string }> {
    // Webviews live in nested iframes; the preview's is the one holding the draft.
    for (const frame of this.page.frames()) {
      const seen = await frame
        .evaluate(() => {
          const draft = document.querySelector('#draft') as HTMLElement | null;
          if (!draft) return undefined;
          const current = document.querySelector('.current') as HTMLElement | null;
          return { text: draft.innerText, current: current ? current.innerText : '' };
        })
        .catch(() => undefined);
      if (seen) return { text: seen.text.replace(/\u00a0/g, ' '), current: seen.current.replace(/\u00a0/g, ' ') };
    }
    return { text: '', current: '' };
  }

  async explorerMenu(file: string, item: RegExp): Promise<void> {
    await this.focusWorkbench();
    await this.page.keyboard.press('Control+Shift+E'); // View: Show Explorer
    // The folder's pane may have been collapsed by an earlier step (another view expanded).
    await this.pane(path.basename(this.workspace));
    const row = this.page
      .locator('.explorer-viewlet .monaco-list-row')
      .filter({ hasText: new RegExp(`^\\s*${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) })
      .first();
    await row.waitFor({ state: 'visible', timeout: 20000 });
    const entry = this.page.locator('.context-view .monaco-menu .action-item .action-label').filter({ hasText: item }).first();
    // The menu closes when the focus moves while it opens (as the palette does): then ask again.
    for (let attempt = 0; ; attempt++) {
      await row.click({ button: 'right' });
      const state = await waitFor(
        `the context menu to offer ${item}`,
        async () =>
          (await entry.isVisible())
            ? 'offered'
            : (await this.page.locator('.context-view .monaco-menu').isVisible())
              ? 'waiting'
              : 'closed',
        (v) => v === 'offered',
        attempt === 0 ? 5000 : 10000,
      ).catch(() => 'missing');
      if (state === 'offered') break;
      if (attempt >= 2) throw new Error(`the context menu of ${file} did not offer ${item}`);
      await this.page.keyboard.press('Escape');
    }
    await entry.hover();
    await entry.click();
    // A click that lands while the menu still settles leaves it open with the entry highlighted.
    const menu = this.page.locator('.context-view .monaco-menu');
    if (
      await menu.waitFor({ state: 'hidden', timeout: 2000 }).then(
        () => false,
        () => true,
      )
    )
      await this.page.keyboard.press('Enter');
  }

  async notification(message: RegExp, button?: string, timeoutMs = 20000): Promise<string> {
    const toast = this.page.locator('.notification-toast').filter({ hasText: message }).first();
    await toast.waitFor({ state: 'visible', timeout: timeoutMs });
    const text = (await toast.locator('.notification-list-item-message').innerText()).replace(/\u00a0/g, ' ');
    if (button) await toast.locator('.monaco-button', { hasText: button }).first().click();
    else {
      // cleared, so that it covers nothing a later step looks at
      await toast.hover();
      await toast.locator('.action-label.codicon-notifications-clear').first().click();
      await toast.waitFor({ state: 'hidden', timeout: 10000 }).catch(() => undefined);
    }
    return text;
  }

  async inputBox(text: string): Promise<string> {
    const widget = this.page.locator('.quick-input-widget');
    const input = widget.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 20000 });
    const prompt = (await widget.innerText())
      .replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    await input.fill(text);
    await waitFor(
      'the input box to take the text',
      () => input.inputValue(),
      (v) => v === text,
      10000,
    );
    await input.press('Enter');
    await widget.waitFor({ state: 'hidden', timeout: 20000 });
    return prompt;
  }

  async userSettings(): Promise<string> {
    const file = this.userDataDir && path.join(this.userDataDir, 'User', 'settings.json');
    return file && fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  }

  async corpusDatabase(sources: string[]): Promise<TestDatabase | string> {
    const reason = pgUnavailableReason();
    if (reason) return reason;
    const cluster = startCluster();
    try {
      const admin = cluster.connectionString;
      const err: string[] = [];
      const code = await cli(['corpus', 'push', '--db', admin, ...sources], { out: () => undefined, err: (l) => err.push(l) });
      if (code !== 0) throw new Error(`corpus push failed: ${err.join('\n')}`);
      const password = `e2e-${process.pid}-${Date.now().toString(36)}`;
      const pool = new Pool({ connectionString: admin });
      try {
        await pool.query(`CREATE ROLE drafter LOGIN PASSWORD '${password}'`);
        await pool.query('GRANT SELECT ON ALL TABLES IN SCHEMA public TO drafter');
      } finally {
        await pool.end();
      }
      // the cluster asks the role drafter, and only it, for a password (test/support/pgCluster.ts)
      return { url: admin.replace('resolution@', 'drafter@'), password, stop: async () => cluster.stop() };
    } catch (e) {
      cluster.stop();
      throw e;
    }
  }

  async closeAll(): Promise<void> {
    await this.page.keyboard.press('Escape');
    for (let i = 0; i < 10; i++) {
      const dirty = this.page.locator('.tabs-container .tab.dirty');
      if ((await dirty.count()) === 0) break;
      await dirty.first().click();
      await this.command('Revert File', /File: Revert File/);
    }
    await this.command('Close All Editors', /View: Close All Editors/);
    await this.page
      .locator('.tabs-container .tab')
      .first()
      .waitFor({ state: 'detached', timeout: 10000 })
      .catch(() => undefined);
  }
}

export type { Locator };
