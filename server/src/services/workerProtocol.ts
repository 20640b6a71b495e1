/** The messages between the language server's thread and its document workers (workerPool.ts, documentWorker.ts). */
import type { CheckOutput, DocumentWorkInput, FixAllOutput, PreviewOutput, ViewInput, ViewsOutput } from './documentWork';
import type { SiteQuery, SiteView } from './documentViews';

/** A position query on a document (hover, completion, precedents, code actions), answered from the worker's parse of that version. */
export interface SiteInput extends ViewInput {
  query: SiteQuery;
}

export interface SiteOutput extends SiteView {
  problems: string[];
}

/** The jobs a worker does: check, fix-all, and the editor's views of a document (outline, folding, links, stats; preview). */
interface Jobs {
  check: { input: DocumentWorkInput; output: CheckOutput };
  fixAll: { input: DocumentWorkInput; output: FixAllOutput };
  views: { input: ViewInput; output: ViewsOutput };
  preview: { input: ViewInput; output: PreviewOutput };
  site: { input: SiteInput; output: SiteOutput };
}
export type JobKind = keyof Jobs;
export type JobInput<K extends JobKind> = Jobs[K]['input'];
export type JobOutput<K extends JobKind> = Jobs[K]['output'];

/** The corpus questions a check may ask: `dateOf` (citation-date), `newSpans` (new-language). */
export type FactsOp = 'dateOf' | 'newSpans';

/**
 * Which parse of which document a job works on: the document (uri and parse options) and its
 * version. A worker keeps its last parses (documentWorker.ts), so a check, the views and the
 * position queries of one version share one parse, and the next version is re-parsed from it.
 */
export interface ModelKey {
  document: string;
  version: number;
}

/** Server → worker: one job. `corpus` lists the corpus questions it may ask (none: no corpus). */
export interface JobMessage {
  id: number;
  kind: JobKind;
  input: JobInput<JobKind>;
  corpus: FactsOp[];
  /** The parse the job works on, when it is one of an open document's (absent: a parse of its own, not kept). */
  model?: ModelKey;
  /**
   * The input's text was left out: the worker was sent that version of the document before and
   * keeps its parse (the views or a position query then cost no copy of a large text). A worker that no longer
   * has it answers `needText`, and gets the job again with its text.
   */
  textOmitted?: boolean;
}

/** Worker → server. */
export type WorkerReply =
  | { type: 'done'; id: number; output: JobOutput<JobKind> }
  /** The output as JSON text: the editor's views, which go to the client as JSON anyway (reading JSON text back costs the server's thread about half of a structured clone's). */
  | { type: 'done'; id: number; json: string }
  | { type: 'failed'; id: number; message: string }
  /** The job came without its text and the worker does not keep that version's parse: send it again with the text. */
  | { type: 'needText'; id: number }
  | { type: 'facts'; id: number; op: FactsOp; args: unknown[] };

/**
 * The shared memory a worker waits on for a corpus answer: an Int32 state (0 waiting, 1 answered),
 * an Int32 length, then the answer as UTF-8 JSON (length 0: no answer).
 */
export const FACTS_HEADER = 8;
export const FACTS_BUFFER_BYTES = 1 << 20;
