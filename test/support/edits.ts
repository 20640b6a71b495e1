/** Random edits of a draft for the property tests of re-parsing and re-checking: fast-check arbitraries. */
import fc from 'fast-check';

/** Pieces an edit inserts: words, punctuation, and what changes the structure (numbers, labels, headings, notes, directives). */
export const PIECES = [
  'x',
  ' ',
  '\n',
  '\n\n',
  ',',
  ';',
  '.',
  ':',
  '*',
  '_',
  '1. ',
  '12. ',
  '(a) ',
  '(ii) ',
  '¹',
  '²',
  '<sup>3</sup>',
  '[^4]',
  '\n\n¹ See A/75/1.\n\n',
  '*Decides* ',
  '*Recalling* ',
  'Requests ',
  'Noting ',
  '\n\nThe General Assembly,\n\n',
  '\n\nII\n\n',
  '\n\n# Annex\n\n',
  '\n\n---\n\n',
  '\n\n*100th plenary meeting*\n\n',
  '<!-- resolution-disable-next-paragraph -->\n',
  'paragraph 3 above',
  'resolution 70/1 of 25 September 2015',
  'decides',
  // negotiation markings (the checks read a draft with them as it would be adopted) and their look-alikes
  '[',
  ']',
  '[Agreed ad ref]',
  '(pending)',
  '(EU: delete)',
  '[Proposed by Norway]',
  '~~struck~~',
  '<del>gone</del>',
  '++added++',
  '\nOP3 ',
  '\nPP2 bis ',
  '*Facilitator’s note: to be discussed*',
  'recognize[d]',
  '[t]he',
  '[…]',
  '[^9]',
  '[link](https://un.org)',
  '`code`',
  '  ',
];

export interface Edit {
  at: number;
  remove: number;
  insert: string;
}

export const edit = fc.record({
  at: fc.nat(),
  remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(120)),
  insert: fc.oneof(fc.constantFrom(...PIECES), fc.constant(''), fc.string({ maxLength: 4 })),
});

export function apply(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(Math.min(text.length, at + e.remove));
}
