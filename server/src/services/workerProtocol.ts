/** The messages between the language server's thread and its document workers (workerPool.ts, documentWorker.ts). */
import type { CheckOutput, DocumentWorkInput, FixAllOutput, PreviewOutput, ViewInput, ViewsOutput } from './documentWork';

/** The jobs a worker does: check, fix-all, and the editor's views of a document (outline, folding, links, stats; preview). */
interface Jobs {
  check: { input: DocumentWorkInput; output: CheckOutput };
  fixAll: { input: DocumentWorkInput; output: FixAllOutput };
  views: { input: ViewInput; output: ViewsOutput };
  preview: { input: ViewInput; output: PreviewOutput };
}
export type JobKind = keyof Jobs;
export type JobInput<K extends JobKind> = Jobs[K]['input'];
export type JobOutput<K extends JobKind> = Jobs[K]['output'];

/** The corpus questions a check may ask: `dateOf` (citation-date), `newSpans` (new-language). */
export type FactsOp = 'dateOf' | 'newSpans';

/** Server → worker: one job. `corpus` lists the corpus questions it may ask (none: no corpus). */
export interface JobMessage {
  id: number;
  kind: JobKind;
  input: JobInput<JobKind>;
  corpus: FactsOp[];
}

/** Worker → server. */
export type WorkerReply =
  | { type: 'done'; id: number; output: JobOutput<JobKind> }
  /** The output as JSON text: the editor's views, which go to the client as JSON anyway (reading JSON text back costs the server's thread about half of a structured clone's). */
  | { type: 'done'; id: number; json: string }
  | { type: 'failed'; id: number; message: string }
  | { type: 'facts'; id: number; op: FactsOp; args: unknown[] };

/**
 * The shared memory a worker waits on for a corpus answer: an Int32 state (0 waiting, 1 answered),
 * an Int32 length, then the answer as UTF-8 JSON (length 0: no answer).
 */
export const FACTS_HEADER = 8;
export const FACTS_BUFFER_BYTES = 1 << 20;
