/** The status bar item on resolution files: paragraph counts and findings; opens the Problems panel. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StatsRequest, type DocumentStats } from '../../server/src/protocol';

/** The languages' names in the status bar tooltip. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', es: 'Español', ru: 'Русский', ar: 'العربية', zh: '中文' };

export class StatusItem implements vscode.Disposable {
  private readonly item: vscode.StatusBarItem;
  private readonly subs: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;

  constructor(private readonly lc: LanguageClient) {
    this.item = vscode.window.createStatusBarItem('resolution.status', vscode.StatusBarAlignment.Left, 100);
    this.item.name = 'Resolution';
    this.item.command = 'workbench.actions.view.problems';
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.schedule();
      }),
    );
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 250);
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'resolution' || doc.uri.scheme === 'resolution-precedent') {
      this.item.hide();
      return;
    }
    const mine = ++this.seq;
    let stats: DocumentStats | undefined;
    try {
      stats = (await this.lc.sendRequest(StatsRequest, { uri: doc.uri.toString() })) ?? undefined;
    } catch {
      stats = undefined;
    }
    if (mine !== this.seq) return;
    const diags = vscode.languages.getDiagnostics(doc.uri);
    const errors = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diags.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const others = diags.length - errors - warnings;
    const counts = stats
      ? stats.kind === 'resolution'
        ? vscode.l10n.t('{0} pp · {1} op', stats.preambular, stats.operative)
        : vscode.l10n.t('not a resolution')
      : 'Resolution';
    const lang = stats?.lang ? `${stats.lang.toUpperCase()} · ` : '';
    this.item.text = `$(law) ${lang}${counts} · $(error) ${errors} $(warning) ${warnings}${others ? ` $(info) ${others}` : ''}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**Resolution**\n\n');
    if (stats?.lang) {
      const how =
        stats.langSource === 'front matter'
          ? vscode.l10n.t('set by the front matter')
          : stats.langSource === 'setting'
            ? vscode.l10n.t('set by the resolution.language setting')
            : vscode.l10n.t('detected from the text');
      md.appendMarkdown(vscode.l10n.t('Language: {0} ({1})', LANGUAGE_NAMES[stats.lang] ?? stats.lang, how) + '\n\n');
    }
    if (stats) {
      md.appendMarkdown(
        vscode.l10n.t(
          '{0} preambular paragraphs, {1} operative paragraphs, {2} footnotes',
          stats.preambular,
          stats.operative,
          stats.footnotes,
        ) + '\n\n',
      );
    }
    md.appendMarkdown(
      vscode.l10n.t('{0} errors, {1} warnings, {2} other findings — click to open the Problems panel', errors, warnings, others),
    );
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
