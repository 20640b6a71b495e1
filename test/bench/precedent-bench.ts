/**
 * Precedent engine benchmark (`npm run bench`; not part of `npm test`).
 *
 * Corpus and queries: the 75th session of the General Assembly (AKN4UN, ../shared/corpus) plus the
 * seeds make the corpus; the paragraphs of the 76th session are held back and are the queries
 * (real paragraphs of texts the corpus does not hold — many are the next year's version of a
 * corpus paragraph, many only loosely related). The corpus is enlarged to 100k and 1M paragraphs
 * by realistic recombination of its own paragraphs (substituted phrases, changed years and
 * sessions, reordered, dropped or borrowed clauses, dropped words); nothing made from a query
 * enters the corpus.
 *
 * Figures per scale: build time, heap (JS heap + typed arrays, after GC) and the index's share,
 * latency p50/p95 of whole-paragraph queries and of prefix (typing) queries (each query timed
 * three times, median kept), recall@5 against the exact top 5 (the exhaustive scan's results,
 * computed with a proven bound: `PrecedentIndex.exact`) over every query whose true best
 * precedent scores >= 0.3, per similarity band, prefix recall, serialize/deserialize time, and
 * the speed ratio to the plain exhaustive Levenshtein scan run in the same process.
 *
 * recall@5: for each counted query and each position i of its exact top 5 with score >= 0.3,
 * position i is found when the index's i-th score is at least the exact i-th score (tie-aware:
 * another paragraph with the same score is as good an answer). Bands by the exact score.
 * Prefix recall: a typed opening (5 to 8 words and half of the next) that some corpus paragraph
 * continues exactly; found when the index's first min(5, distinct continuations) completions are
 * all exact continuations.
 *
 * Languages: the same, in one index holding all six languages (each language's 75th session,
 * enlarged to BENCH_PER_LANG paragraphs; queries from its 76th session, searched in their
 * language).
 *
 * How the large corpora are made (scale()): the ~14,000 real paragraphs of session 75 and the seeds
 * come first, unchanged; every further paragraph is a variant of a real one drawn at random — one
 * to three edits of the kinds a resolution undergoes from year to year: a phrase substituted
 * (`Encourages` → `Urges`, `Member States` → `all States`), years and session numbers moved on,
 * two clauses swapped, a clause dropped, a clause borrowed from another real paragraph, one or two
 * words dropped — grouped 60 to a synthetic document with its own symbol and date. So at 1M each
 * real paragraph has about 70 variants, each different from the others.
 *
 * Queries are drawn with a fixed seed (BENCH_SEED to change it; the seed is printed): with 2,400
 * queries, runs with seeds 1 and 2 agree on recall@5 at 1M within 0.2 points (with 1,200, about 0.5;
 * the first 1,200 of 2,400 are the 1,200 a run of 1,200 draws, so their cached top 5 serve both).
 * Environment: BENCH_SEED (default 1), BENCH_SCALES (default "100000,1000000"), BENCH_QUERIES (2400),
 * BENCH_TRUTH_1M (2400: exact top 5 computed for that many queries at 1M), BENCH_PER_LANG (25000),
 * BENCH_LANG_QUERIES (500), BENCH_SKIP_LANGS, BENCH_SKIP_EXTRAS (recall and latency only), BENCH_TUNING (JSON: search
 * settings), BENCH_VERIFY_EXACT (N: the exact top 5 checked against the plain scan on N queries),
 * BENCH_BUILD_ONLY (build figures only: no queries, recall or round trip), BENCH_DUMP (a folder: with
 * BENCH_TUNINGS, the index of each scale is saved there with the queries and their exact top 5, for analysis
 * outside the benchmark).
 *
 * The exact top 5 of each query is cached on disk (BENCH_TRUTH_CACHE, default
 * ~/.cache/resolution-bench/), keyed by a hash of what it depends on: the corpus paragraphs (text,
 * number, source symbol, kind, language, in order), the query's text and words, k, the minimum
 * score, SIMILARITY_VERSION and the tokenizer's words on a sample — never the index's code — so a
 * rerun times the index only; each run prints how many came from the cache. BENCH_TRUTH_ONLY=1
 * only fills the cache (e.g. in the background, niced, before timing runs).
 *
 * `--baselines` (`npm run bench -- --baselines`): FlexSearch and MiniSearch, each holding the same
 * paragraphs (scales up to BENCH_BASELINE_MAX, default 100000), answer the first
 * BENCH_BASELINE_QUERIES (200) queries: build time, heap, p50/p95 and recall@5 against the same exact
 * top 5, beside the index's recall on the same queries.
 *
 * Times are printed as wall-clock and CPU time (process.cpuUsage, user + system): the machine may
 * be shared, and CPU time is what the process itself spent.
 *
 * Output: progress lines, then one JSON line per scale and one per language.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { Index as FlexIndex } from 'flexsearch';
import MiniSearch from 'minisearch';
import { PrecedentIndex, textSimilarity } from '../../server/src/core/precedent/index';
import { SIMILARITY_VERSION } from '../../server/src/core/precedent/similarity';
import { words, wordSpans } from '../../server/src/core/precedent/normalize';
import { readTextResolution } from '../../server/src/core/precedent/textfile';
import { LANGUAGES, Lang } from '../../server/src/core/languages';
import type { Match, ParagraphRecord, SourceDocument } from '../../server/src/core/precedent/types';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
/** ../shared/corpus relative to the repository root (or a worktree's parent folders). */
function sharedCorpus(): string {
  let dir = path.resolve(repoRoot, '..');
  for (let i = 0; i < 3; i++) {
    const c = path.join(dir, 'shared', 'corpus');
    if (fs.existsSync(path.join(c, 'un-ga-akn4un'))) return c;
    dir = path.dirname(dir);
  }
  return path.resolve(repoRoot, '..', 'shared', 'corpus');
}
const shared = sharedCorpus();
/** `--baselines`: also run FlexSearch and MiniSearch on the same paragraphs and queries (100k and below). */
const BASELINES = process.argv.includes('--baselines');
const env = (k: string, d: number) => (process.env[k] ? Number(process.env[k]) : d);

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
const SEED = env('BENCH_SEED', 1);
const rand = rng(SEED);
const pick = <T>(a: T[]): T => a[Math.floor(rand() * a.length)];

