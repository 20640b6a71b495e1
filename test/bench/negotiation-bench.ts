/**
 * Measures negotiation texts (prints figures; asserts nothing):
 *  - time to check a negotiation draft (the text as adopted, mapped back) against the same text
 *    adopted, on the seeds and on drafts generated from them: p50 / p95 and the ratio;
 *  - time of the negotiation pass alone (status and clean text) and of compare on two revisions;
 *  - heap after the runs.
 *
 *   node out/test/bench/negotiation-bench.js [--runs N]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { negotiation, statusReport } from '../../server/src/core/negotiation';
import { compareTexts } from '../../server/src/core/compare/revisions';
import { generateDraft } from '../support/negotiation-generator';
import { repoRoot } from '../tools/corpus-path';

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1] || 30) || 30;

function samples(fn: () => void, n: number): number[] {
  fn();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    ts.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ts.sort((a, b) => a - b);
}
const p = (ts: number[], q: number) => ts[Math.min(ts.length - 1, Math.floor(q * ts.length))];
const fmt = (ts: number[]) => `p50 ${p(ts, 0.5).toFixed(2)} ms, p95 ${p(ts, 0.95).toFixed(2)} ms`;

const seeds = path.join(repoRoot, 'seeds');
for (const f of fs.readdirSync(seeds).filter((x) => /^(A-RES|UNTOC|UNEP)/.test(x))) {
  const original = fs.readFileSync(path.join(seeds, f), 'utf8');
  const draft = generateDraft(original, 4)!.text;
  // a new string each run, so the negotiation cache does not answer
  let k = 0;
  const fresh = (t: string) => t + '\n'.repeat(1 + (k++ % 40));
  const adopted = samples(() => checkDocument(parse(fresh(original))), runs);
  const negotiated = samples(() => checkDocument(parse(fresh(draft))), runs);
  const pass = samples(() => statusReport(negotiation(fresh(draft))), runs);
  const rev = draft.replace(/\n\n(OP|\d)/, '\n\nOP99 *Invites* States to act;\n\n$1');
  const compare = samples(() => compareTexts(fresh(original), rev), Math.max(5, runs / 3));
  console.log(`${f} (${(original.length / 1024).toFixed(0)} KB):`);
  console.log(`  check adopted text      ${fmt(adopted)}`);
  console.log(`  check negotiation draft ${fmt(negotiated)}  (× ${(p(negotiated, 0.5) / p(adopted, 0.5)).toFixed(2)} of the adopted text)`);
  console.log(`  negotiation pass alone  ${fmt(pass)}`);
  console.log(`  compare two revisions   ${fmt(compare)}`);
}
if (global.gc) global.gc();
console.log(`heap used after the runs: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)} MB`);
