/**
 * The documents' parse, check and fix-all, per (uri, version), without blocking the server.
 *
 * Small documents are parsed and checked in the server's thread (a few milliseconds, no copying).
 * Larger ones — and every file of a workspace check — go to a pool of worker threads
 * (workerPool.ts): a parse cannot be cut into slices without rewriting the parser and every check
 * as resumable code, while a worker runs the same core code unchanged, on another core, and can be
 * stopped at once by terminating it.
 *
 * Work is shared and cancellable: two requests for the same result (the diagnostics and a code
 * action, the fix-all command and the fix-all code action) wait on one job, which is given up when
 * all its requesters cancelled; a newer version of a document gives up the work on older ones
 * (`supersede`), so stale results are never returned.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseOptionsOf, type ResolvedConfig } from '../core/config';
import type { CorpusFacts } from '../core/findings';
import type { MessageLocale } from '../core/messages';
import type { ResolutionDocument } from '../core/model';
import type { ParseOptions } from '../core/parser';
import {
  checkWork,
  fixAllWork,
  parseText,
  previewWork,
  viewsWork,
  type CheckOutput,
  type DocumentWorkInput,
  type FixAllOutput,
  type PreviewOutput,
  type ViewInput,
  type ViewsOutput,
} from './documentWork';
import { JobCancelled, WorkerFailed, WorkerPool } from './workerPool';
import { siteView, type SiteQuery } from './documentViews';
import type { FactsOp, JobInput, JobKind, JobOutput, ModelKey, SiteInput, SiteOutput } from './workerProtocol';

export { JobCancelled, WorkerFailed };

/** Documents up to this many characters are worked on in the server's thread (a check takes ~20 ms). */
export const IN_PROCESS_MAX_CHARS = 64 * 1024;

/**
 * Position queries (hover, completion, precedents, quick fixes) on documents up to this many
 * characters are answered from the model in the server's thread (parsed once per version, a few
 * milliseconds, re-parsed by paragraph after an edit) rather than wait behind a worker's long job.
 */
export const SITE_IN_PROCESS_MAX_CHARS = 128 * 1024;

export interface DocumentServiceSettings {
  /** Larger documents go to the workers (characters). */
  threshold: number;
  /** Worker threads (0: none, everything in the server's thread). */
  workers: number;
  /** Heap limit of each worker, MB (Node's default when absent). */
  workerHeapMb?: number;
  /** Position queries on larger documents go to the workers (characters; never below `threshold`). */
  siteThreshold?: number;
  /** How many characters of source the parses each worker keeps may hold (the latest is always kept). */
  workerModelChars?: number;
}

export interface DocumentServiceHost {
  /** The corpus the checks ask their facts of, once loaded. */
  corpusFacts(): CorpusFacts | undefined;
  /** The language of the findings' messages. */
  locale(): MessageLocale;
  log(message: string): void;
  /** Tells the user something went wrong (a window message). */
  warn(message: string): void;
  /**
   * The parse options of a document's configuration (language setting, extra phrases), asked before
   * its views are computed so that they and its check share one parse.
   */
  parseOptions?(uri: string): Promise<ParseOptions>;
}

/** A job's result shared by its requesters, until all of them gave up. */
interface Shared<T> {
  version: number;
  result: Promise<T>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

/** The document worker script beside this file (compiled: out/server/src/services/; bundled: dist/). */
function workerScript(): string | undefined {
  for (const c of [path.join(__dirname, 'documentWorker.js'), path.join(__dirname, '..', 'documentWorker.js')])
    if (fs.existsSync(c)) return c;
  return undefined;
}

function defaultWorkers(): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return Math.max(1, Math.min(4, cores - 1));
}

export class DocumentService {
  private settings: DocumentServiceSettings = { threshold: IN_PROCESS_MAX_CHARS, workers: defaultWorkers() };
  private pool: WorkerPool | undefined;
  private noWorkerLogged = false;
  private readonly models = new Map<string, { version: number; key: string; doc: ResolutionDocument }>();
  private readonly parseOptions = new Map<string, { key: string; options: ParseOptions }>();
  /** Per uri: the shared jobs of its current version, by kind and configuration. */
  private readonly jobs = new Map<string, Map<string, Shared<unknown>>>();
  private readonly corpusIds = new WeakMap<object, number>();
  /** Per uri: the newest version seen (work asked for an older one after a wait is given up). */
  private readonly latest = new Map<string, number>();
  private corpusCount = 0;

