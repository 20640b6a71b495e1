/**
 * `resolution check [options] PATH…` (see HELP)
 * Runs the structure checks with the configuration of the `.resolutionrc.json` files up the
 * folder tree of each file and the same precedent corpus as the editor (loaded once per run);
 * `--fix` writes what fix-all applies (structural fixes only, unless asked) and reports it.
 */
import { messageLocale, type MessageLocale } from '../core/messages';
import * as fs from 'fs';
import * as path from 'path';
import { Corpus } from '../core/precedent/corpus';
import { parse } from '../core/parser';
import { checkDocument } from '../core/check';
import { parseOptionsOf, resolveConfig, type ResolvedConfig } from '../core/config';
import { fixAll } from '../core/fix';
import type { Finding, Severity } from '../core/findings';
import { RULES, docsUrl } from '../core/rules/registry';
import { expandPaths } from './files';
import { CliIO, parseCommandLine, UsageError } from './io';
import { packageVersion } from '../core/packageRoot';

export interface FileReport {
  path: string;
  kind: 'resolution' | 'other';
  findings: Array<{
    rule: string;
    severity: Finding['severity'];
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    message: string;
  }>;
}

export function readDraft(file: string): { text?: string; error?: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (caught) {
    const err = caught as NodeJS.ErrnoException | undefined;
    return { error: err?.code === 'EISDIR' ? 'is a folder' : (err?.message ?? String(err)) };
  }
  if (buf.subarray(0, 8192).includes(0)) return { error: 'looks binary (contains NUL bytes); skipped' };
  return { text: buf.toString('utf8').replace(/^\uFEFF/, '') };
}

export const HELP = `Usage: resolution check [options] PATH…

Runs the structure checks on files, folders (walked, links followed) or globs (*, **, ?, {a,b}, [ab]),
with the configuration of the .resolutionrc.json files up the folder tree of each file.

Options:
  --format text|json|sarif     output format (default text)
  --fix                        write the fixes that fix-all applies: structural fixes only (numbering,
                               sub-paragraph labels, italics of the opening phrase, closing punctuation,
                               footnote numbers, cross-references carried along) of findings shown as
                               warnings or errors. Never changes a word unless --fix-wording is given.
  --fix-wording                with --fix, also apply wording fixes (phrase suggestions, also/further,
                               corpus dates); same as "fixAll": { "wording": true } in .resolutionrc.json
  --fix-min-severity LEVEL     with --fix, the least severity fixed: error, warning (default),
                               information or hint
  --max-warnings N             exit 1 when there are more than N warnings
  --corpus DIR                 a folder of adopted texts (text or AKN4UN XML) to use as the precedent
                               corpus, in addition to "corpus.paths" of .resolutionrc.json (repeatable)
  --no-builtin                 leave the built-in seed corpus out
  --locale en|fr|es            the language of the messages (default: LC_ALL, LC_MESSAGES or LANG)
  -h, --help                   show this help

Exit codes: 0 no errors, 1 errors found (or more warnings than --max-warnings),
2 bad usage, or a path that is missing or unreadable (the other paths are still checked).`;

interface Options {
  format: string;
  fix: boolean;
  fixWording: boolean;
  fixMinSeverity?: Severity;
  maxWarnings?: number;
  /** The findings' messages: --locale, else LC_ALL / LC_MESSAGES / LANG; English when none is French or Spanish. */
  locale: MessageLocale;
  corpus: string[];
  builtin: boolean;
  help: boolean;
  paths: string[];
}

