/**
 * The redline: a .docx whose text is the base resolution with Word tracked changes that turn it
 * into the draft. Paragraphs are paired by the shared alignment (compare/align.ts); inside a pair
 * the exact word diff (compare/words.ts) gives inserted and deleted runs; numbers and labels are
 * part of the diffed text, so renumbering shows as changed numbers; a paragraph only in the draft
 * is an inserted paragraph (its mark too), one only in the base a deleted one. A moved paragraph
 * is Word move markup: its base text as `w:moveFrom` where it stood and its draft text as `w:moveTo`
 * where it goes, the two sides in named ranges (consecutive moved paragraphs that stay together
 * form one move). Words edited as well as moved are tracked inside the move, in the one way Word
 * and LibreOffice read alike: the words the draft added as insertions nested in the `w:moveTo`,
 * the words it dropped as deletions nested in the `w:moveFrom` (a deletion nested in a `w:moveTo`
 * is kept by LibreOffice's Accept All). Italics come from each side (a change of
 * italics in unchanged words is a tracked formatting change); footnote references are kept on both
 * sides. Accepting every change gives the draft, rejecting every change gives the base.
 * Plain TypeScript, no LSP import.
 */
import { alignParagraphs, AlignedPair, summarize, AlignSummary } from '../compare/align';
import { diffWords, WordDiffPart } from '../compare/words';
import { italicizeOpening, ExportOptions } from './export';
import { Inline, isNote, Layout, layoutOf, LayoutParagraph, noteText } from './layout';
import { MoveSide, WDocument, WNote, WParagraph, WRun, writeDocx, WriteOptions } from './ooxml';

/** Footnote references travel through the diff as private-use characters, one per distinct note. */
const NOTE_BASE = 0xe000;
const NOTE_MAX = 0xf8ff - NOTE_BASE;

interface Fmt {
  italic: boolean;
  bold: boolean;
}

interface Encoded {
  text: string;
  fmt: Fmt[];
  /** For each note character: the note's content on this side. */
  notes: Map<string, Inline[]>;
}

class NoteTable {
  private byText = new Map<string, string>();

  charFor(text: string): string {
    let ch = this.byText.get(text);
    if (!ch) {
      if (this.byText.size > NOTE_MAX) throw new Error('too many footnotes for a redline');
      ch = String.fromCharCode(NOTE_BASE + this.byText.size);
      this.byText.set(text, ch);
    }
    return ch;
  }
}

function isNoteChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c >= NOTE_BASE && c <= NOTE_BASE + NOTE_MAX;
}

function encode(p: LayoutParagraph, layout: Layout, table: NoteTable, openings: 'italic' | 'as-written'): Encoded {
  const inlines = openings === 'italic' && p.opening ? italicizeOpening(p.inlines, p.opening) : p.inlines;
  let text = '';
  const fmt: Fmt[] = [];
  const notes = new Map<string, Inline[]>();
  const plain: Fmt = { italic: false, bold: false };
  if (p.label) {
    text += `${p.label}\t`;
    for (let k = 0; k < p.label.length + 1; k++) fmt.push(plain);
  }
  for (const r of inlines) {
    if (isNote(r)) {
      const content = layout.notes.get(r.note) ?? [{ text: `[footnote ${r.note} not found]` }];
      const ch = table.charFor(noteText(layout, r.note) || `#${r.note}`);
      notes.set(ch, content);
      text += ch;
      fmt.push(plain);
      continue;
    }
    const f: Fmt = { italic: !!r.italic, bold: !!r.bold };
    text += r.text;
    for (let k = 0; k < r.text.length; k++) fmt.push(f);
  }
  return { text, fmt, notes };
}

export interface RedlineOptions extends WriteOptions {
  /** Italicise opening phrases on both sides as the UN prints them (default 'as-written'). */
  openings?: ExportOptions['openings'];
}

export interface RedlineResult {
  docx: Uint8Array;
  summary: AlignSummary;
  /** The pairs of the alignment (base index → draft index). */
  pairs: AlignedPair[];
}

class Builder {
  readonly notes: WNote[] = [];

  constructor(
    private readonly base: Layout,
    private readonly draft: Layout,
  ) {}

  noteRun(content: Inline[], layout: Layout, rev?: 'ins' | 'del'): WRun {
    this.notes.push({
      runs: content.map((r) =>
        isNote(r) ? { text: '' } : { text: r.text, ...(r.italic ? { italic: true } : {}), ...(r.bold ? { bold: true } : {}) },
      ),
    });
    void layout;
    return { text: '', note: this.notes.length - 1, ...(rev ? { rev } : {}) };
  }

