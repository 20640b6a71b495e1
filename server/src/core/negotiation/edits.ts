/**
 * A text rewritten by offset edits, with the way back: every offset of the rewritten text maps to
 * an offset of the original. Used for the text "as adopted" of a negotiation draft, whose findings
 * must point at the draft the user edits. Plain TypeScript.
 */

export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

interface Segment {
  /** [outStart, outEnd) in the rewritten text. */
  outStart: number;
  outEnd: number;
  /** [srcStart, srcEnd) in the original. */
  srcStart: number;
  srcEnd: number;
  /** Copied unchanged (offsets map one to one) or written by an edit. */
  copy: boolean;
}

/** Drops edits that overlap an earlier (wider first) edit; returns the rest sorted. */
export function disjoint(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: OffsetEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && (e.start < last.end || (e.start === last.start && e.end === last.end && e.start !== e.end))) continue;
    if (last && e.start === e.end && e.start === last.start && last.start === last.end) {
      last.text += e.text;
      continue;
    }
    out.push({ ...e });
  }
  return out;
}

export class EditedText {
  readonly text: string;
  private readonly segments: Segment[] = [];

  constructor(
    readonly source: string,
    edits: OffsetEdit[],
  ) {
    const list = disjoint(edits);
    let out = '';
    let at = 0;
    const push = (srcStart: number, srcEnd: number, s: string, copy: boolean) => {
      if (srcStart === srcEnd && !s) return;
      this.segments.push({ outStart: out.length, outEnd: out.length + s.length, srcStart, srcEnd, copy });
      out += s;
    };
    for (const e of list) {
      if (e.start > at) push(at, e.start, source.slice(at, e.start), true);
      push(e.start, e.end, e.text, false);
      at = Math.max(at, e.end);
    }
    if (at < source.length) push(at, source.length, source.slice(at), true);
    this.text = out;
  }

  /**
   * The original offset of an offset of the rewritten text. At the seam between two segments,
   * 'left' sticks to the text before (the end of what precedes), 'right' to the text after.
   */
  toSource(offset: number, bias: 'left' | 'right' = 'left'): number {
    const segs = this.segments;
    if (bias === 'left') {
      // the segment holding the character before `offset`
      let lo = 0;
      let hi = segs.length - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (segs[mid].outStart < offset) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      while (found >= 0 && segs[found].outStart === segs[found].outEnd) found--;
      if (found < 0) return 0;
      const s = segs[found];
      if (s.copy) return s.srcStart + (Math.min(offset, s.outEnd) - s.outStart);
      return s.srcEnd;
    }
    // the segment holding the character at `offset`
    let lo = 0;
    let hi = segs.length - 1;
    let found = segs.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].outEnd > offset) {
        found = mid;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    while (found < segs.length && segs[found].outStart === segs[found].outEnd) found++;
    if (found >= segs.length) return this.source.length;
    const s = segs[found];
    if (s.copy) return s.srcStart + Math.max(0, offset - s.outStart);
    return s.srcStart;
  }

  /** Whether [start, end) of the rewritten text was copied unchanged from one stretch of the original. */
  copied(start: number, end: number): boolean {
    const a = this.toSource(start, 'right');
    const b = this.toSource(end, 'left');
    if (b - a !== end - start) return false;
    return this.source.slice(a, b) === this.text.slice(start, end);
  }
}

/** Applies offset edits (overlaps dropped, as EditedText does). */
export function applyOffsetEdits(source: string, edits: OffsetEdit[]): string {
  return new EditedText(source, edits).text;
}
