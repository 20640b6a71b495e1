import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { changesAgainstBase, Change } from '../../server/src/core/office/changes';
import { exportDocx } from '../../server/src/core/office/export';
import { layoutOf, parseInline } from '../../server/src/core/office/layout';
import { redlineDocx } from '../../server/src/core/office/redline';
import { readDraftSource, SourceError } from '../../server/src/core/office/sources';
import { readDocx } from '../support/docxReader';
import { corpusPairs, derivedBase, expectedParagraphs, missingWords, seedFiles, sourceWords, words, CORPUS } from '../support/drafts';

const AUTHOR = 'Delegation of Testland';
const DATE = '2026-11-27T10:00:00Z';

function diffLists(actual: string[], expected: string[]): string {
  for (let i = 0; i < Math.max(actual.length, expected.length); i++) {
    if (actual[i] !== expected[i])
      return `paragraph ${i + 1} of ${expected.length} (read ${actual.length}):\n  read:     ${JSON.stringify(actual[i])}\n  expected: ${JSON.stringify(expected[i])}`;
  }
  return 'same';
}

describe('Word export', () => {
  it('reads inline Markdown into runs: italics, bold, links, footnote markers, escapes', () => {
    assert.deepStrictEqual(parseInline('*Recalling* its resolution [70/1](#) of 2015,¹ and **bold** 2 \\* 3<sup>2</sup>[^3]'), [
      { text: 'Recalling', italic: true },
      { text: ' its resolution 70/1 of 2015,' },
      { note: '1' },
      { text: ' and ' },
      { text: 'bold', bold: true },
      { text: ' 2 * 3' },
      { note: '2' },
      { note: '3' },
    ]);
    // an unpaired star stays text; snake_case is not emphasis
    assert.deepStrictEqual(parseInline('5 * 3 and file_name_here'), [{ text: '5 * 3 and file_name_here' }]);
  });

  for (const file of seedFiles()) {
    const name = path.basename(file);
    it(`exports ${name}: every paragraph, number, italic and footnote read back by an independent reader`, () => {
      const text = fs.readFileSync(file, 'utf8');
      const layout = layoutOf(text);
      const read = readDocx(exportDocx(text));
      assert.strictEqual(read.revisions.ins + read.revisions.del + read.revisions.paraIns + read.revisions.paraDel, 0);
      assert.deepStrictEqual(
        read.accept.map((p) => p.text),
        expectedParagraphs(layout, 'italic'),
        diffLists(
          read.accept.map((p) => p.text),
          expectedParagraphs(layout, 'italic'),
        ),
      );
      // nothing of the source is lost, whatever the layout made of it
      const docWords = words(read.accept.map((p) => p.text).join(' '));
      const missing = missingWords(sourceWords(text), docWords);
      assert.deepStrictEqual(missing, [], `words missing from the export: ${missing.slice(0, 20).join(' ')}`);
      const refs = layout.paragraphs.flatMap((p) => p.inlines.filter((r) => 'note' in r)).length;
      assert.strictEqual(read.footnotes, refs);
      if (layout.doc.kind === 'resolution' && layout.doc.operative.length) {
        const ops = read.accept.filter((p) => p.style === 'ResOperative');
        assert.strictEqual(ops.length, layout.doc.operative.length);
        assert.ok(
          ops.every((p) => /^\d+(?: [a-z]+)?\.\t/.test(p.text)),
          'operative paragraphs start with their number and a tab',
        );
        assert.ok(ops.filter((p) => /^\d+\.\t\*[A-Z]/.test(p.text)).length >= ops.length * 0.8, 'operative verbs in italics');
      }
      const pre = read.accept.filter((p) => p.style === 'ResPreambular');
      if (pre.length) assert.ok(pre.filter((p) => p.text.startsWith('*')).length >= pre.length * 0.8, 'preambular openings in italics');
    });
  }

  it('keeps italics exactly as written when asked to', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. *Decides* to act;\n';
    const read = readDocx(exportDocx(text, { openings: 'as-written' }));
    assert.deepStrictEqual(
      read.accept.map((p) => p.text),
      ['The General Assembly,', 'Recalling its resolution 70/1,', '1.\t*Decides* to act;'],
    );
    const italic = readDocx(exportDocx(text));
    assert.strictEqual(italic.accept[1].text, '*Recalling* its resolution 70/1,');
  });

  it('uses the font and size asked for, and leaves the base setting out of the document', () => {
    const docx = exportDocx('base: A/RES/75/311\n\nThe General Assembly,\n\n*Recalling* x,\n\n1. *Decides* y.\n', {
      font: 'Arial',
      size: 11,
    });
    const read = readDocx(docx);
    assert.ok(!read.accept.some((p) => /base/.test(p.text)));
    const styles = strFromU8(unzipSync(docx)['word/styles.xml']);
    assert.match(styles, /w:ascii="Arial"/);
    assert.match(styles, /<w:sz w:val="22"\/>/);
  });

  it('never throws on odd input: empty, binary, markup only', () => {
    for (const t of ['', '\u0000\u0001 binary', '***', '1.', '[^1]: orphan note', '<sup>1</sup>', '*'.repeat(10000)]) {
      const read = readDocx(exportDocx(t));
      assert.ok(Array.isArray(read.accept));
    }
  });
});