  /** Runs of `text` (a stretch of one side), split where formatting changes. */
  runs(
    enc: Encoded,
    from: number,
    to: number,
    layout: Layout,
    rev?: 'ins' | 'del',
    was?: Encoded,
    wasFrom?: number,
    move?: MoveSide,
  ): WRun[] {
    const out: WRun[] = [];
    let k = from;
    while (k < to) {
      const ch = enc.text[k];
      if (isNoteChar(ch)) {
        const run = this.noteRun(enc.notes.get(ch) ?? [], layout, rev);
        out.push(move ? { ...run, move } : run);
        k++;
        continue;
      }
      const f = enc.fmt[k];
      const w = was ? was.fmt[wasFrom! + (k - from)] : undefined;
      let j = k + 1;
      while (j < to && !isNoteChar(enc.text[j]) && sameFmt(enc.fmt[j], f) && (!was || sameFmt(was.fmt[wasFrom! + (j - from)], w!))) j++;
      const run: WRun = {
        text: enc.text.slice(k, j),
        ...(f.italic ? { italic: true } : {}),
        ...(f.bold ? { bold: true } : {}),
        ...(rev ? { rev } : {}),
        ...(move ? { move } : {}),
      };
      if (w && !sameFmt(w, f)) run.was = { italic: w.italic, bold: w.bold };
      out.push(run);
      k = j;
    }
    return out;
  }

  whole(p: LayoutParagraph, enc: Encoded, layout: Layout, rev: 'ins' | 'del'): WParagraph {
    return { role: p.role, level: p.level, mark: rev, runs: this.runs(enc, 0, enc.text.length, layout, rev) };
  }

  /**
   * A moved paragraph where it stood: its base text moved away, its mark too — except the words
   * the draft no longer has, which are deleted here, before the move (so that no deletion has to
   * nest inside the moved text: Word and LibreOffice both read this the same way).
   */
  movedFrom(p: LayoutParagraph, enc: Encoded, diff: WordDiffPart[]): WParagraph {
    const runs: WRun[] = [];
    let o = 0;
    for (const part of diff) {
      if (part.op === 'insert') continue;
      const len = part.text.length;
      runs.push(...this.runs(enc, o, o + len, this.base, part.op === 'delete' ? 'del' : undefined, undefined, undefined, 'from'));
      o += len;
    }
    return { role: p.role, level: p.level, markMove: 'from', runs };
  }

  /**
   * A paragraph of the draft against its base paragraph: equal words as they are, deleted and
   * inserted words tracked. For a moved paragraph (`move` = 'to') every run is moved text, the
   * words inserted after the move nest inside it as insertions, and the deleted words are left
   * where the paragraph stood (see movedFrom).
   */
  pair(p: LayoutParagraph, oldEnc: Encoded, newEnc: Encoded, diff: WordDiffPart[], move?: 'to'): WParagraph {
    const runs: WRun[] = [];
    let o = 0;
    let n = 0;
    for (const part of diff) {
      const len = part.text.length;
      if (part.op === 'equal') {
        runs.push(...this.runs(newEnc, n, n + len, this.draft, undefined, oldEnc, o, move));
        o += len;
        n += len;
      } else if (part.op === 'delete') {
        if (!move) runs.push(...this.runs(oldEnc, o, o + len, this.base, 'del'));
        o += len;
      } else {
        runs.push(...this.runs(newEnc, n, n + len, this.draft, 'ins', undefined, undefined, move));
        n += len;
      }
    }
    return { role: p.role, level: p.level, runs, ...(move ? { markMove: move } : {}) };
  }
}

function sameFmt(a: Fmt, b: Fmt): boolean {
  return a.italic === b.italic && a.bold === b.bold;
}

