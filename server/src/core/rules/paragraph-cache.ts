/**
 * The findings of the paragraph-local checks (RuleMeta.scope 'paragraph'), remembered per paragraph
 * node. A re-parse (parser/incremental.ts) carries the paragraphs before and after an edit over into
 * the new model as the same nodes, moved: their findings are those of the last check, moved with
 * them, as long as nothing a paragraph check may read has changed:
 *  - the paragraph itself (the same node, text and length, its fragments),
 *  - the MARGIN characters after it,
 *  - whether it is the last operative paragraph,
 *  - the run's key: the document facts (kind, language, whether any operative paragraph is
 *    numbered, the authority line), the configuration, the locale, the checks that run, and the
 *    corpus when a check that reads it runs.
 * Entries live as long as their paragraph node (a WeakMap).
 */
import type { Paragraph } from '../model';
import type { Report } from './types';
import type { LineIndex } from '../text';

/** Characters after a paragraph a paragraph check may read (a preambular paragraph's `(a)` list after it). */
export const MARGIN = 48;

/** A report with offsets instead of positions, so it can move with its paragraph. */
export interface StoredReport {
  /** Index of the check among the run's paragraph checks. */
  rule: number;
  start: number;
  end: number;
  message: string;
  minor?: boolean;
  fix?: { title: string; edits: Array<{ start: number; end: number; newText: string }> };
}

interface Entry {
  key: string;
  start: number;
  length: number;
  text: string;
  fragments: number;
  last: boolean;
  after: string;
  reports: StoredReport[];
}

const NONE: StoredReport[] = [];
const entries = new WeakMap<Paragraph, Entry>();

/** One string per distinct key, so that entries compare keys by identity. */
let lastKey = '';

export function internKey(key: string): string {
  if (key !== lastKey) lastKey = key;
  return lastKey;
}

/** The reports stored for `p` under `key` and how far the paragraph moved since, if they still hold. */
export function storedReports(p: Paragraph, key: string, last: boolean, source: string): Stored | undefined {
  const e = entries.get(p);
  if (!e || e.key !== key || e.last !== last || e.text !== p.text || e.length !== p.end - p.start || e.fragments !== p.fragments.length)
    return undefined;
  return source.startsWith(e.after, p.end) ? e : undefined;
}

/** Reports stored for a paragraph: `start` is where the paragraph stood then (they move by its move since). */
export interface Stored {
  start: number;
  reports: StoredReport[];
}

/** Remembers the reports of `p` (as the paragraph checks made them on `source`). */
export function storeReports(p: Paragraph, key: string, last: boolean, source: string, reports: StoredReport[]): void {
  entries.set(p, {
    key,
    start: p.start,
    length: p.end - p.start,
    text: p.text,
    fragments: p.fragments.length,
    last,
    after: source.slice(p.end, p.end + MARGIN),
    reports: reports.length ? reports : NONE,
  });
}

/** A report of a paragraph check, with offsets. */
export function storedOf(rule: number, r: Report, lines: LineIndex): StoredReport {
  const s: StoredReport = { rule, start: lines.offsetAt(r.range.start), end: lines.offsetAt(r.range.end), message: r.message };
  if (r.minor) s.minor = true;
  if (r.fix)
    s.fix = {
      title: r.fix.title,
      edits: r.fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })),
    };
  return s;
}

/** The report again, moved by `delta`, with positions in `lines`. */
export function reportOf(s: StoredReport, delta: number, lines: LineIndex): Report {
  const r: Report = { range: lines.range(s.start + delta, s.end + delta), message: s.message };
  if (s.minor) r.minor = true;
  if (s.fix)
    r.fix = {
      title: s.fix.title,
      edits: s.fix.edits.map((e) => ({ range: lines.range(e.start + delta, e.end + delta), newText: e.newText })),
    };
  return r;
}
