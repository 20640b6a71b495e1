/**
 * Renders a draft (the seeds' text format) as a flat OpenDocument text (.fodt) with real word
 * processor structure — operative paragraphs and sub-paragraphs as automatic lists ("1.", "(a)",
 * "(i)"), footnotes as real notes, italics through a character style that inherits from another —
 * and converts such files to .docx with LibreOffice in one batch. Used by the import tests so that
 * Word's automatic numbering and footnotes are exercised; the files live in temporary folders only.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const supValue = (s: string) => [...s].map((c) => SUP.indexOf(c)).join('');

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface FodtExtras {
  /** Tracked changes: the words inserted and deleted, appended to the first operative paragraph. */
  insertion?: string;
  deletion?: string;
  /** A comment on the first paragraph. */
  comment?: string;
}

const ROMAN = new Set(['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv']);

function letterValue(s: string): number {
  return s.charCodeAt(0) - 96 + 26 * (s.length - 1);
}

function romanValue(s: string): number {
  return [...ROMAN].indexOf(s) + 1;
}

/** Splits a draft into blocks and footnote definitions. */
export function splitDraft(text: string): { blocks: string[]; notes: Map<string, string> } {
  const blocks: string[] = [];
  const notes = new Map<string, string>();
  for (const raw of text.split(/\n\s*\n/)) {
    const b = raw.trim();
    if (!b) continue;
    if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(b)) {
      for (const line of b.split('\n')) {
        const m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$/.exec(line.trim());
        if (m) notes.set(supValue(m[1]), m[2]);
      }
      continue;
    }
    blocks.push(b);
  }
  return { blocks, notes };
}

