/** Helpers shared by the checks. */
import type { OperativeParagraph, Paragraph, Range, ResolutionDocument, Span } from '../model';
import type { Edit } from '../findings';
import type { LineIndex } from '../text';
import { isModifier, leadingWordBounds, type PhraseKnowledge, type Word } from './phrase-knowledge';

/** What stands between a paragraph's number and its words. */
const BEFORE_WORDS_RE = /[\s.)\]]/;
const EMPHASIS_RUN_RE = /[*_]+/g;
const SPACES_RE = /\s+/g;
const EMPHASIS_RE = /[*_]/;
const STARS_RE = /\*+/g;

/** Offset where a paragraph's words begin (past the number token of an operative paragraph). */
export function bodyStart(doc: ResolutionDocument, p: Paragraph): number {
  let i = p.kind === 'operative' && p.number ? p.number.end : p.start;
  const src = doc.source;
  while (i < p.end && BEFORE_WORDS_RE.test(src[i])) i++;
  return i;
}

export interface OpeningWords {
  /** The leading words (up to 8), made when first asked (most checks need the head only). */
  readonly words: Word[];
  head?: Word;
  /** Modifiers before the head ("Also", "Strongly"). */
  before: Word[];
  /** The texts of the words from the k-th on (at most `max`). */
  textsFrom(k: number, max?: number): string[];
}

/** Opening words held as offsets: the modifiers and the head as words, the rest made on demand. */
class Opening implements OpeningWords {
  head?: Word;
  before: Word[] = [];
  private list?: Word[];
  constructor(
    private readonly source: string,
    /** start, end of each word */
    private readonly bounds: number[],
  ) {}

  get words(): Word[] {
    if (!this.list) {
      const n = this.bounds.length / 2;
      const list = new Array<Word>(n);
      const h = this.before.length;
      for (let k = 0; k < n; k++) {
        if (k < h) list[k] = this.before[k];
        else if (k === h && this.head) list[k] = this.head;
        else list[k] = wordAt(this.source, this.bounds, k);
      }
      this.list = list;
    }
    return this.list;
  }

  textsFrom(k: number, max = Infinity): string[] {
    const n = Math.max(0, Math.min(this.bounds.length / 2 - k, max));
    const out = new Array<string>(n);
    for (let i = 0; i < n; i++) out[i] = this.source.slice(this.bounds[2 * (k + i)], this.bounds[2 * (k + i) + 1]);
    return out;
  }
}

function wordAt(source: string, bounds: number[], k: number): Word {
  const s = bounds[2 * k];
  const e = bounds[2 * k + 1];
  return { text: source.slice(s, e), start: s, end: e };
}

/** Scratch space of the word scan. */
const BOUNDS: number[] = new Array<number>(16).fill(0);

/**
 * Opening words per paragraph node: several checks ask for them, the parse does not change. Kept
 * by the paragraph's block index (each paragraph begins at a block of its own), beside the
 * paragraph they belong to: reading an array slot costs less than a map lookup per question. Kept
 * for the document last asked about only (the checks of one run ask about one document): the
 * openings hold their document's text, and a table of them per document (a WeakMap) kept every
 * version typed alive until a full garbage collection.
 */
let openingCache: { doc?: ResolutionDocument; paragraphs: Paragraph[]; values: OpeningWords[] } = { paragraphs: [], values: [] };

export function openingWords(doc: ResolutionDocument, p: Paragraph): OpeningWords {
  if (openingCache.doc !== doc) openingCache = { doc, paragraphs: [], values: [] };
  const perDoc = openingCache;
  const i = p.blockIndex;
  if (perDoc.paragraphs[i] === p) return perDoc.values[i];
  const first = p.fragments[0] ?? p;
  const n = leadingWordBounds(doc.source, bodyStart(doc, p), first.end, 8, BOUNDS);
  const value = new Opening(doc.source, BOUNDS.slice(0, 2 * n));
  // headOf: the first word that is not a modifier, with the modifiers before it
  for (let k = 0; k < n; k++) {
    const w = wordAt(doc.source, BOUNDS, k);
    if (isModifier(w.text, doc.lang)) value.before.push(w);
    else {
      value.head = w;
      break;
    }
  }
  if (Number.isInteger(i) && i >= 0) {
    perDoc.paragraphs[i] = p;
    perDoc.values[i] = value;
  }
  return value;
}

export function edit(lines: LineIndex, start: number, end: number, newText: string): Edit {
  return { range: lines.range(start, end), newText };
}

export function rangeOf(lines: LineIndex, s: Span | { start: number; end: number }): Range {
  return lines.range(s.start, s.end);
}

