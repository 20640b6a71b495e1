import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { openingWords, quote, rangeOf } from './util';
import { paragraphRule } from './paragraph-rule';

const id = 'preambular-in-operative';

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'warning',
    description: 'A paragraph among the operative ones that opens with a preambular phrase (`5. Recalling …`).',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  {
    parts: 'operative',
    check(ctx, p) {
      const { doc, lines, phrases } = ctx;
      const { head, before } = openingWords(doc, p);
      if (!head) return;
      if (!phrases.isHead('preambular', head.text) || phrases.isHead('operative', head.text)) return;
      const start = before[0] ?? head;
      ctx.report({
        range: rangeOf(lines, { start: start.start, end: head.end }),
        message: ctx.t('preambular-in-operative.opening', { phrase: quote(head.text) }),
      });
    },
    document(ctx) {
      const { doc, lines } = ctx;
      // A preambular paragraph between two operative paragraphs with no section heading before it
      // (`*Welcoming* …,` after paragraph 1): omnibus sections open with a heading and their own preamble.
      const first = doc.operative[0];
      if (!first) return;
      for (const p of doc.preamble) {
        if (p.start < first.start) continue;
        const prev = [...doc.operative].reverse().find((o) => o.end <= p.start);
        if (!prev || doc.blocks.some((b) => b.kind === 'heading' && b.start >= prev.end && b.end <= p.start)) continue;
        const { head, before } = openingWords(doc, p);
        if (!head) continue;
        const start = before[0] ?? head;
        ctx.report({
          range: rangeOf(lines, { start: start.start, end: head.end }),
          message: ctx.t('preambular-in-operative.among', { phrase: quote(head.text) }),
        });
      }
    },
  },
);
