/** Shared logic of the two punctuation checks. */
import type { Paragraph } from '../model';
import type { Fix } from '../findings';
import type { RuleContext } from './types';
import type { MessageId } from '../messages';
import { edit, firstLineRange, rangeOf } from './util';

/** A list of sub-paragraphs that follows a paragraph. */
const FIRST_ITEM_RE = /^\s*\(a\)/;

const NAMES: Record<string, MessageId> = {
  ',': 'punct.comma',
  ';': 'punct.semicolon',
  '.': 'punct.fullStop',
  ':': 'punct.colon',
  '': 'punct.none',
};

/** The name of a paragraph ending ("a semicolon"), or the ending quoted. */
export function endingName(ctx: RuleContext, char: string): string {
  const id = NAMES[char];
  return id ? ctx.t(id) : quote(char);
}

/** The finding and fix of a paragraph that ends with `has` instead of `want`. */
export function endingMessage(ctx: RuleContext, what: string, has: string, want: string): { message: string; fixTitle: string } {
  const wanted = endingName(ctx, want);
  return { message: ctx.t('punctuation.ending', { what, has, want: wanted }), fixTitle: ctx.t('fix.endWith', { want: wanted }) };
}

/** `what` names the paragraph in the message (looked up only when there is a finding). */
export function checkEnding(ctx: RuleContext, p: Paragraph, want: string, what: MessageId): void {
  const { doc, lines } = ctx;
  const e = p.ending;
  if (e.char === want) return;
  // a preambular paragraph introducing its own list of items ends with a colon
  if (p.kind === 'preambular' && e.char === ':' && FIRST_ITEM_RE.test(doc.source.slice(p.end, p.end + 40))) return;
  const text = endingMessage(ctx, ctx.t(what), endingName(ctx, e.char) + (e.conjunction ? ` “; ${e.conjunction}”` : ''), want);
  let fix: Fix;
  if (e.char === '') {
    fix = { title: text.fixTitle, edits: [edit(lines, e.span.start, e.span.start, want)] };
  } else {
    // "; and" on a paragraph: replace the semicolon, keep nothing of the conjunction
    fix = { title: text.fixTitle, edits: [edit(lines, e.span.start, e.span.end, want)] };
  }
  const range = e.span.end > e.span.start ? rangeOf(lines, e.span) : (e.span.range ?? firstLineRange(doc, lines, p));
  ctx.report({
    range,
    message: text.message,
    fix,
  });
}

function quote(s: string): string {
  return `“${s}”`;
}
