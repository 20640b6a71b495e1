import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importBytes } from '../../server/src/core/import';
import { lDocFrontMatter, readLDocHeader } from '../../server/src/core/import/ldoc';
import { exportDocx } from '../../server/src/core/office/export';
import { parse } from '../../server/src/core/parser';
import { aknToTexts } from '../tools/akn';
import { viewerText } from '../bench/import-accuracy';
import { hasSoffice, sofficeConvert } from '../support/fodt';
import { ROOT } from '../support/paths';
import { asLDocument, compareDrafts, fromAuthority, SHARED_PDF, sharedPdfNames } from '../support/importCompare';

const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const pdftotext = (file: string, layout = false) =>
  execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });

/** A draft resolution with the full header of an L document, footnotes, asterisk notes. */
const L_DRAFT = `United Nations

A/C.3/78/L.25/Rev.1\\*

General Assembly

Distr.: Limited
8 November 2023

Original: English

Seventy-eighth session
Third Committee
Agenda item 71 (b)
Promotion and protection of human rights: human rights questions, including alternative approaches for improving the effective enjoyment of human rights and fundamental freedoms

Argentina, Chile\\*\\*, Costa Rica, Mexico, Panama and Uruguay: revised draft resolution

## Protection of migrants

\\* Reissued for technical reasons on 15 November 2023.

\\*\\* On behalf of the States Members of the United Nations that are members of the Group of Latin American and Caribbean States.

*The General Assembly*,

*Recalling* all its previous resolutions on the protection of migrants, the most recent of which is resolution 76/172 of 16 December 2021,¹

¹ See also Human Rights Council resolution 50/12.

*Reaffirming* the Universal Declaration of Human Rights,² and recalling the International Covenant on Civil and Political Rights,

² Resolution 217 A (III).

*Deeply concerned* at the large and growing number of migrants, including women and children, who have lost their lives or have been injured in attempts to cross international borders,

1. *Calls upon* States to promote and protect effectively the human rights and fundamental freedoms of all migrants, regardless of their migration status;

2. *Requests* the Secretary-General to report to the General Assembly at its eightieth session on the implementation of the present resolution.
`;

