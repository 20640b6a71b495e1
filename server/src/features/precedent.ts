/**
 * The precedent corpus's requests: `resolution/precedents`, `resolution/parallelTexts`,
 * `resolution/corpusSources`, `resolution/corpusEdit`, `resolution/reloadCorpus` and the
 * notifications `resolution/workspaceTrusted` and `resolution/corpusDatabasePassword`. The corpus
 * is the context's (services/corpus.ts); the answers are the language service's (core/service).
 */
import * as fs from 'fs';
import * as path from 'path';
import { corpusConfig, editCorpusPaths } from '../core/precedent/corpusConfig';
import type { SourceStats } from '../core/precedent/corpus';
import { parallelTextsOf, precedentsOf } from '../core/service/precedent';
import {
  CorpusDatabasePasswordNotification,
  CorpusEditRequest,
  CorpusSourcesRequest,
  ParallelTextsRequest,
  PrecedentsRequest,
  ReloadCorpusRequest,
  WorkspaceTrustedNotification,
  type CorpusSourcesResult,
} from '../protocol';
import type { ServerContext } from '../server';
import { uriToPath } from '../core/uri';
import { siteFor } from './site';

/** A source configured but not loaded yet (a load in progress), as the Corpus view lists it. */
function pendingSource(p: string): SourceStats {
  const kind = fs.existsSync(p) ? (fs.statSync(p).isDirectory() ? 'folder' : /\.zip$/i.test(p) ? 'archive' : 'file') : 'missing';
  return { path: p, kind, files: 0, paragraphs: 0, languages: {}, sessions: [], resolutions: 0, metadataFiles: 0, skipped: [], ignored: 0 };
}

async function corpusSources(ctx: ServerContext): Promise<CorpusSourcesResult> {
  const service = ctx.corpus;
  service.ensure().catch(() => undefined);
  const cfg = corpusConfig(await service.rawSettings(), service.workspaceDirs()[0]);
  const corpus = service.corpus;
  const stats = corpus?.sourceStats() ?? [];
  for (const p of cfg.paths) if (!stats.some((s) => s.path === p)) stats.push(pendingSource(p));
  return {
    loading: !!service.loading,
    ...(service.loading ? { progress: service.loading } : {}),
    sources: stats,
    ...(cfg.rcFile ? { rcFile: cfg.rcFile } : {}),
    rcPaths: cfg.rcPaths,
    settingPaths: cfg.settingPaths,
    paragraphs: corpus?.paragraphs ?? 0,
    languages: corpus?.languages() ?? [],
  };
}

export function register(ctx: ServerContext): void {
  const { connection } = ctx;
  ctx.corpus.listen();

  connection.onNotification(WorkspaceTrustedNotification, () => ctx.corpus.trust());
  connection.onNotification(CorpusDatabasePasswordNotification, (params) =>
    ctx.corpus.setDatabasePassword(typeof params?.password === 'string' ? params.password : undefined),
  );

  connection.onRequest(ReloadCorpusRequest, async () => {
    const report = await ctx.corpus.reload();
    return { files: report.files, paragraphs: report.paragraphs, skipped: report.skipped };
  });

  connection.onRequest(PrecedentsRequest, async (params, token) => {
    const document = ctx.documents.get(params?.uri);
    if (!document || !params.position) return null;
    const site = await siteFor(ctx, document, document.offsetAt(params.position), token);
    if (!site?.paragraph) return null;
    const access = await ctx.corpus.access(60000, true);
    if (!access || token.isCancellationRequested) return null;
    const found = await precedentsOf(access, site.paragraph, site.lang, params.top ?? 5, uriToPath(params.uri));
    const para = found.paragraph;
    return {
      paragraph: { text: para.text, range: para.range, kind: para.kind, ...(para.number ? { number: para.number } : {}) },
      coverage: found.coverage,
      matches: found.matches.map((m) => ({ score: m.score, text: m.text, source: m.source })),
    };
  });

  connection.onRequest(CorpusSourcesRequest, () => corpusSources(ctx));

  connection.onRequest(CorpusEditRequest, async (params) => {
    const dirs = ctx.corpus.workspaceDirs();
    const cfg = corpusConfig(await ctx.corpus.rawSettings(), dirs[0]);
    const abs = path.resolve(dirs[0] ?? process.cwd(), params.path);
    // The project's file when there is one; removal from the file only when the file names it.
    if (!cfg.rcFile || (params.action === 'remove' && !cfg.rcPaths.includes(abs))) return { changed: false };
    try {
      const r = editCorpusPaths(cfg.rcFile, params.action, abs);
      if (r.changed) void ctx.corpus.reload();
      return { file: r.file, changed: r.changed };
    } catch (e) {
      return { file: cfg.rcFile, changed: false, error: (e as Error).message };
    }
  });

  connection.onRequest(ParallelTextsRequest, async (params, token) => {
    const document = ctx.documents.get(params?.uri);
    if (!document || !params.position) return { parallels: [], reason: 'no such document' };
    const site = await siteFor(ctx, document, document.offsetAt(params.position), token);
    if (!site) return { parallels: [], reason: 'the draft could not be read' };
    const corpus = await ctx.corpus.get(60000, true);
    if (!corpus || token.isCancellationRequested) return { parallels: [], reason: 'the precedent corpus is not loaded' };
    return parallelTextsOf(corpus, site.paragraph, site.lang, uriToPath(params.uri));
  });
}
