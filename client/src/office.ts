/**
 * Word out and the base text in the editor: *Export to Word*, *Export redline against base*,
 * *Show changes against base* (inserted words highlighted, deleted words shown struck through),
 * and a status bar item naming the base text of the active draft. The server does the work.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { activeDraft, ActiveDraftItem } from './activeDraft';
import {
  BaseRequest,
  ChangesAgainstBaseRequest,
  ExportRedlineRequest,
  ExportWordRequest,
  type BaseChange,
} from '../../server/src/protocol';

/** `draft.res.md` → `draft.docx` (or `draft.redline.docx`) beside it; a save dialog for untitled drafts. */
async function targetFor(doc: vscode.TextDocument, suffix: string): Promise<string | undefined> {
  if (doc.uri.scheme === 'file') {
    const dir = path.dirname(doc.uri.fsPath);
    const stem = path.basename(doc.uri.fsPath).replace(/\.(res\.md|resolution\.md|resolution|md|txt)$/i, '');
    return path.join(dir, `${stem}${suffix}`);
  }
  const picked = await vscode.window.showSaveDialog({ filters: { 'Word document': ['docx'] }, saveLabel: 'Export' });
  return picked?.fsPath;
}

async function announce(file: string, message: string): Promise<void> {
  const reveal = 'Reveal in Explorer';
  const choice = await vscode.window.showInformationMessage(message, reveal);
  if (choice === reveal) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.file(file));
}

export class BaseStatusItem extends ActiveDraftItem {
  constructor(private readonly lc: LanguageClient) {
    super('resolution.base', 'Resolution base text', 'resolution.showChangesAgainstBase', 99);
    this.subs.push(
      vscode.workspace.onDidSaveTextDocument((d) => {
        if (d === vscode.window.activeTextEditor?.document) this.schedule(200);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule(2000);
      }),
    );
  }

  async update(): Promise<void> {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'resolution' || doc.uri.scheme === 'resolution-precedent') {
      this.item.hide();
      return;
    }
    const latest = await this.latest(() => this.lc.sendRequest(BaseRequest, { uri: doc.uri.toString() }));
    if (!latest) return;
    const r = latest.answer;
    if (!r) {
      this.item.hide();
      return;
    }
    this.item.text = r.base ? `$(git-compare) Base: ${r.base.symbol}` : '$(git-compare) No base';
    const md = new vscode.MarkdownString(undefined, true);
    if (r.base) {
      md.appendMarkdown(
        `**Base text:** ${r.base.symbol}${r.base.title ? ` — ${r.base.title}` : ''}${r.base.date ? ` (${r.base.date})` : ''}\n\n`,
      );
      if (r.reason) md.appendMarkdown(`${r.reason}\n\n`);
      const others = r.candidates.filter((c) => c.symbol !== r!.base!.symbol);
      if (others.length) md.appendMarkdown(`Other candidates: ${others.map((c) => `${c.symbol} (${c.score.toFixed(2)})`).join(', ')}\n\n`);
      md.appendMarkdown('Click to show the changes against the base. Set it by hand with a `base: A/RES/…` line in the front matter.');
    } else {
      md.appendMarkdown(`**No base text:** ${r.reason ?? ''}\n\nSet one with a \`base: A/RES/…\` line in the front matter.`);
    }
    this.item.tooltip = md;
    this.item.show();
  }
}

