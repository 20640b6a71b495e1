import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { checkUnknownOpening } from './unknown-opening';
import { paragraphRule } from './paragraph-rule';

const id = 'operative-verb-unknown';

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'warning',
    description: 'An operative paragraph opening that is no known operative phrase, with the nearest known phrase suggested.',
    fixDescription: 'Replace the word with the suggested phrase.',
    fixClass: 'wording',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  {
    parts: 'operative',
    check(ctx, p) {
      checkUnknownOpening(ctx, 'operative', p, 'unknown-opening.expected.operative');
    },
  },
);
