/**
 * Fixes in the core: applying edits, renumbering operative paragraphs (carrying internal
 * cross-references along), renumbering footnotes, re-lettering sub-paragraphs, and fix-all that
 * repeats until no fixable finding remains. No LSP import.
 */
import type { CrossReference, FootnoteStyle, OperativeParagraph, ResolutionDocument, SubLabelStyle, SubParagraph } from './model';
import type { Edit, Finding, Severity } from './findings';
import { LineIndex } from './text';
import {
  LATIN_LOOKALIKES as LOOKALIKE_TO_LATIN,
  labelAlphabetOf,
  letterValue,
  numeralLabel,
  subLabelLetters,
  toAlpha,
  toRoman,
  toSuperscript,
  type LabelAlphabet,
} from './lexicon';

interface OffsetEdit {
  start: number;
  end: number;
  newText: string;
}

function toOffsets(lines: LineIndex, edits: Edit[]): OffsetEdit[] {
  return edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }));
}

function overlaps(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  return (
    (a.start < b.end && b.start < a.end) ||
    (a.start === a.end && a.start > b.start && a.start < b.end) ||
    (b.start === b.end && b.start > a.start && b.start < a.end)
  );
}

/** Applies non-overlapping edits (LSP ranges over `text`); throws on overlapping edits. */
export function applyEdits(text: string, edits: Edit[]): string {
  const lines = new LineIndex(text);
  const list = toOffsets(lines, edits).sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < list.length; i++) {
    if (list[i].start < list[i - 1].end) throw new Error('overlapping edits');
  }
  let out = '';
  let at = 0;
  for (const e of list) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------- operative renumbering

