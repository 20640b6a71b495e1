/**
 * An independent reader of .docx files for the tests: fflate unzips, fast-xml-parser parses, and
 * this file applies Word's rules for tracked changes — nothing from the code under test. It gives
 * the paragraphs of a document as they read after "Accept all changes" and after "Reject all
 * changes": text with `\t` for tabs, `\n` for line breaks, footnote references as `[^note text]`,
 * and italic stretches wrapped in `*…*`. A paragraph whose mark is removed (a deleted mark on
 * accept, an inserted one on reject) runs on into the next paragraph, as in Word.
 *
 * Moves are read the way Word reads them: text inside `w:moveFrom` is the text as it stood before
 * the move (gone on accept, kept on reject, like a deletion), text inside `w:moveTo` the text where
 * it now stands (kept on accept, gone on reject, like an insertion), an insertion or deletion nested
 * in a `w:moveTo` an edit made after the move; a moved paragraph mark (`w:moveFrom` / `w:moveTo`
 * in the mark's `w:rPr`) goes like a deleted or inserted one. The named ranges are collected
 * (`moves`): each name's text on the side it left (its reject view) and on the side it reached
 * (its accept view), whether both sides carry author and date, and whether every start has its end.
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

export interface ReadMove {
  /** Text inside the `w:moveFromRange…` of this name as it read before the move (reject view). */
  from: string;
  /** Text inside the `w:moveToRange…` of this name as it reads after the move (accept view). */
  to: string;
  /** Each side's range start seen once with author and date, and closed by an end of its id. */
  fromRange: { starts: number; closed: boolean; author?: string; date?: string };
  toRange: { starts: number; closed: boolean; author?: string; date?: string };
}

