import { docsUrl, type Rule } from './types';

const id = 'status-tag-unknown';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'information',
    description: 'A bracketed tag after a paragraph (`[Under consideration]`) that is not in the configured set of status tags.',
    docsUrl: docsUrl(id),
    negotiation: true,
  },
  check(ctx) {
    const neg = ctx.negotiation;
    if (!neg) return;
    const { lines, config } = ctx;
    const known = [...config.negotiation.tags.agreed, ...config.negotiation.tags.pending, ...config.negotiation.tags.deleted]
      .filter((t, i, a) => a.indexOf(t) === i)
      .map((t) => `[${t}]`);
    for (const t of neg.tags) {
      if (t.status !== 'unknown') continue;
      ctx.report({
        range: lines.range(t.start, t.end),
        message: ctx.t('status-tag-unknown.unknown', { tag: t.text, known: known.slice(0, 6).join(', ') }),
      });
    }
  },
};