function sample<T>(a: T[], n: number): T[] {
  const c = [...a];
  for (let i = c.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [c[i], c[j]] = [c[j], c[i]];
  }
  return c.slice(0, n);
}

/** Paragraphs of the AKN4UN files of one session in one language. */
function loadSession(lang: Lang, session: string): ParagraphRecord[] {
  const dir = path.join(shared, lang === 'en' ? 'un-ga-akn4un' : `un-ga-akn4un-${lang}`, session);
  const out: ParagraphRecord[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith('.xml')) continue;
    try {
      for (const d of parseAkn(fs.readFileSync(path.join(dir, f), 'utf8'))) {
        const source: SourceDocument = { path: path.join(dir, f), symbol: d.symbol ?? f, title: d.title, date: d.date };
        for (const p of d.paragraphs) out.push({ text: p.text, kind: p.kind, paragraph: p.number, line: 0, source, lang });
      }
    } catch (e) {
      console.log(`skipped ${f}: ${(e as Error).message}`);
    }
  }
  return out;
}

function loadSeeds(): ParagraphRecord[] {
  const out: ParagraphRecord[] = [];
  const seeds = path.join(repoRoot, 'seeds');
  for (const f of fs.readdirSync(seeds)) {
    if (!/\.(txt|md)$/.test(f) || /^readme/i.test(f)) continue;
    out.push(...readTextResolution(fs.readFileSync(path.join(seeds, f), 'utf8'), path.join(seeds, f)).records);
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

/** Clause boundaries of each script (after the comma or semicolon and its space, if any). */
const CLAUSE = /(?<=[,;،؛]) |(?<=[，；、])/;

/**
 * A realistic variant of a real paragraph: substituted phrases (English), changed years and
 * sessions, reordered, dropped or borrowed clauses (a clause of another paragraph of the same
 * language), dropped words.
 */
function variant(text: string, lang: Lang, from: ParagraphRecord[]): string {
  let t = text;
  const ops = 1 + Math.floor(rand() * 3);
  for (let o = 0; o < ops; o++) {
    const r = rand();
    if (r < 0.45 && lang === 'en') {
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
    const clauses = t.split(CLAUSE);
    if (clauses.length >= 3) {
      const i = 1 + Math.floor(rand() * (clauses.length - 2));
      if (r < 0.75) {
        [clauses[i], clauses[i + 1]] = [clauses[i + 1], clauses[i]]; // reordered clauses
      } else if (r < 0.87) {
        clauses.splice(i, 1); // dropped clause
      } else {
        const other = pick(from).text.split(CLAUSE);
        if (other.length > 2) clauses.splice(i, 0, other[1 + Math.floor(rand() * (other.length - 2))]); // borrowed clause
      }
      t = clauses.join(lang === 'zh' ? '' : ' ');
    } else if (lang === 'zh') {
      if (t.length > 12) {
        const at = 2 + Math.floor(rand() * (t.length - 6));
        t = t.slice(0, at) + t.slice(at + 1 + Math.floor(rand() * 3));
      }
    } else {
      const ws = t.split(' ');
      if (ws.length > 6) ws.splice(2 + Math.floor(rand() * (ws.length - 3)), 1 + Math.floor(rand() * 2));
      t = ws.join(' ');
    }
  }
  return t;
}

const syntheticSources: SourceDocument[] = [];

/** `n` paragraphs: the real ones (shuffled), then variants of them. */
function scale(n: number, pool: ParagraphRecord[], lang: Lang): ParagraphRecord[] {
  const out: ParagraphRecord[] = sample(pool, Math.min(n, pool.length));
  let doc: SourceDocument | undefined;
  let inDoc = 0;
  while (out.length < n) {
    if (!doc || inDoc >= 60) {
      const s = 60 + Math.floor(rand() * 25);
      doc = {
        path: `synthetic/${lang}/${s}/${syntheticSources.length}.xml`,
        symbol: `A/RES/${s}/${1 + Math.floor(rand() * 330)}`,
        date: `${1 + Math.floor(rand() * 28)} December ${1945 + s}`,
      };
      syntheticSources.push(doc);
      inDoc = 0;
    }
    const base = pool[Math.floor(rand() * pool.length)];
    out.push({ text: variant(base.text, lang, pool), kind: base.kind, paragraph: base.paragraph, line: 0, source: doc, lang });
    inDoc++;
  }
  return out;
}

// --- measurement -----------------------------------------------------------------------------

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : NaN;
}
const r2 = (x: number) => Math.round(x * 100) / 100;
const r4 = (x: number) => Math.round(x * 10000) / 10000;
const gc = (global as { gc?: () => void }).gc;
function heapMB(): number {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return (m.heapUsed + m.arrayBuffers) / 1048576; // typed arrays live outside the JS heap
}
/** The JS heap and the typed arrays' buffers, separately (MB, after GC). */
function heapParts(): string {
  const m = process.memoryUsage();
  return `JS heap ${Math.round(m.heapUsed / 1048576)} MB + array buffers ${Math.round(m.arrayBuffers / 1048576)} MB`;
}
/** CPU milliseconds (user + system) of this process since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1000;
}

/** Each query timed three times, the median kept (the machine is shared: damps scheduler noise); wall and CPU ms. */
function median3(f: () => void): [number, number] {
  const t: number[] = [];
  const c: number[] = [];
  for (let r = 0; r < 3; r++) {
    const s = performance.now();
    const u = process.cpuUsage();
    f();
    c.push(cpuMs(u));
    t.push(performance.now() - s);
  }
  return [t.sort((a, b) => a - b)[1], c.sort((a, b) => a - b)[1]];
}

/** A typed opening: 5 to 8 words of the paragraph and half of the next word. */
function prefixOf(text: string, lang: Lang): string | undefined {
  const spans = wordSpans(text, lang);
  if (spans.length < 3) return undefined;
  const n = Math.min(spans.length - 1, 5 + Math.floor(rand() * 4));
  const next = spans[n];
  return text.slice(0, next.start + Math.max(1, Math.ceil((next.end - next.start) / 2)));
}

const BANDS: Array<[string, number, number]> = [
  ['0.3-0.5', 0.3, 0.5],
  ['0.5-0.7', 0.5, 0.7],
  ['0.7-0.9', 0.7, 0.9],
  ['>=0.9', 0.9, 1.01],
];

interface Recall {
  queries: number;
  counted: number;
  found: number;
  relevant: number;
  recall: number;
  bands: Record<string, { found: number; relevant: number; recall: number }>;
}

/**
 * The key of a corpus for the truth cache: everything the exact top 5 depends on besides the query
 * — each paragraph's text, number, source symbol, kind and language, in order (ids are the order
 * of addition), the similarity's version and the words the tokenizer makes of a sample of the
 * paragraphs — and nothing of the index's own code.
 */
function corpusKey(records: ParagraphRecord[], lang: Lang): string {
  const h = crypto.createHash('sha256');
  h.update(`similarity ${SIMILARITY_VERSION}\n`);
  records.forEach((r, i) => {
    h.update(`${r.text}\u0000${r.paragraph}\u0000${r.source.symbol}\u0000${r.kind}\u0000${r.lang ?? 'en'}\n`);
    if (i % 64 === 0) h.update(words(r.text, r.lang ?? lang).join('\u0001'));
  });
  return h.digest('hex').slice(0, 32);
}

/** The cache folder of exact top 5 lists (BENCH_TRUTH_CACHE, default ~/.cache/resolution-bench). */
const TRUTH_DIR = process.env.BENCH_TRUTH_CACHE ?? path.join(os.homedir(), '.cache', 'resolution-bench');

/**
 * The exact top 5 (scores >= 0.3 only: lower positions are not counted) of the first `count`
 * queries, from the on-disk cache where present: one file per corpus key and search settings, one
 * line per query (keyed by a hash of the query's text and its words), appended as each is computed
 * — so a rerun times the index only, and an interrupted run keeps what it computed.
 */
function truthOf(index: PrecedentIndex, queries: string[], lang: Lang, count: number, key: string | undefined): Match[][] {
  const opts = { top: 5, lang, minScore: 0.3 };
  if (!key) return queries.slice(0, count).map((q) => index.exact(q, opts));
  const file = path.join(TRUTH_DIR, `truth-${key}-${lang}-top${opts.top}-min${opts.minScore}.tsv`);
  const cached = new Map<string, Array<[number, number]>>();
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) cached.set(line.slice(0, tab), JSON.parse(line.slice(tab + 1)) as Array<[number, number]>);
    }
  }
  fs.mkdirSync(TRUTH_DIR, { recursive: true });
  let hits = 0;
  let computed = 0;
  const t = performance.now();
  const c = process.cpuUsage();
  const out = queries.slice(0, count).map((q) => {
    const qk = crypto
      .createHash('sha256')
      .update(q + '\u0000' + words(q, lang).join('\u0001'))
      .digest('hex')
      .slice(0, 24);
    let got = cached.get(qk);
    if (got) hits++;
    else {
      got = index.exact(q, opts).map((m) => [m.id, m.score]);
      fs.appendFileSync(file, `${qk}\t${JSON.stringify(got)}\n`);
      computed++;
      if (computed % 50 === 0) console.log(`  exact top 5: ${computed} computed, ${hits} from the cache`);
    }
    return got.map(([id, score]) => index.match(id, score));
  });
  console.log(
    `  exact top 5 of ${out.length} queries: ${hits} from the cache, ${computed} computed in ${Math.round(performance.now() - t)} ms wall, ${Math.round(cpuMs(c))} ms CPU (${file})`,
  );
  return out;
}