function normNumber(s: string): string {
  // the common case, a number alone ("12", "12."), as it is
  let plain = s.length > 0;
  for (let i = 0; i < s.length && plain; i++) {
    const c = s.charCodeAt(i);
    plain = (c >= 48 && c <= 57) || (c === 46 && i === s.length - 1);
  }
  if (plain) return s;
  return s
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Edits that renumber the operative paragraphs 1, 2, 3 … and rewrite the internal
 * cross-references ("paragraph 5 above", "paragraphs 3 and 4", "paragraph 5 (a)") to follow
 * the paragraphs they pointed at. With keepInserted (draft mode), `5 bis` paragraphs keep
 * their suffix and follow the number of the paragraph before them. Paragraphs in `exclude`
 * (misplaced unnumbered paragraphs) are left out of the numbering.
 */
export function renumberOperativeEdits(doc: ResolutionDocument, keepInserted = false, exclude: ReadonlySet<number> = new Set()): Edit[] {
  const ops = doc.operative;
  if (ops.length === 0 || (ops.length === 1 && !ops[0].number)) return [];
  // (each step a function of its own: a step taken on a few keystrokes only, inside one function
  // with the loops run on every keystroke, made that function's compiled code be thrown away)
  const last = lastRenumber;
  const plan = planFor(doc, keepInserted, exclude, last);
  placeEdits(plan.edits, ops, doc.crossReferences);
  const edits = rangesRemembered(new LineIndex(doc.source, doc.lineStarts), orderOf(plan), last?.result);
  plan.result = edits;
  lastRenumber = plan;
  return edits;
}

/** The plan of the last renumbering when it holds for `doc`, or its numbering part with the references worked out again, or a new plan. */
function planFor(
  doc: ResolutionDocument,
  keepInserted: boolean,
  exclude: ReadonlySet<number>,
  last: RenumberPlan | undefined,
): RenumberPlan {
  if (!last || !sameNumbering(doc, keepInserted, exclude, last)) return renumberPlan(doc, keepInserted, exclude);
  if (last.reusable && sameReferences(doc, last)) {
    // the same targets in the same order: the plan's edits are those of these references
    last.refs = doc.crossReferences;
    return last;
  }
  return withReferences(doc, last);
}

/** The plan's edits at the places their nodes stand now. */
function placeEdits(planned: PlannedEdit[], ops: readonly OperativeParagraph[], refs: readonly CrossReference[]): void {
  // (indexed loops here and below: these run once per version over thousands of edits, maybe before
  // they are optimised, where a for-of makes an object per step)
  for (let k = 0; k < planned.length; k++) {
    const e = planned[k];
    if (e.op >= 0) {
      const p = ops[e.op];
      e.start = p.number ? p.number.start : p.start;
      e.end = p.number ? p.number.end : p.start;
    } else {
      const t = refs[e.ref].targets[e.target];
      e.start = t.start;
      e.end = t.end;
    }
  }
}

/**
 * The plan's edits in order of place, without repeats: its order of the last version while its
 * edits still go in that order with no two at one place (then sorting them again gives that order).
 */
function orderOf(plan: RenumberPlan): OffsetEdit[] {
  if (plan.order && stillInOrder(plan.order)) return plan.order;
  const order = dedupe(plan.edits);
  plan.order = order.length === plan.edits.length ? order : undefined;
  return order;
}

/** Are the edits (without repeats, in order of place when they were put in order) still so: each starts after the one before? */
function stillInOrder(edits: readonly OffsetEdit[]): boolean {
  for (let k = 1; k < edits.length; k++) if (edits[k].start <= edits[k - 1].start) return false;
  return true;
}

/** An edit of a renumbering: of operative paragraph `op`'s number (or its start), else of target `target` of cross-reference `ref`. */
interface PlannedEdit extends OffsetEdit {
  op: number;
  ref: number;
  target: number;
}

/**
 * What a renumbering writes where, without the offsets, and what it was decided from: the number
 * texts, the excluded paragraphs, the section restarts and the cross-references' targets. The next
 * version of an edited draft most often has all of these unchanged (the user types inside a
 * paragraph): its renumbering is the same plan at the new offsets, and the same edits (the same
 * objects) wherever their line and column are the same. When only cross-references changed (the
 * user types in one), the numbers are the plan's and so are the edits of the references the
 * re-parse carried over (the same nodes).
 */
interface RenumberPlan {
  keepInserted: boolean;
  exclude: ReadonlySet<number>;
  numbers: Array<string | undefined>;
  /** The paragraphs it was last found to hold for (their numbers are `numbers`), and those numbered 1. */
  paragraphs: readonly OperativeParagraph[];
  ones: number[];
  restarts: number[];
  /** The number each operative paragraph gets ('' for one left out) and the edits of the paragraphs' numbers. */
  newNumbers: string[];
  numberEdits: PlannedEdit[];
  /** The index of the paragraphs' numbers the references were resolved with. */
  index: Map<string, number[]>;
  /** The cross-references it was made for, and where the edits of each begin among `refEdits` (one more entry: their count). */
  refs: CrossReference[];
  refFirst: Int32Array;
  refEdits: PlannedEdit[];
  /** The cross-references' target texts, all in a row, and how many each reference has (a direction only matters among duplicate numbers, which are not planned ahead). */
  targets: string[];
  counts: number[];
  /** numberEdits then refEdits. */
  edits: PlannedEdit[];
  /** False when a target had several candidates: then the positions decide, and the references' part holds only for its own version. */
  reusable: boolean;
  /** `edits` in order of place, when last put in order and none was a repeat. */
  order?: OffsetEdit[];
  result?: Edit[];
}

let lastRenumber: RenumberPlan | undefined;

function sameSet(a: ReadonlySet<number>, b: ReadonlySet<number>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** Does `doc` number its paragraphs from the same inputs as the plan (the paragraphs' numbers, those left out, the sections)? */
function sameNumbering(doc: ResolutionDocument, keepInserted: boolean, exclude: ReadonlySet<number>, plan: RenumberPlan): boolean {
  if (plan.keepInserted !== keepInserted || !sameSet(plan.exclude, exclude)) return false;
  const ops = doc.operative;
  if (ops.length !== plan.numbers.length) return false;
  // a paragraph the plan was made with (the same node) has the same number: only the others are read
  const was = plan.paragraphs;
  for (let i = 0; i < ops.length; i++) if (ops[i] !== was[i] && ops[i].number?.text !== plan.numbers[i]) return false;
  plan.paragraphs = ops;
  const restarts = sectionRestarts(doc, plan.ones);
  if (restarts.length !== plan.restarts.length || restarts.some((r, k) => plan.restarts[k] !== r)) return false;
  return operativeNumberIndex(doc) === plan.index;
}

/** Are `doc`'s cross-references' targets those of the plan (the same texts in the same order)? */
function sameReferences(doc: ResolutionDocument, plan: RenumberPlan): boolean {
  const refs = doc.crossReferences;
  if (refs.length !== plan.counts.length) return false;
  // a reference the plan was made with (the same node) has the same targets: only the others are read
  const was = plan.refs;
  for (let r = 0, x = 0; r < refs.length; r++) {
    if (refs[r] === was[r]) {
      x += plan.counts[r];
      continue;
    }
    const ts = refs[r].targets;
    if (ts.length !== plan.counts[r]) return false;
    for (let k = 0; k < ts.length; k++) if (ts[k].text !== plan.targets[x++]) return false;
  }
  return true;
}

/**
 * The operative paragraphs (after the first) that start a new section; `ones`, when given, the
 * paragraphs numbered 1 (the only ones that may).
 */
function sectionRestarts(doc: ResolutionDocument, ones?: readonly number[]): number[] {
  const out: number[] = [];
  const ops = doc.operative;
  if (ones) {
    for (const i of ones) if (i >= 1 && sectionRestart(doc, i)) out.push(i);
    return out;
  }
  for (let i = 1; i < ops.length; i++) if (ops[i].number?.value === 1 && sectionRestart(doc, i)) out.push(i);
  return out;
}

/** The operative paragraphs numbered 1. */
function numberedOne(doc: ResolutionDocument): number[] {
  const out: number[] = [];
  const ops = doc.operative;
  for (let i = 0; i < ops.length; i++) if (ops[i].number?.value === 1) out.push(i);
  return out;
}

function renumberPlan(doc: ResolutionDocument, keepInserted: boolean, exclude: ReadonlySet<number>): RenumberPlan {
  const ops = doc.operative;
  const restarts = sectionRestarts(doc);
  const newNumbers: string[] = [];
  let n = 0;
  for (let i = 0, k = 0; i < ops.length; i++) {
    const p = ops[i];
    if (exclude.has(i)) {
      // a misplaced unnumbered paragraph (`*Welcoming* …`) takes no number
      newNumbers.push('');
      continue;
    }
    if (restarts[k] === i) {
      k++;
      n = 0;
    }
    if (keepInserted && p.number?.suffix && n > 0) newNumbers.push(`${n} ${p.number.suffix}`);
    else newNumbers.push(String(++n));
  }
  const numberEdits: PlannedEdit[] = [];
  ops.forEach((p, i) => {
    if (exclude.has(i)) return;
    if (p.number) {
      const now = normNumber(p.number.text);
      if ((now.endsWith('.') ? now.slice(0, -1) : now) !== newNumbers[i]) {
        // keep the token's own trailing "." if it carries one
        const dot = p.number.text.trimEnd().endsWith('.') ? '.' : '';
        numberEdits.push({ start: p.number.start, end: p.number.end, newText: newNumbers[i] + dot, op: i, ref: -1, target: -1 });
      }
    } else {
      numberEdits.push({ start: p.start, end: p.start, newText: `${newNumbers[i]}. `, op: i, ref: -1, target: -1 });
    }
  });
  const numbering = {
    keepInserted,
    exclude: new Set(exclude),
    numbers: ops.map((p) => p.number?.text),
    paragraphs: ops,
    ones: numberedOne(doc),
    restarts,
    newNumbers,
    numberEdits,
    index: operativeNumberIndex(doc),
  };
  return withReferences(doc, numbering);
}

/**
 * The plan of `doc` from the numbering part of `plan` (which holds for `doc`): the edits of its
 * cross-references, those of a reference the plan was made for taken over (the same node: the
 * same targets, resolved the same while no number has several paragraphs), the others worked out.
 */
function withReferences(
  doc: ResolutionDocument,
  plan: Pick<
    RenumberPlan,
    'keepInserted' | 'exclude' | 'numbers' | 'paragraphs' | 'ones' | 'restarts' | 'newNumbers' | 'numberEdits' | 'index'
  > &
    Partial<RenumberPlan>,
): RenumberPlan {
  const { newNumbers, index } = plan;
  const refs = doc.crossReferences;
  // the references of the plan's version before and after the edit are the same nodes at the same
  // places from either end (a re-parse keeps them); the plan's edits of those hold when it was reusable
  const was = plan.reusable ? (plan.refs ?? []) : [];
  const wasFirst = plan.refFirst;
  const wasEdits = plan.refEdits ?? [];
  const shift = was.length - refs.length;
  let head = 0;
  while (head < refs.length && head < was.length && refs[head] === was[head]) head++;
  let tail = refs.length;
  while (tail > head && tail + shift > head && refs[tail - 1] === was[tail - 1 + shift]) tail--;
  const refEdits: PlannedEdit[] = [];
  const refFirst = new Int32Array(refs.length + 1);
  const targets: string[] = [];
  const counts: number[] = [];
  let reusable = true;
  for (let r = 0; r < refs.length; r++) {
    refFirst[r] = refEdits.length;
    const ref = refs[r];
    counts.push(ref.targets.length);
    for (let k = 0; k < ref.targets.length; k++) targets.push(ref.targets[k].text);
    const old = r < head ? r : r >= tail ? r + shift : -1;
    if (old >= 0 && wasFirst) {
      for (let x = wasFirst[old]; x < wasFirst[old + 1]; x++) {
        const e = wasEdits[x];
        e.ref = r;
        refEdits.push(e);
      }
      continue;
    }
    for (let k = 0; k < ref.targets.length; k++) {
      const t = ref.targets[k];
      const wanted = normNumber(t.text);
      const candidates = index.get(wanted);
      if (!candidates) continue;
      if (candidates.length > 1) reusable = false;
      const target = candidates.length === 1 ? candidates[0] : resolveTarget(doc, ref, t.text);
      if (target === undefined || !newNumbers[target]) continue;
      if (wanted !== newNumbers[target])
        refEdits.push({ start: t.start, end: t.end, newText: newNumbers[target], op: -1, ref: r, target: k });
    }
  }
  refFirst[refs.length] = refEdits.length;
  return {
    keepInserted: plan.keepInserted,
    exclude: plan.exclude,
    numbers: plan.numbers,
    paragraphs: plan.paragraphs,
    ones: plan.ones,
    restarts: plan.restarts,
    newNumbers,
    numberEdits: plan.numberEdits,
    index,
    refs,
    refFirst,
    refEdits,
    targets,
    counts,
    edits: plan.numberEdits.concat(refEdits),
    reusable,
  };
}

/**
 * True when operative paragraph i starts a new section: it is numbered 1 and a heading stands
 * between it and the paragraph before (omnibus resolutions number each section from 1).
 */
export function sectionRestart(doc: ResolutionDocument, i: number): boolean {
  const p = doc.operative[i];
  const prev = doc.operative[i - 1];
  if (!p?.number || p.number.value !== 1 || p.number.suffix || !prev) return false;
  return headingBetween(doc, prev.end, p.start);
}

/**
 * Is there a heading within [from, to]? (Apart from sectionRestart, which is asked about every
 * operative paragraph: a closure there made a context for its paragraphs on every call.)
 */
function headingBetween(doc: ResolutionDocument, from: number, to: number): boolean {
  const blocks = doc.blocks;
  for (let k = 0; k < blocks.length; k++) {
    const b = blocks[k];
    if (b.kind === 'heading' && b.start >= from && b.end <= to) return true;
  }
  return false;
}

const numberIndexCache = new WeakMap<ResolutionDocument, Map<string, number[]>>();

/**
 * The index last built, with the number text of each operative paragraph it was built from: the
 * next version of an edited document (a re-parse keeps the paragraphs and their number texts) most
 * often numbers its paragraphs the same way, and then shares it after one comparison per paragraph.
 */
let lastIndex: { texts: Array<string | undefined>; paragraphs: readonly OperativeParagraph[]; map: Map<string, number[]> } | undefined;

/** Do the paragraphs carry those numbers? (A paragraph the index was last found to hold for, the same node, is not read.) */
function sameNumbers(ops: ResolutionDocument['operative'], last: NonNullable<typeof lastIndex>): boolean {
  const texts = last.texts;
  if (ops.length !== texts.length) return false;
  const was = last.paragraphs;
  for (let i = 0; i < ops.length; i++) if (ops[i] !== was[i] && ops[i].number?.text !== texts[i]) return false;
  last.paragraphs = ops;
  return true;
}

/** Operative paragraph indices by number text ("5", "5 bis"), computed once per document. */
export function operativeNumberIndex(doc: ResolutionDocument): Map<string, number[]> {
  if (lastIndexed?.doc === doc) return lastIndexed.map;
  let m = numberIndexCache.get(doc);
  if (!m) {
    if (lastIndex && sameNumbers(doc.operative, lastIndex)) m = lastIndex.map;
    else {
      const map = new Map<string, number[]>();
      const texts: Array<string | undefined> = [];
      doc.operative.forEach((p, i) => {
        texts.push(p.number?.text);
        if (!p.number) return;
        const n = normNumber(p.number.text);
        const k = n.endsWith('.') ? n.slice(0, -1) : n;
        const list = map.get(k);
        if (list) list.push(i);
        else map.set(k, [i]);
      });
      lastIndex = { texts, paragraphs: doc.operative, map };
      m = map;
    }
    numberIndexCache.set(doc, m);
  }
  lastIndexed = { doc, map: m };
  return m;
}

/** The document last asked about and its index (a check asks once per cross-reference). */
let lastIndexed: { doc: ResolutionDocument; map: Map<string, number[]> } | undefined;

/** Index of the operative paragraph a cross-reference target means, if any. */
export function resolveTarget(doc: ResolutionDocument, ref: CrossReference, target: string): number | undefined {
  const candidates = operativeNumberIndex(doc).get(normNumber(target));
  if (!candidates || candidates.length === 1) return candidates?.[0];
  // several paragraphs carry that number: take the nearest in the stated direction
  if (ref.direction === 'above') {
    const before = candidates.filter((i) => doc.operative[i].end <= ref.start);
    return before.length ? before[before.length - 1] : candidates[0];
  }
  if (ref.direction === 'below') return candidates.find((i) => doc.operative[i].start >= ref.end) ?? candidates[0];
  return candidates[0];
}

/** The edits without repeats of a stretch (the first kept), in order of their start (ties in their order). */
function dedupe(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = inOrder(edits);
  // made at its largest size and cut to the edits kept (one grown by push is copied as it grows)
  const out = new Array<OffsetEdit>(sorted.length);
  let n = 0;
  for (let k = 0; k < sorted.length; k++) {
    const e = sorted[k];
    const start = e.start;
    const end = e.end;
    // a repeat has the same start, so it is among the last edits kept (both offsets of the edit
    // compared read on every step: an offset read only on the rare repeat made the compiled code
    // be thrown away each time one came)
    let repeat = false;
    for (let j = n - 1; j >= 0; j--) {
      const o = out[j];
      const os = o.start;
      const oe = o.end;
      if (os !== start) break;
      if (oe === end) {
        repeat = true;
        break;
      }
    }
    if (!repeat) out[n++] = e;
  }
  out.length = n;
  return out;
}

/**
 * The edits sorted by start, ties in their order (a stable sort). A renumbering makes two ascending
 * runs (the numbers, then the cross-references): those are merged, not sorted.
 */
function inOrder(edits: OffsetEdit[]): OffsetEdit[] {
  const n = edits.length;
  let cut = 1;
  while (cut < n && edits[cut].start >= edits[cut - 1].start) cut++;
  if (cut >= n) return edits;
  let k = cut + 1;
  while (k < n && edits[k].start >= edits[k - 1].start) k++;
  if (k < n) return edits.slice().sort((a, b) => a.start - b.start);
  // made at its size (a renumbering has thousands of edits: an array grown by push is copied as it grows)
  const out = new Array<OffsetEdit>(n);
  let i = 0;
  let j = cut;
  let o = 0;
  while (i < cut && j < n) out[o++] = edits[j].start < edits[i].start ? edits[j++] : edits[i++];
  while (i < cut) out[o++] = edits[i++];
  while (j < n) out[o++] = edits[j++];
  return out;
}

/** Is `p` before (line, character)? */
function before(p: { line: number; character: number }, line: number, character: number): boolean {
  return p.line < line || (p.line === line && p.character < character);
}

/**
 * The edits (in order of their start) with LSP ranges, the line starts walked once instead of searched
 * per edit. An edit of `previous` (in order of place too) with the same range and text is used
 * again: a keystroke elsewhere in the draft moves no line of the others.
 */
function withRanges(lines: LineIndex, edits: OffsetEdit[], previous?: Edit[]): Edit[] {
  const starts = lines.lineStarts;
  const length = lines.text.length;
  const last = starts.length - 1;
  let line = 0;
  // one edit out per edit in, made at its size (one grown by push is copied as it grows)
  const out = new Array<Edit>(edits.length);
  const prior = previous ?? [];
  let j = 0;
  for (let k = 0; k < edits.length; k++) {
    const e = edits[k];
    const s = Math.max(0, Math.min(e.start, length));
    while (line < last && starts[line + 1] <= s) line++;
    const t = Math.max(0, Math.min(e.end, length));
    if (t < s) {
      out[k] = { range: lines.range(e.start, e.end), newText: e.newText };
      continue;
    }
    let endLine = line;
    while (endLine < last && starts[endLine + 1] <= t) endLine++;
    // the edit of `previous` at the same place, if there is one (both lists go in order of place)
    const sc = s - starts[line];
    while (j < prior.length && before(prior[j].range.start, line, sc)) j++;
    const was = prior[j];
    if (
      was &&
      was.newText === e.newText &&
      was.range.start.line === line &&
      was.range.start.character === sc &&
      was.range.end.line === endLine &&
      was.range.end.character === t - starts[endLine]
    ) {
      out[k] = was;
      continue;
    }
    out[k] = {
      range: { start: { line, character: s - starts[line] }, end: { line: endLine, character: t - starts[endLine] } },
      newText: e.newText,
    };
  }
  return out;
}

/**
 * The lines and columns of a renumbering's edits, with their texts, in arrays of numbers beside the
 * edits: the next renumbering compares its edits with these instead of reading the last one's edit
 * objects (thousands of them, each a read from memory far from the others). Two, used in turn: the
 * last renumbering's and the one being made.
 */
interface RangeMemo {
  edits: Edit[];
  count: number;
  texts: string[];
  lines: Int32Array;
}

let memoLast: RangeMemo | undefined;
let memoFree: RangeMemo | undefined;

/** withRanges for a renumbering, its last edits compared through their memo (when it is theirs). */
function rangesRemembered(lines: LineIndex, edits: OffsetEdit[], previous?: Edit[]): Edit[] {
  const prior = previous && memoLast?.edits === previous ? memoLast : undefined;
  if (!prior && previous) {
    const out = withRanges(lines, edits, previous);
    memoLast = remember(out, memoFree);
    memoFree = undefined;
    return out;
  }
  const starts = lines.lineStarts;
  const length = lines.text.length;
  const last = starts.length - 1;
  const n = edits.length;
  const memo = room(memoFree, n);
  const at = memo.lines;
  let line = 0;
  // made when an edit differs from the last renumbering's at its place: until then, and if none
  // does, the edits are those of the last renumbering, the same list
  let out: Edit[] | undefined;
  const differs = (k: number): Edit[] => {
    const list = new Array<Edit>(n);
    for (let i = 0; i < k; i++) list[i] = previous![i];
    out = list;
    return list;
  };
  if (!prior || n !== prior.count) out = new Array<Edit>(n);
  let j = 0;
  for (let k = 0; k < n; k++) {
    const e = edits[k];
    memo.texts[k] = e.newText;
    const s = Math.max(0, Math.min(e.start, length));
    while (line < last && starts[line + 1] <= s) line++;
    const t = Math.max(0, Math.min(e.end, length));
    if (t < s) {
      (out ?? differs(k))[k] = { range: lines.range(e.start, e.end), newText: e.newText };
      at[4 * k] = -1;
      continue;
    }
    let endLine = line;
    while (endLine < last && starts[endLine + 1] <= t) endLine++;
    const sc = s - starts[line];
    const ec = t - starts[endLine];
    at[4 * k] = line;
    at[4 * k + 1] = sc;
    at[4 * k + 2] = endLine;
    at[4 * k + 3] = ec;
    if (prior) {
      // the edit of `previous` at the same place, if there is one (both lists go in order of place)
      const was = prior.lines;
      while (j < prior.count && (was[4 * j] < line || (was[4 * j] === line && was[4 * j + 1] < sc))) j++;
      if (
        j < prior.count &&
        was[4 * j] === line &&
        was[4 * j + 1] === sc &&
        was[4 * j + 2] === endLine &&
        was[4 * j + 3] === ec &&
        prior.texts[j] === e.newText
      ) {
        if (out) out[k] = previous![j];
        else if (j !== k) differs(k)[k] = previous![j];
        continue;
      }
    }
    (out ?? differs(k))[k] = { range: { start: { line, character: sc }, end: { line: endLine, character: ec } }, newText: e.newText };
  }
  // every edit the last one at its place: the last list, which its memo describes still
  if (!out) return previous!;
  memo.edits = out;
  memo.count = n;
  memoFree = memoLast;
  memoLast = memo;
  return out;
}

/** A memo with room for n edits (`free`'s arrays when they are large enough). */
function room(free: RangeMemo | undefined, n: number): RangeMemo {
  if (free && free.lines.length >= 4 * n) return free;
  return { edits: [], count: 0, texts: new Array<string>(n), lines: new Int32Array(4 * Math.max(16, n + (n >> 2))) };
}

/** The memo of edits made without one. */
function remember(edits: Edit[], free: RangeMemo | undefined): RangeMemo {
  const memo = room(free, edits.length);
  edits.forEach((e, k) => {
    memo.texts[k] = e.newText;
    memo.lines[4 * k] = e.range.start.line;
    memo.lines[4 * k + 1] = e.range.start.character;
    memo.lines[4 * k + 2] = e.range.end.line;
    memo.lines[4 * k + 3] = e.range.end.character;
  });
  memo.edits = edits;
  memo.count = edits.length;
  return memo;
}

// ---------------------------------------------------------------- footnotes

export function footnoteToken(style: FootnoteStyle, label: string): string {
  if (style === 'unicode') return toSuperscript(label);
  if (style === 'sup') return `<sup>${label}</sup>`;
  return `[^${label}]`;
}

/** The items in order of their start: the list itself when it is so already (a stable sort would keep it as it is), else a sorted copy. */
function inPlaceOrder<T extends { start: number }>(items: readonly T[]): readonly T[] {
  for (let k = 1; k < items.length; k++) if (items[k].start < items[k - 1].start) return [...items].sort((a, b) => a.start - b.start);
  return items;
}

/** Is there nothing but white space (as `\s` means it) among the characters [from, to) of `text`? */
function blank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    // beyond ASCII the pattern decides (no-break and other Unicode spaces)
    return c >= 128 && /^\s*$/.test(text.slice(i, to));
  }
  return true;
}

/** Does a marker stand within [from, to]? (Markers in order of place: found by halving, then read forward.) */
function markerWithin(markers: ReadonlyArray<{ start: number; end: number }>, from: number, to: number): boolean {
  if (inPlaceOrder(markers) !== markers) return markers.some((m) => m.start >= from && m.end <= to);
  let lo = 0;
  let hi = markers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (markers[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  for (let k = lo; k < markers.length && markers[k].start <= to; k++) if (markers[k].end <= to) return true;
  return false;
}

/**
 * Edits that renumber footnotes 1, 2, 3 … in order of first reference, markers and definitions
 * together (each keeps its style). Definitions no marker points to follow, in their order.
 * Only numeric labels take part; other labels are left alone.
 */
export function renumberFootnotesEdits(doc: ResolutionDocument): Edit[] {
  const lines = new LineIndex(doc.source, doc.lineStarts);
  const numeric = (l: string) => /^\d+$/.test(l);
  const mapping = new Map<string, string>();
  let n = 0;
  for (const m of doc.footnoteMarkers) if (numeric(m.label) && !mapping.has(m.label)) mapping.set(m.label, String(++n));
  for (const d of doc.footnoteDefinitions) if (numeric(d.label) && !mapping.has(d.label)) mapping.set(d.label, String(++n));
  const edits: OffsetEdit[] = [];
  for (const m of doc.footnoteMarkers) {
    const to = mapping.get(m.label);
    if (to && to !== m.label) edits.push({ start: m.start, end: m.end, newText: footnoteToken(m.style, to) });
  }
  // Definitions: relabelled, and put in order within each block of consecutive definitions.
  const defs = inPlaceOrder(doc.footnoteDefinitions);
  const rank = (d: (typeof defs)[number]) => Number(mapping.get(d.label) ?? d.label) || Number.MAX_SAFE_INTEGER;
  const relabel = (d: (typeof defs)[number]) => {
    const to = mapping.get(d.label);
    return (
      (to && to !== d.label ? footnoteToken(d.style, to) : doc.source.slice(d.marker.start, d.marker.end)) +
      doc.source.slice(d.marker.end, d.end)
    );
  };
  // (a block of consecutive definitions: those with nothing but white space between them, as index range [a, b) of defs)
  for (let a = 0, b = 1; a < defs.length; a = b, b = a + 1) {
    while (b < defs.length && blank(doc.source, defs[b - 1].end, defs[b].start)) b++;
    if (b - a > 1) {
      const run = defs.slice(a, b);
      const sorted = [...run].sort((x, y) => rank(x) - rank(y));
      const runStart = run[0].start;
      const runEnd = run[run.length - 1].end;
      if (!markerWithin(doc.footnoteMarkers, runStart, runEnd) && sorted.some((d, i) => d !== run[i])) {
        let text = '';
        sorted.forEach((d, i) => {
          text += doc.source.slice(d.start, d.marker.start) + relabel(d);
          if (i < run.length - 1) text += doc.source.slice(run[i].end, run[i + 1].start);
        });
        edits.push({ start: runStart, end: runEnd, newText: text });
        continue;
      }
    }
    for (let k = a; k < b; k++) {
      const d = defs[k];
      const to = mapping.get(d.label);
      if (to && to !== d.label) edits.push({ start: d.marker.start, end: d.marker.end, newText: footnoteToken(d.style, to) });
    }
  }
  return withRanges(lines, dedupe(edits));
}

// ---------------------------------------------------------------- sub-paragraph labels

/** Roman numeral of n, lower case (from the lexicon). */
export const roman = toRoman;
/** Alphabetic label of n: a … z, aa, bb … (from the lexicon). */
export const alpha = toAlpha;

/** A label's letters: "(c)" → "c", "в)" → "в", "(ب ب)" → "ب ب". */
function labelLetters(label: string): string {
  return label.replace(/^[\s(]+|[).\s]+$/g, '');
}

/**
 * The alphabet a list of sibling sub-paragraphs is lettered in: Arabic or Russian when any label
 * is written in it (`а) б) в)`), else Latin (a Cyrillic `а)` or `с)` in a Latin list reads as a, c).
 */
export function listAlphabet(siblings: readonly SubParagraph[]): LabelAlphabet {
  let found: LabelAlphabet = 'latin';
  for (const s of siblings) {
    if (s.style === 'paren-roman' || s.style === 'dot-roman') continue;
    const a = labelAlphabetOf(labelLetters(s.label.text));
    if (a === 'abjad') return a;
    if (a === 'cyrillic') found = a;
  }
  return found;
}

/**
 * The label for value n in the style and shape of `template` ("(c)", "iv.", "(B)", "в)", "(ج)"),
 * its letters in `alphabet` (by default the template's own). A template that already reads n in
 * that alphabet is returned as it is (a Cyrillic "а)" in a Latin list stays).
 */
export function subLabel(style: SubLabelStyle, n: number, template: string, alphabet?: LabelAlphabet): string {
  const alphabetic = style === 'paren-alpha' || style === 'dot-alpha';
  const numeral = /^\s*([\u2019\u3220-\u3229])/.exec(template);
  if (!alphabetic && numeral) return template.replace(/\S+/, numeralLabel(template.trim(), n)); // "’2‘", "㈡"
  const letters = labelLetters(template);
  const abc = alphabet ?? labelAlphabetOf(letters);
  if (alphabetic && abc !== 'latin' && letterValue(abc, letters) === n) return template;
  if (
    alphabetic &&
    abc === 'latin' &&
    letterValue('latin', [...letters.toLowerCase()].map((ch) => LOOKALIKE_TO_LATIN[ch] ?? ch).join('')) === n
  )
    return template;
  const core = subLabelLetters(alphabetic ? 'alpha' : 'roman', n, alphabetic ? abc : 'latin');
  const upper = /[A-Z]/.test(template) && !/[a-z]/.test(template);
  const text = upper ? core.toUpperCase() : core;
  const m = /^(\s*\(?)[^()\s.]+(?: [^()\s.]+)*(\)?\.?\s*)$/.exec(template);
  if (m) return m[1] + text + m[2];
  return style.startsWith('paren') ? `(${text})` : `${text}.`;
}

/**
 * Edits that re-letter one list of sibling sub-paragraphs to 1, 2, 3 … in their style and the
 * list's alphabet. When the list is the top-level list of operative paragraph `paragraph` of
 * `doc`, the references "paragraph N (e)" to its items are carried along.
 */
export function reletterEdits(lines: LineIndex, siblings: SubParagraph[], doc?: ResolutionDocument, paragraph?: number): Edit[] {
  const edits: Edit[] = [];
  const moved = new Map<string, string>();
  const alphabet = listAlphabet(siblings);
  const letters = (label: string) => label.replace(/[().\s]/g, '').toLowerCase();
  siblings.forEach((s, i) => {
    const want = subLabel(s.style, i + 1, s.label.text, alphabet);
    const from = letters(s.label.text);
    if (!moved.has(from)) moved.set(from, letters(want));
    if (want !== s.label.text) edits.push({ range: lines.range(s.label.start, s.label.end), newText: want });
  });
  if (doc && paragraph !== undefined && edits.length && doc.operative[paragraph]?.subparagraphs === siblings) {
    for (const ref of doc.crossReferences) {
      if (!ref.subSpan || ref.targets.length !== 1) continue;
      if (resolveTarget(doc, ref, ref.targets[0].text) !== paragraph) continue;
      const to = moved.get(ref.subSpan.text.toLowerCase());
      if (to && to !== ref.subSpan.text) edits.push({ range: lines.range(ref.subSpan.start, ref.subSpan.end), newText: to });
    }
  }
  return edits;
}

// ---------------------------------------------------------------- fix all

export interface FixAllResult {
  text: string;
  /** Number of fixes applied per rule id. */
  applied: Record<string, number>;
  /** Passes made (each re-parses and re-checks). */
  passes: number;
  /** Fixable findings still present when the loop stopped (0 when it converged). */
  remaining: number;
}

/**
 * Picks fixes that can be applied together: each fix's edits all, no edit overlapping an edit
 * already taken; identical fixes (one renumbering reported on several paragraphs) once.
 */
export function compatibleFixes(text: string, findings: Finding[]): { edits: Edit[]; taken: Finding[] } {
  const lines = new LineIndex(text);
  const chosen: OffsetEdit[] = [];
  const edits: Edit[] = [];
  const taken: Finding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    if (!f.fix || f.fix.edits.length === 0) continue;
    const key = JSON.stringify(f.fix.edits);
    if (seen.has(key)) {
      taken.push(f);
      continue;
    }
    const off = toOffsets(lines, f.fix.edits);
    if (off.some((e) => chosen.some((c) => overlaps(e, c)))) continue;
    // a fix's own edits must not overlap one another either
    if (off.some((e, i) => off.some((o, j) => i !== j && overlaps(e, o)))) continue;
    seen.add(key);
    chosen.push(...off);
    edits.push(...f.fix.edits);
    taken.push(f);
  }
  return { edits, taken };
}

export interface FixAllOptions {
  /** Also apply wording fixes (phrase suggestions, also/further, dates). Default false. */
  wording?: boolean;
  /** The least severity whose findings are fixed. Default 'warning': information and hint findings are left alone. */
  minSeverity?: Severity;
  maxPasses?: number;
}

const SEVERITY_RANK: Record<Severity, number> = { hint: 0, information: 1, warning: 2, error: 3 };

/** Whether fix-all applies the fix of this finding under the options. */
export function fixAllApplies(f: Finding, options: FixAllOptions = {}): boolean {
  if (!f.fix || f.fix.edits.length === 0) return false;
  if ((f.fix.class ?? 'wording') === 'wording' && !options.wording) return false;
  return SEVERITY_RANK[f.severity] >= SEVERITY_RANK[options.minSeverity ?? 'warning'];
}

/**
 * Applies the fixes fix-all may apply (structural fixes of findings at warning or error, unless
 * the options widen that), re-checks, and repeats until no such fix remains or nothing changes
 * (at most `maxPasses` passes). `check` parses and checks a text. A number as third argument is
 * `maxPasses` with the default options.
 */
export function fixAll(text: string, check: (text: string) => Finding[], options: FixAllOptions | number = {}): FixAllResult {
  const opts: FixAllOptions = typeof options === 'number' ? { maxPasses: options } : options;
  const maxPasses = opts.maxPasses ?? 10;
  const applied: Record<string, number> = {};
  let passes = 0;
  let current = text;
  let remaining = 0;
  for (;;) {
    const fixable = check(current).filter((f) => fixAllApplies(f, opts));
    remaining = fixable.length;
    if (fixable.length === 0 || passes >= maxPasses) break;
    const { edits, taken } = compatibleFixes(current, fixable);
    if (edits.length === 0) break;
    const next = applyEdits(current, edits);
    passes++;
    if (next === current) break;
    for (const f of taken) applied[f.rule] = (applied[f.rule] ?? 0) + 1;
    current = next;
  }
  return { text: current, applied, passes, remaining };
}

/** One edit turning `before` into `after`, trimmed to the part that differs. */
export function minimalEdit(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  let s = 0;
  const max = Math.min(before.length, after.length);
  while (s < max && before.charCodeAt(s) === after.charCodeAt(s)) s++;
  let e = 0;
  while (e < max - s && before.charCodeAt(before.length - 1 - e) === after.charCodeAt(after.length - 1 - e)) e++;
  const lines = new LineIndex(before);
  return { range: lines.range(s, before.length - e), newText: after.slice(s, after.length - e) };
}