  constructor(private readonly host: DocumentServiceHost) {}

  /** Settings from the client's initialization options (the defaults suit an editor). */
  configure(settings: Partial<DocumentServiceSettings>): void {
    void this.pool?.dispose();
    this.pool = undefined;
    this.settings = { ...this.settings, ...settings };
  }

  /** The parsed model of a document in the server's thread, computed once per version (for editor features). */
  parsed(document: TextDocument): ResolutionDocument {
    const hit = this.models.get(document.uri);
    const opts = this.parseOptions.get(document.uri);
    const key = opts?.key ?? '';
    if (hit && hit.version === document.version && hit.key === key) return hit.doc;
    const doc = parseText(document.getText(), opts?.options ?? {}, hit?.doc);
    if (doc.error) this.host.log(`${document.uri}: ${doc.error}`);
    this.models.set(document.uri, { version: document.version, key, doc });
    return doc;
  }

  /** The parse options (language setting, extra phrases) of a document's configuration, once known. */
  useParseOptions(uri: string, options: ParseOptions): void {
    this.parseOptions.set(uri, { key: JSON.stringify(options), options });
  }

  /** The findings of an open document under a configuration. Rejects with JobCancelled when cancelled or superseded. */
  check(document: TextDocument, config: ResolvedConfig, token?: CancellationToken): Promise<CheckOutput> {
    return this.shared(document, 'check', config, token);
  }

  /** Fix-all of an open document under a configuration, as one edit. Rejects with JobCancelled when cancelled or superseded. */
  fixAll(document: TextDocument, config: ResolvedConfig, token?: CancellationToken): Promise<FixAllOutput> {
    return this.shared(document, 'fixAll', config, token);
  }

  /**
   * The editor's views of an open document (outline, folding, link sources, stats), once per version:
   * a large document's in a worker, from the worker's parse — it is not parsed in the server's thread.
   * Rejects with JobCancelled when cancelled or superseded.
   */
  views(document: TextDocument, token?: CancellationToken): Promise<ViewsOutput> {
    return this.viewJob(document, 'views', token);
  }

  /** The preview of an open document (HTML and title), a large one's in a worker. */
  preview(document: TextDocument, token?: CancellationToken): Promise<PreviewOutput> {
    return this.viewJob(document, 'preview', token);
  }

  /**
   * What the hover, completion, precedent and code-action features need of a document at a
   * position (documentViews.ts `siteView`): a small draft's from the model here, a large one's
   * from the worker's parse of that version (never parsed in this thread). Rejects with
   * JobCancelled when cancelled or superseded.
   */
  async site(document: TextDocument, query: SiteQuery, token?: CancellationToken): Promise<SiteOutput> {
    const inThread = Math.max(this.settings.threshold, this.settings.siteThreshold ?? SITE_IN_PROCESS_MAX_CHARS);
    if (!this.isLarge(document) || document.getText().length <= inThread) {
      if (token?.isCancellationRequested) throw new JobCancelled('cancelled');
      return { ...siteView(this.parsed(document), query), problems: [] };
    }
    return this.viewJob(document, 'site', token, query);
  }

  /** Whether a document is large enough for its work to go to the workers (when there are any). */
  isLarge(document: TextDocument): boolean {
    return this.settings.workers > 0 && document.getText().length > this.settings.threshold;
  }

  /** The views, preview or a position query of a document, on one parse per version (a large draft's in a worker). */
  private async viewJob<K extends 'views' | 'preview' | 'site'>(
    document: TextDocument,
    kind: K,
    token?: CancellationToken,
    query?: SiteQuery,
  ): Promise<JobOutput<K>> {
    if (this.host.parseOptions && !this.parseOptions.has(document.uri)) {
      const { version } = document;
      try {
        this.useParseOptions(document.uri, await this.host.parseOptions(document.uri));
      } catch (err) {
        this.host.log(
          `${document.uri}: the configuration could not be read (${String((err as Error)?.message ?? err)}); default parse options used`,
        );
      }
      if (token?.isCancellationRequested) throw new JobCancelled('cancelled');
      if ((this.latest.get(document.uri) ?? version) > version) throw new JobCancelled('superseded');
    }
    const opts = this.parseOptions.get(document.uri);
    const which = `${document.uri}\u0000${opts?.key ?? ''}`;
    const input = () =>
      ({
        text: document.getText(),
        options: opts?.options ?? {},
        document: which,
        version: document.version,
        ...(query ? { query } : {}),
      }) as JobInput<K>;
    // a position query's answer is not kept: each is asked once
    const key = `${kind}\u0000${which}\u0000${document.version}${query ? `\u0000${JSON.stringify(query)}` : ''}`;
    return this.sharedJob(document, kind, key, input, token, !query, { document: which, version: document.version });
  }

