import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { passEffort, PrecedentIndex, SHARE_BINS } from '../../server/src/core/precedent/index';
import { readTextResolution } from '../../server/src/core/precedent/textfile';
import type { ParagraphRecord } from '../../server/src/core/precedent/types';
import { SEEDS } from '../support/paths';

function record(text: string, i: number): ParagraphRecord {
  return { text, kind: 'operative', paragraph: String(i + 1), line: i, source: { path: `r${i}.txt`, symbol: `A/RES/${i}` } };
}

function indexOf(texts: string[]): PrecedentIndex {
  const idx = new PrecedentIndex();
  texts.forEach((t, i) => idx.add(record(t, i)));
  idx.commit();
  return idx;
}

function seedRecords(): ParagraphRecord[] {
  const records: ParagraphRecord[] = [];
  for (const f of fs.readdirSync(SEEDS).filter((f) => /\.(txt|md)$/.test(f) && !/^readme/i.test(f))) {
    records.push(...readTextResolution(fs.readFileSync(path.join(SEEDS, f), 'utf8'), path.join(SEEDS, f)).records);
  }
  return records;
}

/** The index's scan, as the selection test reads it (private parts). */
interface ScanInternals {
  scanOpen(code: string, mode: 'body', li: number): { qn: number; touched: number; placed: boolean };
  scanRead(scan: unknown, effort: ReturnType<typeof passEffort>): boolean;
  scanSelect(scan: unknown, max: number): number[];
  scanClose(scan: unknown): void;
  touched: Int32Array;
  counts: Uint32Array;
  nwords: Uint32Array;
  alive: Uint8Array;
  langs: Uint8Array;
}

/**
 * The selection as first defined: every paragraph seen gets its share (bigrams in common over the
 * longer length, quantised), the lowest share keeping `max` is the threshold, and those at the
 * threshold are taken in the order seen.
 */
function plainSelect(x: ScanInternals, scan: { qn: number; touched: number }, max: number): number[] {
  const ids = Array.from(x.touched.subarray(0, scan.touched));
  const live = (id: number) => x.alive[id] === 1 && x.langs[id] === 0;
  if (ids.length <= max) return ids.filter(live);
  const scale = SHARE_BINS - 1;
  const share = ids.map((id) => Math.min(scale, Math.floor(((x.counts[id] & 0xfff) / Math.max(scan.qn, x.nwords[id] - 1, 1)) * scale)));
  const hist = new Array<number>(SHARE_BINS).fill(0);
  for (const v of share) hist[v]++;
  let threshold = scale;
  let acc = hist[threshold];
  while (threshold > 0 && acc < max) acc += hist[--threshold];
  const above = ids.filter((id, i) => share[i] > threshold && live(id));
  const ties = ids.filter((id, i) => share[i] === threshold && live(id));
  return [...above, ...ties.slice(0, Math.max(0, max - above.length))];
}

/** Search settings that read one posting per pass (so that only the step under test can find the answer). */
const STARVED = { budgetBase: 1, budgetShare: 0, budgetMax: 1, weak: 0, expand: 0 };

