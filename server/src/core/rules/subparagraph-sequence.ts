import { listAlphabet, reletterEdits, subLabel } from '../fix';
import type { SubParagraph } from '../model';
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
    const ops = doc.operative;
    // every list of sibling sub-paragraphs, depth first, walked in place: most lists run in sequence
    // and are only read
    const visit = (list: SubParagraph[], index: number) => {
      let bad = -1;
      for (let i = 0; i < list.length && bad < 0; i++) if (list[i].value !== i + 1) bad = i;
      if (bad >= 0) {
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
      for (const s of list) if (s.children.length) visit(s.children, index);
    };
    for (let index = 0; index < ops.length; index++) {
      const subs = ops[index].subparagraphs;
      if (subs.length) visit(subs, index); // most paragraphs: no list
    }
  },
};
