import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { applyEdits, fixAll } from '../../server/src/core/fix';
import { alphaValue, fromSuperscript, romanValue, toAlpha, toRoman, toSuperscript } from '../../server/src/core/lexicon';

const check = (t: string) => checkDocument(parse(t));

function listDraft(labels: string[]): string {
  return [
    'The General Assembly,',
    '',
    '*Recalling* its resolution 70/1,',
    '',
    '1. *Decides* that:',
    '',
    ...labels.map((l, i) => `${l} Item ${i + 1};\n`),
    '2. *Requests* a report.',
    '',
  ].join('\n');
}

describe('lexicon: labels written and read from one place', () => {
  it('roman and alphabetic labels round-trip for 1 … 400', () => {
    for (let n = 1; n <= 400; n++) {
      assert.strictEqual(romanValue(toRoman(n)), n, toRoman(n));
      assert.strictEqual(alphaValue(toAlpha(n)), n, toAlpha(n));
    }
    assert.deepStrictEqual([toAlpha(26), toAlpha(27), toAlpha(28), toAlpha(53)], ['z', 'aa', 'bb', 'aaa']);
    assert.strictEqual(romanValue('iiii'), undefined);
    assert.strictEqual(fromSuperscript(toSuperscript('1204')), '1204');
  });

  for (const kind of ['roman', 'alpha'] as const) {
    it(`a list of 60 ${kind} sub-paragraphs is read in sequence, and re-lettering a shuffled one converges with distinct labels`, () => {
      const label = (n: number) => `(${kind === 'roman' ? toRoman(n) : toAlpha(n)})`;
      const good = listDraft(Array.from({ length: 60 }, (_, i) => label(i + 1)));
      const doc = parse(good);
      const subs = doc.operative[0].subparagraphs;
      assert.strictEqual(subs.length, 60);
      assert.deepStrictEqual(
        subs.map((s) => s.value),
        Array.from({ length: 60 }, (_, i) => i + 1),
      );
      assert.deepStrictEqual(
        check(good).filter((f) => f.rule === 'subparagraph-sequence'),
        [],
      );
      // every label (a) then (a) again … : one finding, fixed to the full sequence in one fix-all
      const bad = listDraft(Array.from({ length: 60 }, (_, i) => (i === 0 ? label(1) : label(i === 5 ? 5 : i + 1))));
      assert.ok(check(bad).some((f) => f.rule === 'subparagraph-sequence'));
      const once = fixAll(bad, check).text;
      assert.strictEqual(once, good);
      assert.strictEqual(fixAll(once, check).text, once, 'a second fix-all changes nothing');
    });
  }

  it('(aa), (bb) follow (z)', () => {
    const labels = Array.from({ length: 28 }, (_, i) => `(${toAlpha(i + 1)})`);
    const doc = parse(listDraft(labels));
    assert.deepStrictEqual(
      doc.operative[0].subparagraphs.slice(25).map((s) => [s.label.text, s.value]),
      [
        ['(z)', 26],
        ['(aa)', 27],
        ['(bb)', 28],
      ],
    );
    assert.deepStrictEqual(
      check(listDraft(labels)).filter((f) => f.rule === 'subparagraph-sequence'),
      [],
    );
  });
});

describe('sub-paragraph references', () => {
  const draft = [
    'The General Assembly,',
    '',
    '*Recalling* its resolution 70/1,',
    '',
    '1. *Decides* that, subject to paragraph 1 (c) below:',
    '',
    '(a) Item one;',
    '',
    '(c) Item two;',
    '',
    '(d) Item three;',
    '',
    '2. *Requests* a report on paragraph 1 (d) above.',
    '',
  ].join('\n');

  it('"paragraph 1 (c) below" inside paragraph 1 is not reported as pointing to itself', () => {
    assert.deepStrictEqual(
      check(draft)
        .filter((f) => f.rule === 'cross-reference')
        .map((f) => f.message),
      [],
    );
  });

  it('re-lettering carries "paragraph 1 (c) below" and "paragraph 1 (d) above" along', () => {
    const fix = check(draft).find((f) => f.rule === 'subparagraph-sequence')!.fix!;
    const out = applyEdits(draft, fix.edits);
    assert.match(out, /subject to paragraph 1 \(b\) below:/);
    assert.match(out, /\(a\) Item one;\n\n\(b\) Item two;\n\n\(c\) Item three;/);
    assert.match(out, /report on paragraph 1 \(c\) above\./);
    assert.deepStrictEqual(
      check(out).filter((f) => f.rule === 'cross-reference' || f.rule === 'subparagraph-sequence'),
      [],
    );
  });
});

describe('Security Council citations', () => {
  it('"resolution 2127 (2013)" is a citation with its key; a date in another year is reported', () => {
    const text =
      'The General Assembly,\n\n*Recalling* Security Council resolutions 2127 (2013) of 5 December 2014 and 2134(2014),\n\n1. *Decides* to act.\n';
    const doc = parse(text);
    assert.deepStrictEqual(
      doc.citations.map((c) => [c.symbol, c.key, c.date?.text]),
      [
        ['2127 (2013)', '2127 (2013)', '5 December 2014'],
        ['2134(2014)', '2134 (2014)', undefined],
      ],
    );
    assert.deepStrictEqual(
      check(text)
        .filter((f) => f.rule === 'citation-date')
        .map((f) => f.message),
      ['Resolution 2127 (2013) was adopted in 2013, not on 5 December 2014.'],
    );
  });
});

describe('misspelt openings', () => {
  it('Invties, Recalings and "Noting with concen" get their suggestion and a quick fix', () => {
    const text =
      'The General Assembly,\n\n*Recalings* its resolution 70/1,\n\n*Noting with concen* the report,\n\n*Noting with appreciation* the work,\n\n*Reaffirming its decisions*,\n\n1. *Invties* States to act;\n\n2. *Requests* a report.\n';
    const found = check(text).filter((f) => f.rule.endsWith('-unknown'));
    assert.deepStrictEqual(
      found.map((f) => [f.range.start.line + 1, f.message]),
      [
        [3, 'Unknown preambular phrase “Recalings”: did you mean “Recalling”?'],
        [5, 'Unknown preambular phrase “Noting with concen”: did you mean “Noting with concern”?'],
        [11, 'Unknown operative phrase “Invties”: did you mean “Invites”?'],
      ],
    );
    assert.deepStrictEqual(
      found.map((f) => f.fix?.edits[0].newText),
      ['Recalling', 'concern', 'Invites'],
    );
  });
});
