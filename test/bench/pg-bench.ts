/**
 * Shared corpus benchmark (`npm run bench:pg`; not part of the tests): the PostgreSQL backend
 * against the embedded index, on the same paragraphs, in the same process.
 *
 * Corpus: the 650 AKN4UN General Assembly resolutions of ../shared (English), enlarged to 100k and
 * 1M paragraphs by synthetic variation of real paragraphs (substituted phrases, dropped words,
 * changed years), in synthetic documents. Queries: 200 real paragraphs held back from the corpus,
 * and their openings (the first words and a half-typed word).
 *
 * Figures per size: load time (embedded: index build; database: `pushRecords`, schema and ANALYZE
 * included), size (embedded: heap growth; database: tables and indexes on disk), query latency
 * p50/p95 for whole paragraphs and openings, and the share of queries whose top 5 (score ≥ 0.5)
 * is the same in both. A throwaway cluster is started (test/support/pgCluster.ts), or
 * RESOLUTION_TEST_PG is used. Sizes: BENCH_PG_SIZES=100000,1000000 (default).
 */
import * as path from 'path';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { PrecedentIndex } from '../../server/src/core/precedent/index';
import { createPool, PgCorpus, pushRecords, PushRecord } from '../../server/src/core/precedent/pgBackend';
import type { Match, SourceDocument } from '../../server/src/core/precedent/types';
import { pgUnavailableReason, startCluster } from '../support/pgCluster';
import { sharedCorpusDir } from '../tools/corpus-path';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261127);
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];

const SUBSTITUTIONS: Array<[RegExp, string[]]> = [
  [/\bMember States\b/, ['States', 'all Member States', 'States parties', 'Governments']],
  [/\bEncourages\b/, ['Urges', 'Invites', 'Strongly encourages', 'Calls upon']],
  [/\bCalls upon\b/, ['Urges', 'Encourages', 'Calls on']],
  [/\bRequests\b/, ['Also requests', 'Further requests', 'Invites']],
  [/\bRecalling\b/, ['Reaffirming', 'Recalling also', 'Bearing in mind']],
  [/\bthe Secretary-General\b/, ['the United Nations Secretariat', 'the Secretary-General and relevant entities']],
  [/\bdeveloping countries\b/, ['least developed countries', 'developing countries, in particular African countries']],
  [/\bincluding\b/, ['including, inter alia,', 'in particular']],
];

