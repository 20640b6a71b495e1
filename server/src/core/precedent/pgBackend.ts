/**
 * The precedent corpus in PostgreSQL, shared by every drafter of a secretariat.
 *
 * Paragraphs are stored with their provenance (symbol, title, date, language, kind, number) and
 * their hashed word bigrams in an `integer[]` column under a GIN index. A search reads the
 * rarest bigrams of the query first (their document frequencies are kept in `precedent_grams`),
 * lets the database rank the paragraphs sharing the most of them, and re-ranks those candidates
 * here with the embedded index's own similarity (word-level Levenshtein), so both backends
 * answer alike. Completion reads paragraphs opening with the typed words from a btree index.
 *
 * The schema ships as SQL files in server/sql/, applied in order by `migrate` and recorded in
 * `precedent_schema_version`. The library is node-postgres (`pg`).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Pool, PoolClient } from 'pg';
import { parseIntoClientConfig } from 'pg-connection-string';
import { LANGUAGES, Lang } from '../languages';
import { packageFile } from '../packageRoot';
import type { BackendSearchOptions, PrecedentBackend } from './backend';
import { passBudget, passEffort, SCAN_LISTS_MAX, SEARCH_TUNING, SearchEffort, SHARE_BINS, similarity } from './index';
import { words, wordSpans } from './normalize';
import type { Match, ParagraphKind, ParagraphRecord } from './types';

// --- word bigrams --------------------------------------------------------------------------

/** Bigrams among the first OPENING words are also stored as "opening" bigrams (completion). */
const OPENING = 8;

function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0; // a signed 32-bit integer, as PostgreSQL's integer
}

const bodyGram = (a: string, b: string) => fnv(`${a}\u0001${b}`);
const openingGram = (a: string, b: string) => fnv(`\u0002${a}\u0001${b}`);
const singleGram = (a: string) => fnv(`\u0003${a}`);

/** The distinct bigrams of a paragraph's words: body bigrams (or its one word), and opening bigrams. */
export function paragraphGrams(ws: string[], mode: 'all' | 'body' | 'opening' = 'all'): number[] {
  const out = new Set<number>();
  if (ws.length === 1 && mode !== 'opening') out.add(singleGram(ws[0]));
  for (let i = 0; i + 1 < ws.length; i++) {
    if (mode !== 'opening') out.add(bodyGram(ws[i], ws[i + 1]));
    if (mode !== 'body' && i < OPENING) out.add(openingGram(ws[i], ws[i + 1]));
  }
  return [...out];
}

// --- language of a text --------------------------------------------------------------------

const STOPWORDS: Array<[Lang, Set<string>]> = [
  ['en', new Set(['the', 'of', 'and', 'to', 'its', 'on', 'for', 'with', 'that', 'by', 'all', 'as', 'recalling', 'requests', 'welcoming'])],
  ['fr', new Set(['les', 'des', 'et', 'le', 'du', 'à', 'aux', 'sur', 'pour', 'que', 'dans', 'sa', 'ses', 'rappelant', 'prie'])],
  ['es', new Set(['los', 'las', 'el', 'y', 'del', 'para', 'con', 'que', 'por', 'su', 'sus', 'recordando', 'solicita'])],
];

/** The language a text is written in, when its script or common words tell; undefined otherwise. */
export function guessLanguage(text: string): Lang | undefined {
  const sample = text.slice(0, 2000);
  if (/[\u0600-\u06ff]/.test(sample)) return 'ar';
  if (/[\u4e00-\u9fff]/.test(sample)) return 'zh';
  if (/[\u0400-\u04ff]/.test(sample)) return 'ru';
  const ws = words(sample);
  let best: Lang | undefined;
  let bestScore = 0;
  for (const [lang, set] of STOPWORDS) {
    let n = 0;
    for (const w of ws) if (set.has(w)) n++;
    if (n > bestScore) [best, bestScore] = [lang, n];
  }
  return best;
}

// --- schema --------------------------------------------------------------------------------

/** The folder of the schema scripts (server/sql), found from the package root at run time. */
export function sqlDir(): string {
  const dir = packageFile('server', 'sql');
  if (!dir) throw new Error('the schema scripts (server/sql/*.sql) are not installed with this package');
  return dir;
}

export interface MigrationResult {
  /** Versions applied now (empty when the schema was up to date). */
  applied: number[];
  /** The schema version after the run. */
  version: number;
}

