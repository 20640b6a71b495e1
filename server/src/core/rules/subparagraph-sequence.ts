import { listAlphabet, reletterEdits, subLabel, subparagraphLists } from '../fix';
import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';

const id = 'subparagraph-sequence';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    description: 'Sub-paragraphs must run (a), (b), (c) … or (i), (ii), (iii) … without gap, duplicate or restart.',
    fixDescription: 'Re-letter the sub-paragraphs of the list in sequence.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const { doc, lines } = ctx;
    doc.operative.forEach((p, index) => {
      if (p.subparagraphs.length === 0) return; // most paragraphs: no list
      for (const list of subparagraphLists(p)) {
        const bad = list.findIndex((s, i) => s.value !== i + 1);
        if (bad < 0) continue;
        const s = list[bad];
        const edits = reletterEdits(lines, list, doc, index);
        const want = subLabel(s.style, bad + 1, s.label.text, listAlphabet(list)).trim();
        ctx.report({
          range: rangeOf(lines, s.label),
          message:
            bad > 0
              ? ctx.t('subparagraph-sequence.orderAfter', { label: s.label.text.trim(), want, prev: list[bad - 1].label.text.trim() })
              : ctx.t('subparagraph-sequence.order', { label: s.label.text.trim(), want }),
          fix: edits.length ? { title: ctx.t('subparagraph-sequence.fix'), edits } : undefined,
        });
      }
    });
  },
};
