import * as assert from 'assert';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver/node';
import { defaultConfig, type ResolvedConfig } from '../../server/src/core/config';
import type { CorpusFacts, Finding } from '../../server/src/core/findings';
import { applyEdits } from '../../server/src/core/fix';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { countOpenings, countOpeningsSliced } from '../../server/src/core/precedent/openings';
import {
  cancelledResponse,
  DocumentService,
  JobCancelled,
  WorkerFailed,
  type DocumentServiceHost,
} from '../../server/src/services/documentService';
import { changedSpans, checkWork, fixAllEdits, fixAllWork, SPLIT_EDIT_CHARS } from '../../server/src/services/documentWork';
import { WorkerPool } from '../../server/src/services/workerPool';
import { syntheticDraft } from '../bench/checks-bench';
import { readSeed, SEED } from '../support/paths';

const SCRIPT = path.join(__dirname, '..', '..', 'server', 'src', 'services', 'documentWorker.js');
const input = (text: string, config: ResolvedConfig = defaultConfig()) => ({ text, config, locale: 'en' as const });
const summary = (fs: Finding[]) => fs.map((f) => `${f.rule}@${f.range.start.line}:${f.range.start.character} ${f.message}`);

/** A corpus that dates every resolution 1 January 2001 and finds every paragraph new, counting the questions. */
function fakeCorpus(): CorpusFacts & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    dateOf: (key) => (asked.push(`dateOf ${key}`), '1 January 2001'),
    newSpans: (text) => (asked.push('newSpans'), [{ start: 0, end: Math.min(10, text.length) }]),
  };
}

