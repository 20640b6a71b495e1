import { resolveTarget } from '../fix';
import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { operativeAt, rangeOf } from './util';

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
          ctx.report({ range: rangeOf(lines, t), message: `“paragraph ${label} ${ref.direction}” points nowhere: there is no operative paragraph ${label}.` });
          continue;
        }
        const targetStart = doc.operative[target].start;
        const wrongWay = ref.direction === 'above' ? targetStart > ref.start : targetStart < ref.start;
        if (wrongWay || (here && here.index === target)) {
          ctx.report({
            range: rangeOf(lines, t),
            message:
              here && here.index === target
                ? `“paragraph ${label} ${ref.direction}” is the paragraph it stands in.`
                : `“paragraph ${label} ${ref.direction}” points the wrong way: paragraph ${label} is ${ref.direction === 'above' ? 'below' : 'above'}.`,
          });
          continue;
        }
        if (ref.sub) {
          const sub = ref.sub.replace(/[()\s]/g, '').toLowerCase();
          const has = (items: typeof doc.operative[number]['subparagraphs']): boolean =>
            items.some((s) => s.label.text.replace(/[().\s]/g, '').toLowerCase() === sub || has(s.children));
          if (!has(doc.operative[target].subparagraphs)) {
            ctx.report({ range: rangeOf(lines, ref), message: `Paragraph ${label} has no sub-paragraph ${ref.sub.trim()}.` });
          }
        }
      }
    }
  },
};
