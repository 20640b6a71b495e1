/**
 * Prints how exactly the PDF import (and the import of text copied out of the PDF, made with
 * pdftotext) recovers the 60 official PDFs of ../shared/pdf against the UN's XML of the same
 * texts: per file and overall, paragraphs matched exactly (italics included), paragraphs matched
 * ignoring italics, footnotes matched.
 *
 *   node out/test/tools/import-match.js [--text] [--verbose] [NAME…]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { importBytes } from '../../server/src/core/import';
import { aknToTexts } from './akn';
import { compareDrafts, SHARED_PDF, sharedPdfNames } from '../support/importCompare';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const text = args.includes('--text');
  const verbose = args.includes('--verbose');
  const only = args.filter((a) => !a.startsWith('--'));
  const names = sharedPdfNames().filter((n) => !only.length || only.includes(n));
  if (!names.length) {
    console.log('skipped: ../shared not present');
    return;
  }
  let paragraphs = 0;
  let exact = 0;
  let plain = 0;
  let visual = 0;
  let notes = 0;
  let notesExact = 0;
  const started = Date.now();
  for (const name of names) {
    const expected = aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${name}.akn.xml`), 'utf8'))[0];
    const pdf = path.join(SHARED_PDF, `${name}.pdf`);
    const input = text ? execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 }) : fs.readFileSync(pdf);
    let draft = '';
    try {
      draft = (await importBytes(new Uint8Array(input), { fileName: text ? `${name}.txt` : `${name}.pdf` })).draft;
    } catch (err) {
      console.log(`${name}: import failed: ${(err as Error).message}`);
    }
    const m = compareDrafts(expected, draft);
    paragraphs += m.paragraphs;
    exact += m.exact;
    plain += m.plain;
    visual += m.visual;
    notes += m.footnotes;
    notesExact += m.footnotesExact;
    const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '100.0');
    console.log(
      `${name.padEnd(14)} paragraphs ${String(m.exact).padStart(3)}/${String(m.paragraphs).padEnd(3)} ${pct(m.exact, m.paragraphs).padStart(5)} %   hyphens as printed ${pct(m.visual, m.paragraphs).padStart(5)} %   without italics ${pct(m.plain, m.paragraphs).padStart(5)} %   footnotes ${m.footnotesExact}/${m.footnotes}`,
    );
    if (verbose) for (const miss of m.missing) console.log(`    missing: ${miss}`);
  }
  const pct = (a: number, b: number) => ((100 * a) / Math.max(1, b)).toFixed(1);
  console.log(
    `\n${text ? 'text (pdftotext)' : 'PDF'}: ${names.length} files, paragraphs exact ${exact}/${paragraphs} = ${pct(exact, paragraphs)} %, ` +
      `reading non-breaking hyphens as printed (-) ${visual}/${paragraphs} = ${pct(visual, paragraphs)} %, without italics ${pct(plain, paragraphs)} %, footnotes ${notesExact}/${notes} = ${pct(notesExact, notes)} %  (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
