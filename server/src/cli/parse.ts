/** `resolution parse --format json FILE` — prints the document model, for debugging and tests. */
import { parse } from '../core/parser';
import { readDraft } from './check';
import { CliIO, UsageError } from './io';

export function run(args: string[], io: CliIO): number {
  let format = 'json';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--format') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a.startsWith('-')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
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
