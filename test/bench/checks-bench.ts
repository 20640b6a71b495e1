/**
 * Measures the structure checks (prints figures; asserts nothing):
 *  - findings per 100 paragraphs on the seeds and on the AKN4UN corpus resolutions (converted to
 *    the text format in memory; --write DIR also writes the converted texts to DIR, which must be
 *    outside the repository);
 *  - time to check the largest seed and a 1 MB synthetic draft (median of many runs).
 *
 *   node --expose-gc out/test/bench/checks-bench.js [--runs N] [--examples RULE] [--write /tmp/akn-text] [--no-corpus] [--keystrokes]
 *
 * --keystrokes: only the keystroke figures of the 1 MB draft.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { constants, performance, PerformanceObserver } from 'perf_hooks';
import { parse, reparse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import type { Finding } from '../../server/src/core/findings';
import { fixAll } from '../../server/src/core/fix';
import { aknToTexts } from '../tools/akn';
import { listXml, repoRoot, sharedCorpusDir } from '../tools/corpus-path';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 30);
const examplesFor = arg('--examples');
const writeDir = arg('--write');

interface Tally {
  files: number;
  /** Documents with no error and no warning. */
  clean: number;
  paragraphs: number;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
}

function tally(): Tally {
  return { files: 0, clean: 0, paragraphs: 0, bySeverity: {}, byRule: {} };
}

function add(t: Tally, paragraphs: number, findings: Finding[]): void {
  t.files++;
  t.paragraphs += paragraphs;
  if (!findings.some((f) => f.severity === 'error' || f.severity === 'warning')) t.clean++;
  for (const f of findings) {
    t.bySeverity[f.severity] = (t.bySeverity[f.severity] ?? 0) + 1;
    const k = `${f.rule} (${f.severity})`;
    t.byRule[k] = (t.byRule[k] ?? 0) + 1;
  }
}

function print(title: string, t: Tally): void {
  const per100 = (n: number) => (t.paragraphs ? ((100 * n) / t.paragraphs).toFixed(2) : '0');
  console.log(`\n${title}: ${t.files} documents, ${t.paragraphs} paragraphs; ${t.clean} documents with no error and no warning`);
  for (const s of ['error', 'warning', 'information', 'hint']) {
    const n = t.bySeverity[s] ?? 0;
    console.log(`  ${s.padEnd(12)} ${String(n).padStart(6)}  ${per100(n).padStart(7)} per 100 paragraphs`);
  }
  for (const [k, n] of Object.entries(t.byRule).sort((a, b) => b[1] - a[1])) {
    console.log(`    ${k.padEnd(48)} ${String(n).padStart(6)}  ${per100(n).padStart(7)} per 100`);
  }
}

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

function median(xs: number[]): number {
  return percentile(xs, 0.5);
}

/** Latencies of `fn` over n runs after a warm-up, in ms. */
function samples(fn: () => void, n: number): number[] {
  fn(); // warm up
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ts;
}

function time(fn: () => void, n: number): number {
  return median(samples(fn, n));
}

/**
 * The simplest structure scan there is, as a yardstick: split the text into lines and test each
 * for a paragraph number and an italic opening. Parse + check is reported as a multiple of it.
 */
function baselineScan(text: string): number {
  let n = 0;
  for (const line of text.split(/\r?\n/)) if (/^\s*\d+\.\s+\*[A-Z]/.test(line)) n++;
  return n;
}

/** CPU time (user + system) of `fn` over n runs after a warm-up, in ms: steadier than wall time on a shared machine. */
function cpuSamples(fn: () => void, n: number): number[] {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    ts.push((c.user + c.system) / 1000);
  }
  return ts;
}

