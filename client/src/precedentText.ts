/**
 * Text helpers for the precedent commands. Plain TypeScript (no vscode import).
 */

const NUMBER_PREFIX = /^(\s*\d+(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\.\s+)/i;

/** The number prefix of an operative paragraph ("6. ", "5 bis. "), or ''. */
export function numberPrefix(text: string): string {
  const m = NUMBER_PREFIX.exec(text);
  return m ? m[1] : '';
}

/** Precedent text without its own paragraph number. */
export function withoutNumber(text: string): string {
  return text.replace(NUMBER_PREFIX, '');
}

/**
 * The new text of a paragraph replaced by a precedent: the paragraph keeps its own number
 * (so numbering stays right), the rest becomes the precedent's wording.
 */
export function replacementText(current: string, precedent: string): string {
  return numberPrefix(current) + withoutNumber(precedent).trim();
}

/** Splits a paragraph into lines at clause boundaries so a diff editor shows changes readably. */
export function clauseLines(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([;,:])\s+/g, '$1\n');
}
