/** The model nodes the structure pass builds from blocks: paragraphs, openings, sub-paragraphs, list items, notes. */
import type {
  AuthorityLine,
  FootnoteDefinition,
  FootnoteMarker,
  FootnoteStyle,
  ItalicState,
  ListItem,
  Opening,
  OperativeNumber,
  OperativeParagraph,
  PreambularParagraph,
  Span,
  SubLabelStyle,
  SubParagraph,
  TextSpan,
} from '../model';
import type { PhraseKind } from '../phrase-knowledge';
import { subLabelValues } from '../lexicon';
import type { RawBlock } from './blocks';
import type { ParseContext } from './context';
import {
  endingOf,
  italicRunAt,
  italicRunCount,
  leadingWords,
  leadingWordTexts,
  runEndAt,
  runStartAt,
  scanLeadingWords,
  superscriptToAscii,
  trimTrailing,
  wordEnds,
  wordStarts,
} from './inline';
import { ADOPTS_RE } from './patterns';
import {
  NumberNode,
  OpeningNode,
  PreambularNode,
  OperativeNode,
  ListItemNode,
  SubParagraphNode,
  AuthorityNode,
  FootnoteDefinitionNode,
} from './nodes';
import { isSpaceCode } from '../chars';

const SPACE_OR_PUNCTUATION_RE = /[\s,;:.]/;
const LOWER_FIRST_RE = /^\p{Ll}/u;
/** What may stand between a label and its text. */
const LABEL_GAP_RE = /[\s\u200b-\u200f]/;
const EMPHASIS_FIRST_RE = /^[*_]/;
const EMPHASIS_RE = /[*_]/;
const IBID_RE = /^[*_]?ibid\b/i;

export function opening(c: ParseContext, from: number, to: number, kind: PhraseKind, paragraphEnd: number): Opening | undefined {
  const { source, index } = c;
  let s = from;
  while (s < to && isSpaceCode(source.charCodeAt(s))) s++;
  // The words as offsets: the phrase walk slices only those it reads (a known phrase: its own).
  const count = scanLeadingWords(source, s, Math.min(to, s + 300), 10);
  if (count === 0) return undefined;
  let startOff = wordStarts[0];
  const m = c.phrases.matchWords(count, (k) => source.slice(wordStarts[k], wordEnds[k]), kind);
  let endOff = m ? wordEnds[m.wordCount - 1] : 0;
  const first = italicRunAt(source, s, paragraphEnd);
  let italic: ItalicState = 'none';
  let base: string;
  let modifiers: string[];
  if (m) {
    base = m.base;
    modifiers = m.modifiers;
  } else {
    const words = leadingWords(source, s, Math.min(to, s + 300), 10);
    // Unknown opening: the italic run if any, else the first word and any trailing also/further.
    let n = 1;
    const lead = (w: string) => c.phrases.isLeadingModifier(w);
    const trail = (w: string) => c.phrases.isTrailingModifier(w);
    while (n < words.length && lead(words[n - 1].text) && n < 3) n++;
    for (;;) {
      const k = [2, 1].find(
        (c) =>
          n + c <= words.length &&
          trail(
            words
              .slice(n, n + c)
              .map((w) => w.text)
              .join(' '),
          ),
      );
      if (!k) break;
      n += k;
    }
    endOff = words[n - 1].end;
    const lower = words.slice(0, n).map((w) => w.text.toLowerCase());
    modifiers = lower
      .filter((w, k) => k < lower.length - 1 && lead(w))
      .concat(lower.filter((w, k) => k > 0 && trail(w) && !lead(lower[k - 1])));
    base = lower.filter((w) => !lead(w) && !trail(w)).join(' ') || lower.join(' ');
  }
  let italicSpan: TextSpan | undefined;
  if (first) {
    italicSpan = index.textNode(first.start, first.end, source.slice(first.start, first.end));
    const wrapsAll = first.end >= trimTrailing(source, s, paragraphEnd) - 1 && first.innerEnd > endOff + 20;
    if (first.innerEnd >= endOff) {
      italic = 'full';
      if (!wrapsAll) {
        // The writer's italic run is the opening ("*Stresses its continued determination*").
        let e = first.innerEnd;
        while (e > endOff && SPACE_OR_PUNCTUATION_RE.test(source[e - 1])) e--;
        endOff = Math.max(endOff, e);
        if (!m) {
          const inner = leadingWords(source, first.innerStart, first.innerEnd, 12);
          base =
            inner
              .map((w) => w.text.toLowerCase())
              .filter((w) => !c.phrases.isLeadingModifier(w) && !c.phrases.isTrailingModifier(w))
              .join(' ') || base;
        }
      }
    } else {
      italic = 'partial';
    }
  }
  startOff = Math.min(startOff, endOff);
  // the fields set one by one, in the model's order (no object literal to copy them from)
  const o = new OpeningNode(index, startOff, endOff) as unknown as Opening;
  o.text = source.slice(startOff, endOff);
  o.italic = italic;
  o.italicSpan = italicSpan;
  o.base = base;
  o.modifiers = modifiers;
  o.known = !!m;
  return o;
}

