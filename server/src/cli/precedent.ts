/**
 * `resolution precedent [--format text|json] [--top N] [--min-score S] [--corpus DIR]… [--no-builtin]
 *   (--text "…" | --file FILE)`
 *
 * --text: the corpus paragraphs closest to the text. --file: for each paragraph of FILE, its
 * closest precedents (FILE itself excluded from the corpus) and the share of its words they cover.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { combineBackends, embeddedBackend, PrecedentBackend } from '../core/precedent/backend';
import { Corpus } from '../core/precedent/corpus';
import { PgCorpus } from '../core/precedent/pgBackend';
import { checkConnectionString } from './corpusPush';
import { compare } from '../core/precedent/diff';
import { readTextResolution } from '../core/precedent/textfile';
import type { Match } from '../core/precedent/types';
import { paragraphPlace, sourceLabel } from '../core/precedent/label';
import { CliIO, UsageError } from './io';

export const HELP = `Usage: resolution precedent [--format text|json] [--top N] [--min-score S] [--corpus DIR]… [--no-builtin] [--db postgres://…] (--text "…" | --file FILE)

Finds precedent wording: corpus paragraphs closest to a text, or to every paragraph of a file.
The corpus is the built-in seeds plus each --corpus folder (text resolutions and AKN4UN XML),
and with --db (or RESOLUTION_CORPUS_DATABASE) a shared PostgreSQL corpus (password from PGPASSWORD);
when that database cannot be reached, one line says so and the local corpus answers alone.`;

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p).split(path.sep).join('/');
}

function jsonMatch(m: Match) {
  return { score: m.score, text: m.text, source: { ...m.source, path: displayPath(m.source.path) } };
}

function label(m: Match): string {
  const s = m.source;
  const line = s.line ? `:${s.line}` : '';
  return `${m.score.toFixed(2)}  ${sourceLabel(s, true)}  (${displayPath(s.path)}${line})`;
}

export async function run(args: string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      options: {
        format: { type: 'string', default: 'text' },
        top: { type: 'string', default: '5' },
        'min-score': { type: 'string', default: '0.3' },
        corpus: { type: 'string', multiple: true, default: [] },
        'no-builtin': { type: 'boolean', default: false },
        text: { type: 'string' },
        file: { type: 'string' },
        db: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message.split('\n')[0]);
  }
  const v = parsed.values;
  if (v.help) {
    io.out(HELP);
    return 0;
  }
  const format = v.format as string;
  const top = Number(v.top);
  const minScore = Number(v['min-score']);
  const builtin = !v['no-builtin'];
  const text = v.text as string | undefined;
  const file = v.file as string | undefined;
  const corpora = (v.corpus as string[]) ?? [];
  const db = (v.db as string | undefined) ?? (process.env.RESOLUTION_CORPUS_DATABASE || undefined);
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}"`);
  if (!Number.isInteger(top) || top < 1) throw new UsageError('--top needs a whole number of at least 1');
  if (!(minScore >= 0 && minScore <= 1)) throw new UsageError('--min-score needs a number between 0 and 1');
  if ((text === undefined) === (file === undefined)) throw new UsageError('give either --text "…" or --file FILE');
  if (db !== undefined) checkConnectionString(db);
  for (const c of corpora) {
    if (!fs.existsSync(c)) {
      io.err(`resolution precedent: corpus folder not found: ${c}`);
      return 2;
    }
  }

  let source: string | undefined;
  if (file !== undefined) {
    try {
      source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (e) {
      io.err(`resolution precedent: cannot read ${file}: ${(e as Error).message}`);
      return 2;
    }
  }

  const corpus = new Corpus();
  const report = await corpus.load({ builtin, paths: corpora });
  for (const s of report.skipped) io.err(`resolution precedent: skipped ${displayPath(s.path)}: ${s.reason}`);
  if (report.paragraphs === 0 && !db) io.err('resolution precedent: the corpus is empty');
  // With a database: both corpora, merged; a database that cannot be reached is reported once.
  const pg = db ? new PgCorpus({ connectionString: db }) : undefined;
  const backend: PrecedentBackend = pg
    ? combineBackends([embeddedBackend(corpus), pg], {
        onError: (_b, e) => io.err(`resolution precedent: ${e.message}; using the local corpus only`),
        retryMs: Number.POSITIVE_INFINITY,
      })
    : embeddedBackend(corpus);
  try {
    return await answer(backend);
  } finally {
    await backend.close?.();
  }

  async function answer(backend: PrecedentBackend): Promise<number> {
    if (text !== undefined) {
      const matches = await backend.lookup(text, { top, minScore });
      if (format === 'json') io.out(JSON.stringify({ query: text, matches: matches.map(jsonMatch) }, null, 2));
      else {
        if (matches.length === 0) io.out('No precedent found.');
        for (const m of matches) io.out(`${label(m)}\n      ${m.text}`);
      }
      return 0;
    }

    const abs = path.resolve(file!);
    const imp = readTextResolution(source!, abs);
    const paragraphs = [];
    for (const r of imp.records) {
      const matches = await backend.search(r.text, { top, minScore, excludePath: abs });
      const coverage = matches.length ? compare(r.text, matches[0].text).coverage : 0;
      paragraphs.push({ record: r, matches, coverage });
    }
    if (format === 'json') {
      io.out(
        JSON.stringify(
          {
            paragraphs: paragraphs.map(({ record: r, matches, coverage }) => ({
              line: r.line,
              kind: r.kind,
              ...(r.kind !== 'preambular' && r.paragraph ? { number: r.paragraph } : {}),
              text: r.text,
              coverage,
              matches: matches.map(jsonMatch),
            })),
          },
          null,
          2,
        ),
      );
    } else {
      for (const { record: r, matches, coverage } of paragraphs) {
        const what = paragraphPlace(r.kind, r.paragraph);
        const opening = r.text.length > 70 ? r.text.slice(0, 69) + '…' : r.text;
        io.out(`${displayPath(abs)}:${r.line}: ${what} — ${Math.round(coverage * 100)}% agreed language — ${opening}`);
        if (matches.length === 0) io.out('    no precedent');
        for (const m of matches) io.out(`    ${label(m)}`);
      }
    }
    return 0;
  }
}
