import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { checkUnknownOpening } from './unknown-opening';
import { paragraphRule } from './paragraph-rule';

const id = 'preambular-phrase-unknown';

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'information',
    description: 'A preambular paragraph opening that is no known preambular phrase, with the nearest known phrase suggested.',
    fixDescription: 'Replace the word with the suggested phrase.',
    fixClass: 'wording',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  {
    parts: 'preamble',
    check(ctx, p) {
      checkUnknownOpening(ctx, 'preambular', p, 'unknown-opening.expected.preambular');
    },
  },
);
