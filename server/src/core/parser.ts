<<<<<<< HEAD
/**
 * A tolerant parser for draft resolutions written in light Markdown.
 *
 * text → ResolutionDocument (model.ts). Never throws on any input; every range lies inside the
 * text. The parser works in two passes: lines are grouped into blocks (blank lines, and lines that
 * open a new operative paragraph, sub-paragraph, footnote definition, heading or rule, end a
 * block), then a small state machine (front matter → preamble → operative part → closing →
 * annexes) gives each block its role, re-attaching page-break fragments to the paragraph they
 * continue.
 */
import type {
  AuthorityLine,
  Block,
  BlockKind,
  Citation,
  CrossReference,
  Directive,
  Ending,
  FootnoteDefinition,
  FootnoteMarker,
  FootnoteStyle,
  ItalicState,
  ListItem,
  Opening,
  OperativeNumber,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Span,
  SubLabelStyle,
  SubParagraph,
  TextSpan,
} from './model';
import { phraseKnowledge, type ExtraPhrases, type PhraseKind, type PhraseKnowledge } from './phrase-knowledge';
import { LineIndex } from './text';
import { dateSource, languageFacts, PUNCTUATION_EQUIVALENTS, type LanguageFacts } from './language-facts';
import { documentLanguage, type LanguageSetting } from './detect-language';
import {
  fromSuperscript,
  PARAGRAPH_SUFFIXES,
  SUBLABEL_LETTERS_SRC,
  SUPERSCRIPT_DIGITS,
  SUPERSCRIPT_RUN_SRC,
  subLabelValues,
} from './lexicon';

export interface ParseOptions {
  /** Phrase knowledge used to find opening phrases (defaults to the built-in knowledge of the draft's language). */
  phrases?: PhraseKnowledge;
  /** The user's extra phrases (settings), known to the parser as to the checks. */
  extraPhrases?: ExtraPhrases;
  /** The `resolution.language` setting: a language, or `auto` to detect it (a front matter `lang:` line wins). */
  language?: LanguageSetting;
}

interface RawBlock {
  startLine: number;
  endLine: number;
  start: number;
  end: number;
  text: string;
}

const SUPERSCRIPT_RE = new RegExp(SUPERSCRIPT_RUN_SRC, 'g');
/** The paragraph suffixes of negotiation drafts (from the lexicon). */
export const ORDINAL_SUFFIXES: readonly string[] = PARAGRAPH_SUFFIXES;
/** An operative number token: "5.", "5 bis."; the delimiter is the language's ("1 -" in Arabic). */
function numberRe(delimiter: string): RegExp {
  return new RegExp(`^(\\s*)(\\d{1,6})(?:\\s+(${PARAGRAPH_SUFFIXES.join('|')}))?${delimiter}(?=[\\s\\u200b-\\u200f]|$)`);
}
const NUMBER_RE = numberRe(String.raw`\.`);
const SUBLABEL_RE = new RegExp(`^(\\s*)(?:\\((${SUBLABEL_LETTERS_SRC})\\)|(${SUBLABEL_LETTERS_SRC})\\.)(?=[\\s\\u200b-\\u200f])`);
/** Also `a)` labels, as French, Spanish and Russian texts write them (the label then is group 4). */
const SUBLABEL_CLOSE_RE = new RegExp(
  `^(\\s*)(?:\\((${SUBLABEL_LETTERS_SRC})\\)|(${SUBLABEL_LETTERS_SRC})\\.|(${SUBLABEL_LETTERS_SRC})\\))(?=[\\s\\u200b-\\u200f])`,
);
const FOOTNOTE_DEF_RE = /^(\s*)(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>\s*([^<\s]{1,8})\s*<\/sup>|\[\^([^\]\s]{1,16})\]:)(?=\s|$)/;
const HEADING_RE = /^\s{0,3}(#{1,6})(\s|$)/;
const RULE_RE = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;
const MEETING_RE =
  /^[*_]*\s*(?:\d+(?:st|nd|rd|th)\s+(?:\(?(?:resumed|continued)\)?\s+)?(?:plenary\s+)?meeting|(?:\w+\s+)?plenary\s+meeting|\d+(?:e|re)\s+séance\s+plénière|\d+a\s+sesión\s+plenaria|\d+[-‑]?[еeя]\s+пленарное\s+заседание|الجلسة\s+العامة|第\d+次全体会议)/iu;
/** A section label inside the text: "II", "IV. Review of progress", "**Follow-up**", "### Budget". */
const SECTION_RE =
  /^(?:[*_\s]*(?:[IVXLC]{1,6}|[A-Z])\.?[*_\s]*|[IVXLC]{1,6}\.?\s+[A-Z][^.;:]{0,100}|[A-Z]\.\s+[A-Z][^.;:]{0,100}|\*\*[^*]{1,120}\*\*|\|.*\|)$/;
/** An operative paragraph that introduces the text it adopts. */
const ADOPTS_RE =
  /^[*_]*(?:(?:adopts?|approves?|endorses?|proclaims?)\b[\s\S]{0,400}\bfollowing\b|(?:adopte|approuve|fait sienne|proclame)[\s\S]{0,400}suivante?s?|(?:aprueba|adopta|hace suy[ao]s?|proclama)[\s\S]{0,400}siguientes?)/i;
/** Words that may stand in lower case inside the name of an organ. */
const NAME_STOPWORDS = new Set([
  'of',
  'the',
  'to',
  'and',
  'on',
  'for',
  'in',
  'against',
  'at',
  'its',
  'with',
  'by',
  'under',
  'de',
  'la',
  'du',
]);
const ANNEX_RE = /^(?:#{1,6}\s*)?[*_]*\s*annex(?:es)?\b/i;
const DIRECTIVE_RE = /<!--\s*resolution-(disable-next-paragraph|disable-file|disable|enable)\b([\s\S]*?)-->/g;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE_SRC = `\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}`;

export function superscriptToAscii(s: string): string {
  return fromSuperscript(s);
}

function isBlank(line: string): boolean {
  return /^[\s\u00a0\u200b\ufeff]*$/.test(line);
}

/** A run of single-star emphasis: [start, end) including the stars; inner without them. */
interface ItalicRun {
  start: number;
  end: number;
  innerStart: number;
  innerEnd: number;
}

/** Single-`*` / `_` emphasis runs in source[from, to), matched with CommonMark-like flanking rules. */
function italicRuns(source: string, from: number, to: number): ItalicRun[] {
  const runs: ItalicRun[] = [];
  const stack: Array<{ pos: number; ch: string }> = [];
  for (let i = from; i < to; i++) {
    const ch = source[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch !== '*' && ch !== '_') continue;
    // A run of two or more is bold (or a rule): skip it whole.
    let j = i;
    while (j < to && source[j] === ch) j++;
    if (j - i !== 1) {
      i = j - 1;
      continue;
    }
    const prev = i > from ? source[i - 1] : ' ';
    const next = i + 1 < to ? source[i + 1] : ' ';
    const prevSpace = /\s/.test(prev);
    const nextSpace = /\s/.test(next);
    if (ch === '_' && /\w/.test(prev) && /\w/.test(next)) continue; // snake_case words
    const canClose = !prevSpace && stack.length > 0 && stack[stack.length - 1].ch === ch;
    const canOpen = !nextSpace;
    if (canClose && (!canOpen || !/\w/.test(next) || /[\w.,;:)”’¹²³⁴⁵⁶⁷⁸⁹⁰>]/.test(prev))) {
      const open = stack.pop()!;
      runs.push({ start: open.pos, end: i + 1, innerStart: open.pos + 1, innerEnd: i });
    } else if (canOpen) {
      stack.push({ pos: i, ch });
    }
  }
  return runs.sort((a, b) => a.start - b.start);
}

/** `/\s/` on one character, with an ASCII fast path. */
function isSpace(c: number, ch: string): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(ch);
}

