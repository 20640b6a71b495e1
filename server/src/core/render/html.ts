/**
 * The draft as the UN lays it out, in HTML: the header, the authority line, preambular paragraphs
 * with their italic openings, numbered operative paragraphs with hanging numbers, indented
 * sub-paragraphs, the meeting line, footnotes gathered at the end, and square brackets of
 * negotiation texts shown. Every block carries the line it starts on (`data-line`), so a preview
 * can follow the editor's cursor. All text is escaped: nothing in a draft becomes markup but the
 * draft's own italics, bold, strike-through and footnote markers. Plain TypeScript, no LSP import.
 */
import type { Block, ResolutionDocument, SubParagraph } from '../model';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const SUPERSCRIPTS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

function footnoteLink(label: string): string {
  const id = escapeHtml(label);
  return `<sup class="fn"><a href="#fn-${id}">${id}</a></sup>`;
}

/** One line of draft Markdown to HTML: escaped, then the draft's own emphasis and footnote markers. */
export function inlineHtml(text: string): string {
  let s = escapeHtml(text);
  // Footnote markers: <sup>1</sup> (escaped by now), [^1], Unicode superscripts.
  s = s.replace(/&lt;sup&gt;\s*([^&\s]{1,6})\s*&lt;\/sup&gt;/gi, (_, l: string) => footnoteLink(l));
  s = s.replace(/\[\^([^\]\s]{1,12})\]/g, (_, l: string) => footnoteLink(l));
  s = s.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => footnoteLink([...m].map((c) => SUPERSCRIPTS[c]).join('')));
  // Emphasis: **bold**, ~~struck~~, *italic* / _italic_.
  s = s.replace(/\*\*(?=\S)([^*]*?\S)\*\*/g, '<strong>$1</strong>');
  s = s.replace(/~~(?=\S)(.*?\S)~~/g, '<del>$1</del>');
  s = s.replace(/\*(?=\S)([^*]*?\S)\*/g, '<em>$1</em>');
  s = s.replace(/(^|[\s(])_(?=\S)([^_]*?\S)_(?=[\s,.;:)]|$)/g, '$1<em>$2</em>');
  // Square brackets of negotiation texts: shown, and marked so they stand out.
  s = s.replace(/\[/g, '<span class="bracket">[</span>').replace(/\]/g, '<span class="bracket">]</span>');
  return s;
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

function joined(text: string): string {
  return inlineHtml(lines(text).join(' '));
}

/** The block's HTML, or '' when it renders elsewhere (footnote definitions, the later fragments of a paragraph) or not at all. */
function blockHtml(doc: ResolutionDocument, block: Block, index: number): string {
  const at = ` data-line="${block.range.start.line}"`;
  switch (block.kind) {
    case 'frontMatter':
      return `<div class="front"${at}>${lines(block.text)
        .map((l) => `<div>${inlineHtml(l.replace(/^#+\s*/, '').replace(/^---$/, ''))}</div>`)
        .join('')}</div>`;
    case 'heading':
      return `<h2${at}>${inlineHtml(block.text.replace(/^#+\s*/, ''))}</h2>`;
    case 'authority':
      return `<p class="authority"${at}>${joined(block.text)}</p>`;
    case 'preambular': {
      const pp = doc.preamble.find((p) => p.blockIndex === index);
      // A block that is no paragraph's first is a fragment re-attached to the paragraph before a page break.
      if (!pp)
        return doc.preamble.some((p) => p.fragments.some((f) => f.start === block.start))
          ? ''
          : `<p class="pp"${at}>${joined(block.text)}</p>`;
      return `<p class="pp"${at}>${inlineHtml(pp.text)}</p>`;
    }
    case 'operative': {
      const op = doc.operative.find((p) => p.blockIndex === index);
      if (!op)
        return doc.operative.some((p) => p.fragments.some((f) => f.start === block.start))
          ? ''
          : `<p class="op"${at}>${joined(block.text)}</p>`;
      const number = op.number ? `<span class="num">${escapeHtml(op.number.text.replace(/\.?$/, '.'))}</span>` : '';
      const subs = (list: SubParagraph[]): string =>
        list
          .map(
            (sp) =>
              `<div class="sub level-${sp.level}" data-line="${sp.range.start.line}"><span class="label">${escapeHtml(sp.label.text)}</span><p>${inlineHtml(sp.text)}</p>${subs(sp.children)}</div>`,
          )
          .join('');
      return `<div class="op${op.number ? '' : ' single'}"${at}>${number}<p>${inlineHtml(op.leadIn.text)}</p>${subs(op.subparagraphs)}</div>`;
    }
    case 'meeting':
      return `<p class="meeting"${at}>${joined(block.text.replace(/\*/g, ''))}</p>`;
    case 'annex':
      return `<div class="annex"${at}>${lines(block.text)
        .map((l) => `<p>${inlineHtml(l.replace(/^#+\s*/, ''))}</p>`)
        .join('')}</div>`;
    case 'footnoteDefinition':
    case 'directive':
    case 'rule':
      return '';
    default:
      return `<p class="other"${at}>${joined(block.text)}</p>`;
  }
}

/** The body of the preview: the draft's blocks, then its footnotes. */
export function renderDraftHtml(doc: ResolutionDocument): string {
  const parts = doc.blocks.map((b, i) => blockHtml(doc, b, i)).filter((h) => h);
  if (doc.footnoteDefinitions.length) {
    const notes = doc.footnoteDefinitions
      .map(
        (d) =>
          `<li id="fn-${escapeHtml(d.label)}" value="${/^\d+$/.test(d.label) ? d.label : ''}" data-line="${d.range.start.line}">${inlineHtml(d.text.trim())}</li>`,
      )
      .join('');
    parts.push(`<hr class="fn-rule"><ol class="footnotes">${notes}</ol>`);
  }
  return parts.join('\n');
}

/** The style of the preview: the UN's layout (Times New Roman 12 pt, hanging operative numbers). */
export const PREVIEW_CSS = `
body { font-family: "Times New Roman", Times, serif; font-size: 12pt; line-height: 1.35; max-width: 42em; margin: 1.5em auto; padding: 0 1.5em; }
body.vscode-dark, body.vscode-high-contrast { color: var(--vscode-editor-foreground); }
.front { text-align: center; margin-bottom: 1.5em; }
.front div:first-child { font-weight: bold; }
h2 { font-size: 12pt; font-weight: bold; text-align: left; margin: 1.2em 0 .6em; }
p { margin: 0 0 .6em; text-align: justify; }
.authority { margin: 1em 0 .8em 2.5em; }
.pp { text-indent: 2.5em; }
.op { position: relative; padding-left: 2.5em; margin-bottom: .6em; }
.op .num { position: absolute; left: 0; }
.op.single { padding-left: 0; text-indent: 2.5em; }
.sub { position: relative; padding-left: 2.5em; }
.sub .label { position: absolute; left: 0; }
.meeting { text-align: center; font-style: italic; margin-top: 1.2em; }
.annex { margin-top: 2em; }
.bracket { color: #b00020; font-weight: bold; }
del { color: #b00020; }
strong { color: #0b6e00; }
sup.fn a { text-decoration: none; }
.fn-rule { width: 12em; margin: 2em 0 .5em; text-align: left; }
.footnotes { font-size: 10pt; padding-left: 1.5em; }
.current { background: rgba(255, 210, 0, .18); outline: 1px solid rgba(200, 160, 0, .4); }
`;
