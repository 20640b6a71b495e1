/**
 * Word-level comparison of a paragraph with its precedent: the diff (inserted / deleted words),
 * the share of the paragraph's words the precedent covers, and the new spans (offsets into the
 * paragraph's text) — "agreed" versus "new" language.
 */
import { wordSpans, WordSpan } from './normalize';
import { lcs } from '../compare/words';

export type DiffKind = 'equal' | 'insert' | 'delete';

export interface DiffPart {
  kind: DiffKind;
  /** The words as written (in the paragraph for equal/insert, in the precedent for delete). */
  text: string;
}

export interface Comparison {
  /** Share of the paragraph's words that the precedent covers, in [0, 1]. */
  coverage: number;
  /** Stretches of the paragraph's text not in the precedent, as [start, end) offsets. */
  newSpans: Array<{ start: number; end: number }>;
  /** precedent → paragraph: 'insert' words are new in the paragraph, 'delete' words were dropped. */
  diff: DiffPart[];
}

/** Text without markup: links reduced to their text, footnote markers and emphasis markers removed. */
function plain(s: string): string {
  return s
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    .replace(/<sup>[^<]*<\/sup>/gi, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\[\^[^\]\s]*\]/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '')
    .replace(/[*_]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Compares `text` (the paragraph) with `precedent`. */
export function compare(text: string, precedent: string): Comparison {
  const pw = wordSpans(precedent);
  const tw = wordSpans(text);
  const pairs = lcs(
    pw.map((w) => w.word),
    tw.map((w) => w.word),
  );
  const diff: DiffPart[] = [];
  const push = (kind: DiffKind, src: string, spans: WordSpan[]) => {
    if (spans.length === 0) return;
    // The stretch as written (hyphens, commas and quotes between its words kept), without markup.
    const words = plain(src.slice(spans[0].start, spans[spans.length - 1].end));
    const last = diff[diff.length - 1];
    if (last && last.kind === kind) last.text += ' ' + words;
    else diff.push({ kind, text: words });
  };
  const newSpans: Array<{ start: number; end: number }> = [];
  const addNew = (spans: WordSpan[]) => {
    if (spans.length) newSpans.push({ start: spans[0].start, end: spans[spans.length - 1].end });
  };
  let pi = 0;
  let ti = 0;
  let equalRun: WordSpan[] = [];
  const all = [...pairs, [pw.length, tw.length] as [number, number]];
  for (const [a, b] of all) {
    if (a > pi || b > ti) {
      push('equal', text, equalRun);
      equalRun = [];
    }
    push('delete', precedent, pw.slice(pi, a));
    push('insert', text, tw.slice(ti, b));
    addNew(tw.slice(ti, b));
    if (a < pw.length && b < tw.length) equalRun.push(tw[b]);
    pi = a + 1;
    ti = b + 1;
  }
  push('equal', text, equalRun);
  return { coverage: tw.length ? Math.round((pairs.length / tw.length) * 1000) / 1000 : 0, newSpans, diff };
}
