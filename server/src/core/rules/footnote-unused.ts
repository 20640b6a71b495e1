import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';
import { markerLabels } from './footnote-labels';

const id = 'footnote-unused';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'A footnote definition that no marker points to.',
    docsUrl: docsUrl(id),
    appliesToOther: true,
  },
  check(ctx) {
    const { doc, lines } = ctx;
    const used = markerLabels(doc).all();
    for (const d of doc.footnoteDefinitions) {
      if (!used.has(d.label)) ctx.report({ range: rangeOf(lines, d.marker), message: ctx.t('footnote-unused.unused', { label: d.label }) });
    }
  },
};
