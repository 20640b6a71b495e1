import * as assert from 'assert';
import { isLetterCode, isLetterOrDigitCode, isSpaceCode, isWordPartCode } from '../../server/src/core/chars';
import { computeLineStarts } from '../../server/src/core/text';
import { emphasisMarks, italicRunCount, runEndAt, runStartAt } from '../../server/src/core/parser/inline';
import { letterBefore } from '../../server/src/core/parser/citations';
import { parse } from '../../server/src/core/parser';
import { phraseKnowledge } from '../../server/src/core/phrase-knowledge';

/** The runs italicRunCount found, as [start, end) pairs. */
function runs(source: string, from: number, to: number, marks?: Int32Array): Array<[number, number]> {
  const n = italicRunCount(source, from, to, marks);
  const out: Array<[number, number]> = [];
  for (let k = 0; k < n; k++) out.push([runStartAt(k), runEndAt(k)]);
  return out;
}

describe('scan fast paths: the same answers as the plain definitions they replace', () => {
  it('character classes equal their regular expressions on every code unit of the BMP', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      assert.strictEqual(isLetterCode(c), /^\p{L}/u.test(ch), `letter ${c.toString(16)}`);
      assert.strictEqual(isSpaceCode(c), /\s/.test(ch), `space ${c.toString(16)}`);
      assert.strictEqual(isLetterOrDigitCode(c), /[\p{L}\p{N}]/u.test(ch), `letter or digit ${c.toString(16)}`);
      assert.strictEqual(isWordPartCode(c), /^[\p{L}\p{M}'’-]/u.test(ch), `word part ${c.toString(16)}`);
    }
  });

  it('line starts found by jumping between line breaks equal a character scan, with and without carriage returns', () => {
    const scan = (text: string) => {
      const starts = [0];
      for (let i = 0; i < text.length; i++) {
        if (text[i] === '\r') {
          if (text[i + 1] === '\n') i++;
          starts.push(i + 1);
        } else if (text[i] === '\n') starts.push(i + 1);
      }
      return starts;
    };
    for (const text of ['', 'a', '\n', 'a\nb\n\nc', 'a\r\nb\rc\n', '\r\r\n\n', 'x\n'.repeat(50) + 'end'])
      assert.deepStrictEqual(computeLineStarts(text), scan(text), JSON.stringify(text));
  });

  it('emphasis runs read over the marks only equal those of the scan of every character', () => {
    const texts = [
      '*Encourages* Member States and *invites* others;',
      '**bold** and *italic* and _under_ and snake_case_word *a _b* c_ d',
      'escaped \\*not* and *open \\* still* and ***three*** end*',
      '*Welcoming* the *report* of the *Secretary-General*,¹ and *“quoted”*.',
      '* spaced * and *tight*x and x*y* and *a*b*c*',
    ];
    for (const text of texts) {
      const marks = emphasisMarks(text);
      for (let from = 0; from < text.length; from += 3)
        for (const to of [text.length, Math.min(text.length, from + 12)])
          assert.deepStrictEqual(runs(text, from, to, marks), runs(text, from, to), `${JSON.stringify(text)} [${from}, ${to})`);
    }
  });

  it('a letter before an offset is seen as the look-behind (?<![\\p{L}]) sees it, astral letters included', () => {
    for (const text of ['resolution', 'xresolution', ' resolution', 'éresolution', '𝒜resolution', '😀resolution', '\ud835resolution']) {
      const at = text.indexOf('resolution');
      assert.strictEqual(letterBefore(text, at), !/(?<![\p{L}])resolution/u.test(text.slice(0, at + 10)), JSON.stringify(text));
    }
  });

  it('a yes/no phrase question answers as the full match does', () => {
    for (const lang of ['en', 'fr', 'es'] as const) {
      const book = phraseKnowledge({}, lang);
      for (const words of [
        ['Also', 'strongly', 'encourages', 'States'],
        ['Further', 'recalling'],
        ['Prie', 'également'],
        ['Recordando', 'además'],
        ['Member', 'States'],
        ['Calls', 'upon'],
        [],
      ])
        for (const kind of ['operative', 'preambular'] as const)
          assert.strictEqual(book.opens(words, kind), !!book.match(words, kind), `${lang} ${kind} ${words.join(' ')}`);
    }
  });

  it('a slip inside a phrase is still found after the shortcuts (“Noting with concen”)', () => {
    const book = phraseKnowledge({}, 'en');
    assert.deepStrictEqual(book.suggestInPhrase('preambular', ['Noting', 'with', 'concen']), { index: 2, word: 'concern' });
    assert.strictEqual(book.suggestInPhrase('operative', ['Encourages', 'Member', 'States']), undefined);
    const doc = parse('The General Assembly,\n\n*Noting with concen* the report,\n\n1. *Decides* to remain seized of the matter.\n');
    assert.strictEqual(doc.kind, 'resolution');
  });
});
