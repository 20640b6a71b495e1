/** The commands of the "Resolution" category. */
import * as path from 'path';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';
import { activeDraft } from './activeDraft';
import { planFootnote } from './footnotes';
import { PrecedentDocuments } from './precedentView';
import { clauseLines, numberPrefix, replacementText, withoutNumber } from './precedentText';
import { sourceLabel } from '../../server/src/core/precedent/label';
import {
  CheckWorkspaceProgressNotification,
  CheckWorkspaceRequest,
  ImportRequest,
  PrecedentsRequest,
  ReloadCorpusRequest,
  type PrecedentMatch,
  type PrecedentResult,
} from '../../server/src/protocol';

/** Client command id → server executeCommand id, for the commands that edit the active draft. */
export const SERVER_EDIT_COMMANDS: Record<string, string> = {
  'resolution.command.renumberParagraphs': 'resolution.renumberParagraphs',
  'resolution.command.renumberFootnotes': 'resolution.renumberFootnotes',
  'resolution.command.fixAll': 'resolution.fixAll',
};

function toRange(r: PrecedentResult['paragraph']['range']): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

async function precedentsAt(lc: LanguageClient, editor: vscode.TextEditor, top: number): Promise<PrecedentResult | undefined> {
  try {
    const res = await lc.sendRequest(PrecedentsRequest, {
      uri: editor.document.uri.toString(),
      position: { line: editor.selection.active.line, character: editor.selection.active.character },
      top,
    });
    return res ?? undefined;
  } catch (e) {
    void vscode.window.showErrorMessage(`Could not look up precedents: ${(e as Error).message ?? e}`);
    return undefined;
  }
}

/** Runs one of the server's document commands on a document (the server applies the edit). */
export async function executeServerCommand(lc: LanguageClient, command: string, uri: vscode.Uri): Promise<unknown> {
  return lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: [uri.toString()] });
}

export function registerCommands(context: vscode.ExtensionContext, lc: LanguageClient, docs: PrecedentDocuments): void {
  const reg = (id: string, fn: (...args: never[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, fn));

  for (const [id, serverId] of Object.entries(SERVER_EDIT_COMMANDS)) {
    reg(id, async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : activeDraft()?.document.uri;
      if (!target) return;
      try {
        const result = (await executeServerCommand(lc, serverId, target)) as { applied?: boolean; reason?: string } | null;
        if (result && result.applied === false && result.reason) {
          void vscode.window.showInformationMessage(`Resolution: ${result.reason}.`);
        }
      } catch (e) {
        void vscode.window.showErrorMessage(`${serverId}: ${(e as Error).message ?? e}`);
      }
    });
  }

  reg('resolution.checkWorkspace', () => checkWorkspace(lc));
  reg('resolution.reloadCorpus', () => reloadCorpus(lc));
  reg('resolution.compareWithPrecedent', () => compareWithPrecedent(lc, docs));
  reg('resolution.showPrecedents', () => showPrecedents(lc));
  reg('resolution.insertFootnote', () => insertFootnote());
  reg('resolution.openSample', () => openSample(context));
  reg('resolution.importFile', (uri?: vscode.Uri) => importFile(lc, uri));
}

/** Resolution: Import Word or PDF… — asks the server to convert the file and opens the draft. */
async function importFile(lc: LanguageClient, uri?: vscode.Uri): Promise<void> {
  let target = uri instanceof vscode.Uri ? uri : undefined;
  if (!target) {
    const picked = await vscode.window.showOpenDialog({
      canSelectMany: false,
      openLabel: 'Import',
      filters: { 'Word, PDF or text': ['docx', 'pdf', 'txt'] },
    });
    target = picked?.[0];
  }
  if (!target) return;
  const res = await lc.sendRequest(ImportRequest, { path: target.fsPath });
  if (res.error !== undefined || res.draft === undefined) {
    void vscode.window.showErrorMessage(`Resolution: cannot import ${target.path.split('/').pop()}: ${res.error ?? 'no result'}`);
    return;
  }
  // The draft opens unsaved, named <name>.res.md beside the source: Save puts it there, as
  // "Save As" beside a Word file would.
  const draftUri = await draftBeside(target);
  const doc = await vscode.workspace.openTextDocument(draftUri);
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit((b) => b.insert(new vscode.Position(0, 0), res.draft!));
  if (doc.languageId !== 'resolution') await vscode.languages.setTextDocumentLanguage(doc, 'resolution');
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  const name = path.posix.basename(draftUri.path);
  const notes = res.warnings?.length ? ` Notes: ${res.warnings.join('; ')}.` : '';
  const save = 'Save';
  const choice = await vscode.window.showInformationMessage(
    `Resolution: imported ${path.posix.basename(target.path)} as ${name} (not yet saved).${notes}`,
    save,
  );
  if (choice === save && !doc.isClosed) await doc.save();
}

/** An untitled URI for the draft of `source`: <name>.res.md beside it, -2, -3 … when taken. */
async function draftBeside(source: vscode.Uri): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(source, '..');
  const stem = path.posix.basename(source.path).replace(/\.(docx|pdf|txt)$/i, '');
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let n = 1; ; n++) {
    const file = vscode.Uri.joinPath(dir, `${stem}${n > 1 ? `-${n}` : ''}.res.md`);
    if (open.has(file.path)) continue;
    try {
      await vscode.workspace.fs.stat(file);
    } catch {
      return vscode.Uri.from({ scheme: 'untitled', path: file.path });
    }
  }
}