function parseOptions(args: string[]): Options {
  const parsed = parseCommandLine({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', default: 'text' },
      fix: { type: 'boolean', default: false },
      'fix-wording': { type: 'boolean', default: false },
      'fix-min-severity': { type: 'string' },
      'max-warnings': { type: 'string' },
      corpus: { type: 'string', multiple: true, default: [] },
      'no-builtin': { type: 'boolean', default: false },
      locale: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const v = parsed.values;
  const o: Options = {
    format: v.format as string,
    fix: !!v.fix,
    fixWording: !!v['fix-wording'],
    corpus: (v.corpus as string[]) ?? [],
    builtin: !v['no-builtin'],
    help: !!v.help,
    locale: messageLocale((v.locale as string | undefined) || process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG),
    paths: parsed.positionals,
  };
  if (o.help) return o;
  const mw = v['max-warnings'] as string | undefined;
  if (mw !== undefined) {
    if (!/^\d+$/.test(mw)) throw new UsageError(`--max-warnings needs a whole number, not "${mw}"`);
    o.maxWarnings = Number(mw);
  }
  const ms = v['fix-min-severity'] as string | undefined;
  if (ms !== undefined) {
    if (!['error', 'warning', 'information', 'hint'].includes(ms))
      throw new UsageError(`--fix-min-severity must be error, warning, information or hint, not "${ms}"`);
    o.fixMinSeverity = ms as Severity;
  }
  if (!['text', 'json', 'sarif'].includes(o.format)) throw new UsageError(`--format must be text, json or sarif, not "${o.format}"`);
  if (o.paths.length === 0) throw new UsageError('check needs at least one file, folder or glob');
  return o;
}

const SARIF_LEVEL: Record<Finding['severity'], string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** SARIF 2.1.0 log of the reports, for code-scanning tools. */
export function toSarif(reports: FileReport[], version: string): object {
  const ruleIndex = new Map(RULES.map((r, i) => [r.meta.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'resolution',
            fullName: 'Resolution Drafting structure checks',
            version,
            informationUri: 'https://github.com/resolution-drafting/resolution-drafting',
            rules: RULES.map((r) => ({
              id: r.meta.id,
              shortDescription: { text: r.meta.description },
              helpUri: docsUrl(r.meta.id),
              defaultConfiguration:
                r.meta.defaultSeverity === 'off' ? { enabled: false, level: 'note' } : { level: SARIF_LEVEL[r.meta.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: reports.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
            level: SARIF_LEVEL[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.path },
                  region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

/** The corpus of each distinct set of sources, each loaded once per run. */
class CorpusCache {
  private loaded = new Map<string, Promise<Corpus>>();
  constructor(private io: CliIO) {}

  get(builtin: boolean, paths: string[]): Promise<Corpus> | undefined {
    if (!builtin && paths.length === 0) return undefined;
    const key = JSON.stringify([builtin, [...paths].sort()]);
    let c = this.loaded.get(key);
    if (!c) {
      c = (async () => {
        const corpus = new Corpus();
        const report = await corpus.load({ builtin, paths });
        for (const sk of report.skipped) this.io.err(`resolution: corpus: skipped ${sk.path}: ${sk.reason}`);
        return corpus;
      })();
      this.loaded.set(key, c);
    }
    return c;
  }
}

export async function run(args: string[], io: CliIO): Promise<number> {
  const opts = parseOptions(args);
  if (opts.help) {
    io.out(HELP);
    return 0;
  }
  for (const c of opts.corpus) {
    if (!fs.existsSync(c)) throw new UsageError(`--corpus ${c}: no such file or folder`);
  }
  const { files, missing, skipped, ignored } = expandPaths(opts.paths);
  if (ignored) io.err(`resolution: ${ignored} file(s) passed over (the ignore setting or .resolutionignore)`);
  for (const m of missing) io.err(`resolution: ${m}`);
  for (const m of skipped) io.err(`resolution: ${m}`);
  const corpora = new CorpusCache(io);

  const reports: FileReport[] = [];
  const notes: string[] = []; // what --fix changed; config problems
  let unreadable = missing.length;
  const seenProblems = new Set<string>();
  for (const file of files) {
    const { text, error } = readDraft(file);
    if (text === undefined) {
      io.err(`resolution: ${file}: ${error}`);
      unreadable++;
      continue;
    }
    const loaded = resolveConfig(undefined, file);
    for (const p of loaded.problems) {
      const msg = `resolution: ${path.relative(process.cwd(), p.file) || p.file}:${(p.line ?? 0) + 1}:${(p.character ?? 0) + 1}: ${p.message}`;
      if (!seenProblems.has(msg)) {
        seenProblems.add(msg);
        io.err(msg);
      }
    }
    const config: ResolvedConfig = loaded.config;
    // The same corpus as the editor: the built-in seeds unless switched off, the configured
    // corpus.paths, and the --corpus folders.
    // Relative corpus paths are read from the nearest configuration file's folder, as in the editor.
    const base = loaded.files[0] ? path.dirname(loaded.files[0]) : process.cwd();
    const configured = config.corpus.paths.filter((p) => p.trim() !== '').map((p) => path.resolve(base, p));
    const corpus = await corpora.get(opts.builtin && config.corpus.builtin, [...configured, ...opts.corpus.map((c) => path.resolve(c))]);
    const check = (t: string) => checkDocument(parse(t, parseOptionsOf(config)), { config, corpus, locale: opts.locale });
    let current = text;
    if (opts.fix) {
      const result = fixAll(text, check, {
        wording: opts.fixWording || config.fixAll.wording,
        minSeverity: opts.fixMinSeverity ?? config.fixAll.minSeverity,
      });
      if (result.text !== text) {
        try {
          fs.writeFileSync(file, result.text);
          current = result.text;
          const what = Object.entries(result.applied)
            .map(([rule, n]) => `${rule} ×${n}`)
            .join(', ');
          notes.push(`${file.split('\\').join('/')}: fixed ${what}`);
        } catch (err) {
          io.err(`resolution: ${file}: could not write the fixed file: ${(err as Error).message}`);
          unreadable++;
        }
      }
    }
    const doc = parse(current, parseOptionsOf(config));
    const findings = checkDocument(doc, { config, corpus, locale: opts.locale }).map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
    }));
    reports.push({ path: file.split('\\').join('/'), kind: doc.kind, findings });
  }
  const all = reports.flatMap((r) => r.findings);
  const summary = {
    files: reports.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
  };
  if (opts.format === 'json') {
    io.out(JSON.stringify({ files: reports, summary }, null, 2));
    for (const n of notes) io.err(n);
  } else if (opts.format === 'sarif') {
    io.out(JSON.stringify(toSarif(reports, packageVersion()), null, 2));
    for (const n of notes) io.err(n);
  } else {
    for (const n of notes) io.out(n);
    for (const r of reports) {
      for (const f of r.findings) io.out(`${r.path}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}`);
    }
    io.out(`${summary.files} file(s) checked: ${summary.errors} error(s), ${summary.warnings} warning(s).`);
  }
  if (unreadable) return 2;
  if (summary.errors > 0) return 1;
  if (opts.maxWarnings !== undefined && summary.warnings > opts.maxWarnings) {
    io.err(`resolution: ${summary.warnings} warning(s), more than --max-warnings ${opts.maxWarnings}`);
    return 1;
  }
  return 0;
}
