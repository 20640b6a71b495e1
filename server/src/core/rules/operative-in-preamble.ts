import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { openingWords, quote, rangeOf } from './util';

const id = 'operative-in-preamble';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'An unnumbered paragraph in the preamble that opens with an operative verb (`Urges Parties …`).',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    const { doc, lines, phrases } = ctx;
    for (const p of doc.preamble) {
      const { head, before } = openingWords(doc, p);
      if (!head) continue;
      if (!phrases.isHead('operative', head.text) || phrases.isHead('preambular', head.text)) continue;
      const start = before[0] ?? head;
      ctx.report({
        range: rangeOf(lines, { start: start.start, end: head.end }),
        message: ctx.t('operative-in-preamble.verb', { verb: quote(head.text) }),
      });
    }
  },
};
