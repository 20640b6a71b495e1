/**
 * Pass 2: each block gets its role. A small state machine (front matter → preamble → operative
 * part → closing → annexes), one handler per part, re-attaching page-break fragments to the
 * paragraph they continue.
 */
import { firstCode, isDigitCode, isSuperscriptDigit, mayOpenLabel, type RawBlock } from './blocks';
import type { ParseContext } from './context';
import { ANNEX_RE, FOOTNOTE_DEF_RE, HEADING_RE, MEETING_RE, RULE_RE, SECTION_RE } from './patterns';
import {
  isAuthority,
  isFragment,
  isListItem,
  isSectionHeading,
  misplacedInPreamble,
  numberedFromOneLater,
  opensOperative,
  opensParagraph,
  opensPreamble,
  opensSectionPreamble,
  undottedNumber,
} from './predicates';
import { attachFragment, authority, continueListItem, footnoteDefinition, listItem, operative, preambular, subParagraph } from './builders';

const COMMENT_OPEN_RE = /^\s*<!--/;
const DIRECTIVE_OPEN_RE = /^\s*<!--\s*resolution-/;
const ITALIC_OPENING_RE = /^\s*[*_]/;
/** Notes under a table: "*a* From extrabudgetary funds.", "*Abbreviations*: GS (OL), …". */
const TABLE_NOTE_RE = /^\s*[*_](?:[a-z]|Abbreviations?|Notes?|Sources?)[*_]/;

/** Gives block i its role. */
export function classify(c: ParseContext, i: number): void {
  const b = c.block(i);
  const blocksBefore = c.doc.blocks.length;
  classifyBlock(c, b, i);
  // Anything but a footnote definition or rule ends a page break.
  const added = c.doc.blocks[blocksBefore];
  if (added && added.kind !== 'footnoteDefinition' && added.kind !== 'rule' && added.kind !== 'directive') c.pageBreak = false;
}

function classifyBlock(c: ParseContext, b: RawBlock, i: number): void {
  const t = b.text;
  // The block's first character decides which line patterns can match (see splitLines).
  const f = firstCode(c.source, b.start, b.end);
  // Comments, rules and footnote definitions are what they are in every part.
  if (f === 60 /* < */ && COMMENT_OPEN_RE.test(t)) {
    c.addBlock(b, DIRECTIVE_OPEN_RE.test(t) ? 'directive' : 'other');
    return;
  }
  if ((f === 45 || f === 42 || f === 95) /* - * _ */ && RULE_RE.test(t)) {
    c.addBlock(b, 'rule');
    c.pageBreak = true;
    return;
  }
  const fdef = f === 60 || f === 91 /* [ */ || isSuperscriptDigit(f) ? FOOTNOTE_DEF_RE.exec(t) : null;
  if (fdef) {
    footnoteDefinition(c, b, fdef);
    c.pageBreak = true;
    return;
  }
  const heading = f === 35 /* # */ ? HEADING_RE.exec(t) : null;
  const level = heading ? heading[1].length : undefined;
  switch (c.state) {
    case 'annex':
      c.addBlock(b, 'annex', level);
      return;
    case 'closing':
      return closingBlock(c, b, level);
    case 'front':
      return frontBlock(c, b, i, level, f);
    case 'preamble':
      return preambleBlock(c, b, i, level, f);
    case 'operative':
      return operativeBlock(c, b, level, f);
  }
}

/** An annex heading after the operative part or the closing lines opens the annexes. */
function opensAnnex(c: ParseContext, b: RawBlock, level: number | undefined): boolean {
  const trimmed = b.text.trim();
  if (trimmed.length >= 120 || !ANNEX_RE.test(trimmed)) return false;
  c.state = 'annex';
  c.current = undefined;
  c.addBlock(b, 'annex', level);
  return true;
}

/** The meeting line ends the preamble or the operative part. */
function closesWithMeeting(c: ParseContext, b: RawBlock): boolean {
  const trimmed = b.text.trim();
  if (trimmed.length >= 120 || !MEETING_RE.test(trimmed)) return false;
  c.state = 'closing';
  c.current = undefined;
  c.addBlock(b, 'meeting');
  c.doc.meeting = c.index.textNode(b.start, b.end, b.text);
  return true;
}

function closingBlock(c: ParseContext, b: RawBlock, level: number | undefined): void {
  if (opensAnnex(c, b, level)) return;
  if (level !== undefined) c.addBlock(b, 'heading', level);
  else c.addBlock(b, 'other');
}

