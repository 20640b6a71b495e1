/**
 * Phrase knowledge for the checks: which words open operative and preambular paragraphs, from
 * the catalogue's lists, the corpus-derived data (data/phrases.json: phrase → frequency) and the
 * user's extra phrases; modifiers ("also", "further", "strongly", other -ly adverbs) stripped;
 * nearest known phrase for an unknown opening (fastest-levenshtein), only when close.
 */
import { distance } from 'fastest-levenshtein';
import shippedData from '../data/phrases.json';

export type PhraseKind = 'operative' | 'preambular';

/** DRAFTING.md seed lists (heads are their first words after modifiers). */
export const OPERATIVE_SEED = [
  'Accepts', 'Acknowledges', 'Adopts', 'Affirms', 'Appeals', 'Appreciates', 'Approves', 'Asks', 'Authorizes',
  'Calls for', 'Calls on', 'Calls upon', 'Commends', 'Condemns', 'Confirms', 'Congratulates', 'Considers',
  'Decides', 'Declares', 'Demands', 'Deplores', 'Designates', 'Directs', 'Draws the attention', 'Emphasizes',
  'Encourages', 'Endorses', 'Expresses its appreciation', 'Expresses concern', 'Expresses its hope', 'Instructs',
  'Invites', 'Looks forward to', 'Notes', 'Notes with appreciation', 'Notes with concern', 'Notes with satisfaction',
  'Proclaims', 'Proposes', 'Reaffirms', 'Recalls', 'Recognizes', 'Recommends', 'Regrets', 'Reiterates', 'Reminds',
  'Renews', 'Requests', 'Resolves', 'Stresses', 'Strongly condemns', 'Strongly encourages', 'Strongly urges',
  'Suggests', 'Supports', 'Takes note', 'Takes note of', 'Takes note with appreciation', 'Underlines', 'Underscores',
  'Urges', 'Welcomes',
];

export const PREAMBULAR_SEED = [
  'Acknowledging', 'Affirming', 'Alarmed', 'Appreciating', 'Approving', 'Aware', 'Bearing in mind', 'Believing',
  'Commending', 'Concerned', 'Confident', 'Conscious', 'Considering', 'Convinced', 'Declaring', 'Deeply concerned',
  'Deeply convinced', 'Deeply disturbed', 'Deploring', 'Desiring', 'Determined', 'Emphasizing', 'Encouraging',
  'Endorsing', 'Expressing its appreciation', 'Expressing concern', 'Expressing deep concern',
  'Expressing serious concern', 'Gravely concerned', 'Guided by', 'Having adopted', 'Having considered',
  'Having examined', 'Having heard', 'Having received', 'Having reviewed', 'Keeping in mind', 'Mindful', 'Noting',
  'Noting with appreciation', 'Noting with concern', 'Noting with satisfaction', 'Reaffirming', 'Realizing',
  'Recalling', 'Recognizing', 'Reiterating', 'Remaining concerned', 'Seriously concerned', 'Stressing',
  'Taking into account', 'Taking note', 'Underlining', 'Welcoming',
];

/** Adverbs that modify a base phrase rather than being one. */
const MODIFIERS = new Set(['also', 'further', 'furthermore', 'strongly', 'once', 'again', 'hereby', 'moreover']);

export function isModifier(word: string): boolean {
  const w = word.toLowerCase();
  return MODIFIERS.has(w) || (w.length > 4 && w.endsWith('ly') && w !== 'only');
}

/** Heads whose base phrase needs two or more words ("having considered", "bearing in mind"). */
const COMPOUND_HEADS = new Set(['having', 'bearing', 'keeping', 'taking', 'takes', 'calls', 'draws', 'looks', 'expressing', 'expresses', 'noting', 'notes', 'guided']);

export interface Word {
  text: string;
  start: number;
  end: number;
}

/**
 * The leading words of a paragraph's source from `start` (past any number token), skipping
 * emphasis markers, with their source offsets. Stops at the first non-word token.
 */
