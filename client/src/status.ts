/** The status bar item on resolution files: paragraph counts and findings; opens the Problems panel. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export interface DocumentStats {
  kind: 'resolution' | 'other';
  preambular: number;
  operative: number;
  footnotes: number;
}

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
      stats = await this.lc.sendRequest<DocumentStats>('resolution/stats', { uri: doc.uri.toString() });
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
        ? `${stats.preambular} pp · ${stats.operative} op`
        : 'not a resolution'
      : 'Resolution';
    this.item.text = `$(law) ${counts} · $(error) ${errors} $(warning) ${warnings}${others ? ` $(info) ${others}` : ''}`;
    const md = new vscode.MarkdownString(undefined, true);
    md.appendMarkdown('**Resolution**\n\n');
    if (stats) {
      md.appendMarkdown(
        `${stats.preambular} preambular paragraphs, ${stats.operative} operative paragraphs, ${stats.footnotes} footnotes\n\n`,
      );
    }
    md.appendMarkdown(`${errors} errors, ${warnings} warnings, ${others} other findings — click to open the Problems panel`);
    this.item.tooltip = md;
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
