import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { openingWords, quote, rangeOf } from './util';

const id = 'preambular-in-operative';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'A paragraph among the operative ones that opens with a preambular phrase (`5. Recalling …`).',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    const { doc, lines, phrases } = ctx;
    for (const p of doc.operative) {
      const { head, before } = openingWords(doc, p);
      if (!head) continue;
      if (!phrases.isHead('preambular', head.text) || phrases.isHead('operative', head.text)) continue;
      const start = before[0] ?? head;
      ctx.report({
        range: rangeOf(lines, { start: start.start, end: head.end }),
        message: `An operative paragraph opens with the preambular phrase ${quote(head.text)}: move it to the preamble, or open it with a verb (“Recalls”).`,
      });
    }
  },
};
