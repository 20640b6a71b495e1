/**
 * Re-parsing by block. After an edit, the blocks before it and after it are the previous parse's:
 * the structure pass starts again at the paragraph before the edit, in the state it was in there,
 * and stops at the first unchanged block after the edit where it is back in the state the previous
 * parse had there; the paragraphs after it are the previous ones, moved. The result equals a full
 * parse of the new text (a property test holds it to that); where a shortcut could not be sure
 * (an edit in the language sample that changes the language, a block whose role looked past the
 * edit, a text that is no resolution), it is a full parse.
 *
 * The previous document is used up: its nodes after the edit move to the new one, and its line index
 * becomes the new text's (all the versions of a document share one). There is no full parse from
 * time to time: the nodes read again copy their texts out of the new source (ownCopy), so the nodes
 * kept from version to version hold no older source, and the memory stays that of one model.
 */
import type { Block, Ending, OperativeParagraph, Paragraph, ResolutionDocument, Span, SubParagraph } from '../model';
import { ownCopy } from '../text';
import { documentLanguage, SAMPLE } from '../detect-language';
import { splitLines, type RawBlock } from './blocks';
import { ParseContext, type ParseOptions } from './context';
import { footnoteMarkersIn } from './inline';
import { parse } from './parse';
import { classifyTraced, entryFlags, hasCurrent, keepTrace, REPLACED, restoreFlags, traceOf, type Trace } from './trace';
import { frontMatterFacts } from './front-matter';
import { scanDirectives } from './directives';
import { scanCitations } from './citations';
import { scanCrossReferences } from './cross-references';
import { paragraphRanges } from './finish';

/**
 * The document of `source`, an edited version of `previous.source`, re-reading only what the
 * edit touches. Equal to `parse(source, options)`; `previous` must not be used afterwards.
 */
export function reparse(previous: ResolutionDocument, source: string, options: ParseOptions = {}): ResolutionDocument {
  const trace = previous && traceOf(previous);
  if (typeof source !== 'string' || !trace || !sameOptions(trace.options, options)) {
    return parse(source, options);
  }
  if (previous.source === source) return previous;
  try {
    return incremental(previous, trace, source, options) ?? parse(source, options);
  } catch {
    return parse(source, options);
  }
}

function sameOptions(a: ParseOptions, b: ParseOptions): boolean {
  return (
    a.phrases === b.phrases &&
    (a.language ?? 'auto') === (b.language ?? 'auto') &&
    JSON.stringify(a.extraPhrases ?? {}) === JSON.stringify(b.extraPhrases ?? {})
  );
}

