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
    // the first definition of each label; its line is looked up only for a duplicate (most drafts have none)
    const first = new Map<string, number>();
    for (const d of doc.footnoteDefinitions) {
      const at = first.get(d.label);
      if (at === undefined) first.set(d.label, d.start);
      else {
        const line = lines.positionAt(at).line;
        ctx.report({ range: rangeOf(lines, d.marker), message: ctx.t('footnote-duplicate.twice', { label: d.label, line: line + 1 }) });
      }
    }
  },
};
