/**
 * Precedent engine benchmark (`npm run bench`; not part of `npm test`).
 *
 * Corpus: the seeds plus, when ../shared is present, the 650 AKN4UN General Assembly resolutions,
 * scaled by synthetic variation of real paragraphs (reordered clauses, substituted phrases,
 * dropped or borrowed clauses, changed years and sessions) to 100k and 1M paragraphs.
 * Queries: real paragraphs held back from the corpus (neither they nor variants of them are
 * indexed): whole-paragraph queries and prefix queries (the first words and a half-typed word).
 * Measures index build time, heap, query latency p50/p95, recall@5 against the exhaustive
 * Levenshtein scan and the speed ratio against it, in the same process.
 *
 * recall@5: for each query, the exhaustive scan's top 5 with similarity >= 0.5 (weaker matches are
 * not precedents and are not shown) — the share of them the index returns (tie-aware: position i
 * counts as found when the index's i-th score is at least the exhaustive i-th score).
 *
 * Latencies: the median of three runs of each query; p50/p95 over the queries.
 *
 * Output: progress lines, the 1M figures as JSON on the line before last, the 100k figures as JSON
 * on the last line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { PrecedentIndex } from '../../server/src/core/precedent/index';
import { readTextResolution } from '../../server/src/core/precedent/textfile';
import type { ParagraphRecord, SourceDocument } from '../../server/src/core/precedent/types';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** ../shared/corpus relative to the repository root (or a worktree's parent folders). */
function sharedCorpus(): string {
  let dir = path.resolve(repoRoot, '..');
  for (let i = 0; i < 3; i++) {
    const c = path.join(dir, 'shared', 'corpus', 'un-ga-akn4un');
    if (fs.existsSync(c)) return c;
    dir = path.dirname(dir);
  }
  return path.resolve(repoRoot, '..', 'shared', 'corpus', 'un-ga-akn4un');
}
const shared = sharedCorpus();

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
const rand = rng(20260522);
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];

function loadReal(): ParagraphRecord[] {
  const out: ParagraphRecord[] = [];
  const seeds = path.join(repoRoot, 'seeds');
  for (const f of fs.readdirSync(seeds)) {
    if (!/\.(txt|md)$/.test(f) || /^readme/i.test(f)) continue;
    out.push(...readTextResolution(fs.readFileSync(path.join(seeds, f), 'utf8'), path.join(seeds, f)).records);
  }
  if (fs.existsSync(shared)) {
    for (const session of ['75', '76']) {
      const dir = path.join(shared, session);
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).sort()) {
        if (!f.endsWith('.xml')) continue;
        try {
          for (const d of parseAkn(fs.readFileSync(path.join(dir, f), 'utf8'))) {
            const source: SourceDocument = { path: path.join(dir, f), symbol: d.symbol ?? f, title: d.title, date: d.date };
            for (const p of d.paragraphs) out.push({ text: p.text, kind: p.kind, paragraph: p.number, line: 0, source });
          }
        } catch (e) {
          console.log(`skipped ${f}: ${(e as Error).message}`);
        }
      }
    }
  } else {
    console.log(`note: ${shared} is absent; the corpus is built from the seeds alone`);
  }
  return out;
}

// --- synthetic variation -------------------------------------------------------------------

const SUBSTITUTIONS: Array<[RegExp, string[]]> = [
  [/\bMember States\b/, ['States', 'all Member States', 'States parties', 'Governments', 'all States']],
  [/\bEncourages\b/, ['Urges', 'Invites', 'Strongly encourages', 'Calls upon']],
  [/\bCalls upon\b/, ['Urges', 'Encourages', 'Calls on', 'Invites']],
  [/\bRequests\b/, ['Also requests', 'Further requests', 'Invites']],
  [/\bRecalling\b/, ['Reaffirming', 'Recalling also', 'Bearing in mind']],
  [/\bRecognizing\b/, ['Acknowledging', 'Recognizing also', 'Noting']],
  [/\bthe Secretary-General\b/, ['the United Nations Secretariat', 'the Secretary-General and relevant entities']],
  [/\bdeveloping countries\b/, ['least developed countries', 'developing countries, in particular African countries']],
  [/\bthe United Nations system\b/, ['the relevant United Nations entities', 'the funds and programmes of the United Nations']],
  [/\bsustainable development\b/, ['sustainable and inclusive development', 'the 2030 Agenda']],
  [/\bcontinue to\b/, ['further', 'step up efforts to']],
  [/\bseventy-fifth\b/, ['seventy-seventh', 'seventy-eighth', 'seventy-ninth']],
  [/\bseventy-sixth\b/, ['seventy-eighth', 'eightieth']],
  [/\bincluding\b/, ['including, inter alia,', 'in particular']],
  [/\bimportance\b/, ['critical importance', 'need']],
  [/\bwelcomes\b/, ['takes note of', 'notes with appreciation']],
];

