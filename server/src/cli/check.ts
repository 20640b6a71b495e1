/** `resolution check [--format text|json] PATH…` */
import * as fs from 'fs';
import { parse } from '../core/parser';
import { checkDocument } from '../core/check';
import type { Finding } from '../core/findings';
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

export function run(args: string[], io: CliIO): number {
  let format = 'text';
  const paths: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else paths.push(a);
  }
  if (!['text', 'json'].includes(format)) throw new UsageError(`--format must be text or json, not "${format}"`);
  if (paths.length === 0) throw new UsageError('check needs at least one file, folder or glob');
  const { files, missing } = expandPaths(paths);
  for (const m of missing) io.err(`resolution: ${m}`);
  if (missing.length) return 2;

  const reports: FileReport[] = [];
  let unreadable = 0;
  for (const file of files) {
    const { text, error } = readDraft(file);
    if (text === undefined) {
      io.err(`resolution: ${file}: ${error}`);
      unreadable++;
      continue;
    }
    const doc = parse(text);
    const findings = checkDocument(doc).map((f) => ({
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
  if (format === 'json') io.out(JSON.stringify({ files: reports, summary }, null, 2));
  else {
    for (const r of reports) {
      for (const f of r.findings) io.out(`${r.path}:${f.line}:${f.column}: ${f.severity} ${f.rule}: ${f.message}`);
    }
    io.out(`${summary.files} file(s) checked: ${summary.errors} error(s), ${summary.warnings} warning(s).`);
  }
  if (unreadable) return 2;
  return summary.errors > 0 ? 1 : 0;
}