export function leadingWords(source: string, start: number, end: number, max = 6): Word[] {
  const words: Word[] = [];
  const re = /[*_\s]+|([\p{L}][\p{L}\p{M}'’-]*)/uy;
  re.lastIndex = start;
  while (re.lastIndex < end && words.length < max) {
    const at = re.lastIndex;
    const m = re.exec(source);
    if (!m || m.index !== at) break;
    if (m[1]) words.push({ text: m[1], start: at, end: at + m[1].length });
  }
  return words;
}

/** The first word that is not a modifier, with the modifiers before it. */
export function headOf(words: Word[]): { head?: Word; before: Word[] } {
  const before: Word[] = [];
  for (const w of words) {
    if (isModifier(w.text)) before.push(w);
    else return { head: w, before };
  }
  return { before };
}

export interface PhraseData {
  operative?: Record<string, number>;
  preambular?: Record<string, number>;
}

export interface Suggestion {
  /** The known head word, cased like the original. */
  word: string;
  distance: number;
}

const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'it', 'their', 'in', 'on', 'at', 'for', 'with', 'by',
  'to', 'of', 'and', 'or', 'as', 'all', 'each', 'any', 'no', 'not', 'if', 'when', 'which', 'who', 'whereas', 'there',
  'shall', 'should', 'will', 'would', 'may', 'must', 'is', 'are', 'be', 'we', 'they', 'he', 'she', 'i',
]);

function normaliseHead(word: string): string {
  return word.toLowerCase().replace(/’/g, "'");
}

export class PhraseKnowledge {
  private heads: Record<PhraseKind, Map<string, number>> = { operative: new Map(), preambular: new Map() };
  private phrases: Record<PhraseKind, Map<string, number>> = { operative: new Map(), preambular: new Map() };

  constructor(data: PhraseData = {}, extra: { operative?: string[]; preambular?: string[] } = {}) {
    for (const kind of ['operative', 'preambular'] as PhraseKind[]) {
      const seed = kind === 'operative' ? OPERATIVE_SEED : PREAMBULAR_SEED;
      for (const p of seed) this.add(kind, p, 1);
      for (const [p, n] of Object.entries(data[kind] ?? {})) this.add(kind, p, n);
      for (const p of extra[kind] ?? []) if (typeof p === 'string') this.add(kind, p, 1);
    }
  }

