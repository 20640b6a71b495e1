/**
 * The work done on a document's text — parse, check, fix-all — as plain functions of their input,
 * so that the same code runs in the server's thread (small documents) and in a worker thread
 * (large ones, see documentWorker.ts). Nothing here knows about LSP or threads.
 */
import { checkDocument } from '../core/check';
import { parseOptionsOf, type ResolvedConfig } from '../core/config';
import type { CorpusFacts, Finding } from '../core/findings';
import { fixAll, minimalEdit } from '../core/fix';
import { LineIndex } from '../core/text';
import type { Edit } from '../core/findings';
import type { MessageLocale } from '../core/messages';
import type { ResolutionDocument } from '../core/model';
import { parse, reparse, type ParseOptions } from '../core/parser';
import { documentViews, previewView, type DocumentViews, type PreviewView } from './documentViews';

/**
 * The one parse call of the server: every parse of an open document or a workspace file goes
 * through here (in the server's thread and in the workers). `previous` is the last model of the
 * same document, for a parser that re-uses unchanged paragraphs.
 */
export function parseText(text: string, options: ParseOptions, previous?: ResolutionDocument): ResolutionDocument {
  // The previous model is used up: its paragraphs after the edit move into the new one.
  return previous ? reparse(previous, text, options) : parse(text, options);
}

/** What a check or a fix-all needs besides the corpus: all of it can be copied to a worker. */
export interface DocumentWorkInput {
  text: string;
  config: ResolvedConfig;
  locale: MessageLocale;
}

/** What the editor's views of a document need: its text and parse options, and which document and version it is. */
export interface ViewInput {
  text: string;
  options: ParseOptions;
  /** The document and its parse options (uri and options key): a worker re-parses only what changed since its last parse of it. */
  document: string;
  /** Equal (document, version): equal texts — a worker re-uses its last parse. */
  version: number;
}

export interface ViewsOutput extends DocumentViews {
  problems: string[];
}

export interface PreviewOutput extends PreviewView {
  problems: string[];
}

/** The model of a view: the one already parsed (the server's, or the one a worker keeps: documentWorker.ts), else a parse of its own. */
function viewModel(input: ViewInput, parsed?: ResolutionDocument): ResolutionDocument {
  return parsed ?? parseText(input.text, input.options);
}

/** Outline, folding, link sources and stats of a text (or of the model already parsed from it). */
export function viewsWork(input: ViewInput, parsed?: ResolutionDocument): ViewsOutput {
  const doc = viewModel(input, parsed);
  return { ...documentViews(doc), problems: doc.error && !parsed ? [doc.error] : [] };
}

/** The preview of a text (or of the model already parsed from it). */
export function previewWork(input: ViewInput, parsed?: ResolutionDocument): PreviewOutput {
  const doc = viewModel(input, parsed);
  return { ...previewView(doc), problems: doc.error && !parsed ? [doc.error] : [] };
}

/** A check's answer. `problems` are the failures met on the way (a check that threw, a parser bug), for the log. */
export interface CheckOutput {
  findings: Finding[];
  problems: string[];
}

export interface FixAllOutput {
  /**
   * The edits applying every fix (none when nothing is to change): one minimal edit, or, when that
   * would resend more than SPLIT_EDIT_CHARS characters of a large draft, one edit per changed place.
   */
  edits: Edit[];
  applied: Record<string, number>;
  problems: string[];
}

function checkModel(doc: ResolutionDocument, input: DocumentWorkInput, corpus: CorpusFacts | undefined, problems: string[]): Finding[] {
  if (doc.error) problems.push(doc.error);
  return checkDocument(doc, {
    config: input.config,
    corpus,
    locale: input.locale,
    onError: (rule, err) => problems.push(`check ${rule} failed: ${(err as Error)?.stack ?? String(err)}`),
    // successive versions of a document: the paragraphs a re-parse carried over keep their findings
    reuse: true,
  });
}

