/**
 * The shared precedent corpus against a real PostgreSQL (`npm run test:pg`): a throwaway cluster
 * (test/support/pgCluster.ts) is started, loaded with `resolution corpus push`, queried, stopped.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { PgCorpus } from '../../server/src/core/precedent/pgBackend';
import type { Match } from '../../server/src/core/precedent/types';
import { PgCluster, pgUnavailableReason, startCluster } from '../support/pgCluster';
import { sharedCorpusDir } from '../tools/corpus-path';

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/**
 * What a user sees of a top 5, tie-aware: the scores in order, and which paragraphs rank above the
 * lowest score shown (at that score, several paragraphs may be equally good: any of them will do).
 * Completion's exact continuations of an opening (score 1) are ranked by how often their wording
 * was adopted, not tied: their wordings are compared in order.
 */
function shown(ms: Match[], completion = false): string {
  if (ms.length === 0) return '';
  const exact = completion ? ms.filter((m) => m.score === 1) : [];
  const rest = ms.filter((m) => !exact.includes(m));
  const last = rest.length ? rest[rest.length - 1].score : 2;
  const above = rest.filter((m) => m.score > last).map((m) => `${m.source.symbol}#${m.source.paragraph}#${m.text}`);
  return `${exact.map((m) => m.text).join(' / ')} | ${ms.map((m) => m.score).join(',')} | ${above.sort().join(' ; ')}`;
}