/** recall@5 of `got` (the top 5 of each query, best first) against the exact top 5 (`truth`). */
function recallOf(queries: string[], got: Match[][], lang: Lang, truth: Match[][]): Recall {
  const bands: Recall['bands'] = {};
  for (const [b] of BANDS) bands[b] = { found: 0, relevant: 0, recall: 1 };
  let counted = 0;
  let found = 0;
  let relevant = 0;
  const n = Math.min(truth.length, queries.length);
  for (let i = 0; i < n; i++) {
    const exact = truth[i];
    if (!exact.length || exact[0].score < 0.3) continue;
    counted++;
    const mine = got[i];
    exact.forEach((e, j) => {
      if (e.score < 0.3) return;
      const band = BANDS.find(([, lo, hi]) => e.score >= lo && e.score < hi)![0];
      relevant++;
      bands[band].relevant++;
      if (mine[j] !== undefined && mine[j].score >= e.score - 1e-9) {
        found++;
        bands[band].found++;
      } else if (process.env.BENCH_DEBUG) {
        console.log(
          `miss (${lang}): exact ${exact.map((x) => x.score)} index ${mine.map((x) => x.score)}\n  q: ${queries[i].slice(0, 160)}\n  e: ${e.text.slice(0, 160)}`,
        );
      }
    });
  }
  for (const b of Object.values(bands)) b.recall = b.relevant ? r4(b.found / b.relevant) : 1;
  return { queries: n, counted, found, relevant, recall: relevant ? r4(found / relevant) : 1, bands };
}