export function preambular(c: ParseContext, b: RawBlock): void {
  const { source, index } = c;
  const blockIndex = c.doc.blocks.length;
  c.addBlock(b, 'preambular');
  const footnotes = c.markersOf(b.start, b.end);
  const s = b.start + (b.text.length - b.text.trimStart().length);
  const run = italicRunAt(source, s, b.end);
  const wrapped = !!run && run.end >= trimTrailing(source, s, b.end) - 1 && run.end - run.start > 40;
  const p: PreambularParagraph = index.node(
    b.start,
    b.end,
    {
      kind: 'preambular' as const,
      fragments: [index.span(b.start, b.end)],
      text: b.text,
      ending: endingOf(source, index, b.start, b.end),
      footnotes,
      blockIndex,
      opening: opening(c, b.start, b.end, 'preambular', b.end),
      wrappedInItalic: wrapped,
    },
    PreambularNode,
  );
  c.doc.preamble.push(p);
  c.current = p;
}

export function operative(c: ParseContext, b: RawBlock, num: RegExpExecArray | null): void {
  const { source, index } = c;
  if (c.state !== 'operative') c.state = 'operative';
  const blockIndex = c.doc.blocks.length;
  c.addBlock(b, 'operative');
  let number: OperativeNumber | undefined;
  let contentStart = b.start;
  if (num) {
    const l = labelled(c, b, num);
    number = new NumberNode(index, l.label.start, l.label.end) as unknown as OperativeNumber;
    number.text = l.label.text;
    number.value = parseInt(num[2], 10);
    number.suffix = num[3];
    contentStart = l.contentStart;
  }
  while (contentStart < b.end && isSpaceCode(source.charCodeAt(contentStart))) contentStart++;
  const footnotes = c.markersOf(b.start, b.end);
  const ending = endingOf(source, index, contentStart, b.end);
  const verbs = extraVerbs(c, contentStart, b.end);
  // the paragraph's text and its lead-in's are one string until a fragment or an item follows
  const text = source.slice(contentStart, b.end);
  // the fields set one by one, in the model's order (no object literal to copy them from)
  const p = new OperativeNode(index, b.start, b.end) as unknown as OperativeParagraph;
  p.kind = 'operative';
  p.fragments = [index.span(contentStart, b.end)];
  p.text = text;
  p.ending = ending;
  p.footnotes = footnotes;
  p.blockIndex = blockIndex;
  p.number = number;
  p.opening = opening(c, contentStart, b.end, 'operative', b.end);
  p.extraVerbs = verbs;
  p.leadIn = index.textNode(contentStart, b.end, text);
  p.leadInEnding = ending;
  p.subparagraphs = [];
  p.listItems = [];
  c.doc.operative.push(p);
  c.current = p;
  c.subStack.length = 0;
  c.listMode = false;
  c.adopting = p.leadInEnding.char === ':' && ADOPTS_RE.test(p.leadIn.text);
}

export function extraVerbs(c: ParseContext, from: number, to: number): TextSpan[] {
  const out: TextSpan[] = [];
  const n = italicRunCount(c.source, from, to, c.emphasisMarks());
  for (let k = 0; k < n; k++) {
    const start = runStartAt(k);
    if (start === from) continue;
    // the run's text without its markers
    const innerStart = start + 1;
    const innerEnd = runEndAt(k) - 1;
    const words = leadingWordTexts(c.source, innerStart, innerEnd, 6);
    if (words.length === 0 || !LOWER_FIRST_RE.test(words[0])) continue;
    if (!c.phrases.opens(words, 'operative')) continue;
    out.push(c.index.textNode(innerStart, innerEnd, c.source.slice(innerStart, innerEnd)));
  }
  return out;
}

