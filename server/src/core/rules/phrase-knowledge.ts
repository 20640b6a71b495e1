/** The checks' phrase knowledge is the one of the parser: see ../phrase-knowledge.ts. */
export {
  OPERATIVE_SEED,
  PREAMBULAR_SEED,
  PhraseKnowledge,
  headOf,
  isModifier,
  leadingWordBounds,
  leadingWords,
  matchCase,
  phraseKnowledge,
  shippedPhraseData,
} from '../phrase-knowledge';
export type { PhraseData, PhraseKind, Suggestion, Word } from '../phrase-knowledge';