  /** The findings of a text that is not open (a workspace file): in a worker whenever there is one. */
  checkText(text: string, config: ResolvedConfig, token?: CancellationToken, label = 'a file'): Promise<CheckOutput> {
    const controller = new AbortController();
    const sub = token?.onCancellationRequested(() => controller.abort('cancelled'));
    return this.work('check', { text, config, locale: this.host.locale() }, controller.signal, label, 0).finally(() => sub?.dispose());
  }

  /** A newer version of a document arrived: the work on older ones is given up. */
  supersede(uri: string, version: number): void {
    if (version !== Number.POSITIVE_INFINITY && version > (this.latest.get(uri) ?? -1)) this.latest.set(uri, version);
    const jobs = this.jobs.get(uri);
    if (!jobs) return;
    for (const [key, job] of jobs) {
      if (job.version >= version) continue;
      jobs.delete(key);
      job.controller.abort('superseded');
    }
  }

  /** A document was closed: its work is given up and its models forgotten. */
  close(uri: string): void {
    this.supersede(uri, Number.POSITIVE_INFINITY);
    this.jobs.delete(uri);
    this.latest.delete(uri);
    this.models.delete(uri);
    this.parseOptions.delete(uri);
  }

  /** Jobs waiting for or running in a worker. */
  get pendingJobs(): number {
    return this.pool?.pending ?? 0;
  }

  async dispose(): Promise<void> {
    for (const uri of [...this.jobs.keys()]) this.close(uri);
    await this.pool?.dispose();
    this.pool = undefined;
  }

  private corpusKey(): string {
    const facts = this.host.corpusFacts();
    if (!facts) return 'none';
    let id = this.corpusIds.get(facts);
    if (id === undefined) this.corpusIds.set(facts, (id = ++this.corpusCount));
    return String(id);
  }

  /** One job per (uri, version, kind, configuration, corpus), shared by its requesters. */
  private shared<K extends 'check' | 'fixAll'>(
    document: TextDocument,
    kind: K,
    config: ResolvedConfig,
    token?: CancellationToken,
  ): Promise<JobOutput<K>> {
    const key = `${kind}\u0000${document.version}\u0000${this.host.locale()}\u0000${this.corpusKey()}\u0000${JSON.stringify(config)}`;
    // a check works on the parse the views share (the same document and parse options); a fix-all parses each pass anew
    const model: ModelKey | undefined =
      kind === 'check'
        ? { document: `${document.uri}\u0000${JSON.stringify(parseOptionsOf(config))}`, version: document.version }
        : undefined;
    return this.sharedJob(
      document,
      kind,
      key,
      () => ({ text: document.getText(), config, locale: this.host.locale() }),
      token,
      true,
      model,
    );
  }

  /** One job per key for the document's current version, shared by its requesters. */
  private sharedJob<K extends JobKind>(
    document: TextDocument,
    kind: K,
    key: string,
    input: () => JobInput<K>,
    token?: CancellationToken,
    keep = true,
    model?: ModelKey,
  ): Promise<JobOutput<K>> {
    const { uri, version } = document;
    this.supersede(uri, version);
    let jobs = this.jobs.get(uri);
    if (!jobs) this.jobs.set(uri, (jobs = new Map()));
    let job = jobs.get(key) as Shared<JobOutput<K>> | undefined;
    if (!job) {
      const controller = new AbortController();
      const created: Shared<JobOutput<K>> = {
        version,
        controller,
        waiting: 0,
        settled: false,
        result: this.work(kind, input(), controller.signal, uri, this.settings.threshold, document, model),
      };
      job = created;
      jobs.set(key, created);
      const forget = () => {
        created.settled = true;
        if (this.jobs.get(uri)?.get(key) === created) this.jobs.get(uri)!.delete(key);
      };
      // A result stays for its version; a job that failed or was given up is forgotten (asked again, it runs again).
      created.result.then(
        () => (keep ? void (created.settled = true) : forget()),
        () => forget(),
      );
    }
    return this.waitFor(job, token);
  }

