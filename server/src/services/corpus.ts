/**
 * The precedent corpus of the language server, held by the server context (`ctx.corpus`): loads
 * it from the `resolution.corpus.*` settings (and `.resolutionrc.json`) off the request thread,
 * reports progress, reloads on settings changes and on watched file changes (one file at a time),
 * and searches the corpus database beside it when one is set. Features ask it for the corpus
 * (`get`) or for what the language service needs (`access`); they keep no corpus state of their own.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Worker } from 'worker_threads';
import {
  DidChangeWatchedFilesNotification,
  Disposable,
  DidChangeWatchedFilesParams,
  FileChangeType,
  InitializeParams,
  MessageType,
  ShowMessageNotification,
  WatchKind,
} from 'vscode-languageserver/node';
import { combineBackends, type PrecedentBackend } from '../core/precedent/backend';
import { Corpus, type CorpusHandover, type CorpusSources, type LoadReport } from '../core/precedent/corpus';
import { corpusConfig } from '../core/precedent/corpusConfig';
import { countOpenings, countOpeningsSliced, type OpeningStats } from '../core/precedent/openings';
import type { Match, SearchOptions } from '../core/precedent/types';
import { DEFAULTS, resolveSettings, type PrecedentAccess, type PrecedentSettings } from '../core/service/precedent';
import { uriToPath } from '../core/uri';
import { readLastSources } from '../core/precedent/cache';
import type { WorkerInput, WorkerMessage, WorkerRequest } from '../corpusWorker';
import { CorpusChangedNotification } from '../protocol';
import type { ServerContext } from '../server';

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

/** The worker script, beside the server (bundled: dist/corpusWorker.js; compiled: out/server/src/corpusWorker.js). */
function workerScript(): string | undefined {
  for (const c of [path.join(__dirname, 'corpusWorker.js'), path.join(__dirname, '..', 'corpusWorker.js')]) if (fs.existsSync(c)) return c;
  return undefined;
}

/** A corpus worker thread, started before it is given its sources (see corpusWorker.ts). */
interface CorpusWorker {
  worker: Worker;
  /** What it was started on at once (the sources of the last start): it loads them before it is asked. */
  guess?: WorkerInput;
  /** Messages that came before a listener. */
  early: WorkerMessage[];
  failed?: string;
}

function spawnWorker(script: string, log: (m: string) => void, guess?: WorkerInput): CorpusWorker | undefined {
  try {
    // (stdout: its own stream, never the language server's stdio)
    const worker = new Worker(script, { workerData: { corpusWorker: true, ...guess }, stdout: true });
    const w: CorpusWorker = { worker, guess, early: [] };
    worker.unref();
    worker.on('error', (e) => (w.failed = String(e)));
    worker.on('message', (m: WorkerMessage) => w.early.push(m));
    return w;
  } catch (e) {
    log(`Precedent corpus: no worker thread (${String(e)}); loading in the server thread.`);
    return undefined;
  }
}

function lastSources(cacheDir: string): WorkerInput | undefined {
  const sources = readLastSources(cacheDir);
  return sources ? { sources, cacheDir } : undefined;
}

function sameInput(a: WorkerInput, b: WorkerInput): boolean {
  return a.cacheDir === b.cacheDir && JSON.stringify(a.sources) === JSON.stringify(b.sources);
}

/** What a worker gave: the corpus to take over, whether it read every file, and how long it took. */
interface WorkerResult {
  handover: CorpusHandover;
  rebuilt: boolean;
  ms: number;
}

/**
 * Loads the corpus in a worker thread (off the request thread): it lists the sources, reads the
 * saved corpus or re-reads and indexes the files, saves the result, and hands the saved corpus over
 * by transfer. Resolves with it, or undefined when there is no worker or it failed (then the load
 * runs in this thread, time-sliced). `cancelled` terminates it; `onRebuild`: every file is read.
 */
