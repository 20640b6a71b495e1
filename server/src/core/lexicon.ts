/**
 * Facts of the drafting conventions that several parts of the product read and write: paragraph
 * suffixes of negotiation drafts (`5 bis`), sub-paragraph labels (`(a)` … `(z)`, `(aa)`, `(bb)` …;
 * `(i)`, `(ii)` …), roman numerals and superscript digits. Written once here; the parser reads
 * with these and the fixes write with these, so what one writes the other reads back, for any
 * length. Plain TypeScript, no LSP import.
 */

/** Suffixes of paragraphs inserted in negotiation (`5 bis`, `5 ter` …), in order. */
export const PARAGRAPH_SUFFIXES = ['bis', 'ter', 'quater', 'quinquies', 'sexies', 'septies', 'octies', 'novies', 'decies'] as const;

/** Regular-expression source matching one paragraph suffix. */
export const PARAGRAPH_SUFFIX_SRC = `(?:${PARAGRAPH_SUFFIXES.join('|')})`;

/** Patterns of the readers below, built once. */
const ROMAN_RE = /^[ivxlcdm]+$/;
const ALPHA_LABEL_RE = /^([a-z])\1*$/;
const QUOTED_NUMERAL_RE = /^\u2019(\d{1,3})\u2018$/;
const ARABIC_RE = /[\u0600-\u06ff\ufb50-\ufeff]/;
const CYRILLIC_LABEL_RE = /[а-яёі]/;
const DIGIT_RE = /\d/;

// ---------------------------------------------------------------- roman numerals

const ROMAN_TABLE: Array<[number, string]> = [
  [1000, 'm'],
  [900, 'cm'],
  [500, 'd'],
  [400, 'cd'],
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];
const ROMAN_DIGIT: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** n (≥ 1) in lower-case roman numerals. */
export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN_TABLE) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** The value of a lower-case roman numeral in canonical form ("iv", not "iiii"), or undefined. */
export function romanValue(s: string): number | undefined {
  if (!ROMAN_RE.test(s)) return undefined;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN_DIGIT[s[i]];
    const next = i + 1 < s.length ? ROMAN_DIGIT[s[i + 1]] : 0;
    total += v < next ? -v : v;
  }
  return total > 0 && toRoman(total) === s ? total : undefined;
}

// ---------------------------------------------------------------- alphabetic labels

/**
 * The alphabetic label of item n (≥ 1): a … z, then aa, bb … zz, then aaa … — the series the
 * Editorial Manual continues after (z).
 */
export function toAlpha(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** The value of an alphabetic label ("c" → 3, "bb" → 28), or undefined. */
export function alphaValue(s: string): number | undefined {
  if (!ALPHA_LABEL_RE.test(s)) return undefined;
  return (s.length - 1) * 26 + (s.charCodeAt(0) - 96);
}

// ---------------------------------------------------------------- sub-paragraph labels

export type SubLabelKind = 'alpha' | 'roman';

/**
 * The alphabets whose letters label sub-paragraphs, in order: Latin `a` … `z` (English, French,
 * Spanish, Chinese and the UN's Russian texts); the Russian alphabet `а) б) в) г)` … without ё, й,
 * ъ, ы, ь, as Russian drafting letters lists outside the UN; the Arabic letters in abjad order as
 * the UN's Arabic texts run them, one for each of `(a)` … `(z)`: `(أ) (ب) (ج) (د) (ه)` … `(ض)`, then
 * doubled with a space, `(أ أ) (ب ب)` … (also typed `(أأ)`), as `(aa) (bb)`. Which a language uses is in language-facts.
 */
export type LabelAlphabet = 'latin' | 'cyrillic' | 'abjad';

export const LABEL_ALPHABETS: Readonly<Record<LabelAlphabet, { letters: readonly string[]; joiner: string }>> = {
  latin: { letters: [...'abcdefghijklmnopqrstuvwxyz'], joiner: '' },
  cyrillic: { letters: [...'абвгдежзиклмнопрстуфхцчшщэюя'], joiner: '' },
  abjad: { letters: [...'أبجدهوزحطيكلمنسعفصقرشتثخذض'], joiner: ' ' },
};

/**
 * Cyrillic letters that look like Latin ones: Russian texts of the UN letter their lists `a)`,
 * `b)`, `c)` in Latin, and now and then a Cyrillic `а)`, `с)` or `е)` is typed in their place.
 */
export const LATIN_LOOKALIKES: Readonly<Record<string, string>> = { а: 'a', с: 'c', е: 'e', о: 'o', р: 'p', х: 'x', у: 'y', і: 'i' };

const ARABIC_LETTER = String.raw`[\u0621-\u064a\ufe80-\ufefc]\u0640?`;

/**
 * Regular-expression source of the letters of a sub-paragraph label in any of the alphabets (the
 * parser checks the value against the draft's language). No capturing group.
 */
export const SUBLABEL_LETTERS_SRC = `(?:[a-z]+|[а-яёі]+|${ARABIC_LETTER}(?: ?${ARABIC_LETTER})*)`;

/**
 * Regular-expression source of a second-level label written without parentheses or dot, in the
 * place of `(i)`, `(ii)`: the UN's Arabic texts number them `’1‘`, `’2‘` (digits between turned
 * quotation marks); its Chinese texts `㈠`, `㈡` … `㈩`. No capturing group.
 */
export const SUBLABEL_NUMERAL_SRC = '(?:\u2019\\d{1,3}\u2018|[\u3220-\u3229])';

/** The value of such a label ("’3‘" → 3, "㈢" → 3), or undefined. */
export function numeralValue(label: string): number | undefined {
  const m = QUOTED_NUMERAL_RE.exec(label);
  if (m) return +m[1] > 0 ? +m[1] : undefined;
  const c = label.length === 1 ? label.charCodeAt(0) : 0;
  return c >= 0x3220 && c <= 0x3229 ? c - 0x321f : undefined;
}

/** Label n in the numeral form of `template` ("’1‘" → "’n‘"; "㈠" → "㈠" … "㈩", then "(xi)" …). */
export function numeralLabel(template: string, n: number): string {
  if (template.startsWith('\u2019')) return `\u2019${n}\u2018`;
  return n <= 10 ? String.fromCharCode(0x321f + n) : `(${toRoman(n)})`;
}

/** A sub-paragraph label written in parentheses, as in "paragraph 1 (e) below". */
export const PAREN_SUBLABEL_SRC = `\\(${SUBLABEL_LETTERS_SRC}\\)`;

/** Arabic letters as typed in a label, in the form the series writes them ("ﻫ", "هـ" → "ه"; "ا" → "أ"). */
function normaliseArabic(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/\u0640/g, '')
    .replace(/[اإآ]/g, 'أ')
    .replace(/ى/g, 'ي');
}