function variant(text: string): string {
  let t = text;
  const ops = 1 + Math.floor(rand() * 3);
  for (let o = 0; o < ops; o++) {
    const r = rand();
    if (r < 0.45) {
      const subs = SUBSTITUTIONS.filter(([re]) => re.test(t));
      if (subs.length) {
        const [re, alts] = pick(subs);
        t = t.replace(re, pick(alts));
        continue;
      }
    }
    if (r < 0.6) {
      t = t.replace(/\b(19|20)(\d\d)\b/, (_m, a, b) => String(Number(a + b) + 1 + Math.floor(rand() * 4)));
      t = t.replace(/\b(7[0-9])\/(\d+)\b/, (_m, s) => `${Number(s) + 1 + Math.floor(rand() * 3)}/${1 + Math.floor(rand() * 300)}`);
      continue;
    }
    const clauses = t.split(/(?<=,) /);
    if (clauses.length >= 3) {
      const i = 1 + Math.floor(rand() * (clauses.length - 2));
      if (r < 0.75) {
        [clauses[i], clauses[i + 1]] = [clauses[i + 1], clauses[i]]; // reordered clauses
      } else if (r < 0.87) {
        clauses.splice(i, 1); // dropped clause
      } else {
        const other = pick(pool).text.split(/(?<=,) /);
        if (other.length > 2) clauses.splice(i, 0, other[1 + Math.floor(rand() * (other.length - 2))]); // borrowed clause
      }
      t = clauses.join(' ');
    } else {
      const ws = t.split(' ');
      if (ws.length > 6) ws.splice(2 + Math.floor(rand() * (ws.length - 3)), 1 + Math.floor(rand() * 2));
      t = ws.join(' ');
    }
  }
  return t;
}

let pool: ParagraphRecord[] = [];
const syntheticSources: SourceDocument[] = [];

function scale(n: number): ParagraphRecord[] {
  const out: ParagraphRecord[] = pool.slice(0, n);
  let doc: SourceDocument | undefined;
  let inDoc = 0;
  while (out.length < n) {
    if (!doc || inDoc >= 60) {
      const s = 60 + Math.floor(rand() * 25);
      doc = {
        path: `synthetic/${s}/${syntheticSources.length}.xml`,
        symbol: `A/RES/${s}/${1 + Math.floor(rand() * 330)}`,
        date: `${1 + Math.floor(rand() * 28)} December ${1945 + s}`,
      };
      syntheticSources.push(doc);
      inDoc = 0;
    }
    const base = pool[Math.floor(rand() * pool.length)];
    out.push({ text: variant(base.text), kind: base.kind, paragraph: base.paragraph, line: 0, source: doc });
    inDoc++;
  }
  return out;
}

// --- measurement -----------------------------------------------------------------------------

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const r2 = (x: number) => Math.round(x * 100) / 100;
const gc = (global as any).gc as (() => void) | undefined;
function heapMB(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576; // typed arrays (postings) live outside the JS heap
}

function prefixOf(text: string): string {
  const ws = text.split(/\s+/);
  const n = Math.min(ws.length - 1, 5 + Math.floor(rand() * 4));
  const partial = ws[n].replace(/[^\p{L}]/gu, '');
  return ws.slice(0, n).join(' ') + ' ' + partial.slice(0, Math.max(1, Math.ceil(partial.length / 2)));
}

interface Figures {
  corpusParagraphs: number;
  buildMs: number;
  heapMB: number;
  queryP50Ms: number;
  queryP95Ms: number;
  prefixP95Ms: number;
  recallAt5: number;
  baselineP50Ms: number;
  speedup: number;
}

