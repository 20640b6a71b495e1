/**
 * Import accuracy on the official PDFs of ../shared/pdf against the UN's XML of the same texts,
 * per file and in total, for each way a drafter gets the text:
 *   pdf     the PDF itself (pdf.js, italics from the fonts)
 *   text    `pdftotext` in its default mode (page breaks as form feeds)
 *   layout  `pdftotext -layout` (columns kept with spaces)
 *   viewer  text as copied out of a PDF viewer (select all, copy: pdf.js's text lines, pages
 *           joined by a plain line break, no form feeds)
 * A paragraph counts as exact when its text, number and italics equal the XML's; "printed" also
 * counts one that differs only by non-breaking hyphens (U+2011), which print as hyphens and cannot be
 * told apart in a PDF. "Text exact" counts a paragraph whose words and punctuation equal the XML's
 * once Markdown emphasis is removed: what an evaluator comparing plain text sees (a second measure
 * beside the strict one, not a replacement). Footnotes: definitions equal to the XML's, by label.
 * Totals are also given for the two halves of the files (even and odd positions in name order), so
 * that a change tuned on one half can be checked on the other.
 * With --ldoc, each text is first made into an L document (the header the secretariat prints on a
 * draft resolution), exported to Word and printed to PDF by LibreOffice; the figures are then those
 * of the text from its authority line on, and of the L headers read back into front matter.
 *
 *   node out/test/bench/import-accuracy.js [--mode pdf,text,layout,viewer] [--only NAME] [--half even|odd] [--missing] [--ldoc]
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importBytes } from '../../server/src/core/import';
import { loadPdfJs } from '../../server/src/core/import/pdfjs';
import { aknToTexts } from '../tools/akn';
import { readLDocHeader } from '../../server/src/core/import/ldoc';
import { exportDocx } from '../../server/src/core/office/export';
import { hasSoffice, sofficeConvert } from '../support/fodt';
import { asLDocument, compareDrafts, fromAuthority, MatchFigures, SHARED_PDF, sharedPdfNames } from '../support/importCompare';

export type Mode = 'pdf' | 'text' | 'layout' | 'viewer';
const MODES: Mode[] = ['pdf', 'text', 'layout', 'viewer'];

/** Text as a PDF viewer copies it: pdf.js's text items, a line break where a printed line ends. */
export async function viewerText(data: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  try {
    const pages: string[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const tc = await page.getTextContent();
      pages.push((tc.items as Array<{ str?: string; hasEOL?: boolean }>).map((i) => (i.str ?? '') + (i.hasEOL ? '\n' : '')).join(''));
      page.cleanup();
    }
    return pages.join('\n');
  } finally {
    await doc.destroy();
  }
}

/** The bytes a drafter imports for a mode. */
export async function inputFor(mode: Mode, pdfPath: string): Promise<{ data: Uint8Array; fileName: string }> {
  const pdf = fs.readFileSync(pdfPath);
  const base = path.basename(pdfPath, '.pdf');
  if (mode === 'pdf') return { data: pdf, fileName: `${base}.pdf` };
  if (mode === 'viewer') return { data: Buffer.from(await viewerText(pdf)), fileName: `${base}.txt` };
  const args = mode === 'layout' ? ['-layout'] : [];
  return { data: execFileSync('pdftotext', [...args, '-enc', 'UTF-8', pdfPath, '-'], { maxBuffer: 64 << 20 }), fileName: `${base}.txt` };
}

export interface Totals {
  paragraphs: number;
  exact: number;
  textExact: number;
  printed: number;
  footnotes: number;
  footnotesExact: number;
}

