/**
 * Sub-paragraph labels in Russian, Arabic and Chinese: the series of the lexicon, the parser reading
 * them in the draft's language, the sequence check and its re-lettering writing them back in the
 * list's own alphabet. Real paragraphs are read from ../shared/corpus at test time.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { applyEdits, fixAll, subLabel } from '../../server/src/core/fix';
import { labelAlphabetOf, letterValue, lettersOf, numeralValue, subLabelValues } from '../../server/src/core/lexicon';
import type { ResolutionDocument, SubParagraph } from '../../server/src/core/model';
import { aknToTexts } from '../tools/akn';
import { sharedCorpusDir } from '../tools/corpus-path';

function labels(doc: ResolutionDocument): string[][] {
  return doc.operative.filter((p) => p.subparagraphs.length).map((p) => p.subparagraphs.map((s: SubParagraph) => s.label.text.trim()));
}

function words(text: string): string[] {
  // the words of a text, labels left out ("а)", "(ب)", "c)" …)
  return text
    .split(/\s+/)
    .filter((w) => w && !/^\(?[^\s()]{1,3}\)$/.test(w))
    .map((w) => w.replace(/[*_]/g, ''));
}

describe('sub-paragraph labels in other alphabets', () => {
  it('the lexicon counts each series and writes it back, for any length', () => {
    assert.deepStrictEqual(
      [1, 2, 3, 4, 29, 30].map((n) => lettersOf('cyrillic', n)),
      ['а', 'б', 'в', 'г', 'аа', 'бб'],
    );
    assert.deepStrictEqual(
      [1, 2, 3, 4, 5, 26, 27].map((n) => lettersOf('abjad', n)),
      ['أ', 'ب', 'ج', 'د', 'ه', 'ض', 'أ أ'],
    );
    for (const a of ['latin', 'cyrillic', 'abjad'] as const)
      for (let n = 1; n <= 60; n++) assert.strictEqual(letterValue(a, lettersOf(a, n)), n);
    // Arabic as typed: with a tatweel, a presentation form, doubled without the space
    assert.strictEqual(letterValue('abjad', 'هـ'), 5);
    assert.strictEqual(letterValue('abjad', 'ﻫ'), 5);
    assert.strictEqual(letterValue('abjad', 'أأ'), 27);
    assert.strictEqual(letterValue('cyrillic', 'ё'), undefined);
    assert.strictEqual(labelAlphabetOf('в'), 'cyrillic');
    assert.strictEqual(labelAlphabetOf('с'), 'latin'); // looks like c
    assert.strictEqual(labelAlphabetOf('ج'), 'abjad');
  });

  it('a Cyrillic letter that looks Latin reads as the value that continues its list', () => {
    const ru = ['latin', 'cyrillic'] as const;
    assert.strictEqual(subLabelValues('с', ru, 3).alpha, 3); // c) after b)
    assert.strictEqual(subLabelValues('с', ru, 17).alpha, 17); // с) after р)
    assert.strictEqual(subLabelValues('с', ru).alpha, 3); // alone: the UN's Latin reading
    assert.strictEqual(subLabelValues('в', ru, 3).alpha, 3);
    assert.strictEqual(subLabelValues('в').alpha, undefined); // not a label of an English draft
    assert.strictEqual(subLabelValues('ب', ['abjad', 'latin'], 2).alpha, 2);
  });

  it('re-lettering keeps the alphabet of the list: в) never becomes c)', () => {
    assert.strictEqual(subLabel('paren-alpha', 3, 'в)'), 'в)');
    assert.strictEqual(subLabel('paren-alpha', 4, 'в)'), 'г)');
    assert.strictEqual(subLabel('paren-alpha', 4, '(ج)'), '(د)');
    assert.strictEqual(subLabel('paren-alpha', 27, '(ض)'), '(أ أ)');
    assert.strictEqual(subLabel('paren-alpha', 1, 'а)', 'latin'), 'а)'); // a Cyrillic а) that reads a stays as typed
    assert.strictEqual(subLabel('paren-alpha', 2, 'а)', 'latin'), 'b)');
    assert.strictEqual(subLabel('paren-alpha', 2, 'а)', 'cyrillic'), 'б)');
  });

  it('second-level labels of Arabic (’1‘, ’2‘) and Chinese (㈠, ㈡) count like (i), (ii)', () => {
    assert.strictEqual(numeralValue('’12‘'), 12);
    assert.strictEqual(numeralValue('㈢'), 3);
    assert.strictEqual(numeralValue('㈩'), 10);
    assert.strictEqual(numeralValue('’0‘'), undefined);
    assert.strictEqual(subLabelValues('㈡').roman, 2);
    assert.strictEqual(subLabel('paren-roman', 3, '’1‘'), '’3‘');
    assert.strictEqual(subLabel('paren-roman', 2, '㈢'), '㈡');
    assert.strictEqual(subLabel('paren-roman', 11, '㈠'), '(xi)'); // past ㈩: a label the parser reads back
  });

  it('a Russian draft lettered а) б) в): parsed, checked and re-lettered in Russian letters', () => {
    const draft = [
      'Генеральная Ассамблея,',
      '',
      '*ссылаясь* на свои прежние решения по этому вопросу,',
      '',
      '1. *просит* все государства:',
      '',
      'а) представлять сведения о принятых ими мерах;',
      '',
      'б) оказывать друг другу помощь в подготовке таких сведений;',
      '',
      'г) сообщать о трудностях, с которыми они сталкиваются;',
      '',
      '2. *постановляет* продолжить рассмотрение этого вопроса на своей следующей сессии.',
      '',
    ].join('\n');
    const doc = parse(draft, { language: 'ru' });
    assert.deepStrictEqual(labels(doc), [['а)', 'б)', 'г)']]);
    const found = checkDocument(doc).filter((f) => f.rule === 'subparagraph-sequence');
    assert.strictEqual(found.length, 1);
    assert.match(found[0].message, /в\)/);
    const fixed = applyEdits(draft, found[0].fix!.edits);
    assert.deepStrictEqual(labels(parse(fixed, { language: 'ru' })), [['а)', 'б)', 'в)']]);
    const all = fixAll(draft, (t) => checkDocument(parse(t, { language: 'ru' })));
    assert.ok(all.text.includes('\nв) сообщать'), all.text);
    assert.deepStrictEqual(words(all.text), words(draft));
  });

  const corpus = sharedCorpusDir();
  const read = (lang: string, file: string): string | undefined => {
    const p = corpus && path.join(corpus, `un-ga-akn4un-${lang}`, file);
    return p && fs.existsSync(p) ? aknToTexts(fs.readFileSync(p, 'utf8'))[0] : undefined;
  };

  it('adopted Russian texts: a Cyrillic а) or с) typed in a Latin list is one of its sub-paragraphs', function () {
    const a = read('ru', '76/A_RES_76_278-2210334R.xml');
    const b = read('ru', '76/A_RES_76_109-2118664R.xml');
    if (!a || !b) return this.skip(); // skipped: ../shared not present
    for (const text of [a, b]) {
      const doc = parse(text);
      assert.strictEqual(doc.lang, 'ru');
      const lists = labels(doc).filter((l) => /[аес]/.test(l.join(' ')));
      assert.ok(lists.length >= 1, 'a list opening with a Cyrillic а)');
      for (const l of lists) assert.strictEqual(l[1], 'b)');
      assert.deepStrictEqual(
        checkDocument(doc).filter((f) => f.rule === 'subparagraph-sequence'),
        [],
      );
    }
  });

  it('adopted Arabic texts: (أ) (ب) (ج) … (ض) (أأ) (ب ب) are sub-paragraphs in sequence', function () {
    const text = read('ar', '76/A_RES_76_140-2119150A.xml');
    if (!text) return this.skip(); // skipped: ../shared not present
    const doc = parse(text);
    assert.strictEqual(doc.lang, 'ar');
    const long = doc.operative.find((p) => p.subparagraphs.length > 26)!;
    assert.ok(long, 'the paragraph with more than 26 sub-paragraphs');
    assert.deepStrictEqual(
      long.subparagraphs.map((s) => s.value),
      long.subparagraphs.map((_, i) => i + 1),
    );
    assert.strictEqual(long.subparagraphs[0].label.text.trim(), '(أ)');
    assert.strictEqual(long.subparagraphs[27].label.text.trim(), '(ب ب)');
    assert.deepStrictEqual(
      checkDocument(doc).filter((f) => f.rule === 'subparagraph-sequence'),
      [],
    );
    // a letter out of its place: the fix writes the abjad letter, and only the label changes
    const third = long.subparagraphs[2];
    const broken = text.slice(0, third.label.start) + '(د)' + text.slice(third.label.end);
    const finding = checkDocument(parse(broken)).find((f) => f.rule === 'subparagraph-sequence');
    assert.ok(finding?.fix);
    assert.deepStrictEqual(
      finding.fix.edits.map((e) => e.newText),
      ['(ج)'],
    );
    assert.strictEqual(applyEdits(broken, finding.fix.edits), text);
  });

  it('an Arabic note to a table, "(أ)" where the English has "*a*", opens no list', function () {
    const text = read('ar', '76/A_RES_76_239-2119694A.xml');
    if (!text) return this.skip(); // skipped: ../shared not present
    const doc = parse(text);
    const table = doc.operative.find((p) => p.number?.value === 11)!;
    assert.ok(table.text.includes('| ياء |'));
    assert.strictEqual(table.subparagraphs.length, 0);
    assert.ok(table.text.includes('(أ) تستفيد'), 'the note stays part of its paragraph');
  });

  it('adopted Chinese and Arabic texts: (a) with ㈠ ㈡ under it; (أ) with ’1‘ ’2‘ under it', function () {
    const zh = read('zh', '75/75_325_C.xml');
    const ar = read('ar', '75/75_325_A.xml');
    if (!zh || !ar) return this.skip(); // skipped: ../shared not present
    const shape = (doc: ResolutionDocument) =>
      doc.operative
        .filter((p) => p.subparagraphs.length)
        .map((p) => p.subparagraphs.map((s) => [s.label.text.trim(), ...s.children.map((k) => k.label.text.trim())].join(' ')).join(' | '));
    const zhDoc = parse(zh);
    assert.strictEqual(zhDoc.lang, 'zh');
    assert.deepStrictEqual(shape(zhDoc), ['(a) ㈠ ㈡ | (b)', '(a) | (b) | (c) | (d)', '(a) | (b)']);
    const arDoc = parse(ar);
    assert.strictEqual(arDoc.lang, 'ar');
    assert.deepStrictEqual(shape(arDoc), ['(أ) ’1‘ ’2‘ | (ب)', '(أ) | (ب) | (ج) | (د)', '(أ) | (ب)']);
    for (const doc of [zhDoc, arDoc])
      assert.deepStrictEqual(
        checkDocument(doc).filter((f) => f.rule === 'subparagraph-sequence'),
        [],
      );
    // a second item numbered ’3‘: re-lettered to ’2‘, nothing else changes
    const second = arDoc.operative.find((p) => p.subparagraphs.length)!.subparagraphs[0].children[1];
    const broken = ar.slice(0, second.label.start) + '’3‘' + ar.slice(second.label.end);
    const finding = checkDocument(parse(broken)).find((f) => f.rule === 'subparagraph-sequence');
    assert.ok(finding?.fix);
    assert.strictEqual(applyEdits(broken, finding.fix.edits), ar);
  });
});
