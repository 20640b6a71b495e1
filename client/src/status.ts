/** The status bar item on resolution files: paragraph counts and findings; opens the Problems panel. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ActiveDraftItem } from './activeDraft';
import { StatsRequest, type DocumentStats } from '../../server/src/protocol';

/** The languages' names in the status bar tooltip. */
const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'Français', es: 'Español', ru: 'Русский', ar: 'العربية', zh: '中文' };

export class StatusItem extends ActiveDraftItem {
  constructor(private readonly lc: LanguageClient) {
    super('resolution.status', 'Resolution', 'workbench.actions.view.problems', 100);
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(250);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const doc = vscode.window.activeTextEditor?.document;
        if (doc && e.uris.some((u) => u.toString() === doc.uri.toString())) this.schedule(250);
      }),
    );
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'resolution' || doc.uri.scheme === 'resolution-precedent') {
      this.item.hide();
      return;
    }
    const latest = await this.latest(() => this.lc.sendRequest(StatsRequest, { uri: doc.uri.toString() }));
    if (!latest) return;
    const stats: DocumentStats | undefined = latest.answer ?? undefined;
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
}