async function checkWorkspace(lc: LanguageClient): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('Open a folder to check all the drafts in it.');
    return;
  }
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Checking resolution drafts', cancellable: true },
    async (progress, token) => {
      let last = 0;
      const sub = lc.onNotification(CheckWorkspaceProgressNotification, (p) => {
        const pct = p.total ? (100 * p.done) / p.total : 0;
        progress.report({ increment: pct - last, message: `${p.done}/${p.total}${p.path ? ' · ' + path.basename(p.path) : ''}` });
        last = pct;
      });
      try {
        return await lc.sendRequest(CheckWorkspaceRequest, {}, token);
      } catch (e) {
        if (token.isCancellationRequested) return undefined;
        void vscode.window.showErrorMessage(`Checking the workspace failed: ${(e as Error).message ?? e}`);
        return undefined;
      } finally {
        sub.dispose();
      }
    },
  );
  if (!result) return;
  const msg = `Checked ${result.files} draft${result.files === 1 ? '' : 's'}: ${result.errors} errors, ${result.warnings} warnings, ${result.findings} findings in all.`;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(msg);
}

async function reloadCorpus(lc: LanguageClient): Promise<void> {
  const res = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reloading the precedent corpus' }, () =>
    lc.sendRequest(ReloadCorpusRequest),
  );
  const skipped = res.skipped?.length ?? 0;
  const msg = `Precedent corpus: ${res.files} files, ${res.paragraphs} paragraphs${skipped ? `, ${skipped} skipped` : ''}.`;
  if (!skipped) {
    void vscode.window.showInformationMessage(msg);
    return;
  }
  const pick = await vscode.window.showWarningMessage(msg, 'Show skipped files');
  if (pick) {
    const out = vscode.window.createOutputChannel('Resolution corpus');
    for (const s of res.skipped) out.appendLine(`${s.path}: ${s.reason}`);
    out.show();
  }
}

async function compareWithPrecedent(lc: LanguageClient, docs: PrecedentDocuments): Promise<void> {
  const editor = activeDraft();
  if (!editor) return;
  const res = await precedentsAt(lc, editor, 1);
  if (!res || !res.matches?.length) {
    void vscode.window.showInformationMessage('No precedent found for this paragraph in the corpus.');
    return;
  }
  const best = res.matches[0];
  const label = sourceLabel(best.source);
  const left = docs.put(`${label} (precedent)`, clauseLines(withoutNumber(best.text)) + '\n');
  const mine = res.paragraph.number !== undefined ? `paragraph ${res.paragraph.number}` : 'this paragraph';
  const right = docs.put(`${mine} (draft)`, clauseLines(withoutNumber(res.paragraph.text)) + '\n');
  const cov = Math.round((res.coverage ?? 0) * 100);
  await vscode.commands.executeCommand('vscode.diff', left, right, `${label} ↔ ${mine} · score ${best.score.toFixed(2)} · ${cov}% agreed`, {
    preview: true,
  });
}

interface MatchItem extends vscode.QuickPickItem {
  match: PrecedentMatch;
}

async function showPrecedents(lc: LanguageClient): Promise<void> {
  const editor = activeDraft();
  if (!editor) return;
  const res = await precedentsAt(lc, editor, 10);
  if (!res || !res.matches?.length) {
    void vscode.window.showInformationMessage('No precedent found for this paragraph in the corpus.');
    return;
  }
  const items: MatchItem[] = res.matches.map((m) => ({
    label: `$(book) ${sourceLabel(m.source)}`,
    description: `score ${m.score.toFixed(2)}`,
    detail: withoutNumber(m.text),
    match: m,
  }));
  const chosen = await vscode.window.showQuickPick(items, {
    title: `Precedents for ${res.paragraph.number !== undefined ? 'paragraph ' + res.paragraph.number : 'this paragraph'}`,
    placeHolder: 'Choose a precedent to use its wording',
    matchOnDetail: true,
  });
  if (!chosen) return;
  const action = await vscode.window.showQuickPick(
    [
      { label: 'Replace this paragraph', description: 'keeps the paragraph number', id: 'replace' },
      { label: 'Insert as a new paragraph below', id: 'insert' },
    ],
    { title: sourceLabel(chosen.match.source) },
  );
  if (!action) return;
  const range = toRange(res.paragraph.range);
  const doc = editor.document;
  if (action.id === 'replace') {
    const current = doc.getText(range);
    await editor.edit((b) => b.replace(range, replacementText(current, chosen.match.text)));
  } else {
    const current = doc.getText(range);
    const n = numberPrefix(current)
      .trim()
      .match(/^(\d+)/)?.[1];
    const prefix = n ? `${Number(n) + 1}. ` : '';
    await editor.edit((b) => b.insert(range.end, `\n\n${prefix}${withoutNumber(chosen.match.text).trim()}`));
    if (n) {
      await vscode.commands.executeCommand('resolution.command.renumberParagraphs', doc.uri);
    }
  }
}

async function insertFootnote(): Promise<void> {
  const editor = activeDraft();
  if (!editor) return;
  const doc = editor.document;
  const plan = planFootnote(doc.getText(), doc.offsetAt(editor.selection.active));
  const ok = await editor.edit((b) => {
    b.insert(doc.positionAt(plan.markerOffset), plan.marker);
    b.insert(doc.positionAt(plan.definitionOffset), plan.definition);
  });
  if (!ok) return;
  const pos = editor.document.positionAt(plan.cursorOffset);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos));
}

async function openSample(context: vscode.ExtensionContext): Promise<void> {
  const uri = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'walkthrough', 'sample.res.md')));
  const text = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
  const doc = await vscode.workspace.openTextDocument({ language: 'resolution', content: text });
  await vscode.window.showTextDocument(doc);
}
