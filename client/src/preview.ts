/**
 * The preview: the draft laid out as the UN issues it, in a webview beside the editor. It follows
 * the draft as it is edited and scrolls to the paragraph at the cursor.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
// The UN layout's CSS belongs to the core renderer; the client only hands it to the webview.
import { PREVIEW_CSS } from '../../server/src/core/render/html';
import { PreviewRequest, type PreviewResult } from '../../server/src/protocol';

const LANGUAGE_ID = 'resolution';
const VIEW_TYPE = 'resolution.preview';

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

export class DraftPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly lc: LanguageClient) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && e.document === this.document) this.schedule();
      }),
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (this.panel && e.textEditor.document === this.document) this.reveal(e.selections[0].active.line);
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor && editor.document.languageId === LANGUAGE_ID && editor.document !== this.document) {
          this.document = editor.document;
          this.schedule(0);
        }
      }),
    );
  }

  /** Opens (or shows) the preview of the active draft beside it. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      void vscode.window.showInformationMessage('Open a draft resolution (.res.md) to preview it.');
      return;
    }
    this.document = editor.document;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        VIEW_TYPE,
        'Preview',
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        {
          enableScripts: true,
          localResourceRoots: [],
        },
      );
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.subscriptions);
      this.panel.webview.onDidReceiveMessage(
        (m: { type: string; line: number }) => {
          if (m.type === 'open' && this.document) {
            const pos = new vscode.Position(m.line, 0);
            void vscode.window.showTextDocument(this.document, {
              selection: new vscode.Range(pos, pos),
              viewColumn: vscode.ViewColumn.One,
            });
          }
        },
        null,
        this.subscriptions,
      );
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.render();
  }

  private schedule(delay = 300): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.render(), delay);
  }

  private async render(): Promise<void> {
    const panel = this.panel;
    const doc = this.document;
    if (!panel || !doc) return;
    let result: PreviewResult | null = null;
    try {
      result = await this.lc.sendRequest(PreviewRequest, { uri: doc.uri.toString() });
    } catch (e) {
      result = { html: `<p>The preview could not be made: ${String((e as Error).message ?? e).replace(/</g, '&lt;')}</p>`, title: '' };
    }
    if (!result || panel !== this.panel) return;
    const name = doc.uri.path.split('/').pop() ?? 'draft';
    panel.title = `Preview ${name}`;
    const n = nonce();
    panel.webview.html = `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}';">
<style nonce="${n}">${PREVIEW_CSS}</style></head>
<body><main id="draft">${result.html}</main>
<script nonce="${n}">
const vscode = acquireVsCodeApi();
function reveal(line) {
  const blocks = [...document.querySelectorAll('[data-line]')];
  let best;
  for (const b of blocks) { if (Number(b.dataset.line) <= line) best = b; }
  for (const b of document.querySelectorAll('.current')) b.classList.remove('current');
  if (best) { best.classList.add('current'); best.scrollIntoView({ block: 'center' }); }
}
window.addEventListener('message', (e) => { if (e.data && e.data.type === 'reveal') reveal(e.data.line); });
document.addEventListener('dblclick', (e) => {
  const el = e.target.closest('[data-line]');
  if (el) vscode.postMessage({ type: 'open', line: Number(el.dataset.line) });
});
reveal(${this.cursorLine()});
</script></body></html>`;
  }

  /** The cursor's line in the previewed draft's editor (0 when it is not shown). */
  private cursorLine(): number {
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
    return editor ? editor.selection.active.line : 0;
  }

  private reveal(line: number): void {
    void this.panel?.webview.postMessage({ type: 'reveal', line });
  }

  dispose(): void {
    this.panel?.dispose();
    if (this.timer) clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
