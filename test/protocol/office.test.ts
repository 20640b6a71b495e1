/* eslint-disable @typescript-eslint/no-explicit-any -- JSON answers of the server's custom requests */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strFromU8, unzipSync } from 'fflate';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { readSeed, SEED } from '../support/paths';
import { readDocx } from '../support/docxReader';
import { expectedParagraphs } from '../support/drafts';
import { layoutOf } from '../../server/src/core/office/layout';
import { importBytes } from '../../server/src/core/import';

describe('Word export, base text and redline over stdio', function () {
  this.timeout(60000);
  let server: TestServer;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-office-lsp-'));
  before(async () => {
    server = await startServer({
      settings: { corpus: { builtin: true }, export: { font: 'Arial', fontSize: 11 }, redline: { author: 'Delegation of Testland' } },
    });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const draftText = readSeed(SEED.ga75);
  const uri = fileUri(path.join(dir, 'draft.res.md'));

  it('resolution/base names A/RES/71/326 for the 2021 wildlife resolution', async () => {
    server.open(uri, draftText);
    const r: any = await server.connection.sendRequest('resolution/base', { uri });
    assert.strictEqual(r.base.symbol, 'A/RES/71/326');
    assert.ok(r.candidates.length >= 1);
  });

  it('resolution/exportWord writes the .docx with the font from the settings', async () => {
    const target = path.join(dir, 'out', 'draft.docx');
    const r: any = await server.connection.sendRequest('resolution/exportWord', { uri, target });
    assert.strictEqual(r.path, target, JSON.stringify(r));
    const read = readDocx(fs.readFileSync(target));
    assert.deepStrictEqual(
      read.accept.map((p) => p.text),
      expectedParagraphs(layoutOf(draftText), 'italic'),
    );
    assert.match(strFromU8(unzipSync(fs.readFileSync(target))['word/styles.xml']), /w:ascii="Arial"[\s\S]*<w:sz w:val="22"\/>/);
  });

  it('resolution/exportRedline writes the redline against the base with the configured author', async () => {
    const target = path.join(dir, 'draft.redline.docx');
    const r: any = await server.connection.sendRequest('resolution/exportRedline', { uri, target });
    assert.strictEqual(r.path, target, JSON.stringify(r));
    assert.strictEqual(r.base.symbol, 'A/RES/71/326');
    assert.ok(r.summary.added > 0 && r.summary.changed > 0);
    const read = readDocx(fs.readFileSync(target));
    assert.deepStrictEqual(
      read.accept.map((p) => p.text),
      expectedParagraphs(layoutOf(draftText), 'as-written'),
    );
    assert.deepStrictEqual(
      read.reject.map((p) => p.text),
      expectedParagraphs(layoutOf(readSeed(SEED.ga71)), 'as-written'),
    );
    assert.deepStrictEqual([...read.revisions.authors], ['Delegation of Testland']);
  });

  it('resolution/changesAgainstBase gives inserted ranges that hold the new words, and deleted words', async () => {
    const r: any = await server.connection.sendRequest('resolution/changesAgainstBase', { uri });
    assert.strictEqual(r.base.symbol, 'A/RES/71/326');
    const lines = draftText.split('\n');
    const textAt = (range: any) =>
      range.start.line === range.end.line ? lines[range.start.line].slice(range.start.character, range.end.character) : '';
    const inserts = r.changes.filter((c: any) => c.kind === 'insert').map((c: any) => textAt(c.range));
    assert.ok(
      inserts.some((t: string) => /pangolin/.test(t)),
      inserts.slice(0, 10).join(' | '),
    );
    assert.ok(r.changes.some((c: any) => c.kind === 'delete' && /pangolins/.test(c.text)));
    assert.ok(r.changes.some((c: any) => c.kind === 'added'));
  });

  it('says why when there is no base, and never throws', async () => {
    const lonely = fileUri(path.join(dir, 'lonely.res.md'));
    server.open(lonely, 'The General Assembly,\n\n*Noting* the weather on the moon,\n\n1. *Decides* to study lunar tides.\n');
    const r: any = await server.connection.sendRequest('resolution/exportRedline', { uri: lonely, target: path.join(dir, 'lonely.docx') });
    assert.match(r.error, /No base text/);
    assert.ok(!fs.existsSync(path.join(dir, 'lonely.docx')));
    const named: any = await server.connection.sendRequest('resolution/changesAgainstBase', {
      uri: fileUri(path.join(dir, 'not-open.res.md')),
    });
    assert.match(named.error, /No open draft/);
    server.open(lonely, 'base: A/RES/12/345\n\nThe General Assembly,\n\n*Noting* x,\n\n1. *Decides* y.\n');
    const missing: any = await server.connection.sendRequest('resolution/exportRedline', {
      uri: lonely,
      target: path.join(dir, 'lonely.docx'),
    });
    assert.match(missing.error, /A\/RES\/12\/345 is not in the precedent corpus/);
  });
});

describe('redline over stdio against an official PDF in the corpus folder', function () {
  this.timeout(90000);
  const pdf = path.resolve(__dirname, '../../../../shared/pdf/A_RES_78_11.pdf');
  let server: TestServer | undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-office-pdf-lsp-'));
  before(async function () {
    if (!fs.existsSync(pdf)) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
    fs.mkdirSync(path.join(dir, 'corpus'));
    fs.copyFileSync(pdf, path.join(dir, 'corpus', 'golan-2023.pdf'));
    server = await startServer({ settings: { corpus: { builtin: false, paths: [path.join(dir, 'corpus')] } } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the PDF as the base of next year’s draft; reject all gives the imported PDF', async () => {
    const adopted = (await importBytes(new Uint8Array(fs.readFileSync(pdf)), { fileName: pdf })).draft;
    const text = adopted.replace(/^A\/RES\/78\/11$/m, 'A/79/L.7').replace('Seventy-eighth session', 'Seventy-ninth session');
    const uri = fileUri(path.join(dir, 'golan.res.md'));
    server!.open(uri, text);
    const target = path.join(dir, 'golan.redline.docx');
    const r: any = await server!.connection.sendRequest('resolution/exportRedline', { uri, target });
    assert.strictEqual(r.base?.symbol, 'A/RES/78/11', JSON.stringify(r));
    const read = readDocx(fs.readFileSync(target));
    assert.deepStrictEqual(
      read.reject.map((p) => p.text),
      expectedParagraphs(layoutOf(adopted), 'as-written'),
    );
    assert.deepStrictEqual(
      read.accept.map((p) => p.text),
      expectedParagraphs(layoutOf(text), 'as-written'),
    );
  });
});
