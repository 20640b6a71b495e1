/**
 * A document worker thread: parses, checks and fixes large documents off the language server's
 * request thread (see workerPool.ts). The corpus stays in the server's thread: the few facts a
 * check asks of it (a resolution's date, the new language of a paragraph) are asked over a
 * message and the answer waited for on shared memory, so the checks run unchanged.
 */
import { parentPort, workerData } from 'worker_threads';
import { parseOptionsOf } from '../core/config';
import type { CorpusFacts } from '../core/findings';
import type { ResolutionDocument } from '../core/model';
import type { ParseOptions } from '../core/parser';
import { siteView } from './documentViews';
import { checkWork, fixAllWork, parseText, previewWork, viewsWork, type DocumentWorkInput, type ViewInput } from './documentWork';
import { FACTS_HEADER, type FactsOp, type JobMessage, type ModelKey, type SiteInput, type WorkerReply } from './workerProtocol';

/**
 * The parses a worker keeps (most recent last), up to this many characters of source in all (the
 * latest always): a check, the views and the position queries of one version share one parse,
 * and the next version of a document is re-parsed from the last one (only what changed).
 */
export const MAX_MODEL_CHARS = 24 * 1024 * 1024;
const maxModelChars = (): number => (workerData?.maxModelChars as number | undefined) ?? MAX_MODEL_CHARS;
const models = new Map<string, { version: number; doc: ResolutionDocument }>();

/** The parse of a document's version: kept, re-used from the last one, or new. `fresh` says it was parsed now. */
function modelOf(key: ModelKey, text: string, options: ParseOptions): { doc: ResolutionDocument; fresh: boolean } {
  const hit = models.get(key.document);
  models.delete(key.document);
  if (hit && hit.version === key.version) {
    models.set(key.document, hit);
    return { doc: hit.doc, fresh: false };
  }
  // The previous model is used up: its paragraphs after the edit move into the new one.
  const doc = parseText(text, options, hit?.doc);
  models.set(key.document, { version: key.version, doc });
  let chars = 0;
  for (const m of models.values()) chars += m.doc.source.length;
  for (const [k, m] of models) {
    if (chars <= maxModelChars() || k === key.document) break;
    models.delete(k);
    chars -= m.doc.source.length;
  }
  return { doc, fresh: true };
}

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
      if (m.kind === 'views' || m.kind === 'preview' || m.kind === 'site') {
        const input = m.input as ViewInput;
        if (m.textOmitted && models.get(m.model?.document ?? '')?.version !== m.model?.version) {
          port.postMessage({ type: 'needText', id: m.id } satisfies WorkerReply);
          return;
        }
        const { doc, fresh } = modelOf(m.model ?? { document: input.document, version: input.version }, input.text, input.options);
        const problems = fresh && doc.error ? [doc.error] : [];
        const output =
          m.kind === 'views'
            ? viewsWork(input, doc)
            : m.kind === 'preview'
              ? previewWork(input, doc)
              : siteView(doc, (m.input as SiteInput).query);
        port.postMessage({ type: 'done', id: m.id, json: JSON.stringify({ ...output, problems }) } satisfies WorkerReply);
        return;
      }
      const input = m.input as DocumentWorkInput;
      const parsed = m.kind === 'check' && m.model ? modelOf(m.model, input.text, parseOptionsOf(input.config)).doc : undefined;
      const output = m.kind === 'check' ? checkWork(input, facts, parsed) : fixAllWork(input, facts);
      port.postMessage({ type: 'done', id: m.id, output } satisfies WorkerReply);
    } catch (err) {
      port.postMessage({ type: 'failed', id: m.id, message: String((err as Error)?.stack ?? err) } satisfies WorkerReply);
    }
  });
}