/** p50 / p95, throughput and the ratio to the baseline scan, on one line (wall time, then CPU time). */
function profile(label: string, text: string, fn: () => void, n: number): string {
  const ts = samples(fn, n);
  const base = median(samples(() => baselineScan(text), n));
  const p50 = median(ts);
  const cpu = cpuSamples(fn, n);
  const cpu50 = median(cpu);
  const cpuBase = median(cpuSamples(() => baselineScan(text), n));
  const mb = text.length / 1024 / 1024;
  return (
    `${label}: p50 ${p50.toFixed(2)} ms, p95 ${percentile(ts, 0.95).toFixed(2)} ms, ${(mb / (p50 / 1000)).toFixed(1)} MB/s; baseline line scan ${base.toFixed(2)} ms (× ${(p50 / base).toFixed(1)})` +
    `\n      CPU time: p50 ${cpu50.toFixed(2)} ms, p95 ${percentile(cpu, 0.95).toFixed(2)} ms, ${(mb / (Math.max(cpu50, 0.001) / 1000)).toFixed(1)} MB/s; baseline ${cpuBase.toFixed(2)} ms (× ${(cpu50 / Math.max(cpuBase, 0.001)).toFixed(1)})`
  );
}

/**
 * Typing in a large draft: one character inserted at a random place (a fixed sequence), each version
 * re-parsed from the one before (reparse) and, apart, parsed afresh (parse); then checked in full, and
 * checked with reuse (the findings of the paragraphs the re-parse carried over are reused, as the server does).
 * p50 / p95 of CPU and wall time, and the ratio to the full parse.
 */
