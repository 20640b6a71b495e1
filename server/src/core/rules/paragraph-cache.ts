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
 *
 * A full parse (a first parse, or a re-parse that could not be sure of a shortcut) makes new
 * paragraph nodes: a node met for the first time then takes the entry of a paragraph of the last
 * document checked with the same text, when that paragraph is the same to the checks: the same node
 * fields with offsets taken from its start (opening, number, sub-paragraphs, fragments, endings, …),
 * and the same conditions above.
 */
import type { Paragraph, ResolutionDocument } from '../model';
import type { Report } from './types';
import { ownCopy, type LineIndex } from '../text';
import { commonEnds } from '../parser/incremental';

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
/** What a paragraph with no stored reports is given (its offset is never read). */
const EMPTY: Stored = { start: 0, reports: NONE };
const entries = new WeakMap<Paragraph, Entry>();

/** One string per distinct key, so that entries compare keys by identity. */
let lastKey = '';

export function internKey(key: string): string {
  if (key !== lastKey) lastKey = key;
  return lastKey;
}

/** The document of the run going on, the one of the run before, and the latter's paragraphs by text (made when first needed). */
let current: ResolutionDocument | undefined;
let previous: ResolutionDocument | undefined;
let byText: Map<string, Paragraph[]> | undefined;
/** Does the run's document have paragraph nodes of its own (a full parse), so that looking up by text may pay? */
let fresh = false;

/**
 * The paragraphs of the last run in the order they were checked, with their entries, and those of
 * the run going on: a re-parse keeps the paragraphs before its edit at the same place in the list and
 * those after it shifted by the same count, so a paragraph finds its entry there without a lookup.
 */
let lastParagraphs: Paragraph[] = [];
let lastEntries: Array<Entry | undefined> = [];
let runParagraphs: Paragraph[] = [];
let runEntries: Array<Entry | undefined> = [];
/**
 * Beside each entry of the two lists, what the run knew of it without reading it again: HELD (it held
 * for its paragraph under the run's key), LAST (for the last operative paragraph), REPORTS (it has
 * some). A paragraph at its place again finds its entry held from these, without reading the entry
 * (thousands of entries, each a read from memory far from the others).
 */
let lastFlags = new Uint8Array(0);
let runFlags = new Uint8Array(0);
const HELD = 1;
const LAST = 2;
const REPORTS = 4;
/** The key of the last run and of the run going on. */
let lastKey_ = '';
let runKey = '';
/** Where the run is in its list, and how far the last run's list is shifted after an edit. */
let at = 0;
let shift = 0;
/** The text of the last run, and where the text of the run going on differs from it: [editStart, editEnd). */
let lastSource = '';
let editStart = 0;
let editEnd = 0;

/** A run of the paragraph checks over `doc` begins. */
export function startRun(doc: ResolutionDocument): void {
  at = 0;
  shift = lastParagraphs.length - (doc.preamble.length + doc.operative.length);
  if (doc.source === lastSource) {
    editStart = Infinity;
    editEnd = -1;
  } else {
    const { prefix, suffix } = commonEnds(lastSource, doc.source);
    editStart = prefix;
    editEnd = doc.source.length - suffix;
  }
  if (doc !== current) {
    previous = current;
    current = doc;
  }
  byText = undefined;
  // a re-parse keeps the paragraphs before and after its edit: the first and the last one stay the same node
  const shares = (a: Paragraph[], b: Paragraph[]) => a.length > 0 && b.length > 0 && (a[0] === b[0] || a[a.length - 1] === b[b.length - 1]);
  fresh = !!previous && previous !== doc && !shares(doc.preamble, previous.preamble) && !shares(doc.operative, previous.operative);
}

/** The run is over: the document before it is no longer needed (the run's own is its caller's). */
export function endRun(): void {
  lastSource = current?.source ?? '';
  previous = undefined;
  byText = undefined;
  runParagraphs.length = at;
  runEntries.length = at;
  [lastParagraphs, runParagraphs] = [runParagraphs, lastParagraphs];
  [lastEntries, runEntries] = [runEntries, lastEntries];
  [lastFlags, runFlags] = [runFlags, lastFlags];
  lastKey_ = runKey;
}

/** Notes what the run knows of entry i: held or not, and the flags of one held. */
function flag(i: number, e: Entry | undefined, last: boolean): void {
  setFlags(i, e ? HELD | (last ? LAST : 0) | (e.reports.length ? REPORTS : 0) : 0);
}

function setFlags(i: number, f: number): void {
  if (i >= runFlags.length) {
    const more = new Uint8Array(Math.max(64, 2 * i + 2));
    more.set(runFlags);
    runFlags = more;
  }
  runFlags[i] = f;
}