export function listItem(c: ParseContext, b: RawBlock, num: RegExpExecArray): void {
  const cur = c.current as OperativeParagraph;
  const { source, index } = c;
  c.listMode = true;
  const { label, contentStart } = labelled(c, b, num);
  const item: ListItem = index.node(
    b.start,
    b.end,
    {
      number: label,
      text: source.slice(contentStart, b.end),
    },
    ListItemNode,
  );
  cur.listItems.push(item);
  c.addBlock(b, 'operative');
  c.markersIn(b.start, b.end, cur.footnotes);
  extend(c, cur, b);
  cur.ending = endingOf(source, index, b.start, b.end);
}

export function continueListItem(c: ParseContext, b: RawBlock): void {
  const cur = c.current as OperativeParagraph;
  const item = cur.listItems[cur.listItems.length - 1];
  attachFragment(c, b);
  if (!item) return;
  item.text += ' ' + b.text;
  item.end = b.end;
}

export function subParagraph(c: ParseContext, b: RawBlock, m: RegExpExecArray): boolean {
  const cur = c.current as OperativeParagraph;
  const { source, index } = c;
  // group 5: a numeral label ("’1‘", "㈠"), in the place of "(i)"
  const paren = m[2] !== undefined || m[4] !== undefined || m[5] !== undefined;
  const label = (m[5] ?? m[2] ?? m[3] ?? m[4]).toLowerCase();
  // A label right after a table that opens no list is a note to the table (the Arabic "(أ)" where the English has "*a*")
  const last = cur.fragments[cur.fragments.length - 1];
  if (cur.subparagraphs.length === 0 && last && lastNonSpace(source, last.start, last.end) === 124 /* | */) return false;
  // (a) … (z), then (aa), (bb) … as the Editorial Manual continues the series; roman of any length.
  const alphaStyle: SubLabelStyle = paren ? 'paren-alpha' : 'dot-alpha';
  // letters of the draft's alphabets; a letter of two (Cyrillic "с": c or с) reads as the one that continues the list
  const openAt = levelOf(c, alphaStyle);
  const open = openAt >= 0 ? c.subStack[openAt] : undefined;
  const { alpha: alphaValue, roman: romanVal } = subLabelValues(label, c.facts.labelAlphabets, open ? open.value + 1 : 1);
  if (alphaValue === undefined && romanVal === undefined) return false;
  const romanStyle: SubLabelStyle = paren ? 'paren-roman' : 'dot-roman';
  const find = (style: SubLabelStyle) => levelOf(c, style);
  let style: SubLabelStyle;
  let value: number;
  if (alphaValue !== undefined && romanVal !== undefined) {
    const ai = find(alphaStyle);
    const ri = find(romanStyle);
    if (ai >= 0 && c.subStack[ai].value + 1 === alphaValue && !(ri >= 0 && c.subStack[ri].value + 1 === romanVal && ri > ai)) {
      style = alphaStyle;
      value = alphaValue;
    } else if (ri >= 0 || romanVal === 1) {
      style = romanStyle;
      value = romanVal;
    } else {
      style = alphaStyle;
      value = alphaValue;
    }
  } else if (alphaValue !== undefined) {
    style = alphaStyle;
    value = alphaValue;
  } else {
    style = romanStyle;
    value = romanVal!;
  }
  const { label: labelSpan, contentStart: cs } = labelled(c, b, m);
  const node: SubParagraph = index.node(
    b.start,
    b.end,
    {
      label: labelSpan,
      style,
      value,
      level: 1,
      text: source.slice(cs, b.end),
      ending: endingOf(source, index, cs, b.end),
      children: [] as SubParagraph[],
      footnotes: [] as FootnoteMarker[],
    },
    SubParagraphNode,
  );
  c.markersIn(b.start, b.end, node.footnotes);
  cur.footnotes.push(...node.footnotes);
  const existing = find(style);
  if (existing >= 0) c.subStack.length = existing;
  node.level = c.subStack.length + 1;
  if (c.subStack.length === 0) cur.subparagraphs.push(node);
  else c.subStack[c.subStack.length - 1].node.children.push(node);
  c.subStack.push({ style, value, node });
  c.addBlock(b, 'operative');
  extend(c, cur, b);
  cur.ending = node.ending;
  return true;
}

