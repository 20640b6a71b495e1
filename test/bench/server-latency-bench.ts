/**
 * Does heavy document work block the requests of other drafts? Over the stdio server (prints
 * figures; asserts nothing):
 *  - p50 / p99 of hover and completion on a small draft while the server is idle;
 *  - the same while a large synthetic draft (10 MB by default) is opened and checked, then fixed
 *    with `resolution.fixAll`.
 *
 *   node out/test/bench/server-latency-bench.js [--mb 10] [--interval 25]
 */
import * as fs from 'fs';
import * as path from 'path';
import { CompletionRequest, HoverRequest } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type TestServer } from '../support/lsp';
import { ROOT } from '../support/paths';
import { syntheticDraft } from './checks-bench';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const mb = Number(arg('--mb') ?? 10);
const interval = Number(arg('--interval') ?? 25);

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
}

const fmt = (label: string, xs: number[]) =>
  `${label}: ${xs.length} requests, p50 ${percentile(xs, 0.5).toFixed(1)} ms, p99 ${percentile(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`;

/** Hover and completion requests on the small draft every `interval` ms until `done` resolves. */
async function probe(
  server: TestServer,
  uri: string,
  line: number,
  done: Promise<unknown>,
): Promise<{ hover: number[]; completion: number[] }> {
  const hover: number[] = [];
  const completion: number[] = [];
  let finished = false;
  void done.then(() => (finished = true));
  let k = 0;
  const pending: Array<Promise<void>> = [];
  while (!finished) {
    const t0 = performance.now();
    const p =
      k++ % 2 === 0
        ? server.connection
            .sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 2 } })
            .then(() => void hover.push(performance.now() - t0))
        : server.connection
            .sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 1 } })
            .then(() => void completion.push(performance.now() - t0));
    pending.push(p);
    await new Promise((r) => setTimeout(r, interval));
  }
  await Promise.all(pending);
  return { hover, completion };
}

async function main(): Promise<void> {
  const server = await startServer();
  server.connection.onRequest('workspace/applyEdit', () => ({ applied: true }));
  try {
    const small = fs.readFileSync(path.join(ROOT, 'seeds', 'A-RES-75-311_tackling-illicit-trafficking-in-wildlife.txt'), 'utf8');
    const smallUri = fileUri(path.join(ROOT, 'bench-small.res.md'));
    server.open(smallUri, small);
    await server.diagnostics(smallUri, 1);
    const line = small.split('\n').findIndex((l) => /^\d+\.\s+\*/.test(l));

    const idle = await probe(server, smallUri, line, new Promise((r) => setTimeout(r, 3000)));
    console.log(`Idle server\n  ${fmt('hover', idle.hover)}\n  ${fmt('completion', idle.completion)}`);

    // A large draft with work for fix-all: every fifth operative paragraph ends without punctuation.
    const big = syntheticDraft(mb * 1024 * 1024).replace(/^(\d*[05]\. .*);$/gm, '$1');
    const bigUri = fileUri(path.join(ROOT, 'bench-large.res.md'));
    const t0 = performance.now();
    const opened = (async () => {
      server.open(bigUri, big);
      await server.diagnostics(bigUri, 1);
    })();
    const whileChecking = await probe(server, smallUri, line, opened);
    console.log(
      `\nWhile a ${(big.length / 1024 / 1024).toFixed(1)} MB draft is opened and checked (${(performance.now() - t0).toFixed(0)} ms)`,
    );
    console.log(`  ${fmt('hover', whileChecking.hover)}\n  ${fmt('completion', whileChecking.completion)}`);

    const t1 = performance.now();
    const fixing = server.connection.sendRequest('workspace/executeCommand', { command: 'resolution.fixAll', arguments: [bigUri] });
    const whileFixing = await probe(server, smallUri, line, fixing);
    console.log(
      `\nWhile it is fixed with resolution.fixAll (${(performance.now() - t1).toFixed(0)} ms; ${JSON.stringify(await fixing).slice(0, 120)})`,
    );
    console.log(`  ${fmt('hover', whileFixing.hover)}\n  ${fmt('completion', whileFixing.completion)}`);
  } finally {
    await server.stop();
  }
}

if (require.main === module) main().catch((e) => (console.error(e), process.exit(1)));
