/**
 * Normalisation of paragraph text for precedent search.
 *
 * A paragraph is reduced to its words: case folded, without italics/bold markers, footnote
 * markers (¹, <sup>1</sup>, [^1]), link targets, HTML tags, a leading paragraph number or
 * sub-paragraph label, and punctuation. Words keep their [start, end) offsets in the raw text
 * so that coverage and diffs can point back into the source.
 *
 * Each language has its tokenization (`lang`, English by default): French and Spanish split
 * elisions (`l'Assemblée` → `l'` `assemblée`) and keep accents; Russian folds `ё` to `е`; Arabic
 * drops diacritics and tatweel and unifies alef and hamza forms, taa marbuta and alef maqsura;
 * Chinese, written without spaces, is segmented into words by `Intl.Segmenter` (ICU), or into
 * character bigrams where the runtime has no segmenter.
 */
import type { Lang } from '../languages';

export interface WordSpan {
  /** Normalised word (lower case, straight apostrophe). */
  word: string;
  start: number;
  end: number;
}

/** Leading operative number (`6.`, `5 bis.`), sub-paragraph label (`(a)`, `(iv)`, `a.`), list bullets. */
const LEADING_LABEL =
  /^[\s>*_-]*(?:\d+(?:\s+(?:bis|ter|quater|quinquies|sexies))?\s*\.|\(\s*(?:[a-z]{1,3}|[ivxlcdm]+|\d+)\s*\)|[a-z]\.(?=\s))[ \t\u00a0]*/i;

const EXCLUDED: RegExp[] = [
  /\]\([^)\s]*\)/g, // markdown link target: [text](url) → text
  /<sup>[^<]*<\/sup>/gi, // HTML superscript footnote marker
  /<!--[\s\S]*?-->/g, // HTML comment (directives)
  /<\/?[a-zA-Z][^>]*>/g, // any other HTML tag
  /\[\^[^\]\s]*\]/g, // [^1] footnote marker
  /(?:https?|command|file|vscode):\S+/gi, // bare URIs
];

/** Numbering of the other languages: also `1 -` (Arabic), `(أ)`, full-width brackets. */
const LEADING_LABEL_INTL =
  /^[\s>*_-]*(?:\d+(?:\s+(?:bis|ter|quater|quinquies|sexies))?\s*[.\-–]|[(（]\s*(?:\p{L}{1,3}|\d+)\s*[)）]|[a-z]\.(?=\s))[ \t\u00a0]*/iu;

