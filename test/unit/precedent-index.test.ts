import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { INDEX_FORMAT_VERSION, PrecedentIndex, similarity, textSimilarity } from '../../server/src/core/precedent/index';
import { chineseSegmenter, normalize, words } from '../../server/src/core/precedent/normalize';
import { TextStore } from '../../server/src/core/precedent/textstore';
import type { Lang } from '../../server/src/core/languages';
import type { ParagraphRecord } from '../../server/src/core/precedent/types';
import { readTextResolution } from '../../server/src/core/precedent/textfile';
import { SHARED_CORPUS, SEEDS } from '../support/paths';

describe('precedent: tokenization per language', () => {
  it('French: case folded, accents kept, elisions split', () => {
    assert.deepStrictEqual(
      words(
        '*Prie* le Secrétaire général de lui présenter, à sa soixante-seizième session, un rapport sur l’application de la présente résolution',
        'fr',
      ),
      [
        'prie',
        'le',
        'secrétaire',
        'général',
        'de',
        'lui',
        'présenter',
        'à',
        'sa',
        'soixante',
        'seizième',
        'session',
        'un',
        'rapport',
        'sur',
        "l'",
        'application',
        'de',
        'la',
        'présente',
        'résolution',
      ],
    );
    assert.deepStrictEqual(words("L'Assemblée générale, jusqu’à ce qu'il soit d'accord", 'fr'), [
      "l'",
      'assemblée',
      'générale',
      "jusqu'",
      'à',
      'ce',
      "qu'",
      'il',
      'soit',
      "d'",
      'accord',
    ]);
    // a word of English keeps its apostrophe inside
    assert.deepStrictEqual(words('Earth’s ecosystem'), ["earth's", 'ecosystem']);
  });

  it('Spanish: case folded, accents kept', () => {
    assert.strictEqual(
      normalize(
        '*Exhorta* a los Estados Miembros a que adopten medidas, de conformidad con la resolución 70/1, de 25 de septiembre de 2015',
        'es',
      ),
      'exhorta a los estados miembros a que adopten medidas de conformidad con la resolución 70 1 de 25 de septiembre de 2015',
    );
  });

  it('Russian: case folded, ё read as е', () => {
    assert.strictEqual(
      normalize('Ещё раз подтверждает свою резолюцию 75/1 и Устав Организации Объединённых Наций', 'ru'),
      'еще раз подтверждает свою резолюцию 75 1 и устав организации объединенных наций',
    );
    assert.strictEqual(textSimilarity('Объединённых Наций', 'Объединенных Наций', 'ru'), 1);
  });

  it('Arabic: diacritics and tatweel dropped, alef, hamza, taa marbuta and alef maqsura unified', () => {
    assert.deepStrictEqual(words('إنّ الجمعيةَ العامـــة، إذ تؤكّد أهمية المسألة', 'ar'), [
      'ان',
      'الجمعيه',
      'العامه',
      'اذ',
      'توكد',
      'اهميه',
      'المساله',
    ]);
    assert.deepStrictEqual(words('الأمم المتحدة', 'ar'), words('الامم المتحده', 'ar'));
    assert.deepStrictEqual(words('مستشفى', 'ar'), words('مستشفي', 'ar'));
    assert.deepStrictEqual(words('القرار ٧٠/١ المؤرخ ٢٥ أيلول/سبتمبر ٢٠١٥', 'ar'), [
      'القرار',
      '70',
      '1',
      'المورخ',
      '25',
      'ايلول',
      'سبتمبر',
      '2015',
    ]);
  });

  it('Chinese: segmented into words (ICU), numbering dropped', () => {
    assert.ok(chineseSegmenter(), 'this Node has ICU word segmentation for Chinese');
    const ws = words('1. 大会，回顾其关于可持续发展的各项决议，包括2015年9月25日第70/1号决议', 'zh');
    assert.deepStrictEqual(ws.slice(0, 3), ['大会', '回顾', '其']);
    assert.ok(ws.includes('决议') && ws.includes('2015') && ws.includes('70'));
    assert.ok(!ws.includes('1.') && ws[0] !== '1');
    assert.ok(!ws.some((w) => /[，。、；]/.test(w)), 'no punctuation among the words');
    // word-level similarity: one changed word of 13 costs 1/13, not a character count
    const a = '大会回顾其关于可持续发展的各项决议';
    const b = '大会重申其关于可持续发展的各项决议';
    assert.ok(textSimilarity(a, b, 'zh') > 0.85 && textSimilarity(a, b, 'zh') < 1);
  });
});