export interface ReadDocument {
  accept: ReadParagraph[];
  reject: ReadParagraph[];
  /** Counts of tracked changes by element, with the authors and dates seen. */
  revisions: {
    ins: number;
    del: number;
    paraIns: number;
    paraDel: number;
    format: number;
    /** `w:moveFrom` / `w:moveTo` run containers, and moved paragraph marks. */
    moveFrom: number;
    moveTo: number;
    paraMoveFrom: number;
    paraMoveTo: number;
    authors: Set<string>;
    dates: Set<string>;
  };
  /** Moves by name. */
  moves: Map<string, ReadMove>;
  /** `w:moveFrom` / `w:moveTo` content found outside a range of its side (Word would not read it as a move). */
  strayMoves: number;
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
  const revisions: ReadDocument['revisions'] = {
    ins: 0,
    del: 0,
    paraIns: 0,
    paraDel: 0,
    format: 0,
    moveFrom: 0,
    moveTo: 0,
    paraMoveFrom: 0,
    paraMoveTo: 0,
    authors: new Set(),
    dates: new Set(),
  };
  const moves = new Map<string, ReadMove>();
  const moveOf = (nm: string): ReadMove => {
    let m = moves.get(nm);
    if (!m) {
      m = { from: '', to: '', fromRange: { starts: 0, closed: false }, toRange: { starts: 0, closed: false } };
      moves.set(nm, m);
    }
    return m;
  };
  // Open ranges by id: the move's name and side.
  const openRanges = new Map<string, { name: string; side: 'from' | 'to' }>();
  let strayMoves = 0;
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
  /** Range starts and ends (inside a paragraph or between paragraphs). */
  const rangeMark = (n: X): boolean => {
    const m = /^w:move(From|To)Range(Start|End)$/.exec(name(n));
    if (!m) return false;
    const side = m[1] === 'From' ? 'from' : 'to';
    const id = attr(n, 'w:id') ?? '';
    if (m[2] === 'Start') {
      const nm = attr(n, 'w:name') ?? '';
      const r = side === 'from' ? moveOf(nm).fromRange : moveOf(nm).toRange;
      r.starts++;
      r.author = attr(n, 'w:author');
      r.date = attr(n, 'w:date');
      track(n);
      openRanges.set(id, { name: nm, side });
    } else {
      const open = openRanges.get(id);
      if (open && open.side === side) {
        const r = side === 'from' ? moveOf(open.name).fromRange : moveOf(open.name).toRange;
        r.closed = true;
        openRanges.delete(id);
      }
    }
    return true;
  };
  /** The move range open on a side, if any (its name). */
  const openOn = (side: 'from' | 'to'): string | undefined => {
    let found: string | undefined;
    for (const r of openRanges.values()) if (r.side === side) found = r.name;
    return found;
  };
  for (const p of kids(body)) {
    if (rangeMark(p)) continue;
    if (name(p) !== 'w:p') continue;
    const para: Para = { style: '', acc: [], rej: [] };
    /** `gone`: removed on accept (deleted or moved away); `added`: removed on reject (inserted or moved here). */
    const runs = (nodes: X[], gone: boolean, added: boolean) => {
      for (const n of nodes) {
        const nm = name(n);
        if (rangeMark(n)) continue;
        if (nm === 'w:pPr') {
          const ps = find(kids(n), 'w:pStyle');
          para.style = ps ? (attr(ps, 'w:val') ?? '') : '';
          const rpr = find(kids(n), 'w:rPr');
          if (rpr) {
            for (const [tag, mark, count] of [
              ['w:ins', 'ins', 'paraIns'],
              ['w:del', 'del', 'paraDel'],
              ['w:moveTo', 'ins', 'paraMoveTo'],
              ['w:moveFrom', 'del', 'paraMoveFrom'],
            ] as const) {
              const r = find(kids(rpr), tag);
              if (!r) continue;
              para.mark = mark;
              revisions[count]++;
              track(r);
            }
          }
        } else if (nm === 'w:ins' || nm === 'w:del') {
          revisions[nm === 'w:ins' ? 'ins' : 'del']++;
          track(n);
          runs(kids(n), gone || nm === 'w:del', added || nm === 'w:ins');
        } else if (nm === 'w:moveFrom' || nm === 'w:moveTo') {
          const side = nm === 'w:moveFrom' ? 'from' : 'to';
          revisions[side === 'from' ? 'moveFrom' : 'moveTo']++;
          track(n);
          const range = openOn(side);
          if (range === undefined) strayMoves++;
          const before = { acc: para.acc.length, rej: para.rej.length };
          runs(kids(n), gone || side === 'from', added || side === 'to');
          if (range !== undefined) {
            const m = moveOf(range);
            if (side === 'from')
              m.from += para.rej
                .slice(before.rej)
                .map((x) => x.text)
                .join('');
            else
              m.to += para.acc
                .slice(before.acc)
                .map((x) => x.text)
                .join('');
          }
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
            if (!gone) para.acc.push({ text: t, italic: isRef ? false : italic });
            if (!added) para.rej.push({ text: t, italic: isRef ? false : oldItalic });
          }
        } else if (nm === 'w:hyperlink' || nm === 'w:smartTag' || nm === 'w:sdt' || nm === 'w:sdtContent') runs(kids(n), gone, added);
      }
    };
    runs(kids(p), false, false);
    // A moved paragraph's mark belongs to its move: the paragraph break travels with the text.
    const openFrom = openOn('from');
    const openTo = openOn('to');
    if (para.mark === 'del' && openFrom !== undefined) moveOf(openFrom).from += '\n';
    if (para.mark === 'ins' && openTo !== undefined) moveOf(openTo).to += '\n';
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
  return { accept: view('acc', 'del'), reject: view('rej', 'ins'), revisions, moves, strayMoves, footnotes, xml };
}

/**
 * What is wrong with a document's moves, as Word would see it: a move with one side only, a range
 * opened twice or never closed, a side without author or date, moved text outside its range, a
 * move whose two sides do not hold the same paragraphs once the edits after the move are undone
 * (`before` gives each move's text as it should have stood, when the caller knows it).
 */
export function moveProblems(read: ReadDocument): string[] {
  const out: string[] = [];
  if (read.strayMoves) out.push(`${read.strayMoves} moved runs outside a move range`);
  for (const [name, m] of read.moves) {
    for (const [side, r] of [
      ['from', m.fromRange],
      ['to', m.toRange],
    ] as const) {
      if (r.starts !== 1) out.push(`${name}: ${r.starts} ${side} range starts`);
      if (!r.closed) out.push(`${name}: ${side} range never closed`);
      if (!r.author || !r.date) out.push(`${name}: ${side} range without author or date`);
    }
    if (!m.from.trim()) out.push(`${name}: nothing moved away`);
    if (!m.to.trim()) out.push(`${name}: nothing moved here`);
  }
  return out;
}
