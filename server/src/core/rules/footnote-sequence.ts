import { renumberFootnotesEdits } from '../fix';
import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';
import { markerLabels } from './footnote-labels';

const id = 'footnote-sequence';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'Footnotes whose first references are not in the order 1, 2, 3 ….',
    fixDescription: 'Renumber markers and definitions together in order of first reference.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
    appliesToOther: true,
  },
  check(ctx) {
    const { doc, lines } = ctx;
    // one finding, at the first reference out of order: the renumbering settles the whole sequence
    const wrong = markerLabels(doc).outOfOrder();
    if (!wrong) return;
    const m = doc.footnoteMarkers[wrong.index];
    const edits = renumberFootnotesEdits(doc);
    ctx.report({
      range: rangeOf(lines, m),
      message: ctx.t('footnote-sequence.order', { label: m.label, expected: wrong.expected }),
      fix: edits.length ? { title: ctx.t('footnote-sequence.fix'), edits } : undefined,
    });
  },
};
