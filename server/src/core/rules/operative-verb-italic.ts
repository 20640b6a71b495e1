import { docsUrl, type Rule } from './types';
import { italicEdits, plainPhrase, quote, rangeOf } from './util';

const id = 'operative-verb-italic';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'The opening verb phrase of an operative paragraph must be italic as a whole (`*Calls upon*`, not `*Calls* upon`).',
    fixDescription: 'Italicise the whole verb phrase.',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const { doc, lines } = ctx;
    for (const p of doc.operative) {
      const o = p.opening;
      if (!o || o.italic === 'full') continue;
      const phrase = plainPhrase(o.text);
      if (!phrase) continue;
      const edits = italicEdits(doc, lines, p, true);
      ctx.report({
        range: rangeOf(lines, o),
        message:
          o.italic === 'partial'
            ? `Only part of the verb phrase ${quote(phrase)} is italic.`
            : `The verb phrase ${quote(phrase)} is not italic.`,
        fix: edits ? { title: `Italicise ${quote(phrase)}`, edits } : undefined,
      });
    }
  },
};
