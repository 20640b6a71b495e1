/**
 * A small pool of document worker threads (documentWorker.ts). Jobs wait in line for a free
 * worker; a job cancelled while it runs terminates its worker (a parse cannot be interrupted
 * otherwise) and a fresh one takes its place; a worker that crashes (out of memory, an exception
 * outside the checks' own safety nets) fails its job with the reason, and the pool goes on.
 */
import { Worker } from 'worker_threads';
import type { CorpusFacts } from '../core/findings';
import {
  FACTS_BUFFER_BYTES,
  FACTS_HEADER,
  type FactsOp,
  type JobInput,
  type JobKind,
  type JobMessage,
  type JobOutput,
  type ModelKey,
  type WorkerReply,
} from './workerProtocol';

/** A job given up: cancelled by its requester or superseded by a newer version of its document. */
export class JobCancelled extends Error {
  constructor(reason = 'cancelled') {
    super(reason);
    this.name = 'JobCancelled';
  }
}

/** A job the worker could not finish: the worker crashed or the work threw. */
export class WorkerFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerFailed';
  }
}

export interface WorkerPoolOptions {
  /** The compiled or bundled documentWorker.js. */
  script: string;
  /** Number of workers. */
  size: number;
  /** Heap limit of each worker (MB); Node's default when absent. */
  heapMb?: number;
  /** How many characters of source the parses a worker keeps may hold (documentWorker.ts's default when absent). */
  modelChars?: number;
  /** The corpus the workers' checks ask their facts of (read when a question comes). */
  facts: () => CorpusFacts | undefined;
  log: (message: string) => void;
}

interface Job {
  id: number;
  message: JobMessage;
  /** The document whose parse the job works on: it goes to the worker holding that parse when it can. */
  affinity?: string;
  resolve(output: unknown): void;
  reject(err: Error): void;
  slot?: Slot;
}

interface Slot {
  worker?: Worker;
  shared: SharedArrayBuffer;
  job?: Job;
  /** The document versions this worker was sent (it keeps their parses unless it needed the room). */
  sent: Map<string, number>;
}

