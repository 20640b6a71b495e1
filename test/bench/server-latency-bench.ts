/**
 * Does heavy work block the requests of other drafts? Over the stdio server (prints figures;
 * asserts nothing), hover and completion on a small draft every `interval` ms, p50 / p95 / p99:
 *  - while the server is idle (the baseline);
 *  - while a large synthetic draft (10 MB by default) is opened and checked;
 *  - while it is fixed with the `resolution.fixAll` command, then with the `source.fixAll` code action;
 *  - all at once: a corpus folder of 2,000 AKN files (from ../shared/corpus) loading from a cold
 *    cache, the large draft edited (one character, as an editor sends it) and re-checked, fixed by the
 *    command and by the code action;
 *  - while the editor opens another copy of the large draft and asks, as VS Code does on open, for
 *    its outline (document symbols), folding ranges and document links.
 * Last, hover and completion on that large draft itself (answered from its worker's parse).
 * `--only open` runs the baseline and the last two phases alone (with RESOLUTION_SERVER_JS=… another
 * build of the server can be measured the same way, e.g. the one before a change).
 * Each phase also prints its wall time and the CPU time the server process spent in it (all its
 * threads, from /proc) beside the CPU time of this process.
 *
 *   node out/test/bench/server-latency-bench.js [--mb 10] [--interval 25] [--files 2000] [--only open]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  HoverRequest,
  ExecuteCommandRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  DocumentLinkRequest,
} from 'vscode-languageserver-protocol';
import { fileUri, startServer, type TestServer } from '../support/lsp';
import { ROOT } from '../support/paths';
import { sharedCorpusDir } from '../tools/corpus-path';
import { syntheticDraft } from './checks-bench';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const mb = Number(arg('--mb') ?? 10);
const interval = Number(arg('--interval') ?? 25);
const corpusFiles = Number(arg('--files') ?? 2000);
const only = arg('--only');

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
}

const fmt = (label: string, xs: number[]) =>
  `${label.padEnd(10)} ${String(xs.length).padStart(4)} requests  p50 ${percentile(xs, 0.5).toFixed(1).padStart(7)} ms` +
  `  p95 ${percentile(xs, 0.95).toFixed(1).padStart(7)} ms  p99 ${percentile(xs, 0.99).toFixed(1).padStart(7)} ms` +
  `  max ${Math.max(...xs)
    .toFixed(1)
    .padStart(7)} ms`;

/** CPU time (ms) the process has used so far, all threads (Linux /proc; NaN elsewhere). */
function processCpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return NaN;
  }
}

/** Hover and completion requests on the small draft every `interval` ms until `done` resolves. */
async function probe(
  server: TestServer,
  uri: string,
  line: number,
  done: Promise<unknown>,
  start = performance.now(),
): Promise<{ hover: number[]; completion: number[]; slowest: Array<[number, number]> }> {
  const hover: number[] = [];
  const completion: number[] = [];
  const all: Array<[number, number]> = [];
  let finished = false;
  void done.then(
    () => (finished = true),
    () => (finished = true),
  );
  let k = 0;
  const pending: Array<Promise<void>> = [];
  while (!finished) {
    const t0 = performance.now();
    const p =
      k++ % 2 === 0
        ? server.connection
            .sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 2 } })
            .then(() => void hover.push(performance.now() - t0))
            .then(() => void all.push([t0 - start, hover[hover.length - 1]]))
        : server.connection
            .sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 1 } })
            .then(() => void completion.push(performance.now() - t0))
            .then(() => void all.push([t0 - start, completion[completion.length - 1]]));
    pending.push(p);
    await new Promise((r) => setTimeout(r, interval));
  }
  await Promise.all(pending);
  return { hover, completion, slowest: all.sort((a, b) => b[1] - a[1]).slice(0, 3) };
}

