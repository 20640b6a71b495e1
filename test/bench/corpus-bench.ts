/**
 * Corpus loading benchmark (prints figures; asserts nothing):
 *  1. in process: cold load of the English AKN corpus and of the six language corpora together,
 *     then a warm load from the persistent cache, and a warm load after one file changed;
 *  2. over the stdio server: hover and completion latency (p50/p95/p99/max) on a draft while the
 *     six-language corpus (2,000+ files) loads cold, against the same requests with the server idle
 *     (the baseline, same process); then a restart on the warm cache: time until the corpus is ready.
 *
 *   npm run build && node out/test/bench/corpus-bench.js [--quick] [--restart]
 *   (--quick: English corpus only; --restart: the restarts only — the English corpus in process is
 *   skipped, and the loads while the server is busy too)
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol/node';
import { Corpus } from '../../server/src/core/precedent/corpus';
import type { CorpusSourcesResult } from '../../server/src/protocol';
import { startServer, TestServer } from '../support/lsp';
import { sharedCorpusDir } from '../tools/corpus-path';

const quick = process.argv.includes('--quick');
const restartOnly = process.argv.includes('--restart');
const shared = sharedCorpusDir();

function pct(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const fmt = (xs: number[]) =>
  `n=${xs.length}  p50 ${pct(xs, 50).toFixed(1)} ms  p95 ${pct(xs, 95).toFixed(1)} ms  p99 ${pct(xs, 99).toFixed(1)} ms  max ${Math.max(...xs).toFixed(1)} ms`;

async function inProcess(label: string, paths: string[], cacheDir: string): Promise<void> {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  let t = performance.now();
  let coldMs = NaN;
  if (!restartOnly) {
    const cold = await new Corpus().load({ builtin: false, paths });
    coldMs = performance.now() - t;
    console.log(`${label}: ${cold.files} files, ${cold.paragraphs} paragraphs`);
    console.log(`  cold load, no cache                 ${coldMs.toFixed(0)} ms`);
    t = performance.now();
  }
  const c0 = process.cpuUsage();
  const written = await new Corpus().load({ builtin: false, paths }, { cacheDir });
  const u0 = process.cpuUsage(c0);
  if (restartOnly) {
    coldMs = performance.now() - t;
    console.log(`${label}: ${written.files} files, ${written.paragraphs} paragraphs`);
  }
  console.log(
    `  cold load, writing the cache        ${(performance.now() - t).toFixed(0)} ms wall, ${((u0.user + u0.system) / 1000).toFixed(0)} ms CPU`,
  );
  for (let run = 1; run <= 3; run++) {
    t = performance.now();
    const c = process.cpuUsage();
    const warm = await new Corpus().load({ builtin: false, paths }, { cacheDir });
    const warmMs = performance.now() - t;
    const u = process.cpuUsage(c);
    console.log(
      `  warm load ${run} from the saved index  ${warmMs.toFixed(0)} ms wall, ${((u.user + u.system) / 1000).toFixed(0)} ms CPU  (${warm.cached} files from the cache; ×${(coldMs / warmMs).toFixed(1)} faster than cold)`,
    );
  }
  // one file changed: re-read alone
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-touch-'));
  try {
    const first = fs
      .readdirSync(paths[0], { recursive: true })
      .map(String)
      .find((f) => f.endsWith('.xml'))!;
    const copy = path.join(dir, 'copy.xml');
    fs.copyFileSync(path.join(paths[0], first), copy);
    await new Corpus().load({ builtin: false, paths: [...paths, dir] }, { cacheDir });
    fs.appendFileSync(copy, '\n');
    for (const label of ['one file changed', 'the next start (delta applied)']) {
      t = performance.now();
      const c = process.cpuUsage();
      const one = await new Corpus().load({ builtin: false, paths: [...paths, dir] }, { cacheDir });
      const u = process.cpuUsage(c);
      console.log(
        `  warm load, ${label}: ${(performance.now() - t).toFixed(0)} ms wall, ${((u.user + u.system) / 1000).toFixed(0)} ms CPU  (${one.files + one.skipped.length - (one.cached ?? 0)} file(s) re-read)`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const mem = process.memoryUsage();
  console.log(`  heap ${(mem.heapUsed / 1e6).toFixed(0)} MB, rss ${(mem.rss / 1e6).toFixed(0)} MB`);
}

const DRAFT = [
  'The General Assembly,',
  '',
  '*Recalling* its resolution 70/1 of 25 September 2015, entitled "Transforming our world: the 2030 Agenda for Sustainable Development",',
  '',
  '1. *Calls upon* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime;',
  '',
  '2. *Encourages* Member States to promote gender equality and the empowerment of all women and girls',
].join('\n');

/** Sends a hover and a completion every `gapMs` until `stop()` is true; returns their latencies. */
async function probe(server: TestServer, uri: string, stop: () => boolean, gapMs = 40): Promise<{ hover: number[]; completion: number[] }> {
  const hover: number[] = [];
  const completion: number[] = [];
  const lines = DRAFT.split('\n');
  while (!stop()) {
    let t = performance.now();
    await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 20 } });
    hover.push(performance.now() - t);
    t = performance.now();
    await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: lines[6].length },
    });
    completion.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, gapMs));
  }
  return { hover, completion };
}

async function sources(server: TestServer): Promise<CorpusSourcesResult> {
  return (await server.connection.sendRequest('resolution/corpusSources')) as CorpusSourcesResult;
}

