/**
 * Paragraph alignment of two versions of a text (L.12 and L.12/Rev.1, a base resolution and the
 * draft built on it): which paragraph became which, found by similarity so that a moved paragraph
 * is a move (not a deletion and an insertion) and a split or merged paragraph is recognised; then a
 * word diff inside each aligned pair. The one alignment that compare, "changes against base" and
 * the Word redline share. Plain TypeScript, no LSP import.
 */
import { diffWords, WordDiffPart } from './words';

export type AlignKind = 'unchanged' | 'changed' | 'moved' | 'added' | 'deleted';

export interface AlignedPair {
  /** Index into the old paragraphs, or null for an added paragraph. */
  old: number | null;
  /** Index into the new paragraphs, or null for a deleted paragraph. */
  new: number | null;
  kind: AlignKind;
  /** Similarity of the two texts in [0, 1] (1 for unchanged; 0 for added and deleted). */
  similarity: number;
  /** For a moved pair: whether its text changed too. */
  textChanged?: boolean;
  /** An added paragraph that was split off this old paragraph (which is paired with a neighbour). */
  splitFrom?: number;
  /** A deleted paragraph whose text was merged into this new paragraph. */
  mergedInto?: number;
  /** Old → new word diff (exact: see words.ts); a whole insert or delete for added and deleted. */
  diff: WordDiffPart[];
}

export interface AlignOptions {
  /** Least similarity for two paragraphs to be the same paragraph (default 0.5). */
  minSimilarity?: number;
  /** Least share of a paragraph's word pairs found in another for a split or merge (default 0.8). */
  minContainment?: number;
}

/** Leading paragraph labels that say nothing about content: `5.`, `5 bis.`, `OP5 alt 2`, `PP3`, `(a)`. */
const LEADING_LABEL =
  /^\s*(?:(?:[OP]P\s*\d+[a-z]?(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies|alt(?:\s*\d+)?))*\.?|\d+(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?\s*\.|\(\s*[a-z]{1,6}\s*\))\s*)/i;