const WORD = /[\p{L}\p{Nd}]+(?:['’][\p{L}]+)*/gu;
/** Words of the other languages keep their combining marks (Arabic vowels, decomposed accents) until folded. */
const WORD_INTL = /[\p{L}\p{M}\p{Nd}]+(?:['’][\p{L}\p{M}]+)*/gu;

/** French and Spanish elided articles and conjunctions, split from the word they precede. */
const ELISION = /^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu|quoiqu|presqu)['’](?=[\p{L}\p{Nd}])/iu;
const ARABIC_MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const ARABIC_FOLD: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي', ؤ: 'و', ئ: 'ي' };
const ARABIC_FOLDED = /[أإآٱةىؤئ٠-٩۰-۹]/g;

/** The normalised form of one word of `lang` (case folded and, per language, letter forms unified). */
export function foldWord(word: string, lang: Lang = 'en'): string {
  let w = word.toLowerCase();
  if (w.includes('’')) w = w.replace(/’/g, "'");
  switch (lang) {
    case 'ru':
      return w.includes('ё') ? w.replace(/ё/g, 'е') : w;
    case 'ar':
      return w
        .replace(ARABIC_MARKS, '')
        .replace(ARABIC_FOLDED, (c) => ARABIC_FOLD[c] ?? String((c.charCodeAt(0) - (c >= '۰' ? 0x06f0 : 0x0660)) % 10));
    default:
      return w;
  }
}

let segmenter: Intl.Segmenter | null | undefined;
/** The ICU word segmenter for Chinese; null where the runtime has none (then: character bigrams). */
export function chineseSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    try {
      segmenter =
        typeof Intl.Segmenter === 'function' && Intl.Segmenter.supportedLocalesOf(['zh']).length > 0
          ? new Intl.Segmenter('zh', { granularity: 'word' })
          : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
}

const HAN_RUN = /[\p{Script=Han}]+|[\p{L}\p{M}\p{Nd}]+/gu;

/** Words of a Chinese text (with offsets): ICU word segments, or runs of Han characters cut into bigrams. */
function chineseSpans(text: string, push: (word: string, start: number, end: number) => void): void {
  const seg = chineseSegmenter();
  if (seg) {
    for (const s of seg.segment(text)) if (s.isWordLike) push(s.segment.toLowerCase(), s.index, s.index + s.segment.length);
    return;
  }
  HAN_RUN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HAN_RUN.exec(text))) {
    const w = m[0];
    if (!/\p{Script=Han}/u.test(w[0]) || w.length === 1) push(w.toLowerCase(), m.index, m.index + w.length);
    else for (let i = 0; i + 1 < w.length; i++) push(w.slice(i, i + 2), m.index + i, m.index + i + 2);
  }
}

/** The words of `text` (written in `lang`, default English) with their offsets in `text`. */
export function wordSpans(text: string, lang: Lang = 'en'): WordSpan[] {
  const excluded: Array<[number, number]> = [];
  const lead = (lang === 'en' ? LEADING_LABEL : LEADING_LABEL_INTL).exec(text);
  if (lead && lead[0].length > 0 && /[\d(.]/.test(lead[0])) excluded.push([0, lead.index + lead[0].length]);
  for (const re of EXCLUDED) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      excluded.push([m.index + (m[0].startsWith('](') ? 1 : 0), m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  excluded.sort((a, b) => a[0] - b[0]);
  const out: WordSpan[] = [];
  let ex = 0;
  const push = (word: string, start: number, end: number) => {
    while (ex < excluded.length && excluded[ex][1] <= start) ex++;
    for (let i = ex; i < excluded.length && excluded[i][0] < end; i++) if (excluded[i][1] > start) return;
    out.push({ word, start, end });
  };
  if (lang === 'zh') {
    chineseSpans(text, push);
    return out;
  }
  if (lang !== 'en') {
    WORD_INTL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = WORD_INTL.exec(text))) {
      let start = m.index;
      let w = m[0];
      if (lang === 'fr' || lang === 'es') {
        let e: RegExpExecArray | null;
        while ((e = ELISION.exec(w))) {
          push(foldWord(e[0], lang), start, start + e[0].length);
          start += e[0].length;
          w = w.slice(e[0].length);
        }
      }
      push(foldWord(w, lang), start, start + w.length);
    }
    return out;
  }
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    while (ex < excluded.length && excluded[ex][1] <= start) ex++;
    let skip = false;
    for (let i = ex; i < excluded.length && excluded[i][0] < end; i++) {
      if (excluded[i][1] > start) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    out.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start, end });
  }
  return out;
}

const NEEDS_EXCLUSION = /\]\(|<|\[\^|[a-z]:\S/i;
const WORD_LOWER = /[\p{L}\p{Nd}]+(?:['’][\p{L}]+)*/gu;

/** The normalised words of `text` in `lang` (the same words as wordSpans, faster: no offsets). */
export function words(text: string, lang: Lang = 'en'): string[] {
  if (lang !== 'en' || NEEDS_EXCLUSION.test(text)) return wordSpans(text, lang).map((w) => w.word);
  const lead = LEADING_LABEL.exec(text);
  if (lead && lead[0].length > 0 && /[\d(.]/.test(lead[0])) text = text.slice(lead.index + lead[0].length);
  const m = text.toLowerCase().match(WORD_LOWER);
  if (!m) return [];
  for (let i = 0; i < m.length; i++) if (m[i].includes('’')) m[i] = m[i].replace(/’/g, "'");
  return m;
}

/** What `plainEnglish` makes of each UTF-16 code unit, filled on first sight: 0 unknown, 1 plain, 2 not plain. */
const PLAIN = new Uint8Array(0x10000);
const WORD_CHAR = /[\p{L}\p{Nd}]/u;
const HAN_CHAR = /\p{Script=Han}/u;
const MARK_CHAR = /\p{M}/u;

function plainChar(c: number): number {
  let k = PLAIN[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    // not plain: half of a surrogate pair, a combining mark, a Chinese character (each a word of
    // its own in the text store), a capital sigma (lower-cased by context), a character whose
    // lower case is longer or is a letter when it is not (or the reverse), a markup character
    const bad =
      (c >= 0xd800 && c <= 0xdfff) ||
      MARK_CHAR.test(ch) ||
      HAN_CHAR.test(ch) ||
      c === 0x3a3 ||
      lower.length !== 1 ||
      WORD_CHAR.test(ch) !== WORD_CHAR.test(lower) ||
      ch === '<';
    k = PLAIN[c] = bad ? 2 : 1;
  }
  return k;
}

let scratch = new Uint16Array(1024);

/** Letters and digits (ASCII) or any other letter or digit (`WORD_CHAR`). */
function isWordChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x80 && WORD_CHAR.test(String.fromCharCode(c)))
  );
}

/** How the English words of a text follow from its runs of letters and digits (`plainEnglish`). */
export const Plain = {
  /** Not simply: the regular expressions' way (`words`) is needed. */
  No: 0,
  /** Its words are its runs of letters and digits, lower-cased, in order. */
  Runs: 1,
  /**
   * The same, except that a run followed by an apostrophe (' or ’) and a run of ASCII letters is
   * one word with them (`women’s` → `women's`), and so on along the word.
   */
  Apostrophes: 2,
} as const;
export type Plain = (typeof Plain)[keyof typeof Plain];

export function isApostrophe(c: number): boolean {
  return c === 0x27 || c === 0x2019;
}

/**
 * Whether the English words of `text` (`words(text)`) are simply its runs of letters and digits,
 * lower-cased, in order: no leading paragraph number or label, no markup, link, footnote marker or
 * URI, no combining mark or Chinese character, no character whose lower case depends on its
 * context or changes length, and apostrophes inside words only before ASCII letters (`Plain`).
 * (`Plain.No` when in doubt: the caller then takes the regular expressions' way.) `codes`: the
 * text's code units, when the caller has them.
 */
export function plainEnglish(text: string, codes?: Uint16Array): Plain {
  const len = text.length;
  if (!codes) {
    if (scratch.length < len) scratch = new Uint16Array(len * 2);
    for (let i = 0; i < len; i++) scratch[i] = text.charCodeAt(i);
    codes = scratch;
  }
  let result: Plain = Plain.Runs;
  // (a code unit past the end reads as 0 or a stale one: each look-ahead checks the length)
  for (let i = 0; i < len; i++) {
    const c = codes[i];
    if (c < 0x80) {
      if (c === 0x3c) return Plain.No; // <
      if (c === 0x5d && i + 1 < len && codes[i + 1] === 0x28) return Plain.No; // ](
      if (c === 0x5b && i + 1 < len && codes[i + 1] === 0x5e) return Plain.No; // [^
      if (c === 0x3a && i > 0 && i + 1 < len) {
        // letter:non-space (a URI)
        const p = codes[i - 1] | 0x20;
        if (p >= 0x61 && p <= 0x7a && codes[i + 1] !== 0x20) return Plain.No;
      }
    } else if ((PLAIN[c] || plainChar(c)) === 2) {
      return Plain.No;
    }
    if (isApostrophe(c) && i > 0 && i + 1 < len && isWordChar(codes[i + 1]) && isWordChar(codes[i - 1])) {
      // inside a word: what follows must be ASCII letters up to the word's end (a digit would
      // end the word there, the run not)
      let j = i + 1;
      for (; j < len && isWordChar(codes[j]); j++) {
        const l = codes[j] | 0x20;
        if (l < 0x61 || l > 0x7a) return Plain.No;
      }
      result = Plain.Apostrophes;
    }
  }
  const lead = LEADING_LABEL.exec(text);
  return lead && lead[0].length > 0 && /[\d(.]/.test(lead[0]) ? Plain.No : result;
}

/** The normalised form of `text`: its words joined by single spaces. */
export function normalize(text: string, lang: Lang = 'en'): string {
  return words(text, lang).join(' ');
}

/**
 * Maps words to single UTF-16 code units so that word sequences become short strings that
 * fastest-levenshtein compares word by word. Codes below RESERVED are vocabulary words; when the
 * vocabulary outgrows them, further words share codes by hash (a rare, harmless collision).
 * Query-only words get codes from the reserved range so they never match corpus words.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [''];
  static readonly RESERVED = 0xf000;

  get size(): number {
    return this.list.length - 1;
  }

  /** Code of `word`, adding it to the vocabulary. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      if (this.list.length < Vocabulary.RESERVED) {
        id = this.list.length;
        this.list.push(word);
      } else {
        id = 1 + (hashString(word) % (Vocabulary.RESERVED - 1));
      }
      this.ids.set(word, id);
    }
    return id;
  }

  /** Code of `word` if known. */
  get(word: string): number | undefined {
    return this.ids.get(word);
  }

  private sortedWords: Array<[string, number]> = [];

  /** Codes of the vocabulary words that start with `prefix` (at most `max`). */
  codesWithPrefix(prefix: string, max = 5000): number[] {
    if (this.sortedWords.length !== this.ids.size) {
      this.sortedWords = [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    }
    const list = this.sortedWords;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid][0] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < list.length && out.length < max && list[i][0].startsWith(prefix); i++) out.push(list[i][1]);
    return out;
  }

  word(code: number): string | undefined {
    return code < this.list.length ? this.list[code] : undefined;
  }

  /** Every word added, in the order of adding (adding them again in this order gives the same codes). */
  entries(): string[] {
    return [...this.ids.keys()];
  }

  /** Writes the codes of corpus words (growing the vocabulary) into `out` from `at`. */
  encodeTo(ws: string[], out: Uint16Array, at: number): void {
    for (let i = 0; i < ws.length; i++) out[at + i] = this.add(ws[i]);
  }

  private buffer = new Uint16Array(1024);

  /** Encodes corpus words (growing the vocabulary). */
  encode(ws: string[]): string {
    if (this.buffer.length < ws.length) this.buffer = new Uint16Array(ws.length * 2);
    const buf = this.buffer;
    for (let i = 0; i < ws.length; i++) buf[i] = this.add(ws[i]);
    let s = '';
    for (let i = 0; i < ws.length; i += 8192) {
      s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(ws.length, i + 8192)) as unknown as number[]);
    }
    return s;
  }

  /** Encodes query words without growing the vocabulary: unknown words get distinct reserved codes. */
  encodeQuery(ws: string[]): string {
    let s = '';
    const unknown = new Map<string, number>();
    for (const w of ws) {
      let id = this.ids.get(w);
      if (id === undefined) {
        id = unknown.get(w);
        if (id === undefined) {
          id = Vocabulary.RESERVED + (unknown.size % (0xffff - Vocabulary.RESERVED));
          unknown.set(w, id);
        }
      }
      s += String.fromCharCode(id);
    }
    return s;
  }
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
