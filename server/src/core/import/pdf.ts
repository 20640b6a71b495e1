/**
 * PDF import for documents as the UN issues them (adopted resolutions A/RES/…, draft resolutions
 * A/…/L.…): running headers, symbols, job numbers, page numbers and bar codes dropped; lines and
 * paragraphs rejoined across pages; operative numbers kept with their paragraph; footnotes taken
 * from the page bottoms (below the rule, in the smaller size) to definitions with their markers;
 * italics from the font name (…-Italic, ItalicMT, BoldItalic); the header (symbol, distribution,
 * date, session, agenda item, sponsors, title) as front matter.
 */
import { ImportedDocument, ImportedParagraph, ImportError, Run } from './draft';
import { itemsText, lineSegments, PdfItem, PdfLine, readPdfLines } from './pdfLines';
import { AUTHORITY_RE, isJobNumber, isUnSymbol, isPageFurniture, LABEL_ONLY_RE } from './furniture';
import { normaliseFront } from './ldoc';
import { restoreNonBreakingHyphens, sessionOf } from './words';

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0] ?? 0;
  let n = -1;
  for (const [v, c] of counts) if (c > n || (c === n && v < best)) [best, n] = [v, c];
  return best;
}

const round = (v: number) => Math.round(v * 2) / 2;

function lineText(l: PdfLine): string {
  return itemsText(l.items).replace(/\s+/g, ' ').trim();
}

/** Runs of one line: italics from the font, superscript digits as footnote markers. */
function lineRuns(items: PdfItem[], notes: boolean): Run[] {
  const runs: Run[] = [];
  let end = -Infinity;
  for (const it of items) {
    const gap = it.x - end;
    const prev = runs[runs.length - 1];
    const prevText = prev ? (prev.note ? 'x' : prev.text) : '';
    if (prev && !it.sup && !/\s$/.test(prevText) && !/^\s/.test(it.str) && gap > 0.15 * it.size)
      runs.push({ text: ' ', italic: it.italic && !!prev.italic });
    if (it.sup && !notes && /^\s*\d{1,3}\s*$/.test(it.str)) {
      // a marker hugs the word or punctuation before it
      for (let k = runs.length - 1; k >= 0 && !runs[k].note; k--) {
        runs[k].text = runs[k].text.replace(/\s+$/, '');
        if (runs[k].text) break;
      }
      runs.push({ text: '', note: it.str.trim() });
      if (/\s$/.test(it.str)) runs.push({ text: ' ' });
    } else {
      runs.push({ text: it.str, italic: it.italic });
    }
    end = it.x + it.width;
  }
  return runs;
}

/** Appends a line's runs to a paragraph: a hyphen at a line end joins, anything else takes a space. */
function appendRuns(target: Run[], runs: Run[]): void {
  const last = [...target].reverse().find((r) => r.note || r.text);
  if (last && runs.length) {
    const tail = target
      .slice(-4)
      .map((r) => (r.note ? '¹' : r.text))
      .join('');
    const head = runs.map((r) => r.text).join('');
    if (/\u00ad$/.test(tail)) last.text = last.text.replace(/\u00ad$/, '');
    else if (/\p{L}[-‐‑]$/u.test(tail) && /^(?:and|or|to)\s/.test(head))
      // a suspended hyphen ("burden- and responsibility-sharing", "pre- and post-exposure")
      target.push({ text: ' ' });
    else if (!(/[-‐‑/]$/.test(tail) || (/[–—]$/.test(tail) && !/\s[–—]$/.test(tail))) && !/\s$/.test(tail))
      target.push({ text: ' ', italic: last.italic && runs[0]?.italic });
  }
  target.push(...runs);
}

/** A paragraph's own number or label is never italic, whatever font its full stop is in. */
function plainLabel(runs: Run[]): Run[] {
  const text = runs.map((r) => (r.note ? '\u0000' : r.text)).join('');
  const m = /^\s*(?:\d{1,3}(?:\s+(?:bis|ter|quater))?\.|\([a-z]{1,5}\)|[a-z]\.)(?=\s)/.exec(text);
  if (!m) return runs;
  let left = m[0].length;
  const out: Run[] = [];
  for (const r of runs) {
    if (left <= 0 || r.note) {
      out.push(r);
      continue;
    }
    if (r.text.length <= left) {
      out.push({ ...r, italic: false });
      left -= r.text.length;
    } else {
      out.push({ ...r, text: r.text.slice(0, left), italic: false }, { ...r, text: r.text.slice(left) });
      left = 0;
    }
  }
  return out;
}

