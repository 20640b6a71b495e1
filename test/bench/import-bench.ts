/**
 * Import timings: the longest official PDF of ../shared/pdf (pages printed), the same PDF twice in
 * one process (the second run without pdf.js's start-up), and a .docx made by LibreOffice from a
 * corpus text. Figures are printed, not asserted.   node out/test/bench/import-bench.js
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importBytes } from '../../server/src/core/import';
import { aknToTexts } from '../tools/akn';
import { draftToFodt, hasSoffice, sofficeConvert } from '../support/fodt';
import { SHARED_PDF, sharedPdfNames } from '../support/importCompare';

async function time(label: string, data: Uint8Array, runs = 3): Promise<void> {
  const times: number[] = [];
  const cpus: number[] = [];
  let size = 0;
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const r = await importBytes(data);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const u = process.cpuUsage(c);
    cpus.push((u.user + u.system) / 1000);
    size = r.draft.length;
  }
  console.log(
    `${label}: first ${times[0].toFixed(0)} ms wall (${cpus[0].toFixed(0)} ms CPU), then ${times
      .slice(1)
      .map((t, i) => `${t.toFixed(0)} ms wall (${cpus[i + 1].toFixed(0)} ms CPU)`)
      .join(' / ')} (${size} characters of draft)`,
  );
}

async function main(): Promise<void> {
  const names = sharedPdfNames();
  if (!names.length) {
    console.log('skipped: ../shared not present');
    return;
  }
  const longest = names.map((n) => ({ n, size: fs.statSync(path.join(SHARED_PDF, `${n}.pdf`)).size })).sort((a, b) => b.size - a.size)[0].n;
  const pdf = fs.readFileSync(path.join(SHARED_PDF, `${longest}.pdf`));
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
  await time(`PDF ${longest} (${pages} pages, ${(pdf.length / 1024).toFixed(0)} KiB)`, pdf);
  // About 40 pages: the longest PDFs imported back to back until 40 pages, per page and in all
  const bySize = names
    .map((n) => ({ n, data: fs.readFileSync(path.join(SHARED_PDF, `${n}.pdf`)) }))
    .sort((a, b) => b.data.length - a.data.length);
  const batch: Array<{ n: string; data: Buffer; pages: number }> = [];
  let total = 0;
  for (const f of bySize) {
    if (total >= 40) break;
    const p = (f.data.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    batch.push({ ...f, pages: p });
    total += p;
  }
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (const f of batch) await importBytes(f.data);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cu = process.cpuUsage(c0);
  console.log(
    `${total} pages (${batch.map((f) => `${f.n} ${f.pages} p.`).join(' + ')}) back to back: ${ms.toFixed(0)} ms wall, ${((cu.user + cu.system) / 1000).toFixed(0)} ms CPU, ${(ms / total).toFixed(1)} ms per page`,
  );
  // the same pages as pdftotext prints them, imported as text
  try {
    const texts = batch.map((f) =>
      execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(SHARED_PDF, `${f.n}.pdf`), '-'], { maxBuffer: 64 << 20 }),
    );
    const t1 = process.hrtime.bigint();
    const c1 = process.cpuUsage();
    for (const t of texts) await importBytes(t, { fileName: 'x.txt' });
    const ms1 = Number(process.hrtime.bigint() - t1) / 1e6;
    const cu1 = process.cpuUsage(c1);
    console.log(
      `the same ${total} pages as pdftotext text: ${ms1.toFixed(0)} ms wall, ${((cu1.user + cu1.system) / 1000).toFixed(0)} ms CPU`,
    );
  } catch {
    console.log('text: skipped (pdftotext not installed)');
  }
  if (!hasSoffice()) {
    console.log('.docx: skipped (LibreOffice not installed)');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-import-bench-'));
  try {
    const fodt = path.join(dir, `${longest}.fodt`);
    fs.writeFileSync(fodt, draftToFodt(aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${longest}.akn.xml`), 'utf8'))[0]));
    const [docx] = sofficeConvert([fodt], 'docx', dir);
    await time(`.docx of the same text (${(fs.statSync(docx).size / 1024).toFixed(0)} KiB)`, fs.readFileSync(docx));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
