/**
 * Precedent corpus in the language server: loads the corpus from the `resolution.corpus.*`
 * settings (and `.resolutionrc.json`), reports progress, reloads on settings changes and on
 * watched file changes (one file at a time), sets ctx.corpusFacts, and answers the custom
 * requests `resolution/precedents` and `resolution/reloadCorpus`.
 * Completion and hover (completion.ts, hover.ts) use the corpus through `corpusState`.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { Worker } from 'worker_threads';
import {
  DidChangeWatchedFilesNotification,
  Disposable,
  FileChangeType,
  InitializeParams,
  MessageType,
  Position,
  ServerCapabilities,
  RequestType,
  RequestType0,
  ShowMessageNotification,
  WatchKind,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, resolveConfig } from '../core/config';
import { combineBackends, PrecedentBackend } from '../core/precedent/backend';
import { Corpus, CorpusSources, LoadReport } from '../core/precedent/corpus';
import { corpusConfig, editCorpusPaths } from '../core/precedent/corpusConfig';
import {
  CORPUS_EDIT,
  CORPUS_SOURCES,
  CorpusEditParams,
  CorpusEditResult,
  CorpusSourcesResult,
  PARALLEL_TEXTS,
  ParallelTextsParams,
  ParallelTextsResult,
} from '../corpusProtocol';
import type { WorkerMessage } from '../corpusWorker';
import { PgCorpus } from '../core/precedent/pgBackend';
import { compare } from '../core/precedent/diff';
import { paragraphAt } from '../core/precedent/locate';
import { countOpenings, countOpeningsSliced, OpeningStats } from '../core/precedent/openings';
import type { Match, SearchOptions } from '../core/precedent/types';
import type { ServerContext } from '../server';

export interface PrecedentSettings {
  paths: string[];
  builtin: boolean;
  includeWorkspace: boolean;
  maxCompletions: number;
  minScore: number;
}

export const DEFAULTS: PrecedentSettings = { paths: [], builtin: true, includeWorkspace: false, maxCompletions: 5, minScore: 0.3 };

/** The loaded corpus, shared with completion and hover. */
export const corpusState: {
  corpus?: Corpus;
  openings?: OpeningStats;
  settings: PrecedentSettings;
  /** Resolves when the current load has finished. */
  ready?: Promise<LoadReport>;
  ensure?: () => Promise<void>;
  /** While a load runs: how far it is (files). The corpus answering meanwhile may be partial. */
  loading?: { done: number; total: number };
} = { settings: DEFAULTS };

/** A line for hovers while the corpus loads: the precedents shown may be incomplete. */
export function loadingNote(): string | undefined {
  const l = corpusState.loading;
  if (!l) return undefined;
  const where = l.total ? ` (${l.done} of ${l.total} files)` : '';
  return `*The precedent corpus is still loading${where}: these results may be incomplete.*`;
}

/**
 * The corpus, loading it if nothing started it yet. When a corpus is already there (even one being
 * replaced by a load in progress) it answers at once; otherwise waits at most `waitMs` for the
 * first one (typing never waits long).
 */
export async function getCorpus(waitMs = 2000, complete = false): Promise<Corpus | undefined> {
  const ensured = corpusState.ensure?.();
  if (corpusState.corpus && !complete) return corpusState.corpus;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([Promise.all([ensured, corpusState.ready?.catch(() => undefined)]), timeout]);
  if (timer) clearTimeout(timer);
  return corpusState.corpus;
}

/** The corpus database beside the embedded corpus (`resolution.corpus.database`), when one is set. */
const shared: { backend?: PrecedentBackend } = {};

/** Precedent search over the embedded corpus and, when one is set, the corpus database (merged). */
export async function precedentSearch(corpus: Corpus, op: 'search' | 'prefix', text: string, options: SearchOptions): Promise<Match[]> {
  return shared.backend ? shared.backend[op](text, options) : corpus[op](text, options);
}

