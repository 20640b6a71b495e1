import * as assert from 'assert';
import fc from 'fast-check';
import { commonEnds } from '../../server/src/core/parser/incremental';

/** The common beginning and end, one character at a time (not overlapping in the shorter text). */
function naive(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  let p = 0;
  while (p < max && a[p] === b[p]) p++;
  let s = 0;
  while (s < max - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  return { prefix: p, suffix: s };
}

describe('the common ends of two versions of a text (where an edit is)', () => {
  it('finds the same lengths as a character-by-character scan, for edits anywhere in long texts', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 0, maxLength: 40 }),
        fc.nat(5000),
        fc.nat(1),
        fc.nat(),
        fc.string({ maxLength: 6 }),
        fc.nat(8),
        (unit, repeat, kind, at, insert, remove) => {
          const a = (unit || 'ab').repeat(repeat + 1);
          const i = at % (a.length + 1);
          const b = kind ? a.slice(0, i) + insert + a.slice(Math.min(a.length, i + remove)) : a + insert;
          assert.deepStrictEqual(commonEnds(a, b), naive(a, b));
          assert.deepStrictEqual(commonEnds(b, a), naive(b, a));
        },
      ),
      { numRuns: 300 },
    );
  });
});