/** The range of the first line of a paragraph (for findings about the whole paragraph). */
export function firstLineRange(doc: ResolutionDocument, lines: LineIndex, p: Span): Range {
  const pos = lines.positionAt(p.start);
  const end = Math.min(p.end, lines.lineEnd(pos.line));
  return lines.range(p.start, end);
}

export function quote(s: string): string {
  return `“${s}”`;
}

export function upperFirst(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

export function lowerFirst(s: string): string {
  return s ? s[0].toLowerCase() + s.slice(1) : s;
}

/** The operative paragraph containing an offset, with its index, if any (binary search). */
export function operativeAt(doc: ResolutionDocument, offset: number): { index: number; paragraph: OperativeParagraph } | undefined {
  const ops = doc.operative;
  let lo = 0;
  let hi = ops.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ops[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const p = ops[found];
  if (offset >= p.start && offset < p.end) return { index: found, paragraph: p };
  for (const f of p.fragments) if (offset >= f.start && offset < f.end) return { index: found, paragraph: p };
  return undefined;
}

/** Phrase of the opening as written, emphasis markers removed. */
export function plainPhrase(text: string): string {
  return text.replace(EMPHASIS_RUN_RE, '').replace(SPACES_RE, ' ').trim();
}

/**
 * Edits that make the opening phrase of a paragraph italic as a whole (`*Further calls* upon`
 * → `*Further calls upon*`), or remove its italics.
 */
export function italicEdits(doc: ResolutionDocument, lines: LineIndex, p: Paragraph, italic: boolean): Edit[] | undefined {
  const o = p.opening;
  if (!o) return undefined;
  let start = o.start;
  let end = o.end;
  if (o.italicSpan) {
    start = Math.min(start, o.italicSpan.start);
    end = Math.max(end, o.italicSpan.end);
  }
  const src = doc.source;
  // take in emphasis markers directly around the region
  while (start > p.start && EMPHASIS_RE.test(src[start - 1])) start--;
  while (end < p.end && src[end] === '*') end++;
  const region = src.slice(start, end);
  const plain = region.replace(STARS_RE, '');
  const phrase = plainPhrase(o.text);
  if (!phrase) return undefined;
  const at = plain.indexOf(phrase);
  if (at < 0) return undefined;
  const before = plain.slice(0, at);
  const after = plain.slice(at + phrase.length);
  const newText = italic ? `${before}*${phrase}*${after}` : plain;
  if (newText === region) return undefined;
  return [edit(lines, start, end, newText)];
}

/**
 * Indices of the unnumbered operative paragraphs that open with a preambular phrase and no
 * operative one (`*Welcoming* …` among numbered paragraphs): misplaced preambular paragraphs,
 * reported by preambular-in-operative and left out of the numbering and of renumbering.
 */
export function misplacedPreambular(doc: ResolutionDocument, phrases: PhraseKnowledge): Set<number> {
  const out = new Set<number>();
  if (!hasNumbered(doc)) return out;
  doc.operative.forEach((p, i) => {
    if (isMisplacedPreambular(doc, phrases, p)) out.add(i);
  });
  return out;
}

const numbered = new WeakMap<ResolutionDocument, boolean>();

/** Whether any operative paragraph carries a number (once per document). */
export function hasNumbered(doc: ResolutionDocument): boolean {
  let n = numbered.get(doc);
  if (n === undefined) numbered.set(doc, (n = doc.operative.some((p) => p.number)));
  return n;
}

/** One operative paragraph of misplacedPreambular: it reads the paragraph and hasNumbered(doc) only. */
export function isMisplacedPreambular(doc: ResolutionDocument, phrases: PhraseKnowledge, p: Paragraph): boolean {
  if (p.kind !== 'operative' || p.number || !hasNumbered(doc)) return false;
  const { head } = openingWords(doc, p);
  return !!head && phrases.isHead('preambular', head.text) && !phrases.isHead('operative', head.text);
}

/**
 * Indices of the unnumbered operative paragraphs that stand alone in a section of an omnibus
 * resolution (a heading before and after, or the end): the UN leaves such a paragraph unnumbered,
 * so numbering checks and renumbering leave it alone.
 */
export function loneInSection(doc: ResolutionDocument): Set<number> {
  const out = new Set<number>();
  const ops = doc.operative;
  const headingBetween = (from: number, to: number) => doc.blocks.some((b) => b.kind === 'heading' && b.start >= from && b.end <= to);
  ops.forEach((p, i) => {
    if (p.number) return;
    const before = i === 0 ? false : headingBetween(ops[i - 1].end, p.start);
    const after = i === ops.length - 1 ? true : headingBetween(p.end, ops[i + 1].start);
    if (before && after) out.add(i);
  });
  return out;
}