describe('import: L documents (draft resolutions as the secretariat issues them)', function () {
  this.timeout(300000);

  it('reads the header in any order an extraction gives it: symbol, distribution, date, session, committee, agenda, sponsors over several lines, title, notes', () => {
    const h = readLDocHeader([
      'A/C.3/78/L.25/Rev.1*',
      'United Nations',
      'Distr.: Limited',
      'General Assembly',
      '8 November 2023',
      'Original: English',
      'Seventy-eighth session',
      'Third Committee',
      'Agenda item 71 (b)',
      'Promotion and protection of human rights: human rights questions',
      'Argentina, Chile**, Costa Rica, Mexico,',
      'Panama and Uruguay: revised draft',
      'resolution',
      'Protection of migrants',
      '* Reissued for technical reasons on 15 November 2023.',
    ]);
    assert.ok(h);
    assert.strictEqual(h.symbol, 'A/C.3/78/L.25/Rev.1*');
    assert.strictEqual(h.body, 'General Assembly');
    assert.strictEqual(h.date, '8 November 2023');
    assert.deepStrictEqual(h.session, ['Seventy-eighth session', 'Third Committee', 'Agenda item 71 (b)']);
    assert.strictEqual(h.agendaTitle, 'Promotion and protection of human rights: human rights questions');
    assert.strictEqual(h.sponsors, 'Argentina, Chile**, Costa Rica, Mexico, Panama and Uruguay: revised draft resolution');
    assert.strictEqual(h.kind, 'revised draft resolution');
    assert.strictEqual(h.title, 'Protection of migrants');
    assert.deepStrictEqual(h.notes, ['* Reissued for technical reasons on 15 November 2023.']);
    assert.deepStrictEqual(lDocFrontMatter(h).slice(0, 3), ['United Nations', 'A/C.3/78/L.25/Rev.1\\*', 'General Assembly']);
    assert.strictEqual(readLDocHeader(['A/RES/78/11', 'General Assembly', 'Distr.: General']), undefined);
  });

  it('a plain-text L document as pdftotext prints it: header to front matter, running symbol, job numbers and page numbers dropped, footnotes, asterisk note', async () => {
    const input = fs.readFileSync(path.join(FIXTURES, 'A_78_L_99.txt'));
    const { draft } = await importBytes(input, { fileName: 'A_78_L_99.txt' });
    assert.strictEqual(draft, fs.readFileSync(path.join(FIXTURES, 'A_78_L_99.expected.md'), 'utf8'));
    const doc = parse(draft);
    assert.strictEqual(doc.symbol?.text, 'A/78/L.99');
    assert.strictEqual(doc.title?.text, 'Tackling illicit trafficking in wild fauna and flora');
    assert.strictEqual(doc.preamble.length, 5);
    assert.deepStrictEqual(
      doc.operative.map((p) => p.number?.value),
      [1, 2, 3],
    );
    assert.strictEqual(doc.footnoteDefinitions.length, 4);
    assert.ok(!/23-22334|2\/2|Please recycle|201123/.test(draft), draft);
  });

  describe('import(export(draft)) keeps the L-document header: Word, PDF made by LibreOffice, its text', () => {
    let dir = '';
    let docx = '';
    let pdf = '';
    before(function () {
      if (!hasSoffice()) {
        console.log('      skipped: LibreOffice (soffice) not installed');
        this.skip();
      }
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-ldoc-'));
      docx = path.join(dir, 'L25.docx');
      fs.writeFileSync(docx, exportDocx(L_DRAFT));
      [pdf] = sofficeConvert([docx], 'pdf', dir);
    });
    after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

    it('the .docx', async () => {
      const { draft } = await importBytes(fs.readFileSync(docx));
      assert.strictEqual(draft, L_DRAFT);
    });
    it('the PDF', async () => {
      const { draft } = await importBytes(fs.readFileSync(pdf));
      assert.strictEqual(draft, L_DRAFT);
      const doc = parse(draft);
      assert.strictEqual(doc.symbol?.text, 'A/C.3/78/L.25/Rev.1');
      assert.strictEqual(doc.title?.text, 'Protection of migrants');
    });
    it('the PDF as text: pdftotext, pdftotext -layout, a viewer copy', async function () {
      if (!hasPdftotext()) {
        console.log('      skipped: pdftotext (poppler-utils) not installed');
        this.skip();
      }
      for (const [label, text] of [
        ['pdftotext', pdftotext(pdf)],
        ['pdftotext -layout', pdftotext(pdf, true)],
        ['viewer', Buffer.from(await viewerText(fs.readFileSync(pdf)))],
      ] as Array<[string, Buffer]>) {
        const { draft } = await importBytes(text, { fileName: 'L25.txt' });
        assert.strictEqual(draft, L_DRAFT, label);
      }
    });
  });

  it('the body of L documents made from adopted texts (exported, printed by LibreOffice) imports ≥ 95 % exactly from the PDF, most of it from its text', async function () {
    const names = sharedPdfNames();
    if (!names.length || !hasSoffice() || !hasPdftotext()) {
      console.log('      skipped: ../shared, LibreOffice or pdftotext not present');
      this.skip();
    }
    // a sample across the 60 texts; the benchmark (import-accuracy --ldoc) runs all of them
    const sample = names.filter((_, i) => i % 10 === 3);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-ldoc-body-'));
    try {
      const drafts = sample.map((n, i) =>
        asLDocument(aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${n}.akn.xml`), 'utf8'))[0], i + 1),
      );
      const files = drafts.map((d, i) => {
        const f = path.join(dir, `L${i + 1}.docx`);
        fs.writeFileSync(f, exportDocx(d, { openings: 'as-written' }));
        return f;
      });
      const pdfs = sofficeConvert(files, 'pdf', dir);
      const totals = { pdf: [0, 0], text: [0, 0] };
      for (let i = 0; i < pdfs.length; i++) {
        const want = fromAuthority(drafts[i]);
        const fromPdf = (await importBytes(fs.readFileSync(pdfs[i]))).draft;
        const fromText = (await importBytes(pdftotext(pdfs[i]), { fileName: 'l.txt' })).draft;
        assert.ok(readLDocHeader(fromPdf.slice(0, fromPdf.indexOf('*The General Assembly*')).split('\n\n')), `${sample[i]}: no L header`);
        for (const [k, got] of [
          ['pdf', fromPdf],
          ['text', fromText],
        ] as const) {
          const m = compareDrafts(want, fromAuthority(got), false);
          totals[k][0] += m.exact;
          totals[k][1] += m.paragraphs;
        }
      }
      for (const [k, [exact, all]] of Object.entries(totals)) {
        console.log(`      L documents (${sample.length}), ${k}: ${exact}/${all} paragraphs exact (${((100 * exact) / all).toFixed(1)} %)`);
        // pdftotext reads LibreOffice's print less well (a justified line's words on lines of their
        // own, the footnote rule drawn, not printed): the PDF itself must give 95 %
        assert.ok(exact / all >= (k === 'pdf' ? 0.95 : 0.8), `${k}: ${exact}/${all}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
