/** Read-only virtual documents holding precedent text for the diff editor. */
import * as vscode from 'vscode';

export class PrecedentDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  static readonly scheme = 'resolution-precedent';
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  /** Stores `text` and returns a URI showing it under a readable name. */
  put(name: string, text: string): vscode.Uri {
    const id = String(++this.counter);
    const safe =
      name
        .replace(/[\\/#?%]+/g, '-')
        .replace(/\s+/g, ' ')
        .trim() || 'precedent';
    const uri = vscode.Uri.from({ scheme: PrecedentDocuments.scheme, path: `/${safe}.res.md`, query: id });
    this.contents.set(uri.toString(), text);
    this.changed.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
