import * as assert from 'assert';
import fc from 'fast-check';
import { parseOrThrow } from '../../server/src/core/parser';
import type { Range, ResolutionDocument } from '../../server/src/core/model';
import { LineIndex } from '../../server/src/core/text';
import { readSeed, SEED } from '../support/paths';

/** Every node with offsets has a range that matches them and lies inside the document. */
function assertRangesInside(doc: ResolutionDocument): void {
  const index = new LineIndex(doc.source, doc.lineStarts);
  const seen = new Set<object>();
  const visit = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object' || seen.has(node as object)) return;
    seen.add(node as object);
    const n = node as { start?: unknown; end?: unknown; range?: Range };
    if (typeof n.start === 'number' && typeof n.end === 'number' && n.range) {
      assert.ok(
        n.start >= 0 && n.start <= n.end && n.end <= doc.source.length,
        `${path}: offsets ${n.start}-${n.end} outside 0-${doc.source.length}`,
      );
      assert.deepStrictEqual(n.range.start, index.positionAt(n.start), `${path}: range start`);
      assert.deepStrictEqual(n.range.end, index.positionAt(n.end), `${path}: range end`);
      assert.ok(n.range.end.line < doc.lineCount, `${path}: line past the end`);
    }
    for (const [k, v] of Object.entries(n)) {
      if (k === 'source' || k === 'lineStarts') continue;
      visit(v, `${path}.${k}`);
    }
  };
  visit(doc, 'doc');
}

const PIECES = [
  'The General Assembly,',
  '*The Conference of the Parties*',
  'Recalling its resolution 70/1 of 25 September 2015,',
  '*Recalling also*',
  'Noting with concern',
  '1. *Decides* to act;',
  '2.',
  '5 bis. *Urges*',
  '(a) item;',
  '(ii)',
  'a.',
  'i. x',
  '¹ Note.',
  '¹²',
  '<sup>3</sup>',
  '[^4]',
  '[^4]: def',
  '---',
  '## Heading',
  '*',
  '**',
  '_',
  '<!-- resolution-disable -->',
  '<!--',
  '-->',
  'paragraph 5 above',
  'paragraphs 1 and 2',
  'A/RES/75/311',
  '*93rd plenary meeting',
  'Annex',
  '\t',
  ';',
  ',',
  '.',
  ':',
  '; and',
  '🌍',
  '\u0000',
  '\r',
  '\r\n',
  '\n',
  '\n\n',
  ' ',
  'Further calls* upon',
  '[69/314](#)',
  '“',
  '”',
];

describe('parser robustness', () => {
  it('never throws and keeps every range inside the document on generated drafts', function () {
    this.timeout(120000);
    const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
    const sep = fc.constantFrom(' ', '\n', '\n\n', '');
    const draft = fc.array(fc.tuple(piece, sep), { maxLength: 60 }).map((parts) => parts.map(([p, s]) => p + s).join(''));
    fc.assert(
      fc.property(draft, (text) => {
        assertRangesInside(parseOrThrow(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('never throws on mutated seeds (characters deleted, duplicated, swapped)', function () {
    this.timeout(120000);
    const seeds = [readSeed(SEED.ga75), readSeed(SEED.cms), readSeed(SEED.untoc), readSeed(SEED.ga71)];
    fc.assert(
      fc.property(
        fc.nat(seeds.length - 1),
        fc.array(fc.tuple(fc.nat(), fc.nat(200), fc.constantFrom('delete', 'dup', 'insert')), { minLength: 1, maxLength: 8 }),
        fc.string({ maxLength: 5 }),
        (which, edits, ins) => {
          let t = seeds[which];
          for (const [pos, len, op] of edits) {
            const p = pos % (t.length + 1);
            if (op === 'delete') t = t.slice(0, p) + t.slice(p + len);
            else if (op === 'dup') t = t.slice(0, p + len) + t.slice(p, p + len) + t.slice(p + len);
            else t = t.slice(0, p) + ins + t.slice(p);
          }
          assertRangesInside(parseOrThrow(t));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parses a binary file without throwing', () => {
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 2654435761) % 256;
    const doc = parseOrThrow(bytes.toString('latin1'));
    assertRangesInside(doc);
  });

  it('parses a 5 MB draft', function () {
    this.timeout(60000);
    const seed = parseOrThrow(readSeed(SEED.ga75));
    const preamble = seed.preamble.map((p) => p.text).join('\n\n');
    const ops = seed.operative.map((p) => p.text.replace(/;$/, '').replace(/\.$/, ''));
    const parts = ['The General Assembly,', preamble];
    let n = 0;
    let size = preamble.length;
    while (size < 5 * 1024 * 1024) {
      const para = `${++n}. ${ops[n % ops.length]};`;
      parts.push(para);
      size += para.length + 2;
    }
    const big = parts.join('\n\n');
    const doc = parseOrThrow(big);
    assert.ok(big.length >= 5 * 1024 * 1024);
    assert.strictEqual(doc.operative.length, n);
    assert.strictEqual(doc.operative[n - 1].number?.value, n);
    assert.strictEqual(doc.preamble.length, seed.preamble.length);
    assertRangesInside(doc);
  });

  it('seeds with CRLF and with a BOM keep valid ranges', () => {
    for (const name of Object.values(SEED)) {
      const t = readSeed(name);
      assertRangesInside(parseOrThrow(t.replace(/\n/g, '\r\n')));
      assertRangesInside(parseOrThrow('\uFEFF' + t));
    }
  });
});
