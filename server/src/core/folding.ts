/** Foldable stretches of a resolution, by line. */
import type { ResolutionDocument } from './model';

export interface Fold {
  startLine: number;
  endLine: number;
  kind?: 'region' | 'comment';
}

export function foldingRanges(doc: ResolutionDocument): Fold[] {
  const folds: Fold[] = [];
  const add = (startLine: number, endLine: number, kind?: Fold['kind']) => {
    if (endLine > startLine) folds.push({ startLine, endLine, kind });
  };
  if (doc.frontMatter.length)
    add(doc.frontMatter[0].range.start.line, doc.frontMatter[doc.frontMatter.length - 1].range.end.line, 'region');
  if (doc.preamble.length) add(doc.preamble[0].range.start.line, doc.preamble[doc.preamble.length - 1].range.end.line, 'region');
  if (doc.operative.length) add(doc.operative[0].range.start.line, doc.operative[doc.operative.length - 1].range.end.line, 'region');
  for (const p of [...doc.preamble, ...doc.operative]) add(p.range.start.line, p.range.end.line);
  // Runs of consecutive footnote definitions.
  let runStart = -1;
  let runEnd = -1;
  for (const b of doc.blocks) {
    if (b.kind === 'footnoteDefinition' || b.kind === 'rule') {
      if (runStart < 0) runStart = b.range.start.line;
      runEnd = b.range.end.line;
    } else if (runStart >= 0) {
      add(runStart, runEnd, 'comment');
      runStart = -1;
    }
  }
  if (runStart >= 0) add(runStart, runEnd, 'comment');
  // Headings fold to the next heading of the same or a higher level.
  const headings = doc.blocks.filter((b) => b.kind === 'heading' && b.level);
  for (let i = 0; i < headings.length; i++) {
    const h = headings[i];
    const next = headings.slice(i + 1).find((n) => (n.level ?? 9) <= (h.level ?? 9));
    const end = next ? next.range.start.line - 1 : doc.lineCount - 1;
    add(h.range.start.line, end);
  }
  return folds;
}
