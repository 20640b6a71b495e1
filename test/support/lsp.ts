/** Starts the built language server as a process and talks LSP to it over stdio. */
import * as cp from 'child_process';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createProtocolConnection,
  InitializeRequest,
  InitializedNotification,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ConfigurationRequest,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { ROOT } from './paths';

/** The server started by the tests: the compiled one, or another build (RESOLUTION_SERVER_JS=dist/server.js for the bundle). */
export const SERVER_JS = process.env.RESOLUTION_SERVER_JS
  ? path.resolve(ROOT, process.env.RESOLUTION_SERVER_JS)
  : path.join(ROOT, 'out', 'server', 'src', 'server.js');

export interface TestServer {
  connection: ProtocolConnection;
  process: cp.ChildProcess;
  /** Settings the server reads through workspace/configuration. */
  settings: Record<string, unknown>;
  /** Resolves with the next diagnostics published for `uri` (optionally for a given version). */
  diagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  /** Every diagnostics notification received so far, in order (also those handed to waiters). */
  allDiagnostics: PublishDiagnosticsParams[];
  open(uri: string, text: string, version?: number): void;
  change(uri: string, text: string, version: number): void;
  save(uri: string): void;
  stderr(): string;
  stop(): Promise<void>;
}

export function fileUri(p: string): string {
  return pathToFileURL(p).toString();
}

export async function startServer(
  options: {
    settings?: Record<string, unknown>;
    rootPath?: string;
    locale?: string;
    initializationOptions?: Record<string, unknown>;
    /** Called just before the initialize request is sent (benchmarks time from there). */
    onInitialize?: () => void;
    /** Further notification handlers, registered before the server starts talking. */
    notifications?: Record<string, (params: unknown) => void>;
  } = {},
): Promise<TestServer> {
  // RESOLUTION_SERVER_NODE_ARGS: Node options for the server process (profiling a benchmark: "--cpu-prof --cpu-prof-dir=/tmp/p").
  const nodeArgs = (process.env.RESOLUTION_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = cp.spawn(process.execPath, [...nodeArgs, SERVER_JS, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<{ uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }> = [];
  const settings: Record<string, unknown> = options.settings ?? {};
  const allDiagnostics: PublishDiagnosticsParams[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    allDiagnostics.push(p);
    const i = waiters.findIndex((w) => w.uri === p.uri && (w.version === undefined || w.version === p.version));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(p);
    else published.push(p);
  });
  connection.onRequest(ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'resolution' ? settings : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.onNotification('$/progress', () => undefined);
  for (const [method, handler] of Object.entries(options.notifications ?? {})) connection.onNotification(method, handler);
  connection.listen();
  const root = options.rootPath ?? ROOT;
  options.onInitialize?.();
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: fileUri(root),
    workspaceFolders: [{ uri: fileUri(root), name: path.basename(root) }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
        hover: { contentFormat: ['markdown', 'plaintext'] },
        codeAction: {
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll', 'source'] } },
          dataSupport: true,
        },
      },
      window: { workDoneProgress: true },
    },
    ...(options.locale || options.initializationOptions
      ? { initializationOptions: { ...(options.locale ? { locale: options.locale } : {}), ...options.initializationOptions } }
      : {}),
  });
  connection.sendNotification(InitializedNotification.type, {});
  return {
    connection,
    process: child,
    settings,
    allDiagnostics,
    diagnostics(uri, version, timeoutMs = 15000) {
      const i = published.findIndex((p) => p.uri === uri && (version === undefined || p.version === version));
      if (i >= 0) return Promise.resolve(published.splice(i, 1)[0]);
      return new Promise((resolve, reject) => {
        const waiter = { uri, version, resolve: (p: PublishDiagnosticsParams) => (clearTimeout(t), resolve(p)) };
        const t = setTimeout(() => {
          waiters.splice(waiters.indexOf(waiter), 1);
          reject(new Error(`no diagnostics for ${uri} v${version}; server stderr:\n${stderr}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    open(uri, text, version = 1) {
      connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'resolution', version, text } });
    },
    change(uri, text, version) {
      connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    save(uri) {
      connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    },
    stderr: () => stderr,
    async stop() {
      try {
        await Promise.race([connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
        connection.sendNotification(ExitNotification.type);
      } catch {
        /* already gone */
      }
      connection.dispose();
      if (child.exitCode === null) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(() => (child.kill('SIGKILL'), resolve()), 2000);
          child.once('exit', () => (clearTimeout(t), resolve()));
        });
      }
    },
  };
}