/** The redline of two layouts as a Word document model (for the writer, and for tests). */
export function redlineDocument(base: Layout, draft: Layout, options: RedlineOptions = {}): { doc: WDocument; pairs: AlignedPair[] } {
  const openings = options.openings ?? 'as-written';
  const table = new NoteTable();
  const oldEnc = base.paragraphs.map((p) => encode(p, base, table, openings));
  const newEnc = draft.paragraphs.map((p) => encode(p, draft, table, openings));
  const pairs = alignParagraphs(
    oldEnc.map((e) => e.text),
    newEnc.map((e) => e.text),
  );
  const b = new Builder(base, draft);
  const out: WParagraph[] = [];
  const diffOf = (i: number, j: number, same: boolean): WordDiffPart[] =>
    same && oldEnc[i].text === newEnc[j].text
      ? [{ op: 'equal' as const, text: newEnc[j].text }]
      : diffWords(oldEnc[i].text, newEnc[j].text);
  // Moves: consecutive moved paragraphs of the draft whose base paragraphs were consecutive too
  // travel as one block, one named move; each base index and draft index gets its move's name.
  const moved = pairs.filter((p) => p.kind === 'moved' && p.old !== null && p.new !== null).sort((x, y) => x.new! - y.new!);
  const moveOfOld = new Map<number, string>();
  const movedDiff = new Map<number, WordDiffPart[]>(); // base index → its diff into the draft
  const moveOfNew = new Map<number, string>();
  let moves = 0;
  for (let k = 0; k < moved.length; k++) {
    const prev = moved[k - 1];
    const cur = moved[k];
    const joins = prev && prev.new! + 1 === cur.new && prev.old! + 1 === cur.old;
    if (!joins) moves++;
    moveOfOld.set(cur.old!, `move${moves}`);
    movedDiff.set(cur.old!, diffOf(cur.old!, cur.new!, !cur.textChanged));
    moveOfNew.set(cur.new!, `move${moves}`);
  }
  /** Opens and closes the move ranges around the paragraphs pushed for one side. */
  const ranged = (
    para: WParagraph,
    name: string | undefined,
    side: MoveSide,
    prevName: string | undefined,
    nextName: string | undefined,
  ) => {
    if (!name) return para;
    if (prevName !== name) para.moveStart = { side, name };
    if (nextName !== name) para.moveEnd = { side, name };
    return para;
  };
  // Paragraphs leaving their place (deleted, or moved elsewhere), in base order.
  const leaving = pairs
    .filter((p) => p.old !== null && (p.kind === 'deleted' || p.kind === 'moved'))
    .map((p) => p.old!)
    .sort((x, y) => x - y);
  let l = 0;
  const flushLeaving = (limit: number) => {
    while (l < leaving.length && leaving[l] < limit) {
      const i = leaving[l++];
      const name = moveOfOld.get(i);
      if (!name) {
        out.push(b.whole(base.paragraphs[i], oldEnc[i], base, 'del'));
        continue;
      }
      out.push(
        ranged(b.movedFrom(base.paragraphs[i], oldEnc[i], movedDiff.get(i)!), name, 'from', moveOfOld.get(i - 1), moveOfOld.get(i + 1)),
      );
    }
  };
  // At each gap between paragraphs that kept their place, the paragraphs leaving come first, then
  // those arriving (as a reader expects, and as LibreOffice needs: an inserted paragraph right
  // before a deleted one loses the paragraph break before it when LibreOffice rejects them).
  const nextInPlace = new Array<number>(pairs.length).fill(Infinity);
  for (let k = pairs.length - 1; k >= 0; k--) {
    const q = pairs[k];
    const inPlace = q.old !== null && q.new !== null && q.kind !== 'moved';
    nextInPlace[k] = inPlace ? q.old! : k + 1 < pairs.length ? nextInPlace[k + 1] : Infinity;
  }
  for (let k = 0; k < pairs.length; k++) {
    const pair = pairs[k];
    if (pair.new === null) continue; // deleted: placed by flushLeaving
    const j = pair.new;
    if (pair.kind === 'moved' || pair.kind === 'added' || pair.old === null) flushLeaving(nextInPlace[k]);
    if (pair.kind === 'moved' && pair.old !== null) {
      const para = b.pair(draft.paragraphs[j], oldEnc[pair.old], newEnc[j], movedDiff.get(pair.old)!, 'to');
      out.push(ranged(para, moveOfNew.get(j), 'to', moveOfNew.get(j - 1), moveOfNew.get(j + 1)));
      continue;
    }
    if (pair.kind === 'added' || pair.old === null) {
      out.push(b.whole(draft.paragraphs[j], newEnc[j], draft, 'ins'));
      continue;
    }
    flushLeaving(pair.old);
    out.push(b.pair(draft.paragraphs[j], oldEnc[pair.old], newEnc[j], diffOf(pair.old, j, pair.kind === 'unchanged')));
  }
  flushLeaving(Infinity);
  // Word keeps the last paragraph mark of a document whatever happens: end on an untracked one.
  const last = out[out.length - 1];
  if (!last || last.mark || last.markMove) out.push({ role: 'text', level: 0, runs: [] });
  return { doc: { paragraphs: out, notes: b.notes }, pairs };
}

/** The redline .docx turning `baseText` into `draftText` (both in the project's format). */
export function redlineDocx(baseText: string, draftText: string, options: RedlineOptions = {}): RedlineResult {
  const base = layoutOf(baseText);
  const draft = layoutOf(draftText);
  const { doc, pairs } = redlineDocument(base, draft, options);
  const docx = writeDocx(doc, { ...options, title: options.title ?? draft.title });
  return { docx, summary: summarize(pairs), pairs };
}
