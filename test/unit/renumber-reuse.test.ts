import * as assert from 'assert';
import fc from 'fast-check';
import { parse, reparse } from '../../server/src/core/parser';
import { applyEdits, renumberOperativeEdits } from '../../server/src/core/fix';
import { readSeed, SEED } from '../support/paths';
import { apply, edit } from '../support/edits';
import { syntheticDraft } from '../bench/checks-bench';

/**
 * A draft whose renumbering cannot be planned ahead (two paragraphs numbered 2 and a reference to
 * "paragraph 2": which one it means depends on where they stand): renumbering it makes the next
 * renumbering start from nothing, so that the test compares against a renumbering of its own.
 */
const UNPLANNED = parse(
  'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report;\n\n2. *Invites* States, as in paragraph 2 above;\n\n4. *Decides* to remain seized of the matter.\n',
);

function fresh(text: string, keepInserted: boolean) {
  assert.ok(renumberOperativeEdits(UNPLANNED).length > 0);
  return renumberOperativeEdits(parse(text), keepInserted);
}

/** A small synthetic draft (numbered paragraphs, cross-references, sub-paragraphs, notes) with paragraph 3 gone: 4, 5, … to renumber. */
function withGap(): string {
  return syntheticDraft(12_000).replace(/\n3\. [^\n]*\n/, '\n');
}

/** An edit of a number of the text (a paragraph's, a cross-reference's, a symbol's): the k-th run of digits replaced by n, or by nothing. */
const numberEdit = fc.record({ k: fc.nat(), n: fc.oneof(fc.nat(12), fc.constant(-1)) });

function applyNumber(text: string, e: { k: number; n: number }): string {
  const runs = [...text.matchAll(/\d+/g)];
  if (runs.length === 0) return text;
  const m = runs[e.k % runs.length];
  return text.slice(0, m.index) + (e.n < 0 ? '' : String(e.n)) + text.slice(m.index! + m[0].length);
}

const change = fc.oneof(
  edit.map((e) => (text: string) => apply(text, e)),
  numberEdit.map((e) => (text: string) => applyNumber(text, e)),
);

