/** The active resolution draft: the editor that shows it, and the status bar items that follow it. */
import * as vscode from 'vscode';

/** The active editor when it shows a resolution draft; otherwise says what to open and gives undefined. */
export function activeDraft(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'resolution') {
    void vscode.window.showInformationMessage('Open a resolution draft (.res.md, .resolution.md or .resolution) first.');
    return undefined;
  }
  return editor;
}

/**
 * A status bar item that shows what the server says of the active draft: updated when the active
 * editor changes and (debounced, by the subclass's events) when the draft does; an answer that
 * arrives after a newer question is dropped.
 */
export abstract class ActiveDraftItem implements vscode.Disposable {
  protected readonly item: vscode.StatusBarItem;
  protected readonly subs: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private seq = 0;

  constructor(id: string, name: string, command: string, priority: number) {
    this.item = vscode.window.createStatusBarItem(id, vscode.StatusBarAlignment.Left, priority);
    this.item.name = name;
    this.item.command = command;
    this.subs.push(vscode.window.onDidChangeActiveTextEditor(() => void this.update()));
  }

  abstract update(): Promise<void>;

  protected schedule(ms: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), ms);
  }

  /** The server's answer (null when asking failed), or undefined when a newer question was asked meanwhile. */
  protected async latest<T>(ask: () => Promise<T>): Promise<{ answer: T | null } | undefined> {
    const mine = ++this.seq;
    let answer: T | null;
    try {
      answer = await ask();
    } catch {
      answer = null;
    }
    return mine === this.seq ? { answer } : undefined;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subs) s.dispose();
    this.item.dispose();
  }
}
