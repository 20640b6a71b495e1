import { renumberOperativeEdits, sectionRestart } from '../fix';
import type { Fix } from '../findings';
import { docsUrl, type Rule } from './types';
import { firstLineRange, loneInSection, misplacedPreambular, rangeOf } from './util';

const id = 'operative-numbering';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'error',
    description: 'Operative paragraphs must be numbered 1, 2, 3 … (no gap, duplicate or restart; `5 bis` only in draft mode).',
    fixDescription: 'Renumber all operative paragraphs, carrying internal cross-references along.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const { doc, lines } = ctx;
    const ops = doc.operative;
    if (ops.length === 0 || (ops.length === 1 && !ops[0].number)) return;
    const draft = ctx.config.draftMode === true;
    // `*Welcoming* …` unnumbered among numbered paragraphs is preambular-in-operative's finding
    const misplaced = misplacedPreambular(doc, ctx.phrases);
    // a section of an omnibus resolution with a single paragraph leaves it unnumbered
    for (const i of loneInSection(doc)) misplaced.add(i);
    let fix: Fix | undefined;
    const getFix = () => {
      if (!fix) {
        const edits = renumberOperativeEdits(doc, draft, misplaced);
        fix = { title: ctx.t('operative-numbering.fix'), edits };
      }
      return fix.edits.length ? fix : undefined;
    };
    let prev: number | undefined; // value of the last main number
    for (let i = 0; i < ops.length; i++) {
      const p = ops[i];
      const num = p.number;
      if (misplaced.has(i)) continue;
      if (!num) {
        ctx.report({
          range: firstLineRange(doc, lines, p),
          message: ctx.t('operative-numbering.unnumbered', { expected: prev === undefined ? 1 : prev + 1 }),
          fix: getFix(),
        });
        prev = prev === undefined ? 1 : prev + 1;
        continue;
      }
      if (num.suffix) {
        if (!draft) {
          ctx.report({
            range: rangeOf(lines, num),
            message: ctx.t('operative-numbering.draftOnly', { number: num.text.trim() }),
            fix: getFix(),
          });
          // the inserted paragraph takes no number of its own: the next one is checked against `prev`
        } else if (prev === undefined || num.value !== prev) {
          ctx.report({
            range: rangeOf(lines, num),
            message:
              prev === undefined
                ? ctx.t('operative-numbering.follow', { number: num.text.trim(), value: num.value })
                : ctx.t('operative-numbering.followNot', { number: num.text.trim(), value: num.value, prev }),
            fix: getFix(),
          });
        }
        continue;
      }
      if (sectionRestart(doc, i)) prev = undefined;
      const expected = prev === undefined ? 1 : prev + 1;
      if (num.value !== expected) {
        let what: string;
        if (prev !== undefined && num.value === prev) what = ctx.t('operative-numbering.duplicate', { value: num.value });
        else if (prev !== undefined && num.value < prev) what = ctx.t('operative-numbering.restart', { value: num.value, prev });
        else if (prev === undefined) what = ctx.t('operative-numbering.start', { value: num.value });
        else what = ctx.t('operative-numbering.gap', { value: num.value, prev });
        ctx.report({
          range: rangeOf(lines, num),
          message: ctx.t('operative-numbering.wrong', { value: num.value, expected, what }),
          fix: getFix(),
        });
      }
      prev = num.value;
    }
  },
};