/** Prefix recall: typed openings that corpus paragraphs continue exactly. */
function prefixRecall(
  index: PrecedentIndex,
  typed: string[],
  lang: Lang,
  truthCount: number,
): { openings: number; found: number; expected: number; recall: number } {
  const vocab = index.vocabulary(lang);
  let openings = 0;
  let found = 0;
  let expected = 0;
  const ids = [...index.ids()].filter((id) => index.langOf(id) === lang);
  const continues = (code: string, q: string, partial: string) => {
    if (code.length <= q.length || !code.startsWith(q)) return false;
    if (!partial) return true;
    const w = vocab.word(code.charCodeAt(q.length));
    return w !== undefined && w.startsWith(partial);
  };
  for (const t of typed.slice(0, truthCount)) {
    const spans = wordSpans(t, lang);
    const last = spans[spans.length - 1];
    const partial = last.end === t.length ? last.word : '';
    const full = partial ? spans.slice(0, -1) : spans;
    if (!full.every((w) => vocab.get(w.word) !== undefined)) continue;
    const q = vocab.encodeQuery(full.map((w) => w.word));
    const wordings = new Set<string>();
    for (const id of ids) {
      const c = index.codeOf(id);
      if (continues(c, q, partial)) wordings.add(c);
    }
    if (!wordings.size) continue;
    openings++;
    const want = Math.min(5, wordings.size);
    expected += want;
    const got = index.prefix(t, { top: 5, lang });
    found += got.slice(0, want).filter((m) => m.score === 1 && continues(index.codeOf(m.id), q, partial)).length;
  }
  return { openings, found, expected, recall: expected ? r4(found / expected) : 1 };
}

