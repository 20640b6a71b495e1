import { docsUrl, type Rule } from './types';
import { firstLineRange, rangeOf } from './util';

const id = 'authority-line';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: "Operative paragraphs but no authority line (“The General Assembly,”), or the authority line's comma wrong.",
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const { doc, lines } = ctx;
    const a = doc.authority;
    if (!a) {
      if (doc.operative.length > 0) {
        ctx.report({
          range: firstLineRange(doc, lines, doc.preamble[0] ?? doc.operative[0]),
          message: ctx.t('authority-line.missing'),
        });
      }
      return;
    }
    const preambleFollows = a.placement === 'beforePreamble' && doc.preamble.length > 0;
    if (preambleFollows && !a.comma) {
      ctx.report({ range: rangeOf(lines, a), message: ctx.t('authority-line.comma') });
    } else if (!preambleFollows && a.comma) {
      ctx.report({ range: rangeOf(lines, a.comma), message: ctx.t('authority-line.noComma') });
    }
  },
};