describe('document work in worker threads', function () {
  this.timeout(60000);
  const seed = readSeed(SEED.ga75);

  describe('WorkerPool', () => {
    let pool: WorkerPool;
    let corpus: ReturnType<typeof fakeCorpus> | undefined;
    const logs: string[] = [];
    beforeEach(() => {
      corpus = undefined;
      pool = new WorkerPool({ script: SCRIPT, size: 1, facts: () => corpus, log: (m) => logs.push(m) });
    });
    afterEach(() => pool.dispose());

    it('checks and fixes a draft as the server thread does', async () => {
      const checked = await pool.run('check', input(seed), []);
      assert.deepStrictEqual(summary(checked.findings), summary(checkWork(input(seed), undefined).findings));
      const draft = syntheticDraft(40_000).replace(/^(\d*[05]\. .*);$/gm, '$1');
      const fixed = await pool.run('fixAll', input(draft), []);
      const here = fixAllWork(input(draft), undefined);
      assert.deepStrictEqual(fixed, here);
      assert.ok(fixed.applied['operative-punctuation'] > 5, JSON.stringify(fixed.applied));
      assert.strictEqual(fixed.edits.length, 1, 'a small draft: one edit');
      assert.notStrictEqual(applyEdits(draft, fixed.edits), draft);
    });

    it('asks the corpus of the server thread its facts, once per question', async () => {
      corpus = fakeCorpus();
      const config = defaultConfig();
      config.rules['new-language'] = { severity: 'hint', options: {} };
      const text = syntheticDraft(20_000);
      const checked = await pool.run('check', input(text, config), ['dateOf', 'newSpans']);
      const here = checkWork(input(text, config), fakeCorpus());
      assert.deepStrictEqual(summary(checked.findings), summary(here.findings));
      assert.ok(checked.findings.some((f) => f.rule === 'citation-date' && /1 January 2001/.test(f.message)));
      assert.ok(checked.findings.some((f) => f.rule === 'new-language'));
      const dates = corpus.asked.filter((a) => a.startsWith('dateOf'));
      assert.strictEqual(new Set(dates).size, dates.length, 'each resolution asked once');
      // without a corpus, no question is asked and the corpus findings are absent
      const none = await pool.run('check', input(text, config), []);
      assert.ok(!none.findings.some((f) => f.rule === 'new-language' || /2001/.test(f.message)));
    });

    it('a job cancelled while waiting never runs; one cancelled while running stops its worker, and the next job gets a new one', async () => {
      const big = syntheticDraft(1024 * 1024);
      const running = new AbortController();
      const waiting = new AbortController();
      const a = pool.run('check', input(big), [], running.signal);
      const b = pool.run('check', input(big), [], waiting.signal);
      assert.strictEqual(pool.pending, 2);
      waiting.abort('superseded');
      await assert.rejects(b, (e: unknown) => e instanceof JobCancelled && e.message === 'superseded');
      running.abort();
      await assert.rejects(a, JobCancelled);
      assert.strictEqual(pool.pending, 0);
      const c = await pool.run('check', input(seed), []);
      assert.ok(Array.isArray(c.findings));
      const aborted = new AbortController();
      aborted.abort();
      await assert.rejects(pool.run('check', input(seed), [], aborted.signal), JobCancelled);
    });

    it('a worker out of memory fails its job with the reason; the pool goes on; a disposed pool takes no job', async () => {
      const small = new WorkerPool({ script: SCRIPT, size: 1, heapMb: 16, facts: () => undefined, log: (m) => logs.push(m) });
      try {
        await assert.rejects(small.run('check', input(syntheticDraft(6 * 1024 * 1024)), []), (e: unknown) => {
          return e instanceof WorkerFailed && /out of memory/i.test(e.message);
        });
        const after = await small.run('check', input(seed), []);
        assert.ok(after.findings.length >= 0);
      } finally {
        await small.dispose();
      }
      await assert.rejects(small.run('check', input(seed), []), JobCancelled);
      const missing = new WorkerPool({
        script: path.join(__dirname, 'no-such-worker.js'),
        size: 1,
        facts: () => undefined,
        log: () => undefined,
      });
      await assert.rejects(missing.run('check', input(seed), []), WorkerFailed);
      await missing.dispose();
    });
  });

  describe('DocumentService', () => {
    let service: DocumentService;
    const logs: string[] = [];
    const warnings: string[] = [];
    const host: DocumentServiceHost = {
      corpusFacts: () => undefined,
      locale: () => 'en',
      log: (m) => logs.push(m),
      warn: (m) => warnings.push(m),
    };
    beforeEach(() => {
      service = new DocumentService(host);
      service.configure({ threshold: 10_000, workers: 1 });
    });
    afterEach(() => service.dispose());
    const doc = (text: string, version = 1, uri = 'file:///tmp/a.res.md') => TextDocument.create(uri, 'resolution', version, text);

    it('checks a small draft here, on the model the editor features share, once per version', async () => {
      const d = doc(seed.slice(0, 9_000));
      const a = await service.check(d, defaultConfig());
      const model = service.parsed(d);
      assert.strictEqual(service.parsed(d), model, 'the model is parsed once');
      assert.strictEqual(await service.check(d, defaultConfig()), a, 'the result is kept for the version');
      assert.strictEqual(service.pendingJobs, 0, 'no worker was asked');
      const fixed = await service.fixAll(d, defaultConfig());
      assert.deepStrictEqual(fixed.applied, fixAllWork(input(d.getText()), undefined).applied);
    });

    it('requests of the same version share one job in a worker; one requester cancelling leaves it to the other', async () => {
      const d = doc(syntheticDraft(300_000));
      const first = new CancellationTokenSource();
      const second = new CancellationTokenSource();
      const a = service.check(d, defaultConfig(), first.token);
      const b = service.check(d, defaultConfig(), second.token);
      assert.strictEqual(service.pendingJobs, 1);
      first.cancel();
      await assert.rejects(a, JobCancelled);
      const result = await b;
      assert.ok(result.findings.length > 0);
      assert.strictEqual(await service.check(d, defaultConfig()), result);
    });

    it('a job all its requesters cancelled is given up, and asked again it runs again', async () => {
      const d = doc(syntheticDraft(300_000));
      const t = new CancellationTokenSource();
      const a = service.check(d, defaultConfig(), t.token);
      t.cancel();
      await assert.rejects(a, JobCancelled);
      assert.strictEqual(service.pendingJobs, 0);
      const cancelled = new CancellationTokenSource();
      cancelled.cancel();
      await assert.rejects(service.check(d, defaultConfig(), cancelled.token), JobCancelled);
      assert.ok((await service.check(d, defaultConfig())).findings.length > 0);
    });

    it('a newer version or closing the document gives up the work on the older one', async () => {
      const v1 = service.check(doc(syntheticDraft(300_000), 1), defaultConfig());
      const v2 = service.fixAll(doc(syntheticDraft(300_000), 2), defaultConfig());
      await assert.rejects(v1, JobCancelled);
      service.close('file:///tmp/a.res.md');
      await assert.rejects(v2, JobCancelled);
      // a workspace file: checked in a worker even when small, cancellable by its token
      const t = new CancellationTokenSource();
      const text = service.checkText(seed, defaultConfig(), t.token, '/tmp/seed.res.md');
      assert.strictEqual(service.pendingJobs, 1);
      assert.deepStrictEqual(summary((await text).findings), summary(checkWork(input(seed), undefined).findings));
    });

    it('reports a worker that failed (log and warning) and rejects with WorkerFailed; without workers it works here', async () => {
      service.configure({ threshold: 10_000, workers: 1, workerHeapMb: 16 });
      await assert.rejects(service.check(doc(syntheticDraft(6 * 1024 * 1024), 1, 'file:///tmp/big.res.md'), defaultConfig()), WorkerFailed);
      assert.ok(
        logs.some((l) => /big\.res\.md failed in a worker: .*out of memory/i.test(l)),
        logs.join('\n'),
      );
      assert.ok(warnings.some((w) => /could not run on big\.res\.md/.test(w)));
      service.configure({ workers: 0 });
      const r = await service.check(doc(syntheticDraft(20_000), 2, 'file:///tmp/big.res.md'), defaultConfig());
      assert.ok(r.findings.length >= 0);
      assert.strictEqual(service.pendingJobs, 0);
    });

    it('answers RequestCancelled to a cancelled request, ContentModified to a superseded one', () => {
      const t = new CancellationTokenSource();
      assert.strictEqual(cancelledResponse(t.token).code, LSPErrorCodes.ContentModified);
      t.cancel();
      assert.strictEqual(cancelledResponse(t.token).code, LSPErrorCodes.RequestCancelled);
    });
  });
});

