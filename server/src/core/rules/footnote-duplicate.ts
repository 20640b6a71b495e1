import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';
import { definitionLabels } from './footnote-labels';

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
    // each definition with the label of one before it, and the first with that label (most drafts have none)
    const defs = doc.footnoteDefinitions;
    const repeated = definitionLabels(doc).repeated();
    for (let k = 0; k < repeated.length; k += 2) {
      const d = defs[repeated[k]];
      const line = lines.positionAt(defs[repeated[k + 1]].start).line;
      ctx.report({ range: rangeOf(lines, d.marker), message: ctx.t('footnote-duplicate.twice', { label: d.label, line: line + 1 }) });
    }
  },
};