  private add(kind: PhraseKind, phrase: string, n: number): void {
    const words = phrase
      .replace(/[*_,;:.]/g, ' ')
      .split(/\s+/)
      .filter(Boolean)
      .map(normaliseHead);
    if (!words.length || !words.every((w) => /^[a-z][a-z'-]*$/.test(w))) return;
    const key = words.join(' ');
    this.phrases[kind].set(key, (this.phrases[kind].get(key) ?? 0) + n);
    const head = words.find((w) => !isModifier(w)) ?? words[words.length - 1];
    this.heads[kind].set(head, (this.heads[kind].get(head) ?? 0) + n);
  }

  /** Is the word the head of a known phrase of this kind? */
  isHead(kind: PhraseKind, word: string): boolean {
    return this.heads[kind].has(normaliseHead(word));
  }

  headCount(kind: PhraseKind): number {
    return this.heads[kind].size;
  }

  /** How often the head occurs in the data (0 when unknown). */
  frequency(kind: PhraseKind, word: string): number {
    return this.heads[kind].get(normaliseHead(word)) ?? 0;
  }

  /** Is the word a modifier-free head that needs a following word ("having", "bearing")? */
  isCompoundHead(word: string): boolean {
    return COMPOUND_HEADS.has(normaliseHead(word));
  }

  /**
   * The nearest known head for an unknown word, only when close enough to be a slip of the keys:
   * at most 1 edit for words up to 7 letters, 2 up to 12, 3 beyond (keeping the first letter when
   * more than one); never for a known word.
   */
  suggest(kind: PhraseKind, word: string): Suggestion | undefined {
    const w = normaliseHead(word);
    if (this.heads[kind].has(w) || w.length < 3) return undefined;
    const limit = w.length <= 7 ? 1 : w.length <= 12 ? 2 : 3;
    let best: string | undefined;
    let bestD = Infinity;
    let bestN = -1;
    for (const [h, n] of this.heads[kind]) {
      if (Math.abs(h.length - w.length) > limit) continue;
      const d = slips(w, h);
      if (d > 1 && h[0] !== w[0]) continue; // beyond one slip, a typo keeps its first letter
      if (d < bestD || (d === bestD && n > bestN)) {
        best = h;
        bestD = d;
        bestN = n;
      }
    }
    if (!best || bestD > limit) return undefined;
    return { word: matchCase(word, best), distance: bestD };
  }

  /**
   * A slip inside a known phrase after its head ("Noting with concen" → "concern"): the words from
   * the head on match a known phrase of two words or more except one word, close enough to be a
   * slip of the keys, that occurs in no known phrase. `words` start at the head.
   */
  suggestInPhrase(kind: PhraseKind, words: string[]): { index: number; word: string } | undefined {
    const lower = words.map(normaliseHead);
    if (!lower.length || this.phrases[kind].has(lower.join(' '))) return undefined;
    let best: { index: number; word: string; n: number } | undefined;
    for (const [key, n] of this.phrases[kind]) {
      const ph = key.split(' ');
      if (ph.length < 2 || ph.length > lower.length || ph[0] !== lower[0]) continue;
      if (this.phrases[kind].has(lower.slice(0, ph.length).join(' '))) return undefined; // the text is a known phrase
      let diff = -1;
      for (let i = 1; i < ph.length; i++) {
        if (ph[i] === lower[i]) continue;
        if (diff >= 0) {
          diff = -2;
          break;
        }
        diff = i;
      }
      if (diff < 1) continue;
      const w = lower[diff];
      if (w.length < 4 || this.vocabulary().has(w)) continue;
      if (w === ph[diff] + 's' || w + 's' === ph[diff]) continue; // a plural is no slip ("its decisions")
      if (slips(w, ph[diff]) > (w.length <= 7 ? 1 : 2)) continue;
      if (!best || n > best.n) best = { index: diff, word: matchCase(words[diff], ph[diff]), n };
    }
    return best && { index: best.index, word: best.word };
  }

  private vocab?: Set<string>;
  /** Every word of every known phrase. */
  private vocabulary(): Set<string> {
    if (!this.vocab) {
      this.vocab = new Set();
      for (const kind of ['operative', 'preambular'] as PhraseKind[]) for (const key of this.phrases[kind].keys()) for (const w of key.split(' ')) this.vocab.add(w);
    }
    return this.vocab;
  }

  /** A word that cannot open a paragraph of this kind whatever the list (articles, pronouns …). */
  clearlyNotPhrase(kind: PhraseKind, word: string): boolean {
    const w = normaliseHead(word);
    if (FUNCTION_WORDS.has(w)) return true;
    if (!/^\p{Lu}/u.test(word)) return true; // a paragraph opens with a capital
    return false;
  }
}

/**
 * Slips of the keys between two words: edits where swapping two neighbouring letters counts as
 * one ("invties" → "invites" is 1), the optimal string alignment distance.
 */
export function slips(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3) return distance(a, b);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export function matchCase(model: string, word: string): string {
  if (model === model.toUpperCase() && model.length > 1) return word.toUpperCase();
  if (/^\p{Lu}/u.test(model)) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/** The shipped phrase data (server/src/core/data/phrases.json, built by test/tools/build-phrases.ts). */
export function shippedPhraseData(): PhraseData {
  return shippedData as PhraseData;
}

const cache = new Map<string, PhraseKnowledge>();
/** Knowledge for a set of user extras, cached by their content. */
export function phraseKnowledge(extra: { operative?: string[]; preambular?: string[] } = {}): PhraseKnowledge {
  const key = JSON.stringify([extra.operative ?? [], extra.preambular ?? []]);
  let k = cache.get(key);
  if (!k) {
    k = new PhraseKnowledge(shippedPhraseData(), extra);
    if (cache.size > 20) cache.clear();
    cache.set(key, k);
  }
  return k;
}
