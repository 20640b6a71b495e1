import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { checkUnknownOpenings } from './unknown-opening';

const id = 'preambular-phrase-unknown';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'information',
    description: 'A preambular paragraph opening that is no known preambular phrase, with the nearest known phrase suggested.',
    fixDescription: 'Replace the word with the suggested phrase.',
    fixClass: 'wording',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    checkUnknownOpenings(ctx, 'preambular', ctx.doc.preamble, 'unknown-opening.expected.preambular');
  },
};