/** `/[\p{L}\p{N}]/u` on one character, with an ASCII fast path. */
function isLetterOrDigit(c: number, ch: string): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return /[\p{L}\p{N}]/u.test(ch);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The leading words of source[from, to) up to the first punctuation, skipping emphasis markers. */
function leadingWords(source: string, from: number, to: number, max = 10): Word[] {
  const words: Word[] = [];
  let i = from;
  while (i < to && words.length < max) {
    const c = source.charCodeAt(i);
    if (c === 42 /* * */ || c === 95 /* _ */ || isSpace(c, source[i])) {
      i++;
      continue;
    }
    if (isLetterOrDigit(c, source[i])) {
      let j = i + 1;
      while (j < to) {
        const d = source.charCodeAt(j);
        if (!(isLetterOrDigit(d, source[j]) || d === 39 /* ' */ || d === 0x2019 /* ’ */ || d === 45 /* - */)) break;
        j++;
      }
      words.push({ text: source.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    break;
  }
  return words;
}

/** Trailing footnote markers, emphasis and comments that do not count for punctuation. */
function trimTrailing(source: string, from: number, to: number): number {
  let end = to;
  for (;;) {
    const before = end;
    while (end > from && /[\s\u00a0\u200b-\u200f\u2060\ufeff*_]/.test(source[end - 1])) end--;
    while (end > from && SUPERSCRIPT_DIGITS.includes(source[end - 1])) end--;
    const tail = source.slice(Math.max(from, end - 40), end);
    let m = /<sup>[^<]*<\/sup>$/.exec(tail) || /\[\^[^\]]*\]$/.exec(tail) || /<!--[\s\S]*?-->$/.exec(tail);
    if (m) end -= m[0].length;
    else if ((m = /\[[^\]]*\]\([^)]*\)$/.exec(tail)) && !/[,;.:]\]/.test(m[0])) {
      // a trailing link: keep its text, the ending is judged on it
      break;
    }
    if (end === before) break;
  }
  return end;
}

function endingOf(source: string, index: LineIndex, from: number, to: number): Ending {
  let end = trimTrailing(source, from, to);
  let last = end > from ? source[end - 1] : '';
  // The Arabic and Chinese marks count as their Latin counterparts ("،" a comma, "。" a full stop).
  if (PUNCTUATION_EQUIVALENTS[last]) return { char: PUNCTUATION_EQUIVALENTS[last], span: index.span(end - 1, end) };
  // A closing quote or bracket after the punctuation: `… entitled “X”.` keeps '.' inside.
  if ((last === '”' || last === '"' || last === '’' || last === ')') && end - 1 > from && /[,;.:]/.test(source[end - 2])) {
    end--;
    last = source[end - 1];
  }
  if (/[,;.:]/.test(last)) {
    return { char: last, span: index.span(end - 1, end) };
  }
  const tail = source.slice(Math.max(from, end - 12), end);
  const conj = /;\s+(and|or)$/.exec(tail);
  if (conj) {
    const semi = end - conj[0].length;
    return { char: ';', conjunction: conj[1] as 'and' | 'or', span: index.span(semi, semi + 1) };
  }
  return { char: '', span: index.span(end, end) };
}

function footnoteMarkersIn(source: string, index: LineIndex, from: number, to: number, out: FootnoteMarker[]): FootnoteMarker[] {
  const found: FootnoteMarker[] = [];
  const text = source.slice(from, to);
  const add = (label: string, style: FootnoteStyle, s: number, e: number) => {
    found.push(index.node(from + s, from + e, { label, style }));
  };
  let m: RegExpExecArray | null;
  SUPERSCRIPT_RE.lastIndex = 0;
  while ((m = SUPERSCRIPT_RE.exec(text))) add(superscriptToAscii(m[0]), 'unicode', m.index, m.index + m[0].length);
  const sup = /<sup>\s*([^<\s]{1,8})\s*<\/sup>/g;
  while ((m = sup.exec(text))) add(m[1], 'sup', m.index, m.index + m[0].length);
  const caret = /\[\^([^\]\s]{1,16})\](?!:)/g;
  while ((m = caret.exec(text))) add(m[1], 'caret', m.index, m.index + m[0].length);
  found.sort((a, b) => a.start - b.start);
  out.push(...found);
  return found;
}

class Parser {
  private readonly index: LineIndex;
  private readonly phrases: PhraseKnowledge;
  private readonly facts: LanguageFacts;
  private readonly numberRe: RegExp;
  private readonly sublabelRe: RegExp;
  private readonly doc: ResolutionDocument;
  private raw: RawBlock[] = [];
  private state: 'front' | 'preamble' | 'operative' | 'closing' | 'annex' = 'front';
  /** The paragraph that a fragment would continue. */
  private current?: PreambularParagraph | OperativeParagraph;
  /** Sub-paragraph nesting of the current operative paragraph. */
  private subStack: Array<{ style: SubLabelStyle; value: number; node: SubParagraph }> = [];
  private listMode = false;
  /** The current paragraph adopts a text that follows it ("*Adopts* the following declaration:"). */
  private adopting = false;
  /** A footnote block or rule stands between the current paragraph and the block being read. */
  private pageBreak = false;

  constructor(
    private readonly source: string,
    options: ParseOptions,
  ) {
    this.index = new LineIndex(source);
    const language = documentLanguage(source, options.language ?? 'auto');
    this.phrases = options.phrases ?? phraseKnowledge(options.extraPhrases ?? {}, language.lang);
    this.facts = languageFacts(language.lang);
    this.numberRe = this.facts.numberDelimiter === String.raw`\.` ? NUMBER_RE : numberRe(this.facts.numberDelimiter);
    this.sublabelRe = this.facts.closingParenLabels ? SUBLABEL_CLOSE_RE : SUBLABEL_RE;
    this.doc = emptyDocument(source, this.index);
    this.doc.lang = language.lang;
    this.doc.langSource = language.source;
  }

  run(): ResolutionDocument {
    this.splitBlocks();
    for (let i = 0; i < this.raw.length; i++) this.classify(i);
    this.finish();
    return this.doc;
  }

  // ── pass 1: blocks ────────────────────────────────────────────────────────────────────────

