import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { importBytes } from '../../server/src/core/import';
import { looksLikePrintedText } from '../../server/src/core/import/furniture';
import { writtenByProject } from '../../server/src/core/import/corpusFiles';
import { exportDocx } from '../../server/src/core/office/export';
import { layoutOf } from '../../server/src/core/office/layout';
import { loadDraftSource } from '../../server/src/core/office/sources';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { readDocx } from '../support/docxReader';
import { expectedParagraphs } from '../support/drafts';

const SHARED = path.resolve(__dirname, '../../../../shared');
const PDF = path.join(SHARED, 'pdf');
const AKN = path.join(SHARED, 'corpus/un-ga-akn4un');
const PRINTED = path.resolve(__dirname, '../../../test/fixtures/import/A_78_L_99.txt');

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

async function imported(file: string): Promise<string> {
  return (await importBytes(new Uint8Array(fs.readFileSync(file)), { fileName: file })).draft;
}

function paragraphsOf(docx: string): { accept: string[]; reject: string[] } {
  const read = readDocx(new Uint8Array(fs.readFileSync(docx)));
  return { accept: read.accept.map((p) => p.text), reject: read.reject.map((p) => p.text) };
}

const expected = (text: string) => expectedParagraphs(layoutOf(text), 'as-written');

describe('printed text and the project’s own Word files are told apart', () => {
  it('text copied out of a PDF reads as printed; the seeds and drafts in the project format do not', () => {
    assert.strictEqual(looksLikePrintedText(fs.readFileSync(PRINTED, 'utf8')), true);
    const seeds = path.resolve(__dirname, '../../../seeds');
    for (const f of fs.readdirSync(seeds).filter((n) => n.endsWith('.txt')))
      assert.strictEqual(looksLikePrintedText(fs.readFileSync(path.join(seeds, f), 'utf8')), false, f);
    assert.strictEqual(
      looksLikePrintedText('A/78/L.5\n\nDistr.: Limited\n\nThe General Assembly,\n\n*Recalling* its resolution 77/1,\n'),
      false,
    );
    assert.strictEqual(
      looksLikePrintedText('A/78/L.5\n\nDistr.: Limited\n\nThe General Assembly,\n\nRecalling its resolution 77/1,\n'),
      true,
    );
  });

  it('an export or a redline of the project names the project as its writer; another Word file does not', () => {
    assert.strictEqual(writtenByProject(exportDocx('The General Assembly,\n\n1. *Decides* to act.\n')), true);
    assert.strictEqual(writtenByProject(new Uint8Array(Buffer.from('The General Assembly,'))), false);
  });
});

