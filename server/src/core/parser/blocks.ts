/**
 * Pass 1: lines grouped into blocks. Blank lines, and lines that open a new operative paragraph,
 * sub-paragraph, footnote definition, heading or rule, end a block; an HTML comment is one block.
 */
import type { LineIndex } from '../text';
import { FOOTNOTE_DEF_RE, HEADING_RE, RULE_RE } from './patterns';
import { isBlank } from './inline';
import { isSpaceCode } from '../chars';

/**
 * A character a sub-paragraph label can open with (patterns.ts, lexicon.ts): `(`, a lower-case
 * Latin, Russian or Arabic letter, `’` of `’1‘`, or `㈠` … `㈩`.
 */
export function mayOpenLabel(c: number): boolean {
  return (
    c === 40 ||
    (c >= 97 && c <= 122) ||
    (c >= 0x430 && c <= 0x44f) ||
    c === 0x451 ||
    c === 0x456 ||
    (c >= 0x621 && c <= 0x64a) ||
    (c >= 0xfe80 && c <= 0xfefc) ||
    c === 0x2019 ||
    (c >= 0x3220 && c <= 0x3229)
  );
}

/** ⁰ ¹ ² ³ ⁴ … ⁹ */
export function isSuperscriptDigit(c: number): boolean {
  return c === 0xb9 || c === 0xb2 || c === 0xb3 || c === 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

/** A line that opens an HTML comment; one that is a whole comment. */
const COMMENT_OPEN_RE = /^\s*<!--/;
const COMMENT_LINE_RE = /^\s*<!--.*-->\s*$/;

/** The first character of source[start, end) that is not white space (-1: none). */
export function firstCode(source: string, start: number, end: number): number {
  let k = start;
  while (k < end && isSpaceCode(source.charCodeAt(k))) k++;
  return k < end ? source.charCodeAt(k) : -1;
}

/** Whether c is an ASCII digit (what a paragraph number opens with). */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A block of lines before it is given a role. */
export interface RawBlock {
  start: number;
  end: number;
  text: string;
}

/** The blocks of a source, given the patterns of an operative number and a sub-paragraph label. */
export function splitBlocks(source: string, index: LineIndex, numberRe: RegExp, sublabelRe: RegExp): RawBlock[] {
  return splitLines(source, index, numberRe, sublabelRe, 0, undefined).blocks;
}

/**
 * The blocks from line `fromLine` on, which must be where a block starts (or line 0). With `until`,
 * the split stops at the first block that starts at or after offset `until.offset` where
 * `until.isStart(offset)` says the old split started a block too: from there on the split of the
 * old text and the new one agree (the same lines read from the same state), and `resumedAt` is that offset.
 */
export function splitLines(
  source: string,
  index: LineIndex,
  numberRe: RegExp,
  sublabelRe: RegExp,
  fromLine: number,
  until: { offset: number; isStart(offset: number): boolean } | undefined,
): { blocks: RawBlock[]; resumedAt?: number } {
  const raw: RawBlock[] = [];
  let cur: RawBlock | undefined;
  const close = () => {
    if (cur) raw.push(cur);
    cur = undefined;
  };
  let inComment = false;
  for (let line = fromLine; line < index.lineStarts.length; line++) {
    const start = index.lineStarts[line];
    const end = index.lineEnd(line);
    const text = source.slice(start, end);
    if (inComment) {
      cur!.end = end;
      if (text.includes('-->')) {
        inComment = false;
        close();
      }
      continue;
    }
    // The first character after the line's white space decides which patterns can match at all
    // (each opens with white space, then its own characters): the others are not tried.
    let k = start;
    while (k < end && isSpaceCode(source.charCodeAt(k))) k++;
    const f = k < end ? source.charCodeAt(k) : -1;
    if (f === -1 || (f === 0x200b && isBlank(text))) {
      close();
      continue;
    }
    const single = (f === 35 /* # */ && HEADING_RE.test(text)) || ((f === 45 || f === 42 || f === 95) /* - * _ */ && RULE_RE.test(text));
    const starter =
      single ||
      (f >= 48 && f <= 57 && numberRe.test(text)) ||
      (mayOpenLabel(f) && sublabelRe.test(text)) ||
      ((f === 60 /* < */ || f === 91 /* [ */ || isSuperscriptDigit(f)) && FOOTNOTE_DEF_RE.test(text)) ||
      (f === 60 && COMMENT_OPEN_RE.test(text));
    if (starter) close();
    if (!cur) {
      if (until && start >= until.offset && until.isStart(start)) {
        for (const b of raw) b.text = source.slice(b.start, b.end);
        return { blocks: raw, resumedAt: start };
      }
      cur = { start, end, text: '' };
    } else cur.end = end;
    if (f === 60 && COMMENT_OPEN_RE.test(text) && !text.includes('-->')) {
      inComment = true;
      continue;
    }
    if (single || (f === 60 && COMMENT_LINE_RE.test(text))) close();
  }
  close();
  for (const b of raw) b.text = source.slice(b.start, b.end);
  return { blocks: raw };
}
