/**
 * Precedent corpus in the language server: loads the corpus from the `resolution.corpus.*`
 * settings (and `.resolutionrc.json`), reports progress, reloads on settings changes and on
 * watched file changes (one file at a time), sets ctx.corpusFacts, and answers the custom
 * requests `resolution/precedents` and `resolution/reloadCorpus`.
 * Completion and hover (completion.ts, hover.ts) use the corpus through `corpusState`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import {
  DidChangeWatchedFilesNotification,
  Disposable,
  FileChangeType,
  InitializeParams,
  MessageType,
  Position,
  ServerCapabilities,
  ShowMessageNotification,
  WatchKind,
} from 'vscode-languageserver/node';
import { CONFIG_FILE_NAME, resolveConfig } from '../core/config';
import { Corpus, CorpusSources, LoadReport } from '../core/precedent/corpus';
import { compare } from '../core/precedent/diff';
import { paragraphAt } from '../core/precedent/locate';
import { countOpenings, OpeningStats } from '../core/precedent/openings';
import type { Match } from '../core/precedent/types';
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
} = { settings: DEFAULTS };

/**
 * The corpus, loading it if nothing started it yet. Waits at most `waitMs` for a load in
 * progress (then answers from the corpus loaded before, if any: typing never waits long).
 */
export async function getCorpus(waitMs = 2000): Promise<Corpus | undefined> {
  const ensured = corpusState.ensure?.();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([Promise.all([ensured, corpusState.ready?.catch(() => undefined)]), timeout]);
  if (timer) clearTimeout(timer);
  return corpusState.corpus;
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
    s.kind === 'operative' ? (s.paragraph ? `op. ${s.paragraph}` : 'op.') :
    s.kind === 'preambular' ? `pp. ${s.paragraph}` :
    s.kind === 'subparagraph' ? `para. ${s.paragraph}` : 'text';
  const year = s.date ? (full ? s.date : /\d{4}/.exec(s.date)?.[0]) : undefined;
  return `${s.symbol}, ${where}${year ? ` · ${year}` : ''}`;
}

/**
 * The corpus settings: the `resolution` settings section overlaid with the `.resolutionrc.json`
 * files above the workspace folder (nearest wins; see core/config). Relative corpus paths are
 * read from the nearest configuration file's folder, else the workspace folder.
 */
export function resolveSettings(s: any, workspaceDir: string | undefined): PrecedentSettings {
  const { config, files } = resolveConfig(s ?? {}, workspaceDir ? path.join(workspaceDir, CONFIG_FILE_NAME) : undefined);
  const base = files[0] ? path.dirname(files[0]) : workspaceDir ?? process.cwd();
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    paths: config.corpus.paths
      .filter((p) => p.trim() !== '')
      .map((p) => path.resolve(base, p.replace(/^~(?=$|\/)/, process.env.HOME ?? '~'))),
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

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return {};
}

export function register(ctx: ServerContext): void {
  const { connection } = ctx;
  let generation = 0;
  let started = false;
  let watcherRegistered = false;
  let watcher: Disposable | undefined;

  const workspaceDirs = () => ctx.workspaceFolders().map(uriPath).filter((p): p is string => !!p);

  const load = async (): Promise<LoadReport> => {
    const gen = ++generation;
    const dirs = workspaceDirs();
    const raw = await ctx.settings(dirs[0] ? pathToFileURL(dirs[0]).toString() : '');
    const settings = resolveSettings(raw, dirs[0]);
    const sources: CorpusSources = { builtin: settings.builtin, paths: settings.paths };
    if (settings.includeWorkspace) sources.files = workspaceFiles(dirs);
    const corpus = new Corpus();
    const progress = ctx.clientCapabilities.window?.workDoneProgress
      ? await connection.window.createWorkDoneProgress().catch(() => undefined)
      : undefined;
    progress?.begin('Loading precedent corpus', 0, undefined, false);
    const report = await corpus.load(sources, {
      isCancelled: () => gen !== generation,
      onProgress: (p) => progress?.report(p.total ? Math.round((p.done / p.total) * 100) : 0, `${p.done}/${p.total} files`),
    });
    progress?.done();
    if (gen !== generation) return report; // a newer load replaced this one
    corpusState.corpus = corpus;
    corpusState.openings = countOpenings(corpus.index);
    corpusState.settings = settings;
    ctx.corpusFacts = corpus;
    ctx.log(`Precedent corpus: ${report.files} file(s), ${report.paragraphs} paragraph(s)${report.skipped.length ? `, ${report.skipped.length} skipped` : ''}.`);
    for (const s of report.skipped) ctx.log(`Precedent corpus: skipped ${s.path}: ${s.reason}`);
    if (report.skipped.length) {
      const names = report.skipped.slice(0, 3).map((s) => `${path.basename(s.path)} (${s.reason})`).join('; ');
      // A notification: the user need not answer, and nothing waits for a reply.
      void connection
        .sendNotification(ShowMessageNotification.type, {
          type: MessageType.Warning,
          message: `Precedent corpus: skipped ${report.skipped.length} file(s): ${names}${report.skipped.length > 3 ? '; …' : ''}`,
        })
        .catch(() => undefined);
    }
    await registerWatcher(settings);
    ctx.revalidate();
    return report;
  };

  const start = (): Promise<LoadReport> => {
    started = true;
    const p = load().catch((err) => {
      ctx.log(`Precedent corpus failed to load: ${err?.stack ?? err}`);
      void connection
        .sendNotification(ShowMessageNotification.type, { type: MessageType.Error, message: `Precedent corpus failed to load: ${err?.message ?? err}` })
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
    const pattern = '**/*.{xml,md,txt,resolution,jsonl}';
    const watchers = [
      ...settings.paths.map((p) => ({ globPattern: { baseUri: pathToFileURL(p).toString(), pattern }, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
      ...(settings.includeWorkspace ? [{ globPattern: '**/*.{res.md,resolution.md,resolution}' }] : []),
    ];
    // Replace the previous registration (the folders may have changed with the settings).
    watcher?.dispose();
    watcher = undefined;
    if (watchers.length) watcher = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
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

  connection.onRequest('resolution/reloadCorpus', async () => {
    const report = await start();
    return { files: report.files, paragraphs: report.paragraphs, skipped: report.skipped };
  });

  connection.onRequest('resolution/precedents', async (params: { uri: string; position: Position; top?: number }, token) => {
    const document = ctx.documents.get(params?.uri);
    if (!document || !params.position) return null;
    const corpus = await getCorpus(60000);
    if (!corpus || token.isCancellationRequested) return null;
    const doc = ctx.parsed(document);
    const para = paragraphAt(doc, document.offsetAt(params.position));
    if (!para) return null;
    const matches = corpus.search(para.text, {
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
}
