/**
 * `resolution check [--format text|json|sarif] [--fix] [--max-warnings N] [--locale en|fr|es] PATH…`
 * Runs the structure checks with the configuration of the `.resolutionrc.json` files up the
 * folder tree of each file; `--fix` writes the fixed files and reports what changed.
 */
import { messageLocale, type MessageLocale } from '../core/messages';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../core/parser';
import { checkDocument } from '../core/check';
import { parseOptionsOf, resolveConfig, type ResolvedConfig } from '../core/config';
import { fixAll } from '../core/fix';
import type { Finding } from '../core/findings';
import { RULES, docsUrl } from '../core/rules/registry';
import { expandPaths } from './files';
import { CliIO, UsageError } from './io';

export interface FileReport {
  path: string;
  kind: 'resolution' | 'other';
  findings: Array<{ rule: string; severity: Finding['severity']; line: number; column: number; endLine: number; endColumn: number; message: string }>;
}

export function readDraft(file: string): { text?: string; error?: string } {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (err: any) {
    return { error: err?.code === 'EISDIR' ? 'is a folder' : err?.message ?? String(err) };
  }
  if (buf.subarray(0, 8192).includes(0)) return { error: 'looks binary (contains NUL bytes); skipped' };
  return { text: buf.toString('utf8').replace(/^\uFEFF/, '') };
}

interface Options {
  format: string;
  fix: boolean;
  maxWarnings?: number;
  /** The findings' messages: --locale, else LC_ALL / LC_MESSAGES / LANG; English when none is French or Spanish. */
  locale: MessageLocale;
  paths: string[];
}

function parseArgs(args: string[]): Options {
  const env = process.env;
  const o: Options = { format: 'text', fix: false, locale: messageLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG), paths: [] };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') o.format = args[++i] ?? '';
    else if (a.startsWith('--format=')) o.format = a.slice(9);
    else if (a === '--fix') o.fix = true;
    else if (a === '--locale' || a.startsWith('--locale=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!v) throw new UsageError('--locale needs a language (en, fr, es)');
      o.locale = messageLocale(v);
    }
    else if (a === '--max-warnings' || a.startsWith('--max-warnings=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v === undefined || !/^\d+$/.test(v)) throw new UsageError(`--max-warnings needs a whole number, not "${v ?? ''}"`);
      o.maxWarnings = Number(v);
    } else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else o.paths.push(a);
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
              defaultConfiguration: r.meta.defaultSeverity === 'off' ? { enabled: false, level: 'note' } : { level: SARIF_LEVEL[r.meta.defaultSeverity] },
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

function packageVersion(): string {
  try {
    return require('../../../../package.json').version;
  } catch {
    return '0.0.0';
  }
}

export function run(args: string[], io: CliIO): number {
  const opts = parseArgs(args);
  const { files, missing } = expandPaths(opts.paths);
  for (const m of missing) io.err(`resolution: ${m}`);
  if (missing.length) return 2;

  const reports: FileReport[] = [];
  const notes: string[] = []; // what --fix changed; config problems
  let unreadable = 0;
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
      const msg = `resolution: ${path.relative(process.cwd(), p.file) || p.file}:${(p.line ?? 0) + 1}:${(p.character ?? 0) + 1}: ${p.message} (file ignored)`;
      if (!seenProblems.has(msg)) {
        seenProblems.add(msg);
        io.err(msg);
      }
    }
    const config: ResolvedConfig = loaded.config;
    const check = (t: string) => checkDocument(parse(t, parseOptionsOf(config)), { config, locale: opts.locale });
    let current = text;
    if (opts.fix) {
      const result = fixAll(text, check);
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
    const findings = checkDocument(doc, { config, locale: opts.locale }).map((f) => ({
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
