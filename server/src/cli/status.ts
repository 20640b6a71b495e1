/**
 * `resolution status FILE [--format text|json]` — the negotiation status of a draft: how many
 * paragraphs are agreed, bracketed, pending or deleted, and the status of each.
 */
import * as path from 'path';
import { resolveConfig } from '../core/config';
import { negotiation, statusLine, statusReport } from '../core/negotiation';
import { readDraft } from './check';
import { CliIO, formatAndFiles, UsageError } from './io';

export function run(args: string[], io: CliIO): number {
  const { format, files } = formatAndFiles(args);
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
