/**
 * Phrase knowledge: the opening phrases of operative and preambular paragraphs.
 *
 * A phrase is a base ("encourages", "calls upon", "noting with concern") with adverb modifiers
 * before it ("Also strongly encourages", "Deeply concerned", "Further recognizing") or after it
 * ("Reaffirming also", "Noting further"). The seed lists are those of DRAFTING.md; users and
 * corpus data add more through `PhraseBook.add`.
 */

import phraseData from './data/phrases.json';
import { phraseKnowledge } from './rules/phrase-knowledge';

export type PhraseKind = 'operative' | 'preambular';

/** Base operative phrases (DRAFTING.md), lower case, without modifiers. */
export const OPERATIVE_BASES = [
  'accepts', 'acknowledges', 'adopts', 'affirms', 'appeals', 'appreciates', 'approves', 'asks',
  'authorizes', 'calls for', 'calls on', 'calls upon', 'commends', 'condemns', 'confirms',
  'congratulates', 'considers', 'decides', 'declares', 'demands', 'deplores', 'designates', 'directs',
  'draws the attention', 'emphasizes', 'encourages', 'endorses', 'expresses',
  'expresses its appreciation', 'expresses its concern', 'expresses its hope',
  'expresses its deep concern', 'expresses its serious concern', 'expresses its gratitude',
  'expresses its support', 'instructs', 'invites', 'looks forward to', 'notes', 'notes with appreciation',
  'notes with concern', 'notes with satisfaction', 'proclaims', 'proposes', 'reaffirms', 'recalls',
  'recognizes', 'recommends', 'regrets', 'reiterates', 'reminds', 'renews', 'requests', 'resolves',
  'stresses', 'suggests', 'supports', 'takes note', 'takes note with appreciation',
  'underlines', 'underscores', 'urges', 'welcomes', 'welcomes with appreciation',
];

/** Base preambular phrases (DRAFTING.md), lower case, without modifiers. */
export const PREAMBULAR_BASES = [
  'acknowledging', 'affirming', 'alarmed', 'appreciating', 'approving', 'aware', 'bearing in mind',
  'believing', 'commending', 'concerned', 'confident', 'conscious', 'considering', 'convinced',
  'declaring', 'disturbed', 'deploring', 'desiring', 'determined', 'emphasizing', 'encouraging',
  'endorsing', 'expressing', 'expressing its appreciation', 'expressing its concern',
  'expressing its deep concern', 'expressing its serious concern', 'expressing deep concern',
  'expressing serious concern', 'expressing concern', 'guided by', 'having adopted', 'having considered',
  'having examined', 'having heard', 'having received', 'having reviewed', 'keeping in mind', 'mindful',
  'noting', 'noting with appreciation', 'noting with concern', 'noting with satisfaction',
  'noting with deep concern', 'reaffirming', 'realizing', 'recalling', 'recognizing',
  'recognizing with concern', 'reiterating', 'remaining concerned', 'stressing', 'taking into account',
  'taking note', 'underlining', 'welcoming',
];

/** Adverbs that modify a base phrase. `also`/`further` mark repeated openings. */
export const LEADING_MODIFIERS = new Set([
  'also', 'further', 'strongly', 'deeply', 'gravely', 'seriously', 'once', 'again', 'firmly', 'fully',
  'profoundly', 'urgently', 'warmly', 'sincerely', 'duly', 'particularly', 'most', 'greatly', 'extremely',
]);
export const TRAILING_MODIFIERS = new Set(['also', 'further', 'again']);

export interface PhraseMatch {
  /** Number of words of the opening (modifiers included). */
  wordCount: number;
  base: string;
  modifiers: string[];
  known: boolean;
  kind?: PhraseKind;
}

interface Trie {
  end?: boolean;
  next: Map<string, Trie>;
}

function normaliseWord(w: string): string {
  const l = w.toLowerCase();
  return l.indexOf('’') < 0 ? l : l.replace(/’/g, "'");
}

export class PhraseBook {
  private readonly tries: Record<PhraseKind, Trie> = {
    operative: { next: new Map() },
    preambular: { next: new Map() },
  };

  constructor(operative: Iterable<string> = OPERATIVE_BASES, preambular: Iterable<string> = PREAMBULAR_BASES) {
    for (const p of operative) this.add('operative', p);
    for (const p of preambular) this.add('preambular', p);
  }