async function overServer(sharedPaths: string[], cacheDir: string, extra: string): Promise<void> {
  fs.rmSync(cacheDir, { recursive: true, force: true });
  // One more folder holding a copy of one corpus file, which the benchmark changes.
  const first = fs
    .readdirSync(sharedPaths[0], { recursive: true })
    .map(String)
    .find((f) => f.endsWith('.xml'))!;
  const copy = path.join(extra, 'copy.xml');
  fs.copyFileSync(path.join(sharedPaths[0], first), copy);
  const paths = [...sharedPaths, extra];
  const uri = 'untitled:bench-draft.res.md';
  if (restartOnly) {
    // the saved index for these sources (the server's key: the seeds and the folders)
    const c = process.cpuUsage();
    const t = performance.now();
    const r = await new Corpus().load({ builtin: true, paths }, { cacheDir });
    const u = process.cpuUsage(c);
    console.log(
      `\nstdio server, ${r.files} corpus files (${paths.length} folders); index built and saved in process: ${(performance.now() - t).toFixed(0)} ms wall, ${((u.user + u.system) / 1000).toFixed(0)} ms CPU`,
    );
  } else {
    // Baseline: the same requests with only the seeds loaded and nothing loading.
    const idle = await startServer({ settings: { corpus: { builtin: true } }, initializationOptions: { corpusCache: false } });
    idle.open(uri, DRAFT);
    await idle.connection.sendRequest('resolution/reloadCorpus', {});
    const t0 = performance.now();
    const base = await probe(idle, uri, () => performance.now() - t0 > 3000);
    await idle.stop();

    const server = await startServer({ settings: { corpus: { builtin: true, paths } }, initializationOptions: { corpusCache: cacheDir } });
    const started = performance.now();
    server.open(uri, DRAFT);
    let loading = true;
    let files = 0;
    const watch = (async () => {
      await new Promise((r) => setTimeout(r, 200));
      for (;;) {
        const s = await sources(server);
        if (!s.loading && s.paragraphs > 1000) {
          files = s.sources.reduce((n, x) => n + x.files, 0);
          break;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      loading = false;
    })();
    const during = await probe(server, uri, () => !loading);
    await watch;
    const coldMs = performance.now() - started;
    await server.stop();

    console.log(
      `\nstdio server, ${files} corpus files (${paths.length} folders), cold (empty cache): ready in ${(coldMs / 1000).toFixed(1)} s`,
    );
    console.log(`  hover while loading       ${fmt(during.hover)}`);
    console.log(`  completion while loading  ${fmt(during.completion)}`);
    console.log(`  hover, idle baseline      ${fmt(base.hover)}`);
    console.log(`  completion, idle baseline ${fmt(base.completion)}`);
    console.log(
      `  p99 ratio loading/idle: hover ×${(pct(during.hover, 99) / pct(base.hover, 99)).toFixed(1)}, completion ×${(pct(during.completion, 99) / pct(base.completion, 99)).toFixed(1)}`,
    );
  }

  // Restart on the warm cache: from the initialize request to the corpus-ready notification
  // (resolution/corpusChanged), then the same after one corpus file changed.
  const restart = async (label: string) => {
    let t = 0;
    let ready = 0;
    let readyAt: (() => void) | undefined;
    const done = new Promise<void>((r) => (readyAt = r));
    const log: string[] = [];
    const again = await startServer({
      settings: { corpus: { builtin: true, paths } },
      initializationOptions: { corpusCache: cacheDir },
      onInitialize: () => (t = performance.now()),
      notifications: {
        'resolution/corpusChanged': () => {
          ready = performance.now();
          readyAt!();
        },
        'window/logMessage': (p) => log.push(String((p as { message?: string }).message ?? '')),
      },
    });
    const answered = performance.now();
    again.open(uri, DRAFT);
    await done;
    const cpu = processCpuMs(again.process.pid);
    const mainCpu = processCpuMs(again.process.pid, again.process.pid);
    const s = await sources(again);
    const how = log.find((l) => l.startsWith('Precedent corpus:')) ?? '';
    console.log(
      `  ${label}: ready in ${(ready - t).toFixed(0)} ms wall from initialize (answered at ${(answered - t).toFixed(0)} ms)` +
        `${cpu !== undefined ? `, server process CPU ${cpu} ms from its start (its main thread ${mainCpu} ms)` : ''} (${s.paragraphs} paragraphs) — ${how}`,
    );
    await again.stop();
  };
  for (let run = 1; run <= 3; run++) await restart(`restart ${run} on the warm cache`);
  // (the changed file is the copy in the benchmark's own folder: the shared corpus is never written)
  fs.appendFileSync(copy, '\n');
  await restart('restart after one file changed');
  await restart('the restart after that (the change in the delta)');
}

/**
 * CPU time (user + system) of a process since it started, all threads, or with `thread` one of them
 * (its id; the main thread's is the process id), from /proc (Linux; undefined elsewhere).
 */
function processCpuMs(pid: number | undefined, thread?: number): number | undefined {
  try {
    const stat = fs.readFileSync(thread !== undefined ? `/proc/${pid}/task/${thread}/stat` : `/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the line (12 and 13 after the name), in clock ticks (100 a second)
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  if (!shared) {
    console.log('skipped: ../shared not present');
    return;
  }
  const en = path.join(shared, 'un-ga-akn4un');
  const all = [en, ...['fr', 'es', 'ru', 'ar', 'zh'].map((l) => path.join(shared, `un-ga-akn4un-${l}`))];
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-cache-'));
  try {
    if (!restartOnly) await inProcess('English AKN corpus', [en], cacheDir);
    if (!quick) await inProcess('Six language corpora', all, cacheDir);
    const extra = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-bench-extra-'));
    try {
      await overServer(quick ? [en] : all, cacheDir, extra);
    } finally {
      fs.rmSync(extra, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
