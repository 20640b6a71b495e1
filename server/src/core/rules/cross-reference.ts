import { resolveTarget } from '../fix';
import { docsUrl, type Rule } from './types';
import { operativeAt, rangeOf } from './util';
import type { SubParagraph } from '../model';

/** The sub-paragraph labelled `sub` ("(b)") among items and their children. */
function findSub(items: SubParagraph[], sub: string): SubParagraph | undefined {
  const want = sub.replace(/[()\s]/g, '').toLowerCase();
  for (const s of items) {
    if (s.label.text.replace(/[().\s]/g, '').toLowerCase() === want) return s;
    const inner = findSub(s.children, sub);
    if (inner) return inner;
  }
  return undefined;
}

const id = 'cross-reference';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'An internal reference (`paragraph N above/below`) that points to no paragraph, or the wrong way.',
    docsUrl: docsUrl(id),
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
                ? `“paragraph ${label} ${ref.direction}” is the paragraph it stands in.`
                : `“paragraph ${label} ${ref.direction}” points the wrong way: paragraph ${label} is ${ref.direction === 'above' ? 'below' : 'above'}.`,
          });
          continue;
        }
        if (ref.sub) {
          if (!findSub(doc.operative[target].subparagraphs, ref.sub)) {
            ctx.report({ range: rangeOf(lines, ref), message: `Paragraph ${label} has no sub-paragraph ${ref.sub.trim()}.` });
          }
        }
      }
    }
  },
};