/** The words of a paragraph for comparison: case folded, markup and leading label dropped. */
export function comparisonWords(text: string): string[] {
  const body = text
    .replace(LEADING_LABEL, '')
    .replace(/<sup>[^<]*<\/sup>|\[\^[^\]\s]*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .toLowerCase();
  return body.match(/[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*/gu) ?? [];
}

interface Profile {
  words: string[];
  key: string;
  uni: Map<string, number>;
  bi: Map<string, number>;
  nBi: number;
}

function counts(items: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function profile(text: string): Profile {
  const words = comparisonWords(text);
  const bigrams: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) bigrams.push(words[i] + ' ' + words[i + 1]);
  return { words, key: words.join(' '), uni: counts(words), bi: counts(bigrams), nBi: bigrams.length };
}

function overlap(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const [k, c] of small) {
    const d = large.get(k);
    if (d) n += Math.min(c, d);
  }
  return n;
}

function similarityOf(a: Profile, b: Profile): number {
  const na = a.words.length;
  const nb = b.words.length;
  if (na === 0 && nb === 0) return 1;
  if (na === 0 || nb === 0) return 0;
  const uni = (2 * overlap(a.uni, b.uni)) / (na + nb);
  if (a.nBi + b.nBi === 0) return uni;
  const bi = (2 * overlap(a.bi, b.bi)) / (a.nBi + b.nBi);
  return (uni + bi) / 2;
}

/** Similarity of two paragraphs in [0, 1]: word and word-pair overlap, order-aware through the pairs. */
export function paragraphSimilarity(a: string, b: string): number {
  return similarityOf(profile(a), profile(b));
}

/** Share of `part`'s word pairs (words, for one-word texts) that `whole` contains. */
function containment(part: Profile, whole: Profile): number {
  if (part.nBi > 0) return overlap(part.bi, whole.bi) / part.nBi;
  if (part.words.length === 0) return 0;
  return overlap(part.uni, whole.uni) / part.words.length;
}

/** Indices (into `seq`) of a longest strictly increasing subsequence. */
function longestIncreasing(seq: number[]): Set<number> {
  const tails: number[] = [];
  const prev = new Array<number>(seq.length).fill(-1);
  for (let i = 0; i < seq.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (seq[tails[mid]] < seq[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const out = new Set<number>();
  for (let k = tails.length ? tails[tails.length - 1] : -1; k >= 0; k = prev[k]) out.add(k);
  return out;
}

/**
 * Aligns two versions' paragraphs. Each old and each new paragraph appears in exactly one pair.
 * The pairs come in reading order of the new text, with each deleted paragraph placed where it
 * stood among the paragraphs that kept their place.
 */
export function alignParagraphs(oldTexts: string[], newTexts: string[], options: AlignOptions = {}): AlignedPair[] {
  const minSim = options.minSimilarity ?? 0.5;
  const minContain = options.minContainment ?? 0.8;
  const op = oldTexts.map(profile);
  const np = newTexts.map(profile);
  const matchOld = new Array<number>(oldTexts.length).fill(-1); // old → new
  const matchNew = new Array<number>(newTexts.length).fill(-1); // new → old
  const sim = new Map<number, number>(); // new index → similarity of its pair

  // 1. Identical paragraphs, nearest position first (repeated identical paragraphs pair in order).
  const byKey = new Map<string, number[]>();
  op.forEach((p, i) => {
    if (!p.key) return;
    const l = byKey.get(p.key);
    if (l) l.push(i);
    else byKey.set(p.key, [i]);
  });
  np.forEach((p, j) => {
    const l = byKey.get(p.key);
    if (!l || l.length === 0) return;
    const i = l.shift()!;
    matchOld[i] = j;
    matchNew[j] = i;
    sim.set(j, 1);
  });

  // 2. The rest by similarity, best first; ties to the pair closest in relative position.
  const cand: Array<{ i: number; j: number; s: number; d: number }> = [];
  const rel = (k: number, n: number) => (n <= 1 ? 0 : k / (n - 1));
  for (let j = 0; j < np.length; j++) {
    if (matchNew[j] >= 0) continue;
    for (let i = 0; i < op.length; i++) {
      if (matchOld[i] >= 0) continue;
      const s = similarityOf(op[i], np[j]);
      if (s >= minSim) cand.push({ i, j, s, d: Math.abs(rel(i, op.length) - rel(j, np.length)) });
    }
  }
  cand.sort((x, y) => y.s - x.s || x.d - y.d);
  for (const c of cand) {
    if (matchOld[c.i] >= 0 || matchNew[c.j] >= 0) continue;
    matchOld[c.i] = c.j;
    matchNew[c.j] = c.i;
    sim.set(c.j, c.s);
  }

  // 3. Moves: the matched pairs outside a longest run in order are the moved ones.
  const matchedNew: number[] = [];
  for (let j = 0; j < np.length; j++) if (matchNew[j] >= 0) matchedNew.push(j);
  const inPlace = longestIncreasing(matchedNew.map((j) => matchNew[j]));
  const stays = new Set<number>(); // new indices of pairs in place
  matchedNew.forEach((j, k) => {
    if (inPlace.has(k)) stays.add(j);
  });

  // 4. Splits and merges among the unmatched.
  const splitFrom = new Map<number, number>();
  const mergedInto = new Map<number, number>();
  for (let j = 0; j < np.length; j++) {
    if (matchNew[j] >= 0 || np[j].words.length < 3) continue;
    for (const nb of [j - 1, j + 1]) {
      const i = nb >= 0 && nb < np.length ? matchNew[nb] : -1;
      if (i >= 0 && containment(np[j], op[i]) >= minContain) {
        splitFrom.set(j, i);
        break;
      }
    }
  }
  for (let i = 0; i < op.length; i++) {
    if (matchOld[i] >= 0 || op[i].words.length < 3) continue;
    for (const nb of [i - 1, i + 1]) {
      const j = nb >= 0 && nb < op.length ? matchOld[nb] : -1;
      if (j >= 0 && containment(op[i], np[j]) >= minContain) {
        mergedInto.set(i, j);
        break;
      }
    }
  }

  // 5. Reading order: new paragraphs in order; a deleted paragraph goes before the first
  // in-place pair whose old index is past it.
  const pairs: AlignedPair[] = [];
  const deleted = oldTexts.map((_, i) => i).filter((i) => matchOld[i] < 0);
  let d = 0;
  const emitDeletedBefore = (limit: number) => {
    while (d < deleted.length && deleted[d] < limit) {
      const i = deleted[d++];
      const pair: AlignedPair = {
        old: i,
        new: null,
        kind: 'deleted',
        similarity: 0,
        diff: oldTexts[i] ? [{ op: 'delete', text: oldTexts[i] }] : [],
      };
      if (mergedInto.has(i)) pair.mergedInto = mergedInto.get(i);
      pairs.push(pair);
    }
  };
  for (let j = 0; j < np.length; j++) {
    const i = matchNew[j];
    if (i < 0) {
      const pair: AlignedPair = {
        old: null,
        new: j,
        kind: 'added',
        similarity: 0,
        diff: newTexts[j] ? [{ op: 'insert', text: newTexts[j] }] : [],
      };
      if (splitFrom.has(j)) pair.splitFrom = splitFrom.get(j);
      pairs.push(pair);
      continue;
    }
    if (stays.has(j)) emitDeletedBefore(i);
    const same = oldTexts[i].replace(/\s+/g, ' ').trim() === newTexts[j].replace(/\s+/g, ' ').trim();
    const pair: AlignedPair = {
      old: i,
      new: j,
      kind: !stays.has(j) ? 'moved' : same ? 'unchanged' : 'changed',
      similarity: same ? 1 : Math.round((sim.get(j) ?? 0) * 1000) / 1000,
      diff: diffWords(oldTexts[i], newTexts[j]),
    };
    if (!stays.has(j)) pair.textChanged = !same;
    pairs.push(pair);
  }
  emitDeletedBefore(Infinity);
  return pairs;
}

export interface AlignSummary {
  added: number;
  deleted: number;
  moved: number;
  changed: number;
  unchanged: number;
}

export function summarize(pairs: AlignedPair[]): AlignSummary {
  const s: AlignSummary = { added: 0, deleted: 0, moved: 0, changed: 0, unchanged: 0 };
  for (const p of pairs) s[p.kind]++;
  return s;
}
