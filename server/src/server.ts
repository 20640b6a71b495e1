/**
 * The Resolution Drafting language server: a thin layer over the core.
 *
 * It keeps one parse per (uri, version), reads the `resolution` settings per resource, and hands
 * a small context to each feature module (server/src/features/*), which converts LSP requests to
 * core calls and back. Starts over IPC (from the VS Code client) or `--stdio`.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  InitializeParams,
  InitializeResult,
  ProposedFeatures,
  ServerCapabilities,
  TextDocuments,
  TextDocumentSyncKind,
  Connection,
  DidChangeWatchedFilesParams,
  NotificationHandler,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ParseOptions } from './core/parser';
import { parseOptionsOf } from './core/config';
import { messageLocale, type MessageLocale } from './core/messages';
import type { ResolutionDocument } from './core/model';
import type { CorpusFacts } from './core/findings';
import * as diagnostics from './features/diagnostics';
import * as symbols from './features/symbols';
import * as folding from './features/folding';
import * as codeActions from './features/codeActions';
import * as precedent from './features/precedent';
import * as completion from './features/completion';
import * as hover from './features/hover';
import * as links from './features/links';
import * as stats from './features/stats';
import * as workspaceCheck from './features/workspaceCheck';
import * as configWatch from './features/configWatch';
import * as preview from './features/preview';
import * as importFile from './features/importFile';
import * as office from './features/office';
import * as negotiationFeature from './features/negotiation';
import { guardConnection } from './guard';
import { ConfigService, type SettingsSection } from './services/config';
import { CorpusService } from './services/corpus';
import { DocumentService, type DocumentServiceSettings } from './services/documentService';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** Parse, check and fix-all of documents per (uri, version), large ones in worker threads, cancellable. */
  docs: DocumentService;
  /** The parsed model of a document, computed once per version (in the server's thread: `docs.parsed`). */
  parsed(document: TextDocument): ResolutionDocument;
  /** The parse options (language setting, extra phrases) of a document's configuration, once known. */
  useParseOptions(uri: string, options: ParseOptions): void;
  /** The language of the findings' messages: the client's display language (en, fr, es). */
  locale: MessageLocale;
  /** The `resolution` settings, per resource. */
  config: ConfigService;
  /** The precedent corpus (and the corpus database beside it). */
  readonly corpus: CorpusService;
  /** The `resolution` settings section for a resource (workspace/configuration), cached until changed: `config.settings`. */
  settings(uri: string): Promise<SettingsSection>;
  /** `config.onChanged`. */
  onSettingsChanged(listener: () => void): void;
  /** workspace/didChangeWatchedFiles, shared by every feature that watches files. */
  onWatchedFilesChanged(handler: NotificationHandler<DidChangeWatchedFilesParams>): void;
  /** Recompute diagnostics of one open document, or all (debounced by the diagnostics feature). */
  revalidate(uri?: string): void;
  /** What `revalidate` runs: the diagnostics feature registers it (no feature replaces a context method). */
  onRevalidate(handler: (uri?: string) => void): void;
  /** Facts from the precedent corpus, once it is loaded (`corpus.corpus`). */
  readonly corpusFacts: CorpusFacts | undefined;
  /** Writes to the server's output channel. */
  log(message: string): void;
  /** What the client said it supports. */
  clientCapabilities: InitializeParams['capabilities'];
  /** Workspace folders as URIs (from initialize, kept up to date). */
  workspaceFolders(): string[];
}

export interface Feature {
  /** Capabilities the feature adds to the server's initialize result. */
  capabilities?(params: InitializeParams): Partial<ServerCapabilities>;
  register(ctx: ServerContext): void;
}

/** Feature modules, one per LSP feature. */
const features: Feature[] = [
  diagnostics,
  symbols,
  folding,
  codeActions,
  precedent,
  completion,
  hover,
  links,
  stats,
  workspaceCheck,
  configWatch,
  preview,
  importFile,
  negotiationFeature,
  office,
];

