import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';
import { definitionLabels } from './footnote-labels';

const id = 'footnote-undefined';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    description: 'A footnote marker with no definition.',
    docsUrl: docsUrl(id),
    appliesToOther: true,
  },
  check(ctx) {
    const { doc, lines } = ctx;
    const defined = definitionLabels(doc).all();
    for (const m of doc.footnoteMarkers) {
      if (!defined.has(m.label)) ctx.report({ range: rangeOf(lines, m), message: ctx.t('footnote-undefined.missing', { label: m.label }) });
    }
  },
};
