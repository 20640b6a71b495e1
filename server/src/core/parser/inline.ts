/** Pure scanners over a stretch of the source: emphasis runs, leading words, endings, footnote markers. */
import type { Ending, FootnoteMarker, FootnoteStyle } from '../model';
import { MarkerNode, type LineIndex } from '../text';
import { PUNCTUATION_EQUIVALENTS } from '../language-facts';
import { fromSuperscript, SUPERSCRIPT_DIGITS } from '../lexicon';
import { SUPERSCRIPT_RE } from './patterns';
import { isLetterOrDigitCode, isSpaceCode } from '../chars';

const BLANK_RE = /^[\s\u00a0\u200b\ufeff]*$/;
/** What trimTrailing passes over at the end of a text, and the trailing notes, comments and links it looks at. */
const TRAILING_SKIP_RE = /[\s\u00a0\u200b-\u200f\u2060\ufeff*_]/;
const TRAILING_SUP_RE = /<sup>[^<]*<\/sup>$/;
const TRAILING_CARET_RE = /\[\^[^\]]*\]$/;
const TRAILING_COMMENT_RE = /<!--[\s\S]*?-->$/;
const TRAILING_LINK_RE = /\[[^\]]*\]\([^)]*\)$/;
const PUNCTUATED_LINK_RE = /[,;.:]\]/;
const PUNCTUATION_RE = /[,;.:]/;
const CONJUNCTION_RE = /;\s+(and|or)$/;

export function superscriptToAscii(s: string): string {
  return fromSuperscript(s);
}

export function isBlank(line: string): boolean {
  return BLANK_RE.test(line);
}