describe('command line: PDF, Word and printed text as draft, base and corpus', function () {
  this.timeout(120_000);
  let dir = '';
  let corpus = '';
  before(function () {
    if (!fs.existsSync(PDF) || !fs.existsSync(AKN)) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-office-inputs-'));
    corpus = path.join(dir, 'corpus');
    fs.mkdirSync(corpus);
    // the Syrian Golan series of sessions 75 and 76 (AKN), a neighbouring title, and two unrelated PDFs
    for (const f of ['75/75_24_E.xml', '76/A_RES_76_11-2117886E.xml', '76/A_RES_76_81-2118634E.xml'])
      fs.copyFileSync(path.join(AKN, f), path.join(corpus, path.basename(f)));
    for (const f of ['A_RES_78_104.pdf', 'A_RES_78_109.pdf']) fs.copyFileSync(path.join(PDF, f), path.join(corpus, f));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('base of an official PDF names the latest resolution of its series in a folder of AKN and PDF files', async () => {
    const r = await run(['base', path.join(PDF, 'A_RES_78_11.pdf'), '--corpus', corpus, '--no-builtin', '--format', 'json']);
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as {
      base: { symbol: string; path: string } | null;
      candidates: Array<{ symbol: string }>;
      warnings: string[];
    };
    assert.strictEqual(j.base?.symbol, 'A/RES/76/11');
    assert.ok(j.candidates.some((c) => c.symbol === 'A/RES/75/24'));
    assert.ok(Array.isArray(j.warnings));
    assert.doesNotMatch(r.err, /skipped/);
  });

  it('a PDF in the corpus is a base candidate with the symbol, title and date of its front matter; the project’s own Word files are not', async () => {
    const pdfCorpus = path.join(dir, 'pdf-corpus');
    fs.mkdirSync(pdfCorpus);
    for (const f of ['75_24_E.xml', 'A_RES_76_11-2117886E.xml']) fs.copyFileSync(path.join(corpus, f), path.join(pdfCorpus, f));
    fs.copyFileSync(path.join(PDF, 'A_RES_78_11.pdf'), path.join(pdfCorpus, 'golan-2023.pdf'));
    // next year's draft: this year's text under a new symbol and session
    const draft = path.join(dir, 'golan-79.res.md');
    const text = (await imported(path.join(PDF, 'A_RES_78_11.pdf')))
      .replace(/^A\/RES\/78\/11$/m, 'A/79/L.7')
      .replace('Seventy-eighth session', 'Seventy-ninth session');
    fs.writeFileSync(draft, text);
    // the draft's own export and redline lie in the same folder
    assert.strictEqual((await run(['export', draft, '-o', path.join(pdfCorpus, 'golan-79.docx')])).code, 0);
    const redline = path.join(pdfCorpus, 'golan-79.redline.docx');
    const made = await run(['redline', draft, '--corpus', pdfCorpus, '--no-builtin', '-o', redline]);
    assert.strictEqual(made.code, 0, made.err);
    assert.match(made.out, /A\/RES\/78\/11 \(.*golan-2023\.pdf\)/);
    const r = await run(['base', draft, '--corpus', pdfCorpus, '--no-builtin', '--format', 'json']);
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as {
      base: { symbol: string; title: string; date: string; path: string };
      candidates: Array<{ path: string }>;
    };
    assert.deepStrictEqual(
      { symbol: j.base.symbol, title: j.base.title, date: j.base.date, file: path.basename(j.base.path) },
      { symbol: 'A/RES/78/11', title: 'The Syrian Golan', date: '28 November 2023', file: 'golan-2023.pdf' },
    );
    assert.ok(!j.candidates.some((c) => /golan-79/.test(c.path)), JSON.stringify(j.candidates));
    assert.match(r.err, /skipped .*golan-79\.docx: written by Resolution Drafting \(an export or a redline\)/);
    assert.doesNotMatch(r.err, /golan-79\.redline\.docx/);
    // the redline found that PDF: reject all = the imported PDF, accept all = the draft
    const read = paragraphsOf(redline);
    assert.deepStrictEqual(read.reject, expected(await imported(path.join(PDF, 'A_RES_78_11.pdf'))));
    assert.deepStrictEqual(read.accept, expected(text));
  });

  it('redline of a PDF against a PDF: accept all = the imported draft, reject all = the imported base', async () => {
    const out = path.join(dir, 'pdf.redline.docx');
    const draftPdf = path.join(PDF, 'A_RES_78_11.pdf');
    const basePdf = path.join(PDF, 'A_RES_78_104.pdf');
    const r = await run(['redline', draftPdf, '--base', basePdf, '-o', out]);
    assert.strictEqual(r.code, 0, r.err);
    const read = paragraphsOf(out);
    assert.deepStrictEqual(read.accept, expected(await imported(draftPdf)));
    assert.deepStrictEqual(read.reject, expected(await imported(basePdf)));
  });

  it('redline of printed text against an AKN base: accept all = what `resolution import` gives for the text', async () => {
    const out = path.join(dir, 'printed.redline.docx');
    const r = await run(['redline', PRINTED, '--base', path.join(corpus, 'A_RES_76_11-2117886E.xml'), '-o', out]);
    assert.strictEqual(r.code, 0, r.err);
    const viaImport = await run(['import', PRINTED]);
    assert.strictEqual((await loadDraftSource(PRINTED)).text.trimEnd(), viaImport.out.trimEnd());
    assert.deepStrictEqual(paragraphsOf(out).accept, expected(viaImport.out));
  });

  it('export of a Word file and of printed text; a damaged PDF is refused with the import’s message', async () => {
    const docx = path.join(dir, 'printed.docx');
    assert.strictEqual((await run(['export', PRINTED, '-o', docx])).code, 0);
    const again = path.join(dir, 'again.docx');
    const r = await run(['export', docx, '-o', again]);
    assert.strictEqual(r.code, 0, r.err);
    assert.deepStrictEqual(paragraphsOf(again).accept, paragraphsOf(docx).accept);
    const bad = path.join(dir, 'bad.pdf');
    fs.writeFileSync(bad, fs.readFileSync(path.join(PDF, 'A_RES_78_11.pdf')).subarray(0, 3000));
    const b = await run(['base', bad, '--corpus', corpus, '--no-builtin']);
    assert.strictEqual(b.code, 2);
    assert.match(b.err, /^resolution base: cannot import .*bad\.pdf: not a readable PDF/m);
    const rl = await run(['redline', PRINTED, '--base', bad, '-o', path.join(dir, 'x.docx')]);
    assert.strictEqual(rl.code, 2);
    assert.match(rl.err, /cannot import .*bad\.pdf/);
  });

  it('a damaged PDF in a corpus folder is skipped with a reason; the precedent corpus reads the PDFs', async () => {
    const c = new Corpus();
    const report = await c.load({ builtin: false, paths: [corpus] });
    for (const s of ['A/RES/78/104', 'A/RES/78/109']) assert.strictEqual(c.symbolInfo(s)?.symbol, s);
    assert.deepStrictEqual(report.skipped, []);
    const broken = path.join(dir, 'broken');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'bad.pdf'), fs.readFileSync(path.join(PDF, 'A_RES_78_11.pdf')).subarray(0, 3000));
    const r2 = await new Corpus().load({ builtin: false, paths: [broken] });
    assert.strictEqual(r2.skipped.length, 1);
    assert.match(r2.skipped[0].reason, /not a readable PDF/);
  });
});