export function startServer(raw: Connection): void {
  // Malformed requests are answered InvalidParams; a didOpen without text is ignored with a log line.
  const connection = guardConnection(raw, (m) => raw.console.log(m));
  const documents = new TextDocuments(TextDocument);
  const config = new ConfigService(
    connection,
    (m) => connection.console.log(m),
    () => ctx.revalidate(),
  );
  let corpus: CorpusService | undefined;
  let folders: string[] = [];

  const watchedFilesHandlers: Array<NotificationHandler<DidChangeWatchedFilesParams>> = [];
  const revalidators: Array<(uri?: string) => void> = [];
  const docs = new DocumentService({
    corpusFacts: () => ctx.corpusFacts,
    locale: () => ctx.locale,
    log: (message) => ctx.log(message),
    warn: (message) =>
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined),
    // the views of a draft and its check share one parse: both under the draft's configuration
    parseOptions: async (uri) => parseOptionsOf(await config.resolved(uri)),
  });
  const ctx: ServerContext = {
    connection,
    documents,
    docs,
    clientCapabilities: {},
    config,
    get corpus() {
      // made on first use: the service reads the context
      return (corpus ??= new CorpusService(ctx));
    },
    get corpusFacts() {
      return ctx.corpus.corpus;
    },
    locale: 'en',
    parsed: (document) => docs.parsed(document),
    useParseOptions: (uri, options) => docs.useParseOptions(uri, options),
    settings: (uri) => config.settings(uri),
    onSettingsChanged: (listener) => config.onChanged(listener),
    onWatchedFilesChanged(handler) {
      watchedFilesHandlers.push(handler);
    },
    revalidate(uri) {
      for (const r of revalidators) r(uri);
    },
    onRevalidate(handler) {
      revalidators.push(handler);
    },
    log(message) {
      connection.console.log(message);
    },
    workspaceFolders: () => folders,
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    ctx.clientCapabilities = params.capabilities;
    // `documents: {workers, threshold, workerHeapMb}`: how many worker threads check large drafts, from what size.
    docs.configure((params.initializationOptions as { documents?: Partial<DocumentServiceSettings> } | undefined)?.documents ?? {});
    ctx.locale = messageLocale((params.initializationOptions as { locale?: string } | undefined)?.locale ?? params.locale);
    config.initialize(params);
    ctx.corpus.initialize(params);
    folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
    let capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    };
    for (const f of features) {
      if (f.capabilities) capabilities = { ...capabilities, ...f.capabilities(params) };
    }
    if (params.capabilities.workspace?.workspaceFolders) {
      capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    }
    return { capabilities, serverInfo: { name: 'resolution-drafting' } };
  });

  connection.onInitialized(() => {
    if (config.canAsk) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'resolution' });
    }
    if (ctx.clientCapabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        folders = folders.filter((f) => !e.removed.some((r) => r.uri === f)).concat(e.added.map((a) => a.uri));
      });
    }
  });

  connection.onDidChangeConfiguration((change) => {
    config.changed(change);
    ctx.revalidate();
  });

  // A newer version gives up the work on older ones; a closed document's work is given up.
  documents.onDidChangeContent((e) => docs.supersede(e.document.uri, e.document.version));
  documents.onDidClose((e) => {
    docs.close(e.document.uri);
    config.forget(e.document.uri);
  });
  connection.onShutdown(() => docs.dispose());

  // Several features watch files (.resolutionrc.json, corpus folders), but a connection keeps only
  // one handler per notification: this one hands each event to all of them.
  connection.onDidChangeWatchedFiles((params) => {
    for (const handler of watchedFilesHandlers) {
      try {
        const r = handler(params) as unknown;
        if (r instanceof Promise) r.catch((err) => ctx.log(`watched-file handler failed: ${String(err)}`));
      } catch (err) {
        ctx.log(`watched-file handler failed: ${String(err)}`);
      }
    }
  });

  for (const f of features) f.register(ctx);

  documents.listen(connection);
  connection.listen();
}

if (require.main === module) {
  // `--stdio`, `--node-ipc` and `--socket=N` are understood by createConnection.
  startServer(createConnection(ProposedFeatures.all));
}