describe('opening phrase counts of a corpus, a slice at a time', () => {
  it('count the same as at once, yielding to the event loop between slices', async () => {
    const corpus = new Corpus();
    await corpus.load({ builtin: true });
    const once = countOpenings(corpus.index);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const sliced = await countOpeningsSliced(corpus.index, 0);
    clearInterval(timer);
    assert.deepStrictEqual([...sliced.operative], [...once.operative]);
    assert.deepStrictEqual([...sliced.preambular], [...once.preambular]);
    assert.ok([...once.operative.values()].some((p) => p.count > 0));
    assert.ok(ticks > 0, 'timers ran while it counted');
  });
});

describe('the edits of a fix-all on a large draft', () => {
  /** A deterministic pseudo-random generator (the same cases every run). */
  const rng = (seed: number) => () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

  it('one minimal edit while it stays small; one edit per changed place on a large draft, rebuilding the text exactly', () => {
    const small = 'The General Assembly,\n\n1. *Decides* to act\n';
    assert.deepStrictEqual(fixAllEdits(small, small), []);
    assert.strictEqual(fixAllEdits(small, small.replace('act', 'act;')).length, 1);
    const big = syntheticDraft(600_000);
    const fixed = big.replace(/^(\d*[05]\. .*);$/gm, '$1.').replace(/Member States/g, (m, at: number) => (at % 3 ? m : 'States'));
    const edits = fixAllEdits(big, fixed);
    assert.ok(edits.length > 100, `${edits.length} edits`);
    assert.ok(edits.every((e) => e.newText.length < 100));
    assert.strictEqual(applyEdits(big, edits), fixed);
  });

  it('rebuilds the text exactly whatever the changes: insertions, deletions, replacements, near each other or at the ends', () => {
    const random = rng(7);
    const base = syntheticDraft(SPLIT_EDIT_CHARS * 2);
    const pieces = [';', '', ' ', 'bis ', '*', '\n\n', 'States', 'xx'.repeat(200)];
    for (let round = 0; round < 12; round++) {
      let after = base;
      const n = 1 + Math.floor(random() * 400);
      for (let k = 0; k < n; k++) {
        const at = Math.floor(random() * after.length);
        const del = Math.floor(random() * (random() < 0.1 ? 600 : 4));
        after = after.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + after.slice(at + del);
      }
      if (round % 4 === 0) after = 'Preface\n' + after + ';';
      const spans = changedSpans(base, after);
      assert.ok(spans, `round ${round}`);
      assert.strictEqual(applyEdits(base, fixAllEdits(base, after)), after, `round ${round}`);
    }
    // entirely different texts: still exact
    const other = syntheticDraft(SPLIT_EDIT_CHARS * 2)
      .split('')
      .reverse()
      .join('');
    assert.strictEqual(applyEdits(base, fixAllEdits(base, other)), other);
  });
});