  private splitBlocks(): void {
    const { index, source } = this;
    let cur: RawBlock | undefined;
    const close = () => {
      if (cur) this.raw.push(cur);
      cur = undefined;
    };
    let inComment = false;
    for (let line = 0; line < index.lineStarts.length; line++) {
      const start = index.lineStarts[line];
      const end = index.lineEnd(line);
      const text = source.slice(start, end);
      if (inComment) {
        cur!.endLine = line;
        cur!.end = end;
        if (text.includes('-->')) {
          inComment = false;
          close();
        }
        continue;
      }
      if (isBlank(text)) {
        close();
        continue;
      }
      const single = HEADING_RE.test(text) || RULE_RE.test(text);
      const starter =
        single || this.numberRe.test(text) || this.sublabelRe.test(text) || FOOTNOTE_DEF_RE.test(text) || /^\s*<!--/.test(text);
      if (starter) close();
      if (!cur) cur = { startLine: line, endLine: line, start, end, text: '' };
      else {
        cur.endLine = line;
        cur.end = end;
      }
      if (/^\s*<!--/.test(text) && !text.includes('-->')) {
        inComment = true;
        continue;
      }
      if (single || /^\s*<!--.*-->\s*$/.test(text)) close();
    }
    close();
    for (const b of this.raw) b.text = source.slice(b.start, b.end);
  }

  // ── pass 2: roles ─────────────────────────────────────────────────────────────────────────

  private addBlock(b: RawBlock, kind: BlockKind, extra: Partial<Block> = {}): Block {
    const block: Block = this.index.node(b.start, b.end, { kind, text: b.text, ...extra });
    this.doc.blocks.push(block);
    if (kind === 'annex') this.doc.annexes.push(block);
    return block;
  }

  private nextNumbered?: Array<number | undefined>;

  /** True when the next numbered block after block i is numbered 1. */
  private numberedFromOneLater(i: number): boolean {
    if (!this.nextNumbered) {
      // for each block, the value of the first numbered block after it (computed once, backwards)
      const next: Array<number | undefined> = new Array(this.raw.length);
      let value: number | undefined;
      for (let j = this.raw.length - 1; j >= 0; j--) {
        next[j] = value;
        const m = NUMBER_RE.exec(this.raw[j].text);
        if (m) value = parseInt(m[2], 10);
      }
      this.nextNumbered = next;
    }
    return this.nextNumbered[i] === 1;
  }

  /** Not a lead-in to the numbered text that follows ("*Resolves* that:", "*Adopts* the following …"). */
  private misplacedInPreamble(b: RawBlock): boolean {
    return endingOf(this.source, this.index, b.start, b.end).char !== ':' && !ADOPTS_RE.test(b.text);
  }

  private nextMeaningful(i: number): RawBlock | undefined {
    for (let j = i + 1; j < this.raw.length; j++) {
      const t = this.raw[j].text;
      if (FOOTNOTE_DEF_RE.test(t) || RULE_RE.test(t) || /^\s*<!--/.test(t)) continue;
      return this.raw[j];
    }
    return undefined;
  }

  private classify(i: number): void {
    const b = this.raw[i];
    const blocksBefore = this.doc.blocks.length;
    this.classifyBlock(b, i);
    // Anything but a footnote definition or rule ends a page break.
    const added = this.doc.blocks[blocksBefore];
    if (added && added.kind !== 'footnoteDefinition' && added.kind !== 'rule' && added.kind !== 'directive') this.pageBreak = false;
  }

  private classifyBlock(b: RawBlock, i: number): void {
    const t = b.text;
    const trimmed = t.trim();

    if (/^<!--/.test(trimmed)) {
      this.addBlock(b, /^<!--\s*resolution-/.test(trimmed) ? 'directive' : 'other');
      return;
    }
    if (RULE_RE.test(t)) {
      this.addBlock(b, 'rule');
      this.pageBreak = true;
      return;
    }
    const fdef = FOOTNOTE_DEF_RE.exec(t);
    if (fdef) {
      this.footnoteDefinition(b, fdef);
      this.pageBreak = true;
      return;
    }
    const heading = HEADING_RE.exec(t);
    if (this.state === 'annex') {
      this.addBlock(b, 'annex', heading ? { level: heading[1].length } : {});
      return;
    }
    if ((this.state === 'operative' || this.state === 'closing') && trimmed.length < 120 && ANNEX_RE.test(trimmed)) {
      this.state = 'annex';
      this.current = undefined;
      this.addBlock(b, 'annex', heading ? { level: heading[1].length } : {});
      return;
    }
    if (heading) {
      const block = this.addBlock(b, 'heading', { level: heading[1].length });
      if (this.state === 'front') this.doc.frontMatter.push(block);
      return;
    }
    if ((this.state === 'operative' || this.state === 'preamble') && trimmed.length < 120 && MEETING_RE.test(trimmed)) {
      this.state = 'closing';
      this.current = undefined;
      this.addBlock(b, 'meeting');
      this.doc.meeting = this.index.node(b.start, b.end, { text: b.text });
      return;
    }
    if (this.state === 'closing') {
      this.addBlock(b, 'other');
      return;
    }
    if ((this.state === 'front' || this.state === 'preamble') && !this.doc.authority && this.isAuthority(b, i)) {
      this.authority(b);
      return;
    }

    const num = this.numberRe.exec(t) ?? this.undottedNumber(b);
    if (this.adopting && this.state === 'operative' && this.current?.kind === 'operative') {
      // The adopted text runs until an operative paragraph of the resolution itself (an italic verb)
      // or the meeting line: its numbered paragraphs are items, everything else continues them.
      const contentStart = num ? b.start + num[0].length : b.start;
      const resumes = /^\s*[*_]/.test(this.source.slice(contentStart, contentStart + 4)) && this.opensOperative(contentStart, b.end);
      if (!resumes) {
        if (num) this.listItem(b, num);
        else this.continueListItem(b);
        return;
      }
      this.adopting = false;
    }
    if (num) {
      if (this.state === 'operative' && this.current?.kind === 'operative' && this.isListItem(b, num)) {
        this.listItem(b, num);
        return;
      }
      // Preambular paragraphs are never numbered: after the authority line a number opens the operative part.
      if (this.state === 'operative' || this.state === 'preamble' || this.opensOperative(b.start + num[0].length, b.end)) {
        this.operative(b, num);
        return;
      }
    }

    if ((this.state === 'operative' || this.state === 'preamble') && SECTION_RE.test(trimmed) && !trimmed.includes('\n')) {
      // A section label between paragraphs is neither a paragraph nor a fragment of one.
      this.addBlock(b, 'heading', { level: 0 });
      return;
    }

    const sub = this.sublabelRe.exec(t);
    if (this.listMode && this.current?.kind === 'operative' && (sub || !this.opensParagraph(b))) {
      // Inside a numbered list (an adopted text), labelled and plain blocks continue the item.
      this.continueListItem(b);
      return;
    }
    if (sub && this.current && this.state === 'operative' && this.current.kind === 'operative') {
      if (this.subParagraph(b, sub)) return;
    }

    if (this.current && (this.state === 'preamble' || this.state === 'operative') && this.isFragment(b)) {
      this.attachFragment(b);
      return;
    }

    if (this.state === 'front') {
      if (this.opensPreamble(b)) {
        this.state = 'preamble';
        this.preambular(b);
        return;
      }
      if (!num && this.opensOperative(b.start, b.end, true)) {
        this.operative(b, null);
        return;
      }
      this.doc.frontMatter.push(this.addBlock(b, 'frontMatter'));
      return;
    }
    if (this.state === 'preamble') {
      if (!this.facts.capitalised && this.isSectionHeading(b)) {
        // A heading between paragraphs in a script without capitals (Chinese, Arabic, Russian).
        this.addBlock(b, 'heading', { level: 0 });
        return;
      }
      // An unnumbered paragraph with an operative verb before an operative part that is numbered
      // from 1 belongs to the preamble (a misplaced paragraph, reported by operative-in-preamble),
      // not to the numbering.
      if (this.opensOperative(b.start, b.end, true) && !(this.numberedFromOneLater(i) && this.misplacedInPreamble(b)))
        this.operative(b, null);
      else this.preambular(b);
      return;
    }
    // Operative part. A short line with no closing punctuation after a finished paragraph is a
    // section heading ("Multilingualism and global communications").
    if (this.isSectionHeading(b)) {
      this.addBlock(b, 'heading', { level: 0 });
      return;
    }
    // Notes under a table: "*a* From extrabudgetary funds.", "*Abbreviations*: GS (OL), …".
    if (/^\s*[*_](?:[a-z]|Abbreviations?|Notes?|Sources?)[*_]/.test(b.text)) {
      this.addBlock(b, 'other');
      return;
    }
    // Omnibus resolutions give a section its own preamble ("*Having considered* …,") between
    // operative paragraphs.
    if (this.opensSectionPreamble(b)) {
      this.preambular(b);
      return;
    }
    // An unnumbered block that opens with a phrase (italic, or a known operative or preambular one)
    // is a paragraph of its own; anything else (quoted text, a schedule, lines of a list without
    // labels) continues the paragraph before it.
    if (this.current && !this.opensParagraph(b)) this.attachFragment(b);
    else this.operative(b, null);
  }

