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

/** A short label for a precedent source: "A/RES/75/311, op. 6 · 2021". */
export function sourceLabel(source: { symbol?: string; path?: string; kind?: string; paragraph?: string | number; date?: string }): string {
  const name = source.symbol || (source.path ? source.path.split(/[\\/]/).pop() : '') || 'corpus';
  const kind = source.kind === 'operative' ? 'op.' : source.kind === 'preambular' ? 'pp.' : (source.kind ?? '');
  const para = source.paragraph !== undefined && source.paragraph !== '' ? ` ${kind} ${source.paragraph}`.replace(/\s+/g, ' ') : '';
  const year = source.date ? (/(\d{4})/.exec(source.date)?.[1] ?? source.date) : '';
  return `${name}${para ? ',' + para : ''}${year ? ' · ' + year : ''}`;
}

/** Splits a paragraph into lines at clause boundaries so a diff editor shows changes readably. */
export function clauseLines(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([;,:])\s+/g, '$1\n');
}
