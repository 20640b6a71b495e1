/**
 * The VS Code client: starts the language server over IPC, passes settings and file-watch events,
 * and adds the "Resolution" commands, the precedent views and the status bar item.
 */
import * as fs from 'fs';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { registerCorpusView } from './corpusView';
import { registerCorpusDatabase } from './corpusDatabase';
import { PrecedentDocuments } from './precedentView';
import { StatusItem } from './status';
import { NegotiationView, registerNegotiationCommands } from './negotiation';
import { DraftPreview } from './preview';
import { registerOfficeCommands } from './office';
import { WorkspaceTrustedNotification } from '../../server/src/protocol';

export const LANGUAGE_ID = 'resolution';

let client: LanguageClient | undefined;

/** The server module: the bundled one in a packaged extension, the compiled one in a checkout. */
export function serverModule(context: vscode.ExtensionContext): string {
  const candidates = ['dist/server.js', 'out/server/src/server.js'];
  for (const c of candidates) {
    const p = context.asAbsolutePath(c);
    if (fs.existsSync(p)) return p;
  }
  return context.asAbsolutePath(candidates[0]);
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: LanguageClient }> {
  const module = serverModule(context);
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const output = vscode.window.createOutputChannel('Resolution');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
      { language: LANGUAGE_ID, scheme: 'vscode-remote' },
    ],
    // Settings changes reach the server as didChangeConfiguration; `.resolutionrc.json` files as
    // watched-file events. Corpus folders (from settings or from a .resolutionrc.json, which only
    // the server resolves) are watched by the server itself through a dynamic registration.
    synchronize: {
      configurationSection: 'resolution',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.resolutionrc.json')],
    },
    outputChannel: output,
    initializationOptions: {
      extensionPath: context.extensionPath,
      // the findings' messages follow VS Code's display language (English, French, Spanish)
      locale: vscode.env.language,
      // The parsed corpus is cached here between sessions.
      storagePath: context.globalStorageUri.fsPath,
      // Restricted Mode: the server reads no corpus source a workspace file names.
      trusted: vscode.workspace.isTrusted,
    },
  };
  client = new LanguageClient('resolution', 'Resolution', serverOptions, clientOptions);
  const lc = client;

  const precedentDocs = new PrecedentDocuments();
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(PrecedentDocuments.scheme, precedentDocs), precedentDocs);

  const status = new StatusItem(lc);
  context.subscriptions.push(status);

  registerCommands(context, lc, precedentDocs);
  const corpusView = registerCorpusView(context, lc, precedentDocs);
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void lc.sendNotification(WorkspaceTrustedNotification)));
  registerCorpusDatabase(context, lc);
  const preview = new DraftPreview(lc);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('resolution.showPreview', () => preview.show()),
  );
  const baseStatus = registerOfficeCommands(context, lc);

  const negotiationView = new NegotiationView(lc);
  context.subscriptions.push(negotiationView);
  registerNegotiationCommands(context, lc, negotiationView);

  await lc.start();
  context.subscriptions.push({ dispose: () => void lc.stop() });
  status.update();
  corpusView.refresh();
  void baseStatus.update();
  void negotiationView.update();
  return { client: lc };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}
