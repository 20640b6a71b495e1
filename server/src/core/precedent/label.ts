/**
 * How a precedent's source is named, in hovers, completions, the command line and the client's
 * precedent list: "A/RES/75/311, op. 6 · 2021". Plain functions without imports, so the client
 * bundle can take them.
 */

/** Where a paragraph stands in its resolution: "op. 6", "pp. 3", "para. 6 (a)", "text". */
export function paragraphPlace(kind: string | undefined, paragraph: string | number | undefined): string {
  const p = paragraph === undefined || paragraph === '' ? '' : ` ${paragraph}`;
  return kind === 'operative' ? `op.${p}` : kind === 'preambular' ? `pp.${p}` : kind === 'subparagraph' ? `para.${p}` : 'text';
}

export interface LabelledSource {
  symbol?: string;
  path?: string;
  kind?: string;
  paragraph?: string | number;
  date?: string;
}

/**
 * "A/RES/75/311, op. 6 · 2021": the symbol (else the file's name), the paragraph and the year of
 * adoption (`full`: the whole date).
 */
export function sourceLabel(source: LabelledSource, full = false): string {
  const name = source.symbol || (source.path ? source.path.split(/[\\/]/).pop() : '') || 'corpus';
  const year = source.date ? (full ? source.date : (/\d{4}/.exec(source.date)?.[0] ?? source.date)) : '';
  return `${name}, ${paragraphPlace(source.kind, source.paragraph)}${year ? ` · ${year}` : ''}`;
}
