import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { checkUnknownOpenings } from './unknown-opening';

const id = 'operative-verb-unknown';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'An operative paragraph opening that is no known operative phrase, with the nearest known phrase suggested.',
    fixDescription: 'Replace the word with the suggested phrase.',
    fixClass: 'wording',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    checkUnknownOpenings(ctx, 'operative', ctx.doc.operative, 'unknown-opening.expected.operative');
  },
};
