/** Shared logic of the two punctuation checks. */
import type { Paragraph } from '../model';
import type { Fix } from '../findings';
import type { RuleContext } from './types';
import { edit, firstLineRange, headingText, rangeOf } from './util';

const NAMES: Record<string, string> = { ',': 'a comma', ';': 'a semicolon', '.': 'a full stop', ':': 'a colon', '': 'no punctuation' };

export function checkEnding(ctx: RuleContext, p: Paragraph, want: string, what: string): void {
  const { doc, lines } = ctx;
  const e = p.ending;
  if (e.char === want) return;
  // invisible format characters after the punctuation (U+200E and the like in converted texts)
  if (e.char === '') {
    const before = doc.source.slice(Math.max(p.start, e.span.start - 8), e.span.start).replace(/[\u200b-\u200f\u2060\ufeff\s]+$/u, '');
    if (before.endsWith(want)) return;
  }
  // a section label or bold heading taken for a page-break fragment: judge the text before it
  if (p.fragments.length > 1) {
    const last = p.fragments[p.fragments.length - 1];
    if (headingText(doc.source.slice(last.start, last.end))) {
      const prev = p.fragments[p.fragments.length - 2];
      const t = doc.source
        .slice(prev.start, prev.end)
        .replace(/(<sup>\w+<\/sup>|\[\^\w+\]|[\s\u200b-\u200f\ufeff⁰¹²³⁴⁵⁶⁷⁸⁹])+$/u, '');
      if (t.endsWith(want)) return;
    }
  }
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
