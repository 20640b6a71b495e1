import { resolveTarget } from '../fix';
import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { rangeOf } from './util';
import type { CrossReference, OperativeParagraph, ResolutionDocument, SubParagraph } from '../model';

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

/** Does an offset fall in a paragraph (or one of its fragments)? */
function within(p: OperativeParagraph, offset: number): boolean {
  if (offset >= p.start && offset < p.end) return true;
  const fragments = p.fragments;
  for (let k = 0; k < fragments.length; k++) if (offset >= fragments[k].start && offset < fragments[k].end) return true;
  return false;
}

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
    const ops = doc.operative;
    // the operative paragraph each reference stands in (as operativeAt finds it): the references come
    // in order of place, so the last paragraph begun at or before each is found by walking forward
    let j = -1;
    let from = -1;
    // (indexed loops: run on every keystroke over thousands of references, maybe before they are
    // optimised, where a for-of makes an object per step)
    const refs = doc.crossReferences;
    for (let r = 0; r < refs.length; r++) {
      const ref = refs[r];
      if (!ref.direction) continue;
      if (ref.start < from) j = -1;
      from = ref.start;
      while (j + 1 < ops.length && ops[j + 1].start <= ref.start) j++;
      const here = j >= 0 && within(ops[j], ref.start) ? j : -1;
      const targets = ref.targets;
      for (let k = 0; k < targets.length; k++) {
        const t = targets[k];
        const target = resolveTarget(doc, ref, t.text);
        const label = t.text.trim();
        if (target === undefined) {
          ctx.report({ range: rangeOf(lines, t), message: ctx.t('cross-reference.nowhere', { ref: quotedRef(doc, ref, label), label }) });
          continue;
        }
        // "paragraph 1 (b) below" inside paragraph 1 points to its own sub-paragraph (b): the
        // direction is judged from that sub-paragraph.
        const inOwn = !!(here === target && ref.sub);
        const subItem = inOwn ? findSub(doc.operative[target].subparagraphs, ref.sub!) : undefined;
        const targetStart = subItem ? subItem.start : doc.operative[target].start;
        const wrongWay = inOwn && !subItem ? false : ref.direction === 'above' ? targetStart > ref.start : targetStart < ref.start;
        if (wrongWay || (here === target && !inOwn)) {
          ctx.report({
            range: rangeOf(lines, t),
            message:
              here === target
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
