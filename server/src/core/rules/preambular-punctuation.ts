import { docsUrl, type Rule } from './types';
import { checkEnding } from './punctuation';
import { paragraphRule } from './paragraph-rule';

const id = 'preambular-punctuation';

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'warning',
    description: 'A preambular paragraph must end with a comma (judged before any trailing footnote marker).',
    fixDescription: 'Set the comma.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
  },
  {
    parts: 'preamble',
    check(ctx, p) {
      checkEnding(ctx, p, ',', 'what.preambular');
    },
  },
);
