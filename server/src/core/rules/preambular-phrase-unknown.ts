import { docsUrl, type Rule } from './types';
import { edit, openingWords, quote, rangeOf } from './util';

const id = 'preambular-phrase-unknown';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'information',
    description: 'A preambular paragraph opening that is no known preambular phrase, with the nearest known phrase suggested.',
    fixDescription: 'Replace the word with the suggested phrase.',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const { doc, lines, phrases } = ctx;
    for (const p of doc.preamble) {
      const { head } = openingWords(doc, p);
      if (!head) continue;
      if (phrases.isHead('preambular', head.text)) continue;
      if (phrases.isHead('operative', head.text)) continue; // operative-in-preamble says it
      const s = phrases.suggest('preambular', head.text);
      if (s) {
        ctx.report({
          range: rangeOf(lines, head),
          message: `Unknown preambular phrase ${quote(head.text)}: did you mean ${quote(s.word)}?`,
          fix: { title: `Replace with ${quote(s.word)}`, edits: [edit(lines, head.start, head.end, s.word)] },
        });
      } else if (phrases.clearlyNotPhrase('preambular', head.text)) {
        ctx.report({
          range: rangeOf(lines, head),
          message: `The paragraph opens with ${quote(head.text)}: a preambular paragraph opens with a participle or adjective (“Recalling”, “Deeply concerned”).`,
        });
      }
    }
  },
};
