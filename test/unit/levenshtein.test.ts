import * as assert from 'assert';
import { distance } from 'fastest-levenshtein';
import { QueryDistance } from '../../server/src/core/precedent/levenshtein';

/** A small deterministic generator (the same cases on every run). */
function generator(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

describe('precedent: the query’s Levenshtein distance', () => {
  it('is the distance fastest-levenshtein gives, across block boundaries, alphabets and edits', () => {
    const rnd = generator(7);
    const qd = new QueryDistance();
    // lengths on each side of the 32-word blocks, and random ones
    const lengths = [1, 2, 5, 31, 32, 33, 63, 64, 65, 96, 97, 130];
    let checked = 0;
    for (let r = 0; r < 4000; r++) {
      const alphabet = [2, 5, 30, 60000][r % 4];
      const make = (n: number): string => {
        let s = '';
        for (let i = 0; i < n; i++) s += String.fromCharCode(1 + Math.floor(rnd() * alphabet));
        return s;
      };
      const qn = r < 600 ? lengths[r % lengths.length] : 1 + Math.floor(rnd() * 150);
      const q = make(qn);
      // a random text, or the query edited (a cut and an insertion), or empty
      const cut = Math.floor(rnd() * q.length);
      const text =
        r % 11 === 0
          ? ''
          : r % 2 === 0
            ? make(r < 600 ? lengths[(r * 7) % lengths.length] : Math.floor(rnd() * 150))
            : q.slice(0, cut) + make(3) + q.slice(cut + 2);
      // the text sits inside a larger array, as candidates do in the re-ranking pool
      const pool = new Uint16Array(text.length + 8);
      for (let i = 0; i < text.length; i++) pool[i + 4] = text.charCodeAt(i);
      qd.set(q);
      const got = qd.distance(pool, 4, text.length);
      qd.clear();
      assert.strictEqual(got, distance(q, text), `query ${q.length} words, text ${text.length}`);
      checked++;
    }
    assert.strictEqual(checked, 4000);
  });

  it('compares a very long query of many distinct words too (as strings, without keeping its masks)', () => {
    const qd = new QueryDistance();
    const rnd = generator(11);
    let q = '';
    for (let i = 0; i < 9000; i++) q += String.fromCharCode(1 + Math.floor(rnd() * 60000));
    const text = q.slice(0, 4000) + 'xyz' + q.slice(4100, 8990);
    const pool = Uint16Array.from({ length: text.length }, (_v, i) => text.charCodeAt(i));
    qd.set(q);
    assert.strictEqual(qd.distance(pool, 0, pool.length), distance(q, text));
    qd.clear();
    // and a short query after it is compared with masks again
    qd.set('\u0001\u0002');
    assert.strictEqual(qd.distance(Uint16Array.from([1, 3, 2]), 0, 3), 1);
    qd.clear();
  });

  it('forgets one query before the next: a word of the first does not match in the second', () => {
    const qd = new QueryDistance();
    const pool = Uint16Array.from([1, 2, 3]);
    qd.set('\u0001\u0002\u0003');
    assert.strictEqual(qd.distance(pool, 0, 3), 0);
    qd.clear();
    qd.set('\u0004\u0005\u0006');
    assert.strictEqual(qd.distance(pool, 0, 3), 3);
    qd.clear();
  });
});
