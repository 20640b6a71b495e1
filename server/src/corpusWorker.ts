/**
 * The corpus loader's worker thread: reads and parses the corpus files (XML parsing is the slow
 * part) into the persistent cache, off the language server's request thread, reporting progress.
 * The server then loads the corpus from the cache, which only re-indexes.
 */
import { parentPort, workerData } from 'worker_threads';
import { Corpus, CorpusSources } from './core/precedent/corpus';

export interface WorkerInput {
  sources: CorpusSources;
  cacheDir: string;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; files: number; skipped: number }
  | { type: 'error'; message: string };

if (parentPort && workerData?.corpusWorker) {
  const input = workerData as WorkerInput & { corpusWorker: true };
  const port = parentPort;
  new Corpus()
    .load(input.sources, {
      cacheDir: input.cacheDir,
      parseOnly: true,
      onProgress: (p) => port.postMessage({ type: 'progress', done: p.done, total: p.total } satisfies WorkerMessage),
    })
    .then(
      (r) => port.postMessage({ type: 'done', files: r.files, skipped: r.skipped.length } satisfies WorkerMessage),
      (e) => port.postMessage({ type: 'error', message: String((e as Error)?.stack ?? e) } satisfies WorkerMessage),
    );
}