/** Before the authority line and the preamble: headings, symbol, title, dates. */
function frontBlock(c: ParseContext, b: RawBlock, i: number, level: number | undefined, f: number): void {
  if (level !== undefined) {
    c.doc.frontMatter.push(c.addBlock(b, 'heading', level));
    return;
  }
  if (!c.doc.authority && isAuthority(c, b, i)) {
    authority(c, b);
    return;
  }
  const num = isDigitCode(f) ? c.numberRe.exec(b.text) : null;
  if (num && opensOperative(c, b.start + num[0].length, b.end)) {
    operative(c, b, num);
    return;
  }
  if (opensPreamble(c, b)) {
    c.state = 'preamble';
    preambular(c, b);
    return;
  }
  if (!num && opensOperative(c, b.start, b.end, true)) {
    operative(c, b, null);
    return;
  }
  c.doc.frontMatter.push(c.addBlock(b, 'frontMatter'));
}

function preambleBlock(c: ParseContext, b: RawBlock, i: number, level: number | undefined, f: number): void {
  if (level !== undefined) {
    c.addBlock(b, 'heading', level);
    return;
  }
  if (closesWithMeeting(c, b)) return;
  if (!c.doc.authority && isAuthority(c, b, i)) {
    authority(c, b);
    return;
  }
  // Preambular paragraphs are never numbered: a number opens the operative part.
  const num = isDigitCode(f) ? (c.numberRe.exec(b.text) ?? undottedNumber(c, b)) : null;
  if (num) {
    operative(c, b, num);
    return;
  }
  if (isSectionLabel(b)) {
    c.addBlock(b, 'heading', 0);
    return;
  }
  if (c.current && isFragment(c, b)) {
    attachFragment(c, b);
    return;
  }
  if (!c.facts.capitalised && isSectionHeading(c, b)) {
    // A heading between paragraphs in a script without capitals (Chinese, Arabic, Russian).
    c.addBlock(b, 'heading', 0);
    return;
  }
  // An unnumbered paragraph with an operative verb before an operative part that is numbered
  // from 1 belongs to the preamble (a misplaced paragraph, reported by operative-in-preamble),
  // not to the numbering.
  if (opensOperative(c, b.start, b.end, true) && !(numberedFromOneLater(c, i) && misplacedInPreamble(c, b))) operative(c, b, null);
  else preambular(c, b);
}

function operativeBlock(c: ParseContext, b: RawBlock, level: number | undefined, f: number): void {
  if (opensAnnex(c, b, level)) return;
  if (level !== undefined) {
    c.addBlock(b, 'heading', level);
    return;
  }
  if (closesWithMeeting(c, b)) return;
  const num = isDigitCode(f) ? (c.numberRe.exec(b.text) ?? undottedNumber(c, b)) : null;
  const cur = c.current?.kind === 'operative' ? c.current : undefined;
  if (c.adopting && cur) {
    // The adopted text runs until an operative paragraph of the resolution itself (an italic verb)
    // or the meeting line: its numbered paragraphs are items, everything else continues them.
    const contentStart = num ? b.start + num[0].length : b.start;
    const resumes = ITALIC_OPENING_RE.test(c.source.slice(contentStart, contentStart + 4)) && opensOperative(c, contentStart, b.end);
    if (!resumes) {
      if (num) listItem(c, b, num);
      else continueListItem(c, b);
      return;
    }
    c.adopting = false;
  }
  if (num) {
    if (cur && isListItem(c, b, num)) listItem(c, b, num);
    else operative(c, b, num);
    return;
  }
  if (isSectionLabel(b)) {
    // A section label between paragraphs is neither a paragraph nor a fragment of one.
    c.addBlock(b, 'heading', 0);
    return;
  }
  const sub = mayOpenLabel(f) ? c.sublabelRe.exec(b.text) : null;
  if (c.listMode && cur && (sub || !opensParagraph(c, b))) {
    // Inside a numbered list (an adopted text), labelled and plain blocks continue the item.
    continueListItem(c, b);
    return;
  }
  if (sub && cur && subParagraph(c, b, sub)) return;
  if (c.current && isFragment(c, b)) {
    attachFragment(c, b);
    return;
  }
  // A short line with no closing punctuation after a finished paragraph is a section heading
  // ("Multilingualism and global communications").
  if (isSectionHeading(c, b)) {
    c.addBlock(b, 'heading', 0);
    return;
  }
  // Notes under a table: "*a* From extrabudgetary funds.", "*Abbreviations*: GS (OL), …".
  if (TABLE_NOTE_RE.test(b.text)) {
    c.addBlock(b, 'other');
    return;
  }
  // Omnibus resolutions give a section its own preamble ("*Having considered* …,") between
  // operative paragraphs.
  if (opensSectionPreamble(c, b)) {
    preambular(c, b);
    return;
  }
  // An unnumbered block that opens with a phrase (italic, or a known operative or preambular one)
  // is a paragraph of its own; anything else (quoted text, a schedule, lines of a list without
  // labels) continues the paragraph before it.
  if (c.current && !opensParagraph(c, b)) attachFragment(c, b);
  else operative(c, b, null);
}

/** A section label on one line between paragraphs ("II", "**Follow-up**"). */
function isSectionLabel(b: RawBlock): boolean {
  const trimmed = b.text.trim();
  return SECTION_RE.test(trimmed) && !trimmed.includes('\n');
}