/** A run of single-star emphasis: [start, end) including the stars; inner without them. */
export interface ItalicRun {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

/**
 * Single-`*` / `_` emphasis runs in source[from, to) are matched with CommonMark-like flanking
 * rules (italicRunCount); with `marks` (emphasisMarks of the source) the scan visits only those characters.
 */

/** The runs of the last italicRunCount: run k is [runStart[k], runEnd[k]), markers included (scratch space). */
let runStart = new Int32Array(16);
let runEnd = new Int32Array(16);
let runCount = 0;

/** Where run k of the last italicRunCount starts and ends (its markers included). */
export function runStartAt(k: number): number {
  return runStart[k];
}
export function runEndAt(k: number): number {
  return runEnd[k];
}

function addRun(start: number, end: number): void {
  if (runCount === runStart.length) {
    const s = new Int32Array(runCount * 2);
    s.set(runStart);
    runStart = s;
    const e = new Int32Array(runCount * 2);
    e.set(runEnd);
    runEnd = e;
  }
  runStart[runCount] = start;
  runEnd[runCount++] = end;
}

/** italicRuns as offsets in runStart / runEnd, in order of their start; returns how many. */
export function italicRunCount(source: string, from: number, to: number, marks?: Int32Array): number {
  runCount = 0;
  if (marks) scanMarkedItalics(source, from, to, marks);
  else scanItalics(source, from, to, true);
  // in order of their start (they were found in order of their end): an insertion sort, the runs are few
  for (let k = 1; k < runCount; k++) {
    const s = runStart[k];
    const e = runEnd[k];
    let j = k - 1;
    while (j >= 0 && runStart[j] > s) {
      runStart[j + 1] = runStart[j];
      runEnd[j + 1] = runEnd[j];
      j--;
    }
    runStart[j + 1] = s;
    runEnd[j + 1] = e;
  }
  return runCount;
}

/** The offsets of every `*`, `_` and `\` of a source, in order: the only characters the emphasis scan acts on. */
export function emphasisMarks(source: string): Int32Array {
  const lists = [42, 95, 92].map((code) => {
    const ch = String.fromCharCode(code);
    const at: number[] = [];
    for (let i = source.indexOf(ch); i >= 0; i = source.indexOf(ch, i + 1)) at.push(i);
    return at;
  });
  const out = new Int32Array(lists[0].length + lists[1].length + lists[2].length);
  let n = 0;
  for (const l of lists) for (const i of l) out[n++] = i;
  return out.sort();
}

/** scanItalics (with runs) over the marks of source[from, to) only: the same runs, without reading the text between. */
function scanMarkedItalics(source: string, from: number, to: number, marks: Int32Array): void {
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (marks[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  let depth = 0;
  // the first offset the character loop of scanItalics would look at again
  let next = from;
  for (let k = lo; k < marks.length; k++) {
    const i = marks[k];
    if (i >= to) break;
    if (i < next) continue;
    const c = source.charCodeAt(i);
    if (c === 92 /* \\ */) {
      next = i + 2;
      continue;
    }
    let j = i + 1;
    while (j < to && source.charCodeAt(j) === c) j++;
    next = j;
    if (j - i !== 1) continue;
    const act = markerAction(source, i, from, to, c, depth);
    if (act === CLOSES) {
      addRun(openPos[--depth], i + 1);
    } else if (act === OPENS) {
      pushOpen(depth++, i, c);
    }
  }
}

/** The emphasis run that opens at `from`, if any (the scan stops where it closes). */
export function italicRunAt(source: string, from: number, to: number): ItalicRun | undefined {
  const ch = source[from];
  if (from >= to || (ch !== '*' && ch !== '_')) return undefined;
  return scanItalics(source, from, to, false);
}

/** The open emphasis markers of a scan: positions and characters (shared: a scan runs to its end before the next). */
let openPos = new Int32Array(64);
let openCh = new Uint8Array(64);

/** What a single emphasis marker `c` at `i` does, with `depth` markers open. */
const SNAKE_CASE = 0;
const CLOSES = 1;
const OPENS = 2;
const NEITHER = 3;
function markerAction(source: string, i: number, from: number, to: number, c: number, depth: number): number {
  const prev = i > from ? source.charCodeAt(i - 1) : 32;
  const next = i + 1 < to ? source.charCodeAt(i + 1) : 32;
  if (c === 95 && isWordCode(prev) && isWordCode(next)) return SNAKE_CASE; // snake_case words
  const canClose = !isSpaceCode(prev) && depth > 0 && openCh[depth - 1] === c;
  const canOpen = !isSpaceCode(next);
  if (canClose && (!canOpen || !isWordCode(next) || closesAfter(prev))) return CLOSES;
  return canOpen ? OPENS : NEITHER;
}

/** Opens marker `c` at `i` as the open marker number `depth` (the stack grows as needed). */
function pushOpen(depth: number, i: number, c: number): void {
  if (depth === openPos.length) {
    const pos = new Int32Array(depth * 2);
    pos.set(openPos);
    openPos = pos;
    const ch = new Uint8Array(depth * 2);
    ch.set(openCh);
    openCh = ch;
  }
  openPos[depth] = i;
  openCh[depth] = c;
}

/** `/\w/` (ASCII letters, digits, `_`) on a code unit. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `/[\w.,;:)”’¹²³⁴⁵⁶⁷⁸⁹⁰>]/` on a code unit: what may stand before a closing marker that is followed by a word. */
function closesAfter(c: number): boolean {
  if (c < 128) return isWordCode(c) || c === 46 || c === 44 || c === 59 || c === 58 || c === 41 || c === 62;
  return c === 0x201d || c === 0x2019 || c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/** Collects the runs (addRun) when `runs`; else returns the run opening at `from` as soon as it closes. */
function scanItalics(source: string, from: number, to: number, runs: boolean): ItalicRun | undefined {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = source.charCodeAt(i);
    if (c === 92 /* \\ */) {
      i++;
      continue;
    }
    if (c !== 42 /* * */ && c !== 95 /* _ */) continue;
    // A run of two or more is bold (or a rule): skip it whole.
    let j = i + 1;
    while (j < to && source.charCodeAt(j) === c) j++;
    if (j - i !== 1) {
      if (!runs && i === from) return undefined;
      i = j - 1;
      continue;
    }
    const act = markerAction(source, i, from, to, c, depth);
    if (act === SNAKE_CASE) continue;
    if (act === CLOSES) {
      const open = openPos[--depth];
      if (runs) addRun(open, i + 1);
      else if (open === from) return { start: open, end: i + 1, innerStart: open + 1, innerEnd: i };
    } else if (act === OPENS) {
      pushOpen(depth++, i, c);
    } else if (!runs && i === from) return undefined;
  }
  return undefined;
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Where the words of a leadingWords scan start and end (shared scratch space, read before the next scan). */
export const wordStarts = new Int32Array(32);
export const wordEnds = new Int32Array(32);

/**
 * The leading words of source[from, to) up to the first punctuation, skipping emphasis markers, as
 * offsets in wordStarts / wordEnds (at most 32); returns how many.
 */
export function scanLeadingWords(source: string, from: number, to: number, max = 10): number {
  let n = 0;
  let i = from;
  max = Math.min(max, wordStarts.length);
  while (i < to && n < max) {
    const c = source.charCodeAt(i);
    if (c === 42 /* * */ || c === 95 /* _ */ || isSpaceCode(c)) {
      i++;
      continue;
    }
    if (isLetterOrDigitCode(c)) {
      let j = i + 1;
      while (j < to) {
        const d = source.charCodeAt(j);
        if (!(isLetterOrDigitCode(d) || d === 39 /* ' */ || d === 0x2019 /* ’ */ || d === 45 /* - */)) break;
        j++;
      }
      wordStarts[n] = i;
      wordEnds[n++] = j;
      i = j;
      continue;
    }
    break;
  }
  return n;
}

/** The leading words of source[from, to) up to the first punctuation, skipping emphasis markers. */
export function leadingWords(source: string, from: number, to: number, max = 10): Word[] {
  const n = scanLeadingWords(source, from, to, max);
  const words: Word[] = new Array<Word>(n);
  for (let k = 0; k < n; k++) words[k] = { text: source.slice(wordStarts[k], wordEnds[k]), start: wordStarts[k], end: wordEnds[k] };
  return words;
}

/** The texts of leadingWords. */
export function leadingWordTexts(source: string, from: number, to: number, max = 10): string[] {
  const n = scanLeadingWords(source, from, to, max);
  const words: string[] = new Array<string>(n);
  for (let k = 0; k < n; k++) words[k] = source.slice(wordStarts[k], wordEnds[k]);
  return words;
}

/** Trailing footnote markers, emphasis and comments that do not count for punctuation. */
export function trimTrailing(source: string, from: number, to: number): number {
  let end = to;
  for (;;) {
    const before = end;
    while (end > from && TRAILING_SKIP_RE.test(source[end - 1])) end--;
    while (end > from && SUPERSCRIPT_DIGITS.includes(source[end - 1])) end--;
    // Each pattern ends with its own character: only a text ending with one of them is looked at.
    const lastChar = end > from ? source.charCodeAt(end - 1) : 0;
    if (lastChar === 62 /* > */ || lastChar === 93 /* ] */ || lastChar === 41 /* ) */) {
      const tail = source.slice(Math.max(from, end - 40), end);
      let m = TRAILING_SUP_RE.exec(tail) || TRAILING_CARET_RE.exec(tail) || TRAILING_COMMENT_RE.exec(tail);
      if (m) end -= m[0].length;
      else if ((m = TRAILING_LINK_RE.exec(tail)) && !PUNCTUATED_LINK_RE.test(m[0])) {
        // a trailing link: keep its text, the ending is judged on it
        break;
      }
    }
    if (end === before) break;
  }
  return end;
}

export function endingOf(source: string, index: LineIndex, from: number, to: number): Ending {
  let end = trimTrailing(source, from, to);
  let last = end > from ? source[end - 1] : '';
  // The Arabic and Chinese marks count as their Latin counterparts ("،" a comma, "。" a full stop).
  if (PUNCTUATION_EQUIVALENTS[last]) return { char: PUNCTUATION_EQUIVALENTS[last], span: index.span(end - 1, end) };
  // A closing quote or bracket after the punctuation: `… entitled “X”.` keeps '.' inside.
  if ((last === '”' || last === '"' || last === '’' || last === ')') && end - 1 > from && PUNCTUATION_RE.test(source[end - 2])) {
    end--;
    last = source[end - 1];
  }
  if (PUNCTUATION_RE.test(last)) {
    return { char: last, span: index.span(end - 1, end) };
  }
  const tail = source.slice(Math.max(from, end - 12), end);
  const conj = CONJUNCTION_RE.exec(tail);
  if (conj) {
    const semi = end - conj[0].length;
    return { char: ';', conjunction: conj[1] as 'and' | 'or', span: index.span(semi, semi + 1) };
  }
  return { char: '', span: index.span(end, end) };
}

export function footnoteMarkersIn(source: string, index: LineIndex, from: number, to: number, out: FootnoteMarker[]): FootnoteMarker[] {
  const found: FootnoteMarker[] = [];
  const text = source.slice(from, to);
  const add = (label: string, style: FootnoteStyle, s: number, e: number) => {
    found.push(new MarkerNode(index, from + s, from + e, label, style) as MarkerNode & FootnoteMarker);
  };
  let m: RegExpExecArray | null;
  SUPERSCRIPT_RE.lastIndex = 0;
  while ((m = SUPERSCRIPT_RE.exec(text))) add(superscriptToAscii(m[0]), 'unicode', m.index, m.index + m[0].length);
  const sup = /<sup>\s*([^<\s]{1,8})\s*<\/sup>/g;
  while ((m = sup.exec(text))) add(m[1], 'sup', m.index, m.index + m[0].length);
  const caret = /\[\^([^\]\s]{1,16})\](?!:)/g;
  while ((m = caret.exec(text))) add(m[1], 'caret', m.index, m.index + m[0].length);
  found.sort((a, b) => a.start - b.start);
  out.push(...found);
  return found;
}
