import { docsUrl, type Rule } from './types';

const id = 'bracket-balance';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    description: 'A square bracket of a negotiation text with no partner: an opening "[" never closed in its paragraph, or a "]" that closes nothing.',
    docsUrl: docsUrl(id),
    negotiation: true,
  },
  check(ctx) {
    const neg = ctx.negotiation;
    if (!neg) return;
    const { lines } = ctx;
    for (const u of neg.unbalanced) {
      const at = lines.positionAt(u.partner);
      const where = `line ${at.line + 1}, column ${at.character + 1}`;
      ctx.report({
        range: lines.range(u.offset, u.offset + 1),
        message:
          u.char === '['
            ? `Unbalanced bracket: this “[” is never closed; its “]” is expected by the end of the paragraph (${where}).`
            : `Unbalanced bracket: this “]” closes no “[”; its “[” is expected after the start of the paragraph (${where}).`,
      });
    }
  },
};
