/**
 * `resolution status FILE [--format text|json]` — the negotiation status of a draft: how many
 * paragraphs are agreed, bracketed, pending or deleted, and the status of each.
 */
import * as path from 'path';
import { resolveConfig } from '../core/config';
import { negotiation, statusLine, statusReport } from '../core/negotiation';
import { readDraft } from './check';
import { CliIO, UsageError } from './io';

export function run(args: string[], io: CliIO): number {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (text or json)`);
  if (files.length !== 1) throw new UsageError('status takes exactly one FILE');
  const { text, error } = readDraft(files[0]);
  if (text === undefined) {
    io.err(`resolution: ${files[0]}: ${error}`);
    return 2;
  }
  const { config } = resolveConfig(undefined, path.resolve(files[0]));
  const report = statusReport(negotiation(text, config.negotiation));
  if (format === 'json') {
    io.out(JSON.stringify(report, null, 2));
    return 0;
  }
  io.out(`${files[0]}: ${statusLine(report)}`);
  const width = Math.max(5, ...report.byParagraph.map((p) => p.label.length));
  for (const p of report.byParagraph) {
    io.out(
      `  ${p.label.padEnd(width)}  line ${String(p.line).padEnd(5)} ${p.status}${p.brackets ? ` (${p.brackets} bracket${p.brackets > 1 ? 's' : ''})` : ''}`,
    );
  }
  return 0;
}
