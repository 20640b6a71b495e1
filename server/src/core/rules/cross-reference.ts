import { resolveTarget } from '../fix';
import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { operativeAt, rangeOf } from './util';
import type { CrossReference, ResolutionDocument, SubParagraph } from '../model';

const PARENS_AND_SPACES_RE = /[()\s]/g;
const LABEL_MARKS_RE = /[().\s]/g;

/** The sub-paragraph labelled `sub` ("(b)") among items and their children. */
function findSub(items: SubParagraph[], sub: string): SubParagraph | undefined {
  const want = sub.replace(PARENS_AND_SPACES_RE, '').toLowerCase();
  for (const s of items) {
    if (s.label.text.replace(LABEL_MARKS_RE, '').toLowerCase() === want) return s;
    const inner = findSub(s.children, sub);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The reference as the draft writes it, in its language ("paragraphe 5 ci-dessus"); English drafts
 * keep the form that names only this target ("paragraph 5 above").
 */
function quotedRef(doc: ResolutionDocument, ref: CrossReference, label: string): string {
  return `“${doc.lang === 'en' ? `paragraph ${label} ${ref.direction}` : doc.source.slice(ref.start, ref.end).replace(SPACES_RE, ' ')}”`;
}

const SPACES_RE = /\s+/g;

const id = 'cross-reference';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'An internal reference (`paragraph N above/below`) that points to no paragraph, or the wrong way.',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    const { doc, lines } = ctx;
    if (!doc.operative.some((p) => p.number)) return;
    for (const ref of doc.crossReferences) {
      if (!ref.direction) continue;
      const here = operativeAt(doc, ref.start);
      for (const t of ref.targets) {
        const target = resolveTarget(doc, ref, t.text);
        const label = t.text.trim();
        if (target === undefined) {
          ctx.report({ range: rangeOf(lines, t), message: ctx.t('cross-reference.nowhere', { ref: quotedRef(doc, ref, label), label }) });
          continue;
        }
        // "paragraph 1 (b) below" inside paragraph 1 points to its own sub-paragraph (b): the
        // direction is judged from that sub-paragraph.
        const within = !!(here && here.index === target && ref.sub);
        const subItem = within ? findSub(doc.operative[target].subparagraphs, ref.sub!) : undefined;
        const targetStart = subItem ? subItem.start : doc.operative[target].start;
        const wrongWay = within && !subItem ? false : ref.direction === 'above' ? targetStart > ref.start : targetStart < ref.start;
        if (wrongWay || (here && here.index === target && !within)) {
          ctx.report({
            range: rangeOf(lines, t),
            message:
              here && here.index === target
                ? ctx.t('cross-reference.self', { ref: quotedRef(doc, ref, label) })
                : ctx.t('cross-reference.wrongWay', {
                    ref: quotedRef(doc, ref, label),
                    label,
                    where: ctx.t(ref.direction === 'above' ? 'where.below' : 'where.above'),
                  }),
          });
          continue;
        }
        if (ref.sub) {
          if (!findSub(doc.operative[target].subparagraphs, ref.sub)) {
            ctx.report({ range: rangeOf(lines, ref), message: ctx.t('cross-reference.noSub', { label, sub: ref.sub.trim() }) });
          }
        }
      }
    }
  },
};