function keystrokes(text: string, n: number): string[] {
  let seed = 7;
  const next = (m: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % m;
  let doc = parse(text);
  checkDocument(doc, { reuse: true });
  const cpu = { re: [] as number[], reCheck: [] as number[], full: [] as number[] };
  const wall = { re: [] as number[], full: [] as number[] };
  for (let k = 0; k < n + 5; k++) {
    const at = next(text.length);
    text = text.slice(0, at) + 'x' + text.slice(at);
    let c0 = process.cpuUsage();
    let t0 = process.hrtime.bigint();
    doc = reparse(doc, text);
    const reWall = Number(process.hrtime.bigint() - t0) / 1e6;
    const re = cpuSince(c0);
    checkDocument(doc);
    const reCheck = cpuSince(c0);
    c0 = process.cpuUsage();
    t0 = process.hrtime.bigint();
    parse(text);
    const fullWall = Number(process.hrtime.bigint() - t0) / 1e6;
    const full = cpuSince(c0);
    if (k < 5) continue; // warm-up
    cpu.re.push(re);
    cpu.reCheck.push(reCheck);
    cpu.full.push(full);
    wall.re.push(reWall);
    wall.full.push(fullWall);
  }
  return [
    `keystroke in the 1 MB draft (${n} single-character inserts): re-parse by block CPU ${q(cpu.re)}; full parse CPU ${q(cpu.full)} (re-parse × ${(percentile(cpu.re, 0.5) / percentile(cpu.full, 0.5)).toFixed(2)} of full)`,
    `    wall: re-parse ${q(wall.re)}; full parse ${q(wall.full)}; re-parse + all checks (no reuse) CPU ${q(cpu.reCheck)}`,
  ];
}

function cpuSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

const q = (xs: number[]) =>
  `p50 ${percentile(xs, 0.5).toFixed(2)} ms, p95 ${percentile(xs, 0.95).toFixed(2)} ms, p99 ${percentile(xs, 0.99).toFixed(2)} ms`;

/**
 * The keystroke as the server sees it, over a long run of typing (n single characters at random
 * places, a fixed sequence): re-parse from the last version, then all checks reusing the findings of
 * the unchanged paragraphs. p50/p95/p99 of CPU and wall time; the garbage collector's pauses in the
 * run (from the `gc` performance entries: their share of the wall time, and how many of the keystrokes
 * over p95 had one); the heap the model keeps after the run (against a fresh parse of the same text),
 * which shows whether the versions typed hold older texts alive.
 */
/** Keystrokes not counted at the start of the typing (the first runs of each code path compile it). */
const WARM_UP = 20;
/** The keystroke from which the compiler has mostly done its work (about 100 compilations in the first 100 keystrokes, a few per 50 after). */
const SETTLED = 120;

async function typing(text: string, n: number): Promise<string[]> {
  let seed = 11;
  const next = (m: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % m;
  const pauses: Array<{ start: number; duration: number; kind: number }> = [];
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      pauses.push({ start: e.startTime, duration: e.duration, kind: (e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0 });
  });
  observer.observe({ entryTypes: ['gc'] });
  // the garbage of the steps before (full parses of the 1 MB draft) collected first, so that its
  // collection does not fall into the typing
  global.gc?.();
  let doc = parse(text);
  checkDocument(doc, { reuse: true });
  const cpu: number[] = [];
  const wall: number[] = [];
  const places: number[] = [];
  const windows: Array<[number, number]> = [];
  for (let k = 0; k < n + WARM_UP; k++) {
    const at = next(text.length);
    text = text.slice(0, at) + 'x' + text.slice(at);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    doc = reparse(doc, text);
    checkDocument(doc, { reuse: true });
    const t1 = performance.now();
    if (k < WARM_UP) continue;
    cpu.push(cpuSince(c0));
    wall.push(t1 - t0);
    places.push(at / text.length);
    windows.push([t0, t1]);
  }
  await new Promise((resolve) => setTimeout(resolve, 50)); // the gc entries arrive on the event loop
  observer.disconnect();
  const gcIn = ([a, b]: [number, number]) => pauses.filter((p) => p.start >= a && p.start < b).reduce((t, p) => t + p.duration, 0);
  const gcTimes = windows.map(gcIn);
  // the pauses within the keystrokes by kind: scavenges of the young generation, and the rest (marking and compacting the old one)
  const within = pauses.filter((p) => windows.some(([a, b]) => p.start >= a && p.start < b));
  const byKind = (minor: boolean) => {
    const ps = within.filter((p) => (p.kind === constants.NODE_PERFORMANCE_GC_MINOR) === minor);
    return `${ps.length} (${ps.reduce((t, p) => t + p.duration, 0).toFixed(0)} ms, longest ${Math.max(0, ...ps.map((p) => p.duration)).toFixed(1)} ms)`;
  };
  const total = wall.reduce((a, b) => a + b, 0);
  const slow = percentile(wall, 0.95);
  const slowWithGc = wall.filter((w, i) => w >= slow && gcTimes[i] > 0).length;
  const slowCount = wall.filter((w) => w >= slow).length;
  // an edit near the top moves every node after it: the keystrokes by where they fall
  const quarter = (from: number) => {
    const at = places.map((x, i) => (x >= from && x < from + 0.25 ? i : -1)).filter((i) => i >= 0);
    const w = at.map((i) => wall[i]);
    const c = at.map((i) => cpu[i]);
    return `${at.length} keystrokes, wall p50 ${percentile(w, 0.5).toFixed(2)} ms, p95 ${percentile(w, 0.95).toFixed(2)} ms, CPU p95 ${percentile(c, 0.95).toFixed(2)} ms`;
  };
  const lines = [
    `keystroke re-check (re-parse + all checks, reusing the findings of unchanged paragraphs, as the server does; ${n} keystrokes after ${WARM_UP} of warm-up): CPU ${q(cpu)}; wall ${q(wall)}`,
    `    by place of the keystroke: first quarter of the draft ${quarter(0)}; last quarter ${quarter(0.75)}`,
    // the compiler still works in the background during the first hundred or so keystrokes (its
    // threads count in the CPU time): the same run from keystroke SETTLED on
    `    from keystroke ${SETTLED} on (${cpu.length - (SETTLED - WARM_UP)} keystrokes, the compiler mostly done): CPU ${q(cpu.slice(SETTLED - WARM_UP))}; wall ${q(wall.slice(SETTLED - WARM_UP))}`,
    `    garbage collection: ${((100 * gcTimes.reduce((a, b) => a + b, 0)) / total).toFixed(1)} % of the wall time, per keystroke ${q(gcTimes)}; ${slowWithGc} of the ${slowCount} keystrokes at or over p95 wall had a pause; scavenges ${byKind(true)}, old-generation pauses ${byKind(false)}`,
  ];
  if (global.gc) {
    // the heap with the model typed into, without it (a small draft checked since, so that no cache
    // of the last document checked holds it), and with a fresh parse and check of the same text
    const heap = () => {
      global.gc!();
      global.gc!();
      return process.memoryUsage().heapUsed;
    };
    const small = () => checkDocument(parse('The General Assembly,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n'), { reuse: true });
    small();
    const typed = heap();
    doc = parse('');
    small();
    const none = heap();
    doc = parse(text);
    checkDocument(doc, { reuse: true });
    small();
    const fresh = heap();
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    lines.push(
      `    heap after the typing: the model typed into (with its stored findings) holds ${mb(typed - none)} MB, a fresh parse and check of the same text ${mb(fresh - none)} MB`,
    );
  }
  return lines;
}

/** A synthetic draft of about `bytes` bytes: preamble, many operative paragraphs with sub-paragraphs, footnotes. */
export function syntheticDraft(bytes: number): string {
  const pre = ['Recalling', 'Reaffirming', 'Noting with concern', 'Welcoming', 'Deeply concerned', 'Bearing in mind'];
  const ops = ['Encourages', 'Calls upon', 'Requests', 'Urges', 'Invites', 'Decides', 'Welcomes', 'Stresses'];
  const parts = ['General Assembly', '', '80/1. A synthetic draft', '', 'The General Assembly,', ''];
  let i = 0;
  for (; i < 40; i++)
    parts.push(
      `*${pre[i % pre.length]}* its resolution ${70 + (i % 5)}/${i + 1} of 25 September 2015 on the subject of paragraph ${i}, with the international community,`,
      '',
    );
  let size = parts.join('\n').length;
  let n = 0;
  let fn = 0;
  while (size < bytes) {
    n++;
    let para = `${n}. *${ops[n % ops.length]}* Member States and relevant organizations to strengthen cooperation, including through capacity-building and the exchange of information, as referred to in paragraph ${Math.max(1, n - 1)} above`;
    if (n % 7 === 0) {
      fn++;
      para += `,${toSup(fn)}`;
    }
    para += n % 10 === 0 ? ':' : ';';
    const block = [para, ''];
    if (n % 10 === 0)
      block.push('(a) To review national legislation;', '', '(b) To share information; and', '', '(c) To report to the Assembly;', '');
    if (n % 7 === 0) block.push(`${toSup(fn)} See A/${n}/${fn}.`, '');
    parts.push(...block);
    size += block.join('\n').length + 1;
  }
  parts.push('*100th plenary meeting*', '1 January 2030', '');
  return parts.join('\n');
}

function toSup(n: number): string {
  return [...String(n)].map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[+d]).join('');
}