interface Classified {
  body: PdfLine[];
  notes: PdfLine[];
}

export async function readPdf(data: Uint8Array): Promise<ImportedDocument> {
  const { lines, pages, emptyPages } = await readPdfLines(data);
  const warnings: string[] = [];
  if (emptyPages) warnings.push(`${emptyPages} of ${pages} page(s) had no text layer and were skipped (OCR them first)`);

  // The body size: the size most characters are printed in.
  const weight = new Map<number, number>();
  for (const l of lines) {
    const n = lineText(l).length;
    weight.set(round(l.size), (weight.get(round(l.size)) ?? 0) + n);
  }
  const bodySize = [...weight.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const isBody = (l: PdfLine) => round(l.size) >= bodySize * 0.95;

  // Per page: running header on top, furniture at the bottom, footnotes under the body.
  const byPage = new Map<number, PdfLine[]>();
  for (const l of lines) {
    if (!byPage.has(l.page)) byPage.set(l.page, []);
    byPage.get(l.page)!.push(l);
  }
  const classified: Classified[] = [];
  let symbol: string | undefined;
  for (const [page, pl] of [...byPage.entries()].sort((a, b) => a[0] - b[0])) {
    let rest = pl.filter((l) => !isPageFurniture(lineText(l), l.y / l.pageHeight, symbol));
    if (page === 1 && !symbol) {
      const top = pl.slice(0, 3).map(lineText).join(' ');
      const m = /\b(A\/(?:RES\/)?[\w./-]*\d[\w./-]*|S\/RES\/\d+ ?\(\d{4}\)|E\/[\w./-]+|A\/HRC\/[\w./-]+)/.exec(top);
      if (m) symbol = m[1];
    }
    rest = rest.filter((l) => l.y / l.pageHeight > 0.065);
    if (page > 1) {
      // running header: small lines above the first line in the body size, at the top of the page
      const firstBody = rest.findIndex(isBody);
      const cut = firstBody < 0 ? 0 : firstBody;
      let k = 0;
      while (k < cut && rest[k].y / rest[k].pageHeight > 0.86) k++;
      rest = rest.slice(k);
    }
    // footnotes: the smaller lines under the last body line, and the rule above them
    let lastBody = -1;
    for (let i = 0; i < rest.length; i++) if (isBody(rest[i]) && !/^_{5,}$/.test(lineText(rest[i]))) lastBody = i;
    const body = rest.slice(0, lastBody + 1);
    const notes = rest.slice(lastBody + 1).filter((l) => !/^_{3,}$/.test(lineText(l)));
    // lines of underscores or a bare rule inside the body are layout
    classified.push({ body: body.filter((l) => !/^_{5,}$/.test(lineText(l))), notes });
  }

  // Footnotes: a line opening with a superscript number starts one; others continue it.
  const footnotes = new Map<string, Run[]>();
  const starNotes: string[] = [];
  let currentNote: Run[] | undefined;
  for (const page of classified) {
    for (const l of page.notes) {
      if (/^\*+\s*\S/.test(lineText(l))) {
        // the note of an asterisk on the symbol or a sponsor: front matter
        starNotes.push(lineText(l));
        currentNote = undefined;
        continue;
      }
      const first = l.items.find((i) => i.str.trim());
      const m = first && (first.sup || first.size < l.size * 0.8) ? /^\s*(\d{1,3})\s*$/.exec(first.str) : null;
      const m2 = !m && first ? /^(\d{1,3})\s+\S/.exec(lineText(l)) : null;
      if (m || (m2 && l.x < (page.notes[0]?.x ?? l.x) + 1 && !currentNoteContinues(l, page.notes))) {
        const label = m ? m[1] : m2![1];
        const items = m ? l.items.slice(l.items.indexOf(first!) + 1) : stripLeadingNumber(l.items, label);
        currentNote = lineRuns(items, true);
        if (currentNote[0]) currentNote[0].text = currentNote[0].text.replace(/^\s+/, '');
        footnotes.set(label, currentNote);
      } else if (currentNote) {
        appendRuns(currentNote, lineRuns(l.items, true));
      }
    }
  }

  // Body lines in reading order, with the page they sit on.
  const body: PdfLine[] = classified.flatMap((c) => c.body);
  const left = mode(body.filter(isBody).map((l) => round(l.x)));
  const pitches: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const d = body[i - 1].y - body[i].y;
    if (body[i].page === body[i - 1].page && d > 0 && d < 2.2 * bodySize) pitches.push(round(d));
  }
  const pitch = mode(pitches) || bodySize * 1.2;
  const fullRight = mode(body.filter(isBody).map((l) => round(l.right / 4) * 4));

  // Front matter: page one up to the authority line (or the title line).
  let start = body.findIndex((l) => AUTHORITY_RE.test(lineText(l)));
  if (start < 0 || body[start].page > 2) {
    const title = body.findIndex((l) => l.page === 1 && /^\d{1,3}\/\d{1,4}[A-Z]?\.\s/.test(lineText(l)));
    start = title >= 0 ? title + 1 : 0;
  }
  const front = normaliseFront([...frontMatter(body.slice(0, start), bodySize), ...starNotes]);

  const paragraphs: ImportedParagraph[] = [];
  let cur: ImportedParagraph | undefined;
  let pendingLabel: string | undefined;
  for (let i = start; i < body.length; i++) {
    const l = body[i];
    const prev = i > start ? body[i - 1] : undefined;
    const text = lineText(l);
    if (LABEL_ONLY_RE.test(text)) {
      // a number printed on its own line belongs to the paragraph after it
      pendingLabel = text;
      cur = undefined;
      continue;
    }
    let startsNew = !cur || !prev;
    if (!startsNew && prev) {
      if (prev.page === l.page) {
        const gap = prev.y - l.y;
        startsNew = gap > pitch * 1.3 || gap < -1;
        // a meeting line and its date sit close together; a centred heading too
      } else {
        startsNew =
          l.x > left + 0.8 * bodySize &&
          !(round(l.x) === round(prev.x) && l.x > left + 0.8 * bodySize && prev.right > fullRight - 2 * bodySize);
      }
      // a numbered paragraph or sub-paragraph after one that ended
      const prevText = lineText(prev);
      if (!startsNew && /[.;:]$/.test(prevText) && /^(\d{1,3}\.|\([a-z]{1,5}\))\s/.test(text)) startsNew = true;
      // the first operative paragraph after a preambular one that ends with a footnote marker
      if (!startsNew && /,\d{1,3}$/.test(prevText) && /^1\.\s/.test(text)) startsNew = true;
      if (!startsNew && prev.page !== l.page && /[.;:]$/.test(prevText) && prev.right < fullRight - 3 * bodySize) startsNew = true;
    }
    const runs = lineRuns(l.items, false);
    const heading = isHeadingLine(l);
    if (heading) {
      // a section heading: bold lines of their own ("I", "Follow-up and implementation")
      const joinHeading =
        cur?.heading && prev && prev.page === l.page && prev.y - l.y <= pitch * 1.3 && !/^[IVXLC]+\.?$|^[A-Z]\.$/.test(lineText(prev));
      if (joinHeading)
        appendRuns(
          cur!.runs,
          runs.map((r) => ({ ...r, bold: false })),
        );
      else {
        cur = { runs: runs.map((r) => ({ ...r, bold: false })), heading: 2 };
        paragraphs.push(cur);
      }
      continue;
    }
    if (cur?.heading) startsNew = true;
    if (startsNew || !cur) {
      cur = { runs: [] };
      if (pendingLabel) {
        cur.runs.push({ text: pendingLabel + ' ' });
        pendingLabel = undefined;
      }
      paragraphs.push(cur);
      cur.runs.push(...runs);
      if (isMeetingLine(text)) cur.runs.push({ text: '\u2028' });
    } else {
      if (isMeetingLine(lineText(prev!))) cur.runs.push(...runs);
      else appendRuns(cur.runs, runs);
    }
  }
  for (const p of paragraphs) if (!p.heading) p.runs = plainLabel(p.runs);
  paragraphs.splice(0, paragraphs.length, ...paragraphs.flatMap(sectionNumberApart));
  if (!paragraphs.length && !front.length) throw new ImportError('no text found in this PDF');
  // only in the United Nations' own documents (their symbol, or a job number on the pages)
  const official = isUnSymbol(symbol) || lines.some((l) => isJobNumber(lineText(l)));
  restoreNonBreakingHyphens(paragraphs, official ? sessionOf(symbol, front) : undefined);
  return { front, paragraphs, footnotes, warnings };
}