describe('precedent: similarity is one function', () => {
  it('scores word sequences by word-level Levenshtein distance over the longer length', () => {
    assert.strictEqual(textSimilarity('Calls upon Member States to act', 'Calls upon all Member States to act'), 1 - 1 / 7);
    assert.strictEqual(textSimilarity('*Decides* to remain seized of the matter.', '6. Decides to remain seized of the matter'), 1);
    assert.strictEqual(similarity('abc', 'abd'), 1 - 1 / 3);
  });

  it('the index reports the same score as textSimilarity for its matches', () => {
    const corpus = new Corpus();
    const doc = readTextResolution(
      fs.readFileSync(
        path.join(
          SEEDS,
          fs.readdirSync(SEEDS).find((f) => f.startsWith('A-RES-75'))!,
        ),
        'utf8',
      ),
      'a.txt',
    );
    corpus.addRecords(doc.records);
    const q = 'Calls upon Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime';
    const got = corpus.search(q, { top: 3 });
    assert.ok(got.length === 3);
    for (const m of got) assert.strictEqual(m.score, Math.round(textSimilarity(q, m.text) * 1000) / 1000);
  });
});

describe('precedent: text store', () => {
  it('gives back every text exactly', () => {
    const t = new TextStore();
    const texts = [
      '*Calls upon* Member States,¹ to act;',
      '大会，回顾其关于可持续发展的各项决议，',
      'الجمعية العامة،\n\n  إذ تؤكد',
      '',
      'x'.repeat(100),
      'a\ud800b',
    ];
    const ids = texts.map((x) => t.add(x));
    texts.forEach((x, i) => assert.strictEqual(t.get(ids[i]), x));
  });
});

function seedRecords(): ParagraphRecord[] {
  const out: ParagraphRecord[] = [];
  for (const f of fs.readdirSync(SEEDS).sort()) {
    if (!/\.(txt|md)$/.test(f) || /^readme/i.test(f)) continue;
    out.push(...readTextResolution(fs.readFileSync(path.join(SEEDS, f), 'utf8'), path.join(SEEDS, f)).records);
  }
  return out;
}

