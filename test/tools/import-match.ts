/**
 * Prints how exactly the PDF import (and, with --text, the import of the text pdftotext makes of
 * the PDF) recovers the 60 official PDFs of ../shared/pdf against the UN's XML of the same texts,
 * per file and overall. The full set of figures (pdftotext -layout and viewer copies too) is
 * test/bench/import-accuracy.ts; this is its short form.
 *
 *   node out/test/tools/import-match.js [--text] [--verbose] [NAME…]
 */
import { runAccuracy } from '../bench/import-accuracy';

const args = process.argv.slice(2);
const only = args.filter((a) => !a.startsWith('--'));
runAccuracy({
  modes: [args.includes('--text') ? 'text' : 'pdf'],
  only: only.length ? only : undefined,
  missing: args.includes('--verbose'),
}).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