describe('shared precedent corpus on PostgreSQL: the same precedents as the embedded index', function () {
  this.timeout(900_000);
  const reason = pgUnavailableReason();
  if (reason) {
    it(`skipped: ${reason}`);
    return;
  }
  let cluster: PgCluster;
  before(() => {
    cluster = startCluster();
  });
  after(() => cluster?.stop());

  it('answers like the embedded index: the same top 5 for ≥ 99 % of held-out AKN paragraphs and of their openings, each kind of query', async () => {
    const shared = sharedCorpusDir();
    if (!shared) return void console.log('      skipped: ../shared not present');
    const src = path.join(shared, 'un-ga-akn4un');
    // every 20th text is held out: neither backend holds it, its paragraphs are the queries
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-parity-'));
    const corpusDir = path.join(tmp, 'un-ga-akn4un');
    const heldOut: string[] = [];
    let n = 0;
    for (const session of fs.readdirSync(src).sort()) {
      const dir = path.join(src, session);
      if (!fs.statSync(dir).isDirectory()) continue;
      if (session === 'metadata') {
        fs.mkdirSync(corpusDir, { recursive: true });
        fs.symlinkSync(dir, path.join(corpusDir, 'metadata'));
        continue;
      }
      fs.mkdirSync(path.join(corpusDir, session), { recursive: true });
      for (const f of fs
        .readdirSync(dir)
        .filter((x) => x.endsWith('.xml'))
        .sort()) {
        if (n++ % 20 === 0) heldOut.push(path.join(dir, f));
        else fs.symlinkSync(path.join(dir, f), path.join(corpusDir, session, f));
      }
    }
    try {
      const url = cluster.createDatabase('parity');
      const pushed = await cli(['corpus', 'push', '--db', url, corpusDir]);
      assert.strictEqual(pushed.code, 0, pushed.err.join('\n'));
      const corpus = new Corpus();
      const report = await corpus.load({ builtin: false, paths: [corpusDir] });
      assert.ok(report.paragraphs > 20000, `${report.paragraphs} paragraphs`);
      assert.match(pushed.out.join('\n'), new RegExp(`Pushed ${report.paragraphs} paragraph`));

      const texts: string[] = [];
      for (const f of heldOut) for (const d of parseAkn(fs.readFileSync(f, 'utf8'))) for (const p of d.paragraphs) texts.push(p.text);
      const step = Math.max(1, Math.floor(texts.length / 250));
      const paragraphs = texts.filter((_t, i) => i % step === 0).slice(0, 250);
      // Openings as completion sends them (the line up to the cursor): 4 to 8 words and half of the
      // next one; 2 to 6 words and a space; the first word and a space.
      const halfWord = paragraphs.map((t, i) => {
        const ws = t.split(/\s+/);
        const k = Math.min(ws.length - 1, 4 + (i % 5));
        const next = (ws[k] ?? '').replace(/[^\p{L}]/gu, '');
        return ws.slice(0, k).join(' ') + ' ' + next.slice(0, Math.max(1, Math.ceil(next.length / 2)));
      });
      const wordsAndSpace = paragraphs.map((t, i) => {
        const ws = t.split(/\s+/);
        return ws.slice(0, Math.max(1, Math.min(ws.length - 1, 2 + (i % 5)))).join(' ') + ' ';
      });
      const firstWord = paragraphs.map((t) => t.split(/\s+/)[0] + ' ');
      type Kind = {
        name: string;
        queries: string[];
        completion?: boolean;
        run: (b: 'embedded' | 'database', q: string) => Promise<Match[]>;
      };
      const pg = new PgCorpus({ connectionString: url });
      // as the editor asks: hovers and Show precedents (top 5, score ≥ 0.3), completion (top 5, its own floor)
      const kinds: Kind[] = [
        {
          name: 'whole paragraphs, as hovers ask (score ≥ 0.3)',
          queries: paragraphs,
          run: async (b, q) => (b === 'embedded' ? corpus.search(q, { top: 5, minScore: 0.3 }) : pg.search(q, { top: 5, minScore: 0.3 })),
        },
        {
          name: 'whole paragraphs, close precedents (score ≥ 0.5)',
          queries: paragraphs,
          run: async (b, q) => (b === 'embedded' ? corpus.search(q, { top: 5, minScore: 0.5 }) : pg.search(q, { top: 5, minScore: 0.5 })),
        },
        {
          name: 'openings with a word half typed (completion)',
          queries: halfWord,
          completion: true,
          run: async (b, q) => (b === 'embedded' ? corpus.prefix(q, { top: 5 }) : pg.prefix(q, { top: 5 })),
        },
        {
          name: 'openings of 2 to 6 words and a space (completion)',
          queries: wordsAndSpace,
          completion: true,
          run: async (b, q) => (b === 'embedded' ? corpus.prefix(q, { top: 5 }) : pg.prefix(q, { top: 5 })),
        },
        {
          name: 'the first word and a space (completion)',
          queries: firstWord,
          completion: true,
          run: async (b, q) => (b === 'embedded' ? corpus.prefix(q, { top: 5 }) : pg.prefix(q, { top: 5 })),
        },
      ];
      const results: Array<{ name: string; same: number; total: number; diffs: string[] }> = [];
      try {
        for (const kind of kinds) {
          const r = { name: kind.name, same: 0, total: 0, diffs: [] as string[] };
          for (const q of kind.queries) {
            const a = shown(await kind.run('embedded', q), kind.completion);
            const b = shown(await kind.run('database', q), kind.completion);
            r.total++;
            if (a === b) r.same++;
            else r.diffs.push(`"${q.slice(0, 70)}"\n  embedded: ${a.slice(0, 300)}\n  database: ${b.slice(0, 300)}`);
          }
          results.push(r);
        }
      } finally {
        await pg.close();
      }
      console.log(`      the same top 5 from both backends, for ${paragraphs.length} held-out paragraphs:`);
      for (const r of results) {
        console.log(`        ${r.name}: ${r.same}/${r.total} (${((100 * r.same) / r.total).toFixed(1)} %)`);
        for (const d of r.diffs.slice(0, 3)) console.log('          ' + d.replace(/\n/g, '\n          '));
      }
      assert.ok(paragraphs.length >= 200, `${paragraphs.length} queries`);
      for (const r of results) assert.ok(r.same / r.total >= 0.99, `${r.name}: ${r.same}/${r.total} alike`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
