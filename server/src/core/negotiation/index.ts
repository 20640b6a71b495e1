/**
 * Negotiation texts: the markings of a draft under negotiation (square brackets with `/`
 * alternatives, paragraph labels PP1 / OP3 / OP5 bis / OP7 alt, status tags, facilitator's notes,
 * proposals attributed to delegations, struck and underlined words), each paragraph's status, and
 * the text "as adopted" — what Clean text writes and what the checks of form read.
 *
 * A separate pass over the source: the markings are found lexically, the text without them is
 * parsed by the ordinary parser to know the paragraphs, and offsets map back to the draft.
 * Plain TypeScript, no LSP import.
 */
import type { ResolutionDocument } from '../model';
import { parse } from '../parser';
import { commonEnds } from '../parser/incremental';
import { LineIndex } from '../text';
import { resolveTarget, sectionRestart } from '../fix';
import {
  DEFAULT_TAGS,
  DELETION_RES,
  FRONT_MATTER_BRACKET_RE,
  INSERTION_RES,
  LABEL_RE,
  LABEL_HINT_RE,
  NOT_PARTIES,
  NOTE_RES,
  PROPOSAL_RES,
  TAG_LIKE_RE,
  tagStatus,
  type TagSet,
  type TagStatus,
} from './conventions';
import { EditedText, type OffsetEdit } from './edits';

export { DEFAULT_TAGS, type TagSet, type TagStatus } from './conventions';
export { EditedText, type OffsetEdit } from './edits';

export interface NegotiationSettings {
  tags: TagSet;
}

export interface Stretch {
  start: number;
  end: number;
}

/** A pair of square brackets around text that is not agreed. */
export interface Bracket extends Stretch {
  /** Nesting depth, 0 for the outermost. */
  depth: number;
  /** The alternatives inside, separated by `/` (one when there is no `/`): [start, end) of each. */
  alternatives: Stretch[];
  /** Index of the enclosing bracket in Negotiation.brackets. */
  parent?: number;
}

export interface Tag extends Stretch {
  /** The tag's words without the brackets ("Agreed ad ref"). */
  text: string;
  /** What the configured set says it means; 'unknown' when the set does not know it. */
  status: TagStatus | 'unknown';
  style: 'square' | 'round';
}

export interface Note extends Stretch {
  text: string;
}

export interface Proposal extends Stretch {
  /** Who proposes ("EU", "G77 and China"). */
  parties: string;
  /** What they propose ("delete", `add "sustainable"`). */
  text: string;
}

export interface Change extends Stretch {
  kind: 'insertion' | 'deletion';
  /** The words inserted or struck. */
  text: string;
}

export interface Label extends Stretch {
  /** As written, without emphasis and trailing punctuation ("OP5 bis", "PP3", "7 alt 2", "5 bis"). */
  text: string;
  part?: 'PP' | 'OP';
  number: number;
  suffix?: string;
  /** 0 for `alt`, n for `alt n`; absent when no alternative. */
  alt?: number;
  /** The label without its alternative part: the paragraph it belongs with ("OP7"). */
  base: string;
  line: number;
}

export interface Unbalanced {
  /** Offset of the bracket. */
  offset: number;
  char: '[' | ']';
  /** Where its partner should stand: the end of the paragraph for "[", its start for "]". */
  partner: number;
}

export type ParagraphStatus = 'agreed' | 'bracketed' | 'pending' | 'deleted';

export interface NegotiationParagraph extends Stretch {
  kind: 'preambular' | 'operative';
  /** "PP3", "OP5 bis", or for unlabelled paragraphs "PP<n>" / the operative number ("5"). */
  label: string;
  /** 0-based line of its first line in the draft. */
  line: number;
  status: ParagraphStatus;
  /** Bracket pairs in the paragraph (nested pairs counted). */
  brackets: number;
  tags: Tag[];
  labelNode?: Label;
  /** Not in the text as adopted: a deleted paragraph, or an alternative that is not the first. */
  dropped: boolean;
  /** For an alternative paragraph, the index (in paragraphs) of the first of its group. */
  alternativeOf?: number;
  /** The final number in the text as adopted (operative paragraphs kept). */
  finalNumber?: string;
}

export interface Negotiation {
  /** The document carries negotiation markings. */
  isDraft: boolean;
  brackets: Bracket[];
  tags: Tag[];
  notes: Note[];
  proposals: Proposal[];
  changes: Change[];
  labels: Label[];
  unbalanced: Unbalanced[];
  paragraphs: NegotiationParagraph[];
  /** The document tags agreement (or pending) anywhere: untagged paragraphs are pending. */
  tagsAgreement: boolean;
  /** The text as it would be issued, with the map back to the draft. */
  clean: EditedText;
  /** Stretches of the draft that no fix may touch (brackets, tags, notes, proposals, labels). */
  protectedStretches: Stretch[];
}

export function defaultNegotiationSettings(): NegotiationSettings {
  return {
    tags: {
      agreed: [...DEFAULT_TAGS.agreed],
      pending: [...DEFAULT_TAGS.pending],
      deleted: [...DEFAULT_TAGS.deleted],
      other: [...DEFAULT_TAGS.other],
    },
  };
}

