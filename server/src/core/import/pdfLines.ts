/**
 * The first step of PDF import: the text items of each page (with their real font names, for
 * italics) grouped into printed lines, superscripts attached to the line they belong to.
 */
import { ImportError } from './draft';
import { loadPdfJs } from './pdfjs';

export interface PdfItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
  italic: boolean;
  bold: boolean;
  /** Raised and smaller than its line: a footnote marker or an ordinal. */
  sup?: boolean;
}

export interface PdfLine {
  page: number;
  pageHeight: number;
  pageWidth: number;
  y: number;
  x: number;
  right: number;
  size: number;
  items: PdfItem[];
}

const BARCODE_FONT = /barcode|3 ?of ?9|code ?39|code ?128|free ?3 ?of ?9|idautomation/i;

function isItalicFont(name: string): boolean {
  return /italic|oblique|-it\b|,it\b/i.test(name);
}

function isBoldFont(name: string): boolean {
  return /bold|black|heavy|semibold|demi/i.test(name);
}

export interface PdfPages {
  lines: PdfLine[];
  pages: number;
  /** Pages that had no text at all. */
  emptyPages: number;
}

/** Reads a PDF's text lines, page by page. Throws ImportError for encrypted, damaged or image-only files. */
export async function readPdfLines(data: Uint8Array): Promise<PdfPages> {
  const pdfjs = await loadPdfJs();
  let doc: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(data), // pdf.js takes ownership of the buffer
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    }).promise;
  } catch (err) {
    const e = err as { name?: string; message?: string };
    if (e?.name === 'PasswordException')
      throw new ImportError(
        'this PDF is encrypted (password-protected); open it with its password and save an unprotected copy, or export the text',
      );
    if (e?.name === 'InvalidPDFException')
      throw new ImportError(`not a readable PDF: ${e.message ?? 'invalid structure'} (damaged or truncated file)`);
    throw new ImportError(`not a readable PDF: ${e?.message ?? String(err)}`);
  }
  try {
    const fonts = new Map<string, string>();
    const lines: PdfLine[] = [];
    let emptyPages = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const [, , width, height] = page.view as number[];
      const tc = await page.getTextContent({ disableNormalization: true });
      const raw = (tc.items as Array<{ str?: string; transform: number[]; width: number; fontName: string }>).filter(
        (i) => typeof i.str === 'string' && i.str.length > 0,
      );
      if (!raw.some((i) => i.str!.trim())) {
        emptyPages++;
        page.cleanup();
        continue;
      }
      // Real font names (for italics) come with the page's operator list; fonts are shared
      // across pages, so only pages that bring a new font need it.
      if (raw.some((i) => !fonts.has(i.fontName))) {
        await page.getOperatorList();
        for (const i of raw) {
          if (fonts.has(i.fontName)) continue;
          let name = '';
          try {
            name = (page.commonObjs.get(i.fontName) as { name?: string })?.name ?? '';
          } catch {
            name = '';
          }
          fonts.set(i.fontName, name || (tc.styles?.[i.fontName]?.fontFamily ?? ''));
        }
      }
      const items: PdfItem[] = [];
      for (const i of raw) {
        const [a, b, c, d, e, f] = i.transform;
        if (Math.abs(b) > 0.01 || Math.abs(c) > 0.01 || a <= 0 || d <= 0) continue; // rotated text (margins)
        const font = fonts.get(i.fontName) ?? '';
        if (BARCODE_FONT.test(font)) continue;
        // pdf.js puts thin spaces where a line's glyphs are spread for justification: not word spaces
        if (!i.str!.trim() && i.width < 0.15 * d) continue;
        items.push({ str: i.str!, x: e, y: f, width: i.width, size: d, font, italic: isItalicFont(font), bold: isBoldFont(font) });
      }
      lines.push(...groupLines(items, p, width, height));
      page.cleanup();
    }
    if (!lines.length) {
      throw new ImportError(
        doc.numPages ? `this PDF has no text layer (${doc.numPages} page(s) of images); OCR it first` : 'this PDF has no pages',
      );
    }
    return { lines, pages: doc.numPages, emptyPages };
  } finally {
    await doc.destroy();
  }
}

/** Groups a page's items into lines by baseline; raised small items join the line below them. */
export function groupLines(items: PdfItem[], page: number, pageWidth: number, pageHeight: number): PdfLine[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfLine[] = [];
  for (const it of sorted) {
    const line = lines.find((l) => Math.abs(l.y - it.y) <= Math.max(0.8, 0.12 * Math.min(l.size, it.size)));
    if (line) addItem(line, it);
    else lines.push({ page, pageWidth, pageHeight, y: it.y, x: it.x, right: it.x + it.width, size: it.size, items: [it] });
  }
  // superscripts: a line of small items raised a little above a line of larger ones
  const textual = (l: PdfLine) => l.items.some((i) => i.str.trim());
  for (const small of [...lines]) {
    const maxSize = Math.max(...small.items.map((i) => i.size));
    const host = lines
      .filter(
        (l) =>
          l !== small &&
          textual(l) &&
          maxSize < 0.8 * l.size &&
          small.y - l.y > 0 &&
          small.y - l.y <= 0.75 * l.size &&
          small.x <= l.right + 2 * l.size &&
          small.right >= l.x - 3 * l.size,
      )
      .sort((a, b) => small.y - a.y - (small.y - b.y))[0];
    if (!host) continue;
    for (const it of small.items) addItem(host, { ...it, sup: true });
    lines.splice(lines.indexOf(small), 1);
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    const main = l.items.filter((i) => !i.sup && i.str.trim());
    if (main.length) {
      // the line's size is that of most of its characters
      const bySize = new Map<number, number>();
      for (const i of main) bySize.set(Math.round(i.size * 10) / 10, (bySize.get(Math.round(i.size * 10) / 10) ?? 0) + i.str.length);
      l.size = [...bySize.entries()].sort((a, b) => b[1] - a[1])[0][0];
      l.y = main[0].y;
    }
  }
  return lines.filter(textual).sort((a, b) => b.y - a.y || a.x - b.x);
}

function addItem(l: PdfLine, it: PdfItem): void {
  l.items.push(it);
  l.x = Math.min(l.x, it.x);
  l.right = Math.max(l.right, it.x + it.width);
}

/** Segments of a line separated by a wide horizontal gap (columns of the first page's header). */
export function lineSegments(l: PdfLine): PdfItem[][] {
  const segs: PdfItem[][] = [];
  let cur: PdfItem[] = [];
  let end = -Infinity;
  for (const it of l.items) {
    if (cur.length && it.x - end > 3.5 * l.size) {
      segs.push(cur);
      cur = [];
    }
    if (it.str.trim() || cur.length) cur.push(it);
    if (it.str.trim()) end = Math.max(end, it.x + it.width);
  }
  if (cur.length) segs.push(cur);
  return segs.filter((s) => s.some((i) => i.str.trim()));
}

/** The text of items in reading order, with the spaces the layout implies. */
export function itemsText(items: PdfItem[]): string {
  let s = '';
  let end = -Infinity;
  for (const it of items) {
    const gap = it.x - end;
    if (s && !it.sup && !/\s$/.test(s) && !/^\s/.test(it.str) && gap > 0.15 * it.size) s += ' ';
    s += it.str;
    end = it.x + it.width;
  }
  return s;
}