function loadInWorker(
  w: CorpusWorker,
  input: WorkerRequest,
  onProgress: (done: number, total: number) => void,
  onRebuild: () => void,
  cancelled: () => boolean,
  log: (m: string) => void,
): Promise<WorkerResult | undefined> {
  const { worker } = w;
  worker.removeAllListeners('message');
  return new Promise((resolve) => {
    let settled = false;
    const finish = (r: WorkerResult | undefined) => {
      if (settled) return;
      settled = true;
      clearInterval(poll);
      void worker.terminate();
      resolve(r);
    };
    if (w.failed) {
      log(`Precedent corpus worker failed: ${w.failed}`);
      finish(undefined);
      return;
    }
    const poll = setInterval(() => cancelled() && finish(undefined), 100);
    const onMessage = (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'rebuild') onRebuild();
      else if (m.type === 'done') finish(m.handover ? { handover: m.handover, rebuilt: m.rebuilt, ms: m.ms } : undefined);
      else if (m.type === 'error') {
        log(`Precedent corpus worker failed: ${m.message}`);
        finish(undefined);
      }
    };
    worker.on('message', onMessage);
    worker.on('error', (e) => {
      log(`Precedent corpus worker failed: ${String(e)}`);
      finish(undefined);
    });
    worker.on('exit', () => finish(undefined));
    // (a worker started on the same sources is already loading them: what it said meanwhile first)
    if (!w.guess) worker.postMessage(input);
    for (const m of w.early.splice(0)) onMessage(m);
  });
}

const NOTHING: LoadReport = { files: 0, paragraphs: 0, skipped: [] };
/** How long the worker started at initialize waits for a first load before it ends. */
const SPARE_MS = 60_000;

/** The `resolution` settings section, as far as the corpus reads it. */
interface CorpusSettingsSection {
  corpus?: { database?: unknown };
}

export class CorpusService {
  /** The loaded corpus (possibly the built-in seeds while a larger load runs). */
  corpus: Corpus | undefined;
  openings: OpeningStats | undefined;
  settings: PrecedentSettings = DEFAULTS;
  /** While a load runs: how far it is (files). The corpus answering meanwhile may be partial. */
  loading: { done: number; total: number } | undefined;
  /** Resolves when the current load has finished. */
  private ready: Promise<LoadReport> | undefined;
  private started = false;
  private generation = 0;
  private watcherRegistered = false;
  private watcher: Disposable | undefined;
  /** Where the parsed corpus is cached: the extension's global storage, given at initialize. */
  private cacheDir: string | undefined;
  private tempCache: string | undefined;
  /** Requests waiting for a first corpus. */
  private published: Array<() => void> = [];
  /** A worker thread started at initialize for the first load. */
  private spare: CorpusWorker | undefined;
  /** False in an untrusted workspace (Restricted Mode): the project's `.resolutionrc.json` sources are not read. */
  private trusted = true;
  /** The shared corpus database (`resolution.corpus.database`) beside the embedded corpus, when one is set. */
  private readonly embedded: PrecedentBackend = {
    name: 'embedded corpus',
    search: async (text, o) => this.corpus?.search(text, o) ?? [],
    prefix: async (text, o) => this.corpus?.prefix(text, o) ?? [],
    lookup: async (text, o) => this.corpus?.lookup(text, o) ?? [],
  };
  private readonly database = { url: '', password: undefined as string | undefined, backend: this.embedded };

  constructor(private readonly ctx: ServerContext) {}

  /** The initialize options: the cache folder and whether the workspace is trusted. */
  initialize(params: InitializeParams): void {
    const opts = params.initializationOptions as { storagePath?: string; corpusCache?: string | false; trusted?: boolean } | undefined;
    this.trusted = opts?.trusted !== false;
    if (opts?.corpusCache === false) this.cacheDir = undefined;
    else if (typeof opts?.corpusCache === 'string') this.cacheDir = opts.corpusCache;
    else if (typeof opts?.storagePath === 'string') this.cacheDir = path.join(opts.storagePath, 'corpus-cache');
    // A restart: the worker starts now on the sources of the last start (in a trusted workspace),
    // so that its work overlaps the server's start and the settings round trip; the first load
    // takes it over when its sources are the same, and it ends unused after a while.
    const script = workerScript();
    const guess = script && this.trusted && this.cacheDir ? lastSources(this.cacheDir) : undefined;
    if (script && guess && !this.spare) {
      this.spare = spawnWorker(script, this.ctx.log, guess);
      const spare = this.spare;
      setTimeout(() => {
        if (this.spare !== spare) return;
        this.spare = undefined;
        void spare?.worker.terminate();
      }, SPARE_MS).unref();
    }
  }

