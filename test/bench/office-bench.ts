/**
 * Measures Word out (prints figures; asserts nothing):
 *  - export of the largest seed to .docx, and its redline against its real base (A/RES/71/326),
 *    median, 95th percentile and best of many runs, with the parser alone on the same text as the
 *    baseline (ratio) and the heap used;
 *  - finding the base text of session-76 resolutions held out of the AKN4UN corpus (when
 *    ../shared is present): load time of the corpus, time per draft, and the share named right.
 *
 *   node out/test/bench/office-bench.js [--runs N] [--no-corpus]
 *
 * The base finder under the conditions of real drafts (headers or none, the adopted versions in
 * the corpus, session-78 PDFs): base-eval.ts.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { exportDocx } from '../../server/src/core/office/export';
import { redlineDocx } from '../../server/src/core/office/redline';
import { findBase } from '../../server/src/core/office/base';
import { loadDraftSource, readDraftSource } from '../../server/src/core/office/sources';
import '../../server/src/core/import/corpusFiles';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { corpusPairs, CORPUS, seedFiles } from '../support/drafts';

const args = process.argv.slice(2);
const PDF_DIR = path.resolve(__dirname, '../../../../shared/pdf');
const runs = Number(args[args.indexOf('--runs') + 1] || 30) || 30;

/** CPU time (user + system, ms) of each timed run, by label: the machine is shared, wall time inflates. */
const cpuTimes = new Map<string, number[]>();

function time(fn: () => unknown, n: number, label = ''): number[] {
  const out: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - t) / 1e6);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  if (label)
    cpuTimes.set(
      label,
      cpu.sort((a, b) => a - b),
    );
  return out.sort((a, b) => a - b);
}

const cpuOf = (label: string) => {
  const xs = cpuTimes.get(label) ?? [0];
  return `; CPU median ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms`;
};

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const fmt = (xs: number[]) => `median ${pct(xs, 50).toFixed(1)} ms, p95 ${pct(xs, 95).toFixed(1)} ms, best ${xs[0].toFixed(1)} ms`;

async function main(): Promise<void> {
  const largest = seedFiles()
    .map((f) => ({ f, size: fs.statSync(f).size }))
    .filter((x) => /A-RES/.test(x.f))
    .sort((a, b) => b.size - a.size)[0].f;
  const draft = fs.readFileSync(largest, 'utf8');
  const base = fs.readFileSync(
    seedFiles().find((f) => /A-RES-71-326/.test(f))!,
    'utf8',
  );
  console.log(
    `Largest seed: ${path.basename(largest)} (${(draft.length / 1024).toFixed(1)} KB), base ${path.basename(seedFiles().find((f) => /A-RES-71-326/.test(f))!)}`,
  );
  // warm up
  exportDocx(draft);
  redlineDocx(base, draft);
  const heap0 = process.memoryUsage().heapUsed;
  const tParse = time(() => parse(draft), runs, 'parse');
  const tExport = time(() => exportDocx(draft), runs, 'export');
  const tRedline = time(() => redlineDocx(base, draft), runs, 'redline');
  const heap1 = process.memoryUsage().heapUsed;
  const size = exportDocx(draft).length;
  const red = redlineDocx(base, draft);
  console.log(`parse (baseline)     ${fmt(tParse)}${cpuOf('parse')}`);
  console.log(
    `export to .docx      ${fmt(tExport)}  (${(pct(tExport, 50) / pct(tParse, 50)).toFixed(1)}× the parse; ${(size / 1024).toFixed(1)} KB)${cpuOf('export')}`,
  );
  console.log(
    `redline against base ${fmt(tRedline)}  (${(pct(tRedline, 50) / pct(tParse, 50)).toFixed(1)}× the parse; ${(red.docx.length / 1024).toFixed(1)} KB; ${JSON.stringify(red.summary)})${cpuOf('redline')}`,
  );
  console.log(`heap used after ${runs * 3} runs: ${((heap1 - heap0) / 1048576).toFixed(1)} MB more than before`);
  console.log(`goal: export and redline under 2 s — ${pct(tExport, 95) < 2000 && pct(tRedline, 95) < 2000 ? 'met' : 'NOT met'} (p95)`);

  if (args.includes('--no-corpus')) return;
  if (!fs.existsSync(CORPUS)) {
    console.log('base text: skipped: ../shared not present');
    return;
  }
  const t0 = Date.now();
  const corpus = new Corpus();
  await corpus.load({ builtin: false, paths: [CORPUS] });
  console.log(`\nbase text: corpus of ${corpus.fileCount} files, ${corpus.paragraphs} paragraphs loaded in ${Date.now() - t0} ms`);
  const pairs = corpusPairs();
  const times: number[] = [];
  let right = 0;
  let rightNoSession = 0;
  for (const p of pairs) {
    const want = readDraftSource(p.base).text.split('\n')[0];
    const text = readDraftSource(p.draft).text;
    const t = process.hrtime.bigint();
    const r = findBase(text, corpus, { draftPath: p.draft });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    if (r.base?.symbol === want) right++;
    // The same draft without its symbol and number: the session is unknown, so every other
    // resolution of sessions 75 and 76 is a candidate.
    const anonymous = text.replace(/^A\/RES\/\d+\/\d+\n/, '').replace(/^\d+\/\d+\. /m, '');
    if (findBase(anonymous, corpus, { draftPath: p.draft }).base?.symbol === want) rightNoSession++;
  }
  times.sort((a, b) => a - b);
  console.log(
    `base text of ${pairs.length} held-out session-76 resolutions: the session-75 text named first for ${right} (${((100 * right) / pairs.length).toFixed(1)} %)`,
  );
  console.log(`  with the draft's session unknown: ${rightNoSession} (${((100 * rightNoSession) / pairs.length).toFixed(1)} %)`);
  console.log(`  time per draft: ${fmt(times)}`);
  await pdfInputs(corpus);
}

