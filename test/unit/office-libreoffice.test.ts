/**
 * A real consumer of the Word files: LibreOffice opens every exported and redlined .docx and
 * prints it to PDF (one soffice run for all of them, with a private profile), and pdftotext reads
 * the PDF back. Every paragraph must be there: each exported paragraph's opening words, and every
 * word of both sides of a redline (LibreOffice prints deletions struck through and insertions
 * underlined, so a redline's PDF holds the words of the base and of the draft).
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportDocx } from '../../server/src/core/office/export';
import { layoutOf } from '../../server/src/core/office/layout';
import { redlineDocx } from '../../server/src/core/office/redline';
import { readDraftSource } from '../../server/src/core/office/sources';
import { readDocx } from '../support/docxReader';
import { corpusPairs, derivedBase, expectedParagraphs, seedFiles } from '../support/drafts';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** Letter words of a text, NFKC-normalised (ligatures split), case folded, without digits; hyphenated compounds joined. */
function letterWords(text: string, joinHyphens = true): string[] {
  if (!joinHyphens) text = text.replace(/[-\u2010\u2011\u00ad]/g, ' ');
  return (
    text
      .normalize('NFKC')
      .replace(/\[\^[^\]]*\]/g, ' ')
      // pdftotext joins a word hyphenated at a line end: compare compounds without their hyphen
      .replace(/(\p{L})[-\u2010\u2011\u00ad]\s*(\p{L})/gu, '$1$2')
      .toLowerCase()
      .match(/\p{L}+/gu) ?? []
  );
}

function countMap(ws: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

function containsRun(hay: string[], needle: string[]): boolean {
  if (needle.length === 0) return true;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

const available = has('soffice') && has('pdftotext');

describe('Word files in LibreOffice', function () {
  if (!available) {
    it('(skipped: soffice or pdftotext not installed — .ci/run installs libreoffice-writer-nogui and poppler-utils)', function () {
      this.skip();
    });
    return;
  }
  this.timeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-lo-'));
  type Case = { name: string; kind: 'export' | 'redline'; accept: string[]; reject?: string[] };
  const cases: Case[] = [];
  let pdfText = new Map<string, string>();

  before(() => {
    for (const file of seedFiles()) {
      const name = path.basename(file, '.txt');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(path.join(dir, `${name}.docx`), exportDocx(text));
      cases.push({ name, kind: 'export', accept: expectedParagraphs(layoutOf(text), 'italic') });
      const base = derivedBase(text);
      const red = redlineDocx(base, text, { author: 'Test', date: '2026-11-27T10:00:00Z' }).docx;
      fs.writeFileSync(path.join(dir, `${name}.redline.docx`), red);
      const read = readDocx(red);
      cases.push({
        name: `${name}.redline`,
        kind: 'redline',
        accept: read.accept.map((p) => p.text),
        reject: read.reject.map((p) => p.text),
      });
    }
    for (const pair of corpusPairs().slice(0, 2)) {
      const name = path.basename(pair.draft, '.xml').replace(/\s+/g, '_');
      const red = redlineDocx(readDraftSource(pair.base).text, readDraftSource(pair.draft).text).docx;
      fs.writeFileSync(path.join(dir, `${name}.redline.docx`), red);
      const read = readDocx(red);
      cases.push({
        name: `${name}.redline`,
        kind: 'redline',
        accept: read.accept.map((p) => p.text),
        reject: read.reject.map((p) => p.text),
      });
    }
    const files = cases.map((c) => `${c.name}.docx`);
    // One soffice run for every file; a private profile so parallel runs do not clash.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${path.join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        path.join(dir, 'pdf'),
        ...files,
      ],
      {
        cwd: dir,
        stdio: 'pipe',
        timeout: 200_000,
      },
    );
    pdfText = new Map(
      cases.map((c) => {
        const pdf = path.join(dir, 'pdf', `${c.name}.pdf`);
        const text = fs.existsSync(pdf) ? execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }) : '';
        return [c.name, text];
      }),
    );
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens every exported file and prints every paragraph, its opening words in order', () => {
    for (const c of cases.filter((x) => x.kind === 'export')) {
      const text = pdfText.get(c.name)!;
      assert.ok(text.length > 0, `${c.name}: LibreOffice made no PDF`);
      const hay = letterWords(text);
      const lost = c.accept.filter((p) => !containsRun(hay, letterWords(p).slice(0, 5)));
      assert.deepStrictEqual(lost, [], `${c.name}: paragraphs not found in the PDF`);
      const have = countMap(hay);
      const short = [...countMap(letterWords(c.accept.join(' ')))].filter(([w, n]) => (have.get(w) ?? 0) < n);
      assert.deepStrictEqual(short, [], `${c.name}: words missing from the PDF`);
    }
  });

  it('opens every redline and prints the words of both the base and the draft', () => {
    for (const c of cases.filter((x) => x.kind === 'redline')) {
      const text = pdfText.get(c.name)!;
      assert.ok(text.length > 0, `${c.name}: LibreOffice made no PDF`);
      // A deleted word printed right before an inserted one comes out of pdftotext as one word
      // ("ofassistance", "seventysixthseventh"): a printed word counts for the words it contains.
      const printed = letterWords(text, false);
      const have = (w: string) => printed.filter((t) => t === w || (t.length > w.length && t.includes(w))).length;
      for (const side of [c.accept, c.reject!]) {
        const short = [...countMap(letterWords(side.join(' '), false))].filter(([w, n]) => have(w) < n);
        assert.deepStrictEqual(short, [], `${c.name}: words missing from the PDF`);
      }
    }
  });
});
