/**
 * How often `base` names the true base text first, under the conditions of real drafts (prints
 * figures; asserts nothing). The corpus holds each draft's real base AND its own adopted version
 * (a text of the draft's session, near-identical to it), which must never be named as its base.
 *
 *  - Session 76 (from ../shared/corpus, sessions 75–76 with metadata/): each session-76
 *    resolution whose series (same title) has one session-75 text becomes a draft in three
 *    forms — with an L-document header (`A/76/L.x` from the metadata's originating document,
 *    "Distr.: Limited" and a date, "Seventy-sixth session", the agenda item, a sponsors line, the
 *    title without its number), with its title only, and with no header at all (the text from
 *    "The General Assembly," on). Truth: the session-75 text. The corpus: all of 75 and 76.
 *  - Session 78 (from ../shared/pdf): each official PDF imported through the PDF import, then
 *    turned into a draft: its symbol made `A/78/L.x`, the adoption lines dropped, the title's
 *    number replaced by a sponsors line; and again with no header at all. The corpus: 75, 76
 *    and the 60 session-78 texts themselves (their adopted versions). Truth: the latest
 *    resolution of 75–76 with the same title (metadata), or else the latest one the text cites
 *    ("Recalling its resolution 76/…") whose title is near the draft's (≥ 0.6); a draft with
 *    neither has no base in this corpus: counted apart (how many got none).
 *
 *   node out/test/bench/base-eval.js [--limit N] [--verbose]
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findBase, titleSimilarity } from '../../server/src/core/office/base';
import { readDraftSource } from '../../server/src/core/office/sources';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { importBytes } from '../../server/src/core/import';
import { CORPUS, corpusPairs, normTitle, SHARED } from '../support/drafts';

const args = process.argv.slice(2);
const limit = Number(args[args.indexOf('--limit') + 1] || 0) || Infinity;
const verbose = args.includes('--verbose');
const PDF = path.join(SHARED, 'pdf');

interface Meta {
  symbol: string;
  title: string;
  session: string;
  adoption_date: string;
  originating_document?: string;
  agenda_item?: string;
  agenda_item_name?: string;
}

function metadata(session: string): Map<string, Meta> {
  const m = new Map<string, Meta>();
  for (const line of fs.readFileSync(path.join(CORPUS, 'metadata', `${session}.jsonl`), 'utf8').split('\n')) {
    if (line.trim()) {
      const o = JSON.parse(line) as Meta;
      m.set(o.symbol, o);
    }
  }
  return m;
}

const SPONSORS = 'Argentina, Australia, Austria, Belgium, Canada, Chile, France, Germany, Japan, Mexico and Norway: draft resolution';

/** The body of a draft: from the authority line on. */
function body(text: string): string {
  const at = text.search(/^The General Assembly,?\s*$/m);
  return at >= 0 ? text.slice(at) : text;
}

function titleOf(text: string): string {
  const m = /^\d+\/\d+[A-Z]?\. (.+)$/m.exec(text);
  return m ? m[1] : '';
}

interface Case {
  name: string;
  truth: string | null;
  adopted: string;
  variants: Record<string, string>;
}

interface Tally {
  right: number;
  total: number;
  /** Drafts with no base in the corpus, and how many of them got none. */
  none: number;
  noneRight: number;
  adoptedNamed: number;
  misses: string[];
}

function tally(): Tally {
  return { right: 0, total: 0, none: 0, noneRight: 0, adoptedNamed: 0, misses: [] };
}

function score(corpus: Corpus, cases: Case[], tallies: Record<string, Tally>): number[] {
  const times: number[] = [];
  for (const c of cases) {
    for (const [variant, text] of Object.entries(c.variants)) {
      const t = process.hrtime.bigint();
      const r = findBase(text, corpus);
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      const got = r.base?.symbol ?? null;
      const tl = (tallies[variant] ??= tally());
      if (c.truth === null) {
        tl.none++;
        if (got === null) tl.noneRight++;
        else tl.misses.push(`${c.name} (no base in the corpus): ${got}`);
        continue;
      }
      tl.total++;
      if (got === c.truth) tl.right++;
      else tl.misses.push(`${c.name}: ${got ?? 'null'} instead of ${c.truth ?? 'null'}${r.session ? ` (session ${r.session})` : ''}`);
      if (got === c.adopted) tl.adoptedNamed++;
    }
  }
  return times.sort((a, b) => a - b);
}

function report(title: string, tallies: Record<string, Tally>): void {
  console.log(title);
  for (const [variant, t] of Object.entries(tallies)) {
    console.log(
      `  ${variant.padEnd(16)} true base named first for ${t.right} of ${t.total} (${((100 * t.right) / Math.max(1, t.total)).toFixed(1)} %); its own adopted version named: ${t.adoptedNamed}` +
        (t.none ? `; of ${t.none} with no base in the corpus, ${t.noneRight} given none` : ''),
    );
    if (verbose) for (const m of t.misses) console.log(`      miss: ${m}`);
  }
}

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