  /** The worker started at initialize, if still unused; else a new one. */
  private takeWorker(input: WorkerInput): CorpusWorker | undefined {
    const spare = this.spare;
    this.spare = undefined;
    if (spare && !spare.failed && (!spare.guess || sameInput(spare.guess, input))) return spare;
    if (spare) void spare.worker.terminate();
    const script = workerScript();
    return script ? spawnWorker(script, this.ctx.log) : undefined;
  }

  /** Starts loading with the first open draft, reloads when the settings change. */
  listen(): void {
    this.ctx.documents.onDidOpen(() => {
      if (!this.started) void this.start();
    });
    this.ctx.onSettingsChanged(() => {
      this.watcherRegistered = false;
      if (this.started) void this.start();
    });
    this.ctx.onWatchedFilesChanged((params) => this.filesChanged(params));
  }

  /**
   * The corpus, loading it if nothing started it yet. When a corpus is already there (even one being
   * replaced by a load in progress) it answers at once; otherwise waits at most `waitMs` for the
   * first one (typing never waits long). `complete`: wait for the load in progress.
   */
  async get(waitMs = 2000, complete = false): Promise<Corpus | undefined> {
    const ensured = this.ensure();
    if (this.corpus && !complete) return this.corpus;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    // (without `complete`, the first corpus published ends the wait: the seeds while a large corpus loads)
    const first = complete ? [] : [new Promise<void>((resolve) => this.published.push(resolve))];
    await Promise.race([Promise.all([ensured, this.ready?.catch(() => undefined)]), timeout, ...first]);
    if (timer) clearTimeout(timer);
    return this.corpus;
  }

  /** What the language service needs of the corpus (core/service), once there is one. */
  async access(waitMs = 2000, complete = false): Promise<PrecedentAccess | undefined> {
    const corpus = await this.get(waitMs, complete);
    if (!corpus) return undefined;
    return {
      corpus,
      search: (op, text, options) => this.search(corpus, op, text, options),
      settings: this.settings,
      openings: this.openings,
      loading: this.loading,
    };
  }

  /** Precedent search over the embedded corpus and, when one is set, the corpus database (merged). */
  search(corpus: Corpus, op: 'search' | 'prefix', text: string, options: SearchOptions): Promise<Match[]> {
    const backend = this.database.backend;
    return backend !== this.embedded ? backend[op](text, options) : Promise.resolve(corpus[op](text, options));
  }

  /** Loads the corpus now (again), answering when it is loaded. */
  reload(): Promise<LoadReport> {
    return this.start();
  }

  /** The user trusted the workspace: its sources may now be read. */
  trust(): void {
    this.trusted = true;
    if (this.started) void this.start();
  }

  /** The corpus database's password (from the client's secret storage): reconnects with it. */
  setDatabasePassword(password: string | undefined): void {
    const url = this.database.url;
    this.database.url = ''; // reconnect with the new password
    void this.useDatabase(url, password || undefined);
  }

  /** The workspace folders that are on disk. */
  workspaceDirs(): string[] {
    return this.ctx
      .workspaceFolders()
      .map(uriToPath)
      .filter((p): p is string => !!p);
  }

  /** The `resolution` settings of the first workspace folder (the corpus is the workspace's). */
  async rawSettings(): Promise<unknown> {
    const dirs = this.workspaceDirs();
    return this.ctx.settings(dirs[0] ? pathToFileURL(dirs[0]).toString() : '');
  }

  /** Starts the first load if nothing started it; resolves when the load in progress has finished. */
  ensure(): Promise<void> {
    if (!this.started) return this.start().then(() => undefined);
    return Promise.resolve(this.ready).then(() => undefined);
  }