  /** "3 *Calls upon* …": a number that lost its dot, before an italic operative phrase. */
  private undottedNumber(b: RawBlock): RegExpExecArray | null {
    const m = /^(\s*)(\d{1,6})()(?=[\s\u200b-\u200f]+[*_]\p{L})/u.exec(b.text);
    if (!m || this.state === 'front') return null;
    return this.opensOperative(b.start + m[0].length, b.end) ? m : null;
  }

  private isAuthority(b: RawBlock, i: number): boolean {
    const plain = b.text.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
    const comma = /[,،，]$/.test(plain);
    if (this.facts.lang === 'en') {
      if (!/^The\s+[A-Z]/.test(plain)) return false;
      if (plain.length > 300 || plain.split(' ').length > 40) return false;
      if (/[.;:]$/.test(plain) || /[.;:]\s/.test(plain)) return false;
      // The name of an organ: every word but the small ones is capitalised ("The Commission proposes
      // actions," is a sentence, not an authority line).
      const nameWords = plain.replace(/,$/, '').split(/\s+/).slice(1);
      if (nameWords.some((w) => !NAME_STOPWORDS.has(w.toLowerCase()) && !/^[A-Z0-9(“"]/.test(w))) return false;
    } else {
      // The language's organs: "L'Assemblée générale", "El Consejo de Seguridad", "إن الجمعية العامة", "大会".
      if (plain.length > 200 || !this.facts.authority.test(plain.replace(/[,،，]$/, '').trim())) return false;
    }
    if (comma) return true;
    const next = this.nextMeaningful(i);
    if (!next) return false;
    const n = this.numberRe.exec(next.text);
    if (n) return this.opensOperative(next.start + n[0].length, next.end);
    // No comma when no preamble follows: "*The General Assembly*" / "*Adopts* the declaration …".
    return this.opensPreamble(next) || this.opensOperative(next.start, next.end, true);
  }

  private opensPreamble(b: RawBlock): boolean {
    const words = leadingWords(this.source, b.start, Math.min(b.end, b.start + 200), 8).map((w) => w.text);
    if (words.length === 0 || !(this.facts.capitalised ? /^[\p{Lu}*_]/u : /^[\p{L}*_]/u).test(b.text.trim())) return false;
    const m = this.phrases.match(words, 'preambular');
    const end = endingOf(this.source, this.index, b.start, b.end);
    return !!m && (end.char === ',' || end.char === '');
  }

  /** Does the text at [from, to) open with an operative verb (italic, or any known one when numbered)? */
  private opensOperative(from: number, to: number, requireItalicUnnumbered = false): boolean {
    let s = from;
    while (s < to && /\s/.test(this.source[s])) s++;
    const italic = this.source[s] === '*' || this.source[s] === '_';
    const words = leadingWords(this.source, s, Math.min(to, s + 200), 8).map((w) => w.text);
    if (words.length === 0) return false;
    const op = this.phrases.match(words, 'operative');
    if (requireItalicUnnumbered) {
      if (!italic) return false;
      const pre = this.phrases.match(words, 'preambular');
      // An italic verb in the present tense that the phrase book does not know ("*Appoints*").
      // In French and Spanish an adjective of the preamble looks like a verb ("*Satisfaite*",
      // "*Consciente*"): only a known operative phrase ends the preamble there.
      if (!op) return !pre && this.facts.lang === 'en' && this.verbLike(words[0]);
      return !pre || pre.wordCount < op.wordCount;
    }
    if (italic) {
      // Italic opening: an operative verb, or an unknown verb-like word that is not a preambular phrase.
      if (op) return true;
      if (this.facts.lang !== 'en') return !this.phrases.match(words, 'preambular') && this.verbLike(words[0]);
      return !this.phrases.match(words, 'preambular') && /^[A-Z]/.test(words[0]) && /s$/.test(words[0]);
    }
    return !!op && (!this.facts.capitalised || /^\p{Lu}/u.test(words[0]));
  }

  /** A word shaped like an operative verb of the language that the phrase data does not know. */
  private verbLike(word: string | undefined): boolean {
    if (!word) return false;
    if (this.facts.lang === 'en') return /^[A-Z][a-z]+s$/.test(word) && !/(?:ss|ous|us)$/.test(word);
    return this.facts.operativeVerbLike.test(word) && !this.facts.preambularLike.test(word);
  }

  private isSectionHeading(b: RawBlock): boolean {
    const t = b.text.trim();
    if (t.includes('\n') || t.length > 120 || (this.facts.capitalised && !/^\p{Lu}/u.test(t)) || /^[*_]/.test(t)) return false;
    if (this.current && this.current.ending.char === '') return false;
    if (endingOf(this.source, this.index, b.start, b.end).char !== '') return false;
    const words = leadingWords(this.source, b.start, b.end, 8).map((w) => w.text);
    return !this.phrases.match(words, 'operative') && !this.phrases.match(words, 'preambular');
  }

  private opensSectionPreamble(b: RawBlock): boolean {
    if (endingOf(this.source, this.index, b.start, b.end).char !== ',') return false;
    const words = leadingWords(this.source, b.start, Math.min(b.end, b.start + 200), 8).map((w) => w.text);
    const pre = this.phrases.match(words, 'preambular');
    const op = this.phrases.match(words, 'operative');
    return !!pre && (!op || op.wordCount < pre.wordCount);
  }

  private opensParagraph(b: RawBlock): boolean {
    const first = b.text.trimStart();
    if (/^[*_][^*_\s]/.test(first)) return true;
    const words = leadingWords(this.source, b.start, Math.min(b.end, b.start + 200), 8).map((w) => w.text);
    return !!(this.phrases.match(words, 'operative') || this.phrases.match(words, 'preambular'));
  }

  private isFragment(b: RawBlock): boolean {
    const cur = this.current!;
    const first = b.text.trimStart();
    if (/^\p{Ll}/u.test(first) && (this.facts.capitalised || !this.opensParagraph(b))) return true;
    if (cur.kind === 'operative' && cur.subparagraphs.length === 0 && cur.leadInEnding.char === ':' && cur.listItems.length === 0) {
      return true; // text introduced by a colon (a quoted list, a definition)
    }
    if (cur.ending.char !== '') {
      // After a page break (footnote block or rule) a block that opens with no phrase at all
      // ("Japan, from 7 to 12 March 2021, …" after "… held in Kyoto,") continues the paragraph.
      if (!this.pageBreak || cur.ending.char === '.' || cur.ending.char === ';' || /^[*_]/.test(first)) return false;
      const w = leadingWords(this.source, b.start, Math.min(b.end, b.start + 200), 8).map((x) => x.text);
      if (
        w.length === 0 ||
        (this.facts.lang === 'en' ? /(?:ing|ed)$/i.test(w[0]) : this.facts.preambularLike.test(w[0])) ||
        this.phrases.match(w, 'preambular') ||
        this.phrases.match(w, 'operative')
      )
        return false;
      return true;
    }
    // The paragraph before ends mid-sentence: the block continues it unless it opens a new paragraph
    // (an italic opening, or a known phrase: "Recalling …, and" followed by "Instructs the …").
    if (/^[*_]/.test(first)) return false;
    const words = leadingWords(this.source, b.start, Math.min(b.end, b.start + 200), 8).map((w) => w.text);
    if (this.phrases.match(words, 'preambular') || this.phrases.match(words, 'operative')) return false;
    return true;
  }

  // ── builders ──────────────────────────────────────────────────────────────────────────────

  private opening(from: number, to: number, kind: PhraseKind, paragraphEnd: number): Opening | undefined {
    const { source, index } = this;
    let s = from;
    while (s < to && /\s/.test(source[s])) s++;
    const words = leadingWords(source, s, Math.min(to, s + 300), 10);
    if (words.length === 0) return undefined;
    const runs = italicRuns(source, s, paragraphEnd);
    const first = runs.find((r) => r.start === s);
    const m = this.phrases.match(
      words.map((w) => w.text),
      kind,
    );
    let startOff = words[0].start;
    let endOff: number;
    let italic: ItalicState = 'none';
    let base: string;
    let modifiers: string[];
    if (m) {
      endOff = words[m.wordCount - 1].end;
      base = m.base;
      modifiers = m.modifiers;
    } else {
      // Unknown opening: the italic run if any, else the first word and any trailing also/further.
      let n = 1;
      const lead = (w: string) => this.phrases.isLeadingModifier(w);
      const trail = (w: string) => this.phrases.isTrailingModifier(w);
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
      italicSpan = index.node(first.start, first.end, { text: source.slice(first.start, first.end) });
      const wrapsAll = first.end >= trimTrailing(source, s, paragraphEnd) - 1 && first.innerEnd > endOff + 20;
      if (first.innerEnd >= endOff) {
        italic = 'full';
        if (!wrapsAll) {
          // The writer's italic run is the opening ("*Stresses its continued determination*").
          let e = first.innerEnd;
          while (e > endOff && /[\s,;:.]/.test(source[e - 1])) e--;
          endOff = Math.max(endOff, e);
          if (!m) {
            const inner = leadingWords(source, first.innerStart, first.innerEnd, 12);
            base =
              inner
                .map((w) => w.text.toLowerCase())
                .filter((w) => !this.phrases.isLeadingModifier(w) && !this.phrases.isTrailingModifier(w))
                .join(' ') || base;
          }
        }
      } else {
        italic = 'partial';
      }
    }
    startOff = Math.min(startOff, endOff);
    return index.node(startOff, endOff, {
      text: source.slice(startOff, endOff),
      italic,
      italicSpan,
      base,
      modifiers,
      known: !!m,
    });
  }

  private preambular(b: RawBlock): void {
    const { source, index } = this;
    const blockIndex = this.doc.blocks.length;
    this.addBlock(b, 'preambular');
    const footnotes = footnoteMarkersIn(source, index, b.start, b.end, []);
    const s = b.start + (b.text.length - b.text.trimStart().length);
    const runs = italicRuns(source, s, b.end);
    const wrapped = runs.some((r) => r.start === s && r.end >= trimTrailing(source, s, b.end) - 1 && r.end - r.start > 40);
    const p: PreambularParagraph = index.node(b.start, b.end, {
      kind: 'preambular' as const,
      fragments: [index.span(b.start, b.end)],
      text: b.text,
      ending: endingOf(source, index, b.start, b.end),
      footnotes,
      blockIndex,
      opening: this.opening(b.start, b.end, 'preambular', b.end),
      wrappedInItalic: wrapped,
    });
    this.doc.preamble.push(p);
    this.current = p;
  }

  private operative(b: RawBlock, num: RegExpExecArray | null): void {
    const { source, index } = this;
    if (this.state !== 'operative') this.state = 'operative';
    const blockIndex = this.doc.blocks.length;
    this.addBlock(b, 'operative');
    let number: OperativeNumber | undefined;
    let contentStart = b.start;
    if (num) {
      const l = this.labelled(b, num);
      number = Object.assign(l.label, { value: parseInt(num[2], 10), suffix: num[3] });
      contentStart = l.contentStart;
    }
    while (contentStart < b.end && /\s/.test(source[contentStart])) contentStart++;
    const footnotes = footnoteMarkersIn(source, index, b.start, b.end, []);
    const ending = endingOf(source, index, contentStart, b.end);
    const extraVerbs = this.extraVerbs(contentStart, b.end);
    const p: OperativeParagraph = index.node(b.start, b.end, {
      kind: 'operative' as const,
      fragments: [index.span(contentStart, b.end)],
      text: source.slice(contentStart, b.end),
      ending,
      footnotes,
      blockIndex,
      number,
      opening: this.opening(contentStart, b.end, 'operative', b.end),
      extraVerbs,
      leadIn: index.node(contentStart, b.end, { text: source.slice(contentStart, b.end) }),
      leadInEnding: ending,
      subparagraphs: [],
      listItems: [],
    });
    this.doc.operative.push(p);
    this.current = p;
    this.subStack = [];
    this.listMode = false;
    this.adopting = p.leadInEnding.char === ':' && ADOPTS_RE.test(p.leadIn.text);
  }

  private extraVerbs(from: number, to: number): TextSpan[] {
    const out: TextSpan[] = [];
    for (const r of italicRuns(this.source, from, to)) {
      if (r.start === from) continue;
      const words = leadingWords(this.source, r.innerStart, r.innerEnd, 6);
      if (words.length === 0 || !/^\p{Ll}/u.test(words[0].text)) continue;
      const m = this.phrases.match(
        words.map((w) => w.text),
        'operative',
      );
      if (!m) continue;
      out.push(this.index.node(r.innerStart, r.innerEnd, { text: this.source.slice(r.innerStart, r.innerEnd) }));
    }
    return out;
  }

  private isListItem(b: RawBlock, num: RegExpExecArray): boolean {
    const cur = this.current as OperativeParagraph;
    const value = parseInt(num[2], 10);
    const expected = cur.listItems.length + 1;
    if (value !== expected || num[3]) return false;
    const contentStart = b.start + num[0].length;
    const italicOpening = /^\s*[*_]/.test(this.source.slice(contentStart, contentStart + 4));
    if (italicOpening && this.opensOperative(contentStart, b.end)) return false;
    if (this.listMode) return true;
    if (value !== 1 || cur.ending.char !== ':') return false;
    // A list numbered from 1 again, introduced by a colon: a provisional agenda, the text a
    // resolution adopts ("*Adopts* the following declaration:" / "1. We, the Heads of State …").
    // After an unnumbered lead-in, items that open with an operative verb are the operative part.
    if (cur.number !== undefined) return true;
    const words = leadingWords(this.source, contentStart, Math.min(b.end, contentStart + 200), 8).map((w) => w.text);
    return !this.phrases.match(words, 'operative');
  }

  private listItem(b: RawBlock, num: RegExpExecArray): void {
    const cur = this.current as OperativeParagraph;
    const { source, index } = this;
    this.listMode = true;
    const { label, contentStart } = this.labelled(b, num);
    const item: ListItem = index.node(b.start, b.end, {
      number: label,
      text: source.slice(contentStart, b.end),
    });
    cur.listItems.push(item);
    this.addBlock(b, 'operative');
    footnoteMarkersIn(source, index, b.start, b.end, cur.footnotes);
    this.extend(cur, b);
    cur.ending = endingOf(source, index, b.start, b.end);
  }

  private continueListItem(b: RawBlock): void {
    const cur = this.current as OperativeParagraph;
    const item = cur.listItems[cur.listItems.length - 1];
    this.attachFragment(b);
    if (!item) return;
    item.text += ' ' + b.text;
    item.end = b.end;
  }

  private subParagraph(b: RawBlock, m: RegExpExecArray): boolean {
    const cur = this.current as OperativeParagraph;
    const { source, index } = this;
    const paren = m[2] !== undefined || m[4] !== undefined;
    const label = (m[2] ?? m[3] ?? m[4]).toLowerCase();
    // (a) … (z), then (aa), (bb) … as the Editorial Manual continues the series; roman of any length.
    const { alpha: alphaValue, roman: romanVal } = subLabelValues(label);
    if (alphaValue === undefined && romanVal === undefined) return false;
    const alphaStyle: SubLabelStyle = paren ? 'paren-alpha' : 'dot-alpha';
    const romanStyle: SubLabelStyle = paren ? 'paren-roman' : 'dot-roman';
    const find = (style: SubLabelStyle) => this.subStack.findIndex((l) => l.style === style);
    let style: SubLabelStyle;
    let value: number;
    if (alphaValue !== undefined && romanVal !== undefined) {
      const ai = find(alphaStyle);
      const ri = find(romanStyle);
      if (ai >= 0 && this.subStack[ai].value + 1 === alphaValue && !(ri >= 0 && this.subStack[ri].value + 1 === romanVal && ri > ai)) {
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
    const { label: labelSpan, contentStart: cs } = this.labelled(b, m);
    const node: SubParagraph = index.node(b.start, b.end, {
      label: labelSpan,
      style,
      value,
      level: 1,
      text: source.slice(cs, b.end),
      ending: endingOf(source, index, cs, b.end),
      children: [] as SubParagraph[],
      footnotes: [] as FootnoteMarker[],
    });
    footnoteMarkersIn(source, index, b.start, b.end, node.footnotes);
    cur.footnotes.push(...node.footnotes);
    const existing = find(style);
    if (existing >= 0) this.subStack.length = existing;
    node.level = this.subStack.length + 1;
    if (this.subStack.length === 0) cur.subparagraphs.push(node);
    else this.subStack[this.subStack.length - 1].node.children.push(node);
    this.subStack.push({ style, value, node });
    this.addBlock(b, 'operative');
    this.extend(cur, b);
    cur.ending = node.ending;
    return true;
  }

  /** The label that opens a block (a number, a sub-paragraph letter; match group 1 is the indent) and where its text starts. */
  private labelled(b: RawBlock, m: RegExpExecArray): { label: TextSpan; contentStart: number } {
    const ls = b.start + m[1].length;
    const le = b.start + m[0].length;
    let contentStart = le;
    while (contentStart < b.end && /[\s\u200b-\u200f]/.test(this.source[contentStart])) contentStart++;
    return { label: this.index.node(ls, le, { text: this.source.slice(ls, le) }), contentStart };
  }

  private extend(p: PreambularParagraph | OperativeParagraph, b: RawBlock): void {
    const { source, index } = this;
    p.fragments.push(index.span(b.start, b.end));
    p.text += ' ' + source.slice(b.start, b.end);
    p.end = b.end;
  }

  private attachFragment(b: RawBlock): void {
    const { source, index } = this;
    const p = this.current!;
    this.addBlock(b, p.kind);
    const markers = footnoteMarkersIn(source, index, b.start, b.end, []);
    p.footnotes.push(...markers);
    this.extend(p, b);
    p.ending = endingOf(source, index, b.start, b.end);
    if (p.kind === 'operative') {
      const lastSub = this.subStack.length ? this.subStack[this.subStack.length - 1].node : undefined;
      if (lastSub) {
        lastSub.text += ' ' + source.slice(b.start, b.end);
        lastSub.end = b.end;
        lastSub.ending = p.ending;
        lastSub.footnotes.push(...markers);
      } else if (p.listItems.length === 0) {
        p.leadIn = index.node(p.leadIn.start, b.end, { text: p.text });
        p.leadInEnding = p.ending;
        for (const v of this.extraVerbs(b.start, b.end)) p.extraVerbs.push(v);
      }
    }
  }

  private authority(b: RawBlock): void {
    const { source, index } = this;
    const trimmedStart = b.start + (b.text.length - b.text.trimStart().length);
    const trimmedEnd = b.start + b.text.trimEnd().length;
    const italic = /^[*_]/.test(source[trimmedStart]) && /[*_]/.test(source.slice(trimmedEnd - 2, trimmedEnd));
    let comma: Span | undefined;
    const e = trimTrailing(source, trimmedStart, trimmedEnd);
    if (',،，'.includes(source[e - 1] ?? 'x')) comma = index.span(e - 1, e);
    const a: AuthorityLine = index.node(trimmedStart, trimmedEnd, {
      text: source.slice(trimmedStart, trimmedEnd),
      italic,
      lineCount: b.endLine - b.startLine + 1,
      comma,
      placement: this.doc.preamble.length > 0 ? ('afterPreamble' as const) : ('beforePreamble' as const),
    });
    this.doc.authority = a;
    this.addBlock(b, 'authority');
    this.state = 'preamble';
    this.current = undefined;
  }

  private footnoteDefinition(b: RawBlock, m: RegExpExecArray): void {
    const { source, index } = this;
    const ms = b.start + m[1].length;
    const me = b.start + m[0].length;
    const style: FootnoteStyle = m[2] ? 'unicode' : m[3] ? 'sup' : 'caret';
    const label = m[2] ? superscriptToAscii(m[2]) : (m[3] ?? m[4]);
    let ts = me;
    while (ts < b.end && /\s/.test(source[ts])) ts++;
    const text = source.slice(ts, b.end);
    const def: FootnoteDefinition = index.node(b.start, b.end, {
      label,
      style,
      marker: index.span(ms, me),
      text,
      ibid: /^[*_]?ibid\b/i.test(text),
    });
    this.doc.footnoteDefinitions.push(def);
    this.addBlock(b, 'footnoteDefinition');
  }

  // ── whole-document passes ─────────────────────────────────────────────────────────────────

  private finish(): void {
    const doc = this.doc;
    this.singleOperative();
    const hasItalicNumbered = doc.operative.some((p) => p.number && p.opening && p.opening.italic !== 'none');
    doc.kind = doc.authority || hasItalicNumbered ? 'resolution' : 'other';
    if (doc.kind === 'other') {
      // Not a resolution: keep its paragraphs as plain blocks, so no resolution check applies.
      for (const p of [...doc.preamble, ...doc.operative]) {
        for (const blk of doc.blocks) {
          if ((blk.kind === 'preambular' || blk.kind === 'operative') && blk.start >= p.start && blk.end <= p.end) blk.kind = 'other';
        }
      }
      doc.preamble = [];
      doc.operative = [];
    }
    // Every marker in the text counts as a reference, wherever it stands (front matter, prose of a
    // non-resolution, tables), except the marker that opens a footnote definition.
    const defMarkers = new Set(doc.footnoteDefinitions.map((d) => d.marker.start));
    const all: FootnoteMarker[] = [];
    footnoteMarkersIn(this.source, this.index, 0, this.source.length, all);
    doc.footnoteMarkers = all.filter((m) => !defMarkers.has(m.start));
    if (doc.kind === 'other') {
      for (const blk of doc.blocks) if (blk.kind === 'frontMatter') blk.kind = 'other';
      doc.frontMatter = [];
    }
    this.frontMatterFacts();
    this.directives();
    this.citations();
    this.crossReferences();
  }

  /**
   * A resolution whose only operative paragraph stands unnumbered and not italic ("Appoints … .")
   * ends its preamble with it: the last preambular paragraph opens with an operative verb and ends
   * with a full stop. It is the operative part.
   */
  private singleOperative(): void {
    const doc = this.doc;
    if (doc.operative.length || doc.preamble.length < (this.facts.lang === 'zh' ? 1 : 2)) return;
    const last = doc.preamble[doc.preamble.length - 1];
    if (last.ending.char !== '.') return;
    const words = leadingWords(this.source, last.start, Math.min(last.end, last.start + 200), 8).map((w) => w.text);
    const op = this.phrases.match(words, 'operative');
    const verbLike = this.verbLike(words[0]);
    // Chinese marks no opening in italics and has no phrase data: a preamble of paragraphs ending
    // "，" that ends with one ending "。" ends with its operative part.
    const zhEnd = this.facts.lang === 'zh' && doc.preamble.slice(0, -1).every((p) => p.ending.char === ',');
    if (!zhEnd && ((!op && !verbLike) || this.phrases.match(words, 'preambular'))) return;
    doc.preamble.pop();
    const { wrappedInItalic: _w, kind: _k, opening: _o, ...base } = last;
    const p: OperativeParagraph = Object.assign(this.index.span(last.start, last.end), base, {
      kind: 'operative' as const,
      opening: this.opening(last.start, last.end, 'operative', last.fragments[0].end),
      extraVerbs: this.extraVerbs(last.start, last.fragments[0].end),
      leadIn: this.index.node(last.start, last.end, { text: last.text }),
      leadInEnding: last.ending,
      subparagraphs: [],
      listItems: [],
    });
    doc.operative.push(p);
    for (const blk of doc.blocks) if (blk.kind === 'preambular' && blk.start >= p.start && blk.end <= p.end) blk.kind = 'operative';
  }

  private frontMatterFacts(): void {
    const { doc, source, index } = this;
    const front = doc.frontMatter;
    const span = (s: number, e: number): TextSpan => index.node(s, e, { text: source.slice(s, e) });
    const GA = /General Assembly|Assemblée générale|Asamblea General|Генеральная Ассамблея|الجمعية العامة|大会/;
    const isGA = front.some((b) => GA.test(b.text)) || GA.test(doc.authority?.text ?? '');
    const DATE = dateSource(this.facts);
    for (const b of front) {
      const line = b.text.trim();
      const off = b.start + (b.text.length - b.text.trimStart().length);
      const ga = /^(\d{1,4}\/\d{1,4}[A-Z]?)\.\s+\S/.exec(line);
      if (ga && !doc.title) {
        doc.title = span(off, off + line.length);
        if (!doc.symbol && isGA) doc.symbol = index.node(off, off + ga[1].length, { text: `A/RES/${ga[1]}` });
        continue;
      }
      // an L document's symbol may carry the asterisk of a note ("A/78/L.12*", escaped in Markdown)
      const sym =
        /^(?:#{1,6}\s*)?(A\/RES\/[\w/.()-]+|A\/(?:C\.\d\/)?\d{1,3}\/L\.\d+(?:\/Rev\.\d+)?|[A-Z]{2,}(?:\/[\w.()\- ]+){1,6})(?:\\?\*)*$/.exec(
          line,
        );
      if (sym && !doc.symbol && !/\s{2}/.test(line)) {
        const s = off + line.indexOf(sym[1]);
        doc.symbol = span(s, s + sym[1].trim().length);
        continue;
      }
      const res = /^#{1,6}\s*(Resolution\s+\d+\/\d+)\s*$/i.exec(line);
      if (res && !doc.symbol) {
        const s = off + line.indexOf(res[1]);
        doc.symbol = span(s, s + res[1].length);
        continue;
      }
      if (!doc.date && /adopted|adoptée?|aprobad[ao]|принят|اعتمد|通过/i.test(line)) {
        const d = new RegExp(`(${DATE}|${DATE_SRC}|(?:${MONTHS})\\s+\\d{4})`, 'u').exec(line);
        if (d) doc.date = span(off + d.index, off + d.index + d[1].length);
      }
    }
    if (!doc.title) {
      // A heading after the symbol, or an all-capitals line after the symbol (CMS style).
      const after = front.filter((b) => !doc.symbol || b.start > doc.symbol.start);
      const cand =
        after.find((b) => b.kind === 'heading' && !/^#+\s*resolution\s+\d/i.test(b.text.trim())) ??
        after.find((b) => /^[A-Z][A-Z ,’'()-]{12,}$/.test(b.text.trim()) && !/^ORIGINAL/.test(b.text.trim()));
      if (cand) {
        const raw = cand.text.trim();
        const t = raw
          .replace(/^#+\s*/, '')
          .replace(/^\*+|\*+$/g, '')
          .trim();
        const s = cand.start + cand.text.indexOf(t);
        if (s >= cand.start && t) doc.title = span(s, s + t.length);
      }
    }
    if (!doc.date && doc.meeting) {
      const d = new RegExp(`${DATE}|${DATE_SRC}`, 'u').exec(doc.meeting.text);
      if (d) doc.date = span(doc.meeting.start + d.index, doc.meeting.start + d.index + d[0].length);
    }
  }

  private directives(): void {
    const { doc, source, index } = this;
    DIRECTIVE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = DIRECTIVE_RE.exec(source))) {
      const rules = m[2]
        .split(/[\s,]+/)
        .map((r) => r.trim())
        .filter(Boolean);
      const d: Directive = index.node(m.index, m.index + m[0].length, { kind: m[1] as Directive['kind'], rules });
      doc.directives.push(d);
    }
  }

  /** Stretches of text where citations and cross-references are looked for: the paragraphs. */
  private paragraphRanges(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const b of this.doc.blocks) {
      if (b.kind === 'preambular' || b.kind === 'operative' || b.kind === 'footnoteDefinition' || b.kind === 'other' || b.kind === 'annex')
        out.push([b.start, b.end]);
    }
    return out;
  }

  private citations(): void {
    const { doc, source, index } = this;
    // GA "70/1", "A/RES/70/1", "1514 (XV)"; ECOSOC "2013/40"; Security Council "2127 (2013)"
    const SYM = String.raw`(?:A\/RES\/\d{1,4}\/\d{1,4}|\d{1,4}\/\d{1,4}(?:\s?[A-Z](?![\w]))?|\d{1,4}\s\([IVXL]+\)|\d{1,4}\s?\((?:19|20)\d{2}\))`;
    const ITEM = new RegExp(String.raw`^(\[)?(${SYM})(?:\]\([^)\s]*\))?`);
    const f = this.facts;
    const DATE = new RegExp(String.raw`^${f.citationDateJoin || '\s*'}(${dateSource(f)})`, 'u');
    const and = f.listJoins[0];
    const SEP = new RegExp(String.raw`^(?:,\s+(?:${and}\s+)?|\s+${and}\s+)`, 'u');
    const ENTITLED = new RegExp(String.raw`^,\s+${f.entitled}\s+(?:“[^”]{0,400}”|«[^»]{0,400}»)`, 'u');
    const seen = new Set<number>();
    for (const [from, to] of this.paragraphRanges()) {
      const text = source.slice(from, to);
      const kw = new RegExp(String.raw`(?<![\p{L}])(?:${f.resolutionWord})\s+`, 'gu');
      let k: RegExpExecArray | null;
      while ((k = kw.exec(text))) {
        let pos = k.index + k[0].length;
        for (let guard = 0; guard < 50; guard++) {
          const rest = text.slice(pos, pos + 200);
          const it = ITEM.exec(rest);
          if (!it) break;
          const symStart = from + pos + (it[1] ? 1 : 0);
          const symbol = it[2];
          let after = pos + it[0].length;
          let date: TextSpan | undefined;
          const d = DATE.exec(text.slice(after, after + 60));
          if (d) {
            const ds = from + after + d[0].length - d[1].length;
            date = index.node(ds, ds + d[1].length, { text: d[1] });
            after += d[0].length;
          }
          const entitled = ENTITLED.exec(text.slice(after, after + 420));
          if (entitled) after += entitled[0].length;
          const c: Citation = index.node(symStart, symStart + symbol.length, { symbol, key: citationKey(symbol), date });
          doc.citations.push(c);
          seen.add(symStart);
          const sep = SEP.exec(text.slice(after, after + 10));
          if (!sep) break;
          pos = after + sep[0].length;
        }
      }
      const bare = /\bA\/RES\/\d{1,4}\/\d{1,4}\b/g;
      let b: RegExpExecArray | null;
      while ((b = bare.exec(text))) {
        const s = from + b.index;
        if (seen.has(s)) continue;
        doc.citations.push(index.node(s, s + b[0].length, { symbol: b[0], key: citationKey(b[0]) }));
      }
    }
    doc.citations.sort((a, b) => a.start - b.start);
  }

  private crossReferences(): void {
    const { doc, source, index } = this;
    const NUM = String.raw`\d{1,4}(?:\s+(?:${PARAGRAPH_SUFFIXES.join('|')}))?`;
    const f = this.facts;
    const joins = [',', ...f.listJoins, '–', '-'].join('|');
    const dirs = [...f.above, ...f.below].join('|');
    const re = new RegExp(
      String.raw`(?<![\p{L}])${f.paragraphWord}\s+(${NUM}(?:\s*(?:${joins})\s*${NUM})*)(\s*\((${SUBLABEL_LETTERS_SRC})\))?(,?\s+(${dirs}))?`,
      'gu',
    );
    for (const p of [...doc.preamble, ...doc.operative]) {
      for (const fr of p.fragments) {
        const text = source.slice(fr.start, fr.end);
        let m: RegExpExecArray | null;
        re.lastIndex = 0;
        while ((m = re.exec(text))) {
          const before = text.slice(Math.max(0, m.index - 40), m.index);
          const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
          const direction = m[5] === undefined ? undefined : f.above.includes(m[5]) ? 'above' : 'below';
          if (!direction) {
            if (f.refOwnerBefore.test(before) || /(?:article|artículo|статьи|статья)\s+[\w.]+,?\s+$/iu.test(before)) continue;
            if (f.refOfAfter.test(after)) continue;
          }
          const targets: TextSpan[] = [];
          const listStart = fr.start + m.index + m[0].indexOf(m[1], m[0].search(/\s/));
          const numRe = new RegExp(NUM, 'g');
          let n: RegExpExecArray | null;
          while ((n = numRe.exec(m[1]))) {
            const s = listStart + n.index;
            targets.push(index.node(s, s + n[0].length, { text: n[0] }));
          }
          const s = fr.start + m.index;
          const ref: CrossReference = index.node(s, s + m[0].length, { targets, direction });
          if (m[3]) {
            const { alpha, roman } = subLabelValues(m[3]);
            if (alpha !== undefined || roman !== undefined) {
              ref.sub = `(${m[3]})`;
              const ss = s + m[0].lastIndexOf(`(${m[3]})`) + 1;
              ref.subSpan = index.node(ss, ss + m[3].length, { text: m[3] });
            }
          }
          doc.crossReferences.push(ref);
        }
      }
    }
    doc.crossReferences.sort((a, b) => a.start - b.start);
  }
}

function emptyDocument(source: string, index: LineIndex): ResolutionDocument {
  return {
    kind: 'other',
    lang: 'en',
    langSource: 'detected',
    source,
    lineCount: index.lineStarts.length,
    lineStarts: index.lineStarts,
    frontMatter: [],
    preamble: [],
    operative: [],
    footnoteMarkers: [],
    footnoteDefinitions: [],
    annexes: [],
    blocks: [],
    directives: [],
    citations: [],
    crossReferences: [],
  };
}

/** The key that identifies one resolution across citation styles ("A/RES/70/1" and "70/1" → "70/1"). */
export function citationKey(symbol: string): string {
  return symbol
    .replace(/^A\/RES\//, '')
    .replace(/\s+/g, ' ')
    .replace(/(\d)\(/, '$1 (')
    .trim();
}

/** Parses without the safety net: throws if the parser has a bug (used by the robustness tests). */
export function parseOrThrow(source: string, options: ParseOptions = {}): ResolutionDocument {
  return new Parser(source, options).run();
}

/** Parses a draft resolution. Never throws; returns a document of kind 'other' for non-resolutions. */
export function parse(source: string, options: ParseOptions = {}): ResolutionDocument {
  try {
    return new Parser(typeof source === 'string' ? source : String(source ?? ''), options).run();
  } catch (err) {
    // A parser bug must not take the server down: fall back to a document of plain blocks.
    const index = new LineIndex(source);
    const doc = emptyDocument(source, index);
    doc.blocks.push(index.node(0, source.length, { kind: 'other', text: source }));
    doc.error = `the parser failed (${(err as Error)?.message ?? String(err)}); the text is kept as one plain block`;
    return doc;
  }
}
=======
/** The parser (its passes are in parser/): re-exported here for the many modules that import it. */
export { parse, parseOrThrow, citationKey, superscriptToAscii, ORDINAL_SUFFIXES, type ParseOptions } from './parser/index';
>>>>>>> main