export function draftToFodt(text: string, extras: FodtExtras = {}): string {
  const { blocks, notes } = splitDraft(text);
  let noteCount = 0;
  const usedNotes = new Set<string>();
  const inline = (s: string): string => {
    let out = '';
    const re = /\*\*([^*]+)\*\*|\*([^*]+)\*|([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|([^*⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*)/g;
    let m: RegExpExecArray | null;
    let first = true;
    while ((m = re.exec(s))) {
      if (m[1] !== undefined) out += `<text:span text:style-name="Strong">${esc(m[1])}</text:span>`;
      else if (m[2] !== undefined) out += `<text:span text:style-name="${first ? 'Opening' : 'T1'}">${esc(m[2])}</text:span>`;
      else if (m[3] !== undefined) {
        const label = supValue(m[3]);
        const body = notes.get(label);
        if (body !== undefined && !usedNotes.has(label)) {
          usedNotes.add(label);
          noteCount++;
          out += `<text:note text:id="ftn${noteCount}" text:note-class="footnote"><text:note-citation>${noteCount}</text:note-citation><text:note-body><text:p text:style-name="Footnote">${inline(body)}</text:p></text:note-body></text:note>`;
        } else out += esc(m[3]);
      } else out += esc(m[4]);
      first = false;
    }
    return out;
  };
  const para = (s: string) =>
    s
      .split('\n')
      .map((l) => inline(l.trim()))
      .join('<text:line-break/>');

  const body: string[] = [];
  const list: { level1: number; open: boolean; subOpen: 0 | 1 | 2; lastLetter: string } = {
    level1: 0,
    open: false,
    subOpen: 0,
    lastLetter: '',
  };
  let expected = 1;
  const closeSubs = (to: 0 | 1) => {
    while (list.subOpen > to) {
      body.push('</text:list-item></text:list>');
      list.subOpen--;
    }
  };
  const closeList = () => {
    if (!list.open) return;
    closeSubs(0);
    body.push('</text:list-item></text:list>');
    list.open = false;
  };
  let changesUsed = false;
  let commentUsed = false;
  for (const b of blocks) {
    const num = /^(\d+)\.\s+([\s\S]*)$/.exec(b);
    const sub = /^\((?:([a-z]{1,3}))\)\s+([\s\S]*)$/.exec(b);
    if (num) {
      const n = parseInt(num[1], 10);
      let content = para(num[2]);
      if (!changesUsed && (extras.insertion || extras.deletion)) {
        changesUsed = true;
        if (extras.insertion)
          content += ` <text:change-start text:change-id="ct1"/>${esc(extras.insertion)}<text:change-end text:change-id="ct1"/>`;
        if (extras.deletion) content += `<text:change text:change-id="ct2"/>`;
      }
      if (list.open) {
        closeSubs(0);
        body.push('</text:list-item>');
        if (n !== expected) {
          body.push('</text:list>');
          list.open = false;
        }
      }
      if (!list.open) {
        const attrs = n === expected && expected > 1 ? ' text:continue-numbering="true"' : '';
        body.push(`<text:list text:style-name="L1"${attrs}>`);
        list.open = true;
        body.push(
          n === expected || (n === 1 && expected > 1)
            ? n === 1 && expected > 1
              ? '<text:list-item text:start-value="1">'
              : '<text:list-item>'
            : `<text:list-item text:start-value="${n}">`,
        );
      } else body.push('<text:list-item>');
      body.push(`<text:p text:style-name="Body">${content}</text:p>`);
      expected = n + 1;
      list.lastLetter = '';
      continue;
    }
    if (sub && list.open) {
      const label = sub[1];
      const nextLetter = list.lastLetter && letterValue(label) === letterValue(list.lastLetter) + 1;
      const level: 1 | 2 = ROMAN.has(label) && list.subOpen >= 1 && !!list.lastLetter && !nextLetter ? 2 : 1;
      const value = level === 2 ? romanValue(label) : letterValue(label);
      if (level === 1) {
        closeSubs(1);
        if (list.subOpen === 0) {
          body.push(`<text:list>`);
          list.subOpen = 1;
          body.push(value === 1 ? '<text:list-item>' : `<text:list-item text:start-value="${value}">`);
        } else body.push('</text:list-item><text:list-item>');
        list.lastLetter = label;
      } else {
        if (list.subOpen === 1) {
          body.push('<text:list>');
          list.subOpen = 2;
          body.push(value === 1 ? '<text:list-item>' : `<text:list-item text:start-value="${value}">`);
        } else body.push('</text:list-item><text:list-item>');
      }
      body.push(`<text:p text:style-name="Body">${para(sub[2])}</text:p>`);
      continue;
    }
    closeList();
    let content = para(b);
    if (!commentUsed && extras.comment) {
      commentUsed = true;
      content =
        `<office:annotation><dc:creator>Reviewer</dc:creator><dc:date>2024-01-01T00:00:00</dc:date><text:p>${esc(extras.comment)}</text:p></office:annotation>` +
        content;
    }
    body.push(`<text:p text:style-name="Body">${content}</text:p>`);
  }
  closeList();
  // close any item left open by a list that ended on a sub-paragraph
  const changes =
    extras.insertion || extras.deletion
      ? `<text:tracked-changes text:track-changes="true">` +
        (extras.insertion
          ? `<text:changed-region text:id="ct1"><text:insertion><office:change-info><dc:creator>Delegate</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region>`
          : '') +
        (extras.deletion
          ? `<text:changed-region text:id="ct2"><text:deletion><office:change-info><dc:creator>Delegate</dc:creator><dc:date>2024-01-01T00:00:00</dc:date></office:change-info><text:p>${esc(extras.deletion)}</text:p></text:deletion></text:changed-region>`
          : '') +
        `</text:tracked-changes>`
      : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:style style:name="Body" style:family="paragraph"><style:text-properties style:font-name="Times New Roman" fo:font-size="12pt"/></style:style>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Body"><style:text-properties fo:font-size="10pt"/></style:style>
<style:style style:name="Emphasis" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Opening" style:family="text" style:parent-style-name="Emphasis"><style:text-properties fo:font-style="italic" fo:color="#000000"/></style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="0.5in"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-number text:level="2" style:num-prefix="(" style:num-suffix=")" style:num-format="a"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="1in"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-number text:level="3" style:num-prefix="(" style:num-suffix=")" style:num-format="i"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="1.5in"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>
</office:automatic-styles>
<office:body><office:text>${changes}
${body.join('\n')}
</office:text></office:body></office:document>
`;
}

/** True when LibreOffice's soffice is on the PATH. */
export function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * Converts files with LibreOffice in one call (a private profile, headless) and returns the paths
 * of the outputs, in the order of the inputs.
 */
export function sofficeConvert(inputs: string[], toExt: string, outDir: string): string[] {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-soffice-'));
  try {
    execFileSync(
      'soffice',
      [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', toExt, '--outdir', outDir, ...inputs],
      { stdio: 'ignore', timeout: 300000 },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return inputs.map((f) => path.join(outDir, path.basename(f).replace(/\.[^.]+$/, '') + '.' + toExt.split(':')[0]));
}
