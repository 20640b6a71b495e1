import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { applyEdits, fixAll, minimalEdit, renumberFootnotesEdits, renumberOperativeEdits, subLabel } from '../../server/src/core/fix';

const renumber = (text: string, keepInserted = false) => applyEdits(text, renumberOperativeEdits(parse(text), keepInserted));

describe('fixes', () => {
  it('renumbering carries internal cross-references along ("paragraph 5 above", "paragraphs 3 and 4", "paragraph 5 (a)")', () => {
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1 of 25 September 2015,',
      '',
      '1. *Decides* to act;',
      '',
      '3. *Invites* States to act on paragraph 5 below;',
      '',
      '4. *Requests* a report;',
      '',
      '5. *Calls upon* States:',
      '',
      '(a) To act;',
      '',
      '(b) To report;',
      '',
      '6. *Urges* States to implement paragraphs 3 and 4, paragraph 5 (a) above and paragraph 2 of resolution 70/1.',
      '',
    ].join('\n');
    const out = renumber(text);
    assert.match(out, /\n2\. \*Invites\* States to act on paragraph 4 below;/);
    assert.match(out, /\n3\. \*Requests\*/);
    assert.match(out, /\n4\. \*Calls upon\*/);
    assert.match(
      out,
      /\n5\. \*Urges\* States to implement paragraphs 2 and 3, paragraph 4 \(a\) above and paragraph 2 of resolution 70\/1\./,
    );
    // sub-paragraph labels are not operative numbers
    assert.match(out, /\n\(a\) To act;\n\n\(b\) To report;/);
    // and the result is clean
    assert.deepStrictEqual(
      checkDocument(parse(out)).map((f) => f.rule),
      [],
    );
  });

  it('renumbering with duplicates resolves "above"/"below" to the nearest paragraph in that direction', () => {
    const text =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n2. *Invites* States;\n\n2. *Requests* a report on paragraph 2 above;\n\n3. *Urges* States to act on paragraph 2 above.\n';
    const out = renumber(text);
    assert.match(out, /3\. \*Requests\* a report on paragraph 2 above;/);
    assert.match(out, /4\. \*Urges\* States to act on paragraph 3 above\./);
  });

  it('in draft mode "5 bis" keeps its suffix and follows the paragraph before; the command form renumbers it', () => {
    const text =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n1 bis. *Invites* States;\n\n3. *Requests* a report on paragraph 1 bis above.\n';
    assert.match(renumber(text, true), /1 bis\. \*Invites\* States;\n\n2\. \*Requests\* a report on paragraph 1 bis above\./);
    assert.match(renumber(text, false), /2\. \*Invites\* States;\n\n3\. \*Requests\* a report on paragraph 2 above\./);
  });

  it('footnote renumbering renumbers markers and definitions together in order of first reference, in every style', () => {
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* the Convention,³ the Protocol[^1] and the Agreement,<sup>2</sup>',
      '',
      '*Noting* the Convention³ again,',
      '',
      '1. *Decides* to act.',
      '',
      '¹ Protocol.',
      '',
      '² Agreement.',
      '',
      '³ Convention.',
      '',
    ].join('\n');
    const doc = parse(text);
    const out = applyEdits(text, renumberFootnotesEdits(doc));
    assert.match(out, /Convention,¹ the Protocol\[\^2\] and the Agreement,<sup>3<\/sup>/);
    assert.match(out, /\*Noting\* the Convention¹ again,/);
    assert.match(out, /¹ Convention\.\n\n² Protocol\.\n\n³ Agreement\./);
    assert.deepStrictEqual(
      checkDocument(parse(out)).filter((f) => f.rule.startsWith('footnote')),
      [],
    );
  });

  it('footnote renumbering puts definitions in order only within a block of consecutive ones, and not around a marker', () => {
    // a rule between two definitions: two blocks, each left where it stands
    const apart = [
      'The General Assembly,',
      '',
      '*Recalling* the Convention¹ and the Protocol,²',
      '',
      '1. *Decides* to act.',
      '',
      '² Protocol.',
      '',
      '---',
      '',
      '¹ Convention.',
      '',
    ].join('\n');
    assert.deepStrictEqual(renumberFootnotesEdits(parse(apart)), []);
    // a marker inside the block: the definitions are relabelled where they stand, not moved
    const within = [
      'The General Assembly,',
      '',
      '*Recalling* the Protocol² and the Convention,¹',
      '',
      '1. *Decides* to act.',
      '',
      '¹ Convention.',
      '',
      '² Protocol, as in the Convention.¹',
      '',
    ].join('\n');
    assert.strictEqual(
      applyEdits(within, renumberFootnotesEdits(parse(within))),
      within
        .replace('Protocol² and the Convention,¹', 'Protocol¹ and the Convention,²')
        .replace('¹ Convention.', '² Convention.')
        .replace('² Protocol, as in the Convention.¹', '¹ Protocol, as in the Convention.²'),
    );
  });

  it('re-letters in the style of the labels', () => {
    assert.strictEqual(subLabel('paren-alpha', 3, '(a)'), '(c)');
    assert.strictEqual(subLabel('paren-roman', 4, '(i)'), '(iv)');
    assert.strictEqual(subLabel('dot-alpha', 2, 'A.'), 'B.');
    assert.strictEqual(subLabel('paren-alpha', 27, '(z)'), '(aa)');
  });

  it('fix-all converges: numbering, punctuation, italics and "also" fixed in passes until nothing fixable is left', () => {
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1 of 25 September 2015;',
      '',
      '1. Decides to act',
      '',
      '3. *Encourages* States to act on paragraph 4 below,',
      '',
      '4. *Encourages* donors to give;',
      '',
      '6. *Encurages* others;',
      '',
    ].join('\n');
    const check = (t: string) => checkDocument(parse(t));
    const result = fixAll(text, check, { wording: true, minSeverity: 'hint' });
    assert.strictEqual(result.remaining, 0);
    assert.ok(result.passes >= 1 && result.passes < 10);
    assert.strictEqual(
      result.text,
      [
        'The General Assembly,',
        '',
        '*Recalling* its resolution 70/1 of 25 September 2015,',
        '',
        '1. *Decides* to act;',
        '',
        '2. *Encourages* States to act on paragraph 3 below;',
        '',
        '3. *Also encourages* donors to give;',
        '',
        '4. *Further encourages* others.',
        '',
      ].join('\n'),
    );
    assert.deepStrictEqual(
      check(result.text).filter((f) => f.fix),
      [],
    );
    // running it again changes nothing
    assert.strictEqual(fixAll(result.text, check).text, result.text);
  });

  it('fix-all keeps CRLF line endings and puts the full stop before a trailing footnote marker', () => {
    const text =
      'The General Assembly,\r\n\r\n*Recalling* its resolution 70/1,\r\n\r\n1. Decides to act on paragraph 3 below;\r\n\r\n3. *Requests* a report,\r\n\r\n4. *Requests* a report on paragraph 3 above¹\r\n\r\n¹ A/1.\r\n';
    const r = fixAll(text, (t) => checkDocument(parse(t)), { wording: true, minSeverity: 'hint' });
    assert.strictEqual(
      r.text,
      'The General Assembly,\r\n\r\n*Recalling* its resolution 70/1,\r\n\r\n1. *Decides* to act on paragraph 2 below;\r\n\r\n2. *Requests* a report;\r\n\r\n3. *Also requests* a report on paragraph 2 above.¹\r\n\r\n¹ A/1.\r\n',
    );
    assert.strictEqual(r.remaining, 0);
  });

  it('applyEdits refuses overlapping edits; minimalEdit gives one edit covering only the change', () => {
    const r = (sl: number, sc: number, el: number, ec: number) => ({
      start: { line: sl, character: sc },
      end: { line: el, character: ec },
    });
    assert.throws(
      () =>
        applyEdits('abcdef', [
          { range: r(0, 0, 0, 3), newText: 'x' },
          { range: r(0, 2, 0, 4), newText: 'y' },
        ]),
      /overlapping/,
    );
    assert.strictEqual(
      applyEdits('abc\ndef', [
        { range: r(1, 0, 1, 1), newText: 'D' },
        { range: r(0, 0, 0, 0), newText: '>' },
      ]),
      '>abc\nDef',
    );
    const e = minimalEdit('one two three', 'one 2 three')!;
    assert.deepStrictEqual(e, { range: r(0, 4, 0, 7), newText: '2' });
  });
});