/** Runs `work` while probing; prints the phase's latencies, wall and CPU time. */
async function phase(
  server: TestServer,
  title: string,
  uri: string,
  line: number,
  work: (mark: (event: string) => void) => Promise<string | void>,
): Promise<void> {
  const pid = server.process.pid!;
  const cpu0 = processCpuMs(pid);
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  let note = '';
  const events: string[] = [];
  const mark = (event: string) => events.push(`${event} at +${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const done = work(mark).then((n) => void (note = n ?? ''));
  const r = await probe(server, uri, line, done, t0);
  await done;
  const wall = performance.now() - t0;
  const cpu = processCpuMs(pid) - cpu0;
  const own = process.cpuUsage(own0);
  console.log(`\n${title}${note ? ` — ${note}` : ''}`);
  console.log(
    `  wall ${wall.toFixed(0)} ms; server CPU ${cpu.toFixed(0)} ms (${((cpu / wall) * 100).toFixed(0)} % of one core);` +
      ` bench CPU ${((own.user + own.system) / 1000).toFixed(0)} ms`,
  );
  console.log(`  ${fmt('hover', r.hover)}\n  ${fmt('completion', r.completion)}\n  ${fmt('both', [...r.hover, ...r.completion])}`);
  const slow = r.slowest.map(([at, ms]) => `${ms.toFixed(0)} ms at +${(at / 1000).toFixed(1)} s`).join(', ');
  console.log(`  slowest: ${slow}${events.length ? `; ${events.join(', ')}` : ''}`);
}

/** A folder of `n` AKN files copied from the shared corpus (English, then French, Spanish, …), with their metadata. */
function corpusFolder(n: number): string | undefined {
  const shared = sharedCorpusDir();
  if (!shared) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'latency-corpus-'));
  let count = 0;
  for (const lang of ['', '-fr', '-es', '-ru', '-ar', '-zh']) {
    const src = path.join(shared, `un-ga-akn4un${lang}`);
    if (!fs.existsSync(src) || count >= n) continue;
    const dst = path.join(dir, `un-ga-akn4un${lang}`);
    const walk = (from: string, to: string) => {
      fs.mkdirSync(to, { recursive: true });
      for (const e of fs.readdirSync(from, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(from, e.name);
        if (e.isDirectory()) walk(p, path.join(to, e.name));
        else if (e.name.endsWith('.jsonl')) fs.copyFileSync(p, path.join(to, e.name));
        else if (e.name.endsWith('.xml') && count < n) {
          fs.copyFileSync(p, path.join(to, e.name));
          count++;
        }
      }
    };
    walk(src, dst);
  }
  return dir;
}

async function main(): Promise<void> {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'latency-cache-'));
  const corpus = only === 'open' ? undefined : corpusFolder(corpusFiles);
  if (!corpus && only !== 'open') console.log('skipped: ../shared not present (the corpus-loading phase is left out)');
  const server = await startServer({ initializationOptions: { corpusCache: cache } });
  server.connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  let corpusChanged: () => void = () => undefined;
  server.connection.onNotification('resolution/corpusChanged', () => corpusChanged());
  try {
    const small = fs.readFileSync(path.join(ROOT, 'seeds', 'A-RES-75-311_tackling-illicit-trafficking-in-wildlife.txt'), 'utf8');
    const smallUri = fileUri(path.join(ROOT, 'bench-small.res.md'));
    // The built-in corpus loads when the first draft opens: the idle phase starts once it is there.
    const builtin = new Promise<void>((r) => (corpusChanged = r));
    server.open(smallUri, small);
    await server.diagnostics(smallUri, 1);
    await Promise.race([builtin, new Promise((r) => setTimeout(r, 30_000))]);
    const line = small.split('\n').findIndex((l) => /^\d+\.\s+\*/.test(l));
    console.log(`Server: ${os.cpus().length} cores; probe every ${interval} ms (hover and completion alternating) on a small draft.`);

    await phase(server, 'Idle server (baseline)', smallUri, line, () => new Promise((r) => setTimeout(r, 3000)));

    // A large draft with work for fix-all: every fifth operative paragraph ends without punctuation.
    const big = syntheticDraft(mb * 1024 * 1024).replace(/^(\d*[05]\. .*);$/gm, '$1');
    const bigUri = fileUri(path.join(ROOT, 'bench-large.res.md'));
    const size = `${(big.length / 1024 / 1024).toFixed(1)} MB`;
    // As VS Code opens a draft: didOpen, then outline, folding and links at once (and the findings come).
    const openPhase = () =>
      phase(
        server,
        `While the editor opens another ${size} draft and asks for its outline, folding and links`,
        smallUri,
        line,
        async (mark) => {
          const uri = fileUri(path.join(ROOT, 'bench-large-opened.res.md'));
          server.open(uri, big, 1);
          const textDocument = { uri };
          const checked = server.diagnostics(uri, 1, 600_000).finally(() => mark('findings published'));
          const [symbols, folding, links] = await Promise.all([
            server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }).finally(() => mark('symbols')),
            server.connection.sendRequest(FoldingRangeRequest.type, { textDocument }).finally(() => mark('folding')),
            server.connection.sendRequest(DocumentLinkRequest.type, { textDocument }).finally(() => mark('links')),
          ]);
          const d = await checked;
          return `${symbols?.length ?? 0} top-level symbols, ${folding?.length ?? 0} folding ranges, ${links?.length ?? 0} links, ${d.diagnostics.length} findings`;
        },
      );
    // Hover and completion on the large draft itself: answered from its worker's parse, never parsed in the server's thread.
    const onLarge = () => {
      const uri = fileUri(path.join(ROOT, 'bench-large-opened.res.md'));
      const at = big.split('\n').findIndex((l) => /^25000\. /.test(l));
      return phase(
        server,
        `Hover and completion on that ${size} draft itself (idle otherwise)`,
        uri,
        at,
        () => new Promise((r) => setTimeout(r, 3000)),
      );
    };
    if (only === 'open') {
      await openPhase();
      await onLarge();
      return;
    }

    let version = 1;
    await phase(server, `While a ${size} draft is opened and checked`, smallUri, line, async () => {
      server.open(bigUri, big, version);
      const d = await server.diagnostics(bigUri, version, 600_000);
      return `${d.diagnostics.length} findings`;
    });

    const fixAllCommand = async () => {
      const r = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.fixAll', arguments: [bigUri] });
      return JSON.stringify(r).slice(0, 100);
    };
    const fixAllAction = async () => {
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: bigUri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      })) as Array<{ title: string }> | null;
      return `${actions?.length ?? 0} action(s): ${(actions ?? []).map((a) => a.title).join(', ')}`;
    };
    await phase(server, `While it is fixed with the resolution.fixAll command`, smallUri, line, fixAllCommand);
    await phase(server, `While the source.fixAll code action is computed on it`, smallUri, line, fixAllAction);

    await phase(
      server,
      `All at once: ${corpus ? `a corpus folder of ${corpusFiles} files loading (cold cache), ` : ''}the ${size} draft edited and re-checked, fixed by command and code action`,
      smallUri,
      line,
      async (mark) => {
        const loaded = corpus ? new Promise<void>((r) => (corpusChanged = r)) : Promise.resolve();
        if (corpus) {
          Object.assign(server.settings, { corpus: { paths: [corpus] } });
          server.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
        }
        const t0 = performance.now();
        let corpusMs = 0;
        const corpusDone = loaded.then(() => void ((corpusMs = performance.now() - t0), mark('corpus loaded')));
        // one word typed, sent as an editor sends it (the change alone)
        version++;
        const at = big.split('\n').indexOf('80/1. A synthetic draft');
        server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri: bigUri, version },
          contentChanges: [{ range: { start: { line: at, character: 3 }, end: { line: at, character: 4 } }, text: '2' }],
        });
        const checked = server.diagnostics(bigUri, version, 600_000);
        void checked.then(() => mark('re-checked'));
        const [cmd, action] = await Promise.all([
          fixAllCommand().finally(() => mark('fixAll command answered')),
          fixAllAction().finally(() => mark('code action answered')),
        ]);
        const d = await checked;
        await corpusDone;
        return `corpus loaded in ${corpusMs.toFixed(0)} ms; ${d.diagnostics.length} findings; ${cmd}; ${action}`;
      },
    );
    await openPhase();
    await onLarge();
  } finally {
    await server.stop();
    fs.rmSync(cache, { recursive: true, force: true });
    if (corpus) fs.rmSync(corpus, { recursive: true, force: true });
  }
}

if (require.main === module) main().catch((e) => (console.error(e), process.exit(1)));
