import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { importBytes, ImportError } from '../../server/src/core/import';
import { parse } from '../../server/src/core/parser';
import { aknToTexts } from '../tools/akn';
import { draftToFodt, hasSoffice, sofficeConvert } from '../support/fodt';
import { compareDrafts, renumberFootnotes, SHARED_PDF, sharedPdfNames } from '../support/importCompare';
import { ZipArchive } from '../../server/src/core/zip';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx written by hand, part by part, to pin down one OOXML feature at a time. */
function docx(body: string, parts: { styles?: string; numbering?: string; footnotes?: string; comments?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (parts.styles) files['word/styles.xml'] = strToU8(`<w:styles ${W}>${parts.styles}</w:styles>`);
  if (parts.numbering) files['word/numbering.xml'] = strToU8(`<w:numbering ${W}>${parts.numbering}</w:numbering>`);
  if (parts.footnotes) files['word/footnotes.xml'] = strToU8(`<w:footnotes ${W}>${parts.footnotes}</w:footnotes>`);
  if (parts.comments) files['word/comments.xml'] = strToU8(`<w:comments ${W}>${parts.comments}</w:comments>`);
  return zipSync(files);
}

const p = (inner: string, pPr = '') => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}${inner}</w:p>`;
const r = (text: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const num = (id: number, lvl = 0) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="${id}"/></w:numPr>`;

async function draftOf(data: Uint8Array, trackedChanges?: 'accept' | 'proposals') {
  return importBytes(data, { trackedChanges });
}

