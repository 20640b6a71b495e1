/**
 * Export to Word: a draft (the project's Markdown) → a .docx in the UN's layout. Front matter
 * becomes the document header, the authority line, preambular paragraphs with their opening
 * phrases in italics, operative paragraphs numbered with their verb phrases in italics,
 * sub-paragraphs indented, footnotes as real Word footnotes. Plain TypeScript, no LSP import.
 */
import { Inline, isNote, Layout, layoutOf, LayoutParagraph, TextRun } from './layout';
import { WDocument, WParagraph, WRun, writeDocx, WriteOptions } from './ooxml';

export interface ExportOptions extends WriteOptions {
  /**
   * 'italic' (default): preambular opening phrases and operative verb phrases in italics, as the
   * UN prints them, whatever the draft does; 'as-written': italics exactly as in the draft.
   */
  openings?: 'italic' | 'as-written';
}

/** Italicises the first `phrase.length` characters of the runs when they read `phrase`. */
export function italicizeOpening(inlines: Inline[], phrase: string): Inline[] {
  let plain = '';
  for (const r of inlines) {
    if (isNote(r)) break;
    plain += r.text;
    if (plain.length >= phrase.length) break;
  }
  if (!plain.toLowerCase().startsWith(phrase.toLowerCase())) return inlines;
  let left = phrase.length;
  const out: Inline[] = [];
  for (const r of inlines) {
    if (left <= 0 || isNote(r)) {
      out.push(r);
      continue;
    }
    if (r.text.length <= left) {
      out.push({ ...r, italic: true });
      left -= r.text.length;
    } else {
      out.push({ ...r, text: r.text.slice(0, left), italic: true });
      const rest: TextRun = { ...r, text: r.text.slice(left) };
      if (!r.italic) delete rest.italic;
      out.push(rest);
      left = 0;
    }
  }
  return out;
}

/** The Word paragraphs of a layout, footnotes numbered in order of reference. */
export function wordDocumentOf(layout: Layout, options: ExportOptions = {}): WDocument {
  const notes: WDocument['notes'] = [];
  const runsOf = (inlines: Inline[]): WRun[] =>
    inlines.map((r) => {
      if (isNote(r)) {
        const content = layout.notes.get(r.note) ?? [{ text: `[footnote ${r.note} not found]` }];
        notes.push({ runs: runsOf(content) });
        return { text: '', note: notes.length - 1 };
      }
      return { text: r.text, ...(r.italic ? { italic: true } : {}), ...(r.bold ? { bold: true } : {}) };
    });
  const paragraphs: WParagraph[] = layout.paragraphs.map((p) => ({
    role: p.role,
    level: p.level,
    runs: paragraphRuns(p, options, runsOf),
  }));
  return { paragraphs, notes };
}

function paragraphRuns(p: LayoutParagraph, options: ExportOptions, runsOf: (i: Inline[]) => WRun[]): WRun[] {
  const inlines = (options.openings ?? 'italic') === 'italic' && p.opening ? italicizeOpening(p.inlines, p.opening) : p.inlines;
  const runs = runsOf(inlines);
  return p.label ? [{ text: `${p.label}\t` }, ...runs] : runs;
}

/** The .docx of a draft given as text. */
export function exportDocx(text: string, options: ExportOptions = {}): Uint8Array {
  const layout = layoutOf(text);
  return writeDocx(wordDocumentOf(layout, options), { ...options, title: options.title ?? layout.title });
}
