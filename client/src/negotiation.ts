/**
 * Negotiation texts in VS Code: the status bar item and the Negotiation status list, bracket
 * highlighting, the negotiator's edits (Accept alternative, Remove brackets, Mark agreed ad ref,
 * Clean text) and Compare with… (another draft or a git revision) in a side-by-side view.
 * The server does the work; each edit is applied as one undo step.
 */
import * as cp from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeDraft, ActiveDraftItem } from './activeDraft';
import {
  CleanTextRequest,
  CompareRequest,
  NegotiationEditRequest,
  NegotiationStatusRequest,
  type CompareResult,
  type NegotiationEditParams,
  type NegotiationStatus,
} from '../../server/src/protocol';

type Status = NegotiationStatus['report']['byParagraph'][number]['status'];
type LspRange = NegotiationStatus['ranges'][number];
type DiffPart = CompareResult['pairs'][number]['diff'][number];

const ICON: Record<Status, string> = { agreed: '$(pass)', bracketed: '$(symbol-array)', pending: '$(clock)', deleted: '$(trash)' };
const toRange = (r: LspRange) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

/** The status bar item and the bracket highlighting of the active negotiation draft. */
export class NegotiationView extends ActiveDraftItem {
  private readonly bracketDecoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findRangeHighlightBackground'),
    border: '1px dotted',
    borderColor: new vscode.ThemeColor('editorBracketMatch.border'),
  });
  private readonly tagDecoration = vscode.window.createTextEditorDecorationType({
    color: new vscode.ThemeColor('descriptionForeground'),
    fontStyle: 'italic',
  });

  constructor(private readonly lc: LanguageClient) {
    super('resolution.negotiation', 'Resolution negotiation status', 'resolution.negotiationStatus', 99);
    this.subs.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(300);
      }),
    );
  }

  async update(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== 'resolution') {
      this.item.hide();
      return;
    }
    const latest = await this.latest(() => this.lc.sendRequest(NegotiationStatusRequest, { uri: editor.document.uri.toString() }));
    if (!latest) return;
    const s = latest.answer;
    if (!s || !s.isDraft) {
      this.item.hide();
      editor.setDecorations(this.bracketDecoration, []);
      editor.setDecorations(this.tagDecoration, []);
      return;
    }
    const r = s.report;
    this.item.text = `$(git-pull-request-draft) ${r.agreed}/${r.paragraphs} agreed · ${r.bracketed} bracketed · ${r.pending} pending`;
    this.item.tooltip = `${s.line} — click for the list`;
    this.item.show();
    editor.setDecorations(this.bracketDecoration, s.brackets.map(toRange));
    editor.setDecorations(this.tagDecoration, s.tags.map(toRange));
  }

  dispose(): void {
    super.dispose();
    this.bracketDecoration.dispose();
    this.tagDecoration.dispose();
  }
}

async function applyServerEdit(
  lc: LanguageClient,
  editor: vscode.TextEditor,
  action: NegotiationEditParams['action'],
  choice?: number,
): Promise<boolean> {
  const res = await lc.sendRequest(NegotiationEditRequest, {
    uri: editor.document.uri.toString(),
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
    action,
    choice,
  });
  const edits = res?.edits ?? [];
  if (edits.length === 0) return false;
  // one edit builder: one undo step
  return editor.edit((b) => {
    for (const e of edits) b.replace(toRange(e.range), e.newText);
  });
}