// ── lexical scan ──────────────────────────────────────────────────────────────────────────────

interface Scan {
  excluded: Stretch[];
  notes: Note[];
  tags: Tag[];
  proposals: Proposal[];
  changes: Change[];
  brackets: Bracket[];
  unbalanced: Unbalanced[];
  labels: Label[];
}

const inside = (list: Stretch[], at: number) => list.some((s) => at >= s.start && at < s.end);
const overlapsAny = (list: Stretch[], s: number, e: number) => list.some((x) => s < x.end && x.start < e);

/**
 * The editorial brackets of quotations ("recognize[d]", "[t]he", "[…]"): what
 * `(?<=\p{L})\[\p{Ll}{1,3}\]|\[\p{L}{1,2}\](?=\p{L})|\[(?:…|\.\.\.)\]` finds, searched from each "[".
 */
export function editorialBrackets(source: string, out: Stretch[] = []): Stretch[] {
  const re = /\[(?:(\p{L}{1,3})|…|\.\.\.)\]/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    const s = m.index;
    const e = s + m[0].length;
    const inner = m[1];
    const ok =
      inner === undefined ||
      (/^\p{Ll}+$/u.test(inner) && /\p{L}$/u.test(source.slice(Math.max(0, s - 2), s))) ||
      ([...inner].length <= 2 && /^\p{L}/u.test(source.slice(e, e + 2)));
    if (ok) out.push({ start: s, end: e });
  }
  return out;
}

