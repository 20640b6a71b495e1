/**
 * Character classes of one UTF-16 code unit with an ASCII fast path and a table for the rest of
 * the Basic Multilingual Plane (filled as characters are met): the parser and the language
 * detection ask these of every character they read, and a regular expression per character costs.
 */

const LETTER = 1;
const LETTER_OR_DIGIT = 2;
const SPACE = 4;
const WORD_PART = 8;
const KNOWN = 128;

/** Per code unit above ASCII: KNOWN | the classes it is in (0: not looked at yet). */
const table = new Uint8Array(0x10000);

function classesOf(c: number): number {
  let f = table[c];
  if (f === 0) {
    const ch = String.fromCharCode(c);
    f = KNOWN;
    if (/^\p{L}/u.test(ch)) f |= LETTER;
    if (/[\p{L}\p{N}]/u.test(ch)) f |= LETTER_OR_DIGIT;
    if (/\s/.test(ch)) f |= SPACE;
    if (/^[\p{L}\p{M}'’-]/u.test(ch)) f |= WORD_PART;
    table[c] = f;
  }
  return f;
}

/**
 * `/^\p{L}/u` on the code unit c (a lone surrogate is no letter; a letter beyond the BMP is read
 * from its pair, see letterLengthAt).
 */
export function isLetterCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return (classesOf(c) & LETTER) !== 0;
}

/** `/\s/` on the code unit c. */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return (classesOf(c) & SPACE) !== 0;
}

/** `/[\p{L}\p{N}]/u` on the code unit c (BMP). */
export function isLetterOrDigitCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (classesOf(c) & LETTER_OR_DIGIT) !== 0;
}

/** `/^[\p{L}\p{M}'’-]/u` on the code unit c (BMP). */
export function isWordPartCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 39 || c === 45;
  return (classesOf(c) & WORD_PART) !== 0;
}

/** Whether c is the first half of a surrogate pair. */
export function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
