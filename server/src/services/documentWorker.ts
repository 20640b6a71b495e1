/**
 * A document worker thread: parses, checks and fixes large documents off the language server's
 * request thread (see workerPool.ts). The corpus stays in the server's thread: the few facts a
 * check asks of it (a resolution's date, the new language of a paragraph) are asked over a
 * message and the answer waited for on shared memory, so the checks run unchanged.
 */
import { parentPort, workerData } from 'worker_threads';
import type { CorpusFacts } from '../core/findings';
import { checkWork, fixAllWork, previewWork, viewsWork, type DocumentWorkInput, type ViewInput } from './documentWork';
import { FACTS_HEADER, type FactsOp, type JobMessage, type WorkerReply } from './workerProtocol';

/** How long a check waits for the server's thread to answer a corpus question before going without. */
const FACTS_TIMEOUT_MS = 30_000;

/** Corpus facts asked of the server's thread, remembered for the job. */
function bridgedFacts(port: NonNullable<typeof parentPort>, shared: SharedArrayBuffer, job: number, ops: FactsOp[]): CorpusFacts {
  const state = new Int32Array(shared, 0, 2);
  const bytes = new Uint8Array(shared, FACTS_HEADER);
  const decoder = new TextDecoder();
  const memo = new Map<string, unknown>();
  const ask = (op: FactsOp, args: unknown[]): unknown => {
    const key = `${op}\u0000${JSON.stringify(args)}`;
    if (memo.has(key)) return memo.get(key);
    Atomics.store(state, 0, 0);
    port.postMessage({ type: 'facts', id: job, op, args } satisfies WorkerReply);
    let answer: unknown;
    if (Atomics.wait(state, 0, 0, FACTS_TIMEOUT_MS) !== 'timed-out' && Atomics.load(state, 0) === 1) {
      const length = Atomics.load(state, 1);
      answer = length > 0 ? JSON.parse(decoder.decode(bytes.slice(0, length))) : undefined;
    }
    memo.set(key, answer);
    return answer;
  };
  const facts: CorpusFacts = { dateOf: (key) => ask('dateOf', [key]) as string | undefined };
  if (ops.includes('newSpans'))
    facts.newSpans = (text, kind) => ask('newSpans', [text, kind]) as Array<{ start: number; end: number }> | undefined;
  return facts;
}

if (parentPort && workerData?.documentWorker) {
  const port = parentPort;
  const shared = workerData.shared as SharedArrayBuffer;
  port.on('message', (m: JobMessage) => {
    try {
      const facts = m.corpus.length ? bridgedFacts(port, shared, m.id, m.corpus) : undefined;
      if (m.kind === 'views' || m.kind === 'preview') {
        const output = m.kind === 'views' ? viewsWork(m.input as ViewInput) : previewWork(m.input as ViewInput);
        port.postMessage({ type: 'done', id: m.id, json: JSON.stringify(output) } satisfies WorkerReply);
        return;
      }
      const output = m.kind === 'check' ? checkWork(m.input as DocumentWorkInput, facts) : fixAllWork(m.input as DocumentWorkInput, facts);
      port.postMessage({ type: 'done', id: m.id, output } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ type: 'failed', id: m.id, message: String((err as Error)?.stack ?? err) } satisfies WorkerReply);
    }
  });
}