describe('precedent: search', () => {
  it('finds the copies of a short paragraph of common words, even when its lists are too long to read', () => {
    const copy = 'Takes note of the report of the Secretary-General;';
    const texts = Array.from(
      { length: 50 },
      (_v, i) => `Takes note of the report of the Secretary-General on item ${i + 10} of its agenda;`,
    );
    texts.push(copy);
    const idx = indexOf(texts);
    Object.assign(idx.tuning, STARVED, { copies: 0 });
    const without = idx.search(copy, { top: 1 });
    assert.ok(without[0].score < 1, `${without[0].score}`);
    Object.assign(idx.tuning, STARVED, { copies: 32 });
    const got = idx.search(copy, { top: 1 });
    assert.strictEqual(got[0].score, 1);
    assert.strictEqual(got[0].id, 50);
  });

  it('re-ranks the near-duplicates of the best found: another version of it may be closer to the query', () => {
    const base = 'Encourages Member States to strengthen their cooperation on the protection of migrants';
    const far = `${base} and refugees in all regions of the world`; // found first (lowest id)
    const near = `${base} and refugees`; // a version of it, closer to the query
    const idx = indexOf([far, near, 'Decides to remain seized of the matter;']);
    const q = `${base} at sea`;
    Object.assign(idx.tuning, STARVED);
    assert.strictEqual(idx.search(q, { top: 1 })[0].id, 0);
    Object.assign(idx.tuning, STARVED, { expand: 1 });
    const got = idx.search(q, { top: 1 });
    assert.strictEqual(got[0].id, 1);
    assert.strictEqual(got[0].score, idx.exhaustive(q, { top: 1 })[0].score);
  });

  it('the wider pass finds what a full read finds, whether it continues the first pass or starts again', () => {
    const clauses = [
      'in accordance with its mandate',
      'within existing resources',
      'in close cooperation with Member States',
      'as a matter of priority',
    ];
    const texts: string[] = [];
    for (let i = 0; i < 40; i++) {
      const a = clauses[i % 4];
      const b = clauses[(i >> 2) % 4];
      texts.push(
        `Requests the Secretary-General to submit a report on the implementation of the present resolution ${a}, ${b} at session ${i % 7}`,
      );
    }
    const idx = indexOf(texts);
    const q = 'Requests the Secretary-General to submit a report on the activities of the Office within existing resources';
    const want = idx.exhaustive(q, { top: 5, minScore: 0.3 }).map((m) => m.score);
    assert.strictEqual(want.length, 5);
    // every query is weak (weak: 1); the wider pass reads every list
    const wide = { weak: 1, weakBudgetShare: 1, weakMaxDfShare: 1, weakBudgetMax: 1e9, expand: 0 };
    // the first pass reads its lists whole: the wider pass continues it
    Object.assign(idx.tuning, wide);
    assert.deepStrictEqual(
      idx.search(q, { top: 5, minScore: 0.3 }).map((m) => m.score),
      want,
    );
    // the first pass cuts its first list short (two postings): the wider pass reads again from the start
    Object.assign(idx.tuning, wide, { budgetBase: 2, budgetShare: 0, budgetMax: 2 });
    assert.deepStrictEqual(
      idx.search(q, { top: 5, minScore: 0.3 }).map((m) => m.score),
      want,
    );
  });

  it('selects the candidates a ranking of every paragraph seen selects, in the order seen', () => {
    const records = seedRecords();
    const idx = new PrecedentIndex();
    for (const r of records) idx.add(r);
    idx.commit();
    idx.remove(3); // (a paragraph removed is seen, and never selected)
    const x = idx as unknown as ScanInternals;
    const efforts = [passEffort(idx.tuning, false), { budgetBase: 1e9, budgetShare: 1, maxDfShare: 1, budgetMax: 1e9 }];
    let compared = 0;
    let manySeenOnce = 0;
    for (const r of records.filter((_r, i) => i % 5 === 0)) {
      // the paragraph itself, and a loose version of it (every third word dropped)
      for (const text of [
        r.text,
        r.text
          .split(' ')
          .filter((_w, j) => j % 3 !== 1)
          .join(' '),
      ]) {
        const code = idx.encodeQuery(text);
        if (!code) continue;
        for (const effort of efforts) {
          for (const max of [3, 20, 80, 200]) {
            const scan = x.scanOpen(code, 'body', 0);
            x.scanRead(scan, effort);
            const want = plainSelect(x, scan, max);
            assert.deepStrictEqual(x.scanSelect(scan, max), want, `${text.slice(0, 60)} (max ${max})`);
            // the same without the places (as past their limit): every paragraph seen is visited
            scan.placed = false;
            assert.deepStrictEqual(x.scanSelect(scan, max), want);
            if (scan.touched > 4 * max) manySeenOnce++;
            x.scanClose(scan);
            compared++;
          }
        }
      }
    }
    assert.ok(compared > 300 && manySeenOnce > 100, `${compared} ${manySeenOnce}`);
  });

  it('re-ranking more candidates from the best of a first re-ranking gives the re-ranking of both at once', () => {
    const records = seedRecords();
    const idx = new PrecedentIndex();
    for (const r of records) idx.add(r);
    idx.commit();
    type Best = Array<{ id: number; score: number }>;
    const x = idx as unknown as {
      rerank(q: string, ids: number[], k: number, min: number, o: object, start: Best, skip: Set<number> | undefined): Best;
    };
    const n = records.length;
    let compared = 0;
    for (let t = 0; t < 60; t++) {
      const text = records[(t * 37) % n].text
        .split(' ')
        .filter((_w, j) => (j + t) % 4 !== 1)
        .join(' ');
      const q = idx.encodeQuery(text);
      // two disjoint candidate lists, drawn from all over the corpus
      const first = Array.from({ length: 25 }, (_v, i) => (t * 101 + i * 53) % n);
      const more = Array.from({ length: n }, (_v, i) => i).filter((id) => id % 3 === t % 3 && !first.includes(id));
      for (const min of [0, 0.3]) {
        const a = x.rerank(q, first, 5, min, {}, [], undefined);
        const both = x.rerank(q, more, 5, min, {}, a, new Set(first));
        const once = x.rerank(q, [...first, ...more], 5, min, {}, [], undefined);
        assert.deepStrictEqual(
          both.map((b) => b.score),
          once.map((b) => b.score),
          text,
        );
        compared++;
      }
    }
    assert.strictEqual(compared, 120);
  });

  it('exact gives the plain scan’s top scores, whatever the minimum score', () => {
    const records = seedRecords();
    const idx = new PrecedentIndex();
    for (const r of records) idx.add(r);
    idx.commit();
    const queries = records
      .filter((_r, i) => i % 7 === 0)
      .map((r) =>
        r.text
          .split(' ')
          .filter((_w, j) => j % 3 !== 1)
          .join(' '),
      );
    assert.ok(queries.length >= 10);
    for (const minScore of [0, 0.3, 0.6]) {
      for (const q of queries) {
        assert.deepStrictEqual(
          idx.exact(q, { top: 5, minScore }).map((m) => m.score),
          idx.exhaustive(q, { top: 5, minScore }).map((m) => m.score),
          q,
        );
      }
    }
  });
});