interface Latency {
  queryP50Ms: number;
  queryP95Ms: number;
  queryP99Ms: number;
  queryCpuP50Ms: number;
  queryCpuP95Ms: number;
  queryCpuP99Ms: number;
  prefixP50Ms: number;
  prefixP95Ms: number;
  prefixCpuP95Ms: number;
}

function timeQueries(index: PrecedentIndex, queries: string[], typed: string[], lang: Lang): { lat: Latency; results: Match[][] } {
  for (const q of queries.slice(0, 20)) index.search(q, { lang }); // warm-up
  gc?.();
  const lat: number[] = [];
  const cpu: number[] = [];
  const results: Match[][] = [];
  for (const q of queries) {
    results.push(index.search(q, { top: 5, lang }));
    const [w, c] = median3(() => index.search(q, { top: 5, lang }));
    lat.push(w);
    cpu.push(c);
  }
  gc?.();
  const plat: number[] = [];
  const pcpu: number[] = [];
  for (const t of typed) {
    const [w, c] = median3(() => index.prefix(t, { top: 5, lang }));
    plat.push(w);
    pcpu.push(c);
  }
  return {
    lat: {
      queryP50Ms: r2(percentile(lat, 50)),
      queryP95Ms: r2(percentile(lat, 95)),
      queryP99Ms: r2(percentile(lat, 99)),
      queryCpuP50Ms: r2(percentile(cpu, 50)),
      queryCpuP95Ms: r2(percentile(cpu, 95)),
      queryCpuP99Ms: r2(percentile(cpu, 99)),
      prefixP50Ms: r2(percentile(plat, 50)),
      prefixP95Ms: r2(percentile(plat, 95)),
      prefixCpuP95Ms: r2(percentile(pcpu, 95)),
    },
    results,
  };
}

/** serialize() and deserialize() times and size; the loaded index answers a sample identically. */
function roundTrip(
  index: PrecedentIndex,
  queries: Array<[string, Lang]>,
): { serializeMs: number; deserializeMs: number; sizeMB: number; identical: boolean } {
  let t = performance.now();
  const bytes = index.serialize();
  const serializeMs = performance.now() - t;
  gc?.();
  t = performance.now();
  const back = PrecedentIndex.deserialize(bytes);
  const deserializeMs = performance.now() - t;
  let identical = back.size === index.size;
  for (const [q, lang] of queries) {
    if (JSON.stringify(back.search(q, { top: 5, lang })) !== JSON.stringify(index.search(q, { top: 5, lang }))) identical = false;
  }
  return {
    serializeMs: Math.round(serializeMs),
    deserializeMs: Math.round(deserializeMs),
    sizeMB: Math.round(bytes.length / 1048576),
    identical,
  };
}

/** Builds the index of `records`; `before`: the heap measured before the records were made. */
function buildIndex(
  records: ParagraphRecord[],
  before: number,
): {
  index: PrecedentIndex;
  buildMs: number;
  buildCpuMs: number;
  heap: number;
  indexHeap: number;
  parts: string;
} {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const index = new PrecedentIndex();
  if (process.env.BENCH_TUNING) Object.assign(index.tuning, JSON.parse(process.env.BENCH_TUNING));
  for (const r of records) index.add(r);
  index.commit();
  const buildMs = performance.now() - t0;
  const buildCpuMs = cpuMs(c0);
  records.length = 0;
  const heap = heapMB();
  return {
    index,
    buildMs: Math.round(buildMs),
    buildCpuMs: Math.round(buildCpuMs),
    heap: Math.round(heap),
    indexHeap: Math.round(heap - before),
    parts: heapParts(),
  };
}