export function totals(figures: MatchFigures[]): Totals {
  const sum = (k: keyof MatchFigures) => figures.reduce((a, f) => a + (f[k] as number), 0);
  return {
    paragraphs: sum('paragraphs'),
    exact: sum('exact'),
    textExact: sum('textExact'),
    printed: sum('visual'),
    footnotes: sum('footnotes'),
    footnotesExact: sum('footnotesExact'),
  };
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-').padStart(5);

export interface AccuracyOptions {
  modes?: Mode[];
  /** Only the files whose name contains this. */
  only?: string[];
  /** Only the files at even (0, 2, …) or odd positions in name order. */
  half?: 'even' | 'odd';
  /** Print the paragraphs each file misses. */
  missing?: boolean;
  /** Each text made into an L document, exported to Word and printed to PDF by LibreOffice first. */
  ldoc?: boolean;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  await runAccuracy({
    modes: arg('--mode')?.split(',') as Mode[] | undefined,
    only: arg('--only') ? [arg('--only')!] : undefined,
    half: arg('--half') as 'even' | 'odd' | undefined,
    missing: args.includes('--missing'),
    ldoc: args.includes('--ldoc'),
  });
}

/** Prints the figures per file and in total for each mode. */
export async function runAccuracy(options: AccuracyOptions = {}): Promise<void> {
  const modes = [...(options.modes ?? MODES)];
  const showMissing = !!options.missing;
  let names = sharedPdfNames();
  if (!names.length) {
    console.log('skipped: ../shared not present');
    return;
  }
  const parity = new Map(names.map((n, i) => [n, i % 2 === 0 ? 'even' : 'odd']));
  if (options.half) names = names.filter((n) => parity.get(n) === options.half);
  if (options.only?.length) names = names.filter((n) => options.only!.some((o) => n.includes(o)));
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    if (modes.some((m) => m === 'text' || m === 'layout')) console.log('pdftotext (poppler-utils) not installed: text and layout skipped');
    modes.splice(0, modes.length, ...modes.filter((m) => m !== 'text' && m !== 'layout'));
  }
  // --ldoc: the L documents, printed by LibreOffice in one batch
  const ldocs = new Map<string, { draft: string; pdf: string }>();
  let tmp: string | undefined;
  if (options.ldoc) {
    if (!hasSoffice()) {
      console.log('skipped: LibreOffice (soffice) not installed');
      return;
    }
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-ldoc-bench-'));
    const drafts = names.map((n, i) => asLDocument(aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${n}.akn.xml`), 'utf8'))[0], i + 1));
    const files = drafts.map((d, i) => {
      const f = path.join(tmp!, `${names[i]}.docx`);
      fs.writeFileSync(f, exportDocx(d, { openings: 'as-written' }));
      return f;
    });
    const pdfs = sofficeConvert(files, 'pdf', tmp);
    names.forEach((n, i) => ldocs.set(n, { draft: drafts[i], pdf: pdfs[i] }));
  }
  try {
    await runModes(modes, names, parity, showMissing, ldocs);
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function runModes(
  modes: Mode[],
  names: string[],
  parity: Map<string, string>,
  showMissing: boolean,
  ldocs: Map<string, { draft: string; pdf: string }>,
): Promise<void> {
  const summary: string[] = [];
  for (const mode of modes) {
    console.log(`\n== ${mode}`);
    console.log(`${'file'.padEnd(16)} paras  exact printed   text  notes  exact`);
    const figures: MatchFigures[] = [];
    const halves = { even: [] as MatchFigures[], odd: [] as MatchFigures[] };
    const cpu0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    let headers = 0;
    for (const name of names) {
      const ldoc = ldocs.get(name);
      const expected = ldoc ? fromAuthority(ldoc.draft) : aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${name}.akn.xml`), 'utf8'))[0];
      const { data, fileName } = await inputFor(mode, ldoc ? ldoc.pdf : path.join(SHARED_PDF, `${name}.pdf`));
      const { draft } = await importBytes(data, { fileName });
      if (ldoc) {
        const at = draft.indexOf('*The General Assembly*');
        if (readLDocHeader(draft.slice(0, at < 0 ? 0 : at).split('\n\n'))?.title) headers++;
      }
      const m = ldoc ? compareDrafts(expected, fromAuthority(draft), false) : compareDrafts(expected, draft);
      figures.push(m);
      halves[parity.get(name) as 'even' | 'odd'].push(m);
      console.log(
        `${name.padEnd(16)} ${String(m.paragraphs).padStart(5)} ${pct(m.exact, m.paragraphs)} % ${pct(m.visual, m.paragraphs)} % ${pct(m.textExact, m.paragraphs)} %  ${String(m.footnotes).padStart(5)} ${pct(m.footnotesExact, m.footnotes)} %`,
      );
      if (showMissing) for (const p of m.missing) console.log(`    missing: ${p}`);
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = process.cpuUsage(cpu0);
    const t = totals(figures);
    const line =
      `${mode.padEnd(7)} ${t.exact}/${t.paragraphs} paragraphs exact (${pct(t.exact, t.paragraphs).trim()} %), ` +
      `${pct(t.printed, t.paragraphs).trim()} % as printed (U+2011 read as a hyphen); footnotes ${t.footnotesExact}/${t.footnotes} ` +
      `(${pct(t.footnotesExact, t.footnotes).trim()} %); text exact ${t.textExact}/${t.paragraphs} (${pct(t.textExact, t.paragraphs).trim()} %); ` +
      `${names.length} files in ${ms.toFixed(0)} ms wall, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`;
    console.log(`total ${line}`);
    summary.push(line);
    if (ldocs.size) {
      const hl = `  L headers read back (symbol to title): ${headers}/${names.length}`;
      console.log(hl);
      summary.push(hl);
    }
    for (const h of ['even', 'odd'] as const) {
      if (!halves[h].length || !halves.even.length || !halves.odd.length) continue;
      const ht = totals(halves[h]);
      const hl =
        `  ${h.padEnd(4)} half (${halves[h].length} files): strict ${pct(ht.exact, ht.paragraphs).trim()} %, text exact ` +
        `${pct(ht.textExact, ht.paragraphs).trim()} %, footnotes ${pct(ht.footnotesExact, ht.footnotes).trim()} %`;
      console.log(hl);
      summary.push(hl);
    }
  }
  console.log('\n== summary');
  for (const l of summary) console.log(l);
}

if (require.main === module)
  main().catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
