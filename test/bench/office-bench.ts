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
import { readDraftSource } from '../../server/src/core/office/sources';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { corpusPairs, CORPUS, seedFiles } from '../support/drafts';

const args = process.argv.slice(2);
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
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
