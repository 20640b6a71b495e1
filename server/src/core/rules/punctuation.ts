/** Shared logic of the two punctuation checks. */
import type { Paragraph } from '../model';
import type { Fix } from '../findings';
import type { RuleContext } from './types';
import { edit, firstLineRange, rangeOf } from './util';

const NAMES: Record<string, string> = { ',': 'a comma', ';': 'a semicolon', '.': 'a full stop', ':': 'a colon', '': 'no punctuation' };

export function checkEnding(ctx: RuleContext, p: Paragraph, want: string, what: string): void {
  const { doc, lines } = ctx;
  const e = p.ending;
  if (e.char === want) return;
  // a preambular paragraph introducing its own list of items ends with a colon
  if (p.kind === 'preambular' && e.char === ':' && /^\s*\(a\)/.test(doc.source.slice(p.end, p.end + 40))) return;
  let fix: Fix;
  if (e.char === '') {
    fix = { title: `End with ${NAMES[want]}`, edits: [edit(lines, e.span.start, e.span.start, want)] };
  } else {
    // "; and" on a paragraph: replace the semicolon, keep nothing of the conjunction
    fix = { title: `End with ${NAMES[want]}`, edits: [edit(lines, e.span.start, e.span.end, want)] };
  }
  const range = e.span.end > e.span.start ? rangeOf(lines, e.span) : e.span.range ?? firstLineRange(doc, lines, p);
  ctx.report({
    range,
    message: `${what} ends with ${NAMES[e.char] ?? quote(e.char)}${e.conjunction ? ` “; ${e.conjunction}”` : ''}; it should end with ${NAMES[want]}.`,
    fix,
  });
}

function quote(s: string): string {
  return `“${s}”`;
}
