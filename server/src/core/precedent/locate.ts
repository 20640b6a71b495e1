/**
 * Editor-side helpers of the precedent engine, on the document model (no LSP): the paragraph at
 * an offset, the document's italics style, the typed opening of the paragraph being written,
 * and a precedent restyled for insertion.
 */
import type { OperativeParagraph, PreambularParagraph, Range, ResolutionDocument, SubParagraph } from '../model';
import { defaultPhrases } from '../phrases';
import { wordSpans } from './normalize';
import type { ParagraphKind } from './types';

export interface LocatedParagraph {
  kind: ParagraphKind;
  /** "6", "6 (a)"; the 1-based position for preambular paragraphs. */
  number?: string;
  /** Text as the corpus sees it (sub-paragraphs apart from their lead-in). */
  text: string;
  start: number;
  end: number;
  range: Range;
}

function opNumber(op: OperativeParagraph): string | undefined {
  return op.number ? String(op.number.value) + (op.number.suffix ? ' ' + op.number.suffix : '') : undefined;
}

function inSpan(offset: number, s: { start: number; end: number }): boolean {
  return offset >= s.start && offset <= s.end;
}

/** The paragraph (preambular, operative lead-in or sub-paragraph) at `offset`, if any. */
export function paragraphAt(doc: ResolutionDocument, offset: number): LocatedParagraph | undefined {
  for (let i = 0; i < doc.preamble.length; i++) {
    const p = doc.preamble[i];
    if (p.fragments.some((f) => inSpan(offset, f)) || inSpan(offset, p)) {
      return { kind: 'preambular', number: String(i + 1), text: p.text, start: p.start, end: p.end, range: p.range };
    }
  }
  for (const op of doc.operative) {
    if (!(op.fragments.some((f) => inSpan(offset, f)) || inSpan(offset, op))) continue;
    const num = opNumber(op);
    const find = (subs: SubParagraph[], prefix: string): LocatedParagraph | undefined => {
      for (const s of subs) {
        if (!inSpan(offset, s)) continue;
        const label = `${prefix} ${s.label.text.trim()}`.trim();
        return find(s.children, label) ?? { kind: 'subparagraph', number: label, text: s.text, start: s.start, end: s.end, range: s.range };
      }
      return undefined;
    };
    const sub = find(op.subparagraphs, num ?? '');
    if (sub) return sub;
    const text = op.subparagraphs.length ? op.leadIn.text : op.text;
    const end = op.subparagraphs.length ? op.leadIn.end : op.end;
    const range = op.subparagraphs.length ? { start: op.range.start, end: op.leadIn.range.end } : op.range;
    return { kind: 'operative', ...(num ? { number: num } : {}), text, start: op.start, end, range };
  }
  return undefined;
}

/** Whether the document italicises the openings of paragraphs of `kind` (most of them do; official style when none). */
export function italicStyle(doc: ResolutionDocument, kind: 'preambular' | 'operative'): boolean {
  const paras: Array<PreambularParagraph | OperativeParagraph> = kind === 'preambular' ? doc.preamble : doc.operative;
  let italic = 0;
  let plain = 0;
  for (const p of paras) {
    if (!p.opening) continue;
    if (p.opening.italic === 'none') plain++;
    else italic++;
  }
  return italic + plain === 0 ? true : italic >= plain;
}

/** Number of words of the opening phrase of `text` (0 when none is known). */
export function openingWordCount(text: string, kind: 'preambular' | 'operative'): number {
  const ws = wordSpans(text).map((w) => text.slice(w.start, w.end));
  return defaultPhrases().match(ws.slice(0, 12), kind)?.wordCount ?? 0;
}

/**
 * `text` (a corpus paragraph) with its opening phrase in the given italics style: `*Calls upon*
 * Member States…` or `Calls upon Member States…`. Other italics (`*inter alia*`) are kept.
 */
export function restyle(text: string, kind: ParagraphKind, italic: boolean): string {
  if (kind !== 'preambular' && kind !== 'operative') return text;
  const m = /^\*([^*]+)\*/.exec(text);
  let opening: string;
  let rest: string;
  if (m) {
    opening = m[1].trim();
    rest = text.slice(m[0].length);
  } else {
    const ws = wordSpans(text);
    const n = openingWordCount(text, kind);
    if (n === 0) return text;
    const end = ws[n - 1].end;
    opening = text.slice(0, end);
    rest = text.slice(end);
  }
  return (italic ? `*${opening}*` : opening) + rest;
}

export interface TypedOpening {
  /** Offset in the document where the typed paragraph text starts (after any number). */
  start: number;
  /** The typed text, from `start` to the cursor. */
  text: string;
  /** The paragraph is numbered (`6. `) — an operative paragraph. */
  numbered: boolean;
  /** Offset of the line where the paragraph starts. */
  lineStart: number;
}

const NUMBER_PREFIX = /^[ \t]*(?:\d{1,4}(?:\s+(?:bis|ter|quater|quinquies))?\.|\((?:[a-z]{1,3})\))[ \t]+/;

/**
 * The paragraph being written up to `offset`: from the first line after a blank line (or the
 * line of the number) to the cursor. Undefined when the cursor is not in body text.
 */
export function typedOpening(source: string, offset: number): TypedOpening | undefined {
  const lineEnd = (from: number) => {
    const i = source.indexOf('\n', from);
    return i === -1 ? source.length : i;
  };
  let lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  for (let guard = 0; guard < 50 && lineStart > 0; guard++) {
    if (NUMBER_PREFIX.test(source.slice(lineStart, Math.min(lineEnd(lineStart), offset)))) break;
    const prevStart = source.lastIndexOf('\n', lineStart - 2) + 1;
    const prev = source.slice(prevStart, lineStart - 1).replace(/\r$/, '');
    if (prev.trim() === '' || /[,;.:]\s*$/.test(prev)) break;
    lineStart = prevStart;
  }
  const head = source.slice(lineStart, offset);
  const num = NUMBER_PREFIX.exec(head);
  const skip = num ? num[0].length : head.length - head.trimStart().length;
  return { start: lineStart + skip, text: head.slice(skip).replace(/\s*\r?\n\s*/g, ' '), numbered: !!num, lineStart };
}
