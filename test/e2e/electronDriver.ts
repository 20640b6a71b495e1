/**
 * The Driver of the shared scenarios inside desktop VS Code's extension host (@vscode/test-electron):
 * the same steps through the VS Code API and its built-in commands (type, undo, the provider
 * commands that the editor's widgets use).
 */
import * as vscode from 'vscode';
import type { Driver, SeenDiagnostic, Severity } from './scenarios';

const SEVERITY: Record<number, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function codeOf(d: vscode.Diagnostic): string | undefined {
  if (d.code === undefined) return undefined;
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

function hoverText(h: vscode.Hover): string {
  return h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : String(c))).join('\n');
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

export class ElectronDriver implements Driver {
  readonly name = 'VS Code API';
  private items: vscode.CompletionItem[] = [];
  private at: vscode.Position | undefined;

  private editor(): vscode.TextEditor {
    const e = vscode.window.activeTextEditor;
    if (!e) throw new Error('no active editor');
    return e;
  }

  async open(file: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, file));
    await vscode.window.showTextDocument(doc, { preview: false });
    if (doc.languageId !== 'resolution') throw new Error(`${file} opened as ${doc.languageId}, not resolution`);
  }

  async squiggleLines(): Promise<number[]> {
    const diags = vscode.languages.getDiagnostics(this.editor().document.uri);
    const lines = diags.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).map((d) => d.range.start.line + 1);
    return [...new Set(lines)].sort((a, b) => a - b);
  }

  async problems(): Promise<SeenDiagnostic[]> {
    return vscode.languages
      .getDiagnostics(this.editor().document.uri)
      .filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint)
      .map((d) => ({ line: d.range.start.line + 1, severity: SEVERITY[d.severity], code: codeOf(d), message: d.message }));
  }

  async text(): Promise<string> {
    return this.editor().document.getText();
  }

  private pos(line: number, column: number): vscode.Position {
    return new vscode.Position(line - 1, column - 1);
  }

  async quickFix(line: number, column: number, title: RegExp): Promise<string[]> {
    const editor = this.editor();
    const p = this.pos(line, column);
    editor.selection = new vscode.Selection(p, p);
    const actions =
      (await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
        'vscode.executeCodeActionProvider',
        editor.document.uri,
        new vscode.Range(p, p),
        vscode.CodeActionKind.QuickFix.value,
      )) ?? [];
    const titles = actions.map((a) => a.title);
    const action = actions.find((a) => title.test(a.title));
    if (!action) throw new Error(`no quick fix matches ${title}: ${titles.join(' | ')}`);
    if ('edit' in action && action.edit) await vscode.workspace.applyEdit(action.edit);
    const command: vscode.Command | undefined =
      typeof (action as vscode.Command).command === 'string' ? (action as vscode.Command) : (action as vscode.CodeAction).command;
    if (command?.command) await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    return titles;
  }

  async hover(line: number, column: number, until: (text: string) => boolean): Promise<string> {
    const uri = this.editor().document.uri;
    const end = Date.now() + 30000;
    let text = '';
    while (Date.now() < end) {
      const hovers =
        (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, this.pos(line, column))) ?? [];
      text = hovers.map(hoverText).join('\n');
      if (until(text)) return text;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no hover on line ${line} satisfying the scenario (last seen: ${text.slice(0, 300)})`);
  }

  async type(line: number, column: number, text: string): Promise<void> {
    await this.select(line, column, 0);
    await this.typeKeys(text);
  }

  async select(line: number, column: number, length: number): Promise<void> {
    const editor = this.editor();
    const a = this.pos(line, column);
    editor.selection = new vscode.Selection(a, a.translate(0, length));
  }

  async cursor(): Promise<{ line: number; column: number }> {
    const a = this.editor().selection.active;
    return { line: a.line + 1, column: a.character + 1 };
  }

  async typeKeys(text: string): Promise<void> {
    await vscode.commands.executeCommand('type', { text });
  }

  async undo(): Promise<void> {
    await vscode.commands.executeCommand('undo');
  }

  async suggest(line: number, column: number, until: (labels: string[]) => boolean): Promise<string[]> {
    const uri = this.editor().document.uri;
    this.at = this.pos(line, column);
    const end = Date.now() + 30000;
    let labels: string[] = [];
    while (Date.now() < end) {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, this.at);
      this.items = list?.items ?? [];
      labels = this.items.map(labelOf);
      if (until(labels)) return labels;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`no suggestions satisfying the scenario (last seen: ${labels.join(' | ')})`);
  }

  async acceptSuggestion(label: RegExp): Promise<void> {
    const item = this.items.find((i) => label.test(labelOf(i)));
    if (!item || !this.at) throw new Error(`no suggestion matches ${label}`);
    const editor = this.editor();
    const range = item.range
      ? 'replacing' in item.range
        ? item.range.replacing
        : item.range
      : (editor.document.getWordRangeAtPosition(this.at) ?? new vscode.Range(this.at, this.at));
    const insert = item.insertText ?? labelOf(item);
    const snippet = typeof insert === 'string' ? new vscode.SnippetString(insert.replace(/[$}\\]/g, '\\$&')) : insert;
    await editor.insertSnippet(snippet, range);
    if (item.additionalTextEdits?.length) {
      const edit = new vscode.WorkspaceEdit();
      edit.set(editor.document.uri, item.additionalTextEdits);
      await vscode.workspace.applyEdit(edit);
    }
    if (item.command) await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
  }

  async outline(until: (labels: string[]) => boolean): Promise<string[]> {
    const uri = this.editor().document.uri;
    const end = Date.now() + 20000;
    let labels: string[] = [];
    while (Date.now() < end) {
      const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? [];
      labels = [];
      const walk = (s: vscode.DocumentSymbol[]) => {
        for (const x of s) {
          labels.push(x.name);
          walk(x.children ?? []);
        }
      };
      walk(symbols);
      if (until(labels)) return labels;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the Outline never satisfied the scenario (last seen: ${labels.join(' | ')})`);
  }

  async runCommand(command: { id: string; title: string }): Promise<void> {
    await vscode.commands.executeCommand(command.id);
  }

  async activeTab(): Promise<string> {
    return vscode.window.tabGroups.activeTabGroup.activeTab?.label ?? '';
  }

  async readFile(file: string): Promise<Uint8Array | undefined> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    return vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, file)).then(
      (b) => b,
      () => undefined,
    );
  }

  async writeFile(file: string, content: string | undefined): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('no workspace folder');
    const uri = vscode.Uri.joinPath(folder.uri, file);
    if (content === undefined) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    else await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
  }

  async problemFiles(): Promise<string[]> {
    return vscode.languages
      .getDiagnostics()
      .filter(([, d]) => d.length > 0)
      .map(([uri]) => uri.path.split('/').pop() ?? '');
  }

  async capture(): Promise<void> {
    /* screenshots come from the code-server run */
  }

  async closeAll(): Promise<void> {
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isDirty) continue;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }
}
