/** Checks of scope 'paragraph': one function per paragraph, run over all of them or over those that changed. */
import type { Paragraph, ResolutionDocument } from '../model';
import type { ParagraphCheck, ParagraphPlace, Rule, RuleMeta } from './types';

const NOT_LAST: ParagraphPlace = { last: false };
const LAST: ParagraphPlace = { last: true };

/** Calls `fn` on the paragraphs of `parts` in the order a paragraph check reads them (preamble first). */
export function eachParagraph(
  doc: ResolutionDocument,
  parts: ParagraphCheck['parts'],
  fn: (p: Paragraph, place: ParagraphPlace) => void,
): void {
  if (parts !== 'operative') for (const p of doc.preamble) fn(p, NOT_LAST);
  if (parts !== 'preamble') {
    const ops = doc.operative;
    for (let i = 0; i < ops.length; i++) fn(ops[i], i === ops.length - 1 ? LAST : NOT_LAST);
  }
}

/** A check of scope 'paragraph': its full run is its paragraph function over every paragraph, then its document part. */
export function paragraphRule(meta: RuleMeta, paragraph: ParagraphCheck): Rule {
  return {
    meta: { ...meta, scope: 'paragraph' },
    paragraph,
    check(ctx) {
      eachParagraph(ctx.doc, paragraph.parts, (p, place) => paragraph.check(ctx, p, place));
      paragraph.document?.(ctx);
    },
  };
}
