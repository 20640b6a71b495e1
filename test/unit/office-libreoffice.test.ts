/**
 * A real consumer of the Word files: LibreOffice opens every exported and redlined .docx and
 * prints it to PDF (one soffice run for all of them, with a private profile), and pdftotext reads
 * the PDF back. Every paragraph must be there: each exported paragraph's opening words, and every
 * word of both sides of a redline (LibreOffice prints deletions struck through and insertions
 * underlined, so a redline's PDF holds the words of the base and of the draft). Then LibreOffice
 * itself accepts, and rejects, every tracked change of each redline (a Basic macro in the private
 * profile dispatches "Accept All" / "Reject All" and saves the result as text): what it gives must
 * be the draft, and the base, paragraph for paragraph — moves (`w:moveFrom` / `w:moveTo`) included.
 */
import * as assert from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { exportDocx } from '../../server/src/core/office/export';
import { isNote, Layout, layoutOf } from '../../server/src/core/office/layout';
import { redlineDocx } from '../../server/src/core/office/redline';
import { readDraftSource } from '../../server/src/core/office/sources';
import { readDocx } from '../support/docxReader';
import { corpusPairs, derivedBase, expectedParagraphs, MOVED_OPERATIVE, seedFiles } from '../support/drafts';

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

/**
 * The lines LibreOffice's text export gives for a layout: each paragraph's label, a tab and its
 * text, footnote references as their numbers (LibreOffice numbers the notes left in the document),
 * line breaks inside a paragraph as new lines; empty lines dropped.
 */
function plainLines(layout: Layout): string[] {
  let note = 0;
  const lines: string[] = [];
  for (const p of layout.paragraphs) {
    const body = p.inlines.map((r) => (isNote(r) ? String(++note) : r.text)).join('');
    lines.push(...(p.label ? `${p.label}\t${body}` : body).split('\n'));
  }
  return lines.map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
}

/** A Basic module that accepts or rejects all tracked changes of each file listed and saves it as text. */
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Redlines(listFile As String)
  Dim n As Integer, lineText As String, parts, doc, dispatcher, cmd As String
  Dim args(0) As New com.sun.star.beans.PropertyValue
  Dim o(0) As New com.sun.star.beans.PropertyValue
  On Error GoTo Failed
  args(0).Name = &quot;Hidden&quot;
  args(0).Value = True
  o(0).Name = &quot;FilterName&quot;
  o(0).Value = &quot;Text (encoded)&quot;
  dispatcher = createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;)
  n = FreeFile
  Open listFile For Input As #n
  Do While Not EOF(n)
    Line Input #n, lineText
    If Len(lineText) &gt; 0 Then
      parts = Split(lineText, Chr(9))
      doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(1)), &quot;_blank&quot;, 0, args())
      If parts(0) = &quot;accept&quot; Then cmd = &quot;.uno:AcceptAllTrackedChanges&quot; Else cmd = &quot;.uno:RejectAllTrackedChanges&quot;
      dispatcher.executeDispatch(doc.getCurrentController().getFrame(), cmd, &quot;&quot;, 0, Array())
      doc.storeToURL(ConvertToURL(parts(2)), o())
      doc.close(True)
    End If
  Loop
  Close #n
  StarDesktop.terminate()
  Exit Sub
Failed:
  Dim e As Integer
  e = FreeFile
  Open listFile &amp; &quot;.error&quot; For Output As #e
  Print #e, &quot;line &quot; &amp; Erl &amp; &quot;: &quot; &amp; Error
  Close #e
  StarDesktop.terminate()
