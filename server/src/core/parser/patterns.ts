/** The line patterns of the parser: what opens a block, a paragraph number, a label, a heading. */
import { PARAGRAPH_SUFFIXES, SUBLABEL_LETTERS_SRC, SUBLABEL_NUMERAL_SRC, SUPERSCRIPT_RUN_SRC } from '../lexicon';

export const SUPERSCRIPT_RE = new RegExp(SUPERSCRIPT_RUN_SRC, 'g');
/** An operative number token: "5.", "5 bis."; the delimiter is the language's ("1 -" in Arabic). */
export function numberRe(delimiter: string): RegExp {
  return new RegExp(`^(\\s*)(\\d{1,6})(?:\\s+(${PARAGRAPH_SUFFIXES.join('|')}))?${delimiter}(?=[\\s\\u200b-\\u200f]|$)`);
}
export const NUMBER_RE = numberRe(String.raw`\.`);
/** A sub-paragraph label: `(a)` (group 2), `a.` (group 3), the Arabic and Chinese `’1‘`, `㈠` (group 5). */
export const SUBLABEL_RE = new RegExp(
  `^(\\s*)(?:\\((${SUBLABEL_LETTERS_SRC})\\)|(${SUBLABEL_LETTERS_SRC})\\.|()(${SUBLABEL_NUMERAL_SRC}))(?=[\\s\\u200b-\\u200f])`,
);
/** Also `a)` labels, as French, Spanish and Russian texts write them (the label then is group 4). */
export const SUBLABEL_CLOSE_RE = new RegExp(
  `^(\\s*)(?:\\((${SUBLABEL_LETTERS_SRC})\\)|(${SUBLABEL_LETTERS_SRC})\\.|(${SUBLABEL_LETTERS_SRC})\\)|(${SUBLABEL_NUMERAL_SRC}))(?=[\\s\\u200b-\\u200f])`,
);
export const FOOTNOTE_DEF_RE = /^(\s*)(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|<sup>\s*([^<\s]{1,8})\s*<\/sup>|\[\^([^\]\s]{1,16})\]:)(?=\s|$)/;
export const HEADING_RE = /^\s{0,3}(#{1,6})(\s|$)/;
export const RULE_RE = /^\s{0,3}(?:-{3,}|\*{3,}|_{3,})\s*$/;
export const MEETING_RE =
  /^[*_]*\s*(?:\d+(?:st|nd|rd|th)\s+(?:\(?(?:resumed|continued)\)?\s+)?(?:plenary\s+)?meeting|(?:\w+\s+)?plenary\s+meeting|\d+(?:e|re)\s+séance\s+plénière|\d+a\s+sesión\s+plenaria|\d+[-‑]?[еeя]\s+пленарное\s+заседание|الجلسة\s+العامة|第\d+次全体会议)/iu;
/** A section label inside the text: "II", "IV. Review of progress", "**Follow-up**", "### Budget". */
export const SECTION_RE =
  /^(?:[*_\s]*(?:[IVXLC]{1,6}|[A-Z])\.?[*_\s]*|[IVXLC]{1,6}\.?\s+[A-Z][^.;:]{0,100}|[A-Z]\.\s+[A-Z][^.;:]{0,100}|\*\*[^*]{1,120}\*\*|\|.*\|)$/;
/** An operative paragraph that introduces the text it adopts. */
export const ADOPTS_RE =
  /^[*_]*(?:(?:adopts?|approves?|endorses?|proclaims?)\b[\s\S]{0,400}\bfollowing\b|(?:adopte|approuve|fait sienne|proclame)[\s\S]{0,400}suivante?s?|(?:aprueba|adopta|hace suy[ao]s?|proclama)[\s\S]{0,400}siguientes?)/i;
/** Words that may stand in lower case inside the name of an organ. */
export const NAME_STOPWORDS = new Set([
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
export const ANNEX_RE = /^(?:#{1,6}\s*)?[*_]*\s*annex(?:es)?\b/i;
export const DIRECTIVE_RE = /<!--\s*resolution-(disable-next-paragraph|disable-file|disable|enable)\b([\s\S]*?)-->/g;
export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
export const DATE_SRC = `\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4}`;
