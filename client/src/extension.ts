/**
 * The VS Code client: starts the language server over IPC, passes settings and file-watch events,
 * and adds the "Resolution" commands, the precedent views and the status bar item.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  DidChangeWatchedFilesNotification,
  ExecuteCommandRequest,
  FileChangeType,
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';
import { registerCommands } from './commands';
import { PrecedentDocuments } from './precedentView';
import { StatusItem } from './status';

export const LANGUAGE_ID = 'resolution';
export const CORPUS_GLOB = '**/*.{md,txt,xml,resolution}';

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
    synchronize: {
      configurationSection: 'resolution',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/.resolutionrc.json')],
    },
    outputChannel: output,
    initializationOptions: {
      extensionPath: context.extensionPath,
    },
  };
  client = new LanguageClient('resolution', 'Resolution', serverOptions, clientOptions);
  const lc = client;

  const precedentDocs = new PrecedentDocuments();
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(PrecedentDocuments.scheme, precedentDocs),
    precedentDocs,
  );

  const status = new StatusItem(lc);
  context.subscriptions.push(status);

  registerCommands(context, lc, precedentDocs);

  const corpusWatch = new CorpusWatchers(lc);
  context.subscriptions.push(corpusWatch);

  await lc.start();
  context.subscriptions.push({ dispose: () => void lc.stop() });
  corpusWatch.refresh();
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('resolution.corpus')) corpusWatch.refresh();
    }),
  );
  status.update();
  return { client: lc };
}

export async function deactivate(): Promise<void> {
  if (client) await client.stop();
  client = undefined;
}

/**
 * Watches the corpus folders named in `resolution.corpus.paths` (they may lie outside the
 * workspace) and forwards their changes to the server as watched-file events.
 */
class CorpusWatchers implements vscode.Disposable {
  private watchers: vscode.Disposable[] = [];
  constructor(private readonly lc: LanguageClient) {}

  refresh(): void {
    this.disposeWatchers();
    const cfg = vscode.workspace.getConfiguration('resolution');
    const paths = cfg.get<string[]>('corpus.paths') ?? [];
    for (const folder of resolveCorpusFolders(paths)) {
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), CORPUS_GLOB));
      const send = (type: FileChangeType) => (uri: vscode.Uri) => {
        void this.lc
          .sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uri.toString(), type }] })
          .catch(() => undefined);
      };
      this.watchers.push(
        w,
        w.onDidCreate(send(FileChangeType.Created)),
        w.onDidChange(send(FileChangeType.Changed)),
        w.onDidDelete(send(FileChangeType.Deleted)),
      );
    }
  }

  private disposeWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
  }

  dispose(): void {
    this.disposeWatchers();
  }
}

/** Corpus paths as absolute folders: relative ones are taken from each workspace folder. */
export function resolveCorpusFolders(paths: string[]): string[] {
  const out = new Set<string>();
  const roots = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath);
  for (const p of paths) {
    if (typeof p !== 'string' || !p.trim()) continue;
    const expanded = p.replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~');
    if (path.isAbsolute(expanded)) out.add(expanded);
    else for (const r of roots) out.add(path.resolve(r, expanded));
  }
  return [...out];
}

/** Runs one of the server's document commands on a document (the server applies the edit). */
export async function executeServerCommand(lc: LanguageClient, command: string, uri: vscode.Uri): Promise<unknown> {
  return lc.sendRequest(ExecuteCommandRequest.type, { command, arguments: [uri.toString()] });
}