async function main(): Promise<void> {
  if (!fs.existsSync(CORPUS)) {
    console.log('skipped: ../shared not present');
    return;
  }
  const m75 = metadata('75');
  const m76 = metadata('76');
  const cpu0 = process.cpuUsage();

  // Session 76 drafts, corpus 75 + 76.
  const corpus = new Corpus();
  let t = Date.now();
  await corpus.load({ builtin: false, paths: [CORPUS] });
  console.log(`corpus 75–76: ${corpus.fileCount} files, ${corpus.paragraphs} paragraphs, loaded in ${Date.now() - t} ms`);
  const cases76: Case[] = [];
  let lNumber = 100;
  for (const pair of corpusPairs().slice(0, limit)) {
    const text = readDraftSource(pair.draft).text;
    const symbol = text.split('\n')[0];
    const truth = readDraftSource(pair.base).text.split('\n')[0];
    const meta = m76.get(symbol);
    const title = titleOf(text);
    const orig =
      meta?.originating_document && /\/L\.\d+/.test(meta.originating_document) ? meta.originating_document : `A/76/L.${lNumber++}`;
    const header = [
      'United Nations',
      orig,
      'General Assembly',
      'Distr.: Limited',
      meta?.adoption_date ?? '1 December 2021',
      'Seventy-sixth session',
      meta?.agenda_item ?? 'Agenda item 1',
      ...(meta?.agenda_item_name ? [meta.agenda_item_name] : []),
      SPONSORS,
      title,
    ].join('\n\n');
    cases76.push({
      name: symbol,
      truth,
      adopted: symbol,
      variants: {
        'L header': `${header}\n\n${body(text)}`,
        'title only': `${title}\n\n${body(text)}`,
        'no header': body(text),
      },
    });
  }
  const tallies76: Record<string, Tally> = {};
  const times76 = score(corpus, cases76, tallies76);
  report(`\nsession-76 drafts (${cases76.length} series with a session-75 text; the 76 adopted texts in the corpus):`, tallies76);
  console.log(`  time per draft: median ${pct(times76, 50).toFixed(0)} ms, p95 ${pct(times76, 95).toFixed(0)} ms`);
  void m75;

  // Session 78 drafts from the official PDFs, corpus 75 + 76 + the 78 texts.
  if (!fs.existsSync(PDF)) return;
  const pdfs = fs
    .readdirSync(PDF)
    .filter((f) => f.endsWith('.pdf'))
    .sort()
    .slice(0, limit);
  const xmls = pdfs.map((f) => path.join(PDF, f.replace(/\.pdf$/, '.akn.xml'))).filter((f) => fs.existsSync(f));
  const corpus78 = new Corpus();
  t = Date.now();
  await corpus78.load({ builtin: false, paths: [CORPUS], files: xmls });
  console.log(`\ncorpus 75–76 + 78: ${corpus78.fileCount} files, loaded in ${Date.now() - t} ms`);
  // Titles compared without spaces and punctuation ("Confidencebuilding" is how one metadata line spells it).
  const key = (t: string) => normTitle(t).replace(/ /g, '');
  const byTitle = new Map<string, string[]>();
  for (const m of [...m75.values(), ...m76.values()]) byTitle.set(key(m.title), [...(byTitle.get(key(m.title)) ?? []), m.symbol]);
  const titleOfSymbol = (s: string) => m76.get(s)?.title ?? m75.get(s)?.title;
  const latest = (syms: string[]) =>
    syms.sort((a, b) => {
      const [, sa, na] = /(\d+)\/(\d+)/.exec(a)!;
      const [, sb, nb] = /(\d+)\/(\d+)/.exec(b)!;
      return Number(sb) - Number(sa) || Number(nb) - Number(na);
    })[0];
  const cache = path.join(os.tmpdir(), 'resolution-base-eval-import');
  fs.mkdirSync(cache, { recursive: true });
  const cases78: Case[] = [];
  let withTruth = 0;
  for (const f of pdfs) {
    const xml = path.join(PDF, f.replace(/\.pdf$/, '.akn.xml'));
    const akn = parseAkn(fs.readFileSync(xml, 'utf8'))[0];
    if (!akn?.symbol) continue;
    const cached = path.join(cache, f.replace(/\.pdf$/, '.md'));
    let imported: string;
    if (fs.existsSync(cached)) imported = fs.readFileSync(cached, 'utf8');
    else {
      imported = (await importBytes(fs.readFileSync(path.join(PDF, f)), { fileName: f })).draft;
      fs.writeFileSync(cached, imported);
    }
    const title = akn.title ?? '';
    // Truth: same title in 75–76, else the latest cited 75–76 resolution with a near title.
    let truth: string | null = null;
    const same = byTitle.get(key(title));
    if (same) truth = latest([...same]);
    else {
      const cited = [...new Set([...imported.matchAll(/\b(7[56])\/(\d+)\b/g)].map((m) => `A/RES/${m[1]}/${m[2]}`))].filter(
        (s) => titleOfSymbol(s) && titleSimilarity(titleOfSymbol(s), title) >= 0.6,
      );
      if (cited.length) truth = latest(cited);
    }
    if (truth) withTruth++;
    const num = akn.symbol.replace(/^A\/RES\//, '');
    const lSymbol = `A/78/L.${lNumber++}`;
    const asDraft = imported
      .replace(akn.symbol, lSymbol)
      .replace(/Distr\.: General/, 'Distr.: Limited')
      .replace(/^Resolution adopted by the General Assembly.*\n+/m, '')
      .replace(/^\[(?:on the report|without reference)[^\]]*\]\s*\n+/m, '')
      .replace(new RegExp(`^${num.replace(/[/.]/g, '\\$&')}\\.\\s+`, 'm'), `${SPONSORS}\n\n`);
    cases78.push({
      name: akn.symbol,
      truth,
      adopted: akn.symbol,
      variants: { 'L header': asDraft, 'no header': body(imported) },
    });
  }
  const tallies78: Record<string, Tally> = {};
  const times78 = score(corpus78, cases78, tallies78);
  report(
    `\nsession-78 drafts from the official PDFs (${cases78.length}; ${withTruth} with a base in 75–76; the 78 adopted texts in the corpus):`,
    tallies78,
  );
  console.log(`  time per draft: median ${pct(times78, 50).toFixed(0)} ms, p95 ${pct(times78, 95).toFixed(0)} ms`);
  const cpu = process.cpuUsage(cpu0);
  console.log(`\nCPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s in all`);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