describe('precedent: serialization', () => {
  it('round-trips: the same matches, prefixes and paragraphs before and after', () => {
    const idx = new PrecedentIndex();
    const records = seedRecords();
    for (const r of records) idx.add(r);
    idx.add({
      text: "L'Assemblée générale, rappelant sa résolution 70/1",
      kind: 'preambular',
      paragraph: '',
      line: 0,
      source: { path: 'fr.xml', symbol: 'A/RES/75/1', date: '1 January 2021' },
      lang: 'fr',
    });
    idx.commit();
    idx.remove(3);
    const bytes = idx.serialize();
    assert.ok(bytes instanceof Uint8Array && bytes.length > 0);
    // from an unaligned copy too (as read from a file into a larger buffer)
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    for (const back of [PrecedentIndex.deserialize(bytes), PrecedentIndex.deserialize(shifted.subarray(3))]) {
      assert.strictEqual(back.size, idx.size);
      assert.deepStrictEqual(back.stats(), idx.stats());
      for (const r of records.filter((_r, i) => i % 3 === 0)) {
        assert.deepStrictEqual(back.search(r.text, { top: 5 }), idx.search(r.text, { top: 5 }));
        const opening = r.text.split(' ').slice(0, 4).join(' ');
        assert.deepStrictEqual(back.prefix(opening, { top: 5 }), idx.prefix(opening, { top: 5 }));
      }
      assert.deepStrictEqual(
        back.search("l'Assemblée générale rappelant sa résolution", { lang: 'fr' }),
        idx.search("l'Assemblée générale rappelant sa résolution", { lang: 'fr' }),
      );
      assert.deepStrictEqual([...back.ids()], [...idx.ids()]);
      // and it keeps working incrementally
      const id = back.add({
        text: 'Welcomes the entry into force of the agreement on marine biodiversity',
        kind: 'operative',
        paragraph: '9',
        line: 9,
        source: { path: 'y', symbol: 'Y' },
      });
      assert.strictEqual(back.search('welcomes the entry into force of the agreement on marine biodiversity', { top: 1 })[0].id, id);
    }
  });

  it('keeps each paragraph once: its word codes read from its text are its words, whatever the text holds', () => {
    // texts whose tokens open with their words, and texts whose words differ from their tokens'
    // (apostrophe inside a word, a word longer than a token, a link, a leading number, elisions, Chinese)
    const texts: Array<[string, Lang]> = [
      ['*Calls upon* all Member States, in particular donor countries, to support the Fund;', 'en'],
      ["Welcomes the Secretary-General's report on the Organization's work (A/76/1)", 'en'],
      ['Notes the internationalizationoftheprocessfortheyear 2030 and the follow-up', 'en'],
      ['Recalls [its resolution](https://undocs.org/A/RES/70/1) of 25 September 2015', 'en'],
      ['6. Decides to remain seized of the matter', 'en'],
      ['...Reaffirming...... ;;;;;;;;;;;; its commitment', 'en'],
      ["Prie le Secrétaire général de lui présenter un rapport sur l'application de la présente résolution", 'fr'],
      ['请秘书长向大会第七十七届会议提交报告', 'zh'],
      ['Отмечает с удовлетворением доклад Генерального секретаря', 'ru'],
    ];
    const idx = new PrecedentIndex();
    const ids = texts.map(([text, lang]) =>
      idx.add({ text, kind: 'operative', paragraph: '1', line: 0, source: { path: 'x', symbol: 'X' }, lang }),
    );
    idx.commit();
    const expected = (i: number) => idx.vocabulary(texts[i][1]).encodeQuery(words(...texts[i]));
    const back = PrecedentIndex.deserialize(idx.serialize());
    for (const [i, id] of ids.entries()) {
      assert.strictEqual(idx.codeOf(id), expected(i), texts[i][0]);
      assert.strictEqual(back.codeOf(id), expected(i), texts[i][0]);
      assert.strictEqual(back.textOf(id), texts[i][0]);
      // found as itself, with the full score
      const top = back.search(texts[i][0], { top: 1, lang: texts[i][1] })[0];
      assert.deepStrictEqual([top.id, top.score, top.text], [id, 1, texts[i][0]]);
    }
    // a paragraph added after loading, with words the loaded index never saw
    const late = back.add({
      text: "Welcomes the Committee's newest recommendations",
      kind: 'operative',
      paragraph: '2',
      line: 0,
      source: { path: 'y', symbol: 'Y' },
    });
    assert.strictEqual(back.codeOf(late), back.vocabulary('en').encodeQuery(words("Welcomes the Committee's newest recommendations")));
    assert.strictEqual(back.search("welcomes the committee's newest recommendations", { top: 1 })[0].id, late);
  });

  it('refuses other data and other format versions with a clear message', () => {
    const idx = new PrecedentIndex();
    idx.add({
      text: 'Decides to remain seized of the matter',
      kind: 'operative',
      paragraph: '1',
      line: 1,
      source: { path: 'x', symbol: 'X' },
    });
    const bytes = idx.serialize();
    assert.throws(() => PrecedentIndex.deserialize(new Uint8Array(40)), /not a serialized index/);
    const other = bytes.slice();
    new DataView(other.buffer).setUint32(4, INDEX_FORMAT_VERSION + 1, true);
    assert.throws(() => PrecedentIndex.deserialize(other), /format version/);
    assert.throws(() => PrecedentIndex.deserialize(bytes.subarray(0, bytes.length - 16)), /truncated/);
  });
});

