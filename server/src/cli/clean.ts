/**
 * `resolution clean FILE [-o OUT]` — the text as it would be issued: a `[Deleted]` paragraph
 * dropped, brackets around remaining text removed, the first alternative kept, tags, notes and
 * attributions dropped, labels turned into final numbers. Writes to OUT or standard output.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resolveConfig } from '../core/config';
import { negotiation } from '../core/negotiation';
import { readDraft } from './check';
import { CliIO, UsageError } from './io';

export function run(args: string[], io: CliIO): number {
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      out = args[++i];
      if (!out) throw new UsageError(`${a} needs a file name`);
    } else if (a.startsWith('--output=')) out = a.slice(9);
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError('clean takes exactly one FILE');
  const { text, error } = readDraft(files[0]);
  if (text === undefined) {
    io.err(`resolution: ${files[0]}: ${error}`);
    return 2;
  }
  const { config } = resolveConfig(undefined, path.resolve(files[0]));
  const n = negotiation(text, config.negotiation);
  const clean = n.clean.text;
  if (n.unbalanced.length) {
    io.err(
      `resolution: ${files[0]}: ${n.unbalanced.length} unbalanced bracket(s) left out of the clean text; check them (resolution check).`,
    );
  }
  if (out) {
    try {
      fs.writeFileSync(out, clean);
    } catch (e) {
      io.err(`resolution: cannot write ${out}: ${(e as Error).message}`);
      return 2;
    }
    return 0;
  }
  io.out(clean.replace(/\n$/, ''));
  return 0;
}
