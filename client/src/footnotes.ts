/**
 * Where "Insert footnote" puts the marker and the definition. Plain TypeScript (no vscode import)
 * so it can be unit-tested.
 */

export type MarkerStyle = 'unicode' | 'sup' | 'caret';

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function toSuperscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)])
    .join('');
}

function fromSuperscript(s: string): number {
  let v = 0;
  for (const ch of s) v = v * 10 + SUPERSCRIPT.indexOf(ch);
  return v;
}

export function markerText(style: MarkerStyle, n: number): string {
  switch (style) {
    case 'unicode':
      return toSuperscript(n);
    case 'sup':
      return `<sup>${n}</sup>`;
    case 'caret':
      return `[^${n}]`;
  }
}

export function definitionPrefix(style: MarkerStyle, n: number): string {
  return style === 'caret' ? `[^${n}]: ` : `${markerText(style, n)} `;
}

/** The footnote numbers used in a text, by style (markers and definitions alike). */
export function scanFootnotes(text: string): { style: MarkerStyle; max: number; counts: Record<MarkerStyle, number> } {
  const counts: Record<MarkerStyle, number> = { unicode: 0, sup: 0, caret: 0 };
  let max = 0;
  for (const m of text.matchAll(/<sup>\s*(\d+)\s*<\/sup>/gi)) {
    counts.sup++;
    max = Math.max(max, Number(m[1]));
  }
  for (const m of text.matchAll(/\[\^(\d+)\]/g)) {
    counts.caret++;
    max = Math.max(max, Number(m[1]));
  }
  for (const m of text.matchAll(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g)) {
    counts.unicode++;
    max = Math.max(max, fromSuperscript(m[0]));
  }
  let style: MarkerStyle = 'unicode';
  if (counts.sup > counts[style]) style = 'sup';
  if (counts.caret > counts[style]) style = 'caret';
  return { style, max, counts };
}

export interface FootnotePlan {
  number: number;
  style: MarkerStyle;
  /** Insert `marker` at `markerOffset`. */
  markerOffset: number;
  marker: string;
  /** Insert `definition` at `definitionOffset` (an offset in the original text). */
  definitionOffset: number;
  definition: string;
  /** Where the cursor goes after both inserts, as an offset into the new text. */
  cursorOffset: number;
}

const DEFINITION_LINE = /^(?:[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s|<sup>\s*\d+\s*<\/sup>|\[\^\d+\]:)/;

/**
 * Plans a new footnote at `offset`: the next number after the highest in the text, the marker at the
 * cursor in the text's prevailing style, and the definition on its own line after the paragraph
 * holding the cursor (after any definitions that already follow that paragraph).
 */
export function planFootnote(text: string, offset: number): FootnotePlan {
  offset = Math.max(0, Math.min(offset, text.length));
  const { style, max } = scanFootnotes(text);
  const number = max + 1;
  const marker = markerText(style, number);

  // End of the paragraph: the end of the last non-blank line of the block holding the cursor.
  const lines = splitLines(text);
  let li = lines.findIndex((l) => offset >= l.start && offset <= l.end);
  if (li < 0) li = lines.length - 1;
  while (li + 1 < lines.length && lines[li + 1].text.trim() !== '') li++;
  // Skip definitions that directly follow this paragraph (blank lines between are fine).
  let end = li;
  for (let j = li + 1; j < lines.length; j++) {
    if (lines[j].text.trim() === '') continue;
    if (DEFINITION_LINE.test(lines[j].text)) {
      end = j;
      continue;
    }
    break;
  }
  const definitionOffset = lines[end].end;
  const prefix = definitionPrefix(style, number);
  const definition = `\n\n${prefix}`;
  // Cursor after the prefix of the definition; the marker insert shifts it when it comes first.
  const shift = offset <= definitionOffset ? marker.length : 0;
  const cursorOffset = definitionOffset + shift + definition.length;
  return { number, style, markerOffset: offset, marker, definitionOffset, definition, cursorOffset };
}

interface Line {
  start: number;
  end: number;
  text: string;
}

function splitLines(text: string): Line[] {
  const out: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    out.push({ start, end: m.index, text: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, text: text.slice(start) });
  return out;
}
