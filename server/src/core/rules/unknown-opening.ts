/** Shared logic of operative-verb-unknown and preambular-phrase-unknown. */
import type { Paragraph } from '../model';
import type { PhraseKind } from '../phrases';
import type { RuleContext } from './types';
import { edit, openingWords, quote, rangeOf } from './util';

/**
 * Reports openings of `kind` paragraphs that are no known phrase of that kind: with the nearest
 * known phrase when one is close, else only when the word is clearly no such phrase. An opening
 * known as the other kind is left to operative-in-preamble / preambular-in-operative.
 */
export function checkUnknownOpenings(ctx: RuleContext, kind: PhraseKind, paragraphs: Paragraph[], expected: string): void {
  const { doc, lines, phrases } = ctx;
  const other: PhraseKind = kind === 'operative' ? 'preambular' : 'operative';
  for (const p of paragraphs) {
    const { head } = openingWords(doc, p);
    if (!head) continue;
    if (phrases.isHead(kind, head.text) || phrases.isHead(other, head.text)) continue;
    const s = phrases.suggest(kind, head.text);
    if (s) {
      ctx.report({
        range: rangeOf(lines, head),
        message: ctx.t('unknown-opening.suggest', { kind: ctx.t(kind === 'operative' ? 'kind.operative' : 'kind.preambular'), word: quote(head.text), suggestion: quote(s.word) }),
        fix: { title: ctx.t('fix.replaceWith', { word: quote(s.word) }), edits: [edit(lines, head.start, head.end, s.word)] },
      });
    } else if (phrases.clearlyNotPhrase(kind, head.text)) {
      ctx.report({ range: rangeOf(lines, head), message: `The paragraph opens with ${quote(head.text)}: ${expected}.` });
    }
  }
}