describe('Word redline', () => {
  for (const file of seedFiles()) {
    const name = path.basename(file);
    it(`${name} against a derived base: accept all = the draft, reject all = the base`, () => {
      const draft = fs.readFileSync(file, 'utf8');
      const base = derivedBase(draft);
      assert.notStrictEqual(base, draft);
      const { docx, summary } = redlineDocx(base, draft, { author: AUTHOR, date: DATE });
      const read = readDocx(docx);
      const want = expectedParagraphs(layoutOf(draft), 'as-written');
      const was = expectedParagraphs(layoutOf(base), 'as-written');
      assert.deepStrictEqual(
        read.accept.map((p) => p.text),
        want,
        diffLists(
          read.accept.map((p) => p.text),
          want,
        ),
      );
      assert.deepStrictEqual(
        read.reject.map((p) => p.text),
        was,
        diffLists(
          read.reject.map((p) => p.text),
          was,
        ),
      );
      if (layoutOf(draft).doc.kind === 'resolution')
        assert.ok(read.revisions.ins > 0 && read.revisions.del > 0, 'words inserted and deleted');
      else assert.ok(read.revisions.ins > 0, 'the footnote the base lacks is inserted');
      assert.deepStrictEqual([...read.revisions.authors], [AUTHOR]);
      assert.deepStrictEqual([...read.revisions.dates], [DATE]);
      if (layoutOf(draft).doc.operative.length > 3) {
        assert.ok(read.revisions.paraIns > 0, 'a whole paragraph inserted');
        assert.ok(summary.added + summary.moved > 0);
      }
    });
  }

  it('shows a renumbering as changed numbers, a moved paragraph as deleted there and inserted here', () => {
    const base = 'The General Assembly,\n\n*Recalling* A,\n\n*Noting* B,\n\n*Welcoming* C,\n\n1. *Decides* one;\n\n2. *Requests* two.\n';
    const draft =
      'The General Assembly,\n\n*Noting* B,\n\n*Welcoming* C,\n\n*Recalling* A,\n\n1. *Urges* all;\n\n2. *Decides* one;\n\n3. *Requests* two.\n';
    const read = readDocx(redlineDocx(base, draft, { author: AUTHOR, date: DATE }).docx);
    assert.deepStrictEqual(
      read.accept.map((p) => p.text),
      expectedParagraphs(layoutOf(draft), 'as-written'),
    );
    assert.deepStrictEqual(
      read.reject.map((p) => p.text),
      expectedParagraphs(layoutOf(base), 'as-written'),
    );
    assert.match(
      read.xml,
      /<w:del [^>]*><w:r><w:delText xml:space="preserve">1<\/w:delText><\/w:r><\/w:del><w:ins [^>]*><w:r><w:t xml:space="preserve">2<\/w:t>/,
    );
  });

  it('keeps footnotes and italics on both sides: a changed footnote, an italic changed in unchanged words', () => {
    const base = 'The General Assembly,\n\nRecalling its resolution 70/1,[^1]\n\n1. *Decides* to act.\n\n[^1]: Old note.\n';
    const draft =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,[^1]\n\n1. *Decides* to act now.[^2]\n\n[^1]: New note.\n\n[^2]: Added note.\n';
    const read = readDocx(redlineDocx(base, draft, { author: AUTHOR, date: DATE }).docx);
    assert.deepStrictEqual(
      read.accept.map((p) => p.text),
      ['The General Assembly,', '*Recalling* its resolution 70/1,[^New note.]', '1.\t*Decides* to act now.[^Added note.]'],
    );
    assert.deepStrictEqual(
      read.reject.map((p) => p.text),
      ['The General Assembly,', 'Recalling its resolution 70/1,[^Old note.]', '1.\t*Decides* to act.'],
    );
    assert.ok(read.revisions.format > 0, 'the italic is a tracked formatting change');
  });

  it('redlines identical texts with no change at all', () => {
    const text = fs.readFileSync(seedFiles()[0], 'utf8');
    const read = readDocx(redlineDocx(text, text).docx);
    assert.strictEqual(
      read.revisions.ins + read.revisions.del + read.revisions.paraIns + read.revisions.paraDel + read.revisions.format,
      0,
    );
  });

  const pairs = corpusPairs();
  if (pairs.length === 0) {
    it('corpus pairs (skipped: ../shared not present)', function () {
      this.skip();
    });
  } else {
    it(`corpus pairs of one series (session 75 → 76, ${Math.min(pairs.length, 12)} of ${pairs.length}): accept all = the 76 text, reject all = the 75 text`, () => {
      const step = Math.max(1, Math.floor(pairs.length / 12));
      let checked = 0;
      for (let k = 0; k < pairs.length && checked < 12; k += step, checked++) {
        const { base, draft } = pairs[k];
        const b = readDraftSource(base).text;
        const d = readDraftSource(draft).text;
        const read = readDocx(redlineDocx(b, d, { author: AUTHOR, date: DATE }).docx);
        const want = expectedParagraphs(layoutOf(d), 'as-written');
        const was = expectedParagraphs(layoutOf(b), 'as-written');
        assert.deepStrictEqual(
          read.accept.map((p) => p.text),
          want,
          `${path.basename(draft)}: ${diffLists(
            read.accept.map((p) => p.text),
            want,
          )}`,
        );
        assert.deepStrictEqual(
          read.reject.map((p) => p.text),
          was,
          `${path.basename(base)}: ${diffLists(
            read.reject.map((p) => p.text),
            was,
          )}`,
        );
      }
    });
  }
});

