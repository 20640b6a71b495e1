import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PrecedentIndex } from '../../server/src/core/precedent/index';
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

  it('exact gives the plain scan’s top scores, whatever the minimum score', () => {
    const records: ParagraphRecord[] = [];
    for (const f of fs.readdirSync(SEEDS).filter((f) => /\.(txt|md)$/.test(f) && !/^readme/i.test(f))) {
      records.push(...readTextResolution(fs.readFileSync(path.join(SEEDS, f), 'utf8'), path.join(SEEDS, f)).records);
    }
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
