import * as assert from 'assert';
import * as fc from 'fast-check';
import { PrecedentIndex } from '../../server/src/core/precedent/index';
import { Plain, plainEnglish, words } from '../../server/src/core/precedent/normalize';
import { TextStore } from '../../server/src/core/precedent/textstore';
import type { ParagraphRecord } from '../../server/src/core/precedent/types';

const source = { path: 'x.xml', symbol: 'A/RES/1/1', date: '1 January 2020' };
const record = (text: string, i = 0): ParagraphRecord => ({ text, kind: 'operative', paragraph: String(i), line: i, source });

/**
 * Pieces of text that the English word reader treats specially: apostrophes inside and outside
 * words, links, tags, footnote markers, URIs, leading numbers and labels, a capital sigma, a
 * dotted capital I, combining marks, Chinese, digits after an apostrophe, a surrogate pair, a
 * word longer than a text-store token, other spaces.
 */
const PIECES = [
  'Calls',
  'upon',
  'women',
  's',
  'the',
  'States',
  'Côte',
  'd',
  'O',
  'Neill',
  ' ',
  ' ',
  ', ',
  '; ',
  '’',
  "'",
  '’s',
  "'s2",
  ':',
  'http:',
  '//x.org',
  '<b>',
  '</b>',
  ']',
  '(',
  ')',
  '[',
  '^1',
  'ΟΔΟΣ',
  'Σ',
  'İstanbul',
  'e\u0301',
  '中文',
  '1990',
  '6. ',
  '(a) ',
  'a. ',
  'x'.repeat(30),
  '\t',
  '\u00a0',
  'ſ',
  '\u212a',
  '\ud83d\ude00',
  'ǅ',
  '*',
  '-',
];

const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((p) => p.join(''));

describe('precedent: index build', () => {
  it('reads the English words of a text from its tokens exactly when they are its words', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 12 }), (texts) => {
        const idx = new PrecedentIndex();
        const ids = texts.map((t, i) => idx.add(record(t, i)));
        idx.commit();
        const back = PrecedentIndex.deserialize(idx.serialize());
        for (const [i, id] of ids.entries()) {
          const expected = idx.vocab.encodeQuery(words(texts[i]));
          assert.strictEqual(idx.codeOf(id), expected, texts[i]);
          assert.strictEqual(back.codeOf(id), expected, texts[i]);
          assert.strictEqual(back.textOf(id), texts[i]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('tells plain English texts from the others', () => {
    assert.strictEqual(plainEnglish('Calls upon all Member States, in particular donor countries, to act;'), Plain.Runs);
    assert.strictEqual(plainEnglish("Welcomes the women’s and the Secretary-General's reports"), Plain.Apostrophes);
    assert.strictEqual(plainEnglish('Notes the States’ reports and the ‘quoted’ words'), Plain.Runs);
    for (const t of [
      'Notes the 1990’s2 report', // a digit after the apostrophe ends the word there
      '6. Decides to remain seized of the matter',
      '(a) Decides',
      'Recalls [its resolution](https://undocs.org/A/RES/70/1)',
      'Recalls <b>its</b> resolution',
      'Notes the note[^1]',
      'See https://undocs.org',
      'ΟΔΟΣ Σ',
      'İstanbul',
      'Café\u0301',
      '大会',
      'Welcomes \ud83d\ude00',
    ]) {
      assert.strictEqual(plainEnglish(t), Plain.No, t);
    }
  });

  it('orders paragraphs for completions: every exact continuation, by frequency, then length, then id', () => {
    // openings alike (so that many paragraphs share their first words, some their whole wording)
    const opening = fc.constantFrom('requests the secretary', 'requests the', 'also requests the secretary', 'requests');
    const tail = fc.array(fc.constantFrom('general', 'to', 'report'), { maxLength: 3 });
    const para = fc.tuple(opening, tail).map(([o, t]) => [o, ...t].join(' '));
    fc.assert(
      fc.property(
        fc.array(para, { minLength: 1, maxLength: 120, size: 'max' }),
        fc.array(fc.nat(), { maxLength: 10 }),
        (texts, removed) => {
          const idx = new PrecedentIndex();
          texts.forEach((t, i) => idx.add(record(t, i)));
          for (const r of removed) idx.remove(r % texts.length);
          idx.commit();
          const typedOpenings = new Set(texts.flatMap((t) => [1, 2, 3, 4, 5].map((k) => t.split(' ').slice(0, k).join(' '))));
          for (const typed of typedOpenings) {
            const q = idx.vocab.encodeQuery(words(typed));
            // by brute force: the live paragraphs continuing the typed words, grouped by wording
            const groups = new Map<string, { id: number; count: number }>();
            for (const id of idx.ids()) {
              const c = idx.codeOf(id);
              if (c.length <= q.length || !c.startsWith(q)) continue;
              const g = groups.get(c);
              if (g) g.count++;
              else groups.set(c, { id, count: 1 });
            }
            const want = [...groups.entries()]
              .sort((a, b) => b[1].count - a[1].count || a[0].length - b[0].length || a[1].id - b[1].id)
              .slice(0, 5)
              .map(([, g]) => g.id);
            const got = idx
              .prefix(typed + ' ', { top: 5 })
              .filter((m) => m.score === 1)
              .map((m) => m.id);
            assert.deepStrictEqual(got, want, typed);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('stores tokens of every kind and gives back each text, the last one’s tokens and where they end', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 20 }), (texts) => {
        const t = new TextStore();
        for (const x of texts) {
          const id = t.add(x);
          const ends = [...t.lastTokenEnds];
          assert.strictEqual(ends.length, t.lastTokens.length);
          assert.strictEqual(ends.length ? ends[ends.length - 1] : 0, x.length);
          assert.strictEqual([...t.lastTokens].map((k) => t.token(k)).join(''), x);
          assert.strictEqual(t.get(id), x);
        }
        texts.forEach((x, i) => assert.strictEqual(t.get(i), x));
      }),
      { numRuns: 200 },
    );
  });
});