describe('Word sources', () => {
  it('converts an AKN4UN resolution to a draft with its footnotes', function () {
    if (!fs.existsSync(CORPUS)) this.skip();
    const file = corpusPairs()[0]?.draft;
    if (!file) this.skip();
    const { text } = readDraftSource(file);
    const layout = layoutOf(text);
    assert.ok(layout.symbol && /^A\/RES\/76\//.test(layout.symbol));
    assert.ok(layout.doc.preamble.length > 0 && layout.doc.operative.length > 0);
    assert.strictEqual(layout.doc.authority?.text, 'The General Assembly,');
    const xml = fs.readFileSync(file, 'utf8');
    assert.strictEqual(layout.doc.footnoteDefinitions.length, (xml.match(/<authorialNote\b/g) ?? []).length);
  });

  it('refuses missing, binary, Word and PDF files with a clear message', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-src-'));
    const cases: Array<[string, Buffer | null, RegExp]> = [
      ['missing.res.md', null, /no such file/],
      ['bin.res.md', Buffer.from([1, 0, 2, 0]), /binary/],
      ['a.docx', Buffer.from('PK\u0003\u0004rest'), /import it first/],
      ['a.pdf', Buffer.from('%PDF-1.7 …'), /PDF/],
      ['bad.xml', Buffer.from('<akomaNtoso><unclosed>'), /malformed XML/],
    ];
    for (const [name, data, re] of cases) {
      const f = path.join(dir, name);
      if (data) fs.writeFileSync(f, data);
      assert.throws(
        () => readDraftSource(f),
        (e: Error) => e instanceof SourceError && re.test(e.message),
        name,
      );
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('changes against base', () => {
  it('locates inserted words in the draft, deleted words and paragraphs, and ignores a change of italics alone', () => {
    const base =
      'The General Assembly,\n\nRecalling its resolution 70/1,\n\n*Noting* the old report,\n\n1. *Decides* to act promptly;\n\n2. *Requests* a report.\n';
    const draft =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act now and together;\n\n2. *Requests* a report.\n\n3. *Decides* to remain seized of the matter.\n';
    const { changes, summary } = changesAgainstBase(base, draft);
    const shown = changes.map((c: Change) =>
      c.kind === 'insert' || c.kind === 'added'
        ? `${c.kind}:${draft.slice(c.start, c.end)}`
        : `${c.kind}@${draft.slice(c.at, c.at + 8)}:${c.text}`,
    );
    assert.deepStrictEqual(shown, [
      'deleted@*Decides:*Noting* the old report,',
      'delete@now and :promptly',
      'insert:now and together',
      'added:*Decides* to remain seized of the matter.',
    ]);
    assert.deepStrictEqual(summary, { added: 1, deleted: 1, moved: 0, changed: 2, unchanged: 1 }); // the italics of "Recalling" count as a change of the paragraph, not of its words
  });
});