/** The alphabet a label's letters are written in (Cyrillic look-alikes of Latin letters count as Latin). */
export function labelAlphabetOf(letters: string): LabelAlphabet {
  const l = letters.toLowerCase();
  if (ARABIC_RE.test(l)) return 'abjad';
  if ([...l].some((ch) => CYRILLIC_LABEL_RE.test(ch) && !LATIN_LOOKALIKES[ch])) return 'cyrillic';
  return 'latin';
}

/** The value of a label in one alphabet ("c" → 3, "bb" → 28, "в" → 3, "ب ب" → 28), or undefined. */
export function letterValue(alphabet: LabelAlphabet, letters: string): number | undefined {
  const { letters: series, joiner } = LABEL_ALPHABETS[alphabet];
  const l = alphabet === 'abjad' ? normaliseArabic(letters) : letters.toLowerCase();
  const s = joiner ? l.split(joiner).join('') : l; // "(أأ)" is typed for "(أ أ)" too
  if (s.length === 0) return undefined;
  // the label's characters (code points) must all be its first one, a letter of the series
  const first = String.fromCodePoint(s.codePointAt(0)!);
  const i = series.indexOf(first);
  if (i < 0) return undefined;
  const count = s.length / first.length;
  if (s !== first && (!Number.isInteger(count) || s !== first.repeat(count))) return undefined;
  return (count - 1) * series.length + i + 1;
}

/** Letters of item n (≥ 1) in an alphabet: a … z, aa …; а … я, аа …; أ … ض, أ أ … */
export function lettersOf(alphabet: LabelAlphabet, n: number): string {
  const { letters: series, joiner } = LABEL_ALPHABETS[alphabet];
  const letter = series[(n - 1) % series.length];
  return Array<string>(Math.floor((n - 1) / series.length) + 1)
    .fill(letter)
    .join(joiner);
}

/** The letters of label n of a kind (alphabetic ones in the alphabet given, Latin by default). */
export function subLabelLetters(kind: SubLabelKind, n: number, alphabet: LabelAlphabet = 'latin'): string {
  return kind === 'alpha' ? lettersOf(alphabet, n) : toRoman(n);
}

/**
 * The values a label's letters may have as either kind (a label like "i" or "v" is both), reading
 * them in the alphabets given (a language's `labelAlphabets`; Latin by default). Letters that read
 * as more than one alphabetic value (a Cyrillic "с)": c, the third, in a Latin list; с, the
 * seventeenth, in a Russian one) take `expected`, the value that continues the list, when they
 * can, else their Latin reading.
 */
export function subLabelValues(
  letters: string,
  alphabets: readonly LabelAlphabet[] = ['latin'],
  expected?: number,
): { alpha?: number; roman?: number } {
  const numeral = numeralValue(letters);
  if (numeral !== undefined) return { roman: numeral };
  const l = letters.toLowerCase();
  const candidates: number[] = [];
  let latin = l;
  if (alphabets.includes('latin') && CYRILLIC_LABEL_RE.test(l)) {
    latin = [...l].map((ch) => LATIN_LOOKALIKES[ch] ?? ch).join('');
    if (CYRILLIC_LABEL_RE.test(latin)) latin = l;
  }
  for (const a of alphabets) {
    const v = letterValue(a, a === 'latin' ? latin : l);
    if (v !== undefined) candidates.push(v);
  }
  const alpha = candidates.includes(expected ?? NaN) ? expected : candidates[0];
  return { alpha, roman: alphabets.includes('latin') ? romanValue(latin) : undefined };
}

// ---------------------------------------------------------------- superscript digits

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Regular-expression source of a run of superscript digits. */
export const SUPERSCRIPT_RUN_SRC = `[${SUPERSCRIPT_DIGITS}]+`;

/** "12" → "¹²" (other characters unchanged). */
export function toSuperscript(digits: string): string {
  return [...digits].map((d) => (DIGIT_RE.test(d) ? SUPERSCRIPT_DIGITS[+d] : d)).join('');
}

/** "¹²" → "12" (other characters unchanged). */
export function fromSuperscript(s: string): string {
  let out = '';
  for (const ch of s) {
    const i = SUPERSCRIPT_DIGITS.indexOf(ch);
    out += i >= 0 ? String(i) : ch;
  }
  return out;
}
