/**
 * `resolution corpus add|list|remove|stats`: the corpus sources of the project's
 * `.resolutionrc.json` (`corpus.paths`), the same list the editor's Corpus view reads and edits.
 * See core/precedent/corpusConfig.ts for how the file and the VS Code setting relate.
 */
import * as fs from 'fs';
import * as path from 'path';
import { CONFIG_FILE_NAME } from '../core/config';
import { LANGUAGE_INFO, type Lang } from '../core/languages';
import { defaultCacheDir } from '../core/precedent/cache';
import { Corpus, SourceStats } from '../core/precedent/corpus';
import { corpusConfig, editCorpusPaths } from '../core/precedent/corpusConfig';
import { CliIO, UsageError } from './io';

export const HELP = `Usage: resolution corpus <subcommand> [options]

Subcommands:
  add PATH…            add folders, zip archives (a session's …_English.zip) or AKN4UN/text files
                       to corpus.paths of the nearest .resolutionrc.json (created here if none)
  remove PATH…         take sources out of corpus.paths
  list [--format text|json]
                       the configured sources and where they are configured
  stats [--format text|json] [--no-builtin] [--no-cache] [--cache-dir DIR]
                       load the corpus and print, per source: files, paragraphs, languages,
                       sessions, skipped files and why

Options:
  --config FILE        the configuration file to read and edit (default: the nearest
                       .resolutionrc.json from the current folder up)

The editor uses these sources too, together with its resolution.corpus.paths setting.
The parsed corpus is cached in ${defaultCacheDir()} (keyed by each file's path, size and time).`;

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p).split(path.sep).join('/');
}

interface Options {
  format: 'text' | 'json';
  config?: string;
  builtin: boolean;
  cache: boolean;
  cacheDir?: string;
  rest: string[];
}

function parseArgs(args: string[]): Options {
  const o: Options = { format: 'text', builtin: true, cache: true, rest: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--format') o.format = value() as Options['format'];
    else if (a.startsWith('--format=')) o.format = a.slice(9) as Options['format'];
    else if (a === '--config') o.config = value();
    else if (a === '--no-builtin') o.builtin = false;
    else if (a === '--no-cache') o.cache = false;
    else if (a === '--cache-dir') o.cacheDir = value();
    else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else o.rest.push(a);
  }
  if (o.format !== 'text' && o.format !== 'json') throw new UsageError(`--format must be text or json, not "${o.format}"`);
  return o;
}

/** The configuration in effect: --config, else the nearest .resolutionrc.json, else none yet. */
function configOf(o: Options) {
  if (o.config) {
    const file = path.resolve(o.config);
    const cfg = corpusConfig({}, path.dirname(file));
    // An explicit file that is not the nearest one: read its paths directly.
    return { ...cfg, rcFile: file, rcPaths: cfg.rcFile === file ? cfg.rcPaths : [], target: file };
  }
  const cfg = corpusConfig({}, process.cwd());
  return { ...cfg, target: cfg.rcFile ?? path.resolve(CONFIG_FILE_NAME) };
}

function langs(s: SourceStats): string {
  return Object.entries(s.languages)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([l, n]) => `${LANGUAGE_INFO[l as Lang]?.name ?? l} ${n}`)
    .join(', ');
}

async function edit(action: 'add' | 'remove', o: Options, io: CliIO): Promise<number> {
  if (o.rest.length === 0) throw new UsageError(`corpus ${action} needs at least one PATH`);
  const cfg = configOf(o);
  let code = 0;
  for (const p of o.rest) {
    const abs = path.resolve(p);
    if (action === 'add' && !fs.existsSync(abs)) {
      io.err(`resolution corpus add: not found: ${p}`);
      code = 2;
      continue;
    }
    try {
      const r = editCorpusPaths(cfg.target, action, abs);
      if (!r.changed)
        io.out(
          action === 'add'
            ? `${displayPath(abs)} is already in ${displayPath(r.file)}`
            : `${displayPath(abs)} is not in ${displayPath(r.file)}`,
        );
      else
        io.out(`${action === 'add' ? 'Added' : 'Removed'} ${displayPath(abs)} ${action === 'add' ? 'to' : 'from'} ${displayPath(r.file)}`);
      if (action === 'remove' && !r.changed) code = Math.max(code, 1);
    } catch (e) {
      io.err(`resolution corpus ${action}: ${(e as Error).message}`);
      return 2;
    }
  }
  return code;
}