End Sub
</script:module>
`;

describe('Word files in LibreOffice', function () {
  if (!available) {
    it('(skipped: soffice or pdftotext not installed — .ci/run installs libreoffice-writer-nogui and poppler-utils)', function () {
      this.skip();
    });
    return;
  }
  this.timeout(240_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-lo-'));
  type Case = {
    name: string;
    kind: 'export' | 'redline';
    accept: string[];
    reject?: string[];
    /** For a redline: the draft's and the base's lines as LibreOffice's text export gives them. */
    draftLines?: string[];
    baseLines?: string[];
    moves?: number;
  };
  const cases: Case[] = [];
  let pdfText = new Map<string, string>();
  const profile = `file://${path.join(dir, 'profile')}`;
  const redline = (name: string, baseText: string, draftText: string) => {
    const red = redlineDocx(baseText, draftText, { author: 'Test', date: '2026-11-27T10:00:00Z' });
    fs.writeFileSync(path.join(dir, `${name}.docx`), red.docx);
    const read = readDocx(red.docx);
    cases.push({
      name,
      kind: 'redline',
      accept: read.accept.map((p) => p.text),
      reject: read.reject.map((p) => p.text),
      draftLines: plainLines(layoutOf(draftText)),
      baseLines: plainLines(layoutOf(baseText)),
      moves: read.moves.size,
    });
  };

  before(() => {
    for (const file of seedFiles()) {
      const name = path.basename(file, '.txt');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(path.join(dir, `${name}.docx`), exportDocx(text));
      cases.push({ name, kind: 'export', accept: expectedParagraphs(layoutOf(text), 'italic') });
      redline(`${name}.redline`, derivedBase(text), text);
    }
    redline('moved-operative.redline', MOVED_OPERATIVE.base, MOVED_OPERATIVE.draft);
    // Corpus pairs of one series: the first two, and the first three whose redline has moves.
    let withMoves = 0;
    const pairs = corpusPairs();
    for (let k = 0; k < pairs.length && withMoves < 3; k++) {
      const base = readDraftSource(pairs[k].base).text;
      const draft = readDraftSource(pairs[k].draft).text;
      const moves = redlineDocx(base, draft).summary.moved;
      if (k >= 2 && moves === 0) continue;
      if (moves > 0) withMoves++;
      redline(`${path.basename(pairs[k].draft, '.xml').replace(/\s+/g, '_')}.redline`, base, draft);
    }
    const files = cases.map((c) => `${c.name}.docx`);
    // One soffice run for every file; a private profile so parallel runs do not clash.
    execFileSync(
      'soffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(dir, 'pdf'), ...files],
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

  it('opens redlines with moved paragraphs (the seeds against their derived bases, a moved operative paragraph)', () => {
    const moving = cases.filter((c) => c.kind === 'redline' && (c.moves ?? 0) > 0);
    assert.ok(moving.length >= 4, `only ${moving.length} redlines with moves`);
    for (const c of moving) assert.ok(pdfText.get(c.name)!.length > 0, `${c.name}: LibreOffice made no PDF`);
  });

  it("LibreOffice's own Accept All gives the draft and Reject All the base, moves included", function () {
    // The profile the PDF run made holds the Standard Basic library: its Module1 becomes the macro.
    const module1 = path.join(dir, 'profile', 'user', 'basic', 'Standard', 'Module1.xba');
    if (!fs.existsSync(module1)) this.skip();
    fs.writeFileSync(module1, MACRO);
    const reds = cases.filter((c) => c.kind === 'redline');
    const list = path.join(dir, 'list.txt');
    const out = (c: Case, which: string) => path.join(dir, 'txt', `${c.name}.${which}.txt`);
    fs.mkdirSync(path.join(dir, 'txt'), { recursive: true });
    fs.writeFileSync(
      list,
      reds
        .flatMap((c) => (['accept', 'reject'] as const).map((w) => `${w}\t${path.join(dir, `${c.name}.docx`)}\t${out(c, w)}`))
        .join('\n') + '\n',
    );
    execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', `macro:///Standard.Module1.Redlines("${list}")`], {
      cwd: dir,
      stdio: 'pipe',
      timeout: 200_000,
    });
    assert.ok(!fs.existsSync(`${list}.error`), fs.existsSync(`${list}.error`) ? fs.readFileSync(`${list}.error`, 'utf8') : '');
    const lines = (file: string) =>
      fs
        .readFileSync(file, 'utf8')
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .map((l) => l.trimEnd())
        .filter((l) => l.trim() !== '');
    for (const c of reds) {
      assert.deepStrictEqual(lines(out(c, 'accept')), c.draftLines, `${c.name}: accepted by LibreOffice`);
      assert.deepStrictEqual(lines(out(c, 'reject')), c.baseLines, `${c.name}: rejected by LibreOffice`);
    }
  });

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
