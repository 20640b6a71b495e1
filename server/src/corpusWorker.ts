/**
 * The corpus loader's worker thread: everything a corpus load reads and computes, off the language
 * server's request thread — listing the sources and their files' sizes and times, reading and
 * checking the saved corpus (persistent cache), re-reading alone the files changed since, or on a
 * first start reading, parsing and indexing every file and saving the result. It then hands the
 * saved corpus's bytes to the server thread by transfer (no copy, no JSON of the index), with the
 * files changed since, and the server thread takes them over a slice at a time (Corpus.adopt).
 *
 * The server starts the worker early (at initialize) and sends it the sources once it knows them,
 * so that the worker's own start overlaps the server's.
 */
import { parentPort, workerData } from 'worker_threads';
import { Corpus, CorpusSources, handoverBuffers, type CorpusHandover } from './core/precedent/corpus';
import { registerOfficeReaderOnDemand } from './core/import/officeReader';
import { writeLastSources } from './core/precedent/cache';

export interface WorkerInput {
  sources: CorpusSources;
  cacheDir: string;
}

/** From the server: load these sources (the worker loads once, then the server ends it). */
export type WorkerRequest = { type: 'load' } & WorkerInput;

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  /** No saved corpus could be used: the files are being read and indexed (a first start). */
  | { type: 'rebuild' }
  /** The load is done: the corpus to take over (undefined: none could be saved; the server loads it itself). */
  | { type: 'done'; handover?: CorpusHandover; rebuilt: boolean; ms: number }
  | { type: 'error'; message: string };

async function run(input: WorkerInput, post: (m: WorkerMessage, transfer?: ArrayBuffer[]) => void): Promise<void> {
  const t0 = Date.now();
  let rebuilt = false;
  const corpus = new Corpus();
  const report = await corpus.load(input.sources, {
    cacheDir: input.cacheDir,
    handoverOnly: true,
    onRebuild: () => {
      rebuilt = true;
      post({ type: 'rebuild' });
    },
    onProgress: (p) => post({ type: 'progress', done: p.done, total: p.total }),
  });
  writeLastSources(input.cacheDir, input.sources);
  const handover = corpus.handover(report);
  post({ type: 'done', handover, rebuilt, ms: Date.now() - t0 }, handover ? handoverBuffers(handover) : []);
}

if (parentPort && workerData?.corpusWorker) {
  const port = parentPort;
  // PDF and Word files are read through the import, loaded only when the corpus holds one (most
  // starts read no file at all).
  registerOfficeReaderOnDemand();
  const post = (m: WorkerMessage, transfer: ArrayBuffer[] = []) => port.postMessage(m, transfer);
  const start = (input: WorkerInput) => run(input, post).catch((e) => post({ type: 'error', message: String((e as Error)?.stack ?? e) }));
  const given = workerData as Partial<WorkerInput> & { corpusWorker: true };
  if (given.sources && given.cacheDir) void start({ sources: given.sources, cacheDir: given.cacheDir });
  else port.once('message', (m: WorkerRequest) => void start(m));
}