  /** Adds a phrase; leading/trailing modifiers in it are understood as modifiers ("Also notes" adds "notes"). */
  add(kind: PhraseKind, phrase: string): void {
    let words = phrase.trim().split(/\s+/).filter(Boolean).map(normaliseWord);
    while (words.length > 1 && LEADING_MODIFIERS.has(words[0])) words = words.slice(1);
    while (words.length > 1 && TRAILING_MODIFIERS.has(words[words.length - 1])) words = words.slice(0, -1);
    if (words.length === 0) return;
    let node = this.tries[kind];
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.end = true;
  }

  clone(): PhraseBook {
    const copy = new PhraseBook([], []);
    const cloneTrie = (t: Trie): Trie => ({ end: t.end, next: new Map([...t.next].map(([k, v]) => [k, cloneTrie(v)])) });
    copy.tries.operative = cloneTrie(this.tries.operative);
    copy.tries.preambular = cloneTrie(this.tries.preambular);
    return copy;
  }

  /** True when `phrase` (with or without modifiers) is a known phrase of that kind. */
  has(kind: PhraseKind, phrase: string): boolean {
    const words = phrase.trim().split(/\s+/).filter(Boolean);
    const m = this.match(words, kind);
    return !!m && m.known && m.wordCount === words.length;
  }

  /** Every known base phrase of a kind. */
  list(kind: PhraseKind): string[] {
    const out: string[] = [];
    const walk = (t: Trie, prefix: string[]) => {
      if (t.end) out.push(prefix.join(' '));
      for (const [w, c] of t.next) walk(c, [...prefix, w]);
    };
    walk(this.tries[kind], []);
    return out;
  }

  /**
   * The longest known phrase at the start of `words` (as written), with modifiers.
   * Returns undefined when no known phrase of that kind opens the words.
   */
  match(words: string[], kind: PhraseKind): PhraseMatch | undefined {
    // Words are normalised as the match reaches them (most openings are decided in a word or two).
    const lower: string[] = [];
    const low = (k: number) => (lower[k] ??= normaliseWord(words[k]));
    const count = words.length;
    const modifiers: string[] = [];
    let i = 0;
    // "once again" counts as a modifier pair.
    while (i < count - 1 && LEADING_MODIFIERS.has(low(i))) {
      modifiers.push(low(i));
      i++;
    }
    // Try from each modifier boundary: "Further" may itself start a phrase in some books.
    for (let startAt = i; startAt >= 0; startAt--) {
      let node: Trie | undefined = this.tries[kind];
      let best = -1;
      let j = startAt;
      while (node && j < count) {
        node = node.next.get(low(j));
        if (!node) break;
        j++;
        if (node.end) best = j;
      }
      if (best > startAt) {
        const base = lower.slice(startAt, best).join(' ');
        const mods = modifiers.slice(0, startAt);
        let end = best;
        while (end < count && TRAILING_MODIFIERS.has(low(end))) {
          mods.push(low(end));
          end++;
        }
        return { wordCount: end, base, modifiers: mods, known: true, kind };
      }
    }
    return undefined;
  }
}

let defaultBook: PhraseBook | undefined;

/**
 * Opening phrases counted in adopted resolutions (data/phrases.json, built from the AKN4UN
 * corpus and the seeds by test/tools/build-phrases.ts): phrase → frequency.
 */
export function corpusPhraseCounts(kind: PhraseKind): Record<string, number> {
  return ((phraseData as { operative?: Record<string, number>; preambular?: Record<string, number> })[kind] ?? {}) as Record<string, number>;
}

/**
 * The built-in phrase book (seed lists plus any data registered with `extendDefaultPhrases`).
 * The corpus phrases are not added: many of them run on into the object ("stresses the
 * importance"), which would stretch openings beyond what writers italicise. The checks use them
 * (with their frequencies) to decide whether an opening word is known and what to suggest.
 */
export function defaultPhrases(): PhraseBook {
  if (!defaultBook) defaultBook = new PhraseBook();
  return defaultBook;
}

/**
 * The nearest known phrase head for an unknown opening word (fastest-levenshtein), only when close
 * enough to be a slip of the keys; undefined for a known word. Extra phrases (from configuration)
 * count as known.
 */
export function suggestPhrase(kind: PhraseKind, word: string, extra: string[] = []): string | undefined {
  return phraseKnowledge({ [kind]: extra }).suggest(kind, word)?.word;
}

/** Adds phrases to the built-in book (used to load corpus-derived phrase data once at start-up). */
export function extendDefaultPhrases(kind: PhraseKind, phrases: Iterable<string>): void {
  const book = defaultPhrases();
  for (const p of phrases) book.add(kind, p);
}