  /** A requester's wait on a shared job: its cancellation gives the job up only when nobody else waits. */
  private waitFor<T>(job: Shared<T>, token?: CancellationToken): Promise<T> {
    if (!token) return job.result;
    if (token.isCancellationRequested) return Promise.reject(new JobCancelled('cancelled'));
    job.waiting++;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const sub = token.onCancellationRequested(() => {
        if (done) return;
        done = true;
        sub.dispose();
        if (--job.waiting === 0 && !job.settled) job.controller.abort('cancelled');
        reject(new JobCancelled('cancelled'));
      });
      job.result.then(
        (v) => {
          if (done) return;
          done = true;
          sub.dispose();
          job.waiting--;
          resolve(v);
        },
        (err) => {
          if (done) return;
          done = true;
          sub.dispose();
          job.waiting--;
          reject(err);
        },
      );
    });
  }

  private poolFor(text: string, threshold: number): WorkerPool | undefined {
    if (this.settings.workers <= 0 || text.length <= threshold) return undefined;
    if (!this.pool) {
      const script = workerScript();
      if (!script) {
        if (!this.noWorkerLogged) this.host.log('No document worker script found: large documents are checked in the server thread.');
        this.noWorkerLogged = true;
        return undefined;
      }
      this.pool = new WorkerPool({
        script,
        size: this.settings.workers,
        heapMb: this.settings.workerHeapMb,
        modelChars: this.settings.workerModelChars,
        facts: () => this.host.corpusFacts(),
        log: (m) => this.host.log(m),
      });
    }
    return this.pool;
  }

  /** Runs a job in a worker (texts longer than `threshold`) or here, reporting what went wrong on the way. */
  private async work<K extends JobKind>(
    kind: K,
    input: JobInput<K>,
    signal: AbortSignal,
    label: string,
    threshold: number,
    document?: TextDocument,
    model?: ModelKey,
  ): Promise<JobOutput<K>> {
    const facts = this.host.corpusFacts();
    const pool = this.poolFor(input.text, threshold);
    let output: JobOutput<K>;
    if (pool) {
      const ops: FactsOp[] = facts ? (facts.newSpans ? ['dateOf', 'newSpans'] : ['dateOf']) : [];
      try {
        output = await pool.run(kind, input, ops, signal, model);
      } catch (err) {
        if (err instanceof WorkerFailed) {
          this.host.log(`Checking ${label} failed in a worker: ${err.message}`);
          this.host.warn(`Resolution: the checks could not run on ${path.basename(label)}: ${firstLine(err.message)}. The server goes on.`);
        }
        throw err;
      }
    } else {
      if (signal.aborted) throw new JobCancelled(String(signal.reason ?? 'cancelled'));
      // Small: here, on the model the editor features share.
      const parsed = document && kind !== 'fixAll' ? this.parsed(document) : undefined;
      output = (
        kind === 'views'
          ? viewsWork(input as ViewInput, parsed)
          : kind === 'preview'
            ? previewWork(input as ViewInput, parsed)
            : kind === 'site'
              ? { ...siteView(parsed ?? parseText(input.text, (input as SiteInput).options), (input as SiteInput).query), problems: [] }
              : kind === 'check'
                ? checkWork(input as DocumentWorkInput, facts, parsed)
                : fixAllWork(input as DocumentWorkInput, facts)
      ) as JobOutput<K>;
      if (signal.aborted) throw new JobCancelled(String(signal.reason ?? 'cancelled'));
    }
    for (const p of output.problems) this.host.log(`${label}: ${p}`);
    return output;
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/^Error: /, '');
}

/** The answer to a request whose work was given up: RequestCancelled when the client cancelled it, else ContentModified (a newer version). */
export function cancelledResponse(token?: CancellationToken): ResponseError<void> {
  return token?.isCancellationRequested
    ? new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.')
    : new ResponseError(LSPErrorCodes.ContentModified, 'The document changed; the work on the older version was given up.');
}
