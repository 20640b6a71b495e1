import type { Paragraph } from '../model';
import { docsUrl, type Rule } from './types';
import { rangeOf } from './util';
import { paragraphRule } from './paragraph-rule';

const id = 'new-language';

/** Maps an offset in a paragraph's joined text to the source (fragments joined by one space). */
export function textToSource(p: Paragraph, offset: number): number {
  let rest = offset;
  for (const f of p.fragments.length ? p.fragments : [p]) {
    const len = f.end - f.start;
    if (rest <= len) return f.start + rest;
    rest -= len + 1;
  }
  return p.end;
}

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'off',
    description: 'Wording of a paragraph that no precedent in the corpus covers (new language). Off unless set to "hint" or higher.',
    docsUrl: docsUrl(id),
  },
  {
    parts: 'both',
    usesCorpus: true,
    check(ctx, p) {
      const { lines, corpus } = ctx;
      if (!corpus?.newSpans) return;
      const kind = p.kind;
      let spans: Array<{ start: number; end: number }> | undefined;
      try {
        spans = corpus.newSpans(p.text, kind);
      } catch {
        spans = undefined;
      }
      for (const s of spans ?? []) {
        if (s.end <= s.start) continue;
        const start = textToSource(p, s.start);
        const end = textToSource(p, s.end);
        const words = p.text.slice(s.start, s.end).trim();
        const whole = words === p.text.trim();
        ctx.report({
          range: rangeOf(lines, { start, end }),
          message: whole
            ? ctx.t('new-language.paragraph')
            : ctx.t('new-language.words', { words: words.length > 60 ? words.slice(0, 57) + '…' : words }),
        });
      }
    },
  },
);
