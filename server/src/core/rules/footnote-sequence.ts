import { renumberFootnotesEdits } from '../fix';
import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';

const DIGITS_RE = /^\d+$/;

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
    const seen = new Set<string>();
    let expected = 1;
    for (const m of doc.footnoteMarkers) {
      if (!DIGITS_RE.test(m.label) || seen.has(m.label)) continue;
      seen.add(m.label);
      if (Number(m.label) !== expected) {
        const edits = renumberFootnotesEdits(doc);
        ctx.report({
          range: rangeOf(lines, m),
          message: ctx.t('footnote-sequence.order', { label: m.label, expected }),
          fix: edits.length ? { title: ctx.t('footnote-sequence.fix'), edits } : undefined,
        });
        return; // one finding: the renumbering settles the whole sequence
      }
      expected++;
    }
  },
};