/** File system path of a document URI, if it is a file. */
export function uriPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** "A/RES/75/311, op. 6 · 2021" */
export function sourceLabel(m: Match, full = false): string {
  const s = m.source;
  const where =
    s.kind === 'operative'
      ? s.paragraph
        ? `op. ${s.paragraph}`
        : 'op.'
      : s.kind === 'preambular'
        ? `pp. ${s.paragraph}`
        : s.kind === 'subparagraph'
          ? `para. ${s.paragraph}`
          : 'text';
  const year = s.date ? (full ? s.date : /\d{4}/.exec(s.date)?.[0]) : undefined;
  return `${s.symbol}, ${where}${year ? ` · ${year}` : ''}`;
}

/**
 * The corpus settings: the `resolution` settings section overlaid with the `.resolutionrc.json`
 * files above the workspace folder (nearest wins; see core/config). Relative corpus paths are
 * read from the nearest configuration file's folder, else the workspace folder.
 */
export function resolveSettings(s: unknown, workspaceDir: string | undefined): PrecedentSettings {
  const { config } = resolveConfig(s ?? {}, workspaceDir ? path.join(workspaceDir, CONFIG_FILE_NAME) : undefined);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    // The project's `.resolutionrc.json` sources and the VS Code setting's, together (corpusConfig.ts).
    paths: corpusConfig(s, workspaceDir).paths,
    builtin: config.corpus.builtin !== false,
    includeWorkspace: config.corpus.includeWorkspace === true,
    maxCompletions: Math.max(1, Math.min(50, num(config.precedent.maxCompletions, DEFAULTS.maxCompletions))),
    minScore: Math.max(0, Math.min(1, num(config.precedent.minScore, DEFAULTS.minScore))),
  };
}

const WORKSPACE_EXT = /\.(res\.md|resolution\.md|resolution)$/i;

function workspaceFiles(dirs: string[], max = 5000): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (out.length >= max || depth > 12) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'out') continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full, depth + 1);
      else if (WORKSPACE_EXT.test(e.name)) out.push(full);
    }
  };
  for (const d of dirs) walk(d, 0);
  return out;
}

/** Where the parsed corpus is cached: the extension's global storage, given at initialize. */
let cacheDir: string | undefined;

/** False in an untrusted workspace (Restricted Mode): the project's `.resolutionrc.json` sources are not read. */
let trusted = true;

export function capabilities(params: InitializeParams): Partial<ServerCapabilities> {
  const opts = params.initializationOptions as { storagePath?: string; corpusCache?: string | false; trusted?: boolean } | undefined;
  trusted = opts?.trusted !== false;
  if (opts?.corpusCache === false) cacheDir = undefined;
  else if (typeof opts?.corpusCache === 'string') cacheDir = opts.corpusCache;
  else if (typeof opts?.storagePath === 'string') cacheDir = path.join(opts.storagePath, 'corpus-cache');
  return {};
}

let tempCache: string | undefined;
/** Without a storage folder (a client that gives none): a temporary cache, removed at exit. */
function temporaryCacheDir(): string {
  if (!tempCache) {
    tempCache = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-corpus-'));
    const dir = tempCache;
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  }
  return tempCache;
}

/** The worker script, beside the server (bundled: dist/corpusWorker.js; compiled: out/server/src/corpusWorker.js). */
function workerScript(): string | undefined {
  for (const c of [path.join(__dirname, 'corpusWorker.js'), path.join(__dirname, '..', 'corpusWorker.js')]) if (fs.existsSync(c)) return c;
  return undefined;
}

/**
 * Reads and parses the corpus files into the cache in a worker thread (off the request thread);
 * resolves when done, false when there is no worker or it failed (then the load parses in-thread,
 * time-sliced). `cancelled` terminates it.
 */