function list(o: Options, io: CliIO): number {
  const cfg = configOf(o);
  const sources = cfg.rcPaths.map((p) => ({ path: p, exists: fs.existsSync(p) }));
  if (o.format === 'json') {
    io.out(JSON.stringify({ config: cfg.rcFile ?? null, builtin: cfg.builtin, sources }, null, 2));
    return 0;
  }
  if (!cfg.rcFile)
    io.out(`No ${CONFIG_FILE_NAME} here or above: the corpus is the built-in seeds. Add a source with: resolution corpus add PATH`);
  else io.out(`${displayPath(cfg.rcFile)}:`);
  if (cfg.builtin) io.out('  (built-in seeds)');
  for (const s of sources) io.out(`  ${displayPath(s.path)}${s.exists ? '' : '  (not found)'}`);
  return 0;
}

async function stats(o: Options, io: CliIO): Promise<number> {
  const cfg = configOf(o);
  const paths = o.rest.length ? o.rest.map((p) => path.resolve(p)) : cfg.rcPaths;
  const corpus = new Corpus();
  const t0 = Date.now();
  const report = await corpus.load(
    { builtin: o.builtin && cfg.builtin, paths },
    o.cache ? { cacheDir: o.cacheDir ? path.resolve(o.cacheDir) : defaultCacheDir() } : {},
  );
  const ms = Date.now() - t0;
  const all = corpus.sourceStats();
  if (o.format === 'json') {
    io.out(
      JSON.stringify(
        {
          files: report.files,
          paragraphs: report.paragraphs,
          cached: report.cached ?? 0,
          loadMs: ms,
          sources: all.map((s) => ({
            ...s,
            path: displayPath(s.path),
            skipped: s.skipped.map((k) => ({ ...k, path: displayPath(k.path) })),
          })),
        },
        null,
        2,
      ),
    );
    return 0;
  }
  for (const s of all) {
    io.out(`${s.builtin ? 'built-in seeds' : displayPath(s.path)} (${s.kind})`);
    if (s.kind === 'missing') {
      io.out('  not found');
      continue;
    }
    io.out(`  ${s.files} files, ${s.resolutions} resolutions, ${s.paragraphs} paragraphs`);
    if (langs(s)) io.out(`  languages: ${langs(s)}`);
    if (s.sessions.length) io.out(`  sessions: ${s.sessions.join(', ')}`);
    if (s.metadataFiles) io.out(`  metadata files: ${s.metadataFiles}`);
    if (s.skipped.length) {
      io.out(`  skipped ${s.skipped.length}:`);
      for (const k of s.skipped) io.out(`    ${displayPath(k.path)}: ${k.reason}`);
    }
  }
  io.out(
    `In all: ${report.files} files, ${report.paragraphs} paragraphs, loaded in ${ms} ms (${report.cached ?? 0} files from the cache).`,
  );
  return 0;
}

type Sub = (o: Options, io: CliIO) => number | Promise<number>;

/** Subcommands of `resolution corpus`; further ones register here. */
export const subcommands: Record<string, Sub> = {
  add: (o, io) => edit('add', o, io),
  remove: (o, io) => edit('remove', o, io),
  list,
  stats,
};

export async function run(args: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h' || rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP);
    return sub ? 0 : 2;
  }
  const fn = subcommands[sub];
  if (!fn) throw new UsageError(`unknown corpus subcommand "${sub}" (add, remove, list, stats)`);
  return fn(parseArgs(rest), io);
}