/** Lengths of the common beginning and end of two texts (not overlapping in the shorter). */
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const max = Math.min(a.length, b.length);
  // Stretches compared as strings, doubling while they agree and halving where they do not: a few
  // dozen comparisons of long stretches instead of one per character or per small chunk.
  let p = 0;
  for (let step = 256; step >= 16;) {
    if (p + step <= max && a.slice(p, p + step) === b.slice(p, p + step)) {
      p += step;
      step *= 2;
    } else step >>= 1;
  }
  while (p < max && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  let s = 0;
  const room = max - p;
  for (let step = 256; step >= 16;) {
    if (s + step <= room && a.slice(a.length - s - step, a.length - s) === b.slice(b.length - s - step, b.length - s)) {
      s += step;
      step *= 2;
    } else step >>= 1;
  }
  while (s < room && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  return { prefix: p, suffix: s };
}

/** Is there a line break among the characters [from, to) of `text`? */
function breakIn(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * The line starts of the new text from the old ones: kept before the edit, found in it, moved after
 * it. A keystroke with no line break in or next to the edit changes no line: the old list, its
 * starts after the edit moved in place (the previous model is used up).
 */
function lineStartsAfter(
  old: number[],
  oldSource: string,
  source: string,
  p: number,
  oldEnd: number,
  newEnd: number,
  delta: number,
): number[] {
  if (!breakIn(oldSource, p - 1, oldEnd + 1) && !breakIn(source, p - 1, newEnd + 1)) {
    for (let k = lowerBound(old, oldEnd + 1, (x) => x); k < old.length; k++) old[k] += delta;
    return old;
  }
  const out: number[] = [];
  let k = 0;
  for (; k < old.length && old[k] < p; k++) out.push(old[k]);
  if (out.length === 0) out.push(0);
  // a line starts at x when x - 1 is "\n", or "\r" not followed by "\n"
  for (let x = Math.max(p, 1); x <= newEnd && x <= source.length; x++) {
    const c = source.charCodeAt(x - 1);
    if (c === 10 || (c === 13 && source.charCodeAt(x) !== 10)) out.push(x);
  }
  for (; k < old.length; k++) if (old[k] > oldEnd) out.push(old[k] + delta);
  return out;
}

/** Index of the first item whose `key` is at least `value` (items sorted by key). */
function lowerBound<T>(items: readonly T[], value: number, key: (t: T) => number, from = 0): number {
  let lo = from;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `head` followed by `list` from `from` on, in one array made at about its size: `head` itself when
 * the rest is short, else a slice of `list` written over at its start (an array grown by push is
 * copied as it grows, and a re-parse near the top of a draft carries thousands of nodes over).
 */
export function joined<T>(head: T[], list: readonly T[], from: number): T[] {
  const h = head.length;
  if (list.length - from <= h) {
    for (let k = from; k < list.length; k++) head.push(list[k]);
    return head;
  }
  if (from < h) return head.concat(list.slice(from));
  const out = list.slice(from - h);
  for (let k = 0; k < h; k++) out[k] = head[k];
  return out;
}

/** The first `n` items of `list` followed by `more`. */
function withPrefix<T>(list: readonly T[], n: number, more: readonly T[]): T[] {
  const out = list.slice(0, n);
  for (let k = 0; k < more.length; k++) out.push(more[k]);
  return out;
}

/**
 * The markers of `all` but those that open a footnote definition (`defs`, in order of place): both
 * lists go in order of place, so they are walked together instead of looked up in a set.
 */
export function referenceMarkers<T extends { start: number }>(all: readonly T[], defs: ReadonlyArray<{ marker: { start: number } }>): T[] {
  for (let k = 1; k < defs.length; k++) {
    if (defs[k].marker.start < defs[k - 1].marker.start) {
      const starts = new Set(defs.map((d) => d.marker.start));
      return all.filter((m) => !starts.has(m.start));
    }
  }
  const out: T[] = [];
  let j = 0;
  for (let k = 0; k < all.length; k++) {
    const at = all[k].start;
    while (j < defs.length && defs[j].marker.start < at) j++;
    if (j < defs.length && defs[j].marker.start === at) continue;
    out.push(all[k]);
  }
  return out;
}

/** The paragraph that was current when block j was read: the last one begun before it. */
function paragraphBefore(doc: ResolutionDocument, j: number): Paragraph | undefined {
  const a = lowerBound(doc.preamble, j, (p) => p.blockIndex) - 1;
  const b = lowerBound(doc.operative, j, (p) => p.blockIndex) - 1;
  const pa = a >= 0 ? doc.preamble[a] : undefined;
  const pb = b >= 0 ? doc.operative[b] : undefined;
  if (!pa) return pb;
  if (!pb) return pa;
  return pa.blockIndex > pb.blockIndex ? pa : pb;
}

/** Do two current paragraphs look the same to the structure pass (every field its questions read)? */
function sameCurrent(a: Paragraph | undefined, b: Paragraph | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.kind !== b.kind || a.ending.char !== b.ending.char) return false;
  if (a.kind === 'preambular' || b.kind === 'preambular') return true;
  const x = a as OperativeParagraph;
  const y = b as OperativeParagraph;
  return (
    x.leadInEnding.char === y.leadInEnding.char &&
    x.subparagraphs.length === y.subparagraphs.length &&
    x.listItems.length === y.listItems.length &&
    (x.number === undefined) === (y.number === undefined)
  );
}

/** Moves a node by `delta` (its line index is the document's, already moved to the new text). */
function move(s: Span, delta: number): void {
  s.start += delta;
  s.end += delta;
}

/**
 * Endings moved for the paragraph being moved (an ending node may be shared by the paragraph, its
 * lead-in and its last item): the first `movedCount` of a scratch list that keeps its room (an array
 * emptied by `length = 0` gives its room back and is grown again by the next paragraph).
 */
const movedEndings: Ending[] = [];
let movedCount = 0;

function moveEnding(e: Ending, delta: number): void {
  for (let k = 0; k < movedCount; k++) if (movedEndings[k] === e) return;
  movedEndings[movedCount++] = e;
  move(e.span, delta);
}

function moveSub(s: SubParagraph, delta: number): void {
  move(s, delta);
  move(s.label, delta);
  moveEnding(s.ending, delta);
  const children = s.children;
  for (let k = 0; k < children.length; k++) moveSub(children[k], delta);
}

/**
 * Moves the paragraphs of `list` from `from` on, and their nodes (footnote markers move with the
 * marker list): one pass per kind of node (the paragraphs, their numbers, their lead-ins …) rather
 * than one paragraph after the other. The nodes lie all over the memory; a pass that reads one node
 * of each paragraph has reads that do not wait for one another, where walking a paragraph's nodes
 * one after the other waits for each read.
 */
function moveParagraphs(list: readonly Paragraph[], from: number, delta: number, blockDelta: number): void {
  // (each node's offsets written here rather than through move(): a property read or written at one
  // place of the code is quick when that place sees one kind of object)
  const n = list.length;
  for (let k = from; k < n; k++) {
    const p = list[k];
    p.start += delta;
    p.end += delta;
    if (blockDelta !== 0) p.blockIndex += blockDelta;
  }
  for (let k = from; k < n; k++) {
    const fragments = list[k].fragments;
    for (let i = 0; i < fragments.length; i++) {
      const f = fragments[i];
      f.start += delta;
      f.end += delta;
    }
  }
  for (let k = from; k < n; k++) {
    const e = list[k].ending.span;
    e.start += delta;
    e.end += delta;
  }
  for (let k = from; k < n; k++) {
    const o = list[k].opening;
    if (o) {
      o.start += delta;
      o.end += delta;
    }
  }
  for (let k = from; k < n; k++) {
    const o = list[k].opening;
    if (o && o.italicSpan) {
      const i = o.italicSpan;
      i.start += delta;
      i.end += delta;
    }
  }
}

/** moveParagraphs for operative paragraphs, and then what only they have. */
function moveOperative(list: readonly OperativeParagraph[], from: number, delta: number, blockDelta: number): void {
  moveParagraphs(list, from, delta, blockDelta);
  const n = list.length;
  for (let k = from; k < n; k++) {
    const number = list[k].number;
    if (number) {
      number.start += delta;
      number.end += delta;
    }
  }
  for (let k = from; k < n; k++) {
    const l = list[k].leadIn;
    l.start += delta;
    l.end += delta;
  }
  // an ending may be the paragraph's, its lead-in's and its last item's: moved once
  for (let k = from; k < n; k++) {
    const p = list[k];
    if (p.leadInEnding !== p.ending) {
      const e = p.leadInEnding.span;
      e.start += delta;
      e.end += delta;
    }
  }
  for (let k = from; k < n; k++) {
    const p = list[k];
    const verbs = p.extraVerbs;
    for (let i = 0; i < verbs.length; i++) move(verbs[i], delta);
    const subs = p.subparagraphs;
    if (subs.length) {
      movedCount = 0;
      movedEndings[movedCount++] = p.ending;
      movedEndings[movedCount++] = p.leadInEnding;
      for (let i = 0; i < subs.length; i++) moveSub(subs[i], delta);
      movedCount = 0;
    }
    const items = p.listItems;
    for (let i = 0; i < items.length; i++) {
      move(items[i], delta);
      move(items[i].number, delta);
    }
  }
}

/**
 * Gives every string under the nodes `o` (model nodes, arrays of them) a copy of its own, so that
 * the nodes a next version keeps do not keep this version's source alive.
 */
function ownTexts(o: object, seen: Set<object>): void {
  if (seen.has(o)) return;
  seen.add(o);
  const fields = o as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const v = fields[k];
    if (typeof v === 'string') {
      if (v.length >= 13) fields[k] = ownCopy(v);
    } else if (typeof v === 'object' && v !== null) ownTexts(v, seen);
  }
}

function incremental(prev: ResolutionDocument, trace: Trace, source: string, options: ParseOptions): ResolutionDocument | undefined {
  const old = prev.source;
  const blocks = prev.blocks;
  const n = blocks.length;
  if (n === 0 || prev.kind !== 'resolution') return undefined;
  const { prefix: p, suffix: s } = commonEnds(old, source);
  const oldEnd = old.length - s;
  const newEnd = source.length - s;
  const delta = source.length - old.length;

  // The language: the same unless the edit is in what detection reads.
  let language: ReturnType<typeof documentLanguage> = { lang: prev.lang, source: prev.langSource };
  if (p < SAMPLE) {
    language = documentLanguage(source, options.language ?? 'auto');
    if (language.lang !== prev.lang || language.source !== prev.langSource) return undefined;
  }
  // One line index for the model and the re-parses after it: the previous one, moved to the new text
  // (the nodes before the edit keep their positions, those after it are moved below).
  const lines = trace.index;
  lines.moveTo(source, lineStartsAfter(prev.lineStarts, old, source, p, oldEnd, newEnd, delta));
  const c = new ParseContext(source, options, lines, language);

  // Where to start again: a block before the edit that began a paragraph, read in a state that
  // nothing after it can change (no block up to it looked at a block from the edit on).
  const flags = trace.flags;
  const firstChanged = lowerBound(blocks, p, (b) => b.end);
  let r = Math.max(0, firstChanged - 1);
  while (r > 0 && !(flags[r] & REPLACED)) r--;
  for (let k = 0; k < trace.look.length; k += 2) if (trace.look[k] <= r && trace.look[k + 1] >= firstChanged) return undefined;
  const regionStart = r === 0 ? 0 : blocks[r].start;

  // Blocks: split again from block r until the split meets a block of the previous parse after the edit.
  const split = splitLines(source, lines, c.numberRe, c.sublabelRe, r === 0 ? 0 : lines.positionAt(regionStart).line, {
    offset: newEnd,
    isStart: (x) => {
      const k = lowerBound(blocks, x - delta, (b) => b.start, firstChanged);
      return k < n && blocks[k].start === x - delta;
    },
  });
  const j0 = split.resumedAt === undefined ? n : lowerBound(blocks, split.resumedAt - delta, (b) => b.start, firstChanged);
  c.raw = (blocks.slice(0, r) as RawBlock[]).concat(split.blocks);
  c.tail = { blocks, first: j0, delta, made: [] };
  const blockDelta = c.raw.length - j0;
  const oldTailStart = j0 < n ? blocks[j0].start : old.length;

  // Footnote markers: those before and after the stretch read again are the previous ones (moved).
  const near = (text: string, at: number) => text.slice(Math.max(0, at - 80), at + 80).includes('<sup');
  if (near(old, regionStart) || near(old, oldTailStart) || near(source, oldTailStart + delta)) return undefined;
  const oldMarkers = prev.footnoteMarkers;
  const before = lowerBound(oldMarkers, regionStart, (m) => m.start);
  const after = lowerBound(oldMarkers, oldTailStart, (m) => m.start);
  if (before > 0 && oldMarkers[before - 1].end > regionStart) return undefined;
  const moved = oldMarkers.slice(after);
  for (let k = 0; k < moved.length; k++) move(moved[k], delta);
  const regionMarkers = footnoteMarkersIn(source, lines, regionStart, oldTailStart + delta, []);
  const all = oldMarkers.slice(0, before).concat(regionMarkers, moved);
  let longest = 0;
  for (let k = 0; k < all.length; k++) longest = Math.max(longest, all[k].end - all[k].start);
  c.markers = { all, longest };

  // The structure pass, from block r in the state the previous parse had there.
  const doc = c.doc;
  restoreFlags(c, flags[r]);
  c.current = hasCurrent(flags[r]) ? paragraphBefore(prev, r) : undefined;
  doc.blocks = blocks.slice(0, r);
  doc.preamble = prev.preamble.slice(
    0,
    lowerBound(prev.preamble, r, (q) => q.blockIndex),
  );
  doc.operative = prev.operative.slice(
    0,
    lowerBound(prev.operative, r, (q) => q.blockIndex),
  );
  doc.frontMatter = prev.frontMatter.slice(
    0,
    lowerBound(prev.frontMatter, regionStart, (b) => b.start),
  );
  doc.footnoteDefinitions = prev.footnoteDefinitions.slice(
    0,
    lowerBound(prev.footnoteDefinitions, regionStart, (b) => b.start),
  );
  doc.annexes = prev.annexes.slice(
    0,
    lowerBound(prev.annexes, regionStart, (b) => b.start),
  );
  if (prev.authority && prev.authority.start < regionStart) doc.authority = prev.authority;
  if (prev.meeting && prev.meeting.start < regionStart) doc.meeting = prev.meeting;
  const kept = { frontMatter: doc.frontMatter.length, footnoteDefinitions: doc.footnoteDefinitions.length, annexes: doc.annexes.length };
  for (let k = 0; k < trace.look.length; k += 2) if (trace.look[k] < r) c.look[trace.look[k]] = trace.look[k + 1];
  const newFlags = new Uint8Array(c.blockCount);
  newFlags.set(flags.subarray(0, r));
  let met = -1;
  for (let i = r; i < c.blockCount; i++) {
    if (i >= c.raw.length) {
      const j = i - blockDelta;
      const f = flags[j];
      if (
        f & REPLACED &&
        entryFlags(c) === (f & 127) &&
        sameCurrent(c.current, hasCurrent(f) ? paragraphBefore(prev, j) : undefined) &&
        !!doc.authority === !!(prev.authority && prev.authority.start < blocks[j].start) &&
        doc.preamble.length > 0 === (prev.preamble.length > 0 && prev.preamble[0].blockIndex < j)
      ) {
        met = j;
        break;
      }
    }
    classifyTraced(c, i, newFlags);
  }
  const regionEnd = met < 0 ? c.blockCount : met + blockDelta;
  // The nodes read again, kept by the next versions: their texts copied out of this version's source.
  const made: object[] = [
    doc.blocks.slice(r),
    regionMarkers,
    doc.frontMatter.slice(kept.frontMatter),
    doc.footnoteDefinitions.slice(kept.footnoteDefinitions),
    doc.annexes.slice(kept.annexes),
  ];
  if (doc.authority && doc.authority !== prev.authority) made.push(doc.authority);
  if (doc.meeting && doc.meeting !== prev.meeting) made.push(doc.meeting);
  if (doc.operative.length === 0 && met < 0) return undefined;
  const hasItalicNumbered = (ps: OperativeParagraph[], from = 0) => {
    for (let k = from; k < ps.length; k++) {
      const q = ps[k];
      if (q.number && q.opening && q.opening.italic !== 'none') return true;
    }
    return false;
  };

  // From block `met` on, the previous parse's nodes, moved.
  let tailCitationsFrom = prev.citations.length;
  let tailReferencesFrom = prev.crossReferences.length;
  if (met >= 0) {
    const startJ = blocks[met].start;
    const firstOperative = lowerBound(prev.operative, met, (q) => q.blockIndex);
    const oldOperative = prev.operative;
    if (doc.operative.length === 0 && oldOperative.length === firstOperative) return undefined;
    if (!doc.authority && !hasItalicNumbered(doc.operative) && !hasItalicNumbered(oldOperative, firstOperative)) return undefined;
    const frontMatter = prev.frontMatter.slice(lowerBound(prev.frontMatter, startJ, (b) => b.start));
    const definitions = prev.footnoteDefinitions.slice(lowerBound(prev.footnoteDefinitions, startJ, (b) => b.start));
    const annexes = prev.annexes.slice(lowerBound(prev.annexes, startJ, (b) => b.start));
    tailCitationsFrom = lowerBound(prev.citations, startJ, (x) => x.start);
    tailReferencesFrom = lowerBound(prev.crossReferences, startJ, (x) => x.start);
    for (let k = met; k < n; k++) {
      const b = blocks[k];
      b.start += delta;
      b.end += delta;
    }
    doc.blocks = joined(doc.blocks, blocks, met);
    // (indexed loops: this function runs once per version and may not be optimised, where a for-of makes an object per step)
    const firstPreambular = lowerBound(prev.preamble, met, (x) => x.blockIndex);
    moveParagraphs(prev.preamble, firstPreambular, delta, blockDelta);
    doc.preamble = joined(doc.preamble, prev.preamble, firstPreambular);
    moveOperative(oldOperative, firstOperative, delta, blockDelta);
    doc.operative = joined(doc.operative, oldOperative, firstOperative);
    doc.frontMatter.push(...frontMatter);
    doc.annexes.push(...annexes);
    for (let k = 0; k < definitions.length; k++) {
      const d = definitions[k];
      move(d, delta);
      move(d.marker, delta);
      doc.footnoteDefinitions.push(d);
    }
    if (prev.authority && prev.authority.start >= startJ) {
      move(prev.authority, delta);
      if (prev.authority.comma) move(prev.authority.comma, delta);
      doc.authority = prev.authority;
    }
    if (prev.meeting && prev.meeting.start >= startJ) {
      move(prev.meeting, delta);
      doc.meeting = prev.meeting;
    }
    for (let k = tailCitationsFrom; k < prev.citations.length; k++) {
      const x = prev.citations[k];
      move(x, delta);
      if (x.date) move(x.date, delta);
    }
    // (one kind of node at a time, as the paragraphs)
    const refs = prev.crossReferences;
    for (let k = tailReferencesFrom; k < refs.length; k++) {
      const x = refs[k];
      x.start += delta;
      x.end += delta;
    }
    for (let k = tailReferencesFrom; k < refs.length; k++) {
      const targets = refs[k].targets;
      for (let i = 0; i < targets.length; i++) {
        const t = targets[i];
        t.start += delta;
        t.end += delta;
      }
    }
    for (let k = tailReferencesFrom; k < refs.length; k++) {
      const sub = refs[k].subSpan;
      if (sub) move(sub, delta);
    }
    for (let k = 0; k < trace.look.length; k += 2) {
      if (trace.look[k] >= met) c.look[trace.look[k] + blockDelta] = trace.look[k + 1] + blockDelta;
    }
    newFlags.set(flags.subarray(met), regionEnd);
  }

  // What finish() decides over the whole document, from the parts.
  if (doc.operative.length === 0 && doc.preamble.length >= (c.facts.lang === 'zh' ? 1 : 2)) return undefined;
  if (!doc.authority && !hasItalicNumbered(doc.operative)) return undefined;
  doc.kind = 'resolution';
  doc.footnoteMarkers = referenceMarkers(all, doc.footnoteDefinitions);
  Object.assign(doc, frontMatterFacts(source, lines, c.facts, doc.frontMatter, doc.authority, doc.meeting));
  // (no directive without its opening "<!--": most drafts have none, and a search for it is quicker than the pattern)
  if (source.indexOf('<!--') >= 0) doc.directives.push(...scanDirectives(source, lines));
  const regionFrom = regionStart;
  const regionCitations = scanCitations(source, lines, c.facts, paragraphRanges(doc.blocks as Block[], r, regionEnd));
  doc.citations = joined(
    withPrefix(
      prev.citations,
      lowerBound(prev.citations, regionFrom, (x) => x.start),
      regionCitations,
    ),
    prev.citations,
    tailCitationsFrom,
  );
  const inRegion = (list: Paragraph[]) =>
    list.slice(
      lowerBound(list, r, (q) => q.blockIndex),
      lowerBound(list, regionEnd, (q) => q.blockIndex),
    );
  const regionParagraphs = [...inRegion(doc.preamble), ...inRegion(doc.operative)];
  const regionReferences = scanCrossReferences(source, lines, c.facts, regionParagraphs);
  doc.crossReferences = joined(
    withPrefix(
      prev.crossReferences,
      lowerBound(prev.crossReferences, regionFrom, (x) => x.start),
      regionReferences,
    ),
    prev.crossReferences,
    tailReferencesFrom,
  );
  made.push(regionParagraphs, regionCitations, regionReferences);
  ownTexts(made, new Set());
  keepTrace(c, options, newFlags, trace.generation + 1);
  return doc;
}
