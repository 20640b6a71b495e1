/**
 * `resolution compare OLD NEW [--format text|json]` — what changed from one revision of a draft to
 * the next: paragraphs aligned (moved, added, deleted, changed) and a word diff inside each pair.
 */
import { compareTexts, comparisonText, summaryLine } from '../core/compare/revisions';
import { readDraft } from './check';
import { CliIO, formatAndFiles, UsageError } from './io';

export function run(args: string[], io: CliIO): number {
  const { format, files } = formatAndFiles(args);
  if (files.length !== 2) throw new UsageError('compare takes two files: OLD NEW');
  const texts: string[] = [];
  for (const f of files) {
    const { text, error } = readDraft(f);
    if (text === undefined) {
      io.err(`resolution: ${f}: ${error}`);
      return 2;
    }
    texts.push(text);
  }
  const c = compareTexts(texts[0], texts[1]);
  if (format === 'json') {
    io.out(JSON.stringify({ summary: c.summary, pairs: c.pairs }, null, 2));
    return 0;
  }
  io.out(`${files[0]} → ${files[1]}: ${summaryLine(c.summary)}`);
  for (const l of comparisonText(c)) io.out(l);
  return 0;
}
