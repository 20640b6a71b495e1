/**
 * `resolution corpus push --db postgres://user@host/db [--language xx] SOURCE…`
 *
 * Reads corpus sources (folders, files) as the embedded corpus does and loads their paragraphs,
 * with provenance, into a shared PostgreSQL database; the schema is created or brought up to date
 * first. The password comes from PGPASSWORD (or ~/.pgpass), never from the command line.
 */
import * as fs from 'fs';
import * as path from 'path';
import { LANGUAGES, toLang, Lang } from '../core/languages';
import { Corpus } from '../core/precedent/corpus';
import { createPool, guessLanguage, pushRecords, PushRecord, redact } from '../core/precedent/pgBackend';
import type { SourceDocument } from '../core/precedent/types';
import { CliIO, UsageError } from './io';

export const HELP = `Usage: resolution corpus push --db postgres://USER@HOST[:PORT]/DB [--language ${LANGUAGES.join('|')}] SOURCE…

Loads the paragraphs of each SOURCE (a folder or file of AKN4UN XML or text resolutions, with
metadata/*.jsonl) into a shared PostgreSQL corpus, creating or updating its schema first.
A document pushed again (same symbol and language) replaces the earlier copy.
--language   the language of every SOURCE (default: told from each document's words)
The password is read from PGPASSWORD or ~/.pgpass; a password in --db is refused.`;

/** The connection string, or a usage error when it carries a password. */
export function checkConnectionString(db: string): string {
  if (!/^postgres(ql)?:\/\//.test(db)) throw new UsageError('--db needs a postgres://USER@HOST/DB connection string');
  if (/^postgres(ql)?:\/\/[^/@]*:[^/@]*@/.test(db) || /[?&]password=/i.test(db)) {
    throw new UsageError('--db must not contain the password: set PGPASSWORD (or use ~/.pgpass) instead');
  }
  return db;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let db = process.env.RESOLUTION_CORPUS_DATABASE;
  let language: Lang | undefined;
  const sources: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--help' || a === '-h') {
      io.out(HELP);
      return 0;
    } else if (a === '--db') db = value();
    else if (a.startsWith('--db=')) db = a.slice(5);
    else if (a === '--language') {
      const v = value();
      language = toLang(v);
      if (!language) throw new UsageError(`--language must be one of ${LANGUAGES.join(', ')}, not "${v}"`);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else sources.push(a);
  }
  if (!db) throw new UsageError('corpus push needs --db postgres://USER@HOST/DB');
  checkConnectionString(db);
  if (sources.length === 0) throw new UsageError('corpus push needs at least one SOURCE folder or file');
  for (const s of sources) {
    if (!fs.existsSync(s)) {
      io.err(`resolution corpus push: source not found: ${s}`);
      return 2;
    }
  }

  const started = Date.now();
  const corpus = new Corpus();
  const report = await corpus.load({ builtin: false, paths: sources });
  for (const s of report.skipped) io.err(`resolution corpus push: skipped ${s.path}: ${s.reason}`);
  if (report.paragraphs === 0) {
    io.err('resolution corpus push: no paragraphs found in the sources; nothing pushed');
    return 1;
  }

  // Paths are stored relative to the source named on the command line ("un-ga-akn4un/75/A_RES_75_1_E.xml"):
  // the pusher's own folders mean nothing to the drafters who read the database.
  const roots = sources.map((s) => path.resolve(s));
  const stored = (p: string) => {
    for (const r of roots) {
      if (p === r) return path.basename(r);
      if (p.startsWith(r + path.sep)) return [path.basename(r), ...path.relative(r, p).split(path.sep)].join('/');
    }
    return path.basename(p);
  };
  const docs = new Map<string, { source: SourceDocument; language: Lang | ''; texts: string[] }>();
  const records: PushRecord[] = [];
  const index = corpus.index;
  const bySource = new Map<string, SourceDocument>();
  for (const id of index.ids()) {
    const m = index.match(id, 1);
    const key = `${m.source.path}\u0000${m.source.symbol}`;
    let source = bySource.get(key);
    if (!source) {
      source = {
        path: stored(m.source.path),
        symbol: m.source.symbol,
        ...(m.source.title ? { title: m.source.title } : {}),
        ...(m.source.date ? { date: m.source.date } : {}),
      };
      bySource.set(key, source);
      docs.set(key, { source, language: language ?? '', texts: [] });
    }
    const doc = docs.get(key)!;
    if (doc.texts.length < 20) doc.texts.push(m.text);
    records.push({ text: m.text, kind: m.source.kind, paragraph: m.source.paragraph, line: m.source.line, source, language: '' });
  }
  if (!language) for (const d of docs.values()) d.language = guessLanguage(d.texts.join('\n')) ?? '';
  const langOf = new Map([...docs.values()].map((d) => [d.source, d.language]));
  for (const r of records) r.language = langOf.get(r.source) ?? '';

  const pool = createPool({ connectionString: db, connectTimeoutMs: 10000, queryTimeoutMs: 0 });
  try {
    let lastShown = 0;
    const result = await pushRecords(pool, records, (done, total) => {
      if (Date.now() - lastShown > 2000) {
        lastShown = Date.now();
        io.err(`resolution corpus push: ${done}/${total} paragraphs`);
      }
    });
    const counts = new Map<string, number>();
    for (const r of records) counts.set(r.language || 'unknown', (counts.get(r.language || 'unknown') ?? 0) + 1);
    const langs = [...counts].map(([l, n]) => `${l} ${n}`).join(', ');
    if (result.migration.applied.length)
      io.out(`Schema brought to version ${result.migration.version} (applied ${result.migration.applied.join(', ')}).`);
    io.out(
      `Pushed ${result.paragraphs} paragraph(s) of ${result.documents} document(s) (${langs}) to ${redact(db)}` +
        `${result.replaced ? `, replacing ${result.replaced} earlier document(s)` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
    );
    return 0;
  } catch (e) {
    io.err(`resolution corpus push: ${(e as Error).message}`);
    return 1;
  } finally {
    await pool.end().catch(() => undefined);
  }
}