export function registerOfficeCommands(context: vscode.ExtensionContext, lc: LanguageClient): BaseStatusItem {
  const inserted = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('diffEditor.insertedTextBackground'),
    textDecoration: 'underline',
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.addedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const deleted = vscode.window.createTextEditorDecorationType({
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.deletedForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Left,
  });
  const shown = new Set<string>();
  const clear = (editor: vscode.TextEditor) => {
    editor.setDecorations(inserted, []);
    editor.setDecorations(deleted, []);
    shown.delete(editor.document.uri.toString());
  };
  const status = new BaseStatusItem(lc);

  context.subscriptions.push(
    inserted,
    deleted,
    status,
    vscode.workspace.onDidChangeTextDocument((e) => {
      // Decorations would drift as the text changes: take them away; the command shows them again.
      for (const editor of vscode.window.visibleTextEditors)
        if (editor.document === e.document && shown.has(e.document.uri.toString()) && e.contentChanges.length) clear(editor);
    }),

    vscode.commands.registerCommand('resolution.exportWord', async () => {
      const editor = activeDraft();
      if (!editor) return;
      const target = await targetFor(editor.document, '.docx');
      if (!target) return;
      const r = await lc.sendRequest(ExportWordRequest, { uri: editor.document.uri.toString(), target });
      if (r.error || !r.path) void vscode.window.showErrorMessage(r.error ?? 'Export failed.');
      else await announce(r.path, `Exported to ${path.basename(r.path)}.`);
    }),

    vscode.commands.registerCommand('resolution.exportRedline', async () => {
      const editor = activeDraft();
      if (!editor) return;
      const target = await targetFor(editor.document, '.redline.docx');
      if (!target) return;
      const r = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Resolution: redline against base' },
        () => lc.sendRequest(ExportRedlineRequest, { uri: editor.document.uri.toString(), target }),
      );
      if (r.error || !r.path) {
        void vscode.window.showErrorMessage(r.error ?? 'Redline failed.');
        return;
      }
      const s = r.summary;
      await announce(
        r.path,
        `Redline against ${r.base?.symbol ?? 'the base'} written to ${path.basename(r.path)}${s ? `: ${s.changed} changed, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved paragraphs` : ''}.`,
      );
    }),

    vscode.commands.registerCommand('resolution.showChangesAgainstBase', async () => {
      const editor = activeDraft();
      if (!editor) return;
      if (shown.has(editor.document.uri.toString())) {
        clear(editor);
        return;
      }
      const r = await lc.sendRequest(ChangesAgainstBaseRequest, { uri: editor.document.uri.toString() });
      if (r.error || !r.changes) {
        void vscode.window.showErrorMessage(r.error ?? 'No changes to show.');
        return;
      }
      const toRange = (x: BaseChange['range']) => new vscode.Range(x.start.line, x.start.character, x.end.line, x.end.character);
      const ins: vscode.DecorationOptions[] = [];
      const del: vscode.DecorationOptions[] = [];
      for (const c of r.changes) {
        if (c.kind === 'insert' || c.kind === 'added') {
          ins.push({
            range: toRange(c.range),
            hoverMessage: c.kind === 'added' ? (c.moved ? 'Paragraph moved here' : 'Paragraph not in the base') : 'Inserted since the base',
          });
        } else {
          const text = (c.text ?? '').replace(/\s+/g, ' ');
          const shownText =
            c.kind === 'deleted' ? `[${c.moved ? 'moved away' : 'deleted'}: ${text.length > 80 ? text.slice(0, 79) + '…' : text}] ` : text;
          del.push({
            range: toRange(c.range),
            hoverMessage: new vscode.MarkdownString().appendText(
              `${c.kind === 'deleted' ? (c.moved ? 'Paragraph moved from here' : 'Paragraph deleted from the base') : 'Deleted from the base'}: ${text}`,
            ),
            renderOptions: {
              before: { contentText: shownText, textDecoration: 'line-through', color: new vscode.ThemeColor('editorError.foreground') },
            },
          });
        }
      }
      editor.setDecorations(inserted, ins);
      editor.setDecorations(deleted, del);
      shown.add(editor.document.uri.toString());
      const s = r.summary;
      void vscode.window.setStatusBarMessage(
        `Changes against ${r.base?.symbol ?? 'the base'}: ${ins.length} insertions, ${del.length} deletions${s ? ` (${s.changed} changed, ${s.added} added, ${s.deleted} deleted, ${s.moved} moved paragraphs)` : ''}`,
        8000,
      );
    }),
  );
  return status;
}