function runEnglish(n: number, pool: ParagraphRecord[], queries: string[], truthCount: number): void {
  const heapBefore = heapMB();
  const records = scale(n, pool, 'en');
  const key = corpusKey(records, 'en');
  const { index, buildMs, buildCpuMs, heap, indexHeap, parts } = buildIndex(records, heapBefore);
  const mem = Object.fromEntries(Object.entries(index.memory()).map(([k, v]) => [k, Math.round(v / 1048576)]));
  console.log(
    `${n}: built in ${buildMs} ms wall, ${buildCpuMs} ms CPU; heap ${heap} MB (${parts}; ${indexHeap} MB for the index and its texts; typed arrays MB ${JSON.stringify(mem)})`,
    JSON.stringify(index.stats()),
  );
  if (process.env.BENCH_BUILD_ONLY) return;
  if (process.env.BENCH_TRUTH_ONLY) {
    // (only fill the truth cache: e.g. in the background, before timing runs)
    truthOf(index, queries, 'en', truthCount, key);
    return;
  }
  const typed = queries.map((q) => prefixOf(q, 'en')).filter((t): t is string => !!t);
  if (process.env.BENCH_TUNINGS) {
    // (comparing search settings on one build: latency and recall of each, nothing else)
    const truth = truthOf(index, queries, 'en', truthCount, key);
    if (process.env.BENCH_DUMP) {
      const dir = process.env.BENCH_DUMP;
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, `index-${n}.bin`), index.serialize());
      fs.writeFileSync(
        path.join(dir, `queries-${n}.json`),
        JSON.stringify({ queries, truth: truth.map((t) => t.map((m) => [m.id, m.score])) }),
      );
    }
    const defaults = { ...index.tuning };
    for (const t of JSON.parse(process.env.BENCH_TUNINGS) as Array<Record<string, number>>) {
      Object.assign(index.tuning, defaults, t);
      const { lat, results } = timeQueries(index, queries, [], 'en');
      const r = recallOf(queries, results, 'en', truth);
      console.log(
        `${n}: tuning ${JSON.stringify(t)}: CPU p50 ${lat.queryCpuP50Ms} p95 ${lat.queryCpuP95Ms} p99 ${lat.queryCpuP99Ms} ms (wall p95 ${lat.queryP95Ms}); recall@5 ${r.recall} (${r.found}/${r.relevant}) ${JSON.stringify(Object.fromEntries(Object.entries(r.bands).map(([k, v]) => [k, `${v.found}/${v.relevant}`])))}`,
      );
    }
    return;
  }
  const { lat, results } = timeQueries(index, queries, typed, 'en');
  console.log(
    `${n}: paragraph query wall p50 ${lat.queryP50Ms} ms p95 ${lat.queryP95Ms} ms p99 ${lat.queryP99Ms} ms, CPU p50 ${lat.queryCpuP50Ms} ms p95 ${lat.queryCpuP95Ms} ms p99 ${lat.queryCpuP99Ms} ms; prefix wall p50 ${lat.prefixP50Ms} ms p95 ${lat.prefixP95Ms} ms, CPU p95 ${lat.prefixCpuP95Ms} ms (${queries.length} queries)`,
  );
  let t = performance.now();
  const truth = truthOf(index, queries, 'en', truthCount, key);
  const recall = recallOf(queries, results, 'en', truth);
  console.log(
    `${n}: recall@5 ${recall.recall} (${recall.found}/${recall.relevant} positions; ${recall.counted} of ${recall.queries} queries have a precedent >= 0.3) by band ${JSON.stringify(recall.bands)} [exact in ${Math.round(performance.now() - t)} ms]`,
  );
  const verify = env('BENCH_VERIFY_EXACT', 0);
  if (verify > 0) {
    // the exact top 5 against the plain scan (same scores, position by position)
    let same = 0;
    let exactMs = 0;
    let scanMs = 0;
    for (const q of queries.slice(0, verify)) {
      let s = performance.now();
      const e = index.exact(q, { top: 5, minScore: 0.3 }).map((m) => m.score);
      exactMs += performance.now() - s;
      s = performance.now();
      const x = index.exhaustive(q, { top: 5, minScore: 0.3 }).map((m) => m.score);
      scanMs += performance.now() - s;
      if (JSON.stringify(e) === JSON.stringify(x)) same++;
      else console.log(`exact differs from the scan: ${JSON.stringify(e)} vs ${JSON.stringify(x)}: ${q.slice(0, 100)}`);
    }
    console.log(
      `${n}: exact top 5 = the plain scan's for ${same} of ${Math.min(verify, queries.length)} queries (exact ${Math.round(exactMs)} ms, scan ${Math.round(scanMs)} ms)`,
    );
  }
  if (BASELINES && n <= env('BENCH_BASELINE_MAX', 100000)) runBaselines(index, queries, results, truth);
  if (process.env.BENCH_SKIP_EXTRAS) return; // (recall only: no prefix recall, plain scan or round trip)
  t = performance.now();
  const prefix = prefixRecall(index, typed, 'en', n >= 1_000_000 ? Math.min(truthCount, 100) : truthCount);
  console.log(
    `${n}: prefix recall ${prefix.recall} (${prefix.found}/${prefix.expected} completions over ${prefix.openings} openings) [in ${Math.round(performance.now() - t)} ms]`,
  );
  const base: number[] = [];
  for (const q of queries.slice(0, n >= 1_000_000 ? 10 : 30)) {
    const s = performance.now();
    index.exhaustive(q, { top: 5 });
    base.push(performance.now() - s);
  }
  const rt = roundTrip(
    index,
    queries.slice(0, 50).map((q) => [q, 'en']),
  );
  console.log(
    `${n}: exhaustive scan p50 ${r2(percentile(base, 50))} ms (${Math.round(percentile(base, 50) / Math.max(1e-3, lat.queryP50Ms))}x the index); serialize ${rt.serializeMs} ms, ${rt.sizeMB} MB; deserialize ${rt.deserializeMs} ms; same answers after: ${rt.identical}`,
  );
  console.log(
    JSON.stringify({
      seed: SEED,
      corpusParagraphs: n,
      buildMs,
      buildCpuMs,
      heapMB: heap,
      indexHeapMB: indexHeap,
      ...lat,
      recallAt5: recall.recall,
      recallQueries: recall.counted,
      recallPositions: recall.relevant,
      bands: Object.fromEntries(Object.entries(recall.bands).map(([k, v]) => [k, `${v.recall} (${v.found}/${v.relevant})`])),
      prefixRecall: prefix.recall,
      prefixOpenings: prefix.openings,
      exhaustiveP50Ms: r2(percentile(base, 50)),
      ...rt,
    }),
  );
}