/** Wall and CPU time (ms) of one async run. */
async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = process.hrtime.bigint();
  const value = await fn();
  const d = process.cpuUsage(c);
  return { value, wall: Number(process.hrtime.bigint() - t) / 1e6, cpu: (d.user + d.system) / 1000 };
}

/**
 * PDF inputs as the commands read them: the official session-78 PDFs imported as drafts, their base
 * found in the AKN4UN corpus, the base read and the redline written; and a corpus folder of PDFs
 * (with their XML) loaded through the import.
 */
async function pdfInputs(corpus: Corpus): Promise<void> {
  if (!fs.existsSync(PDF_DIR)) return;
  const pdfs = fs
    .readdirSync(PDF_DIR)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .slice(0, Math.min(runs, 20));
  const wall = { load: [] as number[], base: [] as number[], redline: [] as number[] };
  const cpu = { load: [] as number[], base: [] as number[], redline: [] as number[] };
  let found = 0;
  for (const f of pdfs) {
    const file = path.join(PDF_DIR, f);
    const draft = await timed(() => loadDraftSource(file));
    wall.load.push(draft.wall);
    cpu.load.push(draft.cpu);
    const base = await timed(async () => findBase(draft.value.text, corpus, { draftPath: file }));
    wall.base.push(base.wall);
    cpu.base.push(base.cpu);
    const b = base.value.base;
    if (!b?.path) continue;
    found++;
    const red = await timed(async () => redlineDocx((await loadDraftSource(b.path!, b.symbol)).text, draft.value.text).docx.length);
    wall.redline.push(red.wall);
    cpu.redline.push(red.cpu);
  }
  const line = (label: string, w: number[], c: number[]) =>
    w.length
      ? console.log(
          `  ${label} ${fmt(w.sort((a, b) => a - b))}; CPU median ${pct(
            c.sort((a, b) => a - b),
            50,
          ).toFixed(1)} ms, p95 ${pct(c, 95).toFixed(1)} ms`,
        )
      : undefined;
  console.log(`\nPDF inputs: ${pdfs.length} official session-78 PDFs as drafts, the AKN4UN corpus as above (${found} with a base)`);
  line('import of the PDF draft   ', wall.load, cpu.load);
  line('base (draft imported)     ', wall.base, cpu.base);
  line('read base + write redline ', wall.redline, cpu.redline);
  const folder = await timed(async () => {
    const c = new Corpus();
    await c.load({ builtin: false, paths: [PDF_DIR] });
    return c.fileCount;
  });
  console.log(
    `  corpus folder of ${folder.value} files (PDFs and their XML) loaded in ${folder.wall.toFixed(0)} ms (CPU ${folder.cpu.toFixed(0)} ms)`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
