/**
 * "Show changes against base": the words of a draft inserted since its base text, and the words
 * and paragraphs deleted from it, as offsets in the draft's source — what the editor decorates.
 * Paragraphs are paired by the shared alignment (compare/align.ts) and compared with the exact word
 * diff (compare/words.ts); a change of emphasis markers alone (`*`) is not a change of words.
 * Plain TypeScript, no LSP import.
 */
import { alignParagraphs, AlignSummary, summarize } from '../compare/align';
import { diffWords } from '../compare/words';
import { parse } from '../parser';
import type { ResolutionDocument, Span, SubParagraph } from '../model';

export type Change =
  /** Words of the draft not in the base: [start, end) in the draft's source. */
  | { kind: 'insert'; start: number; end: number }
  /** Words of the base the draft deleted, at `at` in the draft's source. */
  | { kind: 'delete'; at: number; text: string }
  /** A paragraph the base does not have (or that moved here). */
  | { kind: 'added'; start: number; end: number; moved?: boolean }
  /** A paragraph of the base the draft does not have (or that moved away), before `at`. */
  | { kind: 'deleted'; at: number; text: string; moved?: boolean };

interface Unit {
  text: string;
  /** Source offset of each character of `text` (undefined when the text could not be mapped). */
  map?: number[];
  start: number;
  end: number;
}

/** Maps a unit's text onto its source spans (the parser joins page-break fragments with a space). */
function mapOnto(source: string, text: string, spans: Span[]): number[] | undefined {
  const map: number[] = [];
  let k = 0;
  for (let s = 0; s < spans.length; s++) {
    if (s > 0) {
      if (text[k] !== ' ') return undefined;
      map.push(spans[s].start);
      k++;
    }
    for (let o = spans[s].start; o < spans[s].end && k < text.length; o++, k++) {
      if (source[o] !== text[k]) return undefined;
      map.push(o);
    }
  }
  return k === text.length ? map : undefined;
}

function unitsOf(doc: ResolutionDocument): Unit[] {
  const src = doc.source;
  const units: Unit[] = [];
  const push = (text: string, spans: Span[]) => {
    if (!text.trim() || spans.length === 0) return;
    let map = mapOnto(src, text, spans);
    if (!map) {
      const at = src.indexOf(text, spans[0].start);
      if (at >= 0) map = Array.from({ length: text.length }, (_, i) => at + i);
    }
    units.push({ text, ...(map ? { map } : {}), start: spans[0].start, end: spans[spans.length - 1].end });
  };
  for (const p of doc.preamble) push(p.text, p.fragments);
  for (const op of doc.operative) {
    if (op.subparagraphs.length || op.listItems.length) push(op.leadIn.text, [op.leadIn]);
    else push(op.text, op.fragments);
    for (const item of op.listItems) push(item.text, [{ ...item, start: item.end - item.text.length }]);
    const walk = (subs: SubParagraph[]) => {
      for (const s of subs) {
        const at = src.indexOf(s.text, s.label.end);
        if (at >= 0) push(s.text, [{ start: at, end: at + s.text.length, range: s.range }]);
        walk(s.children);
      }
    };
    walk(op.subparagraphs);
  }
  return units.sort((a, b) => a.start - b.start);
}

export interface ChangesResult {
  changes: Change[];
  summary: AlignSummary;
}

const MARKUP_ONLY = /^[\s*_]*$/;

/** The changes that turn `baseText` into `draftText`, located in `draftText`. */
export function changesAgainstBase(baseText: string, draftText: string): ChangesResult {
  const base = unitsOf(parse(baseText));
  const draft = unitsOf(parse(draftText));
  const pairs = alignParagraphs(
    base.map((u) => u.text),
    draft.map((u) => u.text),
  );
  const changes: Change[] = [];
  const startOfNext = (j: number | null) => (j !== null && j < draft.length ? draft[j].start : draftText.length);
  // Where a deleted paragraph is shown: before the next draft paragraph in reading order.
  let nextNew = 0;
  for (let k = 0; k < pairs.length; k++) {
    const p = pairs[k];
    if (p.new !== null) nextNew = p.new + 1;
    if (p.kind === 'deleted') {
      const following = pairs.slice(k + 1).find((q) => q.new !== null);
      changes.push({ kind: 'deleted', at: startOfNext(following ? following.new : null), text: base[p.old!].text });
      continue;
    }
    const u = draft[p.new!];
    if (p.kind === 'added' || p.kind === 'moved') {
      changes.push({ kind: 'added', start: u.start, end: u.end, ...(p.kind === 'moved' ? { moved: true } : {}) });
      if (p.kind === 'moved') {
        const b = base[p.old!];
        // Shown where it stood: before the draft paragraph that now follows its old neighbour.
        const after = pairs.find((q) => q.old !== null && q.old > p.old! && q.new !== null && q.kind !== 'moved');
        changes.push({ kind: 'deleted', at: startOfNext(after ? after.new : null), text: b.text, moved: true });
      }
      continue;
    }
    if (p.kind === 'unchanged' || !u.map) continue;
    let o = 0;
    for (const part of diffWords(base[p.old!].text, u.text)) {
      if (part.op === 'equal') o += part.text.length;
      else if (part.op === 'insert') {
        if (!MARKUP_ONLY.test(part.text)) changes.push({ kind: 'insert', start: u.map[o], end: u.map[o + part.text.length - 1] + 1 });
        o += part.text.length;
      } else if (!MARKUP_ONLY.test(part.text)) {
        changes.push({ kind: 'delete', at: o < u.map.length ? u.map[o] : u.map[u.map.length - 1] + 1, text: part.text });
      }
    }
  }
  void nextNew;
  return { changes, summary: summarize(pairs) };
}
