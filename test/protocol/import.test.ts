import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { startServer, TestServer } from '../support/lsp';
import { SHARED_PDF, sharedPdfNames } from '../support/importCompare';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A small Word file with automatic numbering (the numbers are not in the text) and an italic opening. */
function wordFile(): Uint8Array {
  const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
  const r = (text: string, italic = false) => `<w:r>${italic ? '<w:rPr><w:i/></w:rPr>' : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
  const numbered = '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>';
  const body = [
    p(r('The General Assembly,')),
    p(r('Recalling', true) + r(' its resolution 75/311 of 23 July 2021,')),
    p(r('Urges', true) + r(' Member States to act;'), numbered),
    p(r('Requests', true) + r(' the Secretary-General to report.'), numbered),
  ].join('');
  const numbering =
    `<w:numbering ${W}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
    '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>';
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/numbering.xml': strToU8(numbering),
  });
}

interface ImportAnswer {
  draft?: string;
  warnings?: string[];
  error?: string;
}

describe('language server: resolution/import', function () {
  this.timeout(60000);
  let server: TestServer;
  let dir = '';
  const ask = (params: unknown) => server.connection.sendRequest('resolution/import', params) as Promise<ImportAnswer>;
  before(async () => {
    server = await startServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-import-protocol-'));
  });
  after(async () => {
    await server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('turns a Word file into a draft with its automatic numbers and italics', async () => {
    const file = path.join(dir, 'draft.docx');
    fs.writeFileSync(file, wordFile());
    const res = await ask({ path: file });
    assert.strictEqual(res.error, undefined);
    assert.deepStrictEqual(res.draft!.trim().split('\n\n'), [
      'The General Assembly,',
      '*Recalling* its resolution 75/311 of 23 July 2021,',
      '1. *Urges* Member States to act;',
      '2. *Requests* the Secretary-General to report.',
    ]);
    assert.deepStrictEqual(res.warnings, []);
  });

  it('keeps tracked changes as proposals when asked', async () => {
    const ins = `<w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> promptly</w:t></w:r></w:ins>`;
    const file = path.join(dir, 'tracked.docx');
    fs.writeFileSync(
      file,
      zipSync({
        'word/document.xml': strToU8(
          `<w:document ${W}><w:body><w:p><w:r><w:t>Requests a report</w:t></w:r>${ins}<w:r><w:t>.</w:t></w:r></w:p></w:body></w:document>`,
        ),
      }),
    );
    assert.strictEqual((await ask({ path: file })).draft!.trim(), 'Requests a report promptly.');
    assert.strictEqual((await ask({ path: file, trackedChanges: 'proposals' })).draft!.trim(), 'Requests a report **promptly**.');
  });

  it('answers an error for a missing file, a Word 97 file and no path, and keeps serving', async () => {
    assert.match((await ask({ path: path.join(dir, 'absent.docx') })).error ?? '', /could not import the file.*ENOENT|no such file/i);
    const doc = path.join(dir, 'old.docx');
    fs.writeFileSync(doc, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    assert.match((await ask({ path: doc })).error ?? '', /\.doc|Word 97|OLE|save it as \.docx/i);
    assert.strictEqual((await ask({})).error, 'no file given');
    const ok = path.join(dir, 'again.docx');
    fs.writeFileSync(ok, wordFile());
    assert.match((await ask({ path: ok })).draft ?? '', /^2\. \*Requests\*/m);
  });

  it('imports an official PDF: authority line, numbered operative paragraphs, footnotes', async function () {
    const names = sharedPdfNames();
    if (!names.length) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
    const res = await ask({ path: path.join(SHARED_PDF, `${names[0]}.pdf`) });
    assert.strictEqual(res.error, undefined);
    const blocks = res.draft!.split('\n\n');
    assert.ok(
      blocks.some((b) => /^\*?The General Assembly\*?,$/.test(b.trim())),
      'the authority line',
    );
    assert.ok(
      blocks.some((b) => /^1\. \*[A-Z]/.test(b)),
      'operative paragraph 1 with its italic verb',
    );
    assert.ok(!/^\s*\d+\s*$/m.test(res.draft!), 'no page number left on a line of its own');
  });
});
