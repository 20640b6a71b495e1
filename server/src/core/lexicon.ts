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
  if (!/^[ivxlcdm]+$/.test(s)) return undefined;
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
  if (!/^([a-z])\1*$/.test(s)) return undefined;
  return (s.length - 1) * 26 + (s.charCodeAt(0) - 96);
}

// ---------------------------------------------------------------- sub-paragraph labels

export type SubLabelKind = 'alpha' | 'roman';

/** Regular-expression source of the letters of a sub-paragraph label (the parser checks the value). */
export const SUBLABEL_LETTERS_SRC = '[a-z]+';

/** A sub-paragraph label written in parentheses, as in "paragraph 1 (e) below". */
export const PAREN_SUBLABEL_SRC = `\\(${SUBLABEL_LETTERS_SRC}\\)`;

/** The letters of label n of a kind. */
export function subLabelLetters(kind: SubLabelKind, n: number): string {
  return kind === 'alpha' ? toAlpha(n) : toRoman(n);
}

/** The values a label's letters may have as either kind (a label like "i" or "v" is both). */
export function subLabelValues(letters: string): { alpha?: number; roman?: number } {
  const l = letters.toLowerCase();
  return { alpha: alphaValue(l), roman: romanValue(l) };
}

// ---------------------------------------------------------------- superscript digits

export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
/** Regular-expression source of a run of superscript digits. */
export const SUPERSCRIPT_RUN_SRC = `[${SUPERSCRIPT_DIGITS}]+`;

/** "12" → "¹²" (other characters unchanged). */
export function toSuperscript(digits: string): string {
  return [...digits].map((d) => (/\d/.test(d) ? SUPERSCRIPT_DIGITS[+d] : d)).join('');
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