  private publish(corpus: Corpus, settings: PrecedentSettings): void {
    this.corpus = corpus;
    this.settings = settings;
    for (const resolve of this.published.splice(0)) resolve();
    // saved with the corpus, or else counted a slice at a time (a large corpus would hold up requests); the previous counts serve meanwhile
    const saved = corpus.savedOpenings;
    if (saved) {
      this.openings = saved;
      return;
    }
    void countOpeningsSliced(corpus.index).then((openings) => {
      if (this.corpus === corpus) this.openings = openings;
    });
  }

  /** Without a storage folder (a client that gives none): a temporary cache, removed at exit. */
  private temporaryCacheDir(): string {
    if (!this.tempCache) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-corpus-'));
      this.tempCache = dir;
      process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    return this.tempCache;
  }

  private start(): Promise<LoadReport> {
    this.started = true;
    const { connection } = this.ctx;
    const p = this.load().catch((err: Error) => {
      this.loading = undefined;
      this.ctx.log(`Precedent corpus failed to load: ${err?.stack ?? err}`);
      void connection
        .sendNotification(ShowMessageNotification.type, {
          type: MessageType.Error,
          message: `Precedent corpus failed to load: ${err?.message ?? err}`,
        })
        .catch(() => undefined);
      return NOTHING;
    });
    this.ready = p;
    return p;
  }

  private async load(): Promise<LoadReport> {
    const { ctx } = this;
    const { connection } = ctx;
    const gen = ++this.generation;
    const dirs = this.workspaceDirs();
    const raw = (await this.rawSettings()) as CorpusSettingsSection | undefined;
    const settings = resolveSettings(raw, dirs[0]);
    // Restricted Mode: only the sources of the (user) setting, never those a workspace file names,
    // and no corpus database.
    if (!this.trusted) settings.paths = corpusConfig(raw, undefined).settingPaths;
    const db = typeof raw?.corpus?.database === 'string' ? raw.corpus.database.trim() : '';
    await this.useDatabase(this.trusted ? db : '', this.database.password);
    const sources: CorpusSources = { builtin: settings.builtin, paths: settings.paths };
    if (settings.includeWorkspace) sources.files = workspaceFiles(dirs);
    const cancelled = () => gen !== this.generation;
    this.loading = { done: 0, total: 0 };
    const progress = ctx.clientCapabilities.window?.workDoneProgress
      ? await connection.window.createWorkDoneProgress().catch(() => undefined)
      : undefined;
    progress?.begin('Loading precedent corpus', 0, undefined, false);
    const onProgress = (done: number, total: number) => {
      if (cancelled()) return;
      this.loading = { done, total };
      progress?.report(total ? Math.round((done / total) * 100) : 0, `${done}/${total} files`);
    };
    const t0 = Date.now();
    const dir = this.cacheDir ?? this.temporaryCacheDir();
    // The seeds answer at once while the larger sources are read (a first start, or the saved corpus unusable).
    const seedsMeanwhile = async () => {
      if (this.corpus || !settings.builtin || !settings.paths.length) return;
      const seeds = new Corpus();
      // (saved too: a later start reads them back in milliseconds)
      await seeds.load({ builtin: true }, { cacheDir: dir });
      if (!cancelled() && !this.corpus) this.publish(seeds, settings);
    };
    let corpus = new Corpus();
    let report: LoadReport | undefined;
    let how = 'read and indexed in the server thread';
    // Folders or workspace files: everything that reads files runs in a worker thread, which hands
    // the saved corpus over; this thread takes it over a slice at a time.
    const worker = settings.paths.length || settings.includeWorkspace ? this.takeWorker({ sources, cacheDir: dir }) : undefined;
    if (worker) {
      const got = await loadInWorker(
        worker,
        { type: 'load', sources, cacheDir: dir },
        onProgress,
        () => void seedsMeanwhile(),
        cancelled,
        ctx.log,
      );
      if (cancelled()) {
        progress?.done();
        return NOTHING;
      }
      if (got) {
        const t1 = Date.now();
        report = await corpus.adopt(got.handover, { cacheDir: dir, isCancelled: cancelled });
        const early = worker.guess ? ', started at initialize on the sources of the last start' : '';
        how =
          `${got.rebuilt ? 'read and indexed' : 'the saved index'} in a worker thread${early}: ${got.ms} ms there, taken over in ` +
          `${Date.now() - t1} ms`;
      }
    }
    if (!report && !cancelled()) {
      await seedsMeanwhile();
      corpus = new Corpus();
      report = await corpus.load(sources, { isCancelled: cancelled, cacheDir: dir, onProgress: (p) => onProgress(p.done, p.total) });
    }
    progress?.done();
    if (!report || cancelled()) return report ?? NOTHING; // a newer load replaced this one
    this.loading = undefined;
    this.publish(corpus, settings);
    ctx.log(
      `Precedent corpus: ${report.files} file(s), ${report.paragraphs} paragraph(s)${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}` +
        ` in ${Date.now() - t0} ms (${how})` +
        `${report.cached !== undefined ? `; ${report.cached} file(s) from the cache, ${Math.max(0, report.files + report.skipped.length - report.cached)} read` : ''}.`,
    );
    for (const s of report.skipped) ctx.log(`Precedent corpus: skipped ${s.path}: ${s.reason}`);
    for (const n of report.notes ?? []) ctx.log(`Precedent corpus cache: ${n}`);
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
    void connection.sendNotification(CorpusChangedNotification, {}).catch(() => undefined);
    ctx.revalidate();
    await this.registerWatcher(settings);
    return report;
  }