const MIGRATION_LOCK = 0x7265736f; // an advisory lock key: two pushes never migrate at once

/** Applies the schema scripts not yet recorded in precedent_schema_version, each in its own transaction. */
export async function migrate(client: PoolClient, dir = sqlDir()): Promise<MigrationResult> {
  const scripts = fs
    .readdirSync(dir)
    .map((f) => ({ f, m: /^(\d+)_[\w-]+\.sql$/.exec(f) }))
    .filter((x): x is { f: string; m: RegExpExecArray } => !!x.m)
    .map(({ f, m }) => ({ version: Number(m[1]), file: path.join(dir, f) }))
    .sort((a, b) => a.version - b.version);
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS precedent_schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set((await client.query('SELECT version FROM precedent_schema_version')).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const s of scripts) {
      if (done.has(s.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(fs.readFileSync(s.file, 'utf8'));
        await client.query('INSERT INTO precedent_schema_version (version) VALUES ($1)', [s.version]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw new Error(`schema script ${path.basename(s.file)} failed: ${(e as Error).message}`);
      }
      applied.push(s.version);
    }
    const v = await client.query('SELECT coalesce(max(version), 0) AS v FROM precedent_schema_version');
    return { applied, version: Number(v.rows[0].v) };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
  }
}

// --- connection ----------------------------------------------------------------------------

export interface PgOptions {
  /** postgres://user@host:5432/db (no password; `?host=/socket/dir` for a local socket). */
  connectionString: string;
  /** The password (else PGPASSWORD or ~/.pgpass, as libpq does). */
  password?: string;
  /** How long to wait for a connection (default 3 s). */
  connectTimeoutMs?: number;
  /** How long one query may run (default 10 s). */
  queryTimeoutMs?: number;
}

/** A connection string with any password in it masked, for messages. */
export function redact(connectionString: string): string {
  return connectionString.replace(/^(\w+:\/\/[^:@/]*):[^@/]*@/, '$1:***@');
}

/** The database cannot be reached, or holds no precedent schema: the message says which. */
export class DatabaseUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DatabaseUnavailable';
  }
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOENT',
  'ECONNRESET',
]);

