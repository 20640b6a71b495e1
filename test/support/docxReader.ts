/**
 * An independent reader of .docx files for the tests: fflate unzips, fast-xml-parser parses, and
 * this file applies Word's rules for tracked changes — nothing from the code under test. It gives
 * the paragraphs of a document as they read after "Accept all changes" and after "Reject all
 * changes": text with `\t` for tabs, `\n` for line breaks, footnote references as `[^note text]`,
 * and italic stretches wrapped in `*…*`. A paragraph whose mark is removed (a deleted mark on
 * accept, an inserted one on reject) runs on into the next paragraph, as in Word.
 */
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

type X = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
});

function name(n: X): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}
function kids(n: X): X[] {
  const v = n[name(n)];
  return Array.isArray(v) ? v : [];
}
function attr(n: X, a: string): string | undefined {
  return n[':@']?.[a];
}
function find(nodes: X[], tag: string): X | undefined {
  return nodes.find((c) => name(c) === tag);
}
function textOf(nodes: X[]): string {
  return nodes.map((n) => (name(n) === '#text' ? String(n['#text']) : textOf(kids(n)))).join('');
}
function on(n: X | undefined): boolean {
  if (!n) return false;
  const v = attr(n, 'w:val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
}

export interface ReadParagraph {
  style: string;
  /** Text with `*…*` around italic stretches. */
  text: string;
}

export interface ReadDocument {
  accept: ReadParagraph[];
  reject: ReadParagraph[];
  /** Counts of tracked changes by element, with the authors and dates seen. */
  revisions: { ins: number; del: number; paraIns: number; paraDel: number; format: number; authors: Set<string>; dates: Set<string> };
  footnotes: number;
  /** Raw XML of document.xml. */
  xml: string;
}

interface Piece {
  text: string;
  italic: boolean;
}

function joinPieces(pieces: Piece[]): string {
  let out = '';
  let open = false;
  for (const p of pieces) {
    if (!p.text) continue;
    if (p.italic !== open) {
      out += '*';
      open = p.italic;
    }
    out += p.text;
  }
  if (open) out += '*';
  return out.replace(/\*\*/g, '');
}

export function readDocx(data: Uint8Array): ReadDocument {
  const files = unzipSync(data);
  const xml = strFromU8(files['word/document.xml']);
  const doc = parser.parse(xml) as X[];
  const notesXml = files['word/footnotes.xml'] ? (parser.parse(strFromU8(files['word/footnotes.xml'])) as X[]) : [];
  const revisions: ReadDocument['revisions'] = { ins: 0, del: 0, paraIns: 0, paraDel: 0, format: 0, authors: new Set(), dates: new Set() };
  const noteRoot = find(notesXml, 'w:footnotes');
  const noteText = new Map<string, string>();
  let footnotes = 0;
  for (const fn of noteRoot ? kids(noteRoot) : []) {
    if (name(fn) !== 'w:footnote' || attr(fn, 'w:type')) continue;
    footnotes++;
    const t: string[] = [];
    const walk = (nodes: X[]) => {
      for (const n of nodes) {
        const nm = name(n);
        if (nm === 'w:t') t.push(textOf(kids(n)));
        else if (nm === 'w:tab') t.push(' ');
        else walk(kids(n));
      }
    };
    walk(kids(fn));
    noteText.set(attr(fn, 'w:id')!, t.join('').replace(/\s+/g, ' ').trim());
  }
  const note = (id: string) => `[^${noteText.get(id) ?? `missing ${id}`}]`;
  const track = (n: X) => {
    const a = attr(n, 'w:author');
    const d = attr(n, 'w:date');
    if (a !== undefined) revisions.authors.add(a);
    if (d !== undefined) revisions.dates.add(d);
  };

  const body = find(kids(find(doc, 'w:document')!), 'w:body')!;
  type Para = { style: string; mark?: 'ins' | 'del'; acc: Piece[]; rej: Piece[] };
  const paras: Para[] = [];
  for (const p of kids(body)) {
    if (name(p) !== 'w:p') continue;
    const para: Para = { style: '', acc: [], rej: [] };
    const runs = (nodes: X[], rev?: 'ins' | 'del') => {
      for (const n of nodes) {
        const nm = name(n);
        if (nm === 'w:pPr') {
          const ps = find(kids(n), 'w:pStyle');
          para.style = ps ? (attr(ps, 'w:val') ?? '') : '';
          const rpr = find(kids(n), 'w:rPr');
          if (rpr) {
            const ins = find(kids(rpr), 'w:ins');
            const del = find(kids(rpr), 'w:del');
            if (ins) {
              para.mark = 'ins';
              revisions.paraIns++;
              track(ins);
            }
            if (del) {
              para.mark = 'del';
              revisions.paraDel++;
              track(del);
            }
          }
        } else if (nm === 'w:ins' || nm === 'w:del') {
          revisions[nm === 'w:ins' ? 'ins' : 'del']++;
          track(n);
          runs(kids(n), nm === 'w:ins' ? 'ins' : 'del');
        } else if (nm === 'w:r') {
          const rpr = find(kids(n), 'w:rPr');
          const italic = on(rpr && find(kids(rpr), 'w:i'));
          const change = rpr && find(kids(rpr), 'w:rPrChange');
          let oldItalic = italic;
          if (change) {
            revisions.format++;
            track(change);
            const old = find(kids(change), 'w:rPr');
            oldItalic = on(old && find(kids(old), 'w:i'));
          }
          for (const c of kids(n)) {
            const cn = name(c);
            let t = '';
            if (cn === 'w:t' || cn === 'w:delText') t = textOf(kids(c));
            else if (cn === 'w:tab') t = '\t';
            else if (cn === 'w:br' || cn === 'w:cr') t = '\n';
            else if (cn === 'w:footnoteReference') t = note(attr(c, 'w:id')!);
            else continue;
            const isRef = cn === 'w:footnoteReference';
            if (rev !== 'del') para.acc.push({ text: t, italic: isRef ? false : italic });
            if (rev !== 'ins') para.rej.push({ text: t, italic: isRef ? false : oldItalic });
          }
        } else if (nm === 'w:hyperlink' || nm === 'w:smartTag' || nm === 'w:sdt' || nm === 'w:sdtContent') runs(kids(n), rev);
      }
    };
    runs(kids(p));
    paras.push(para);
  }
  const view = (which: 'acc' | 'rej', removed: 'ins' | 'del'): ReadParagraph[] => {
    const out: ReadParagraph[] = [];
    let carry: Piece[] = [];
    for (const p of paras) {
      const pieces = [...carry, ...p[which]];
      if (p.mark === removed) {
        carry = pieces; // the mark goes: the text runs on into the next paragraph
        continue;
      }
      carry = [];
      out.push({ style: p.style, text: joinPieces(pieces) });
    }
    if (carry.length) out.push({ style: '', text: joinPieces(carry) });
    return out.filter((p) => p.text !== '');
  };
  return { accept: view('acc', 'del'), reject: view('rej', 'ins'), revisions, footnotes, xml };
}