function git(args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) =>
    cp.execFile('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      err ? reject(new Error(stderr || err.message)) : resolve(stdout),
    ),
  );
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The side-by-side view of a comparison: one row per aligned pair, words marked on each side. */
export function compareHtml(c: CompareResult, oldName: string, newName: string): string {
  const side = (diff: DiffPart[], which: 'old' | 'new') =>
    diff
      .filter((d) => d.op === 'equal' || (which === 'old' ? d.op === 'delete' : d.op === 'insert'))
      .map((d) => (d.op === 'equal' ? escape(d.text) : which === 'old' ? `<del>${escape(d.text)}</del>` : `<ins>${escape(d.text)}</ins>`))
      .join('');
  const rows = c.pairs
    .map((p, k) => {
      const d = c.details[k] ?? {};
      const note =
        p.kind === 'moved'
          ? `moved from ${p.old!.label}`
          : p.kind === 'added' && d.splitFrom
            ? `added, split from ${d.splitFrom}`
            : p.kind === 'deleted' && d.mergedInto
              ? `deleted, merged into ${d.mergedInto}`
              : p.kind;
      const oldCell = p.old ? `<div class="label">${escape(p.old.label)} · line ${p.old.line}</div>${side(p.diff, 'old')}` : '';
      const newCell = p.new ? `<div class="label">${escape(p.new.label)} · line ${p.new.line}</div>${side(p.diff, 'new')}` : '';
      return `<tr class="${p.kind}"><td>${oldCell}</td><td class="kind">${escape(note)}${p.kind === 'changed' || p.kind === 'moved' ? `<br><small>${p.similarity}</small>` : ''}</td><td>${newCell}</td></tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline';">
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
td { vertical-align: top; padding: 6px; border-bottom: 1px solid var(--vscode-panel-border); white-space: pre-wrap; }
td.kind { width: 9em; text-align: center; color: var(--vscode-descriptionForeground); }
.label { font-weight: bold; margin-bottom: 2px; }
del { background: rgba(255, 80, 80, 0.3); } ins { background: rgba(80, 200, 80, 0.3); text-decoration: none; }
tr.added td:last-child { background: rgba(80, 200, 80, 0.08); } tr.deleted td:first-child { background: rgba(255, 80, 80, 0.08); }
tr.moved td.kind { color: var(--vscode-charts-blue); font-weight: bold; }
tr.unchanged { opacity: 0.7; }
</style></head><body>
<h2 id="summary">${escape(c.line)}</h2>
<table><thead><tr><th>${escape(oldName)}</th><th></th><th>${escape(newName)}</th></tr></thead><tbody>
${rows}
</tbody></table></body></html>`;
}

export function registerNegotiationCommands(context: vscode.ExtensionContext, lc: LanguageClient, view: NegotiationView): void {
  const reg = (id: string, fn: () => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  reg('resolution.negotiationStatus', async () => {
    const editor = activeDraft();
    if (!editor) return;
    const s = await lc.sendRequest(NegotiationStatusRequest, { uri: editor.document.uri.toString() });
    if (!s) return;
    if (!s.isDraft) {
      void vscode.window.showInformationMessage('This draft carries no negotiation markings (brackets, labels, status tags).');
      return;
    }
    const items = s.report.byParagraph.map((p, k) => ({
      label: `${ICON[p.status]} ${p.label}`,
      description: `${p.status}${p.brackets ? ` · ${p.brackets} bracket${p.brackets > 1 ? 's' : ''}` : ''}`,
      detail: editor.document.lineAt(Math.min(p.line - 1, editor.document.lineCount - 1)).text.slice(0, 120),
      range: toRange(s!.ranges[k]),
    }));
    const pick = await vscode.window.showQuickPick(items, { title: s.line, placeHolder: 'Jump to a paragraph', matchOnDescription: true });
    if (!pick) return;
    editor.selection = new vscode.Selection(pick.range.start, pick.range.start);
    editor.revealRange(pick.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  });

  reg('resolution.acceptAlternative', async () => {
    const editor = activeDraft();
    if (!editor) return;
    const res = await lc.sendRequest(NegotiationEditRequest, {
      uri: editor.document.uri.toString(),
      position: { line: editor.selection.active.line, character: editor.selection.active.character },
      action: 'alternatives',
    });
    const alts = res?.alternatives;
    if (!alts) {
      void vscode.window.showInformationMessage('No alternatives here: put the cursor in a [a / b] span or an "alt" paragraph.');
      return;
    }
    const pick = await vscode.window.showQuickPick(
      alts.choices.map((c, i) => ({ label: `${i + 1}. ${c.length > 100 ? c.slice(0, 97) + '…' : c}`, index: i })),
      { title: alts.kind === 'bracket' ? 'Keep which alternative?' : 'Keep which paragraph?' },
    );
    if (pick) await applyServerEdit(lc, editor, 'acceptAlternative', pick.index);
    void view.update();
  });

  reg('resolution.removeBrackets', async () => {
    const editor = activeDraft();
    if (!editor) return;
    if (!(await applyServerEdit(lc, editor, 'removeBrackets'))) void vscode.window.showInformationMessage('No brackets around the cursor.');
    void view.update();
  });

  reg('resolution.markAgreed', async () => {
    const editor = activeDraft();
    if (!editor) return;
    await applyServerEdit(lc, editor, 'markAgreed');
    void view.update();
  });

  reg('resolution.cleanText', async () => {
    const editor = activeDraft();
    if (!editor) return;
    const res = await lc.sendRequest(CleanTextRequest, { uri: editor.document.uri.toString() });
    if (!res) return;
    const doc = await vscode.workspace.openTextDocument({ language: 'resolution', content: res.text });
    await vscode.window.showTextDocument(doc, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  });

  reg('resolution.compareWith', async () => {
    const editor = activeDraft();
    if (!editor) return;
    const doc = editor.document;
    const choices = [
      { label: '$(files) Another draft in the workspace…', id: 'workspace' },
      { label: '$(folder-opened) A file on disk…', id: 'file' },
    ];
    if (doc.uri.scheme === 'file') choices.push({ label: '$(git-commit) A git revision of this draft…', id: 'git' });
    const how = await vscode.window.showQuickPick(choices, { title: 'Compare with…' });
    if (!how) return;
    let oldText: string;
    let oldName: string;
    if (how.id === 'workspace') {
      const found = (await vscode.workspace.findFiles('**/*.{res.md,resolution.md,resolution}', '**/node_modules/**', 500)).filter(
        (u) => u.toString() !== doc.uri.toString(),
      );
      if (!found.length) {
        void vscode.window.showInformationMessage('No other draft in the workspace.');
        return;
      }
      const pick = await vscode.window.showQuickPick(
        found.map((u) => ({ label: vscode.workspace.asRelativePath(u), uri: u })).sort((a, b) => a.label.localeCompare(b.label)),
        { title: 'Compare with which draft? (the older revision)' },
      );
      if (!pick) return;
      oldText = Buffer.from(await vscode.workspace.fs.readFile(pick.uri)).toString('utf8');
      oldName = pick.label;
    } else if (how.id === 'file') {
      const files = await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: 'Compare',
        defaultUri: vscode.Uri.file(path.dirname(doc.uri.fsPath || '.')),
      });
      if (!files?.length) return;
      oldText = Buffer.from(await vscode.workspace.fs.readFile(files[0])).toString('utf8');
      oldName = path.basename(files[0].fsPath);
    } else {
      const cwd = path.dirname(doc.uri.fsPath);
      const file = path.basename(doc.uri.fsPath);
      let log: string;
      try {
        log = await git(['log', '--format=%H%x09%h %ad %s', '--date=short', '--', file], cwd);
      } catch (e) {
        void vscode.window.showErrorMessage(`No git history for this draft: ${(e as Error).message}`);
        return;
      }
      const revs = log
        .split('\n')
        .filter(Boolean)
        .map((l) => ({ label: l.split('\t')[1], hash: l.split('\t')[0] }));
      if (!revs.length) {
        void vscode.window.showInformationMessage('This draft has no committed revision yet.');
        return;
      }
      const rev = await vscode.window.showQuickPick(revs, { title: 'Compare with which revision?' });
      if (!rev) return;
      oldText = await git(['show', `${rev.hash}:./${file}`], cwd);
      oldName = `${file} @ ${rev.label.split(' ')[0]}`;
    }
    const c = await lc.sendRequest(CompareRequest, { oldText, newText: doc.getText() });
    if (!c) return;
    const panel = vscode.window.createWebviewPanel(
      'resolution.compare',
      `Compare: ${oldName} ↔ ${path.basename(doc.uri.fsPath || doc.uri.path)}`,
      vscode.ViewColumn.Beside,
      {},
    );
    panel.webview.html = compareHtml(c, oldName, path.basename(doc.uri.fsPath || doc.uri.path));
    void vscode.window.showInformationMessage(`Compared with ${oldName}: ${c.line}.`);
  });
}
