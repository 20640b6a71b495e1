import { docsUrl, type Rule } from './types';
import { checkEnding } from './punctuation';

const id = 'operative-punctuation';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'An operative paragraph must end with a semicolon, the last one with a full stop (judged before any trailing footnote marker).',
    fixDescription: 'Set the semicolon or full stop.',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    const ops = ctx.doc.operative;
    ops.forEach((p, i) => {
      // a paragraph introducing its own numbered list (a provisional agenda) ends as its list does
      if (p.listItems.length > 0) return;
      const last = i === ops.length - 1;
      checkEnding(ctx, p, last ? '.' : ';', last ? 'The last operative paragraph' : 'The operative paragraph');
    });
  },
};