function holds(e: Entry | undefined, p: Paragraph, key: string, last: boolean, source: string): e is Entry {
  return (
    !!e &&
    e.key === key &&
    e.last === last &&
    e.text === p.text &&
    e.length === p.end - p.start &&
    e.fragments === p.fragments.length &&
    source.startsWith(e.after, p.end)
  );
}

/** The reports stored for `p` under `key` and how far the paragraph moved since, if they still hold. */
export function storedReports(p: Paragraph, key: string, last: boolean, source: string): Stored | undefined {
  const i = at++;
  runParagraphs[i] = p;
  runKey = key;
  // the same node at its place in the last run's list: its entry held then, for the same node (the
  // same text, length and fragments); the characters after it changed only if they meet the edit
  const j = lastParagraphs[i] === p ? i : lastParagraphs[i + shift] === p ? i + shift : -1;
  if (j >= 0 && (p.end + MARGIN <= editStart || p.end >= editEnd)) {
    // held in the last run under the same key, for the same place (last or not): it holds, and need not be read
    const f = j < lastFlags.length ? lastFlags[j] : 0;
    if (f & HELD && key === lastKey_ && (f & LAST) === (last ? LAST : 0)) {
      const e = lastEntries[j]!;
      runEntries[i] = e;
      setFlags(i, f);
      return f & REPORTS ? e : EMPTY;
    }
    const aligned = lastEntries[j];
    if (aligned && aligned.key === key && aligned.last === last) {
      runEntries[i] = aligned;
      flag(i, aligned, last);
      return aligned;
    }
  }
  const e = entries.get(p);
  let found = holds(e, p, key, last, source) ? e : undefined;
  if (!found && fresh) found = byItsText(p, key, last, source);
  runEntries[i] = found;
  flag(i, found, last);
  return found;
}

/** The entry of a paragraph of the last document checked that is the same as `p` to the paragraph checks, now `p`'s too. */
function byItsText(p: Paragraph, key: string, last: boolean, source: string): Entry | undefined {
  if (!byText) {
    byText = new Map();
    for (const list of [previous!.preamble, previous!.operative])
      for (const q of list) {
        if (!entries.has(q)) continue;
        const same = byText.get(q.text);
        if (same) same.push(q);
        else byText.set(q.text, [q]);
      }
  }
  for (const q of byText.get(p.text) ?? []) {
    const e = entries.get(q);
    if (holds(e, p, key, last, source) && sameNode(q, p, q.start, p.start)) {
      entries.set(p, e);
      return e;
    }
  }
  return undefined;
}

/**
 * Are two nodes the same but for where they stand: every field equal, offsets (`start`, `end`)
 * counted from `a0` and `b0`, and the block index (which moves with the paragraph) aside?
 */
function sameNode(a: unknown, b: unknown, a0: number, b0: number): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) {
    if (k === 'blockIndex') continue;
    if (k === 'start' || k === 'end') {
      if ((x[k] as number) - a0 !== (y[k] as number) - b0) return false;
    } else if (!sameNode(x[k], y[k], a0, b0)) return false;
  }
  return true;
}

/** Reports stored for a paragraph: `start` is where the paragraph stood then (they move by its move since). */
export interface Stored {
  start: number;
  reports: StoredReport[];
}

/** Remembers the reports of `p` (as the paragraph checks made them on `source`). */
export function storeReports(p: Paragraph, key: string, last: boolean, source: string, reports: StoredReport[]): void {
  const e: Entry = {
    key,
    start: p.start,
    length: p.end - p.start,
    text: p.text,
    fragments: p.fragments.length,
    last,
    after: ownCopy(source.slice(p.end, p.end + MARGIN)),
    reports: reports.length ? reports : NONE,
  };
  entries.set(p, e);
  if (runParagraphs[at - 1] === p) {
    runEntries[at - 1] = e;
    flag(at - 1, e, last);
  }
}

/** A report of a paragraph check, with offsets. */
export function storedOf(rule: number, r: Report, lines: LineIndex): StoredReport {
  // the texts copied: a message or a fix may be made of slices of this version's source
  const s: StoredReport = { rule, start: lines.offsetAt(r.range.start), end: lines.offsetAt(r.range.end), message: ownCopy(r.message) };
  if (r.minor) s.minor = true;
  if (r.fix)
    s.fix = {
      title: ownCopy(r.fix.title),
      edits: r.fix.edits.map((e) => ({
        start: lines.offsetAt(e.range.start),
        end: lines.offsetAt(e.range.end),
        newText: ownCopy(e.newText),
      })),
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
