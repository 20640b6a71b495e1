/**
 * The corpus loader's worker thread: reads and parses the corpus files and builds the index, off
 * the language server's request thread, reporting progress, and saves both to the persistent
 * cache. The server then loads the saved index, which takes milliseconds and blocks nothing.
 */
import { parentPort, workerData } from 'worker_threads';
import { Corpus, CorpusSources } from './core/precedent/corpus';
// PDF and Word files in the corpus are read through the import
import './core/import/corpusFiles';

export interface WorkerInput {
  sources: CorpusSources;
  cacheDir: string;
}

export type WorkerMessage =
  { type: 'progress'; done: number; total: number } | { type: 'done'; files: number; skipped: number } | { type: 'error'; message: string };

if (parentPort && workerData?.corpusWorker) {
  const input = workerData as WorkerInput & { corpusWorker: true };
  const port = parentPort;
  new Corpus()
    .load(input.sources, {
      cacheDir: input.cacheDir,
      onProgress: (p) => port.postMessage({ type: 'progress', done: p.done, total: p.total } satisfies WorkerMessage),
    })
    .then(
      (r) => port.postMessage({ type: 'done', files: r.files, skipped: r.skipped.length } satisfies WorkerMessage),
      (e) => port.postMessage({ type: 'error', message: String((e as Error)?.stack ?? e) } satisfies WorkerMessage),
    );
}
