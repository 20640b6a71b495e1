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
 */
function shown(ms: Match[]): string {
  if (ms.length === 0) return '';
  const last = ms[ms.length - 1].score;
  const above = ms.filter((m) => m.score > last).map((m) => `${m.source.symbol}#${m.source.paragraph}#${m.text}`);
  return `${ms.map((m) => m.score).join(',')} | ${above.sort().join(' ; ')}`;
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

  it('answers like the embedded index: the same top 5 for ≥ 99 % of held-out AKN paragraphs, ≥ 97 % with their openings', async () => {
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
      const queries = texts.filter((_t, i) => i % step === 0).slice(0, 250);
      const prefixes = queries.map((t, i) => {
        const ws = t.split(/\s+/);
        const k = Math.min(ws.length - 1, 4 + (i % 5));
        const next = (ws[k] ?? '').replace(/[^\p{L}]/gu, '');
        return ws.slice(0, k).join(' ') + ' ' + next.slice(0, Math.max(1, Math.ceil(next.length / 2)));
      });
      const pg = new PgCorpus({ connectionString: url });
      let same = 0;
      let total = 0;
      let weakSame = 0;
      const diffs: string[] = [];
      try {
        for (const q of queries) {
          // precedents: similarity 0.5 and more (as the benchmark's recall counts them)
          const a = corpus.search(q, { top: 5, minScore: 0.5 });
          const b = await pg.search(q, { top: 5, minScore: 0.5 });
          total++;
          if (shown(a) === shown(b)) same++;
          else diffs.push(`search ${q.slice(0, 60)}…\n  embedded: ${shown(a)}\n  database: ${shown(b)}`);
          // down to the default minimum score of hovers (0.3): reported, not asserted
          if (shown(corpus.search(q, { top: 5, minScore: 0.3 })) === shown(await pg.search(q, { top: 5, minScore: 0.3 }))) weakSame++;
        }
        for (const q of prefixes) {
          const a = corpus.prefix(q, { top: 5, minScore: 0.5 });
          const b = await pg.prefix(q, { top: 5, minScore: 0.5 });
          total++;
          if (shown(a) === shown(b)) same++;
          else diffs.push(`prefix "${q}"\n  embedded: ${shown(a).slice(0, 300)}\n  database: ${shown(b).slice(0, 300)}`);
        }
      } finally {
        await pg.close();
      }
      const share = same / total;
      const searchAlike = queries.length - diffs.filter((d) => d.startsWith('search')).length;
      console.log(`      parity: ${same}/${total} queries (${(share * 100).toFixed(1)} %) give the same top 5 (scores ≥ 0.5)`);
      console.log(`      whole-paragraph queries down to score 0.3: ${weakSame}/${queries.length} alike`);
      for (const d of diffs.slice(0, 5)) console.log('      ' + d.replace(/\n/g, '\n      '));
      assert.ok(queries.length >= 200, `${queries.length} queries`);
      // whole paragraphs (hovers, Show precedents, the command line): the same top 5
      assert.ok(searchAlike / queries.length >= 0.99, `${searchAlike}/${queries.length} whole-paragraph queries alike`);
      // openings (completion): exact continuations are alike; near continuations (a changed word)
      // come from approximate candidate lists on both sides and differ now and then at equal scores
      assert.ok(share >= 0.97, `${same}/${total} alike`);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
