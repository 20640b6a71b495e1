import { docsUrl, type Rule } from './types';
import { checkEnding } from './punctuation';

const id = 'preambular-punctuation';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'A preambular paragraph must end with a comma (judged before any trailing footnote marker).',
    fixDescription: 'Set the comma.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
  },
  check(ctx) {
    for (const p of ctx.doc.preamble) checkEnding(ctx, p, ',', ctx.t('what.preambular'));
  },
};