describe('precedent: languages', () => {
  const source = (l: string) => ({ path: `${l}.xml`, symbol: 'A/RES/75/311', date: '23 July 2021' });
  const rec = (text: string, lang: Lang): ParagraphRecord => ({
    text,
    kind: 'operative',
    paragraph: '6',
    line: 0,
    source: source(lang),
    lang,
  });

  it('returns precedents of the query language only, English by default', () => {
    const idx = new PrecedentIndex();
    const en = idx.add(rec('Calls upon Member States to make illicit trafficking in protected species a serious crime', 'en'));
    const fr = idx.add(rec('*Demande* aux États Membres de faire du trafic illicite d’espèces protégées une infraction grave', 'fr'));
    const es = idx.add(
      rec('*Exhorta* a los Estados Miembros a que tipifiquen el tráfico ilícito de especies protegidas como delito grave', 'es'),
    );
    const ru = idx.add(
      rec('*Призывает* государства-члены квалифицировать незаконный оборот охраняемых видов как серьезное преступление', 'ru'),
    );
    const ar = idx.add(rec('تهيب بالدول الأعضاء أن تجعل الاتجار غير المشروع بالأنواع المحمية جريمة خطيرة', 'ar'));
    const zh = idx.add(rec('吁请会员国将非法贩运受保护物种定为严重犯罪', 'zh'));
    // the same words in two languages ("70/1") must not cross
    const fr2 = idx.add(rec('Rappelant sa résolution 70/1 du 25 septembre 2015', 'fr'));
    const en2 = idx.add(rec('Recalling its resolution 70/1 of 25 September 2015', 'en'));
    idx.commit();
    assert.strictEqual(idx.search('Calls upon Member States to make illicit trafficking a serious crime')[0].id, en);
    assert.strictEqual(
      idx.search("Demande aux États Membres de faire du trafic illicite d'espèces protégées une infraction", { lang: 'fr' })[0].id,
      fr,
    );
    assert.strictEqual(idx.search('Exhorta a los Estados Miembros a que tipifiquen el tráfico ilícito', { lang: 'es' })[0].id, es);
    assert.strictEqual(
      idx.search('ПРИЗЫВАЕТ государства-члены квалифицировать незаконный оборот охраняемых видов', { lang: 'ru' })[0].id,
      ru,
    );
    assert.strictEqual(idx.search('تُهيب بالدول الاعضاء ان تجعل الاتجار غير المشروع بالانواع المحمية جريمه', { lang: 'ar' })[0].id, ar);
    assert.strictEqual(idx.search('吁请会员国将非法贩运受保护物种定为犯罪', { lang: 'zh' })[0].id, zh);
    for (const lang of ['en', 'fr', 'es', 'ru', 'ar', 'zh'] as Lang[]) {
      const got = idx.search('70/1 25 2015', { lang, top: 10 });
      assert.ok(
        got.every((m) => idx.langOf(m.id) === lang),
        `only ${lang}`,
      );
      assert.deepStrictEqual(
        idx.exhaustive('70/1 25 2015', { lang, top: 10 }).map((m) => m.id),
        idx.exact('70/1 25 2015', { lang, top: 10 }).map((m) => m.id),
      );
    }
    const frMatches = idx.search('Rappelant sa résolution 70/1', { lang: 'fr', top: 10 });
    assert.strictEqual(frMatches[0].id, fr2);
    assert.ok(frMatches.every((m) => m.id === fr || m.id === fr2));
    assert.ok(idx.search('Recalling its resolution 70/1', { top: 10 }).every((m) => m.id !== fr2));
    assert.strictEqual(idx.search('Recalling its resolution 70/1')[0].id, en2);
    // prefixes (completion) too
    assert.strictEqual(idx.prefix('Rappelant sa rés', { lang: 'fr' })[0].id, fr2);
    assert.strictEqual(idx.prefix('Rappelant sa rés').length, 0);
    assert.strictEqual(idx.prefix('Призывает государства', { lang: 'ru' })[0].id, ru);
  });

  it('finds the French and Spanish versions of real paragraphs among their own language only', function () {
    const dirs = (['fr', 'es', 'ru', 'ar', 'zh'] as Lang[]).map((l) => [l, path.join(SHARED_CORPUS, `un-ga-akn4un-${l}`, '76')] as const);
    if (!dirs.every(([, d]) => fs.existsSync(d))) {
      console.log('    (skipped: ../shared not present)');
      this.skip();
    }
    const idx = new PrecedentIndex();
    const byLang = new Map<Lang, ParagraphRecord[]>();
    for (const [lang, dir] of dirs) {
      const list: ParagraphRecord[] = [];
      for (const f of fs.readdirSync(dir).sort().slice(0, 8)) {
        for (const d of parseAkn(fs.readFileSync(path.join(dir, f), 'utf8'))) {
          const src = { path: path.join(dir, f), symbol: d.symbol ?? f };
          for (const p of d.paragraphs) list.push({ text: p.text, kind: p.kind, paragraph: p.number, line: 0, source: src, lang });
        }
      }
      byLang.set(lang, list);
      for (const r of list) idx.add(r);
    }
    idx.commit();
    for (const [lang, list] of byLang) {
      assert.ok(list.length > 50, `${lang}: paragraphs read`);
      let same = 0;
      const sample = list.filter((_r, i) => i % 5 === 0);
      for (const r of sample) {
        const [best] = idx.search(r.text, { lang, top: 1 });
        assert.strictEqual(idx.langOf(best.id), lang);
        if (best.score === 1) same++;
      }
      assert.strictEqual(same, sample.length, `${lang}: each paragraph finds itself`);
    }
  });
});
