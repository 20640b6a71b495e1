import * as assert from 'assert';
import { zipSync, strToU8 } from 'fflate';
import { listZip, looksLikeZip, ZipArchive, ZipError } from '../../server/src/core/zip';

describe('zip archives', () => {
  const archive = zipSync({
    'word/document.xml': strToU8('<w:document>Calls upon Member States</w:document>'),
    'metadata/a.jsonl': [strToU8('{"symbol":"A/RES/75/1"}\n'), { level: 0 }],
    'dir/': new Uint8Array(0),
  });

  it('lists entries and reads deflated and stored ones', () => {
    assert.ok(looksLikeZip(archive));
    const names = listZip(archive).map((e) => e.name);
    assert.deepStrictEqual(names.sort(), ['dir/', 'metadata/a.jsonl', 'word/document.xml']);
    const z = new ZipArchive(archive);
    assert.strictEqual(z.text('word/document.xml'), '<w:document>Calls upon Member States</w:document>');
    assert.strictEqual(z.text('metadata/a.jsonl'), '{"symbol":"A/RES/75/1"}\n');
    assert.strictEqual(z.read('missing.xml'), undefined);
  });

  it('refuses a file that is not a zip, and a truncated archive, with a clear message', () => {
    assert.throws(
      () => new ZipArchive(strToU8('{\\rtf1 this is a Word 97 file, not a zip}')),
      (e: Error) => e instanceof ZipError && /not a zip archive/.test(e.message),
    );
    const cut = archive.subarray(0, Math.floor(archive.length * 0.6));
    assert.throws(
      () => new ZipArchive(cut),
      (e: Error) => e instanceof ZipError && /truncated|damaged/.test(e.message),
    );
  });

  it('detects a damaged entry through its checksum', () => {
    const copy = zipSync({ 'a.txt': [strToU8('agreed language '.repeat(50)), { level: 0 }] });
    const at = Buffer.from(copy).indexOf('agreed');
    copy[at] = 'A'.charCodeAt(0);
    assert.throws(() => new ZipArchive(copy).read('a.txt'), /checksum/);
  });

  it('refuses a zip bomb before inflating it, and an entry that lies about its size', () => {
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(64 << 20) });
    assert.ok(bomb.length < 200_000);
    assert.throws(
      () => new ZipArchive(bomb).read('word/document.xml'),
      (e: Error) => e instanceof ZipError && /zip bomb|too large/.test(e.message),
    );
    // Declared size patched down in the central directory: inflation stops at the declared size.
    const liar = zipSync({ 'x.xml': new Uint8Array(1 << 20).fill(65) });
    const dv = new DataView(liar.buffer, liar.byteOffset, liar.byteLength);
    for (let i = liar.length - 22; i >= 0; i--) {
      if (dv.getUint32(i, true) === 0x02014b50) {
        dv.setUint32(i + 24, 1000, true);
        break;
      }
    }
    assert.throws(() => new ZipArchive(liar).read('x.xml'), /declared size|zip bomb/);
  });

  it('caps the total read from one archive', () => {
    const many = zipSync({ 'a.bin': new Uint8Array(3000).fill(1), 'b.bin': new Uint8Array(3000).fill(2) });
    const z = new ZipArchive(many, { maxTotalSize: 5000 });
    assert.strictEqual(z.read('a.bin')!.length, 3000);
    assert.throws(() => z.read('b.bin'), /expands past 5000 bytes/);
  });

  it('refuses an encrypted entry', () => {
    const enc = zipSync({ 'secret.xml': strToU8('<x/>') });
    const dv = new DataView(enc.buffer, enc.byteOffset, enc.byteLength);
    for (let i = 0; i + 4 <= enc.length; i++) {
      const sig = dv.getUint32(i, true);
      if (sig === 0x02014b50) dv.setUint16(i + 8, dv.getUint16(i + 8, true) | 1, true);
    }
    assert.throws(() => new ZipArchive(enc).read('secret.xml'), /encrypted/);
  });
});
