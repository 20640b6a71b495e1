/** Offsets ↔ LSP positions over a source text (UTF-16 code units, as JavaScript strings index). */
import type { Position, Range, Span } from './model';

export function computeLineStarts(text: string): number[] {
  const starts = [0];
  // Without a carriage return, every line break is a \n: jump from one to the next.
  if (text.indexOf('\r') < 0) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * A stretch [start, end) of a source. Its LSP range is computed on demand from the offsets and the
 * line index, so a model node holds two numbers instead of three objects.
 */
export class SourceSpan implements Span {
  #lines: LineIndex;
  declare start: number;
  declare end: number;
  constructor(lines: LineIndex, start: number, end: number) {
    this.#lines = lines;
    this.start = start;
    this.end = end;
  }

  get range(): Range {
    return this.#lines.range(this.start, this.end);
  }

  set range(r: Range) {
    this.start = this.#lines.offsetAt(r.start);
    this.end = this.#lines.offsetAt(r.end);
  }

  /** Moves the span by `delta` into the text of `lines` (re-parsing reuses nodes after an edit). */
  rebase(lines: LineIndex, delta: number): void {
    this.#lines = lines;
    this.start += delta;
    this.end += delta;
  }

  /** Serialised with its range, as a plain object would be. */
  toJSON(): object {
    return { ...this, range: this.range };
  }
}

/** A span with its text: the most common model node, built with its fields in place. */
export class TextNode extends SourceSpan {
  declare text: string;
  constructor(lines: LineIndex, start: number, end: number, text: string) {
    super(lines, start, end);
    this.text = text;
  }
}

/** A block of the document (`Block` of the model), built with its fields in place. */
export class BlockNode extends SourceSpan {
  declare kind: string;
  declare text: string;
  declare level?: number;
  constructor(lines: LineIndex, start: number, end: number, kind: string, text: string, level: number | undefined) {
    super(lines, start, end);
    this.kind = kind;
    this.text = text;
    if (level !== undefined) this.level = level;
  }
}

/** A footnote marker (`FootnoteMarker` of the model), built with its fields in place. */
export class MarkerNode extends SourceSpan {
  declare label: string;
  declare style: string;
  constructor(lines: LineIndex, start: number, end: number, label: string, style: string) {
    super(lines, start, end);
    this.label = label;
    this.style = style;
  }
}

/**
 * The same characters as `s`, in a string of their own. V8 makes a slice of a string as a view of the
 * whole string, so a short text cut from a large source keeps the source alive as long as it lives: a
 * node kept across re-parses copies its texts, so that it keeps no older version of the source.
 */
export function ownCopy(s: string): string {
  // below 13 characters V8 copies a slice anyway; above, flattening the concatenation makes a new string
  return s.length < 13 ? s : (' ' + s).slice(1);
}

export class LineIndex {
  lineStarts: number[];
  constructor(
    public text: string,
    lineStarts?: number[],
  ) {
    this.lineStarts = lineStarts ?? computeLineStarts(text);
  }

  /**
   * Becomes the index of the next version of the text (a re-parse by block): the nodes of a model
   * and of the re-parses after it share one index, so that none holds an older text.
   */
  moveTo(text: string, lineStarts: number[]): void {
    this.text = text;
    this.lineStarts = lineStarts;
  }

  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: offset - starts[lo] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const next = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    return Math.max(lineStart, Math.min(lineStart + Math.max(0, position.character), next));
  }

  range(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  span(start: number, end: number): SourceSpan {
    return new SourceSpan(this, start, end);
  }

  /** A text span node: `{ text }` on a span (the same as `node(start, end, { text })`, smaller). */
  textNode(start: number, end: number, text: string): TextNode {
    return new TextNode(this, start, end, text);
  }

  /** A model node: `fields` on a span whose range is computed on demand. */
  node<T extends object>(start: number, end: number, fields: T, kind: typeof SourceSpan = SourceSpan): T & SourceSpan {
    // A class per kind of node (an empty subclass will do) lets V8 keep each kind's fields in the object.
    return Object.assign(new kind(this, start, end), fields);
  }

  /** End of line `line`, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

// V8 sizes the instances of a class by the first few it builds: build plain spans first, so a span
// holds its three fields only and a model node keeps its own fields beside them.
{
  const lines = new LineIndex('');
  for (let i = 0; i < 16; i++) lines.span(0, 0);
}