describe('renumbering the next version of an edited draft', () => {
  it('gives the same edits as a renumbering from nothing, edit after edit', () => {
    const texts = [withGap(), readSeed(SEED.ga75), readSeed(SEED.untoc), readSeed(SEED.cms)];
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(fc.tuple(change, fc.boolean()), { minLength: 1, maxLength: 8 }), (k, steps) => {
        let text = texts[k];
        let doc = parse(text);
        renumberOperativeEdits(doc);
        for (const [e, keepInserted] of steps) {
          text = e(text);
          doc = reparse(doc, text);
          const next = renumberOperativeEdits(doc, keepInserted);
          assert.deepStrictEqual(next, fresh(text, keepInserted));
          // and the next version starts from this one's plan again
          renumberOperativeEdits(doc, keepInserted);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('keeps the edits of the lines a keystroke did not touch, as the same objects, and renumbers right', () => {
    const text = withGap();
    let doc = parse(text);
    const before = renumberOperativeEdits(doc);
    assert.ok(before.length > 20, `${before.length} edits`);
    // a character typed in the middle of a paragraph halfway down
    const p = doc.operative[Math.floor(doc.operative.length / 2)];
    const at = p.opening!.end + 1;
    const typed = text.slice(0, at) + 'x' + text.slice(at);
    doc = reparse(doc, typed);
    const after = renumberOperativeEdits(doc);
    assert.strictEqual(after.length, before.length);
    const line = doc.operative[Math.floor(doc.operative.length / 2)].range.start.line;
    let same = 0;
    after.forEach((e, i) => {
      if (e.range.start.line !== line) {
        assert.strictEqual(e, before[i], `edit ${i} on line ${e.range.start.line} is the one before`);
        same++;
      }
    });
    assert.ok(same >= after.length - 2);
    assert.deepStrictEqual(after, fresh(typed, false));
    // applied, the numbers run 1, 2, 3 … again
    const numbers = parse(applyEdits(typed, after)).operative.map((q) => q.number?.value);
    assert.deepStrictEqual(
      numbers,
      numbers.map((_, i) => i + 1),
    );
  });

  it('keeps the numbers and the edits of the other references when a keystroke breaks or mends a cross-reference', () => {
    const text = withGap();
    let doc = parse(text);
    const before = renumberOperativeEdits(doc);
    // "paragraph N above" of a paragraph halfway down typed into, then mended: the references after it shift by one and back
    const ref = doc.crossReferences[Math.floor(doc.crossReferences.length / 2)];
    const at = ref.start + 3;
    const broken = text.slice(0, at) + 'x' + text.slice(at);
    doc = reparse(doc, broken);
    assert.strictEqual(doc.crossReferences.length, parse(text).crossReferences.length - 1);
    const after = renumberOperativeEdits(doc);
    assert.deepStrictEqual(after, fresh(broken, false));
    assert.strictEqual(after.length, before.length - 1);
    doc = parse(broken);
    renumberOperativeEdits(doc);
    doc = reparse(doc, text);
    assert.deepStrictEqual(renumberOperativeEdits(doc), fresh(text, false));
  });

  // each input of the plan changed alone: the next renumbering is a new one
  const cases: Array<[string, string, (text: string) => string, ReadonlySet<number>?, ReadonlySet<number>?]> = [
    [
      'a paragraph number changes',
      'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report;\n\n4. *Invites* States;\n\n5. *Decides* to remain seized of the matter.\n',
      (t) => t.replace('4. *Invites*', '3. *Invites*'),
    ],
    [
      'the target of a cross-reference changes',
      'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report;\n\n4. *Invites* States;\n\n5. *Decides* to act on paragraph 4 above.\n',
      (t) => t.replace('paragraph 4 above', 'paragraph 5 above'),
    ],
    [
      'an edit goes and another comes after the others, as many edits as before',
      'The General Assembly,\n\n1. *Decides* to act;\n\n3. *Requests* a report;\n\n4. *Invites* States;\n\n5. *Decides* to remain seized of the matter.\n',
      (t) => t.replace('3. *Requests*', '2. *Requests*') + '\n7. *Decides* to meet again.\n',
    ],
    [
      'a later cross-reference comes to name the target of an earlier one',
      'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report on paragraph 1 above;\n\n4. *Invites* States;\n\n5. *Decides* to act on paragraph 4 above.\n',
      (t) => t.replace('paragraph 4 above', 'paragraph 1 above'),
    ],
    [
      'a section heading comes (the numbering restarts after it)',
      'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report;\n\n1. *Invites* States;\n\n2. *Decides* to remain seized of the matter.\n',
      (t) => t.replace('\n\n1. *Invites*', '\n\nII\n\n1. *Invites*'),
    ],
    [
      'a section heading goes (the numbering no longer restarts after it)',
      'The General Assembly,\n\nI\n\n1. *Decides* to act;\n\n2. *Requests* a report;\n\nII\n\n1. *Invites* States;\n\n2. *Decides* to remain seized of the matter.\n',
      (t) => t.replace('\n\nII\n\n', '\n\n'),
    ],
    [
      'a reference moves among paragraphs of the same number',
      'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report;\n\n3. *Notes* paragraph 2 above;\n\n2. *Invites* States;\n\n5. *Decides* to remain seized of the matter.\n',
      (t) => t.replace(' paragraph 2 above;', ' the report;').replace('remain seized', 'recall paragraph 2 above and remain seized'),
    ],
    [
      'the paragraphs left out change',
      'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Requests* a report;\n\n4. *Invites* States;\n\n5. *Decides* to remain seized of the matter.\n',
      (t) => t + '\n',
      new Set([1]),
      new Set(),
    ],
  ];
  for (const [what, text, change, before, after] of cases) {
    it(`renumbers afresh when ${what}`, () => {
      let doc = parse(text);
      const first = renumberOperativeEdits(doc, false, before);
      const edited = change(text);
      assert.notStrictEqual(edited, text);
      doc = reparse(doc, edited);
      const next = renumberOperativeEdits(doc, false, after);
      assert.ok(renumberOperativeEdits(UNPLANNED).length > 0);
      assert.deepStrictEqual(next, renumberOperativeEdits(parse(edited), false, after));
      assert.notDeepStrictEqual(next, first);
    });
  }
});
