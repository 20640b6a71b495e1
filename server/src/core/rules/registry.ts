/** Every check of the catalogue (DRAFTING.md), in catalogue order. */
import type { Rule, RuleMeta } from './types';
import { rule as operativeNumbering } from './operative-numbering';
import { rule as subparagraphSequence } from './subparagraph-sequence';
import { rule as operativeVerbItalic } from './operative-verb-italic';
import { rule as operativeVerbUnknown } from './operative-verb-unknown';
import { rule as preambularPhraseUnknown } from './preambular-phrase-unknown';
import { rule as preambularItalicConsistency } from './preambular-italic-consistency';
import { rule as operativeInPreamble } from './operative-in-preamble';
import { rule as preambularInOperative } from './preambular-in-operative';
import { rule as preambularPunctuation } from './preambular-punctuation';
import { rule as operativePunctuation } from './operative-punctuation';
import { rule as repeatedOpening } from './repeated-opening';
import { rule as footnoteUndefined } from './footnote-undefined';
import { rule as footnoteUnused } from './footnote-unused';
import { rule as footnoteDuplicate } from './footnote-duplicate';
import { rule as footnoteSequence } from './footnote-sequence';
import { rule as crossReference } from './cross-reference';
import { rule as citationDate } from './citation-date';
import { rule as authorityLine } from './authority-line';
import { rule as newLanguage } from './new-language';
import { rule as bracketBalance } from './bracket-balance';
import { rule as labelWithoutBase } from './label-without-base';
import { rule as statusTagUnknown } from './status-tag-unknown';
import { rule as frenchSpacing } from './french-spacing';
import { rule as frenchAgreement } from './french-agreement';
import { rule as doubleSpace } from './double-space';

export { DOCS_BASE_URL, docsUrl } from './types';
export type { Rule, RuleMeta } from './types';

export const RULES: readonly Rule[] = [
  operativeNumbering,
  subparagraphSequence,
  operativeVerbItalic,
  operativeVerbUnknown,
  preambularPhraseUnknown,
  preambularItalicConsistency,
  operativeInPreamble,
  preambularInOperative,
  preambularPunctuation,
  operativePunctuation,
  repeatedOpening,
  footnoteUndefined,
  footnoteUnused,
  footnoteDuplicate,
  footnoteSequence,
  crossReference,
  citationDate,
  authorityLine,
  newLanguage,
  bracketBalance,
  labelWithoutBase,
  statusTagUnknown,
  frenchSpacing,
  frenchAgreement,
  doubleSpace,
];

const byId = new Map(RULES.map((r) => [r.meta.id, r]));

export function getRule(id: string): Rule | undefined {
  return byId.get(id);
}

export function ruleMetas(): RuleMeta[] {
  return RULES.map((r) => r.meta);
}