/** Where the sub-paragraph level of a style is on the stack (-1: none). */
function levelOf(c: ParseContext, style: SubLabelStyle): number {
  for (let i = 0; i < c.subStack.length; i++) if (c.subStack[i].style === style) return i;
  return -1;
}

/** The last character of source[from, to) that is not white space (-1: none). */
function lastNonSpace(source: string, from: number, to: number): number {
  let e = to;
  while (e > from && isSpaceCode(source.charCodeAt(e - 1))) e--;
  return e > from ? source.charCodeAt(e - 1) : -1;
}

/** The label that opens a block (a number, a sub-paragraph letter; match group 1 is the indent) and where its text starts. */
export function labelled(c: ParseContext, b: RawBlock, m: RegExpExecArray): { label: TextSpan; contentStart: number } {
  const ls = b.start + m[1].length;
  const le = b.start + m[0].length;
  let contentStart = le;
  while (contentStart < b.end && LABEL_GAP_RE.test(c.source[contentStart])) contentStart++;
  return { label: c.index.textNode(ls, le, c.source.slice(ls, le)), contentStart };
}

export function extend(c: ParseContext, p: PreambularParagraph | OperativeParagraph, b: RawBlock): void {
  const { source, index } = c;
  p.fragments.push(index.span(b.start, b.end));
  p.text += ' ' + source.slice(b.start, b.end);
  p.end = b.end;
}

export function attachFragment(c: ParseContext, b: RawBlock): void {
  const { source, index } = c;
  const p = c.current!;
  c.addBlock(b, p.kind);
  const markers = c.markersOf(b.start, b.end);
  p.footnotes.push(...markers);
  extend(c, p, b);
  p.ending = endingOf(source, index, b.start, b.end);
  if (p.kind === 'operative') {
    const lastSub = c.subStack.length ? c.subStack[c.subStack.length - 1].node : undefined;
    if (lastSub) {
      lastSub.text += ' ' + source.slice(b.start, b.end);
      lastSub.end = b.end;
      lastSub.ending = p.ending;
      lastSub.footnotes.push(...markers);
    } else if (p.listItems.length === 0) {
      p.leadIn = index.textNode(p.leadIn.start, b.end, p.text);
      p.leadInEnding = p.ending;
      for (const v of extraVerbs(c, b.start, b.end)) p.extraVerbs.push(v);
    }
  }
}

export function authority(c: ParseContext, b: RawBlock): void {
  const { source, index } = c;
  const trimmedStart = b.start + (b.text.length - b.text.trimStart().length);
  const trimmedEnd = b.start + b.text.trimEnd().length;
  const italic = EMPHASIS_FIRST_RE.test(source[trimmedStart]) && EMPHASIS_RE.test(source.slice(trimmedEnd - 2, trimmedEnd));
  let comma: Span | undefined;
  const e = trimTrailing(source, trimmedStart, trimmedEnd);
  if (',،，'.includes(source[e - 1] ?? 'x')) comma = index.span(e - 1, e);
  const a: AuthorityLine = index.node(
    trimmedStart,
    trimmedEnd,
    {
      text: source.slice(trimmedStart, trimmedEnd),
      italic,
      lineCount: index.positionAt(b.end).line - index.positionAt(b.start).line + 1,
      comma,
      placement: c.doc.preamble.length > 0 ? ('afterPreamble' as const) : ('beforePreamble' as const),
    },
    AuthorityNode,
  );
  c.doc.authority = a;
  c.addBlock(b, 'authority');
  c.state = 'preamble';
  c.current = undefined;
}

export function footnoteDefinition(c: ParseContext, b: RawBlock, m: RegExpExecArray): void {
  const { source, index } = c;
  const ms = b.start + m[1].length;
  const me = b.start + m[0].length;
  const style: FootnoteStyle = m[2] ? 'unicode' : m[3] ? 'sup' : 'caret';
  const label = m[2] ? superscriptToAscii(m[2]) : (m[3] ?? m[4]);
  let ts = me;
  while (ts < b.end && isSpaceCode(source.charCodeAt(ts))) ts++;
  const text = source.slice(ts, b.end);
  const def: FootnoteDefinition = index.node(
    b.start,
    b.end,
    {
      label,
      style,
      marker: index.span(ms, me),
      text,
      ibid: IBID_RE.test(text),
    },
    FootnoteDefinitionNode,
  );
  c.doc.footnoteDefinitions.push(def);
  c.addBlock(b, 'footnoteDefinition');
}
