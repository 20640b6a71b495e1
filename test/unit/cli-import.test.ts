import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { main } from '../../server/src/cli/main';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const tr = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;

/** A Word file with a tracked insertion and a comment. */
function wordFile(): Uint8Array {
  const body =
    `<w:p>${tr('The General Assembly,')}</w:p>` +
    `<w:p><w:commentRangeStart w:id="0"/>${tr('Requests a report')}<w:ins w:id="1" w:author="A" w:date="2026-01-01T00:00:00Z">${tr(' soon')}</w:ins>${tr('.')}<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>`;
  return zipSync({
    'word/document.xml': strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    'word/comments.xml': strToU8(`<w:comments ${W}><w:comment w:id="0"><w:p>${tr('Agreed?')}</w:p></w:comment></w:comments>`),
  });
}

describe('command line: resolution import', () => {
  let dir = '';
  let docx = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-cli-import-'));
    docx = path.join(dir, 'draft.docx');
    fs.writeFileSync(docx, wordFile());
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the draft on standard output and the warnings on standard error', async () => {
    const r = await run(['import', docx]);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out, 'The General Assembly,\n\nRequests a report soon.\n');
    assert.match(r.err, /^resolution import: .*draft\.docx: .*comment/m);
  });

  it('--format json prints {draft, warnings}; --tracked-changes proposals keeps the insertion in bold', async () => {
    const r = await run(['import', '--format=json', '--tracked-changes', 'proposals', docx]);
    assert.strictEqual(r.code, 0, r.err);
    const j = JSON.parse(r.out) as { draft: string; warnings: string[] };
    assert.strictEqual(j.draft.trim().split('\n\n')[1], 'Requests a report **soon**.');
    assert.ok(
      j.warnings.some((w) => /comment/.test(w)),
      j.warnings.join('; '),
    );
    assert.strictEqual(r.err, '');
  });

  it('-o writes the draft (text or json) to a file', async () => {
    const out = path.join(dir, 'draft.res.md');
    const r = await run(['import', docx, '-o', out]);
    assert.strictEqual(r.code, 0, r.err);
    assert.strictEqual(r.out, '');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), 'The General Assembly,\n\nRequests a report soon.\n');
    const json = path.join(dir, 'draft.json');
    assert.strictEqual((await run(['import', '--format', 'json', `--output=${json}`, '--tracked-changes=accept', docx])).code, 0);
    assert.strictEqual(
      (JSON.parse(fs.readFileSync(json, 'utf8')) as { draft: string }).draft,
      'The General Assembly,\n\nRequests a report soon.\n',
    );
  });

  it('--help prints the usage', async () => {
    const r = await run(['import', '--help']);
    assert.strictEqual(r.code, 0);
    assert.match(r.out, /^Usage: resolution import FILE/);
  });

  it('bad usage and files that cannot be imported: exit code 2 and a message', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['import', docx, '--tracked-changes', 'maybe'], /--tracked-changes takes accept or proposals/],
      [['import', docx, '--format', 'xml'], /--format takes text or json/],
      [['import'], /exactly one FILE/],
      [['import', docx, docx], /exactly one FILE/],
      [['import', docx, '--verbose'], /unknown option --verbose/],
      [['import', docx, '-o', ''], /-o needs a file name/],
      [['import', path.join(dir, 'absent.docx')], /absent\.docx: no such file/],
      [['import', dir], /resolution import: /],
    ];
    for (const [args, message] of cases) {
      const r = await run(args);
      assert.strictEqual(r.code, 2, `${args.join(' ')}: ${r.err}`);
      assert.match(r.err, message, args.join(' '));
      assert.strictEqual(r.out, '');
    }
    const doc = path.join(dir, 'old.docx');
    fs.writeFileSync(doc, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]));
    const r = await run(['import', doc]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /old\.docx: this is a Word 97–2003 \.doc; save it as \.docx/);
  });
});