function variant(text: string): string {
  let t = text;
  for (let o = 1 + Math.floor(rand() * 3); o > 0; o--) {
    const r = rand();
    const subs = SUBSTITUTIONS.filter(([re]) => re.test(t));
    if (r < 0.45 && subs.length) {
      const [re, alts] = pick(subs);
      t = t.replace(re, pick(alts));
    } else if (r < 0.6) {
      t = t.replace(/\b(19|20)(\d\d)\b/, (_m, a, b) => String(Number(a + b) + 1 + Math.floor(rand() * 4)));
    } else {
      const ws = t.split(' ');
      if (ws.length > 6) ws.splice(2 + Math.floor(rand() * (ws.length - 3)), 1 + Math.floor(rand() * 2));
      t = ws.join(' ');
    }
  }
  return t;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const r1 = (x: number) => Math.round(x * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;
function heapMB(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576;
}

function shown(ms: Match[]): string {
  if (ms.length === 0) return '';
  const last = ms[ms.length - 1].score;
  return `${ms.map((m) => m.score).join(',')}|${ms
    .filter((m) => m.score > last)
    .map((m) => `${m.source.symbol}#${m.source.paragraph}#${m.text}`)
    .sort()
    .join(';')}`;
}

async function main(): Promise<void> {
  const reason = pgUnavailableReason();
  if (reason) {
    console.log(`skipped: ${reason}`);
    return;
  }
  const shared = sharedCorpusDir();
  if (!shared) {
    console.log('skipped: ../shared not present');
    return;
  }
  const sizes = (process.env.BENCH_PG_SIZES ?? '100000,1000000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const corpus = new Corpus();
  await corpus.load({ builtin: false, paths: [path.join(shared, 'un-ga-akn4un')] });
  const real: PushRecord[] = [];
  const sources = new Map<string, SourceDocument>();
  for (const id of corpus.index.ids()) {
    const m = corpus.index.match(id, 1);
    const key = m.source.path + '\u0000' + m.source.symbol;
    let src = sources.get(key);
    if (!src)
      sources.set(key, (src = { path: path.basename(m.source.path), symbol: m.source.symbol, title: m.source.title, date: m.source.date }));
    real.push({ text: m.text, kind: m.source.kind, paragraph: m.source.paragraph, line: 0, source: src, language: 'en' });
  }
  // hold back 200 real paragraphs (every n-th one) as queries
  const every = Math.floor(real.length / 200);
  const queries = real
    .filter((_r, i) => i % every === 0)
    .slice(0, 200)
    .map((r) => r.text);
  const held = new Set(queries);
  const pool = real.filter((r) => !held.has(r.text));
  const prefixes = queries.map((t, i) => {
    const ws = t.split(/\s+/);
    const k = Math.min(ws.length - 1, 4 + (i % 5));
    const next = (ws[k] ?? '').replace(/[^\p{L}]/gu, '');
    return ws.slice(0, k).join(' ') + ' ' + next.slice(0, Math.max(1, Math.ceil(next.length / 2)));
  });
  console.log(`real paragraphs: ${real.length}; queries held back: ${queries.length} (+ ${prefixes.length} openings)`);

  const cluster = startCluster();
  const results: unknown[] = [];
  try {
    for (const size of sizes) {
      const records: PushRecord[] = pool.slice(0, size);
      let doc: SourceDocument | undefined;
      let inDoc = 0;
      while (records.length < size) {
        if (!doc || inDoc >= 60) {
          const s = 60 + Math.floor(rand() * 25);
          doc = {
            path: `synthetic/${s}/${records.length}.xml`,
            symbol: `A/RES/${s}/S${records.length}`,
            date: `${1 + Math.floor(rand() * 28)} December ${1945 + s}`,
          };
          inDoc = 0;
        }
        const base = pick(pool);
        records.push({ text: variant(base.text), kind: base.kind, paragraph: base.paragraph, line: 0, source: doc, language: 'en' });
        inDoc++;
      }
      console.log(`\n${size} paragraphs`);

      // embedded
      const heap0 = heapMB();
      let t0 = performance.now();
      const index = new PrecedentIndex();
      for (const r of records) index.add(r);
      index.commit();
      const buildMs = performance.now() - t0;
      const heap = heapMB() - heap0;
      const time = async (fn: (q: string) => Match[] | Promise<Match[]>, qs: string[]) => {
        const ms: number[] = [];
        const out: Match[][] = [];
        for (const q of qs) {
          const s = performance.now();
          out.push(await fn(q));
          ms.push(performance.now() - s);
        }
        return { p50: r1(percentile(ms, 50)), p95: r1(percentile(ms, 95)), out };
      };
      const eSearch = await time((q) => index.search(q, { top: 5, minScore: 0.5 }), queries);
      const ePrefix = await time((q) => index.prefix(q, { top: 5, minScore: 0.5 }), prefixes);
      console.log(
        `  embedded: build ${r1(buildMs / 1000)} s, heap ${r1(heap)} MB, search p50 ${eSearch.p50} ms p95 ${eSearch.p95} ms, openings p50 ${ePrefix.p50} ms p95 ${ePrefix.p95} ms`,
      );

      // database
      const url = cluster.createDatabase(`bench_${size}`);
      const pgPool = createPool({ connectionString: url, queryTimeoutMs: 0 });
      t0 = performance.now();
      await pushRecords(pgPool, records);
      const loadMs = performance.now() - t0;
      await pgPool.end();
      const pg = new PgCorpus({ connectionString: url });
      const stats = await pg.stats();
      await pg.search(queries[0]); // connect, read the paragraph count
      const dSearch = await time((q) => pg.search(q, { top: 5, minScore: 0.5 }), queries);
      const dPrefix = await time((q) => pg.prefix(q, { top: 5, minScore: 0.5 }), prefixes);
      await pg.close();
      const alike = (a: Match[][], b: Match[][]) => a.filter((x, i) => shown(x) === shown(b[i])).length / a.length;
      const figures = {
        paragraphs: size,
        embedded: {
          buildS: r1(buildMs / 1000),
          heapMB: r1(heap),
          searchP50Ms: eSearch.p50,
          searchP95Ms: eSearch.p95,
          openingP50Ms: ePrefix.p50,
          openingP95Ms: ePrefix.p95,
        },
        database: {
          loadS: r1(loadMs / 1000),
          diskMB: r1(stats.bytes / 1048576),
          searchP50Ms: dSearch.p50,
          searchP95Ms: dSearch.p95,
          openingP50Ms: dPrefix.p50,
          openingP95Ms: dPrefix.p95,
        },
        sameTop5: { search: r1(alike(eSearch.out, dSearch.out) * 100), openings: r1(alike(ePrefix.out, dPrefix.out) * 100) },
        ratio: { searchP50: r1(dSearch.p50 / Math.max(0.01, eSearch.p50)) },
      };
      console.log(
        `  database: load ${figures.database.loadS} s, ${figures.database.diskMB} MB on disk, search p50 ${dSearch.p50} ms p95 ${dSearch.p95} ms, openings p50 ${dPrefix.p50} ms p95 ${dPrefix.p95} ms`,
      );
      console.log(
        `  same top 5: ${figures.sameTop5.search} % of searches, ${figures.sameTop5.openings} % of openings; database/embedded search p50 ×${figures.ratio.searchP50}`,
      );
      console.log(JSON.stringify(figures));
      results.push(figures);
    }
  } finally {
    cluster.stop();
  }
  if (results.length > 1) console.log(JSON.stringify(results));
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