/** A section number before its title: "I.", "B.". */
const SECTION_NUMBER_RE = /^\s*((?:[IVX]{1,5}|[A-Z])\.)(?:\s+|$)/;

/**
 * A numbered section heading ("I. The story") as the draft format records it, the way the text
 * import and the adopted texts' XML do: the number a paragraph of its own ("I."), the title a
 * heading ("## The story").
 */
export function sectionNumberApart(p: ImportedParagraph): ImportedParagraph[] {
  if (!p.heading || p.runs[0]?.note) return [p];
  const m = SECTION_NUMBER_RE.exec(p.runs[0]?.text ?? '');
  if (!m) return [p];
  const runs = [{ ...p.runs[0], text: p.runs[0].text.slice(m[0].length) }, ...p.runs.slice(1)].filter((r) => r.note || r.text.trim());
  return [{ runs: [{ text: m[1] }] }, ...(runs.length ? [{ ...p, runs }] : [])];
}

function isHeadingLine(l: PdfLine): boolean {
  const main = l.items.filter((i) => i.str.trim() && !i.sup);
  return main.length > 0 && main.every((i) => i.bold) && !/^\d{1,3}\.$/.test(lineText(l));
}

function isMeetingLine(text: string): boolean {
  return /^\d+(?:st|nd|rd|th) (?:\(?(?:resumed|continued)\)? )?plenary meeting$/i.test(text);
}

