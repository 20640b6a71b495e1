import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { openingWords, quote, rangeOf } from './util';
import { paragraphRule } from './paragraph-rule';

const id = 'operative-in-preamble';

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'warning',
    description: 'An unnumbered paragraph in the preamble that opens with an operative verb (`Urges Parties …`).',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  {
    parts: 'preamble',
    check(ctx, p) {
      const { doc, lines, phrases } = ctx;
      const { head, before } = openingWords(doc, p);
      if (!head) return;
      if (!phrases.isHead('operative', head.text) || phrases.isHead('preambular', head.text)) return;
      const start = before[0] ?? head;
      ctx.report({
        range: rangeOf(lines, { start: start.start, end: head.end }),
        message: ctx.t('operative-in-preamble.verb', { verb: quote(head.text) }),
      });
    },
  },
);