function explain(e: unknown, where: string): Error {
  if (e instanceof DatabaseUnavailable) return e;
  const code = (e as { code?: string } | undefined)?.code;
  const msg = String((e as { message?: string } | undefined)?.message ?? e);
  if (code === '42P01' && /relation "precedent_/.test(msg))
    return new DatabaseUnavailable(`${where} holds no precedent corpus yet (run \`resolution corpus push --db …\`)`);
  if (code === '28P01' || code === '28000') return new DatabaseUnavailable(`${where}: authentication failed (${msg})`);
  // node-postgres, when the server asks for a password and none was given
  if (/client password must be a string/.test(msg))
    return new DatabaseUnavailable(
      `${where} asks for a password and none is set (give it with "Resolution: Set corpus database password", or in PGPASSWORD)`,
    );
  if (code === '3D000') return new DatabaseUnavailable(`${where}: ${msg}`);
  if ((code && UNAVAILABLE_CODES.has(code)) || /timeout|terminated|connect/i.test(msg)) {
    return new DatabaseUnavailable(`${where} cannot be reached (${msg})`);
  }
  return e instanceof Error ? e : new Error(msg);
}

export function createPool(options: PgOptions): Pool {
  // Parsed here rather than passed as connectionString: node-postgres lets the string's (empty)
  // password override the one given beside it. Without one, PGPASSWORD and ~/.pgpass are read.
  const config = parseIntoClientConfig(options.connectionString);
  if (options.password !== undefined) config.password = options.password;
  else if (!config.password) delete config.password;
  const pool = new Pool({
    ...config,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 3000,
    query_timeout: options.queryTimeoutMs ?? 10000,
    max: 4,
    idleTimeoutMillis: 30000,
    application_name: 'resolution-drafting',
  });
  pool.on('error', () => undefined); // an idle client lost: the next query reconnects or reports
  return pool;
}

// --- search --------------------------------------------------------------------------------

interface MatchRow {
  id: number;
  text: string;
  kind: ParagraphKind;
  number: string;
  line: number;
  symbol: string;
  title: string | null;
  date: string | null;
  path: string;
}

interface Candidate {
  id: number;
  norm: string;
  kind: ParagraphKind;
  number: string;
  symbol: string;
  path: string;
}

/** Search effort and quantisation: the embedded index's own, so both find the same candidates. */
const TUNING = SEARCH_TUNING;
const BINS = SHARE_BINS;

/** Encodes word lists with one code per distinct word (for the word-level similarity). */
class LocalVocabulary {
  private ids = new Map<string, number>();
  encode(ws: string[]): string {
    let s = '';
    for (const w of ws) {
      let id = this.ids.get(w);
      if (id === undefined) this.ids.set(w, (id = 1 + (this.ids.size % 0xfffe)));
      s += String.fromCharCode(id);
    }
    return s;
  }
}

function likeEscape(s: string): string {
  return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

export class PgCorpus implements PrecedentBackend {
  readonly name: string;
  readonly pool: Pool;
  private totals = new Map<string, { n: number; at: number }>();

  constructor(readonly options: PgOptions) {
    this.name = `corpus database ${redact(options.connectionString)}`;
    this.pool = createPool(options);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private async query<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    try {
      return (await this.pool.query(sql, params)).rows as T[];
    } catch (e) {
      throw explain(e, this.name);
    }
  }

  /** Checks that the database answers and holds the schema; returns its paragraph count. */
  async ping(): Promise<number> {
    const rows = await this.query<{ n: string }>('SELECT count(*) AS n FROM precedent_paragraphs', []);
    return Number(rows[0].n);
  }

  /** Paragraph count (of one language), refreshed every minute: it sets how many postings a search reads. */
  private async total(language: Lang | undefined): Promise<number> {
    const key = language ?? '';
    const had = this.totals.get(key);
    if (had && Date.now() - had.at < 60_000) return had.n;
    const rows = await this.query<{ n: string }>(
      'SELECT count(*) AS n FROM precedent_paragraphs WHERE ($1::text IS NULL OR language = $1)',
      [language ?? null],
    );
    const n = Number(rows[0].n);
    this.totals.set(key, { n, at: Date.now() });
    return n;
  }

  /**
   * Paragraphs sharing the most of the query's rarest bigrams (as the embedded index chooses them:
   * rarest first, within a budget of postings), ranked as the embedded index ranks them before its
   * re-ranking: by the share of bigrams in common quantised to BINS steps, then — among equals — in
   * the order the lists were read (rarest list first, paragraphs in load order). The `max` best are
   * kept, so both backends re-rank the same candidates and tie at the cut-off the same way.
   */
  private async candidates(
    grams: number[],
    max: number,
    mode: 'body' | 'opening',
    language: Lang | undefined,
    effort: SearchEffort = passEffort(TUNING, false),
  ): Promise<Candidate[]> {
    if (grams.length === 0) return [];
    const n = await this.total(language);
    if (n === 0) return [];
    const { budget, maxDf } = passBudget(n, effort);
    const dfs = await this.query<{ gram: number; df: number }>(
      'SELECT gram, df FROM precedent_grams WHERE gram = ANY($1::integer[]) AND df > 0',
      [grams],
    );
    const dfOf = new Map(dfs.map((r) => [Number(r.gram), Number(r.df)]));
    const lists = grams.filter((g) => dfOf.has(g)).map((g) => ({ g, df: dfOf.get(g)! }));
    lists.sort((a, b) => a.df - b.df);
    const chosen: number[] = [];
    let spent = 0;
    for (const { g, df } of lists) {
      if (chosen.length >= 1 && (spent + df > budget || df > maxDf || chosen.length >= SCAN_LISTS_MAX)) break;
      chosen.push(g);
      spent += df;
    }
    if (chosen.length === 0) return [];
    const qn = Math.max(1, grams.length);
    const len = mode === 'opening' ? `least(${OPENING}, min(p.nwords) - 1)` : 'min(p.nwords) - 1';
    // Ranked on the bigram arrays alone; the words of the best `max` only are read afterwards.
    return this.query<Candidate>(
      `WITH c AS (
         SELECT p.paragraph_id AS id
           FROM unnest($1::integer[]) WITH ORDINALITY AS q(g, i)
           JOIN precedent_paragraph_grams p ON p.grams && ARRAY[q.g]
          WHERE $2::text IS NULL OR p.language = $2
          GROUP BY p.paragraph_id
          ORDER BY least(${BINS - 1}, floor(count(*)::float8 / greatest($3::integer, ${len}, 1) * ${BINS - 1})) DESC,
                   min(q.i), p.paragraph_id
          LIMIT $4
       )
       SELECT p.id::float8 AS id, p.norm, p.kind, p.number, d.symbol, d.path
         FROM c JOIN precedent_paragraphs p ON p.id = c.id JOIN precedent_documents d ON d.id = p.document_id`,
      [chosen, language ?? null, qn, max],
    );
  }

  private accept(c: Candidate, options: BackendSearchOptions): boolean {
    if (options.excludePath !== undefined && c.path === options.excludePath) return false;
    if (options.kinds && !options.kinds.includes(c.kind)) return false;
    return true;
  }

  /** The match records of paragraphs, in the order of `scored`. */
  private async matches(scored: Array<{ id: number; score: number }>): Promise<Match[]> {
    if (scored.length === 0) return [];
    const rows = await this.query<MatchRow>(
      `SELECT p.id::float8 AS id, p.text, p.kind, p.number, p.line, d.symbol, d.title, d.date, d.path
         FROM precedent_paragraphs p JOIN precedent_documents d ON d.id = p.document_id
        WHERE p.id = ANY($1::bigint[])`,
      [scored.map((s) => s.id)],
    );
    const byId = new Map(rows.map((r) => [Number(r.id), r]));
    const out: Match[] = [];
    for (const s of scored) {
      const r = byId.get(s.id);
      if (!r) continue;
      out.push({
        score: Math.round(s.score * 1000) / 1000,
        text: r.text,
        id: s.id,
        source: {
          path: r.path,
          symbol: r.symbol,
          ...(r.title ? { title: r.title } : {}),
          ...(r.date ? { date: r.date } : {}),
          kind: r.kind,
          paragraph: r.number,
          line: r.line,
        },
      });
    }
    return out;
  }

  async search(text: string, options: BackendSearchOptions = {}): Promise<Match[]> {
    const k = options.top ?? 5;
    const minScore = options.minScore ?? 0;
    const qw = words(text);
    if (qw.length === 0) return [];
    const language = options.language ?? guessLanguage(text);
    const grams = paragraphGrams(qw, 'body');
    const cands = await this.candidates(grams, Math.max(TUNING.candidates, 20 * k), 'body', language);
    // as the embedded index: copies of the whole query (a short paragraph of common words only)
    if (TUNING.copies > 0) {
      const had = new Set(cands.map((c) => c.id));
      for (const c of await this.copies(qw.join(' '), language, TUNING.copies)) if (!had.has(c.id)) cands.push(c);
    }
    const first = this.rerank(qw, cands, k, minScore, options);
    // Weak best matches (generic paragraphs sharing mostly common words) hide among many: as the
    // embedded index, read further bigram lists and re-rank more candidates for these queries only.
    const weakest = first.length < k ? 0 : first[first.length - 1].score;
    let best = first;
    if (weakest < TUNING.weak && minScore < TUNING.weak) {
      const wide = await this.candidates(grams, Math.max(TUNING.weakCandidates, 20 * k), 'body', language, passEffort(TUNING, true));
      best = this.rerank(qw, wide, k, minScore, options);
    }
    // as the embedded index: the near-duplicates of the best found
    const seen = new Set<string>();
    for (const b of best.slice(0, TUNING.expand)) {
      if (seen.has(b.c.norm)) continue;
      seen.add(b.c.norm);
      const effort = { budgetBase: TUNING.expandBudget, budgetShare: 0, maxDfShare: 0, budgetMax: TUNING.expandBudget };
      const near = await this.candidates(paragraphGrams(b.c.norm.split(' '), 'body'), TUNING.expandCandidates, 'body', language, effort);
      best = this.rerank(qw, [...best.map((x) => x.c), ...near], k, minScore, options);
    }
    return this.matches(best.map((b) => ({ id: b.c.id, score: b.score })));
  }

  /** Up to `max` paragraphs whose words are `norm` exactly, lowest ids first. */
  private async copies(norm: string, language: Lang | undefined, max: number): Promise<Candidate[]> {
    return this.query<Candidate>(
      `SELECT p.id::float8 AS id, p.norm, p.kind, p.number, d.symbol, d.path
         FROM precedent_paragraphs p JOIN precedent_documents d ON d.id = p.document_id
        WHERE left(p.norm, 200) = left($1, 200) AND p.norm = $1 AND ($2::text IS NULL OR p.language = $2)
        ORDER BY p.id LIMIT $3`,
      [norm, language ?? null, max],
    );
  }

  /** The `k` candidates most similar to the query words (one per paragraph of a document), best first. */
  private rerank(qw: string[], cands: Candidate[], k: number, minScore: number, options: BackendSearchOptions) {
    const vocab = new LocalVocabulary();
    const q = vocab.encode(qw);
    const scored: Array<{ c: Candidate; code: string; score: number }> = [];
    for (const c of cands) {
      if (!this.accept(c, options)) continue;
      const code = vocab.encode(c.norm ? c.norm.split(' ') : []);
      const score = similarity(q, code);
      if (score >= minScore) scored.push({ c, code, score });
    }
    scored.sort((a, b) => b.score - a.score || a.c.id - b.c.id);
    const best: typeof scored = [];
    for (const s of scored) {
      if (best.length >= k) break;
      // the same paragraph of the same document loaded twice (a seed text and its XML)
      if (best.some((b) => b.code === s.code && b.c.number === s.c.number && b.c.symbol === s.c.symbol)) continue;
      best.push(s);
    }
    return best;
  }

  async prefix(typed: string, options: BackendSearchOptions = {}): Promise<Match[]> {
    const k = options.top ?? 5;
    const spans = wordSpans(typed);
    if (spans.length === 0) return [];
    // the last word is still being typed when nothing follows it
    const last = spans[spans.length - 1];
    const partial = last.end === typed.length ? last.word : '';
    const full = (partial ? spans.slice(0, -1) : spans).map((w) => w.word);
    if (full.length === 0) return [];
    const language = options.language ?? guessLanguage(typed);
    const head = full.join(' ') + ' ' + partial;
    const pattern = likeEscape(head) + '%';
    const leftPattern = likeEscape(head.slice(0, 200)) + '%';
    const rows = await this.query<{ id: number; norm: string; n: string }>(
      `WITH m AS (
         SELECT p.id, p.norm, p.nwords, d.adopted
           FROM precedent_paragraphs p JOIN precedent_documents d ON d.id = p.document_id
          WHERE left(p.norm, 200) LIKE $1 AND p.norm LIKE $2
            AND ($3::text IS NULL OR p.language = $3)
            AND ($4::text[] IS NULL OR p.kind = ANY($4::text[]))
            AND ($5::text IS NULL OR d.path <> $5)
       ), g AS (
         SELECT norm, count(*) AS n, min(nwords) AS nwords FROM m GROUP BY norm
       ), r AS (
         SELECT DISTINCT ON (norm) norm, id FROM m ORDER BY norm, adopted DESC NULLS LAST, id
       )
       SELECT r.id::float8 AS id, r.norm, g.n FROM g JOIN r USING (norm)
        ORDER BY g.n DESC, g.nwords, r.id
        LIMIT $6`,
      [leftPattern, pattern, language ?? null, options.kinds ?? null, options.excludePath ?? null, k],
    );
    const chosen: Array<{ id: number; score: number }> = rows.map((r) => ({ id: Number(r.id), score: 1 }));
    const seen = new Set(rows.map((r) => r.norm));
    if (chosen.length < k) {
      // near continuations: the typed words against the same number of opening words
      const minScore = Math.max(options.minScore ?? 0, 0.5);
      const cands = await this.candidates(paragraphGrams(full, 'opening'), 200, 'opening', language);
      const vocab = new LocalVocabulary();
      const q = vocab.encode(full);
      const scored: Array<{ c: Candidate; score: number }> = [];
      for (const c of cands) {
        if (!this.accept(c, options) || seen.has(c.norm)) continue;
        const cw = c.norm.split(' ');
        if (cw.length <= full.length) continue; // nothing left to complete
        const score = similarity(q, vocab.encode(cw.slice(0, full.length)));
        if (score >= minScore && score < 1.0000001) scored.push({ c, score: Math.min(score, 0.99) });
      }
      scored.sort((a, b) => b.score - a.score || a.c.id - b.c.id);
      for (const s of scored) {
        if (chosen.length >= k) break;
        if (seen.has(s.c.norm)) continue;
        seen.add(s.c.norm);
        chosen.push({ id: s.c.id, score: s.score });
      }
    }
    return this.matches(chosen);
  }

  async lookup(text: string, options: BackendSearchOptions = {}): Promise<Match[]> {
    const top = options.top ?? 5;
    const found = new Map<number, Match>();
    for (const m of await this.search(text, options)) found.set(m.id, m);
    if (text.trim().split(/\s+/).length <= 40) {
      for (const m of await this.prefix(text, options)) {
        const had = found.get(m.id);
        if (!had || had.score < m.score) found.set(m.id, m);
      }
    }
    return [...found.values()].sort((a, b) => b.score - a.score).slice(0, top);
  }

  /** Paragraphs, documents and on-disk size of the precedent tables (and their indexes). */
  async stats(): Promise<{ paragraphs: number; documents: number; languages: Record<string, number>; bytes: number; version: number }> {
    type Count = { n: string };
    const [p] = await this.query<Count>('SELECT count(*) AS n FROM precedent_paragraphs', []);
    const [d] = await this.query<Count>('SELECT count(*) AS n FROM precedent_documents', []);
    const langs = await this.query<{ language: string; n: string }>(
      'SELECT language, count(*) AS n FROM precedent_paragraphs GROUP BY language ORDER BY language',
      [],
    );
    const [b] = await this.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
        WHERE c.relkind = 'r' AND c.relname IN ('precedent_paragraphs', 'precedent_paragraph_grams', 'precedent_documents', 'precedent_grams')`,
      [],
    );
    const [v] = await this.query<{ v: string }>('SELECT coalesce(max(version), 0) AS v FROM precedent_schema_version', []);
    return {
      paragraphs: Number(p.n),
      documents: Number(d.n),
      languages: Object.fromEntries(langs.map((r) => [r.language, Number(r.n)])),
      bytes: Number(b.bytes),
      version: Number(v.v),
    };
  }
}

// --- loading -------------------------------------------------------------------------------

export interface PushRecord extends ParagraphRecord {
  language: Lang | '';
}

export interface PushResult {
  documents: number;
  paragraphs: number;
  /** Documents of an earlier push replaced by this one (same symbol and language). */
  replaced: number;
  migration: MigrationResult;
}

function sessionOf(symbol: string): string | null {
  return /\/RES\/(\d+)\//i.exec(symbol)?.[1] ?? null;
}

function isoDate(date: string | undefined): string | null {
  if (!date) return null;
  const t = Date.parse(date);
  if (!Number.isFinite(t)) return null;
  const d = new Date(t);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear()).padStart(4, '0')}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const BATCH = 2000;

/**
 * Loads paragraphs into the database in one transaction, after bringing the schema up to date.
 * A document already in the database with the same symbol and language (from an earlier push) is
 * replaced; paragraphs keep the order given (ties in score go to the earlier one).
 */
export async function pushRecords(
  pool: Pool,
  records: PushRecord[],
  onProgress?: (done: number, total: number) => void,
): Promise<PushResult> {
  const client = await pool.connect().catch((e) => {
    throw explain(e, 'the corpus database');
  });
  try {
    const migration = await migrate(client);
    await client.query('BEGIN');
    // new bigrams gather in the GIN index's pending list and are merged in bulk
    await client.query("SET LOCAL gin_pending_list_limit = '256MB'");
    await client.query("SET LOCAL maintenance_work_mem = '256MB'");
    const pushId = Number((await client.query("SELECT nextval('precedent_push_seq') AS id")).rows[0].id);
    // documents, in order of first appearance
    const docs = new Map<object, { id: number; r: PushRecord }>();
    for (const r of records) if (!docs.has(r.source)) docs.set(r.source, { id: 0, r });
    const docList = [...docs.values()];
    let replaced = 0;
    for (let i = 0; i < docList.length; i += BATCH) {
      const part = docList.slice(i, i + BATCH);
      // the documents these replace, with their bigram counts
      const gone = await client.query(
        `WITH d AS (
           DELETE FROM precedent_documents d
            USING unnest($1::text[], $2::text[]) AS k(language, symbol)
            WHERE d.language = k.language AND d.symbol = k.symbol AND d.push_id <> $3
           RETURNING d.id
         ), p AS (
           DELETE FROM precedent_paragraph_grams g USING precedent_paragraphs p, d
            WHERE g.paragraph_id = p.id AND p.document_id = d.id RETURNING g.grams
         ), c AS (
           SELECT g, count(*)::integer AS n FROM p, unnest(p.grams) AS g GROUP BY g
         ), u AS (
           UPDATE precedent_grams t SET df = t.df - c.n FROM c WHERE t.gram = c.g RETURNING 1
         )
         SELECT (SELECT count(*) FROM d) AS docs, (SELECT count(*) FROM u) AS grams`,
        [part.map((x) => x.r.language), part.map((x) => x.r.source.symbol), pushId],
      );
      replaced += Number(gone.rows[0].docs);
      const ids = await client.query("SELECT nextval('precedent_documents_id_seq') AS id FROM generate_series(1, $1::integer) ORDER BY 1", [
        part.length,
      ]);
      part.forEach((x, j) => (x.id = Number(ids.rows[j].id)));
      await client.query(
        `INSERT INTO precedent_documents (id, language, symbol, title, date, adopted, path, session, push_id)
         SELECT id, language, symbol, title, date, adopted::date, path, session, $9
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
             AS t(id, language, symbol, title, date, adopted, path, session)`,
        [
          part.map((x) => x.id),
          part.map((x) => x.r.language),
          part.map((x) => x.r.source.symbol),
          part.map((x) => x.r.source.title ?? null),
          part.map((x) => x.r.source.date ?? null),
          part.map((x) => isoDate(x.r.source.date)),
          part.map((x) => x.r.source.path),
          part.map((x) => sessionOf(x.r.source.symbol)),
          pushId,
        ],
      );
    }
    await client.query('DELETE FROM precedent_grams WHERE df <= 0');
    let firstId: string | undefined;
    for (let i = 0; i < records.length; i += BATCH) {
      const part = records.slice(i, i + BATCH);
      const cols = {
        doc: [] as number[],
        language: [] as string[],
        kind: [] as string[],
        number: [] as string[],
        line: [] as number[],
        text: [] as string[],
        norm: [] as string[],
        nwords: [] as number[],
        grams: [] as string[],
      };
      for (const r of part) {
        const ws = words(r.text);
        const grams = paragraphGrams(ws);
        cols.doc.push(docs.get(r.source)!.id);
        cols.language.push(r.language);
        cols.kind.push(r.kind);
        cols.number.push(r.paragraph);
        cols.line.push(r.line);
        cols.text.push(r.text);
        cols.norm.push(ws.join(' '));
        cols.nwords.push(ws.length);
        cols.grams.push(`{${grams.join(',')}}`);
      }
      const ids = await client.query(
        "SELECT nextval('precedent_paragraphs_id_seq') AS id FROM generate_series(1, $1::integer) ORDER BY 1",
        [part.length],
      );
      const pid = ids.rows.map((r) => r.id as string);
      await client.query(
        `INSERT INTO precedent_paragraphs (id, document_id, language, kind, number, line, text, norm, nwords)
         SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::integer[], $7::text[], $8::text[], $9::integer[])`,
        [pid, cols.doc, cols.language, cols.kind, cols.number, cols.line, cols.text, cols.norm, cols.nwords],
      );
      await client.query(
        `INSERT INTO precedent_paragraph_grams (paragraph_id, language, nwords, grams)
         SELECT id, language, nwords, grams::integer[] FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::text[])
           AS t(id, language, nwords, grams)`,
        [pid, cols.language, cols.nwords, cols.grams],
      );
      if (firstId === undefined) firstId = pid[0];
      onProgress?.(Math.min(records.length, i + BATCH), records.length);
    }
    // document frequencies of the new paragraphs' bigrams, counted in one pass
    if (firstId !== undefined) {
      await client.query(
        `INSERT INTO precedent_grams (gram, df)
         SELECT g, count(*) FROM precedent_paragraph_grams, unnest(grams) AS g WHERE paragraph_id >= $1 GROUP BY g
         ON CONFLICT (gram) DO UPDATE SET df = precedent_grams.df + excluded.df`,
        [firstId],
      );
    }
    await client.query('COMMIT');
    await client.query('ANALYZE precedent_paragraphs').catch(() => undefined);
    await client.query('VACUUM ANALYZE precedent_paragraph_grams').catch(() => undefined);
    await client.query('ANALYZE precedent_documents').catch(() => undefined);
    return { documents: docList.length, paragraphs: records.length, replaced, migration };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw explain(e, 'the corpus database');
  } finally {
    client.release();
  }
}

export { LANGUAGES };