describe('import: Word (.docx)', () => {
  it('takes italics from direct formatting, character styles and paragraph styles, following basedOn', async () => {
    const styles =
      '<w:style w:type="character" w:styleId="Emph"><w:rPr><w:i/></w:rPr></w:style>' +
      '<w:style w:type="character" w:styleId="Opening"><w:basedOn w:val="Emph"/><w:rPr><w:color w:val="000000"/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="ItalicPara"><w:rPr><w:i/></w:rPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="Authority"><w:basedOn w:val="ItalicPara"/></w:style>';
    const body =
      p(r('The General Assembly') + r(',', '<w:i w:val="0"/>'), '<w:pStyle w:val="Authority"/>') +
      p(r('Recalling', '<w:rStyle w:val="Opening"/>') + r(' its resolution 75/311,')) +
      p(r('Deeply', '<w:i/>') + r(' concerned', '<w:i w:val="true"/>') + r(' about ') + r('inter alia', '<w:i/>') + r(' poaching,'));
    const { draft } = await draftOf(docx(body, { styles }));
    assert.strictEqual(
      draft,
      '*The General Assembly*,\n\n*Recalling* its resolution 75/311,\n\n*Deeply concerned* about *inter alia* poaching,\n',
    );
  });

  it('computes automatic numbers from numbering.xml: levels, level text, start, overrides, restarts', async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0">' +
      '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
      '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>' +
      '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>' +
      '</w:abstractNum>' +
      '<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>';
    const styles = '<w:style w:type="paragraph" w:styleId="OpPara"><w:pPr>' + num(1) + '</w:pPr></w:style>';
    const body =
      p(r('Decides to remain seized;', ''), num(1)) +
      p(r('Requests:'), '<w:pStyle w:val="OpPara"/>') +
      p(r('a report;'), num(1, 1)) +
      p(r('covering:'), num(1, 1)) +
      p(r('trends;'), num(1, 2)) +
      p(r('gaps;'), num(1, 2)) +
      p(r('and data;'), num(1, 1)) +
      p(r('Decides to continue;'), num(1)) +
      p(r('Provisional agenda')) +
      p(r('Opening of the session.'), num(2)) +
      p(r('Adoption of the agenda.'), num(1)) +
      p(r('Section'), num(3));
    const { draft } = await draftOf(docx(body, { numbering, styles }));
    assert.deepStrictEqual(draft.trim().split('\n\n'), [
      '1. Decides to remain seized;',
      '2. Requests:',
      '(a) a report;',
      '(b) covering:',
      '(i) trends;',
      '(ii) gaps;',
      '(c) and data;',
      '3. Decides to continue;',
      'Provisional agenda',
      '1. Opening of the session.',
      '2. Adoption of the agenda.',
      'V. Section',
    ]);
  });

  it('turns real footnotes into markers and definitions, numbered in order of citation', async () => {
    const footnotes =
      '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>' +
      '<w:footnote w:id="7"><w:p><w:r><w:footnoteRef/></w:r>' +
      r(' Resolution 70/1.') +
      '</w:p></w:footnote>' +
      '<w:footnote w:id="3"><w:p><w:r><w:footnoteRef/></w:r>' +
      r(' United Nations, ') +
      r('Treaty Series', '<w:i/>') +
      r(', vol. 993, No. 14531.') +
      '</w:p></w:footnote>';
    const body =
      p(
        r('Recalling', '<w:i/>') +
          r(' the 2030 Agenda,') +
          '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="7"/></w:r>',
      ) +
      p(
        r('Recalling also', '<w:i/>') +
          r(' the Covenant') +
          '<w:r><w:footnoteReference w:id="3"/></w:r>' +
          r(' and the Agenda,') +
          '<w:r><w:footnoteReference w:id="7"/></w:r>',
      );
    const { draft } = await draftOf(docx(body, { footnotes }));
    assert.strictEqual(
      draft,
      '*Recalling* the 2030 Agenda,¹\n\n¹ Resolution 70/1.\n\n*Recalling also* the Covenant² and the Agenda,¹\n\n² United Nations, *Treaty Series*, vol. 993, No. 14531.\n',
    );
    const doc = parse(draft);
    assert.strictEqual(doc.footnoteDefinitions.length, 2);
    assert.strictEqual(doc.footnoteMarkers.length, 3);
  });

  it('accepts tracked changes by default, or keeps them as proposals; drops comments with a count; skips hidden text', async () => {
    const body = p(
      r('Urges', '<w:i/>') +
        r(' States to ') +
        '<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>consider</w:delText></w:r></w:del>' +
        '<w:ins w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z">' +
        r('take') +
        '</w:ins>' +
        r(' measures;') +
        '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>' +
        r('secret note', '<w:vanish/>'),
      num(1),
    );
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const comments = '<w:comment w:id="0"><w:p>' + r('Check with capital') + '</w:p></w:comment>';
    const accepted = await draftOf(docx(body, { numbering, comments }));
    assert.strictEqual(accepted.draft, '4. *Urges* States to take measures;\n');
    assert.ok(
      accepted.warnings.some((w) => /2 tracked change\(s\) .*accepted/.test(w)),
      accepted.warnings.join('; '),
    );
    assert.ok(accepted.warnings.includes('1 comment(s) dropped'));
    const proposals = await draftOf(docx(body, { numbering, comments }), 'proposals');
    assert.strictEqual(proposals.draft, '4. *Urges* States to ~~consider~~**take** measures;\n');
  });

  it('joins a paragraph whose mark was deleted in a tracked change to the next one', async () => {
    const body =
      '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr>' +
      r('Stressing', '<w:i/>') +
      r(' the need') +
      '</w:p>' +
      p(r('for cooperation,'));
    assert.strictEqual((await draftOf(docx(body))).draft, '*Stressing* the need for cooperation,\n');
  });

  describe('damaged and wrong files: a clear message, never a crash', () => {
    const good = docx(p(r('Recalling', '<w:i/>') + r(' its resolutions,')));
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['an empty file', new Uint8Array(0), /the file is empty/],
      ['a truncated .docx', good.subarray(0, Math.floor(good.length / 2)), /not a readable \.docx: damaged zip archive.*truncated/],
      ['a zip bomb', zipSync({ 'word/document.xml': new Uint8Array(300 << 20) }), /zip bomb|too large/],
      [
        'a Word 97–2003 .doc',
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
        /this is a Word 97–2003 \.doc; save it as \.docx/,
      ],
      [
        'an encrypted Word file',
        Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...Buffer.from('EncryptedPackage', 'utf16le')]),
        /password-protected/,
      ],
      ['a zip that is not a Word file', zipSync({ 'a.txt': strToU8('hello') }), /not a Word document/],
      [
        'an OpenDocument file',
        zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.text'), 'content.xml': strToU8('<x/>') }),
        /OpenDocument.*save it as \.docx/,
      ],
      [
        'a document.xml that is not XML',
        zipSync({ 'word/document.xml': strToU8('<w:document><w:body><w:p></w:document') }),
        /not well-formed XML|no body/,
      ],
      [
        'random bytes named .docx',
        Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251 || 1),
        /not a readable \.docx: the file is not a zip archive/,
      ],
    ];
    for (const [what, data, message] of cases) {
      it(what, async () => {
        await assert.rejects(
          importBytes(data, { fileName: 'draft.docx' }),
          (e: Error) => e instanceof ImportError && message.test(e.message),
        );
      });
    }
    it('random bytes without a name', async () => {
      const data = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251 || 1);
      await assert.rejects(importBytes(data), /not a Word \(\.docx\), PDF or text file/);
    });
  });

  describe('files made by LibreOffice from corpus texts (automatic numbering, real footnotes)', function () {
    this.timeout(180000);
    const names = sharedPdfNames();
    const soffice = hasSoffice();
    // every fifth text of ../shared/pdf, converted in one batch to keep the suite fast
    const sample = names.filter((_, i) => i % 5 === 0);
    let dir = '';
    const expected = new Map<string, string>();
    before(function () {
      if (!names.length) {
        console.log('      skipped: ../shared not present');
        this.skip();
      }
      if (!soffice) {
        console.log('      skipped: LibreOffice (soffice) not installed');
        this.skip();
      }
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-import-docx-'));
      const inputs: string[] = [];
      sample.forEach((name, i) => {
        const text = aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${name}.akn.xml`), 'utf8'))[0];
        expected.set(name, renumberFootnotes(text));
        const extras = i === 0 ? { insertion: 'and to report back', deletion: 'as appropriate', comment: 'Agreed ad ref?' } : {};
        const file = path.join(dir, `${name}.fodt`);
        fs.writeFileSync(file, draftToFodt(text, extras));
        inputs.push(file);
      });
      sofficeConvert(inputs, 'docx', dir);
    });
    after(() => {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    });

    it('recovers every paragraph with its number, italics and footnotes', async () => {
      const problems: string[] = [];
      let total = 0;
      for (const name of sample.slice(1)) {
        const file = path.join(dir, `${name}.docx`);
        assert.ok(fs.existsSync(file), `LibreOffice did not write ${name}.docx`);
        const { draft } = await importBytes(fs.readFileSync(file));
        const m = compareDrafts(expected.get(name)!, draft, false);
        total += m.paragraphs;
        if (m.exact !== m.paragraphs) problems.push(`${name}: ${m.exact}/${m.paragraphs}; first missing: ${m.missing[0]}`);
        if (m.footnotesExact !== m.footnotes) problems.push(`${name}: footnotes ${m.footnotesExact}/${m.footnotes}`);
        // the numbers come from Word's numbering, not from the text
        const doc = parse(draft);
        assert.ok(doc.operative.length > 0, `${name}: no operative paragraphs`);
      }
      assert.ok(total > 300, `only ${total} paragraphs compared`);
      assert.deepStrictEqual(problems, []);
    });

    it('the numbers are not in the document text: they come from numbering.xml', () => {
      const name = sample[1];
      const xml = new ZipArchive(fs.readFileSync(path.join(dir, `${name}.docx`))).text('word/document.xml') as string;
      assert.ok(/<w:numPr>/.test(xml));
      assert.ok(!/<w:t[^>]*>1\.\s/.test(xml), 'the operative number 1. is typed in the text');
      assert.ok(/<w:footnoteReference /.test(xml) || !/[¹²³]/.test(expected.get(name)!));
    });

    it('accepts tracked changes made in LibreOffice, or imports them as proposals, and counts the comment', async () => {
      const name = sample[0];
      const data = fs.readFileSync(path.join(dir, `${name}.docx`));
      const accepted = await importBytes(data);
      assert.ok(/and to report back/.test(accepted.draft));
      assert.ok(!/as appropriate/.test(accepted.draft.split('\n\n').find((b) => /and to report back/.test(b))!));
      assert.ok(accepted.warnings.some((w) => /accepted/.test(w)));
      assert.ok(
        accepted.warnings.some((w) => /1 comment\(s\) dropped/.test(w)),
        accepted.warnings.join('; '),
      );
      const proposals = await importBytes(data, { trackedChanges: 'proposals' });
      assert.ok(/\*\*and to report back\*\*~~as appropriate~~/.test(proposals.draft), proposals.draft.slice(0, 3000));
    });
  });
});