function run(n: number, queries: string[], baselineQueries: number): Figures {
  const records = scale(n);
  const before = heapMB();
  const t0 = performance.now();
  const index = new PrecedentIndex();
  if (process.env.BENCH_TUNING) Object.assign(index.tuning, JSON.parse(process.env.BENCH_TUNING));
  for (const r of records) index.add(r);
  index.commit();
  const buildMs = performance.now() - t0;
  records.length = 0;
  const heap = heapMB();
  console.log(`${n}: built in ${Math.round(buildMs)} ms, heap ${Math.round(heap)} MB (${Math.round(heap - before)} MB for the index and its texts)`, JSON.stringify(index.stats()));

  // warm-up
  for (const q of queries.slice(0, 10)) index.search(q);
  // Each query is timed three times and its median kept (the machine is shared: this damps
  // scheduler noise without hiding slow queries, which are slow every time).
  const median3 = (f: () => void) => {
    const t: number[] = [];
    for (let r = 0; r < 3; r++) {
      const s = performance.now();
      f();
      t.push(performance.now() - s);
    }
    return t.sort((a, b) => a - b)[1];
  };
  gc?.();
  const lat: number[] = [];
  const results: number[][] = [];
  for (const q of queries) {
    results.push(index.search(q, { top: 5 }).map((x) => x.score));
    lat.push(median3(() => index.search(q, { top: 5 })));
  }
  gc?.();
  const plat: number[] = [];
  let prefixHits = 0;
  for (const q of queries) {
    const pq = prefixOf(q);
    if (index.prefix(pq, { top: 5 }).length) prefixHits++;
    plat.push(median3(() => index.prefix(pq, { top: 5 })));
  }
  const base: number[] = [];
  let found = 0;
  let relevant = 0;
  for (let i = 0; i < Math.min(baselineQueries, queries.length); i++) {
    const t = performance.now();
    const exact = index.exhaustive(queries[i], { top: 5 });
    base.push(performance.now() - t);
    const got = results[i];
    exact.forEach((e, j) => {
      if (e.score < 0.5) return;
      relevant++;
      if (got[j] !== undefined && got[j] >= e.score - 1e-9) found++;
      else if (process.env.BENCH_DEBUG) console.log(`miss: query ${i} exact ${exact.map((x) => x.score)} index ${got}\n  q: ${queries[i].slice(0, 200)}\n  e: ${e.text.slice(0, 200)}`);
    });
  }
  const f: Figures = {
    corpusParagraphs: n,
    buildMs: Math.round(buildMs),
    heapMB: Math.round(heap),
    queryP50Ms: r2(percentile(lat, 50)),
    queryP95Ms: r2(percentile(lat, 95)),
    prefixP95Ms: r2(percentile(plat, 95)),
    recallAt5: relevant ? Math.round((found / relevant) * 1000) / 1000 : 1,
    baselineP50Ms: r2(percentile(base, 50)),
    speedup: Math.round(percentile(base, 50) / Math.max(1e-3, percentile(lat, 50))),
  };
  console.log(
    `${n}: paragraph query p50 ${f.queryP50Ms} ms p95 ${f.queryP95Ms} ms; prefix p50 ${r2(percentile(plat, 50))} ms p95 ${f.prefixP95Ms} ms (${prefixHits}/${queries.length} with results); ` +
      `exhaustive p50 ${f.baselineP50Ms} ms over ${base.length} queries; recall@5 ${f.recallAt5} (${found}/${relevant} precedents with similarity >= 0.5)`,
  );
  return f;
}

function main(): void {
  if (!gc) console.log('note: run node with --expose-gc for exact heap figures');
  const t = performance.now();
  const real = loadReal();
  console.log(`real paragraphs: ${real.length} (read in ${Math.round(performance.now() - t)} ms)`);
  // Hold back 200 real paragraphs of the 76th session (or any, without ../shared) as queries.
  const candidates = real.filter((r) => r.text.split(/\s+/).length >= 12 && /\/76\//.test(r.source.symbol));
  const heldSet = new Set<ParagraphRecord>();
  const from = candidates.length >= 200 ? candidates : real.filter((r) => r.text.split(/\s+/).length >= 12);
  while (heldSet.size < Math.min(200, Math.floor(from.length / 4))) heldSet.add(pick(from));
  const held = [...heldSet];
  const heldText = new Set(held.map((h) => h.text));
  pool = real.filter((r) => !heldText.has(r.text));
  // shuffle the pool so that every scale takes real paragraphs first, then variants
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  const queries = held.map((h) => h.text);
  console.log(`queries: ${queries.length} held-back paragraphs; pool ${pool.length} real paragraphs`);
  const f100k = run(100_000, queries, 100);
  if (process.env.BENCH_ONLY_100K) {
    console.log(JSON.stringify(f100k));
    return;
  }
  const f1m = run(1_000_000, queries, 40);
  console.log(`total ${Math.round((performance.now() - t) / 1000)} s`);
  console.log(JSON.stringify(f1m));
  console.log(JSON.stringify(f100k));
}

main();
