import { docsUrl, type Rule } from './types';
import { edit, openingWords, quote, rangeOf } from './util';

const id = 'operative-verb-unknown';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'An operative paragraph opening that is no known operative phrase, with the nearest known phrase suggested.',
    fixDescription: 'Replace the word with the suggested phrase.',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const { doc, lines, phrases } = ctx;
    for (const p of doc.operative) {
      const { head } = openingWords(doc, p);
      if (!head) continue;
      if (phrases.isHead('operative', head.text)) continue;
      if (phrases.isHead('preambular', head.text)) continue; // preambular-in-operative says it
      const s = phrases.suggest('operative', head.text);
      if (s) {
        ctx.report({
          range: rangeOf(lines, head),
          message: `Unknown operative phrase ${quote(head.text)}: did you mean ${quote(s.word)}?`,
          fix: { title: `Replace with ${quote(s.word)}`, edits: [edit(lines, head.start, head.end, s.word)] },
        });
      } else if (phrases.clearlyNotPhrase('operative', head.text)) {
        ctx.report({
          range: rangeOf(lines, head),
          message: `The paragraph opens with ${quote(head.text)}: an operative paragraph opens with a verb in the present tense (“Decides”, “Calls upon”).`,
        });
      }
    }
  },
};
