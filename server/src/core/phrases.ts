/** Former home of the parser's phrase book: the phrase knowledge now lives in phrase-knowledge.ts. */
export {
  OPERATIVE_BASES,
  PREAMBULAR_BASES,
  LEADING_MODIFIERS,
  TRAILING_MODIFIERS,
  PhraseKnowledge as PhraseBook,
  corpusPhraseCounts,
  defaultPhrases,
  suggestPhrase,
} from './phrase-knowledge';
export type { PhraseKind, PhraseMatch } from './phrase-knowledge';
