/**
 * The similarity of two paragraphs, written once: 1 − (word-level Levenshtein distance) / (the
 * longer paragraph's word count), over the normalised words of each paragraph in its language
 * (`normalize.ts`). Every backend that ranks precedents (the in-memory index, a database) ranks
 * with these functions, so that the same pair of paragraphs always gets the same score.
 */
import { distance } from 'fastest-levenshtein';
import type { Lang } from '../languages';
import { words } from './normalize';

/**
 * Similarity in [0, 1] of two word sequences encoded one word per UTF-16 code unit (as the index
 * stores them; equal words have equal code units).
 */
export function similarity(a: string, b: string): number {
  return similarityOf(distance(a, b), a.length, b.length);
}

/** The similarity of two paragraphs of `m` and `n` words whose word-level distance is `d`. */
export function similarityOf(d: number, m: number, n: number): number {
  const longer = Math.max(m, n);
  return longer === 0 ? 1 : 1 - d / longer;
}

/** Similarity in [0, 1] of two sequences of normalised words. */
export function wordSimilarity(a: readonly string[], b: readonly string[]): number {
  const codes = new Map<string, number>();
  const encode = (ws: readonly string[]): string => {
    let s = '';
    for (const w of ws) {
      let c = codes.get(w);
      if (c === undefined) codes.set(w, (c = 1 + (codes.size % 0xfffe)));
      s += String.fromCharCode(c);
    }
    return s;
  };
  return similarity(encode(a), encode(b));
}

/** Similarity in [0, 1] of two paragraph texts written in `lang` (default English). */
export function textSimilarity(a: string, b: string, lang: Lang = 'en'): number {
  return wordSimilarity(words(a, lang), words(b, lang));
}

/**
 * Version of the similarity (this file's functions and the words `normalize.ts` makes of a text):
 * raised whenever a change could give a pair of paragraphs another score, so that exact results
 * cached by benchmarks are recomputed.
 */
export const SIMILARITY_VERSION = 1;
