import * as assert from 'assert';
import * as fc from 'fast-check';
import { parse } from '../../server/src/core/parser';
import { alignParagraphs, paragraphSimilarity, summarize } from '../../server/src/core/compare/align';
import { diffWords, sidesOf } from '../../server/src/core/compare/words';
import { readSeed, SEED } from '../support/paths';

/** The preambular and operative paragraphs of a seed, as written (numbers included). */
function paragraphs(name: string): string[] {
  const doc = parse(readSeed(name));
  return [...doc.preamble, ...doc.operative].map((p) => doc.source.slice(p.start, p.end));
}

describe('word diff', () => {
  it('keeps every character: equal+delete is the old text, equal+insert the new', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.string({ maxLength: 80 }), (a, b) => {
        const s = sidesOf(diffWords(a, b));
        return s.old === a && s.new === b;
      }),
    );
    const words = fc.constantFrom('Calls', 'upon', '*Urges*', 'States', ',', ' ', '  ', '¹', 'to', 'the', ';', '\n');
    fc.assert(
      fc.property(fc.array(words, { maxLength: 40 }), fc.array(words, { maxLength: 40 }), (x, y) => {
        const a = x.join('');
        const b = y.join('');
        const s = sidesOf(diffWords(a, b));
        return s.old === a && s.new === b;
      }),
    );
  });

  it('reads as whole phrases replaced', () => {
    const d = diffWords(
      '*Calls upon* all Member States to ratify the Convention;',
      '*Calls upon* all States to consider ratifying the Convention;',
    );
    assert.deepStrictEqual(d, [
      { op: 'equal', text: '*Calls upon* all ' },
      { op: 'delete', text: 'Member ' },
      { op: 'equal', text: 'States to ' },
      { op: 'delete', text: 'ratify' },
      { op: 'insert', text: 'consider ratifying' },
      { op: 'equal', text: ' the Convention;' },
    ]);
  });
});

describe('paragraph alignment', () => {
  const base = paragraphs(SEED.ga75);

  it('pairs an unchanged text with itself', () => {
    const pairs = alignParagraphs(base, base);
    assert.deepStrictEqual(summarize(pairs), { added: 0, deleted: 0, moved: 0, changed: 0, unchanged: base.length });
  });

  it('recovers a move, an insertion, a deletion and an edit', () => {
    assert.ok(base.length > 20);
    const rev = base.slice();
    const [moved] = rev.splice(3, 1); // a preambular paragraph moves down
    rev.splice(9, 0, moved);
    const deletedText = rev.splice(15, 1)[0];
    const added = '*Encourages* Member States to share information on seizures of wildlife through regional networks;';
    rev.splice(18, 0, added);
    rev[20] = rev[20].replace(/the/, 'all the');
    const pairs = alignParagraphs(base, rev);
    const s = summarize(pairs);
    assert.deepStrictEqual(
      { moved: s.moved, added: s.added, deleted: s.deleted, changed: s.changed },
      { moved: 1, added: 1, deleted: 1, changed: 1 },
    );
    const mv = pairs.find((p) => p.kind === 'moved')!;
    assert.strictEqual(base[mv.old!], moved);
    assert.strictEqual(rev[mv.new!], moved);
    assert.strictEqual(mv.textChanged, false);
    assert.strictEqual(base[pairs.find((p) => p.kind === 'deleted')!.old!], deletedText);
    assert.strictEqual(rev[pairs.find((p) => p.kind === 'added')!.new!], added);
    // Every paragraph once on each side; the new side in reading order.
    assert.deepStrictEqual(
      pairs.filter((p) => p.new !== null).map((p) => p.new),
      rev.map((_, j) => j),
    );
    assert.deepStrictEqual(
      pairs
        .filter((p) => p.old !== null)
        .map((p) => p.old)
        .sort((a, b) => a! - b!),
      base.map((_, i) => i),
    );
  });

  it('recognises a split and a merge', () => {
    const long = base.reduce((a, b) => (b.length > a.length ? b : a));
    const cut = long.indexOf(', ', Math.floor(long.length / 2));
    assert.ok(cut > 0);
    const other = base.find((p) => p !== long && p.length > 80)!;
    const rev = base.filter((p) => p !== long && p !== other);
    const at = base.indexOf(long);
    const split = [long.slice(0, cut) + ';', long.slice(cut + 2)];
    const revWithSplit = [...base.slice(0, at), ...split, ...base.slice(at + 1)];
    const pairsSplit = alignParagraphs(base, revWithSplit);
    const added = pairsSplit.filter((p) => p.kind === 'added');
    assert.strictEqual(added.length, 1);
    assert.strictEqual(added[0].splitFrom, at);
    // Merge: two neighbours joined into one.
    const i = 5;
    const merged = [...base.slice(0, i), base[i].replace(/,\s*$/, '') + ' and ' + base[i + 1], ...base.slice(i + 2)];
    const pairsMerge = alignParagraphs(base, merged);
    const del = pairsMerge.filter((p) => p.kind === 'deleted');
    assert.strictEqual(del.length, 1);
    assert.strictEqual(del[0].mergedInto, i);
    assert.ok(rev.length > 0);
  });

  it('scores similarity by words, not by markup or numbers', () => {
    assert.strictEqual(paragraphSimilarity('5. *Urges* States to act;', 'OP7 Urges States to act;'), 1);
    assert.ok(paragraphSimilarity('*Urges* States to act;', '*Decides* to remain seized of the matter.') < 0.2);
  });
});