/**
 * The same queries against FlexSearch and MiniSearch (`--baselines`), each holding the same
 * paragraphs with its default tokenizer and ranking: build time, heap growth, latency p50/p95 (each
 * query timed once) and recall@5 against the same exact top 5, beside the index's on the same
 * queries. Their results are scored with the index's similarity (their own scores rank
 * differently) and put in that order, so a position counts as found as for the index.
 */
function runBaselines(index: PrecedentIndex, queries: string[], ours: Match[][], truth: Match[][]): void {
  const count = Math.min(env('BENCH_BASELINE_QUERIES', 200), truth.length);
  const qs = queries.slice(0, count);
  const ids = [...index.ids()];
  const scored = (q: string, found: number[]): Match[] =>
    found
      .slice(0, 5)
      .map((id) => ({ ...index.match(id, textSimilarity(q, index.textOf(id))) }))
      .sort((a, b) => b.score - a.score);
  const engines: Array<{ name: string; build: () => (q: string) => number[] }> = [
    {
      name: 'FlexSearch',
      build: () => {
        const fx = new FlexIndex({ tokenize: 'strict' });
        for (const id of ids) fx.add(id, index.textOf(id));
        return (q) => fx.search(q, { limit: 5, suggest: true }) as number[];
      },
    },
    {
      name: 'MiniSearch',
      build: () => {
        const ms = new MiniSearch<{ id: number; text: string }>({ fields: ['text'] });
        for (const id of ids) ms.add({ id, text: index.textOf(id) });
        return (q) =>
          ms
            .search(q)
            .slice(0, 5)
            .map((r) => r.id as number);
      },
    },
  ];
  const mine = recallOf(qs, ours.slice(0, count), 'en', truth);
  console.log(`baselines: the index on the same ${count} queries: recall@5 ${mine.recall} by band ${JSON.stringify(mine.bands)}`);
  for (const e of engines) {
    const before = heapMB();
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const search = e.build();
    const buildMs = Math.round(performance.now() - t0);
    const buildCpuMs = Math.round(cpuMs(c0));
    const heap = Math.round(heapMB() - before);
    const lat: number[] = [];
    const cpu: number[] = [];
    const got: Match[][] = [];
    for (const q of qs.slice(0, 10)) search(q); // warm-up
    for (const q of qs) {
      const s = performance.now();
      const u = process.cpuUsage();
      const found = search(q);
      cpu.push(cpuMs(u));
      lat.push(performance.now() - s);
      got.push(scored(q, found));
    }
    const recall = recallOf(qs, got, 'en', truth);
    console.log(
      `baselines: ${e.name}: built in ${buildMs} ms wall, ${buildCpuMs} ms CPU, heap +${heap} MB; query wall p50 ${r2(percentile(lat, 50))} ms p95 ${r2(percentile(lat, 95))} ms, CPU p50 ${r2(percentile(cpu, 50))} ms p95 ${r2(percentile(cpu, 95))} ms; recall@5 ${recall.recall} by band ${JSON.stringify(recall.bands)} (${count} queries)`,
    );
    console.log(
      JSON.stringify({
        baseline: e.name,
        corpusParagraphs: ids.length,
        queries: count,
        buildMs,
        buildCpuMs,
        heapMB: heap,
        queryP50Ms: r2(percentile(lat, 50)),
        queryP95Ms: r2(percentile(lat, 95)),
        queryCpuP50Ms: r2(percentile(cpu, 50)),
        queryCpuP95Ms: r2(percentile(cpu, 95)),
        recallAt5: recall.recall,
        indexRecallAt5SameQueries: mine.recall,
      }),
    );
  }
}