  private async registerWatcher(settings: PrecedentSettings): Promise<void> {
    if (this.watcherRegistered || !this.ctx.clientCapabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration) return;
    this.watcherRegistered = true;
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
    this.watcher?.dispose();
    this.watcher = undefined;
    if (watchers.length)
      this.watcher = await this.ctx.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
  }

  private async filesChanged(params: DidChangeWatchedFilesParams): Promise<void> {
    const corpus = this.corpus;
    if (!corpus) return;
    let changed = false;
    for (const c of params.changes) {
      const file = uriToPath(c.uri);
      if (!file) continue;
      if (file.endsWith('.jsonl')) {
        void this.start(); // metadata changed: reload everything
        return;
      }
      if (c.type === FileChangeType.Created && this.settings.includeWorkspace && WORKSPACE_EXT.test(file)) {
        // a new workspace resolution file joins the corpus
        corpus.includeFile(file);
      }
      try {
        changed = (await corpus.updateFile(file)) || changed;
      } catch (err) {
        this.ctx.log(`Precedent corpus: re-reading ${file} failed: ${err}`);
      }
    }
    if (changed) {
      this.openings = countOpenings(corpus.index);
      this.ctx.revalidate();
    }
  }

  // The shared corpus database (`resolution.corpus.database`, password from the client's secret
  // storage or PGPASSWORD): searched beside the embedded corpus; when it cannot be reached, the
  // user is told once and the embedded corpus answers alone until it comes back.
  private async useDatabase(url: string, password: string | undefined): Promise<void> {
    const { ctx, database } = this;
    if (url === database.url && password === database.password) return;
    void database.backend.close?.();
    database.url = url;
    database.password = password;
    database.backend = this.embedded;
    if (!url) return;
    if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(url) || /[?&]password=/i.test(url)) {
      const message =
        'resolution.corpus.database must not contain the password: use "Resolution: Set corpus database password" instead. The database is not used.';
      ctx.log(message);
      void ctx.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message }).catch(() => undefined);
      return;
    }
    // the database client is loaded only when a database is set (a quicker server start)
    const { PgCorpus } = await import('../core/precedent/pgBackend');
    if (database.url !== url || database.password !== password) return; // a newer setting meanwhile
    const pg = new PgCorpus({ connectionString: url, password: password ?? process.env.PGPASSWORD });
    ctx.log(`Precedent corpus: also searching the ${pg.name}.`);
    database.backend = combineBackends([this.embedded, pg], {
      onError: (b, e) => {
        ctx.log(`Precedent corpus: ${e.message}`);
        void ctx.connection
          .sendNotification(ShowMessageNotification.type, {
            type: MessageType.Warning,
            message: `Precedent corpus database unavailable: ${e.message}. Using the embedded corpus.`,
          })
          .catch(() => undefined);
      },
      onRecovered: (b) => ctx.log(`Precedent corpus: the ${b.name} answers again.`),
    });
  }
}
