import { docsUrl, type Rule } from './types';
import { firstLineRange, rangeOf } from './util';

const id = 'authority-line';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'Operative paragraphs but no authority line (“The General Assembly,”), or the authority line\'s comma wrong.',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const { doc, lines } = ctx;
    const a = doc.authority;
    if (!a) {
      if (doc.operative.length > 0) {
        ctx.report({
          range: firstLineRange(doc, lines, doc.preamble[0] ?? doc.operative[0]),
          message: 'The resolution has operative paragraphs but no authority line (“The General Assembly,”).',
        });
      }
      return;
    }
    const preambleFollows = a.placement === 'beforePreamble' && doc.preamble.length > 0;
    if (preambleFollows && !a.comma) {
      ctx.report({ range: rangeOf(lines, a), message: 'The authority line should end with a comma: a preamble follows it.' });
    } else if (!preambleFollows && a.comma) {
      ctx.report({ range: rangeOf(lines, a.comma), message: 'The authority line takes no comma when no preamble follows it.' });
    }
  },
};