/** The jobs a worker answers from its kept parse alone, when it has it. */
const TEXT_OPTIONAL: ReadonlySet<JobKind> = new Set<JobKind>(['views', 'preview', 'site']);

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  private readonly encoder = new TextEncoder();
  /** Per document (uri and parse options): the worker that last parsed it, which keeps that parse. */
  private readonly holders = new Map<string, { slot: Slot; worker: Worker }>();

  constructor(private readonly options: WorkerPoolOptions) {
    this.slots = Array.from({ length: Math.max(1, options.size) }, () => ({
      shared: new SharedArrayBuffer(FACTS_HEADER + FACTS_BUFFER_BYTES),
      sent: new Map<string, number>(),
    }));
  }

  /** Jobs waiting for a worker and running. */
  get pending(): number {
    return this.queue.length + this.slots.filter((s) => s.job).length;
  }

  /**
   * Runs a job on the next free worker — the one holding the parse of `model`'s document when that
   * one is free; `signal` gives it up (rejecting with JobCancelled).
   */
  run<K extends JobKind>(kind: K, input: JobInput<K>, corpus: FactsOp[], signal?: AbortSignal, model?: ModelKey): Promise<JobOutput<K>> {
    if (this.disposed) return Promise.reject(new JobCancelled('the server is shutting down'));
    if (signal?.aborted) return Promise.reject(new JobCancelled(String(signal.reason ?? 'cancelled')));
    return new Promise<JobOutput<K>>((resolve, reject) => {
      const id = this.nextId++;
      const job: Job = {
        id,
        message: { id, kind, input, corpus, ...(model ? { model } : {}) },
        affinity: model?.document,
        resolve: resolve as (o: unknown) => void,
        reject,
      };
      const onAbort = () => this.cancel(job, String(signal?.reason ?? 'cancelled'));
      signal?.addEventListener('abort', onAbort, { once: true });
      const settle =
        <T>(f: (v: T) => void) =>
        (v: T) => {
          signal?.removeEventListener('abort', onAbort);
          f(v);
        };
      job.resolve = settle(job.resolve);
      job.reject = settle(job.reject);
      // a position query is quick on a kept parse and a user waits on it: it goes first
      const at = kind === 'site' ? this.queue.findIndex((j) => j.message.kind !== 'site') : -1;
      if (at >= 0) this.queue.splice(at, 0, job);
      else this.queue.push(job);
      this.dispatch();
    });
  }

  /** Terminates every worker; waiting and running jobs are cancelled. */
  async dispose(): Promise<void> {
    this.disposed = true;
    for (const job of this.queue.splice(0)) job.reject(new JobCancelled('the server is shutting down'));
    await Promise.all(
      this.slots.map((s) => {
        s.job?.reject(new JobCancelled('the server is shutting down'));
        s.job = undefined;
        const w = s.worker;
        s.worker = undefined;
        return w?.terminate();
      }),
    );
  }

  private cancel(job: Job, reason: string): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) this.queue.splice(queued, 1);
    const slot = job.slot;
    if (slot && slot.job === job) {
      // A parse or check cannot be interrupted: the worker goes, a fresh one starts for the next job.
      slot.job = undefined;
      this.retire(slot);
    }
    job.reject(new JobCancelled(reason));
    this.dispatch();
  }

  private retire(slot: Slot): void {
    const w = slot.worker;
    slot.worker = undefined;
    if (w) {
      w.removeAllListeners('message');
      void w.terminate();
    }
  }

  /** The worker holding a document's parse, while it lives. */
  private holder(document: string | undefined): Slot | undefined {
    const h = document === undefined ? undefined : this.holders.get(document);
    if (!h) return undefined;
    if (h.slot.worker === h.worker) return h.slot;
    this.holders.delete(document!); // that worker stopped, and its parses with it
    return undefined;
  }

  /**
   * The job a free worker takes: the first waiting on the parse this worker holds, else the first
   * whose parse no other free worker holds (a busy holder's job is taken by whoever is free).
   */
  private nextJob(slot: Slot): Job | undefined {
    let pick = -1;
    for (let i = 0; i < this.queue.length; i++) {
      const h = this.holder(this.queue[i].affinity);
      if (h === slot) {
        pick = i;
        break;
      }
      if (pick < 0 && (!h || h.job)) pick = i;
    }
    return pick < 0 ? undefined : this.queue.splice(pick, 1)[0];
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.disposed || this.queue.length === 0) return;
      if (slot.job) continue;
      const job = this.nextJob(slot);
      if (!job) continue;
      let worker: Worker;
      try {
        worker = slot.worker ?? this.spawn(slot);
      } catch (err) {
        job.reject(new WorkerFailed(`no document worker could start: ${String((err as Error)?.message ?? err)}`));
        continue;
      }
      slot.job = job;
      job.slot = slot;
      // the worker parses (or re-uses) the document for this job, and keeps it
      const model = job.message.model;
      // the views and position queries of a version this worker was sent go without the text (no copy of a large draft)
      const omit = !!model && TEXT_OPTIONAL.has(job.message.kind) && slot.sent.get(model.document) === model.version;
      if (model) {
        this.holders.set(model.document, { slot, worker });
        slot.sent.set(model.document, model.version);
      }
      worker.postMessage(omit ? { ...job.message, input: { ...job.message.input, text: '' }, textOmitted: true } : job.message);
    }
  }

  private spawn(slot: Slot): Worker {
    slot.sent.clear();
    const worker = new Worker(this.options.script, {
      workerData: { documentWorker: true, shared: slot.shared, maxModelChars: this.options.modelChars },
      ...(this.options.heapMb ? { resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb } } : {}),
    });
    worker.unref();
    slot.worker = worker;
    worker.on('message', (m: WorkerReply) => this.onMessage(slot, m));
    const fail = (reason: string) => {
      if (slot.worker !== worker) return; // retired meanwhile
      slot.worker = undefined;
      const job = slot.job;
      slot.job = undefined;
      if (job) job.reject(new WorkerFailed(reason));
      else this.options.log(`A document worker stopped: ${reason}`);
      this.dispatch();
    };
    worker.on('error', (err) => fail(`the document worker crashed: ${String((err as Error)?.message ?? err)}`));
    worker.on('exit', (code) => fail(`the document worker exited (code ${code})`));
    return worker;
  }

  private onMessage(slot: Slot, m: WorkerReply): void {
    const job = slot.job;
    if (!job || job.id !== m.id) return; // the answer of a job given up
    if (m.type === 'facts') {
      this.answerFacts(slot, m.op, m.args);
      return;
    }
    if (m.type === 'needText') {
      slot.worker?.postMessage(job.message);
      return;
    }
    slot.job = undefined;
    if (m.type === 'done') {
      let output: unknown;
      try {
        output = 'json' in m ? JSON.parse(m.json) : m.output;
      } catch (err) {
        job.reject(new WorkerFailed(`the document worker's answer could not be read: ${String((err as Error)?.message ?? err)}`));
        this.dispatch();
        return;
      }
      job.resolve(output);
    } else job.reject(new WorkerFailed(m.message));
    this.dispatch();
  }

  /** Answers a worker's corpus question on the shared memory it waits on. */
  private answerFacts(slot: Slot, op: FactsOp, args: unknown[]): void {
    const state = new Int32Array(slot.shared, 0, 2);
    let length = 0;
    try {
      const facts = this.options.facts();
      const answer =
        op === 'dateOf'
          ? facts?.dateOf(String(args[0]))
          : facts?.newSpans?.(String(args[0]), args[1] === 'preambular' ? 'preambular' : 'operative');
      if (answer !== undefined) {
        const bytes = new Uint8Array(slot.shared, FACTS_HEADER);
        const json = JSON.stringify(answer);
        const { read, written } = this.encoder.encodeInto(json, bytes);
        length = read === json.length ? written : 0; // too long to pass: no answer
      }
    } catch (err) {
      this.options.log(`A corpus question of a document worker failed: ${String((err as Error)?.message ?? err)}`);
    }
    Atomics.store(state, 1, length);
    Atomics.store(state, 0, 1);
    Atomics.notify(state, 0);
  }
}
