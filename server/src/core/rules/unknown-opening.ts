/** Shared logic of operative-verb-unknown and preambular-phrase-unknown. */
import type { Paragraph } from '../model';
import type { PhraseKind } from '../phrases';
import type { RuleContext } from './types';
import type { MessageId } from '../messages';
import { edit, openingWords, quote, rangeOf } from './util';

/**
 * Reports the opening of a `kind` paragraph that is no known phrase of that kind: with the nearest
 * known phrase when one is close, else only when the word is clearly no such phrase. An opening
 * known as the other kind is left to operative-in-preamble / preambular-in-operative.
 */
export function checkUnknownOpening(ctx: RuleContext, kind: PhraseKind, p: Paragraph, expected: MessageId): void {
  const { doc, lines, phrases } = ctx;
  const other: PhraseKind = kind === 'operative' ? 'preambular' : 'operative';
  const opening = openingWords(doc, p);
  const { head } = opening;
  if (!head) return;
  if (phrases.isHead(kind, head.text)) {
    // a known head with a slip further in the phrase ("Noting with concen")
    const longest = phrases.longestWithHead(kind, head.text);
    if (!longest) return;
    // the head stands right after its modifiers; no word past the longest phrase counts
    const from = opening.before.length;
    const slip = phrases.suggestInPhrase(kind, opening.textsFrom(from, longest));
    if (slip) {
      const words = opening.words;
      const w = words[from + slip.index];
      const phrase = words
        .slice(from, from + slip.index)
        .map((x) => x.text)
        .concat(slip.word)
        .join(' ');
      ctx.report({
        range: rangeOf(lines, w),
        message: ctx.t('unknown-opening.suggest', {
          kind: ctx.t(kind === 'operative' ? 'kind.operative' : 'kind.preambular'),
          word: quote(
            words
              .slice(from, from + slip.index + 1)
              .map((x) => x.text)
              .join(' '),
          ),
          suggestion: quote(phrase),
        }),
        fix: { title: ctx.t('fix.replaceWith', { word: quote(slip.word) }), edits: [edit(lines, w.start, w.end, slip.word)] },
      });
    }
    return;
  }
  if (phrases.isHead(other, head.text)) return;
  const s = phrases.suggest(kind, head.text);
  if (s) {
    ctx.report({
      range: rangeOf(lines, head),
      message: ctx.t('unknown-opening.suggest', {
        kind: ctx.t(kind === 'operative' ? 'kind.operative' : 'kind.preambular'),
        word: quote(head.text),
        suggestion: quote(s.word),
      }),
      fix: { title: ctx.t('fix.replaceWith', { word: quote(s.word) }), edits: [edit(lines, head.start, head.end, s.word)] },
    });
  } else if (phrases.clearlyNotPhrase(kind, head.text)) {
    ctx.report({
      range: rangeOf(lines, head),
      message: ctx.t('unknown-opening.clearly', { word: quote(head.text), expected: ctx.t(expected) }),
    });
  }
}
