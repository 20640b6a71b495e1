/**
 * `resolution import FILE [-o OUT] [--format text|json] [--tracked-changes accept|proposals]` —
 * turns a Word (.docx) file, a PDF or text copied out of a PDF into a draft.
 */
import * as fs from 'fs';
import { ImportError, importBytes } from '../core/import';
import { CliIO, UsageError } from './io';

export const HELP = `Usage: resolution import FILE [-o OUT] [--format text|json] [--tracked-changes accept|proposals]

Turns a Word file (.docx), a PDF as the UN issues it, or text copied out of a PDF into a draft in
the Markdown format of .res.md files: paragraphs, operative numbers, sub-paragraphs, italics,
footnotes, and the document header as front matter.

  -o, --output OUT        write the draft to OUT (default: standard output)
  --format text|json      text (default) prints the draft; json prints {"draft": "...", "warnings": [...]}
  --tracked-changes MODE  accept (default): the text with Word's tracked changes accepted;
                          proposals: insertions in **bold**, deletions ~~struck~~

Warnings (comments dropped, tracked changes accepted, parts skipped) go to standard error.
Exit codes: 0 imported, 2 bad usage or a file that cannot be imported (the message says why).`;

export async function run(args: string[], io: CliIO): Promise<number> {
  let format = 'text';
  let output: string | undefined;
  let tracked: 'accept' | 'proposals' = 'accept';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') {
      io.out(HELP);
      return 0;
    } else if (a === '--format') format = args[++i] ?? '';
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a === '-o' || a === '--output') output = args[++i];
    else if (a.startsWith('--output=')) output = a.slice(9);
    else if (a === '--tracked-changes' || a.startsWith('--tracked-changes=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (v !== 'accept' && v !== 'proposals') throw new UsageError('--tracked-changes takes accept or proposals');
      tracked = v;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (format !== 'text' && format !== 'json') throw new UsageError('--format takes text or json');
  if (files.length !== 1) throw new UsageError('import takes exactly one FILE');
  if (output === '') throw new UsageError('-o needs a file name');
  let data: Buffer;
  try {
    data = fs.readFileSync(files[0]);
  } catch (err) {
    io.err(`resolution import: ${files[0]}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
    return 2;
  }
  let result;
  try {
    result = await importBytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
      fileName: files[0],
      trackedChanges: tracked,
    });
  } catch (err) {
    if (err instanceof ImportError) {
      io.err(`resolution import: ${files[0]}: ${err.message}`);
      return 2;
    }
    throw err;
  }
  const text =
    format === 'json' ? JSON.stringify({ draft: result.draft, warnings: result.warnings }, null, 2) : result.draft.replace(/\n$/, '');
  if (output) {
    fs.writeFileSync(output, format === 'json' ? text + '\n' : result.draft);
    if (format === 'text') for (const w of result.warnings) io.err(`resolution import: ${files[0]}: ${w}`);
  } else {
    io.out(text);
    if (format === 'text') for (const w of result.warnings) io.err(`resolution import: ${files[0]}: ${w}`);
  }
  return 0;
}