function scan(source: string, settings: NegotiationSettings, lines: LineIndex): Scan {
  const excluded: Stretch[] = [];
  // Each pattern runs only when the characters it cannot match without are in the text (a final
  // text has few brackets and no markup: the scan of a 1 MB text then costs a few string searches).
  const hasSquare = source.includes('[') || source.includes(']');
  const hasRound = source.includes('(');
  const add = (re: RegExp, list: Stretch[] = excluded) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(source))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      list.push({ start: m.index, end: m.index + m[0].length });
    }
  };
  // Not negotiation markings: comments, footnote references, links, inline code, front-matter lines.
  if (source.includes('<!--')) add(/<!--[\s\S]*?-->/g);
  if (source.includes('[^')) add(/\[\^[^\]\s]{1,16}\]:?/g);
  if (source.includes('](')) add(/!?\[[^\]\n]*\]\([^)\n]*\)/g);
  if (source.includes('`')) add(/`[^`\n]+`/g);
  if (hasSquare) {
    add(FRONT_MATTER_BRACKET_RE);
    // editorial brackets of quotations: "recognize[d]", "[t]he", "[…]"
    editorialBrackets(source, excluded);
  }

  const taken: Stretch[] = [];
  const free = (s: number, e: number) => !overlapsAny(excluded, s, e) && !overlapsAny(taken, s, e);

  const notes: Note[] = [];
  // every note opens with "note(s)" or "Note(s)"
  for (const re of source.includes('ote') ? NOTE_RES : []) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(source))) {
      const s = m.index;
      const e = m.index + m[0].length;
      if (!free(s, e)) continue;
      notes.push({ start: s, end: e, text: m[0] });
      taken.push({ start: s, end: e });
    }
  }

  const tags: Tag[] = [];
  const tagRe = /([*_]{0,2})([[(])[ \t]*([A-Za-z][A-Za-z .'’-]{0,40}?)[ \t]*([\])])\1/g;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(source))) {
    if ((m[2] === '[') !== (m[4] === ']')) continue;
    const s = m.index;
    const e = m.index + m[0].length;
    const status = tagStatus(m[3], settings.tags);
    if (!status || !free(s, e)) continue;
    // A one-word tag ("[Agreed]", "(pending)") stands where tags stand: after or just before the
    // paragraph's ending, alone on its line, or before the paragraph's first word; a bracketed
    // word of the text ("mutually [agreed] terms") is none.
    if (!/\s/.test(m[3].trim()) && !(tagPosition(source, lines, s, e) && (m[2] === '(' || /^[A-Z]/.test(m[3])))) continue;
    tags.push({ start: s, end: e, text: m[3].trim(), status, style: m[2] === '[' ? 'square' : 'round' });
    taken.push({ start: s, end: e });
  }

  const proposals: Proposal[] = [];
  for (const re of PROPOSAL_RES) {
    if (!(re.source.startsWith('\\[') ? hasSquare : hasRound)) continue;
    re.lastIndex = 0;
    while ((m = re.exec(source))) {
      const s = m.index;
      const e = m.index + m[0].length;
      const parties = m[1].trim();
      if (NOT_PARTIES.has(parties.toLowerCase()) || /^[A-Z]$/.test(parties) || !free(s, e)) continue;
      proposals.push({ start: s, end: e, parties, text: (m[2] ?? '').trim() });
      taken.push({ start: s, end: e });
    }
  }

  const changes: Change[] = [];
  for (const [res, kind] of [
    [DELETION_RES, 'deletion'],
    [INSERTION_RES, 'insertion'],
  ] as const) {
    for (const re of res) {
      if (!source.includes(re.source.startsWith('<') ? '<' : re.source.startsWith('~') ? '~~' : '++')) continue;
      re.lastIndex = 0;
      while ((m = re.exec(source))) {
        const s = m.index;
        const e = m.index + m[0].length;
        if (overlapsAny(excluded, s, e) || overlapsAny(changes, s, e)) continue;
        changes.push({ start: s, end: e, kind, text: m[m.length - 1] });
      }
    }
  }

  // Labels at line starts.
  const labels: Label[] = [];
  const labelLines = LABEL_HINT_RE.test(source) ? lines.lineStarts.length : 0;
  for (let line = 0; line < labelLines; line++) {
    let ls = lines.lineStarts[line];
    const le = lines.lineEnd(line);
    // a status tag may stand before the label: "[Agreed ad ref] OP3 …"
    for (const t of tags) {
      if (t.start >= ls && t.end <= le && /^[\s*_]*$/.test(source.slice(ls, t.start))) ls = t.end;
    }
    const text = source.slice(ls, le);
    const lm = LABEL_RE.exec(text);
    if (!lm) continue;
    const plainNumbered = lm[8] !== undefined;
    const part = lm[2] ? (lm[2].toUpperCase() as 'PP' | 'OP') : undefined;
    const number = parseInt(plainNumbered ? lm[8] : lm[3], 10);
    const suffix = plainNumbered ? lm[9] : lm[4];
    const altWord = plainNumbered ? lm[10] : lm[5];
    const altNum = plainNumbered ? lm[11] : lm[6];
    if (plainNumbered && !suffix && !altWord) continue; // "5." is an ordinary number
    const s = ls + lm[1].length;
    const e = ls + lm[0].length;
    if (inside(excluded, s)) continue;
    const head = `${part ?? ''}${number}${suffix ? ' ' + suffix : ''}`;
    labels.push({
      start: s,
      end: e,
      text: altWord ? `${head} alt${altNum ? ' ' + altNum : ''}` : head,
      part,
      number,
      suffix,
      alt: altWord ? (altNum ? parseInt(altNum, 10) : 0) : undefined,
      base: head,
      line,
    });
  }

  // Brackets: what is left of "[" and "]" outside everything found so far.
  const brackets: Bracket[] = [];
  const unbalanced: Unbalanced[] = [];
  const stack: Array<{ offset: number; atParagraphStart: boolean; index: number }> = [];
  const paraStart = (at: number) => {
    // at the start of a paragraph: only white space, emphasis, labels or tags before it on its line
    const line = lines.positionAt(at).line;
    const before = source.slice(lines.lineStarts[line], at);
    return /^[\s*_[]*(?:(?:PP|OP)\s?\d{1,3}(?:\s*(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt)\b(?:\s*\d{1,2})?)*[.:]?[\s*_]*|\d{1,3}(?:\s+\w+)?\.\s*|\([a-z]{1,5}\)\s*)?$/.test(
      before,
    );
  };
  let lastParaBreak = 0;
  const blankRe = /\n[ \t\u00a0]*\r?\n/g;
  const breaks: number[] = [];
  while (hasSquare && (m = blankRe.exec(source))) breaks.push(m.index + 1);
  let bi = 0;
  for (let i = 0; hasSquare && i < source.length; i++) {
    while (bi < breaks.length && breaks[bi] <= i) {
      // A paragraph ends: brackets opened mid-paragraph and not closed are unbalanced.
      const at = breaks[bi];
      for (let k = stack.length - 1; k >= 0; k--) {
        if (!stack[k].atParagraphStart) {
          unbalanced.push({ offset: stack[k].offset, char: '[', partner: trimEnd(source, at) });
          brackets[stack[k].index] = undefined as unknown as Bracket;
          stack.splice(k, 1);
        }
      }
      lastParaBreak = at;
      bi++;
    }
    const ch = source[i];
    if (ch !== '[' && ch !== ']') continue;
    if (inside(excluded, i) || inside(taken, i)) continue;
    if (ch === '[') {
      const index = brackets.length;
      brackets.push({
        start: i,
        end: -1,
        depth: stack.length,
        alternatives: [],
        parent: stack.length ? stack[stack.length - 1].index : undefined,
      });
      stack.push({ offset: i, atParagraphStart: paraStart(i), index });
    } else {
      const open = stack.pop();
      if (!open) {
        unbalanced.push({ offset: i, char: ']', partner: lastParaBreak < i ? skipSpace(source, lastParaBreak) : 0 });
        continue;
      }
      brackets[open.index].end = i + 1;
    }
  }
  for (const open of stack) {
    unbalanced.push({ offset: open.offset, char: '[', partner: trimEnd(source, source.length) });
    brackets[open.index] = undefined as unknown as Bracket;
  }
  // Re-index (unbalanced openers removed) and find alternatives.
  const kept = brackets.map((b, i) => ({ b, i })).filter((x) => x.b && x.b.end > 0);
  const newIndex = new Map(kept.map((x, k) => [x.i, k]));
  const list: Bracket[] = kept.map(({ b }) => ({ ...b, parent: b.parent === undefined ? undefined : newIndex.get(b.parent) }));
  for (const b of list) {
    if (b.parent !== undefined && list[b.parent] === undefined) b.parent = undefined;
  }
  for (let k = 0; k < list.length; k++) list[k].alternatives = alternativesOf(source, list, k);

  // A short capitalised bracket at the end of a line, after the paragraph's ending or alone on its
  // line, is a status tag the set does not know: `… to act; [Under consideration]`.
  const textBrackets: Bracket[] = [];
  for (let k = 0; k < list.length; k++) {
    const b = list[k];
    const inner = source.slice(b.start + 1, b.end - 1).trim();
    const hasChild = list.some((c) => c.parent === k);
    if (!hasChild && b.parent === undefined && TAG_LIKE_RE.test(inner) && b.alternatives.length === 1) {
      const line = lines.positionAt(b.start).line;
      const after = source.slice(b.end, lines.lineEnd(line));
      const before = source.slice(lines.lineStarts[line], b.start);
      if (/^[\s*_]*$/.test(after) && (/^[\s*_]*$/.test(before) || /[.;,:][”"’)]?[\s*_]*$/.test(before))) {
        tags.push({ start: b.start, end: b.end, text: inner, status: 'unknown', style: 'square' });
        continue;
      }
    }
    textBrackets.push(b);
  }
  // Indices changed again: recompute parents over the final list.
  const finalList = textBrackets.map((b) => ({ ...b }));
  for (const b of finalList) {
    const enclosing = finalList.filter((o) => o !== b && o.start < b.start && o.end > b.end);
    b.depth = enclosing.length;
    const direct = enclosing.sort((x, y) => y.start - x.start)[0];
    b.parent = direct ? finalList.indexOf(direct) : undefined;
  }
  tags.sort((a, b) => a.start - b.start);
  proposals.sort((a, b) => a.start - b.start);
  notes.sort((a, b) => a.start - b.start);
  changes.sort((a, b) => a.start - b.start);
  return {
    excluded,
    notes,
    tags,
    proposals,
    changes,
    brackets: finalList,
    unbalanced: unbalanced.sort((a, b) => a.offset - b.offset),
    labels,
  };
}

/** Whether [s, e) stands where a status tag stands on its line. */
function tagPosition(source: string, lines: LineIndex, s: number, e: number): boolean {
  const line = lines.positionAt(s).line;
  const before = source.slice(lines.lineStarts[line], s);
  const after = source.slice(e, lines.lineEnd(lines.positionAt(e).line));
  if (/^[\s*_\]]*(?:[.,;:][”"’)]?)?[\s*_\]]*$/.test(after)) return true;
  return /^[\s*_[]*(?:(?:PP|OP)\s?\d{1,3}(?:\s+\w+)*[.:]?|\d{1,3}(?:\s+\w+)?\.)?[\s*_]*$/.test(before);
}

function trimEnd(source: string, at: number): number {
  let e = at;
  while (e > 0 && /\s/.test(source[e - 1])) e--;
  return e;
}

function skipSpace(source: string, at: number): number {
  let s = at;
  while (s < source.length && /\s/.test(source[s])) s++;
  return s;
}

/** The alternatives of bracket k: its content split at `/` on its own level. */
function alternativesOf(source: string, list: Bracket[], k: number): Stretch[] {
  const b = list[k];
  const children = list.filter((c) => c.parent === k);
  const from = b.start + 1;
  const to = b.end - 1;
  const slashes: number[] = [];
  for (let i = from; i < to; i++) {
    if (source[i] !== '/') continue;
    if (children.some((c) => i >= c.start && i < c.end)) continue;
    slashes.push(i);
  }
  if (slashes.length === 0) return [{ start: from, end: to }];
  const spaced = slashes.filter((i) => /\s/.test(source[i - 1] ?? '') || /\s/.test(source[i + 1] ?? ''));
  let seps = spaced;
  if (seps.length === 0) {
    // "[shall/should]", "[*Decides*/*Resolves*]": unspaced slashes separate single words only (not
    // "70/1", "A/RES", "and/or" in a phrase)
    const content = source.slice(from, to).trim();
    const pieces = content.split('/');
    if (
      /\s/.test(content) ||
      /\d/.test(content) ||
      !pieces.every((w) => /^[*_]*\p{L}[\p{L}'’-]+[*_]*$/u.test(w) && !/^[*_]*\p{Lu}+[*_]*$/u.test(w))
    )
      return [{ start: from, end: to }];
    seps = slashes;
  }
  const out: Stretch[] = [];
  let at = from;
  for (const s of seps) {
    out.push({ start: at, end: s });
    at = s + 1;
  }
  out.push({ start: at, end: to });
  return out;
}

// ── removal helpers ───────────────────────────────────────────────────────────────────────────

/** Removes [s, e) with the white space on one side, or its whole line when it stands alone. */
function removal(source: string, lines: LineIndex, s: number, e: number): OffsetEdit {
  const line = lines.positionAt(s).line;
  const endLine = lines.positionAt(e).line;
  const ls = lines.lineStarts[line];
  const le = lines.lineEnd(endLine);
  const before = source.slice(ls, s);
  const after = source.slice(e, le);
  if (/^[ \t]*$/.test(before) && /^[ \t]*$/.test(after)) {
    // alone on its line(s): the line goes with the line break (and blank lines) before it
    let start = ls;
    while (start > 0 && /\s/.test(source[start - 1])) start--;
    if (start === 0) return { start: 0, end: skipSpace(source, le), text: '' };
    return { start, end: le, text: '' };
  }
  let start = s;
  let end = e;
  if (/[ \t]$/.test(before) && !/^[ \t]*$/.test(before)) {
    while (start > ls && /[ \t]/.test(source[start - 1])) start--;
  } else {
    while (end < le && /[ \t]/.test(source[end])) end++;
  }
  return { start, end, text: '' };
}

// ── the whole analysis ────────────────────────────────────────────────────────────────────────

const cache = new Map<string, { source: string; result: Negotiation }>();

/** Analyses a draft's negotiation markings (cached for the last few sources and settings). */
export function negotiation(source: string, settings: NegotiationSettings = defaultNegotiationSettings()): Negotiation {
  const key = JSON.stringify(settings.tags) + '\u0000' + source.length;
  const hit = cache.get(key);
  if (hit && hit.source === source) return hit.result;
  const result = analyse(source, settings);
  if (cache.size > 8) cache.clear();
  cache.set(key, { source, result });
  return result;
}

const draftCache = new Map<string, { source: string; draft: boolean }>();

/**
 * Whether a text carries negotiation markings: the lexical pass alone, without the parse the full
 * analysis needs (the checks ask this of every document, most of them final texts).
 */
export function isNegotiationDraft(
  source: string,
  settings: NegotiationSettings = defaultNegotiationSettings(),
  lineStarts?: number[],
): boolean {
  const tagsKey = JSON.stringify(settings.tags);
  const key = tagsKey + '\u0000' + source.length;
  const hit = draftCache.get(key);
  if (hit && hit.source === source) return hit.draft;
  const byEdit = plainAfterEdit(source, settings, tagsKey);
  const draft = byEdit ? false : markingCount(scan(source, settings, new LineIndex(source, lineStarts))) > 0;
  // a text decided from its edit is not kept here (it is decided as quickly again): a copy of a
  // large draft kept per keystroke stayed alive until a full garbage collection
  if (!byEdit) {
    if (draftCache.size > 8) draftCache.clear();
    draftCache.set(key, { source, draft });
  }
  if (!draft) {
    if (plainCache.size > 8) plainCache.clear();
    plainCache.set(tagsKey, { source, angle: source.includes('<') });
  }
  return draft;
}

/** The last text found without markings, per tag settings, and whether it holds a '<'. */
const plainCache = new Map<string, { source: string; angle: boolean }>();

/** Non-blank lines read on each side of an edit (more than any marking spans: notes and proposals run over a few lines at most). */
export const EDIT_WINDOW_LINES = 24;

/**
 * Whether `source` is an edit of the last text found without markings that leaves it without
 * markings, decided from the edited lines alone. Every marking, and every stretch that hides one
 * (links, code, footnote references, editorial brackets, front-matter lines), reads a few lines
 * at most, except HTML comments and HTML changes (`<!-- -->`, `<del>`, `<ins>`…), which need a '<':
 * a text without '<' before the edit and none in what it inserted gains a marking only within a
 * few lines of the edit. So the lines around the edit (EDIT_WINDOW_LINES non-blank lines each side)
 * are scanned alone: nothing found there means none in the text. Undecided (false) otherwise.
 */
function plainAfterEdit(source: string, settings: NegotiationSettings, tagsKey: string): boolean {
  const prev = plainCache.get(tagsKey);
  if (!prev || prev.angle) return false;
  const { prefix, suffix } = commonEnds(prev.source, source);
  const end = source.length - suffix;
  if (source.slice(prefix, end).includes('<')) return false;
  const ws = windowStart(source, prefix);
  const we = windowEnd(source, end);
  // an edit over much of the text: the whole scan is as quick
  if ((we - ws) * 4 > source.length) return false;
  const text = source.slice(ws, we);
  return markingCount(scan(text, settings, new LineIndex(text))) === 0;
}

const blank = (source: string, s: number, e: number) => {
  for (let i = s; i < e; i++) {
    const c = source.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13 && c !== 0xa0) return false;
  }
  return true;
};

/** The start of the line EDIT_WINDOW_LINES non-blank lines before the line of `at`. */
function windowStart(source: string, at: number): number {
  let ls = source.lastIndexOf('\n', at - 1) + 1;
  for (let n = 0; ls > 0 && n < EDIT_WINDOW_LINES;) {
    const prevStart = ls < 2 ? 0 : source.lastIndexOf('\n', ls - 2) + 1;
    if (!blank(source, prevStart, ls - 1)) n++;
    ls = prevStart;
  }
  return ls;
}

/** The end of the line EDIT_WINDOW_LINES non-blank lines after the line of `at`. */
function windowEnd(source: string, at: number): number {
  const len = source.length;
  let le = source.indexOf('\n', at);
  if (le < 0) return len;
  for (let n = 0; le < len && n < EDIT_WINDOW_LINES;) {
    let next = source.indexOf('\n', le + 1);
    if (next < 0) next = len;
    if (!blank(source, le + 1, next)) n++;
    le = next;
  }
  return le;
}

function markingCount(sc: Scan): number {
  return (
    sc.brackets.length +
    sc.tags.length +
    sc.notes.length +
    sc.proposals.length +
    sc.labels.length +
    sc.unbalanced.length +
    sc.changes.length
  );
}

function analyse(source: string, settings: NegotiationSettings): Negotiation {
  const lines = new LineIndex(source);
  const sc = scan(source, settings, lines);
  const isDraft = markingCount(sc) > 0;

  // 1. Inline edits: markings out, brackets off (first alternative kept), labels into numbers.
  const inline: OffsetEdit[] = [];
  for (const x of [...sc.notes, ...sc.tags, ...sc.proposals]) inline.push(removal(source, lines, x.start, x.end));
  for (const c of sc.changes) {
    if (c.kind === 'deletion') inline.push(removal(source, lines, c.start, c.end));
    else {
      const open = /^(?:<(?:u|ins)>|\+\+)/.exec(source.slice(c.start, c.end))![0];
      const close = /(?:<\/(?:u|ins)>|\+\+)$/.exec(source.slice(c.start, c.end))![0];
      inline.push({ start: c.start, end: c.start + open.length, text: '' }, { start: c.end - close.length, end: c.end, text: '' });
    }
  }
  for (const b of sc.brackets) {
    const first = b.alternatives[0];
    if (b.alternatives.length > 1) {
      if (source.slice(first.start, first.end).trim() === '') {
        inline.push(removal(source, lines, b.start, b.end));
        continue;
      }
      // keep the first alternative without the white space before its slash
      let e = first.end;
      while (e > first.start && /\s/.test(source[e - 1])) e--;
      let s = first.start;
      while (s < e && /[ \t]/.test(source[s])) s++;
      inline.push({ start: b.start, end: s, text: '' }, { start: e, end: b.end, text: '' });
    } else {
      inline.push({ start: b.start, end: b.start + 1, text: '' }, { start: b.end - 1, end: b.end, text: '' });
    }
  }
  for (const u of sc.unbalanced) inline.push({ start: u.offset, end: u.offset + 1, text: '' });

  // 2. The structure: the text without markings, labels as numbers, parsed by the ordinary parser.
  const labelEdit = (l: Label, text: string): OffsetEdit => {
    let e = l.end;
    while (e < source.length && /[ \t]/.test(source[e])) e++;
    const eol = e >= lines.lineEnd(lines.positionAt(l.start).line);
    return { start: l.start, end: e, text: eol && text ? text.trimEnd() : text };
  };
  const structureEdits = [...inline];
  for (const l of sc.labels) {
    if (l.part === 'PP') structureEdits.push(labelEdit(l, ''));
    else structureEdits.push(labelEdit(l, `${l.number}${l.suffix || l.alt !== undefined ? ' ' + (l.suffix ?? 'bis') : ''}. `));
  }
  const structure = new EditedText(source, structureEdits);
  const doc1 = parse(structure.text);

  // 3. Paragraphs of the draft, with their markings and status.
  const paragraphs = paragraphsOf(doc1, structure, source, lines, sc);
  const tagsAgreement = sc.tags.some((t) => t.status === 'agreed' || t.status === 'pending');
  for (const p of paragraphs) {
    const deleted = p.tags.some((t) => t.status === 'deleted');
    if (deleted) p.status = 'deleted';
    else if (p.brackets > 0) p.status = 'bracketed';
    else if (p.tags.some((t) => t.status === 'agreed')) p.status = 'agreed';
    else if (p.tags.some((t) => t.status === 'pending')) p.status = 'pending';
    else p.status = sc.tags.some((t) => t.status === 'agreed') ? 'pending' : 'agreed';
    p.dropped = deleted;
  }
  // Alternative paragraphs: a paragraph and the alternatives that follow it form a group; the
  // first of a group not deleted is kept, the others are dropped.
  const groupOf = new Map<number, number[]>();
  let current: { base: string; members: number[] } | undefined;
  paragraphs.forEach((p, i) => {
    const l = p.labelNode;
    if (l && l.alt !== undefined && current && current.base === l.base) {
      current.members.push(i);
      return;
    }
    current = l ? { base: l.base, members: [i] } : undefined;
    if (current) groupOf.set(i, current.members);
  });
  for (const idx of groupOf.values()) {
    if (idx.length < 2 && paragraphs[idx[0]].labelNode?.alt === undefined) continue;
    const first = idx.find((i) => !paragraphs[i].dropped);
    for (const i of idx) {
      if (i !== idx[0]) paragraphs[i].alternativeOf = idx[0];
      if (first !== undefined && i !== first) paragraphs[i].dropped = true;
    }
  }

  // 4. The clean text: dropped paragraphs out, labels into final numbers, references carried along.
  const cleanEdits: OffsetEdit[] = [...inline];
  const opParas = paragraphs.filter((p) => p.kind === 'operative');
  const finals = finalNumbers(doc1, opParas, paragraphs);
  for (const p of paragraphs) {
    if (p.dropped) {
      cleanEdits.push(paragraphRemoval(source, lines, p));
      continue;
    }
    const l = p.labelNode;
    if (p.kind === 'preambular') {
      if (l) cleanEdits.push(labelEdit(l, ''));
      continue;
    }
    const k = opParas.indexOf(p);
    const fin = finals.numbers[k];
    p.finalNumber = fin;
    const num = doc1.operative[k]?.number;
    if (l) cleanEdits.push(labelEdit(l, fin ? `${fin}. ` : ''));
    else if (num && fin && fin !== num.text.replace(/\.$/, '').trim()) {
      const s = structure.toSource(num.start, 'right');
      const e = structure.toSource(num.end, 'left');
      const dot = num.text.trimEnd().endsWith('.') ? '.' : '';
      cleanEdits.push({ start: s, end: e, text: fin + dot });
    }
  }
  if (finals.changed) {
    for (const ref of doc1.crossReferences) {
      for (const t of ref.targets) {
        const target = resolveTarget(doc1, ref, t.text);
        if (target === undefined) continue;
        const fin = finals.numbers[target];
        if (!fin || fin === t.text.replace(/\s+/g, ' ').trim()) continue;
        const s = structure.toSource(t.start, 'right');
        const e = structure.toSource(t.end, 'left');
        if (structure.copied(t.start, t.end)) cleanEdits.push({ start: s, end: e, text: fin });
      }
    }
  }
  const clean = new EditedText(source, mergeDeletions(cleanEdits));

  const protectedStretches: Stretch[] = [
    ...sc.brackets.map((b) => ({ start: b.start, end: b.end })),
    ...sc.tags,
    ...sc.notes,
    ...sc.proposals,
    ...sc.changes,
    ...sc.labels,
    ...sc.unbalanced.map((u) => ({ start: u.offset, end: u.offset + 1 })),
  ].map((s) => ({ start: s.start, end: s.end }));

  return {
    isDraft,
    brackets: sc.brackets,
    tags: sc.tags,
    notes: sc.notes,
    proposals: sc.proposals,
    changes: sc.changes,
    labels: sc.labels,
    unbalanced: sc.unbalanced,
    paragraphs,
    tagsAgreement,
    clean,
    protectedStretches,
  };
}

/** Overlapping edits: a deletion swallows what it overlaps; otherwise the first wins. */
function mergeDeletions(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: OffsetEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && e.start < last.end) {
      if (last.text === '' || e.text === '') {
        const keepText = last.text !== '' ? last.text : '';
        last.end = Math.max(last.end, e.end);
        last.text = e.text === '' && e.end > last.end ? '' : keepText;
      }
      continue;
    }
    out.push({ ...e });
  }
  return out;
}

function paragraphsOf(doc1: ResolutionDocument, structure: EditedText, source: string, lines: LineIndex, sc: Scan): NegotiationParagraph[] {
  const paras = [...doc1.preamble, ...doc1.operative].sort((a, b) => a.start - b.start);
  const out: NegotiationParagraph[] = [];
  let pp = 0;
  for (const p of paras) {
    let start = structure.toSource(p.start, 'right');
    const end = structure.toSource(p.end, 'left');
    const line = lines.positionAt(start).line;
    // a "[" or a tag before the paragraph's first word belongs to it
    const ls = lines.lineStarts[line];
    if (/^[\s[*_]*$/.test(source.slice(ls, start)) || sc.tags.some((t) => t.start >= ls && t.end <= start))
      start = Math.min(start, skipSpace(source, ls));
    const labelNode = sc.labels.find((l) => l.line === line);
    if (p.kind === 'preambular') pp++;
    const label = labelNode
      ? labelNode.text
      : p.kind === 'preambular'
        ? `PP${pp}`
        : p.number
          ? p.number.text.replace(/\.$/, '').trim()
          : `OP${doc1.operative.indexOf(p) + 1}`;
    out.push({ kind: p.kind, start, end, label, line, status: 'agreed', brackets: 0, tags: [], labelNode, dropped: false });
  }
  out.sort((a, b) => a.start - b.start);
  // markings belong to the paragraph they stand in, or to the paragraph before them
  const owner = (at: number): NegotiationParagraph | undefined => {
    let best: NegotiationParagraph | undefined;
    for (const p of out) {
      if (p.start <= at) best = p;
      else break;
    }
    return best ?? out[0];
  };
  for (const t of sc.tags) owner(t.start)?.tags.push(t);
  for (const b of sc.brackets) {
    for (const p of out) {
      if (b.start < p.end && p.start < b.end) p.brackets++;
    }
  }
  // an own-line tag after the paragraph extends it (for removal of the whole paragraph)
  for (const p of out) {
    for (const t of p.tags) if (t.end > p.end) p.end = t.end;
  }
  return out;
}

/** Removes a paragraph with the white space that separates it from the text before it. */
function paragraphRemoval(source: string, lines: LineIndex, p: NegotiationParagraph): OffsetEdit {
  const first = lines.positionAt(p.start).line;
  let s = lines.lineStarts[first];
  const e = trimEnd(source, Math.max(p.end, lines.lineEnd(lines.positionAt(Math.max(p.start, p.end - 1)).line)));
  if (s > 0) {
    while (s > 0 && /\s/.test(source[s - 1])) s--;
    return { start: s, end: e, text: '' };
  }
  return { start: 0, end: skipSpace(source, e), text: '' };
}

/**
 * Final numbers of the operative paragraphs: each keeps its own number, shifted by the paragraphs
 * inserted (bis, ter) or dropped before it in its section; an alternative paragraph shares the
 * number of the paragraph it is an alternative to; numbering restarts where the text does.
 */
function finalNumbers(
  doc1: ResolutionDocument,
  ops: NegotiationParagraph[],
  all: NegotiationParagraph[],
): { numbers: Array<string | undefined>; changed: boolean } {
  const n = doc1.operative.length;
  const numbers: Array<string | undefined> = new Array(n).fill(undefined);
  const insertedAt = (i: number) => {
    const l = ops[i]?.labelNode;
    return l ? !!l.suffix : !!doc1.operative[i].number?.suffix;
  };
  let delta = 0;
  let last = 0;
  let changed = false;
  const done = new Set<number>();
  // The paragraphs of each slot (a paragraph and its alternatives), by the slot's first paragraph.
  const position = new Map(all.map((p, k) => [p, k]));
  const group = (j: number) => ops[j]?.alternativeOf ?? (ops[j] ? position.get(ops[j]) : undefined);
  const slots = new Map<number | undefined, number[]>();
  for (let j = 0; j < n; j++) {
    const g = group(j);
    const list = slots.get(g);
    if (list) list.push(j);
    else slots.set(g, [j]);
  }
  for (let i = 0; i < n; i++) {
    if (done.has(i)) continue;
    if (i > 0 && sectionRestart(doc1, i)) {
      delta = 0;
      last = 0;
    }
    const num = doc1.operative[i].number;
    if (!num) {
      done.add(i);
      continue;
    }
    // the paragraphs of this slot: this one and its alternatives
    const g = group(i);
    const members = [i, ...(g === undefined ? [] : (slots.get(g) ?? []).filter((j) => j > i && ops[j]))];
    members.forEach((j) => done.add(j));
    const kept = members.filter((j) => !ops[j]?.dropped);
    const inserted = insertedAt(i);
    if (kept.length === 0) {
      changed = true;
      if (!inserted) delta--;
      continue;
    }
    let fin: number;
    if (inserted) {
      fin = last + 1;
      delta++;
      changed = true;
    } else fin = num.value + delta;
    if (members.length > 1 || delta !== 0) changed = true;
    last = fin;
    for (const j of kept) numbers[j] = String(fin);
  }
  return { numbers, changed };
}

// ── status summary ────────────────────────────────────────────────────────────────────────────

export interface StatusReport {
  paragraphs: number;
  agreed: number;
  bracketed: number;
  pending: number;
  deleted: number;
  byParagraph: Array<{ label: string; line: number; status: ParagraphStatus; brackets: number }>;
}

/**
 * Counts over the preambular and operative paragraphs, each in exactly one class: a `[Deleted]`
 * tag → deleted; otherwise any bracket left → bracketed; otherwise an agreed tag → agreed;
 * otherwise (a `[Pending]` tag, or no tag in a document that tags agreement somewhere) → pending;
 * a paragraph with no tag in a document that tags no agreement → agreed. Lines are 1-based.
 */
export function statusReport(n: Negotiation): StatusReport {
  const r: StatusReport = { paragraphs: n.paragraphs.length, agreed: 0, bracketed: 0, pending: 0, deleted: 0, byParagraph: [] };
  for (const p of n.paragraphs) {
    r[p.status]++;
    r.byParagraph.push({ label: p.label, line: p.line + 1, status: p.status, brackets: p.brackets });
  }
  return r;
}

/** "24 of 38 paragraphs agreed ad ref, 9 with brackets, 5 pending" (+ deleted when any). */
export function statusLine(r: StatusReport): string {
  const parts = [`${r.agreed} of ${r.paragraphs} paragraphs agreed ad ref`, `${r.bracketed} with brackets`, `${r.pending} pending`];
  if (r.deleted) parts.push(`${r.deleted} deleted`);
  return parts.join(', ');
}

/** The text as it would be issued (Clean text). */
export function cleanText(source: string, settings?: NegotiationSettings): string {
  return negotiation(source, settings).clean.text;
}
