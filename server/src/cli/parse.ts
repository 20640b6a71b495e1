/** `resolution parse --format json FILE` — prints the document model, for debugging and tests. */
import { parse } from '../core/parser';
import { readDraft } from './check';
import { CliIO, parseCommandLine, UsageError } from './io';

export const HELP = `Usage: resolution parse [--format json] FILE

Prints the document model of a draft (preamble, operative paragraphs, sub-paragraphs, footnotes,
citations, cross-references) as JSON, for debugging and scripts.`;

export function run(args: string[], io: CliIO): number {
  const parsed = parseCommandLine({
    args,
    allowPositionals: true,
    strict: true,
    options: { format: { type: 'string', default: 'json' }, help: { type: 'boolean', short: 'h' } },
  });
  if (parsed.values.help) {
    io.out(HELP);
    return 0;
  }
  const format = parsed.values.format;
  const files = parsed.positionals;
  if (format !== 'json') throw new UsageError('parse prints JSON only: --format json');
  if (files.length !== 1) throw new UsageError('parse takes exactly one FILE');
  const { text, error } = readDraft(files[0]);
  if (text === undefined) {
    io.err(`resolution: ${files[0]}: ${error}`);
    return 2;
  }
  const doc = parse(text);
  // The source and line table are the input itself: leave them out of the printout.
  const { source: _source, lineStarts: _lineStarts, ...model } = doc;
  io.out(JSON.stringify({ path: files[0], ...model }, null, 2));
  return 0;
}
