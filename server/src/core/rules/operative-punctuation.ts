import { docsUrl, type Rule } from './types';
import { checkEnding, endingMessage, endingName } from './punctuation';
import type { Ending, OperativeParagraph, SubParagraph } from '../model';
import type { RuleContext } from './types';
import { edit, rangeOf } from './util';
import { paragraphRule } from './paragraph-rule';

function report(ctx: RuleContext, e: Ending, want: string, what: string): void {
  const { lines } = ctx;
  const fixEdit = e.char === '' ? edit(lines, e.span.start, e.span.start, want) : edit(lines, e.span.start, e.span.end, want);
  const text = endingMessage(ctx, what, endingName(ctx, e.char), want);
  ctx.report({
    range: e.span.end > e.span.start ? rangeOf(lines, e.span) : e.span.range,
    message: text.message,
    fix: { title: text.fixTitle, edits: [fixEdit] },
  });
}

/** Items before the last end with a semicolon (or "; and"), or a colon when a list of their own follows. */
function checkItems(ctx: RuleContext, items: SubParagraph[]): void {
  items.forEach((s, i) => {
    if (i < items.length - 1) {
      const ok = s.ending.char === ';' || (s.ending.char === ':' && s.children.length > 0);
      if (!ok) report(ctx, s.ending, s.children.length ? ':' : ';', ctx.t('what.subparagraph', { label: s.label.text.trim() }));
    }
    checkItems(ctx, s.children);
  });
}

const id = 'operative-punctuation';

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'warning',
    description:
      'An operative paragraph must end with a semicolon, the last one with a full stop (judged before any trailing footnote marker); the lead-in to its sub-paragraphs with a colon, each item but the last with a semicolon.',
    fixDescription: 'Set the semicolon or full stop.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
  },
  {
    parts: 'operative',
    check(ctx, para, { last }) {
      const p = para as OperativeParagraph;
      // a paragraph introducing its own numbered list (a provisional agenda) ends as its list does
      if (p.listItems.length > 0) return;
      checkEnding(ctx, p, last ? '.' : ';', last ? 'what.lastOperative' : 'what.operative');
      if (p.subparagraphs.length > 0) {
        if (p.leadInEnding && p.leadInEnding.char !== ':') report(ctx, p.leadInEnding, ':', ctx.t('what.leadIn'));
        checkItems(ctx, p.subparagraphs);
      }
    },
  },
);