function paragraphsOf(text: string): { n: number; findings: Finding[]; kind: string } {
  const doc = parse(text);
  return { n: doc.preamble.length + doc.operative.length, findings: checkDocument(doc), kind: doc.kind };
}

async function main(): Promise<void> {
  if (args.includes('--keystrokes')) {
    const big = syntheticDraft(1024 * 1024);
    console.log('  ' + keystrokes(big, Math.max(40, runs * 3)).join('\n  '));
    console.log('  ' + (await typing(big, Math.max(200, runs * 10))).join('\n  '));
    return;
  }
  // seeds
  const seedsDir = path.join(repoRoot, 'seeds');
  const seeds = fs
    .readdirSync(seedsDir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const seedTally = tally();
  for (const f of seeds) {
    const r = paragraphsOf(fs.readFileSync(path.join(seedsDir, f), 'utf8'));
    add(seedTally, r.n, r.findings);
  }
  print('Seeds', seedTally);

  // corpus
  const corpus = args.includes('--no-corpus') ? undefined : sharedCorpusDir();
  if (!corpus) console.log('\nCorpus: skipped (no ../shared/corpus/un-ga-akn4un next to the repository).');
  else {
    if (writeDir) {
      const abs = path.resolve(writeDir);
      if (abs.startsWith(repoRoot + path.sep)) throw new Error('--write must point outside the repository');
      fs.mkdirSync(abs, { recursive: true });
    }
    const t = tally();
    let other = 0;
    const examples: string[] = [];
    for (const file of listXml(path.join(corpus, 'un-ga-akn4un'))) {
      const texts = aknToTexts(fs.readFileSync(file, 'utf8'));
      texts.forEach((text, k) => {
        const name = path.basename(file, '.xml') + (texts.length > 1 ? `-${k + 1}` : '') + '.txt';
        if (writeDir) fs.writeFileSync(path.join(path.resolve(writeDir), name), text);
        const r = paragraphsOf(text);
        if (r.kind !== 'resolution') other++;
        add(t, r.n, r.findings);
        if (examplesFor) {
          const lines = text.split('\n');
          for (const f of r.findings)
            if (f.rule === examplesFor || examplesFor === 'all')
              examples.push(
                `${name}:${f.range.start.line + 1}: ${f.severity} ${f.rule}: ${f.message}\n      | ${lines[f.range.start.line].slice(0, 160)}`,
              );
        }
      });
    }
    print(`Corpus (AKN4UN, converted; ${other} parsed as non-resolutions)`, t);
    if (examplesFor) {
      console.log(`\nExamples (${examples.length}):`);
      for (const e of examples.slice(0, Number(arg('--max') ?? 60))) console.log('  ' + e);
    }
  }

  // timing
  const bySize = seeds.map((f) => path.join(seedsDir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
  const largestResolution = bySize.find((f) => parse(fs.readFileSync(f, 'utf8')).kind === 'resolution');
  console.log(`\nTiming (median of ${runs} runs)`);
  for (const file of [...new Set([bySize[0], largestResolution].filter((x): x is string => !!x))]) {
    const text = fs.readFileSync(file, 'utf8');
    const doc = parse(text);
    console.log(
      `  seed ${path.basename(file)} (${(text.length / 1024).toFixed(0)} KB, ${doc.kind}): parse+check ${time(() => checkDocument(parse(text)), runs).toFixed(2)} ms; check only ${time(() => checkDocument(doc), runs).toFixed(2)} ms; fix-all ${time(() => fixAll(text, (t) => checkDocument(parse(t))), Math.max(5, runs / 3)).toFixed(2)} ms`,
    );
  }
  const big = syntheticDraft(1024 * 1024);
  const bigDoc = parse(big);
  const bigRuns = Math.max(5, Math.floor(runs / 3));
  console.log(
    `  synthetic draft (${(big.length / 1024 / 1024).toFixed(2)} MB, ${bigDoc.operative.length} operative paragraphs): parse+check ${time(() => checkDocument(parse(big)), bigRuns).toFixed(1)} ms; check only ${time(() => checkDocument(bigDoc), bigRuns).toFixed(1)} ms; findings ${checkDocument(bigDoc).length}`,
  );
  console.log('\nLatency, throughput and the ratio to a plain line scan (same process)');
  if (largestResolution) {
    const text = fs.readFileSync(largestResolution, 'utf8');
    console.log('  ' + profile(`parse+check ${path.basename(largestResolution)}`, text, () => checkDocument(parse(text)), runs));
  }
  console.log('  ' + profile('parse+check 1 MB synthetic draft', big, () => checkDocument(parse(big)), bigRuns));
  console.log('  ' + keystrokes(big, Math.max(40, runs * 3)).join('\n  '));
  console.log('  ' + (await typing(big, Math.max(200, runs * 10))).join('\n  '));
  console.log('  ' + modelSizeInChild());
}

/**
 * The heap the model of the 1 MB draft keeps, measured in a process of its own (`--model-size`): what the
 * steps above leave behind (caches, compiled code, the garbage collector's state) would blur the figure.
 * A parse of another text comes first, so that what the parser builds once (tables, compiled code) is
 * not counted as the model's.
 */
function modelSizeInChild(): string {
  const out = execFileSync(process.execPath, ['--expose-gc', __filename, '--model-size'], { encoding: 'utf8' });
  return out.trim();
}

function modelSize(): string {
  const big = syntheticDraft(1024 * 1024);
  parse(syntheticDraft(big.length / 2));
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const keep = parse(big);
  global.gc?.(); // count what the model keeps, not the garbage of building it
  const after = process.memoryUsage().heapUsed;
  return `heap: the model of the 1 MB draft holds about ${((after - before) / 1024 / 1024).toFixed(1)} MB (${keep.operative.length} paragraphs), ${((after - before) / big.length).toFixed(1)} bytes of model per character of source (measured in a process of its own)${global.gc ? '' : ' (run with --expose-gc for a steady figure)'}`;
}

if (require.main === module) {
  if (args.includes('--model-size')) console.log(modelSize());
  else void main();
}
