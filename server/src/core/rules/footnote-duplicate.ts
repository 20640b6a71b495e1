import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';

const id = 'footnote-duplicate';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    description: 'Two footnote definitions with one number.',
    docsUrl: docsUrl(id),
    appliesToOther: true,
  },
  check(ctx) {
    const { doc, lines } = ctx;
    const first = new Map<string, number>();
    for (const d of doc.footnoteDefinitions) {
      const line = first.get(d.label);
      if (line === undefined) first.set(d.label, d.range.start.line);
      else ctx.report({ range: rangeOf(lines, d.marker), message: ctx.t('footnote-duplicate.twice', { label: d.label, line: line + 1 }) });
    }
  },
};