function parseInWorker(
  sources: CorpusSources,
  dir: string,
  onProgress: (done: number, total: number) => void,
  cancelled: () => boolean,
  log: (m: string) => void,
): Promise<boolean> {
  const script = workerScript();
  if (!script) return Promise.resolve(false);
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: { corpusWorker: true, sources, cacheDir: dir } });
    } catch (e) {
      log(`Precedent corpus: no worker thread (${String(e)}); loading in the server thread.`);
      resolve(false);
      return;
    }
    let settled = false;
    const finish = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      void worker.terminate();
      resolve(ok);
    };
    const poll = setInterval(() => cancelled() && finish(false), 100);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'done') finish(true);
      else if (m.type === 'error') {
        log(`Precedent corpus worker failed: ${m.message}`);
        finish(false);
      }
    });
    worker.on('error', (e) => {
      log(`Precedent corpus worker failed: ${String(e)}`);
      finish(false);
    });
    worker.on('exit', () => finish(false));
  });
}

export function register(ctx: ServerContext): void {
  const { connection } = ctx;
  let generation = 0;
  let started = false;
  let watcherRegistered = false;
  let watcher: Disposable | undefined;

  const workspaceDirs = () =>
    ctx
      .workspaceFolders()
      .map(uriPath)
      .filter((p): p is string => !!p);

  const publish = (corpus: Corpus, settings: PrecedentSettings) => {
    corpusState.corpus = corpus;
    corpusState.settings = settings;
    ctx.corpusFacts = corpus;
    // counted a slice at a time (a large corpus would hold up requests); the previous counts serve meanwhile
    void countOpeningsSliced(corpus.index).then((openings) => {
      if (corpusState.corpus === corpus) corpusState.openings = openings;
    });
  };

  const load = async (): Promise<LoadReport> => {
    const gen = ++generation;
    const dirs = workspaceDirs();
    const raw = await ctx.settings(dirs[0] ? pathToFileURL(dirs[0]).toString() : '');
    const settings = resolveSettings(raw, dirs[0]);
    // Restricted Mode: only the sources of the (user) setting, never those a workspace file names,
    // and no corpus database.
    if (!trusted) settings.paths = corpusConfig(raw, undefined).settingPaths;
    const db = typeof raw?.corpus?.database === 'string' ? raw.corpus.database.trim() : '';
    useDatabase(trusted ? db : '', database.password);
    const sources: CorpusSources = { builtin: settings.builtin, paths: settings.paths };
    if (settings.includeWorkspace) sources.files = workspaceFiles(dirs);
    const cancelled = () => gen !== generation;
    corpusState.loading = { done: 0, total: 0 };
    const progress = ctx.clientCapabilities.window?.workDoneProgress
      ? await connection.window.createWorkDoneProgress().catch(() => undefined)
      : undefined;
    progress?.begin('Loading precedent corpus', 0, undefined, false);
    const onProgress = (done: number, total: number) => {
      if (cancelled()) return;
      corpusState.loading = { done, total };
      progress?.report(total ? Math.round((done / total) * 100) : 0, `${done}/${total} files`);
    };
    const t0 = Date.now();
    const dir = cacheDir ?? temporaryCacheDir();
    // A restart with nothing changed: the saved index, read in milliseconds.
    let corpus = new Corpus();
    let report = await corpus.loadIfFresh(sources, dir);
    let how = 'the saved index';
    if (!report && !cancelled()) {
      if (!corpusState.corpus && settings.builtin && settings.paths.length) {
        // The built-in seeds answer at once while the larger sources load.
        const seeds = new Corpus();
        await seeds.load({ builtin: true });
        if (cancelled()) {
          progress?.done();
          return seeds.report();
        }
        publish(seeds, settings);
      }
      // Otherwise the files are read, parsed and indexed in a worker thread, which saves the index;
      // this thread then reads the saved index (and re-reads alone any file changed meanwhile).
      const inWorker =
        settings.paths.length || settings.includeWorkspace ? await parseInWorker(sources, dir, onProgress, cancelled, ctx.log) : false;
      if (cancelled()) {
        progress?.done();
        return { files: 0, paragraphs: 0, skipped: [] };
      }
      how = inWorker ? 'read and indexed in a worker thread' : 'read and indexed in the server thread';
      corpus = new Corpus();
      report = await corpus.load(sources, {
        isCancelled: cancelled,
        cacheDir: dir,
        onProgress: (p) => (inWorker ? undefined : onProgress(p.done, p.total)),
      });
    }
    progress?.done();
    if (!report || cancelled()) return report ?? { files: 0, paragraphs: 0, skipped: [] }; // a newer load replaced this one
    corpusState.loading = undefined;
    publish(corpus, settings);
    ctx.log(
      `Precedent corpus: ${report.files} file(s), ${report.paragraphs} paragraph(s)${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}` +
        ` in ${Date.now() - t0} ms (${how}).`,
    );
    for (const s of report.skipped) ctx.log(`Precedent corpus: skipped ${s.path}: ${s.reason}`);
    if (report.skipped.length) {
      const names = report.skipped
        .slice(0, 3)
        .map((s) => `${path.basename(s.path)} (${s.reason})`)
        .join('; ');
      // A notification: the user need not answer, and nothing waits for a reply.
      void connection
        .sendNotification(ShowMessageNotification.type, {
          type: MessageType.Warning,
          message: `Precedent corpus: skipped ${report.skipped.length} file(s): ${names}${report.skipped.length > 3 ? '; …' : ''}`,
        })
        .catch(() => undefined);
    }
    await registerWatcher(settings);
    void connection.sendNotification('resolution/corpusChanged', {}).catch(() => undefined);
    ctx.revalidate();
    return report;
  };

  const start = (): Promise<LoadReport> => {
    started = true;
    const p = load().catch((err) => {
      corpusState.loading = undefined;
      ctx.log(`Precedent corpus failed to load: ${err?.stack ?? err}`);
      void connection
        .sendNotification(ShowMessageNotification.type, {
          type: MessageType.Error,
          message: `Precedent corpus failed to load: ${err?.message ?? err}`,
        })
        .catch(() => undefined);
      return { files: 0, paragraphs: 0, skipped: [] } as LoadReport;
    });
    corpusState.ready = p;
    return p;
  };
  corpusState.ensure = async () => {
    if (!started) await start();
    else await corpusState.ready;
  };

  const registerWatcher = async (settings: PrecedentSettings) => {
    if (watcherRegistered || !ctx.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    watcherRegistered = true;
    const pattern = '**/*.{xml,md,txt,resolution,jsonl,zip}';
    const kind = WatchKind.Create | WatchKind.Change | WatchKind.Delete;
    const watchers = [
      ...settings.paths.map((p) => {
        // A folder: everything in it; a single file or archive: that file.
        const isDir = (() => {
          try {
            return fs.statSync(p).isDirectory();
          } catch {
            return !path.extname(p);
          }
        })();
        const globPattern = isDir
          ? { baseUri: pathToFileURL(p).toString(), pattern }
          : { baseUri: pathToFileURL(path.dirname(p)).toString(), pattern: path.basename(p) };
        return { globPattern, kind };
      }),
      ...(settings.includeWorkspace ? [{ globPattern: '**/*.{res.md,resolution.md,resolution}' }] : []),
    ];
    // Replace the previous registration (the folders may have changed with the settings).
    watcher?.dispose();
    watcher = undefined;
    if (watchers.length)
      watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  };

  ctx.documents.onDidOpen(() => {
    if (!started) void start();
  });
  ctx.onSettingsChanged(() => {
    watcherRegistered = false;
    if (started) void start();
  });

  ctx.onWatchedFilesChanged(async (params) => {
    const corpus = corpusState.corpus;
    if (!corpus) return;
    let changed = false;
    for (const c of params.changes) {
      const file = uriPath(c.uri);
      if (!file) continue;
      if (file.endsWith('.jsonl')) {
        void start(); // metadata changed: reload everything
        return;
      }
      if (c.type === FileChangeType.Created && corpusState.settings.includeWorkspace && WORKSPACE_EXT.test(file)) {
        // a new workspace resolution file joins the corpus
        corpus.includeFile(file);
      }
      try {
        changed = (await corpus.updateFile(file)) || changed;
      } catch (err) {
        ctx.log(`Precedent corpus: re-reading ${file} failed: ${err}`);
      }
    }
    if (changed) {
      corpusState.openings = countOpenings(corpus.index);
      ctx.revalidate();
    }
  });

  connection.onNotification('resolution/workspaceTrusted', () => {
    trusted = true;
    if (started) void start();
  });

  connection.onRequest('resolution/reloadCorpus', async () => {
    const report = await start();
    return { files: report.files, paragraphs: report.paragraphs, skipped: report.skipped };
  });

  // The shared corpus database (`resolution.corpus.database`, password from the client's secret
  // storage or PGPASSWORD): searched beside the embedded corpus; when it cannot be reached, the
  // user is told once and the embedded corpus answers alone until it comes back.
  const embedded: PrecedentBackend = {
    name: 'embedded corpus',
    search: async (text, o) => corpusState.corpus?.search(text, o) ?? [],
    prefix: async (text, o) => corpusState.corpus?.prefix(text, o) ?? [],
    lookup: async (text, o) => corpusState.corpus?.lookup(text, o) ?? [],
  };
  const database = { url: '', password: undefined as string | undefined, backend: embedded };
  const useDatabase = (url: string, password: string | undefined) => {
    if (url === database.url && password === database.password) return;
    void database.backend.close?.();
    database.url = url;
    database.password = password;
    database.backend = embedded;
    shared.backend = undefined;
    if (!url) return;
    if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(url) || /[?&]password=/i.test(url)) {
      const message =
        'resolution.corpus.database must not contain the password: use "Resolution: Set corpus database password" instead. The database is not used.';
      ctx.log(message);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }).catch(() => undefined);
      return;
    }
    const pg = new PgCorpus({ connectionString: url, password: password ?? process.env.PGPASSWORD });
    ctx.log(`Precedent corpus: also searching the ${pg.name}.`);
    database.backend = combineBackends([embedded, pg], {
      onError: (b, e) => {
        ctx.log(`Precedent corpus: ${e.message}`);
        void connection
          .sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: `Precedent corpus database unavailable: ${e.message}. Using the embedded corpus.`,
          })
          .catch(() => undefined);
      },
      onRecovered: (b) => ctx.log(`Precedent corpus: the ${b.name} answers again.`),
    });
    shared.backend = database.backend;
  };
  connection.onNotification('resolution/corpusDatabasePassword', (params: { password?: string }) => {
    const url = database.url;
    database.url = ''; // reconnect with the new password
    useDatabase(url, typeof params?.password === 'string' && params.password ? params.password : undefined);
  });

  connection.onRequest('resolution/precedents', async (params: { uri: string; position: Position; top?: number }, token) => {
    const document = ctx.documents.get(params?.uri);
    if (!document || !params.position) return null;
    const corpus = await getCorpus(60000, true);
    if (!corpus || token.isCancellationRequested) return null;
    const doc = ctx.parsed(document);
    const para = paragraphAt(doc, document.offsetAt(params.position));
    if (!para) return null;
    const matches = await database.backend.search(para.text, {
      top: Math.max(1, Math.min(50, params.top ?? 5)),
      minScore: corpusState.settings.minScore,
      excludePath: uriPath(params.uri),
      lang: doc.lang,
    });
    return {
      paragraph: { text: para.text, range: para.range, kind: para.kind, ...(para.number ? { number: para.number } : {}) },
      coverage: matches.length ? compare(para.text, matches[0].text).coverage : 0,
      matches: matches.map((m) => ({ score: m.score, text: m.text, source: m.source })),
    };
  });

  connection.onRequest(new RequestType0<CorpusSourcesResult, void>(CORPUS_SOURCES), async () => {
    corpusState.ensure?.().catch(() => undefined);
    const dirs = workspaceDirs();
    const raw = await ctx.settings(dirs[0] ? pathToFileURL(dirs[0]).toString() : '');
    const cfg = corpusConfig(raw, dirs[0]);
    const corpus = corpusState.corpus;
    const stats = corpus?.sourceStats() ?? [];
    // Sources configured but not loaded yet (a load in progress) are listed too.
    for (const p of cfg.paths) {
      if (!stats.some((s) => s.path === p)) {
        stats.push({
          path: p,
          kind: fs.existsSync(p) ? (fs.statSync(p).isDirectory() ? 'folder' : /\.zip$/i.test(p) ? 'archive' : 'file') : 'missing',
          files: 0,
          paragraphs: 0,
          languages: {},
          sessions: [],
          resolutions: 0,
          metadataFiles: 0,
          skipped: [],
          ignored: 0,
        });
      }
    }
    return {
      loading: !!corpusState.loading,
      ...(corpusState.loading ? { progress: corpusState.loading } : {}),
      sources: stats,
      ...(cfg.rcFile ? { rcFile: cfg.rcFile } : {}),
      rcPaths: cfg.rcPaths,
      settingPaths: cfg.settingPaths,
      paragraphs: corpus?.paragraphs ?? 0,
      languages: corpus?.languages() ?? [],
    };
  });

  connection.onRequest(new RequestType<CorpusEditParams, CorpusEditResult, void>(CORPUS_EDIT), async (params) => {
    const dirs = workspaceDirs();
    const raw = await ctx.settings(dirs[0] ? pathToFileURL(dirs[0]).toString() : '');
    const cfg = corpusConfig(raw, dirs[0]);
    const abs = path.resolve(dirs[0] ?? process.cwd(), params.path);
    // The project's file when there is one; removal from the file only when the file names it.
    if (!cfg.rcFile || (params.action === 'remove' && !cfg.rcPaths.includes(abs))) return { changed: false };
    try {
      const r = editCorpusPaths(cfg.rcFile, params.action, abs);
      if (r.changed) void start();
      return { file: r.file, changed: r.changed };
    } catch (e) {
      return { file: cfg.rcFile, changed: false, error: (e as Error).message };
    }
  });

  connection.onRequest(new RequestType<ParallelTextsParams, ParallelTextsResult, void>(PARALLEL_TEXTS), async (params, token) => {
    const document = ctx.documents.get(params?.uri);
    if (!document || !params.position) return { parallels: [], reason: 'no such document' };
    const corpus = await getCorpus(60000, true);
    if (!corpus || token.isCancellationRequested) return { parallels: [], reason: 'the precedent corpus is not loaded' };
    const para = paragraphAt(ctx.parsed(document), document.offsetAt(params.position));
    if (!para) return { parallels: [], reason: 'the cursor is not in a paragraph' };
    const lang = ctx.parsed(document).lang;
    const best = corpus.search(para.text, { top: 1, minScore: PARALLEL_MIN_SCORE, excludePath: uriPath(params.uri), lang })[0];
    if (!best) return { parallels: [], reason: 'this paragraph matches no corpus paragraph closely enough' };
    const s = best.source;
    return {
      match: { score: best.score, text: best.text, lang: s.lang ?? lang, symbol: s.symbol, paragraph: s.paragraph, kind: s.kind },
      parallels: corpus.parallel(best.id),
      ...(corpus.parallel(best.id).length ? {} : { reason: `the corpus holds ${s.symbol} in no other language` }),
    };
  });
}

/** How close a draft paragraph must be to a corpus paragraph to show that paragraph's other languages. */
export const PARALLEL_MIN_SCORE = 0.6;
