/**
 * The questions the structure pass asks of a block: does it open the preamble, an operative
 * paragraph, a section; is it the authority line; does it continue the paragraph before it?
 */
import type { OperativeParagraph } from '../model';
import type { RawBlock } from './blocks';
import type { ParseContext } from './context';
import { endingOf, leadingWordTexts } from './inline';
import { ADOPTS_RE, FOOTNOTE_DEF_RE, NAME_STOPWORDS, NUMBER_RE, RULE_RE } from './patterns';
import { isSpaceCode } from '../chars';

const COMMENT_OPEN_RE = /^\s*<!--/;
const UNDOTTED_NUMBER_RE = /^(\s*)(\d{1,6})()(?=[\s\u200b-\u200f]+[*_]\p{L})/u;
const CLOSING_COMMA_RE = /[,،，]$/;
const THE_NAME_RE = /^The\s+[A-Z]/;
const STOP_END_RE = /[.;:]$/;
const STOP_INSIDE_RE = /[.;:]\s/;
const COMMA_END_RE = /,$/;
const SPACES_RE = /\s+/;
const NAME_WORD_RE = /^[A-Z0-9(“"]/;
const UPPER_OR_EMPHASIS_FIRST_RE = /^[\p{Lu}*_]/u;
const LETTER_OR_EMPHASIS_FIRST_RE = /^[\p{L}*_]/u;
const ASCII_UPPER_FIRST_RE = /^[A-Z]/;
const S_END_RE = /s$/;
const UPPER_FIRST_RE = /^\p{Lu}/u;
const LOWER_FIRST_RE = /^\p{Ll}/u;
const EN_VERB_LIKE_RE = /^[A-Z][a-z]+s$/;
const EN_NOT_VERB_RE = /(?:ss|ous|us)$/;
const EN_PREAMBULAR_LIKE_RE = /(?:ing|ed)$/i;
const EMPHASIS_FIRST_RE = /^[*_]/;
const EMPHASIS_OPENS_RE = /^[*_][^*_\s]/;
const ITALIC_OPENING_RE = /^\s*[*_]/;

/** True when the next numbered block after block i is numbered 1. */
export function numberedFromOneLater(c: ParseContext, i: number): boolean {
  if (!c.nextNumbered) {
    // for each block, the index of the first numbered block after it and its number (computed once, backwards)
    const next = new Int32Array(c.blockCount);
    const values: number[] = new Array(c.blockCount);
    let at = -1;
    for (let j = c.blockCount - 1; j >= 0; j--) {
      next[j] = at;
      const m = NUMBER_RE.exec(c.block(j).text);
      if (m) {
        at = j;
        values[j] = parseInt(m[2], 10);
      }
    }
    c.nextNumbered = { next, values };
  }
  const k = c.nextNumbered.next[i];
  c.lookahead(k < 0 ? c.blockCount : k);
  return k >= 0 && c.nextNumbered.values[k] === 1;
}

/** Not a lead-in to the numbered text that follows ("*Resolves* that:", "*Adopts* the following …"). */
export function misplacedInPreamble(c: ParseContext, b: RawBlock): boolean {
  return endingOf(c.source, c.index, b.start, b.end).char !== ':' && !ADOPTS_RE.test(b.text);
}

export function nextMeaningful(c: ParseContext, i: number): RawBlock | undefined {
  for (let j = i + 1; j < c.blockCount; j++) {
    const t = c.block(j).text;
    if (FOOTNOTE_DEF_RE.test(t) || RULE_RE.test(t) || COMMENT_OPEN_RE.test(t)) continue;
    c.lookahead(j);
    return c.block(j);
  }
  c.lookahead(c.blockCount);
  return undefined;
}

/** "3 *Calls upon* …": a number that lost its dot, before an italic operative phrase. */
export function undottedNumber(c: ParseContext, b: RawBlock): RegExpExecArray | null {
  const m = UNDOTTED_NUMBER_RE.exec(b.text);
  if (!m || c.state === 'front') return null;
  return opensOperative(c, b.start + m[0].length, b.end) ? m : null;
}

export function isAuthority(c: ParseContext, b: RawBlock, i: number): boolean {
  const plain = b.text.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
  const comma = CLOSING_COMMA_RE.test(plain);
  if (c.facts.lang === 'en') {
    if (!THE_NAME_RE.test(plain)) return false;
    if (plain.length > 300 || plain.split(' ').length > 40) return false;
    if (STOP_END_RE.test(plain) || STOP_INSIDE_RE.test(plain)) return false;
    // The name of an organ: every word but the small ones is capitalised ("The Commission proposes
    // actions," is a sentence, not an authority line).
    const nameWords = plain.replace(COMMA_END_RE, '').split(SPACES_RE).slice(1);
    if (nameWords.some((w) => !NAME_STOPWORDS.has(w.toLowerCase()) && !NAME_WORD_RE.test(w))) return false;
  } else {
    // The language's organs: "L'Assemblée générale", "El Consejo de Seguridad", "إن الجمعية العامة", "大会".
    if (plain.length > 200 || !c.facts.authority.test(plain.replace(/[,،，]$/, '').trim())) return false;
  }
  if (comma) return true;
  const next = nextMeaningful(c, i);
  if (!next) return false;
  const n = c.numberRe.exec(next.text);
  if (n) return opensOperative(c, next.start + n[0].length, next.end);
  // No comma when no preamble follows: "*The General Assembly*" / "*Adopts* the declaration …".
  return opensPreamble(c, next) || opensOperative(c, next.start, next.end, true);
}

export function opensPreamble(c: ParseContext, b: RawBlock): boolean {
  const words = leadingWordTexts(c.source, b.start, Math.min(b.end, b.start + 200), 8);
  if (words.length === 0 || !(c.facts.capitalised ? UPPER_OR_EMPHASIS_FIRST_RE : LETTER_OR_EMPHASIS_FIRST_RE).test(b.text.trim()))
    return false;
  const m = c.phrases.opens(words, 'preambular');
  const end = endingOf(c.source, c.index, b.start, b.end);
  return !!m && (end.char === ',' || end.char === '');
}

/** Does the text at [from, to) open with an operative verb (italic, or any known one when numbered)? */
export function opensOperative(c: ParseContext, from: number, to: number, requireItalicUnnumbered = false): boolean {
  let s = from;
  while (s < to && isSpaceCode(c.source.charCodeAt(s))) s++;
  const italic = c.source[s] === '*' || c.source[s] === '_';
  const words = leadingWordTexts(c.source, s, Math.min(to, s + 200), 8);
  if (words.length === 0) return false;
  const op = c.phrases.match(words, 'operative');
  if (requireItalicUnnumbered) {
    if (!italic) return false;
    const pre = c.phrases.match(words, 'preambular');
    // An italic verb in the present tense that the phrase book does not know ("*Appoints*").
    // In French and Spanish an adjective of the preamble looks like a verb ("*Satisfaite*",
    // "*Consciente*"): only a known operative phrase ends the preamble there.
    if (!op) return !pre && c.facts.lang === 'en' && verbLike(c, words[0]);
    return !pre || pre.wordCount < op.wordCount;
  }
  if (italic) {
    // Italic opening: an operative verb, or an unknown verb-like word that is not a preambular phrase.
    if (op) return true;
    if (c.facts.lang !== 'en') return !c.phrases.opens(words, 'preambular') && verbLike(c, words[0]);
    return !c.phrases.opens(words, 'preambular') && ASCII_UPPER_FIRST_RE.test(words[0]) && S_END_RE.test(words[0]);
  }
  return !!op && (!c.facts.capitalised || UPPER_FIRST_RE.test(words[0]));
}

/** A word shaped like an operative verb of the language that the phrase data does not know. */
export function verbLike(c: ParseContext, word: string | undefined): boolean {
  if (!word) return false;
  if (c.facts.lang === 'en') return EN_VERB_LIKE_RE.test(word) && !EN_NOT_VERB_RE.test(word);
  return c.facts.operativeVerbLike.test(word) && !c.facts.preambularLike.test(word);
}

export function isSectionHeading(c: ParseContext, b: RawBlock): boolean {
  const t = b.text.trim();
  if (t.includes('\n') || t.length > 120 || (c.facts.capitalised && !UPPER_FIRST_RE.test(t)) || EMPHASIS_FIRST_RE.test(t)) return false;
  if (c.current && c.current.ending.char === '') return false;
  if (endingOf(c.source, c.index, b.start, b.end).char !== '') return false;
  const words = leadingWordTexts(c.source, b.start, b.end, 8);
  return !c.phrases.opens(words, 'operative') && !c.phrases.opens(words, 'preambular');
}

export function opensSectionPreamble(c: ParseContext, b: RawBlock): boolean {
  if (endingOf(c.source, c.index, b.start, b.end).char !== ',') return false;
  const words = leadingWordTexts(c.source, b.start, Math.min(b.end, b.start + 200), 8);
  const pre = c.phrases.match(words, 'preambular');
  const op = c.phrases.match(words, 'operative');
  return !!pre && (!op || op.wordCount < pre.wordCount);
}

export function opensParagraph(c: ParseContext, b: RawBlock): boolean {
  const first = b.text.trimStart();
  if (EMPHASIS_OPENS_RE.test(first)) return true;
  const words = leadingWordTexts(c.source, b.start, Math.min(b.end, b.start + 200), 8);
  return c.phrases.opens(words, 'operative') || c.phrases.opens(words, 'preambular');
}

export function isFragment(c: ParseContext, b: RawBlock): boolean {
  const cur = c.current!;
  const first = b.text.trimStart();
  if (LOWER_FIRST_RE.test(first) && (c.facts.capitalised || !opensParagraph(c, b))) return true;
  if (cur.kind === 'operative' && cur.subparagraphs.length === 0 && cur.leadInEnding.char === ':' && cur.listItems.length === 0) {
    return true; // text introduced by a colon (a quoted list, a definition)
  }
  if (cur.ending.char !== '') {
    // After a page break (footnote block or rule) a block that opens with no phrase at all
    // ("Japan, from 7 to 12 March 2021, …" after "… held in Kyoto,") continues the paragraph.
    if (!c.pageBreak || cur.ending.char === '.' || cur.ending.char === ';' || EMPHASIS_FIRST_RE.test(first)) return false;
    const w = leadingWordTexts(c.source, b.start, Math.min(b.end, b.start + 200), 8);
    if (
      w.length === 0 ||
      (c.facts.lang === 'en' ? EN_PREAMBULAR_LIKE_RE.test(w[0]) : c.facts.preambularLike.test(w[0])) ||
      c.phrases.opens(w, 'preambular') ||
      c.phrases.opens(w, 'operative')
    )
      return false;
    return true;
  }
  // The paragraph before ends mid-sentence: the block continues it unless it opens a new paragraph
  // (an italic opening, or a known phrase: "Recalling …, and" followed by "Instructs the …").
  if (EMPHASIS_FIRST_RE.test(first)) return false;
  const words = leadingWordTexts(c.source, b.start, Math.min(b.end, b.start + 200), 8);
  if (c.phrases.opens(words, 'preambular') || c.phrases.opens(words, 'operative')) return false;
  return true;
}
export function isListItem(c: ParseContext, b: RawBlock, num: RegExpExecArray): boolean {
  const cur = c.current as OperativeParagraph;
  const value = parseInt(num[2], 10);
  const expected = cur.listItems.length + 1;
  if (value !== expected || num[3]) return false;
  const contentStart = b.start + num[0].length;
  const italicOpening = ITALIC_OPENING_RE.test(c.source.slice(contentStart, contentStart + 4));
  if (italicOpening && opensOperative(c, contentStart, b.end)) return false;
  if (c.listMode) return true;
  if (value !== 1 || cur.ending.char !== ':') return false;
  // A list numbered from 1 again, introduced by a colon: a provisional agenda, the text a
  // resolution adopts ("*Adopts* the following declaration:" / "1. We, the Heads of State …").
  // After an unnumbered lead-in, items that open with an operative verb are the operative part.
  if (cur.number !== undefined) return true;
  const words = leadingWordTexts(c.source, contentStart, Math.min(b.end, contentStart + 200), 8);
  return !c.phrases.opens(words, 'operative');
}