function runLanguages(perLang: number, queriesPerLang: number): void {
  const heapBefore = heapMB();
  const records: ParagraphRecord[] = [];
  const queries = new Map<Lang, string[]>();
  for (const lang of LANGUAGES) {
    const pool = loadSession(lang, '75');
    const held = loadSession(lang, '76').filter((r) => wordSpans(r.text, lang).length >= 3);
    if (!pool.length || !held.length) {
      console.log(`${lang}: no corpus in ${shared}; skipped`);
      continue;
    }
    queries.set(
      lang,
      sample(held, queriesPerLang).map((r) => r.text),
    );
    records.push(...scale(perLang, pool, lang));
  }
  const total = records.length;
  const langKey = corpusKey(records, 'en');
  const { index, buildMs, buildCpuMs, heap, indexHeap, parts } = buildIndex(records, heapBefore);
  console.log(
    `languages: ${total} paragraphs (${[...queries.keys()].join(' ')}, ${perLang} each) built in ${buildMs} ms wall, ${buildCpuMs} ms CPU, heap ${heap} MB (${parts}; ${indexHeap} MB for the index)`,
  );
  for (const [lang, qs] of queries) {
    const typed = qs.map((q) => prefixOf(q, lang)).filter((t): t is string => !!t);
    const { lat, results } = timeQueries(index, qs, typed, lang);
    const wrong = results.flat().filter((m) => index.langOf(m.id) !== lang).length;
    const recall = recallOf(qs, results, lang, truthOf(index, qs, lang, qs.length, langKey));
    const prefix = prefixRecall(index, typed, lang, typed.length);
    console.log(
      JSON.stringify({
        lang,
        seed: SEED,
        corpusParagraphs: total,
        queries: qs.length,
        ...lat,
        recallAt5: recall.recall,
        recallQueries: recall.counted,
        recallPositions: recall.relevant,
        bands: Object.fromEntries(Object.entries(recall.bands).map(([k, v]) => [k, `${v.recall} (${v.found}/${v.relevant})`])),
        prefixRecall: prefix.recall,
        prefixOpenings: prefix.openings,
        otherLanguageResults: wrong,
      }),
    );
  }
  const sampleQueries: Array<[string, Lang]> = [];
  for (const [lang, qs] of queries) for (const q of qs.slice(0, 10)) sampleQueries.push([q, lang]);
  const rt = roundTrip(index, sampleQueries);
  console.log(
    `languages: ${total} paragraphs: serialize ${rt.serializeMs} ms, ${rt.sizeMB} MB; deserialize ${rt.deserializeMs} ms; same answers after: ${rt.identical}`,
  );
  console.log(JSON.stringify({ languagesIndex: total, ...rt }));
}

function main(): void {
  if (!gc) console.log('note: run node with --expose-gc for exact heap figures');
  console.log(`seed ${SEED}`);
  const t = performance.now();
  const pool = [...loadSeeds(), ...loadSession('en', '75')];
  const held = loadSession('en', '76').filter((r) => wordSpans(r.text).length >= 3);
  if (!held.length) {
    console.log(`skipped: ../shared not present (${shared})`);
    return;
  }
  const queries = sample(held, env('BENCH_QUERIES', 2400)).map((r) => r.text);
  console.log(
    `corpus pool: ${pool.length} real paragraphs (seeds and session 75); queries: ${queries.length} of the ${held.length} paragraphs of session 76 (read in ${Math.round(performance.now() - t)} ms)`,
  );
  for (const n of (process.env.BENCH_SCALES ?? '100000,1000000').split(',').filter(Boolean).map(Number)) {
    runEnglish(n, pool, queries, n >= 1_000_000 ? env('BENCH_TRUTH_1M', 2400) : queries.length);
    gc?.();
  }
  if (!process.env.BENCH_SKIP_LANGS) runLanguages(env('BENCH_PER_LANG', 25000), env('BENCH_LANG_QUERIES', 500));
  console.log(`total ${Math.round((performance.now() - t) / 1000)} s`);
}

main();