/**
 * Parses and checks a text (or checks the model already parsed from it). The editor's documents come
 * with their model (the server's, or the one a worker keeps per document, re-parsed from the last
 * version): their unchanged paragraphs keep their findings. A text without one (a file of a workspace
 * check) is parsed afresh.
 */
export function checkWork(input: DocumentWorkInput, corpus: CorpusFacts | undefined, parsed?: ResolutionDocument): CheckOutput {
  const problems: string[] = [];
  const doc = parsed ?? parseText(input.text, parseOptionsOf(input.config));
  return { findings: checkModel(doc, input, corpus, problems), problems };
}

/** Fix-all as configured: every fix it may apply, re-checking until none is left, as one edit. */
export function fixAllWork(input: DocumentWorkInput, corpus: CorpusFacts | undefined): FixAllOutput {
  const problems: string[] = [];
  const options = parseOptionsOf(input.config);
  const result = fixAll(input.text, (text) => checkModel(parseText(text, options), input, corpus, problems), input.config.fixAll);
  return { edits: fixAllEdits(input.text, result.text), applied: result.applied, problems: [...new Set(problems)] };
}

/** Above this many characters of replacement text, the edit of a fix-all is split at the places that change. */
export const SPLIT_EDIT_CHARS = 64 * 1024;

/** The edits turning `before` into `after`: one minimal edit, split when it would carry most of a large draft. */
export function fixAllEdits(before: string, after: string): Edit[] {
  const one = minimalEdit(before, after);
  if (!one) return [];
  if (one.newText.length <= SPLIT_EDIT_CHARS) return [one];
  const spans = changedSpans(before, after);
  if (!spans) return [one];
  const lines = new LineIndex(before);
  return spans.map((s) => ({ range: lines.range(s.start, s.end), newText: after.slice(s.from, s.to) }));
}

/** How far a search for the next common stretch looks on each side, and how long a stretch must be. */
const RESYNC_WINDOW = 256;
const ANCHOR = 24;

/**
 * The places where `after` differs from `before`, as replacements of before[start, end) by
 * after[from, to), found in one pass (fixes are small and local); verified to rebuild `after`
 * exactly, undefined when they do not (the caller then keeps one edit).
 */
export function changedSpans(before: string, after: string): Array<{ start: number; end: number; from: number; to: number }> | undefined {
  const spans: Array<{ start: number; end: number; from: number; to: number }> = [];
  const same = (i: number, j: number) => {
    const n = Math.min(ANCHOR, before.length - i, after.length - j);
    // a stretch shorter than an anchor only counts at the very end of both texts
    if (n < ANCHOR && !(i + n === before.length && j + n === after.length)) return false;
    for (let k = 0; k < n; k++) if (before.charCodeAt(i + k) !== after.charCodeAt(j + k)) return false;
    return true;
  };
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    while (i < before.length && j < after.length && before.charCodeAt(i) === after.charCodeAt(j)) {
      i++;
      j++;
    }
    if (i === before.length && j === after.length) break;
    let found = false;
    for (let d = 1; d <= 2 * RESYNC_WINDOW && !found; d++) {
      for (let da = Math.max(0, d - RESYNC_WINDOW); da <= Math.min(d, RESYNC_WINDOW); da++) {
        const db = d - da;
        if (i + da > before.length || j + db > after.length || !same(i + da, j + db)) continue;
        spans.push({ start: i, end: i + da, from: j, to: j + db });
        i += da;
        j += db;
        found = true;
        break;
      }
    }
    if (!found) {
      spans.push({ start: i, end: before.length, from: j, to: after.length });
      break;
    }
  }
  let rebuilt = '';
  let at = 0;
  for (const s of spans) {
    rebuilt += before.slice(at, s.start) + after.slice(s.from, s.to);
    at = s.end;
  }
  return rebuilt + before.slice(at) === after ? spans : undefined;
}