function currentNoteContinues(_l: PdfLine, _notes: PdfLine[]): boolean {
  return false;
}

function stripLeadingNumber(items: PdfItem[], label: string): PdfItem[] {
  const out = [...items];
  const i = out.findIndex((it) => it.str.trim());
  if (i >= 0) out[i] = { ...out[i], str: out[i].str.replace(new RegExp(`^\\s*${label}\\s*`), '') };
  return out;
}

/** The header of page one as front-matter lines: columns split, wrapped lines joined. */
function frontMatter(lines: PdfLine[], bodySize: number): string[] {
  interface Seg {
    text: string;
    x: number;
    y: number;
    right: number;
    size: number;
    bold: boolean;
  }
  const segs: Seg[] = [];
  for (const l of lines) {
    for (const s of lineSegments(l)) {
      const text = itemsText(s).replace(/\s+/g, ' ').trim();
      if (!text || /^_{3,}$/.test(text)) continue;
      const main = s.filter((i) => i.str.trim() && !i.sup);
      segs.push({
        text,
        x: s[0].x,
        y: l.y,
        right: Math.max(...s.map((i) => i.x + i.width)),
        size: main.length ? Math.max(...main.map((i) => i.size)) : l.size,
        bold: main.length > 0 && main.every((i) => i.bold),
      });
    }
  }
  // order: by line, then left column before right column
  const out: string[] = [];
  let prev: Seg | undefined;
  const widest = Math.max(0, ...segs.map((s) => s.right - s.x));
  for (const s of segs) {
    const wraps =
      prev &&
      Math.abs(prev.x - s.x) < 2 &&
      Math.abs(prev.size - s.size) < 0.6 &&
      prev.bold === s.bold &&
      prev.y - s.y > 0 &&
      prev.y - s.y <= 1.45 * s.size &&
      prev.right - prev.x > 0.55 * widest &&
      !/[.:]$/.test(prev.text);
    if (wraps) out[out.length - 1] += (/[-‑]$/.test(out[out.length - 1]) ? '' : ' ') + s.text;
    else out.push(s.text);
    prev = s;
  }
  void bodySize;
  return out;
}
