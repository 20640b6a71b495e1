import { docsUrl, type Rule } from './types';

const id = 'bracket-balance';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    description:
      'A square bracket of a negotiation text with no partner: an opening "[" never closed in its paragraph, or a "]" that closes nothing.',
    docsUrl: docsUrl(id),
    negotiation: true,
  },
  check(ctx) {
    const neg = ctx.negotiation;
    if (!neg) return;
    const { lines } = ctx;
    for (const u of neg.unbalanced) {
      const at = lines.positionAt(u.partner);
      const where = ctx.t('where.lineColumn', { line: at.line + 1, column: at.character + 1 });
      ctx.report({
        range: lines.range(u.offset, u.offset + 1),
        message: u.char === '[' ? ctx.t('bracket-balance.unclosed', { where }) : ctx.t('bracket-balance.unopened', { where }),
      });
    }
  },
};
