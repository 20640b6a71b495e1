import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { importBytes, ImportError } from '../../server/src/core/import';
import { parse } from '../../server/src/core/parser';
import { aknToTexts } from '../tools/akn';
import { hasSoffice } from '../support/fodt';
import { compareDrafts, MatchFigures, SHARED_PDF, sharedPdfNames } from '../support/importCompare';

/** A one-page PDF whose page only paints an image: no text layer. */
function imageOnlyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
  ];
  const content = 'q 500 0 0 700 50 50 cm /Im1 Do Q';
  const image = 'ff00ff00';
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  offsets.push(pdf.length);
  pdf += `4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`;
  offsets.push(pdf.length);
  pdf += `5 0 obj\n<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /ASCIIHexDecode /Length ${image.length + 1} >>\nstream\n${image}>\nendstream\nendobj\n`;
  const xref = pdf.length;
  pdf += `xref\n0 6\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(pdf, 'latin1'));
}

function total(figures: MatchFigures[]) {
  const sum = (k: keyof MatchFigures) => figures.reduce((a, f) => a + (f[k] as number), 0);
  return {
    paragraphs: sum('paragraphs'),
    exact: sum('exact'),
    visual: sum('visual'),
    plain: sum('plain'),
    footnotes: sum('footnotes'),
    footnotesExact: sum('footnotesExact'),
  };
}

describe('import: PDF as the UN issues it', function () {
  this.timeout(240000);
  const names = sharedPdfNames();
  before(function () {
    if (!names.length) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
  });

  it('recovers the paragraphs, numbers, italic openings and footnotes of all 60 official PDFs (against the UN XML)', async () => {
    const figures: MatchFigures[] = [];
    for (const name of names) {
      const expected = aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${name}.akn.xml`), 'utf8'))[0];
      const { draft } = await importBytes(fs.readFileSync(path.join(SHARED_PDF, `${name}.pdf`)));
      const m = compareDrafts(expected, draft);
      figures.push(m);
      // every draft parses as a resolution, with its operative paragraphs numbered from the PDF
      const doc = parse(draft);
      assert.ok(doc.authority, `${name}: no authority line`);
      assert.ok(doc.symbol?.text.startsWith('A/RES/78/'), `${name}: symbol ${doc.symbol?.text}`);
      assert.ok(m.exact / m.paragraphs > 0.6, `${name}: only ${m.exact}/${m.paragraphs} paragraphs; first missing: ${m.missing[0]}`);
      // no page furniture left in the text
      assert.ok(
        !/^\d{1,2}-\d{5}/m.test(draft) && !/^\d{1,2}\/\d{1,2}$/m.test(draft) && !/\*\d{7,}\*/.test(draft),
        `${name}: page furniture left`,
      );
    }
    const t = total(figures);
    const pct = (a: number) => (100 * a) / t.paragraphs;
    console.log(
      `      PDF: ${t.exact}/${t.paragraphs} paragraphs exact (${pct(t.exact).toFixed(1)} %), ${pct(t.visual).toFixed(1)} % reading non-breaking hyphens as printed, ` +
        `footnotes ${t.footnotesExact}/${t.footnotes}`,
    );
    // U+2011 (non-breaking hyphen) prints as a hyphen: the PDF cannot tell them apart
    assert.ok(pct(t.visual) >= 95, `paragraphs matched ${pct(t.visual).toFixed(1)} %`);
    assert.ok(pct(t.exact) >= 93, `paragraphs matched exactly ${pct(t.exact).toFixed(1)} %`);
    assert.ok(t.footnotesExact / t.footnotes >= 0.9, `footnotes ${t.footnotesExact}/${t.footnotes}`);
  });

  it('reads the header into front matter: symbol, date, session, agenda item, title', async () => {
    const { draft } = await importBytes(fs.readFileSync(path.join(SHARED_PDF, 'A_RES_78_11.pdf')));
    const front = draft.slice(0, draft.indexOf('*The General Assembly*'));
    for (const line of [
      'A/RES/78/11',
      'Distr.: General',
      '30 November 2023',
      'Seventy-eighth session',
      'Agenda item 34',
      '78/11. The Syrian Golan',
    ]) {
      assert.ok(front.includes(line), `front matter lacks ${line}:\n${front}`);
    }
    const doc = parse(draft);
    assert.strictEqual(doc.symbol?.text, 'A/RES/78/11');
    assert.strictEqual(doc.title?.text, '78/11. The Syrian Golan');
    assert.strictEqual(doc.operative.length, 8);
    assert.deepStrictEqual(
      doc.operative.map((p) => p.number?.value),
      [1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.strictEqual(doc.footnoteDefinitions.length, 2);
    assert.ok(/^¹ A\/78\/315\.$/m.test(draft));
    assert.ok(/^² United Nations, \*Treaty Series\*, vol\. 75, No\. 973\.$/m.test(draft));
  });

  it('imports text copied out of the PDFs (pdftotext): furniture dropped, paragraphs rejoined, openings italicised from the phrase data', async function () {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    } catch {
      console.log('      skipped: pdftotext (poppler-utils) not installed');
      this.skip();
    }
    const figures: MatchFigures[] = [];
    for (const name of names) {
      const expected = aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${name}.akn.xml`), 'utf8'))[0];
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path.join(SHARED_PDF, `${name}.pdf`), '-'], { maxBuffer: 64 << 20 });
      const { draft } = await importBytes(text, { fileName: `${name}.txt` });
      figures.push(compareDrafts(expected, draft));
      assert.ok(!/^\d{1,2}-\d{5}/m.test(draft) && !/^\d{1,2}\/\d{1,2}$/m.test(draft), `${name}: page furniture left`);
      assert.ok(draft.split('\n\n').length > 5, `${name}: no paragraphs`);
    }
    const t = total(figures);
    const pct = (a: number) => (100 * a) / t.paragraphs;
    console.log(
      `      text: ${t.exact}/${t.paragraphs} paragraphs exact (${pct(t.exact).toFixed(1)} %), ${pct(t.plain).toFixed(1)} % without italics, footnotes ${t.footnotesExact}/${t.footnotes}`,
    );
    assert.ok(pct(t.exact) >= 90, `paragraphs matched exactly ${pct(t.exact).toFixed(1)} %`);
    // pdftotext prints a page's footnote numbers apart from their texts, often after them
    assert.ok(t.footnotesExact / t.footnotes >= 0.8, `footnotes ${t.footnotesExact}/${t.footnotes}`);
  });

  it('text: footnote numbers printed after their texts, a spaced marker, a hyphen set apart (" -") joined, non-breaking hyphens of a 78th-session UN print (job number)', async () => {
    const page1 = [
      'Seventy-eighth session',
      'The General Assembly,',
      'Recalling its resolution 70/1 on self -determination, 1',
      'Taking note of the report of the Secretary-General 2 and other relevant non-governmental information,',
      '__________________',
      'See resolution 70/1.',
      'See the report, chap. II.',
      '2',
      '1',
      '23-12345 (E)',
    ].join('\n');
    const page2 = ['1. Requests the Secretary-General to report.', '__________________', '3', 'Not cited.'].join('\n');
    const { draft } = await importBytes(Buffer.from(`${page1}\f${page2}`), { fileName: 'draft.txt' });
    const blocks = draft.trim().split('\n\n');
    assert.ok(blocks.includes('*Recalling* its resolution 70/1 on self-determination,¹'), blocks.join(' | '));
    assert.ok(
      blocks.includes('*Taking note* of the report of the Secretary-General² and other relevant non\u2011governmental information,'),
      blocks.join(' | '),
    );
    assert.ok(/^¹ See resolution 70\/1\.$/m.test(draft) && /^² See the report, chap\. II\.$/m.test(draft), draft);
  });

  it('text: an annex and its numbered sections, names with a plain hyphen, no marker in a symbol (Add.1), footnotes of a word processor without a rule', async () => {
    const page1 = [
      'A/RES/78/999',
      '[on the report of the Fifth Committee (A/78/825/Add.1, para. 6)]',
      '78/999. Small island developing States',
      'The General Assembly,',
      'Recalling the Non-Aligned Countries and the non-governmental organizations in',
      'Non-Self-Governing Territories,',
      'Noting the report 1 and the resolution',
      'of 2023, which was adopted,2 and noting the',
      '1',
      '2',
      'A/78/602.',
      'Resolution 77/1.',
    ].join('\n');
    const page2 = [
      'decision,',
      '1. Adopts the outcome document annexed to the present resolution.',
      '100th plenary meeting',
      '16 July 2024',
      'Annex',
      'Outcome of the',
      'Conference',
      'I.',
      'The story',
      '1. We recall',
      'Agenda',
      '21,',
      'the',
      'Programme.',
      'A.',
      'Resilient economies',
      '(a) Reform by:',
      'B. Data collection and',
      'analysis',
      '(a) Collect data.',
    ].join('\n');
    const { draft } = await importBytes(Buffer.from(`${page1}\f${page2}`), { fileName: 'draft.txt' });
    const blocks = draft.trim().split('\n\n');
    const has = (b: string) => assert.ok(blocks.includes(b), `${b}\n--- in ---\n${blocks.join('\n')}`);
    has('*Recalling* the Non-Aligned Countries and the non\u2011governmental organizations in Non-Self-Governing Territories,');
    has('*Noting* the report¹ and the resolution of 2023, which was adopted,² and noting the decision,');
    has('1. *Adopts* the outcome document annexed to the present resolution.');
    for (const b of [
      '## Annex',
      '## Outcome of the Conference',
      'I.',
      '## The story',
      '1. We recall Agenda 21, the Programme.',
      'A.',
      '## Resilient economies',
      '(a) Reform by:',
      'B.',
      '## Data collection and analysis',
      '(a) Collect data.',
    ])
      has(b);
    assert.ok(/^¹ A\/78\/602\.$/m.test(draft) && /^² Resolution 77\/1\.$/m.test(draft), draft);
    assert.ok(draft.includes('A/78/825/Add.1, para. 6'), draft);
  });

  describe('damaged PDFs: a clear message, never a crash or a hang', () => {
    it('an image-only PDF: no text layer; OCR it first', async () => {
      await assert.rejects(
        importBytes(imageOnlyPdf()),
        (e: Error) => e instanceof ImportError && /no text layer.*OCR it first/.test(e.message),
      );
    });
    it('a truncated PDF', async () => {
      const data = fs.readFileSync(path.join(SHARED_PDF, 'A_RES_78_11.pdf'));
      const cut = data.subarray(0, Math.floor(data.length / 3));
      const started = Date.now();
      try {
        const r = await importBytes(cut);
        // pdf.js may recover the pages it can read: then it says nothing false
        assert.ok(typeof r.draft === 'string');
      } catch (e) {
        assert.ok(e instanceof ImportError, String(e));
        assert.ok(/PDF/.test((e as Error).message), (e as Error).message);
      }
      assert.ok(Date.now() - started < 60000);
    });
    it('bytes that only claim to be a PDF', async () => {
      await assert.rejects(
        importBytes(Buffer.from('%PDF-1.7\n' + 'x'.repeat(2000))),
        (e: Error) => e instanceof ImportError && /not a readable PDF|no text|no pages/.test(e.message),
      );
    });
    it('an encrypted PDF (made by LibreOffice with an open password)', async function () {
      if (!hasSoffice()) {
        console.log('      skipped: LibreOffice (soffice) not installed');
        this.skip();
      }
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-import-pdf-'));
      const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-soffice-'));
      try {
        fs.writeFileSync(path.join(dir, 'secret.txt'), 'Recalling its resolutions,\n');
        const filter =
          'pdf:writer_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}';
        execFileSync(
          'soffice',
          [
            `-env:UserInstallation=file://${profile}`,
            '--headless',
            '--norestore',
            '--convert-to',
            filter,
            '--outdir',
            dir,
            path.join(dir, 'secret.txt'),
          ],
          { stdio: 'ignore', timeout: 120000 },
        );
        const data = fs.readFileSync(path.join(dir, 'secret.pdf'));
        await assert.rejects(
          importBytes(data),
          (e: Error) => e instanceof ImportError && /encrypted \(password-protected\)/.test(e.message),
        );
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
        fs.rmSync(profile, { recursive: true, force: true });
      }
    });
  });
});
