/**
 * The password of the shared corpus database (`resolution.corpus.database`): kept in VS Code's
 * secret storage, never in settings, and handed to the language server at start and on change.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CorpusDatabasePasswordNotification } from '../../server/src/protocol';

const SECRET = 'resolution.corpus.databasePassword';

export function registerCorpusDatabase(context: vscode.ExtensionContext, lc: LanguageClient): void {
  const send = async () => {
    const password = (await context.secrets.get(SECRET)) ?? '';
    await lc.sendNotification(CorpusDatabasePasswordNotification, { password }).catch(() => undefined);
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('resolution.setCorpusDatabasePassword', async () => {
      const password = await vscode.window.showInputBox({
        title: 'Corpus database password',
        prompt: 'The password of the user named in resolution.corpus.database (kept in the secret storage; leave empty to remove it)',
        password: true,
        ignoreFocusOut: true,
      });
      if (password === undefined) return;
      if (password) await context.secrets.store(SECRET, password);
      else await context.secrets.delete(SECRET);
      void vscode.window.showInformationMessage(password ? 'Corpus database password saved.' : 'Corpus database password removed.');
    }),
    context.secrets.onDidChange((e) => {
      if (e.key === SECRET) void send();
    }),
  );
  if (lc.isRunning()) void send();
  else {
    const sub = lc.onDidChangeState(() => {
      if (lc.isRunning()) {
        sub.dispose();
        void send();
      }
    });
    context.subscriptions.push(sub);
  }
}
