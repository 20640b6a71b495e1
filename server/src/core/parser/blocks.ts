/**
 * Pass 1: lines grouped into blocks. Blank lines, and lines that open a new operative paragraph,
 * sub-paragraph, footnote definition, heading or rule, end a block; an HTML comment is one block.
 */
import type { LineIndex } from '../text';
import { FOOTNOTE_DEF_RE, HEADING_RE, RULE_RE } from './patterns';
import { isBlank } from './inline';

/** A line that opens an HTML comment; one that is a whole comment. */
const COMMENT_OPEN_RE = /^\s*<!--/;
const COMMENT_LINE_RE = /^\s*<!--.*-->\s*$/;

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
    if (isBlank(text)) {
      close();
      continue;
    }
    const single = HEADING_RE.test(text) || RULE_RE.test(text);
    const starter = single || numberRe.test(text) || sublabelRe.test(text) || FOOTNOTE_DEF_RE.test(text) || COMMENT_OPEN_RE.test(text);
    if (starter) close();
    if (!cur) {
      if (until && start >= until.offset && until.isStart(start)) {
        for (const b of raw) b.text = source.slice(b.start, b.end);
        return { blocks: raw, resumedAt: start };
      }
      cur = { start, end, text: '' };
    } else cur.end = end;
    if (COMMENT_OPEN_RE.test(text) && !text.includes('-->')) {
      inComment = true;
      continue;
    }
    if (single || COMMENT_LINE_RE.test(text)) close();
  }
  close();
  for (const b of raw) b.text = source.slice(b.start, b.end);
  return { blocks: raw };
}
