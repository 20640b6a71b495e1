/**
 * The precedent index: corpus paragraphs encoded as word codes, an inverted index of word
 * bigrams (compressed sparse rows over hashed buckets, rarest bigrams first at query time) that
 * proposes candidates, and fastest-levenshtein re-ranking of those candidates word by word.
 * A sorted array of the encoded paragraphs answers prefix queries (completions) by binary search.
 *
 * Incremental: paragraphs added after the last build go to a small delta index; removed ones are
 * tombstoned. `commit()` (automatic when the delta grows) folds everything into the static part.
 *
 * Languages: each paragraph carries its language; words are normalised per language, each
 * language has its own word codes, bigram buckets are salted by language and a search returns
 * precedents of the query's language only (English by default).
 *
 * Memory: everything per paragraph lives in typed arrays — word codes in one shared Uint16Array,
 * texts in a token-compressed byte store (`textstore.ts`), postings in one byte array (each list:
 * its length, then the gaps between its ascending ids, as variable-length integers) — so a
 * million paragraphs are a few hundred MB and a handful of objects. `serialize()` writes those
 * arrays as they are; `deserialize()` maps them back without re-tokenizing anything.
 */
import { distance } from 'fastest-levenshtein';
import { KINDS, Match, ParagraphKind, ParagraphRecord, SearchOptions, SourceDocument } from './types';
import { foldWord, isApostrophe, Plain, plainEnglish, Vocabulary, words, wordSpans } from './normalize';
import { LANGUAGES, Lang } from '../languages';
import { similarity, similarityOf } from './similarity';
import { QueryDistance } from './levenshtein';
import { grow, isWordUnit, packStrings, PackedStrings, TextStore } from './textstore';

export { similarity, textSimilarity, wordSimilarity } from './similarity';

const NO_SOURCE = -1;
/** The code of a token of punctuation only (no corpus word has it: corpus codes stay below Vocabulary.RESERVED). */
const NO_WORD = 0xffff;
/** Bigrams among the first OPENING words are also indexed as "opening" bigrams (for completions). */
const OPENING = 8;
const OPENING_SALT = 0x9e3779b9;

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Bucket salt of each language (English 0). */
const LANG_SALT = LANGUAGES.map((_l, i) => (i === 0 ? 0 : mix32(0x2545f491 * (i + 1))));

function langIndex(lang: Lang | undefined): number {
  if (lang === undefined) return 0;
  const i = LANGUAGES.indexOf(lang);
  return i < 0 ? 0 : i;
}

/** A string of UTF-16 code units from a slice of codes. */
function codesToString(a: Uint16Array): string {
  if (a.length <= 8192) return String.fromCharCode.apply(null, a as unknown as number[]);
  let s = '';
  for (let i = 0; i < a.length; i += 8192) s += String.fromCharCode.apply(null, a.subarray(i, i + 8192) as unknown as number[]);
  return s;
}

export interface IndexStats {
  paragraphs: number;
  vocabulary: number;
  buckets: number;
  postings: number;
  delta: number;
  /** Live paragraphs per language. */
  languages: Record<Lang, number>;
}

/** Version of the `serialize()` format; `deserialize()` refuses any other. */
export const INDEX_FORMAT_VERSION = 4;
const MAGIC = 0x49504452; // "RDPI" little-endian

/**
 * Search effort, shared by the embedded index and the corpus database so that both find the same
 * candidates: how many candidates are re-ranked, and how many postings are read per query (rarest
 * bigrams first; a bigram found in more than `maxDfShare` of the corpus is not read unless it is the
 * rarest one).
 */
export const SEARCH_TUNING = Object.freeze({
  candidates: 300,
  budgetBase: 4000,
  budgetShare: 0.02,
  maxDfShare: 0.05,
  /** A second, wider pass when the k-th best of the first is below `weak`. */
  weak: 0.5,
  weakCandidates: 1000,
  weakBudgetShare: 0.5,
  weakMaxDfShare: 0.3,
  /** At most this many postings are read by one pass, whatever the corpus size. */
  budgetMax: 40000,
  weakBudgetMax: 100000,
  /** Copies of the whole query (same words) added to the first pass's candidates. */
  copies: 32,
  /** Near-duplicates of this many of the best are re-ranked too, */
  expand: 1,
  /** each from this many candidates, */
  expandCandidates: 150,
  /** read from this many postings (rarest bigrams of the near-duplicate first). */
  expandBudget: 4000,
});

/** How much of the index one pass reads. */
export interface SearchEffort {
  budgetBase: number;
  budgetShare: number;
  maxDfShare: number;
  budgetMax: number;
}

/** The postings budget and the largest list read (besides the rarest) of a pass over `live` paragraphs. */
export function passBudget(live: number, effort: SearchEffort): { budget: number; maxDf: number } {
  return {
    budget: Math.min(effort.budgetMax, effort.budgetBase + live * effort.budgetShare),
    maxDf: Math.max(effort.budgetBase, live * effort.maxDfShare),
  };
}

/** The effort of the first pass and of the wider one. */
export function passEffort(tuning: typeof SEARCH_TUNING, wide: boolean): SearchEffort {
  return wide
    ? {
        budgetBase: tuning.budgetBase,
        budgetShare: tuning.weakBudgetShare,
        maxDfShare: tuning.weakMaxDfShare,
        budgetMax: tuning.weakBudgetMax,
      }
    : { budgetBase: tuning.budgetBase, budgetShare: tuning.budgetShare, maxDfShare: tuning.maxDfShare, budgetMax: tuning.budgetMax };
}

/** An open scan of posting lists (see `PrecedentIndex.scanOpen`). */
interface Scan {
  li: number;
  mode: 'body' | 'opening';
  /** The query's buckets. */
  qn: number;
  /** Its non-empty lists, rarest first. */
  lists: Array<{ b: number; df: number }>;
  /** The next list to read, and the postings of the lists read. */
  next: number;
  spent: number;
  /** Paragraphs seen (in `touched[0 .. touched)`). */
  touched: number;
  /** A list was read only in part (the budget ran out in it). */
  clipped: boolean;
  /** Paragraphs seen more than once (in `multi[0 .. multi)`, in the order they were seen twice). */
  multi: number;
  /** Every paragraph seen has its place in `touched` beside its count (false past `SCAN_PLACES`). */
  placed: boolean;
}

/**
 * A scan keeps, per paragraph, how many of the lists read hold it (the low `COUNT_BITS` bits) and
 * where it was first seen (its place in the order seen, above them), in one number: the count is
 * read and written where the place is, at no further cost, and the paragraphs seen more than once
 * can be put back in the order seen without visiting the others.
 */
const COUNT_BITS = 12;
const COUNT_MASK = (1 << COUNT_BITS) - 1;
/** At most this many lists are read per scan (the rarest), so that a count fits its bits. */
export const SCAN_LISTS_MAX = COUNT_MASK;
/** Places above this are not kept (the scan then ranks every paragraph seen). */
const SCAN_PLACES = (1 << (32 - COUNT_BITS)) - 1;

/** Candidates are ranked by their share of the query's bigrams, quantised to this many steps. */
export const SHARE_BINS = 1024;

export class PrecedentIndex {
  /** Word codes per language (index into LANGUAGES); after deserialize(), built on first use. */
  private vocabs: Array<Vocabulary | undefined> = LANGUAGES.map(() => new Vocabulary());
  private pendingVocab: { words: PackedStrings; from: number[] } | undefined;

  private voc(li: number): Vocabulary {
    let v = this.vocabs[li];
    if (!v) {
      v = this.vocabs[li] = new Vocabulary();
      const p = this.pendingVocab!;
      for (let i = p.from[li]; i < p.from[li + 1]; i++) v.add(p.words.get(i));
    }
    return v;
  }
  private n = 0;
  private texts = new TextStore();
  /** Words of each paragraph. */
  private nwords = new Uint32Array(1024);
  /**
   * Word codes, kept once with the texts: a paragraph's codes are its text's tokens, each mapped to
   * the code of the word it opens with (`tcodes`, one map per language; NO_WORD: a token of
   * punctuation only; 0: not known yet). A paragraph whose words are not its tokens' words (an
   * apostrophe inside a word, a leading number, a link, Chinese) keeps its codes apart, in
   * xpool[xstart[id] .. + nwords[id]) (xstart[id] -1: the codes are its tokens').
   */
  private tcodes: Uint16Array[] = LANGUAGES.map(() => new Uint16Array(0));
  private xstart = new Int32Array(1024);
  private xpool = new Uint16Array(1 << 12);
  private xused = 0;
  private bufs = [new Uint16Array(1024), new Uint16Array(1024)];
  private kinds = new Uint8Array(1024);
  private langs = new Uint8Array(1024);
  private alive = new Uint8Array(1024);
  private lines = new Uint32Array(1024);
  private srcOf = new Int32Array(1024);
  private numberOf = new Uint32Array(1024);
  private numberTable: string[] = [];
  private numberIds = new Map<string, number>();
  private liveCount = 0;
  /** Live paragraphs per language: a search's effort follows the size of its language's part. */
  private liveByLang = LANGUAGES.map(() => 0);
  private sources: SourceDocument[] = [];
  private sourceIds = new Map<SourceDocument, number>();

  // static part
  private staticCount = 0;
  private mask = 0;
  private starts = new Uint32Array(1);
  /** Posting lists, bucket b at postings[starts[b] .. starts[b + 1]): varint length, then varint id gaps. */
  private postings = new Uint8Array(0);
  /** Postings held (ids in all lists). */
  private postingCount = 0;
  private sorted = new Uint32Array(0);
  /** For each position of `sorted`, the end of its run of identical wordings. */
  private runEnd = new Uint32Array(0);
  // delta part: ids >= staticCount
  private delta = new Map<number, number[]>();
  // scratch
  private counts = new Uint32Array(1024);

  /** The English word codes. */
  get vocab(): Vocabulary {
    return this.voc(0);
  }

  /** The word codes of `lang`. */
  vocabulary(lang: Lang = 'en'): Vocabulary {
    return this.voc(langIndex(lang));
  }

  get size(): number {
    return this.liveCount;
  }

  stats(): IndexStats {
    return {
      paragraphs: this.liveCount,
      vocabulary: LANGUAGES.reduce((a, _l, i) => a + this.voc(i).size, 0),
      buckets: this.mask + 1,
      postings: this.postingCount,
      delta: this.n - this.staticCount,
      languages: Object.fromEntries(LANGUAGES.map((l, i) => [l, this.liveByLang[i]])) as Record<Lang, number>,
    };
  }

  /** Bytes held in typed arrays, by part (for benchmarks). */
  memory(): Record<string, number> {
    return {
      texts: this.texts.byteLength,
      codes: this.n * 8 + this.xused * 2 + this.tcodes.reduce((a, t) => a + t.byteLength, 0),
      postings: this.postings.byteLength + this.starts.byteLength,
      prefix: this.sorted.byteLength + this.runEnd.byteLength,
      perParagraph: this.n * 14,
    };
  }

  private codeLength(id: number): number {
    return this.nwords[id];
  }

  /**
   * The word codes of paragraph `id`. (Decoded into scratch buffer `which` unless kept apart:
   * valid until the next call with the same `which`.)
   */
  private codeArray(id: number, which = 0): Uint16Array {
    const len = this.nwords[id];
    const x = this.xstart[id];
    if (x >= 0) return this.xpool.subarray(x, x + len);
    let buf = this.bufs[which];
    if (buf.length < len) buf = this.bufs[which] = new Uint16Array(len * 2);
    this.texts.mapTokens(id, this.tcodes[this.langs[id]], buf);
    return buf.subarray(0, len);
  }

  /** The code of the word token `t` opens with, in language `li` (NO_WORD: none; 0: a word not in the vocabulary). */
  private tokenCode(t: number, li: number): number {
    const w = this.texts.tokenWord(t);
    if (w === '') return NO_WORD;
    return this.voc(li).get(li === 0 ? w.toLowerCase() : foldWord(w, LANGUAGES[li])) ?? 0;
  }

  /** Adds a paragraph; returns its id. Call commit() after a batch (done automatically for large deltas). */
  add(rec: ParagraphRecord): number {
    const id = this.n;
    const li = langIndex(rec.lang);
    // An English text of plain words: its words are its tokens' (read from the text store, no
    // regular expression, no string per word).
    this.texts.add(rec.text);
    const plain = li === 0 && !this.texts.lastCut ? plainEnglish(rec.text, this.texts.lastChars) : Plain.No;
    if (this.tcodes[li].length < this.texts.tokenCount) this.tcodes[li] = grow(this.tcodes[li], this.texts.tokenCount);
    const tc = this.tcodes[li];
    const toks = this.texts.lastTokens;
    let buf = this.bufs[0];
    if (buf.length < toks.length) buf = this.bufs[0] = new Uint16Array(toks.length * 2);
    let count = 0;
    let same = true;
    if (plain === Plain.Runs) {
      const vocab = this.voc(0);
      for (let j = 0; j < toks.length; j++) {
        const t = toks[j];
        let c = tc[t];
        if (c === 0) {
          const w = this.texts.tokenWord(t);
          c = tc[t] = w === '' ? NO_WORD : vocab.add(w.toLowerCase());
        }
        if (c !== NO_WORD) buf[count++] = c;
      }
    } else {
      if (plain === Plain.Apostrophes) {
        count = this.apostropheWords(toks, buf);
      } else {
        const ws = words(rec.text, LANGUAGES[li]);
        count = ws.length;
        if (buf.length < count) buf = this.bufs[0] = new Uint16Array(count * 2);
        this.voc(li).encodeTo(ws, buf, 0);
      }
      // the codes are the text's tokens' when its tokens open with its words, in order
      let k = 0;
      for (let j = 0; j < toks.length && same; j++) {
        const t = toks[j];
        let c = tc[t];
        if (c === 0) {
          c = this.tokenCode(t, li);
          if (c === 0) {
            same = false;
            break;
          }
          tc[t] = c;
        }
        if (c === NO_WORD) continue;
        if (k < count && buf[k] === c) k++;
        else same = false;
      }
      if (k !== count) same = false;
    }
    const cap = id + 1;
    if (this.nwords.length < cap) {
      this.nwords = grow(this.nwords, cap);
      const m = this.nwords.length;
      this.xstart = grow(this.xstart, m);
      this.kinds = grow(this.kinds, m);
      this.langs = grow(this.langs, m);
      this.alive = grow(this.alive, m);
      this.lines = grow(this.lines, m);
      this.srcOf = grow(this.srcOf, m);
      this.numberOf = grow(this.numberOf, m);
    }
    this.nwords[id] = count;
    if (same) {
      this.xstart[id] = -1;
    } else {
      this.xpool = grow(this.xpool, this.xused + count);
      this.xpool.set(buf.subarray(0, count), this.xused);
      this.xstart[id] = this.xused;
      this.xused += count;
    }
    this.kinds[id] = Math.max(0, KINDS.indexOf(rec.kind));
    this.langs[id] = li;
    let num = this.numberIds.get(rec.paragraph);
    if (num === undefined) {
      num = this.numberTable.length;
      this.numberTable.push(rec.paragraph);
      this.numberIds.set(rec.paragraph, num);
    }
    this.numberOf[id] = num;
    this.lines[id] = rec.line;
    let s = this.sourceIds.get(rec.source);
    if (s === undefined) {
      s = this.sources.length;
      this.sources.push(rec.source);
      this.sourceIds.set(rec.source, s);
    }
    this.srcOf[id] = s;
    this.alive[id] = 1;
    this.n++;
    this.liveCount++;
    this.liveByLang[li]++;
    if (this.mask !== 0) {
      for (const b of this.bucketsOf(this.codeArray(id), 'all', li)) {
        let list = this.delta.get(b);
        if (!list) this.delta.set(b, (list = []));
        list.push(id);
      }
    }
    return id;
  }

  /**
   * The English word codes of the text added last, whose words are its tokens' except across
   * apostrophes inside words (`Plain.Apostrophes`), into `out` (growing the vocabulary, in the
   * order of the words, as `encodeTo` would); returns their count. The token map is not written:
   * the caller's check does that as for any text.
   */
  private apostropheWords(toks: Uint32Array, out: Uint16Array): number {
    const vocab = this.voc(0);
    const tc = this.tcodes[0];
    const ends = this.texts.lastTokenEnds;
    const chars = this.texts.lastChars;
    const nt = toks.length;
    // token j (from `from` to ends[j]) is a word and an apostrophe before the next token's letters
    const joins = (j: number, from: number) => {
      const e = ends[j];
      return j + 1 < nt && e - from >= 2 && isApostrophe(chars[e - 1]) && isWordUnit(chars[e - 2]) && isWordUnit(chars[e]);
    };
    let count = 0;
    for (let j = 0; j < nt; j++) {
      const t = toks[j];
      const from = j === 0 ? 0 : ends[j - 1];
      if (joins(j, from)) {
        let w = this.texts.tokenWord(t).toLowerCase();
        do {
          j++;
          w += "'" + this.texts.tokenWord(toks[j]).toLowerCase();
        } while (joins(j, ends[j - 1]));
        out[count++] = vocab.add(w);
        continue;
      }
      let c = tc[t];
      if (c === 0) {
        const w = this.texts.tokenWord(t);
        c = w === '' ? NO_WORD : vocab.add(w.toLowerCase());
      }
      if (c !== NO_WORD) out[count++] = c;
    }
    return count;
  }

  /** Removes a paragraph (tombstone). */
  remove(id: number): void {
    if (id < 0 || id >= this.n || !this.alive[id]) return;
    this.alive[id] = 0;
    this.srcOf[id] = NO_SOURCE;
    this.liveCount--;
    this.liveByLang[this.langs[id]]--;
  }

  /** Folds the delta into the static index when it has grown large. */
  maybeCommit(): void {
    const d = this.n - this.staticCount;
    if (d > 2000 && d > this.staticCount * 0.05) this.commit();
  }

  private blist = new Uint32Array(1024);
  private readAhead = 0;

  /**
   * The buckets of paragraph `id` (its word bigrams, the bigrams of its opening, or its single
   * word) in `this.blist`, a bucket possibly more than once; returns their count.
   */
  private bucketList(id: number): number {
    let code: Uint16Array;
    let from = 0;
    const len = this.nwords[id];
    const x = this.xstart[id];
    if (x >= 0) {
      code = this.xpool;
      from = x;
    } else {
      code = this.bufs[0];
      if (code.length < len) code = this.bufs[0] = new Uint16Array(len * 2);
      this.texts.mapTokens(id, this.tcodes[this.langs[id]], code);
    }
    const mask = this.mask;
    const salt = LANG_SALT[this.langs[id]];
    if (this.blist.length < 2 * len + 1) this.blist = new Uint32Array(4 * len + 1);
    const out = this.blist;
    if (len === 1) {
      out[0] = mix32((code[from] * 0x10001) ^ salt) & mask;
      return 1;
    }
    let m = 0;
    let prev = code[from];
    const end = from + len;
    const open = from + OPENING;
    for (let i = from + 1; i < end; i++) {
      const cur = code[i];
      const key = ((prev << 16) | cur) ^ salt;
      prev = cur;
      out[m++] = mix32(key) & mask;
      if (i <= open) out[m++] = mix32(key ^ OPENING_SALT) & mask;
    }
    return m;
  }

  /** Rebuilds the static index over every live paragraph. */
  commit(): void {
    const n = this.n;
    // The bucket count follows the corpus: about one bucket per two bigram occurrences.
    let total = 0;
    for (let id = 0; id < n; id++) {
      if (!this.alive[id]) continue;
      const len = this.codeLength(id);
      total += len > 1 ? len - 1 + Math.min(OPENING, len - 1) : len;
    }
    let bits = 16;
    while (bits < 22 && 1 << bits < total / 4) bits++;
    this.mask = (1 << bits) - 1;
    const mask = this.mask;
    // Two passes (count, then fill) so that no temporary array as large as the postings is needed:
    // the first counts each list's ids and the bytes of their gaps, the second writes them. What a
    // pass keeps of a list is side by side (one cache line for each posting, the table being large),
    // and the lines of a paragraph's buckets are all read before any is used (their cache misses
    // overlap instead of coming one after the other). A bucket met again in the same paragraph is
    // seen by its last id.
    const buckets = mask + 1;
    const meta = new Uint32Array(buckets * 3); // ids, bytes of their gaps, last id + 1
    let touched = 0;
    for (let id = 0; id < n; id++) {
      if (!this.alive[id]) continue;
      const next = id + 1;
      const m = this.bucketList(id);
      const list = this.blist;
      for (let j = 0; j < m; j++) touched |= meta[list[j] * 3 + 2];
      for (let j = 0; j < m; j++) {
        const o = list[j] * 3;
        const last = meta[o + 2];
        if (last === next) continue;
        meta[o]++;
        meta[o + 1] += VARINT_BYTES[Math.clz32(next - last)];
        meta[o + 2] = next;
      }
    }
    let postingCount = 0;
    const starts = new Uint32Array(buckets + 1); // starts[b] .. starts[b+1]
    for (let b = 0, o = 0; b < buckets; b++, o += 3) {
      const c = meta[o];
      postingCount += c;
      starts[b + 1] = starts[b] + meta[o + 1] + (c ? varintLength(c) : 0);
    }
    const postings = new Uint8Array(starts[buckets]);
    // reused: the write position of each list, and the last id written (+1)
    for (let b = 0, o = 0; b < buckets; b++, o += 3) {
      const c = meta[o];
      meta[o] = c ? writeVarint(postings, starts[b], c) : starts[b];
      meta[o + 1] = 0;
    }
    for (let id = 0; id < n; id++) {
      if (!this.alive[id]) continue;
      const next = id + 1;
      const m = this.bucketList(id);
      const list = this.blist;
      for (let j = 0; j < m; j++) touched |= meta[list[j] * 3 + 1];
      for (let j = 0; j < m; j++) {
        const o = list[j] * 3;
        const last = meta[o + 1];
        if (last === next) continue;
        meta[o] = writeVarint(postings, meta[o], next - last);
        meta[o + 1] = next;
      }
    }
    // (kept, so that the reads ahead are not dropped as useless)
    this.readAhead = touched;
    this.postingCount = postingCount;
    this.starts = starts;
    this.postings = postings;
    this.staticCount = n;
    this.delta.clear();
    this.buildPrefixOrder();
    if (this.counts.length < n) this.counts = new Uint32Array(Math.max(n, this.counts.length * 2));
  }

  /**
   * The prefix order (`sorted`): live paragraphs by language, then word codes (lexicographic, a
   * paragraph before its continuations), then id; and `runEnd`, the end of each run of identical
   * wordings. A radix sort on the language and the first three codes (stable: ids stay
   * ascending), then each group opening alike is ordered by the rest of its codes, decoded once
   * into a scratch pool, by a multikey quicksort (one code compared at a time, a common prefix
   * never compared twice).
   */
  private buildPrefixOrder(): void {
    const n = this.n;
    let live = 0;
    for (let id = 0; id < n; id++) live += this.alive[id];
    // the sort key's digits, least significant first: third code, second, first (0: none), language
    const digits = [new Uint16Array(n), new Uint16Array(n), new Uint16Array(n)];
    let ids = new Uint32Array(live);
    const head = new Uint16Array(3);
    for (let id = 0, k = 0; id < n; id++) {
      if (!this.alive[id]) continue;
      ids[k++] = id;
      const x = this.xstart[id];
      const len = Math.min(3, this.nwords[id]);
      let c = head;
      let at = 0;
      if (x >= 0) {
        c = this.xpool;
        at = x;
      } else {
        this.texts.mapTokens(id, this.tcodes[this.langs[id]], head, 3);
      }
      digits[2][id] = len > 0 ? c[at] : 0;
      digits[1][id] = len > 1 ? c[at + 1] : 0;
      digits[0][id] = len > 2 ? c[at + 2] : 0;
    }
    let tmp = new Uint32Array(live);
    const counts = new Uint32Array(0x10001);
    const pass = (digit: Uint16Array | Uint8Array) => {
      counts.fill(0);
      for (let i = 0; i < live; i++) counts[digit[ids[i]] + 1]++;
      for (let d = 1; d <= 0x10000; d++) counts[d] += counts[d - 1];
      for (let i = 0; i < live; i++) {
        const id = ids[i];
        tmp[counts[digit[id]]++] = id;
      }
      const t = ids;
      ids = tmp;
      tmp = t;
    };
    for (const d of digits) pass(d);
    pass(this.langs);
    const [d0, d1, d2] = digits;
    const langs = this.langs;
    const sameKey = (a: number, b: number) => d0[a] === d0[b] && d1[a] === d1[b] && d2[a] === d2[b] && langs[a] === langs[b];
    const runEnd = new Uint32Array(live);
    const order = new GroupOrder();
    for (let s = 0; s < live;) {
      let e = s + 1;
      while (e < live && sameKey(ids[s], ids[e])) e++;
      const g = e - s;
      if (g === 1 || this.nwords[ids[s]] < 3) {
        // one paragraph, or all alike (the key holds every code)
        for (let i = s; i < e; i++) runEnd[i] = e;
      } else {
        // the codes after the third of each member, side by side
        order.reset(g);
        for (let j = 0; j < g; j++) {
          const id = ids[s + j];
          const len = this.nwords[id] - 3;
          const x = this.xstart[id];
          if (x >= 0) order.push(this.xpool, x + 3, len);
          else order.push(this.codeArray(id), 3, len);
        }
        order.sort();
        const m = order.members;
        for (let j = 0; j < g; j++) tmp[j] = ids[s + m[j]];
        let runStart = 0;
        for (let j = 1; j <= g; j++) {
          if (j === g || !order.same(m[j - 1], m[j])) {
            for (let r = runStart; r < j; r++) runEnd[s + r] = s + j;
            runStart = j;
          }
        }
        ids.set(tmp.subarray(0, g), s);
      }
      s = e;
    }
    this.sorted = ids;
    this.runEnd = runEnd;
  }

  /** Order of paragraphs by language, then word codes (lexicographic). */
  private compareIds(a: number, b: number): number {
    const la = this.langs[a];
    const lb = this.langs[b];
    if (la !== lb) return la - lb;
    const ca = this.codeArray(a, 0);
    const cb = this.codeArray(b, 1);
    const m = Math.min(ca.length, cb.length);
    for (let i = 0; i < m; i++) if (ca[i] !== cb[i]) return ca[i] - cb[i];
    return ca.length - cb.length;
  }

  /**
   * Paragraph `id` against a key (language, codes): 0 when its codes start with the key, else the
   * sign of the comparison.
   */
  private comparePrefix(id: number, li: number, key: string): number {
    const l = this.langs[id];
    if (l !== li) return l - li;
    const pool = this.codeArray(id);
    const s = 0;
    const len = pool.length;
    const m = Math.min(len, key.length);
    for (let i = 0; i < m; i++) {
      const d = pool[s + i] - key.charCodeAt(i);
      if (d !== 0) return d;
    }
    return len >= key.length ? 0 : -1;
  }

  /** Builds the static index the first time it is needed. */
  private ensureBuilt(): void {
    if (this.mask === 0) this.commit();
  }

  /** Distinct buckets of the word bigrams of an encoded paragraph (its single word when it has one). */
  private bucketsOf(code: string | Uint16Array, mode: 'all' | 'body' | 'opening', li: number): number[] {
    const out: number[] = [];
    const mask = this.mask;
    const salt = LANG_SALT[li];
    // (a set the size of the text, not of the bucket table: nothing as large as the table is kept)
    const seen = new Set<number>();
    const at = typeof code === 'string' ? (i: number) => code.charCodeAt(i) : (i: number) => code[i];
    if (code.length === 1 && mode !== 'opening') out.push(mix32((at(0) * 0x10001) ^ salt) & mask);
    for (let i = 0; i + 1 < code.length; i++) {
      const key = ((at(i) << 16) | at(i + 1)) ^ salt;
      if (mode !== 'opening') {
        const b = mix32(key) & mask;
        if (!seen.has(b)) {
          seen.add(b);
          out.push(b);
        }
      }
      if (mode !== 'body' && i < OPENING) {
        const o = mix32(key ^ OPENING_SALT) & mask;
        if (!seen.has(o)) {
          seen.add(o);
          out.push(o);
        }
      }
    }
    return out;
  }

  /** Search effort: `SEARCH_TUNING`, a copy a benchmark may adjust. */
  readonly tuning = { ...SEARCH_TUNING };

  /** Paragraph ids sharing the most (rare first) bigrams with `code` (codes of `lang`). */
  candidates(
    code: string,
    max: number,
    mode: 'body' | 'opening' = 'body',
    lang: Lang = 'en',
    effort: SearchEffort = passEffort(this.tuning, false),
  ): number[] {
    const scan = this.scanOpen(code, mode, langIndex(lang));
    this.scanRead(scan, effort);
    const out = this.scanSelect(scan, max);
    this.scanClose(scan);
    return out;
  }

  /** Paragraph ids seen by an open scan (valid until it is closed). */
  private touched = new Int32Array(1024);

  /** A scan of the posting lists of `code`'s buckets, rarest first (no list read yet). */
  private scanOpen(code: string, mode: 'body' | 'opening', li: number): Scan {
    this.ensureBuilt();
    const buckets = this.bucketsOf(code, mode, li);
    const lists: Array<{ b: number; df: number }> = [];
    for (const b of buckets) {
      const df = this.listLength(b) + (this.delta.get(b)?.length ?? 0);
      if (df > 0) lists.push({ b, df });
    }
    lists.sort((x, y) => x.df - y.df);
    if (lists.length > SCAN_LISTS_MAX) lists.length = SCAN_LISTS_MAX;
    if (this.counts.length < this.n) this.counts = new Uint32Array(this.n * 2);
    return {
      li,
      mode,
      qn: Math.max(1, buckets.length),
      lists,
      next: 0,
      spent: 0,
      touched: 0,
      clipped: false,
      multi: 0,
      placed: true,
    };
  }

  /**
   * Reads further lists of an open scan, rarest first, within the budget of `effort` (counted
   * from the scan's start); the rarest list is always read (up to the budget). A wider pass
   * continues a narrower one: the lists it reads are the narrower pass's and the next ones.
   * Returns false when the scan cannot continue so (its first list was cut by a smaller budget).
   */
  private scanRead(scan: Scan, effort: SearchEffort): boolean {
    const { budget, maxDf } = passBudget(this.liveByLang[scan.li], effort);
    if (scan.clipped) return false;
    const postings = this.postings;
    const ids = this.idChunk;
    for (; scan.next < scan.lists.length; scan.next++) {
      const { b, df } = scan.lists[scan.next];
      if (scan.next >= 1 && (scan.spent + df > budget || df > maxDf)) break;
      scan.spent += df;
      const nt = scan.touched;
      if (this.touched.length < nt + df) this.touched = grow(this.touched, nt + df);
      if (this.multi.length < nt + df) this.multi = grow(this.multi, nt + df);
      if (nt + df > SCAN_PLACES) scan.placed = false;
      const end = this.starts[b + 1];
      let at = this.starts[b];
      if (at < end) {
        // skip the list's length
        while (postings[at] & 0x80) at++;
        at++;
      }
      // the ids, decoded a chunk at a time
      let id = -1;
      let read = 0;
      while (at < end && read < budget) {
        let k = 0;
        for (; at < end && read < budget && k < ids.length; read++) {
          let gap = 0;
          let shift = 0;
          let x: number;
          do {
            x = postings[at++];
            gap |= (x & 0x7f) << shift; // ids stay below 2^28: four bytes at most
            shift += 7;
          } while (x & 0x80);
          id += gap;
          ids[k++] = id;
        }
        this.scanCount(scan, ids, k);
      }
      if (at < end) scan.clipped = true;
      const extra = this.delta.get(b);
      if (extra) this.scanCount(scan, extra, extra.length);
    }
    return true;
  }

  /** Paragraph ids decoded from one list, before they are counted. */
  private idChunk = new Int32Array(4096);

  /** Counts one more list holding each of `ids[0 .. n)` in an open scan (room made by the caller). */
  private scanCount(scan: Scan, ids: ArrayLike<number>, n: number): void {
    const counts = this.counts;
    const touched = this.touched;
    const multi = this.multi;
    let nt = scan.touched;
    let nm = scan.multi;
    for (let j = 0; j < n; j++) {
      const id = ids[j];
      const v = counts[id];
      if (v === 0) {
        counts[id] = (Math.min(nt, SCAN_PLACES) << COUNT_BITS) | 1;
        touched[nt++] = id;
      } else {
        counts[id] = v + 1;
        if ((v & COUNT_MASK) === 1) multi[nm++] = id;
      }
    }
    scan.touched = nt;
    scan.multi = nm;
  }

  /** The `max` paragraphs of the scan sharing the most of the buckets read (live, of its language). */
  private scanSelect(scan: Scan, max: number): number[] {
    const touched = this.touched;
    const nt = scan.touched;
    const counts = this.counts;
    const li = scan.li;
    const alive = this.alive;
    const langs = this.langs;
    const out: number[] = [];
    if (nt <= max) {
      for (let i = 0; i < nt; i++) {
        const id = touched[i];
        if (alive[id] === 1 && langs[id] === li) out.push(id);
      }
      return out;
    }
    // Rank by shared bigrams relative to the longer of the two paragraphs (a cheap stand-in
    // for the similarity), quantised for a linear-time selection of the best `max`. A paragraph's
    // share is at most its count over the query's buckets, so only the paragraphs with the highest
    // counts need their length read: the counts are gathered first (in the order seen), the share
    // is worked out for the highest (twice `max` paragraphs at least), and for all of them only
    // when a paragraph left out could still reach the threshold.
    const qn = scan.qn;
    if (this.shareAt.length < nt) {
      this.shareAt = new Uint32Array(nt * 2);
      this.shareBin = new Uint16Array(nt * 2);
    }
    if (this.countHist.length < qn + 2) this.countHist = new Uint32Array(qn * 2 + 2);
    const ch = this.countHist;
    ch.fill(0, 0, qn + 2);
    if (scan.placed) {
      // (the paragraphs seen once need not be visited)
      ch[1] = nt - scan.multi;
      const multi = this.multi;
      for (let j = 0; j < scan.multi; j++) {
        const c = counts[multi[j]] & COUNT_MASK;
        ch[c > qn ? qn + 1 : c]++;
      }
    } else {
      for (let i = 0; i < nt; i++) {
        const c = counts[touched[i]] & COUNT_MASK;
        ch[c > qn ? qn + 1 : c]++;
      }
    }
    let low = qn + 1;
    let acc = ch[low];
    while (low > 1 && acc < 2 * max) acc += ch[--low];
    let m = this.shareOf(scan, low);
    let threshold = this.shareThreshold(max);
    // A count can give at most this share (over the query's buckets). When the counts left out
    // could reach the threshold, the counts that can are added (the threshold can then only rise,
    // so the counts still left out stay below it).
    const scale = SHARE_BINS - 1;
    const most = (c: number) => Math.min(scale, Math.floor((c / qn) * scale));
    if (low > 1 && most(low - 1) >= threshold) {
      let need = low - 1;
      while (need > 1 && most(need - 1) >= threshold) need--;
      m = this.shareOf(scan, need);
      threshold = this.shareThreshold(max);
    }
    const at = this.shareAt;
    const bin = this.shareBin;
    const ties: number[] = [];
    for (let j = 0; j < m; j++) {
      const v = bin[j];
      if (v < threshold) continue;
      const id = touched[at[j]];
      if (alive[id] !== 1 || langs[id] !== li) continue;
      if (v > threshold) out.push(id);
      else ties.push(id);
    }
    for (let i = 0; i < ties.length && out.length < max; i++) out.push(ties[i]);
    return out;
  }

  /**
   * The quantised share of the scan's paragraphs whose count is at least `low`, in the order seen
   * (positions in `shareAt`, shares in `shareBin`, their histogram in `binHist`); returns how many.
   */
  private shareOf(scan: Scan, low: number): number {
    const touched = this.touched;
    const counts = this.counts;
    const at = this.shareAt;
    const bin = this.shareBin;
    const nwords = this.nwords;
    const hist = this.binHist.fill(0);
    const qn = scan.qn;
    const opening = scan.mode === 'opening';
    const scale = SHARE_BINS - 1;
    let m = 0;
    const share = (i: number, c: number): void => {
      const plen = nwords[touched[i]] - 1;
      const len = Math.max(qn, opening ? Math.min(OPENING, plen) : plen, 1);
      const v = Math.min(scale, Math.floor((c / len) * scale));
      at[m] = i;
      bin[m++] = v;
      hist[v]++;
    };
    if (low >= 2 && scan.placed) {
      // the paragraphs seen more than once, put back in the order seen by their places
      const multi = this.multi;
      let np = 0;
      for (let j = 0; j < scan.multi; j++) {
        const v = counts[multi[j]];
        if ((v & COUNT_MASK) >= low) at[np++] = v >>> COUNT_BITS;
      }
      at.subarray(0, np).sort();
      for (let r = 0; r < np; r++) {
        const i = at[r];
        share(i, counts[touched[i]] & COUNT_MASK);
      }
    } else {
      for (let i = 0; i < scan.touched; i++) {
        const c = counts[touched[i]] & COUNT_MASK;
        if (c >= low) share(i, c);
      }
    }
    return m;
  }

  /** The lowest share (bin) that keeps `max` paragraphs, from the histogram of `shareOf`. */
  private shareThreshold(max: number): number {
    const hist = this.binHist;
    let threshold = SHARE_BINS - 1;
    let acc = hist[threshold];
    while (threshold > 0 && acc < max) acc += hist[--threshold];
    return threshold;
  }

  /** Clears the counts of an open scan. */
  private scanClose(scan: Scan): void {
    const counts = this.counts;
    const touched = this.touched;
    // (many paragraphs seen: clearing the whole array in order is cheaper than visiting each)
    if (scan.touched > this.n >>> 5) counts.fill(0, 0, this.n);
    else for (let i = 0; i < scan.touched; i++) counts[touched[i]] = 0;
    scan.touched = 0;
    scan.multi = 0;
  }

  private shareBin = new Uint16Array(1024);
  private multi = new Int32Array(1024);
  private shareAt = new Uint32Array(1024);
  private countHist = new Uint32Array(64);
  private binHist = new Uint32Array(SHARE_BINS);

  /** The number of ids in the static list of bucket `b`. */
  private listLength(b: number): number {
    let at = this.starts[b];
    if (at === this.starts[b + 1]) return 0;
    const postings = this.postings;
    let v = 0;
    let shift = 0;
    let x: number;
    do {
      x = postings[at++];
      v += (x & 0x7f) * 2 ** shift;
      shift += 7;
    } while (x & 0x80);
    return v;
  }

  private accept(id: number, options: SearchOptions, li: number): boolean {
    if (!this.alive[id] || this.langs[id] !== li) return false;
    if (options.excludePath !== undefined && this.sources[this.srcOf[id]].path === options.excludePath) return false;
    if (options.kinds && !options.kinds.includes(KINDS[this.kinds[id]])) return false;
    return true;
  }

  /** Encodes query text of `lang` (without growing the vocabulary). */
  encodeQuery(text: string, lang: Lang = 'en'): string {
    return this.voc(langIndex(lang)).encodeQuery(words(text, lang));
  }

  /** The top-k corpus paragraphs most similar to `text` (index candidates, Levenshtein re-ranking). */
  search(text: string, options: SearchOptions = {}): Match[] {
    return this.searchCode(this.encodeQuery(text, options.lang), options);
  }

  searchCode(q: string, options: SearchOptions = {}): Match[] {
    const k = options.top ?? 5;
    if (q.length === 0 || this.liveCount === 0) return [];
    const tn = this.tuning;
    const li = langIndex(options.lang);
    const minScore = options.minScore ?? 0;
    let scan = this.scanOpen(q, 'body', li);
    this.scanRead(scan, passEffort(tn, false));
    const cands = this.scanSelect(scan, Math.max(tn.candidates, 20 * k));
    // (a short paragraph of common words only, repeated in many texts: its copies may hide in
    // lists too long to read — they are found in the prefix order, lowest ids first)
    if (tn.copies > 0) {
      const [lo, hi] = this.prefixRange(li, q);
      for (let i = lo; i < hi && i < lo + tn.copies && this.nwords[this.sorted[i]] === q.length; i++) {
        if (!cands.includes(this.sorted[i])) cands.push(this.sorted[i]);
      }
    }
    const first = this.rerank(q, cands, k, minScore, options, [], undefined);
    // Weak best matches (generic paragraphs sharing mostly common words) hide among many: read
    // further posting lists and re-rank more candidates for these queries only, starting from the
    // first pass's best (whose k-th score then skips every candidate whose bound cannot beat it).
    // The wider pass continues the first's scan, and skips the candidates the first re-ranked
    // (none of them can beat the first's k-th best).
    const weakest = first.length < k ? 0 : first[first.length - 1].score;
    let best = first;
    if (weakest < tn.weak && minScore < tn.weak) {
      const wideEffort = passEffort(tn, true);
      if (!this.scanRead(scan, wideEffort)) {
        this.scanClose(scan);
        scan = this.scanOpen(q, 'body', li);
        this.scanRead(scan, wideEffort);
      }
      const wide = this.scanSelect(scan, Math.max(tn.weakCandidates, 20 * k));
      this.scanClose(scan);
      best = this.rerank(q, wide, k, minScore, options, first, new Set(cands));
    } else this.scanClose(scan);
    best = this.expand(q, best, k, options);
    return best.map((b) => this.match(b.id, b.score));
  }

  /**
   * Near-duplicates of the best found: a corpus repeats a paragraph year after year with small
   * changes, and when one version is among the best, its other versions (which share its rare
   * bigrams, whatever the query shares with them) may score higher. The candidates of the best
   * `expand` results' own words are re-ranked against the query.
   */
  private expand(
    q: string,
    best: Array<{ id: number; score: number }>,
    k: number,
    options: SearchOptions,
  ): Array<{ id: number; score: number }> {
    const tn = this.tuning;
    const effort = { budgetBase: tn.expandBudget, budgetShare: 0, maxDfShare: 0, budgetMax: tn.expandBudget };
    const seen = new Set<string>();
    let out = best;
    for (const b of best.slice(0, tn.expand)) {
      const code = codesToString(this.codeArray(b.id));
      if (seen.has(code)) continue;
      seen.add(code);
      const near = this.candidates(code, tn.expandCandidates, 'body', options.lang, effort);
      out = this.rerank(q, near, k, options.minScore ?? 0, options, out, undefined);
    }
    return out;
  }

  private qtable = new Uint16Array(0x10000);
  private qused = new Uint16Array(0x10000);

  /**
   * Re-ranks candidates exactly: each candidate's proven bound (shared words as multisets over the
   * longer length, see `exact`) is computed first, and the similarity only for candidates whose
   * bound can still beat the k-th best, highest bound first.
   */
  private rerank(
    q: string,
    ids: readonly number[],
    k: number,
    minScore: number,
    options: SearchOptions,
    start: Array<{ id: number; score: number }>,
    skip: Set<number> | undefined,
  ): Array<{ id: number; score: number }> {
    const li = langIndex(options.lang);
    const table = this.qtable;
    const used = this.qused;
    const qn = q.length;
    for (let i = 0; i < qn; i++) table[q.charCodeAt(i)]++;
    // each candidate's codes, decoded once into a scratch pool, and its bound
    const m = ids.length;
    if (this.rrBound.length < m) {
      this.rrBound = new Float64Array(m * 2);
      this.rrId = new Int32Array(m * 2);
      this.rrAt = new Uint32Array(m * 2);
    }
    const bound = this.rrBound;
    const cand = this.rrId;
    const at = this.rrAt;
    let pool = this.rrPool;
    let used0 = 0;
    let c = 0;
    // (a candidate whose bound cannot beat the k-th best it starts from is never compared: the
    // comparisons below stop at the first such bound)
    const floor0 = start.length >= k ? Math.max(minScore, start[start.length - 1].score) : -1;
    for (let j = 0; j < m; j++) {
      const id = ids[j];
      const e = this.nwords[id];
      const lengthBound = Math.min(e, qn) / Math.max(e, qn);
      if (lengthBound < minScore || lengthBound <= floor0) continue;
      if (skip?.has(id) || !this.accept(id, options, li)) continue;
      if (start.length && start.some((b) => b.id === id)) continue;
      if (pool.length < used0 + e) pool = this.rrPool = grow(pool, used0 + e);
      const x = this.xstart[id];
      if (x >= 0) pool.set(this.xpool.subarray(x, x + e), used0);
      else this.texts.mapTokens(id, this.tcodes[this.langs[id]], pool.subarray(used0));
      let shared = 0;
      for (let i = used0; i < used0 + e; i++) {
        const w = pool[i];
        if (used[w] < table[w]) {
          used[w]++;
          shared++;
        }
      }
      for (let i = used0; i < used0 + e; i++) used[pool[i]] = 0;
      const b = shared / Math.max(qn, e, 1);
      if (b < minScore || b <= floor0) continue;
      bound[c] = b;
      cand[c] = id;
      at[c] = used0;
      used0 += e;
      c++;
    }
    for (let i = 0; i < qn; i++) table[q.charCodeAt(i)] = 0;
    const order = Array.from({ length: c }, (_v, i) => i).sort((a, b) => bound[b] - bound[a] || cand[a] - cand[b]);
    const best = [...start];
    let floor = best.length >= k ? Math.max(minScore, best[best.length - 1].score) : minScore;
    const dist = this.queryDistance;
    dist.set(q);
    for (const i of order) {
      if (best.length >= k && bound[i] <= floor) break;
      const id = cand[i];
      const e = this.nwords[id];
      // (the query's masks built once for all the candidates)
      const score = similarityOf(dist.distance(pool, at[i], e), qn, e);
      if (score < minScore) continue;
      if (best.length < k || score > best[best.length - 1].score) {
        if (this.duplicate(best, id)) continue;
        insertSorted(best, { id, score }, k);
        if (best.length >= k) floor = Math.max(minScore, best[best.length - 1].score);
      }
    }
    dist.clear();
    return best;
  }

  private queryDistance = new QueryDistance();
  private rrBound = new Float64Array(1024);
  private rrId = new Int32Array(1024);
  private rrAt = new Uint32Array(1024);
  private rrPool = new Uint16Array(1 << 16);

  /** Exhaustive scan: the correctness baseline (same similarity, every paragraph compared). */
  exhaustive(text: string, options: SearchOptions = {}): Match[] {
    return this.exhaustiveCode(this.encodeQuery(text, options.lang), options);
  }

  exhaustiveCode(q: string, options: SearchOptions = {}): Match[] {
    const k = options.top ?? 5;
    const minScore = options.minScore ?? 0;
    const li = langIndex(options.lang);
    const best: Array<{ id: number; score: number }> = [];
    for (let id = 0; id < this.n; id++) {
      if (!this.accept(id, options, li)) continue;
      const score = similarity(q, codesToString(this.codeArray(id)));
      if (score < minScore) continue;
      if ((best.length < k || score > best[best.length - 1].score) && !this.duplicate(best, id)) insertSorted(best, { id, score }, k);
    }
    return best.map((b) => this.match(b.id, b.score));
  }

  /**
   * The exhaustive scan's results, computed faster with a proven bound: the similarity of two
   * paragraphs is at most (words they share, as multisets) / (the longer one's length), since
   * each kept word of an alignment is a shared word. Every paragraph's bound is computed; exact
   * similarities are computed from the highest bound down until the bound falls below the k-th
   * best score. Same results as `exhaustive` (ground truth for benchmarks at scale).
   */
  exact(text: string, options: SearchOptions = {}): Match[] {
    const q = this.encodeQuery(text, options.lang);
    const k = options.top ?? 5;
    const minScore = options.minScore ?? 0;
    const li = langIndex(options.lang);
    if (q.length === 0) return [];
    const table = this.qtable;
    const used = this.qused;
    for (let i = 0; i < q.length; i++) table[q.charCodeAt(i)]++;
    const qn = q.length;
    // each paragraph's bound as a fraction shared / longer, binned (counting sort, highest first)
    const bins = 4096;
    const binOf = (b: number) => Math.min(bins - 1, Math.floor(b * (bins - 1)));
    const n = this.n;
    const ids = new Int32Array(n);
    const bound = new Float64Array(n);
    const hist = new Uint32Array(bins + 1);
    let m = 0;
    for (let id = 0; id < n; id++) {
      if (!this.alive[id] || this.langs[id] !== li) continue;
      const e = this.nwords[id];
      const longer = Math.max(e, qn);
      // (a length filter first: the shared words are at most the shorter length)
      if (Math.min(e, qn) / longer < minScore) continue;
      const pool = this.codeArray(id);
      let shared = 0;
      for (let i = 0; i < e; i++) {
        const c = pool[i];
        if (used[c] < table[c]) {
          used[c]++;
          shared++;
        }
      }
      for (let i = 0; i < e; i++) used[pool[i]] = 0;
      const b = shared / longer;
      if (b < minScore) continue;
      ids[m] = id;
      bound[m] = b;
      hist[binOf(b)]++;
      m++;
    }
    for (let i = 0; i < qn; i++) table[q.charCodeAt(i)] = 0;
    // positions of each bin in descending bin order
    const at = new Uint32Array(bins + 1);
    for (let b = bins - 1, acc = 0; b >= 0; b--) {
      at[b] = acc;
      acc += hist[b];
    }
    const order = new Int32Array(m);
    const fill = at.slice();
    for (let i = 0; i < m; i++) order[fill[binOf(bound[i])]++] = i;
    const best: Array<{ id: number; score: number }> = [];
    // bins from the highest; inside a bin, by bound (highest first), then id: the order of `exhaustive`'s proof
    for (let b = bins - 1; b >= 0; b--) {
      const from = at[b];
      const to = from + hist[b];
      if (from === to) continue;
      // (every bound of bin b is below (b + 1) / (bins - 1))
      if (best.length >= k && (b + 1) / (bins - 1) <= best[best.length - 1].score) break;
      const slice = Array.from(order.subarray(from, to)).sort((x, y) => bound[y] - bound[x] || ids[x] - ids[y]);
      let stop = false;
      for (const i of slice) {
        if (best.length >= k && bound[i] < best[best.length - 1].score) {
          stop = true;
          break;
        }
        const id = ids[i];
        if (!this.accept(id, options, li)) continue;
        const score = similarity(q, codesToString(this.codeArray(id)));
        if (score < minScore) continue;
        if (
          (best.length < k ||
            score > best[best.length - 1].score ||
            (score === best[best.length - 1].score && id < best[best.length - 1].id)) &&
          !this.duplicate(best, id)
        ) {
          insertSorted(best, { id, score }, k);
        }
      }
      if (stop) break;
    }
    return best.map((b) => this.match(b.id, b.score));
  }

  /**
   * Paragraphs whose opening best continues `typed` (completion). Exact continuations (every typed
   * word, the last one possibly incomplete) come first, most frequent wording first; when there are
   * fewer than `top`, near continuations (typos, a changed word) follow, scored by the similarity
   * of the typed words to the paragraph's opening.
   */
  prefix(typed: string, options: SearchOptions = {}): Match[] {
    this.ensureBuilt();
    const k = options.top ?? 5;
    const lang = options.lang ?? 'en';
    const li = langIndex(lang);
    const vocab = this.voc(li);
    const spans = wordSpans(typed, lang);
    if (spans.length === 0) return [];
    const last = spans[spans.length - 1];
    const partial = last.end === typed.length ? last.word : '';
    const full = partial ? spans.slice(0, -1) : spans;
    if (full.length === 0) return [];
    const q = vocab.encodeQuery(full.map((w) => w.word));
    const out: Match[] = [];
    const seenCode = new Set<string>();
    const known = full.every((w) => vocab.get(w.word) !== undefined);
    if (known) {
      const okPartial = (id: number) => {
        if (!partial) return this.codeLength(id) > q.length;
        if (this.codeLength(id) <= q.length) return false;
        const w = vocab.word(this.codeArray(id)[q.length]);
        return w !== undefined && w.startsWith(partial);
      };
      // group identical wordings (adjacent in the sorted order: one run each); rank by frequency
      const groups = new Map<string, { id: number; count: number }>();
      const consider = (id: number) => {
        if (!this.accept(id, options, li)) return;
        const c = this.codeOf(id);
        const g = groups.get(c);
        if (g) {
          g.count++;
          if (this.newer(id, g.id)) g.id = id;
        } else if (okPartial(id)) groups.set(c, { id, count: 1 });
      };
      // The sorted range of paragraphs opening with the typed words — narrowed, when a word is
      // half typed, to the sub-ranges of the vocabulary words it can become.
      // (A very short partial word that many words start with: the typed words' range, filtered.)
      const wordsOfPartial = partial ? vocab.codesWithPrefix(partial, 65) : [];
      const keys = partial && wordsOfPartial.length <= 64 ? wordsOfPartial.map((c) => q + String.fromCharCode(c)) : [q];
      let runs = 0;
      for (const key of keys) {
        if (runs >= 5000) break;
        const [lo, hi] = this.prefixRange(li, key);
        for (let i = lo; i < hi && runs < 5000; runs++) {
          const end = Math.min(hi, this.runEnd[i]);
          const first = this.sorted[i];
          if (okPartial(first)) {
            let rep = -1;
            let count = 0;
            for (let j = i; j < end; j++) {
              const id = this.sorted[j];
              if (!this.accept(id, options, li)) continue;
              count++;
              if (rep < 0 || this.newer(id, rep)) rep = id;
            }
            // (keyed by the wording itself: `first` may be a removed paragraph)
            if (rep >= 0) groups.set(codesToString(this.codeArray(first)), { id: rep, count });
          }
          i = end;
        }
      }
      for (let id = this.staticCount; id < this.n; id++) if (this.langs[id] === li && this.comparePrefix(id, li, q) === 0) consider(id);
      const ranked = [...groups.values()].sort((a, b) => b.count - a.count || this.codeLength(a.id) - this.codeLength(b.id) || a.id - b.id);
      for (const g of ranked.slice(0, k)) {
        out.push(this.match(g.id, 1));
        seenCode.add(this.codeOf(g.id));
      }
    }
    if (out.length < k) {
      const minScore = Math.max(options.minScore ?? 0, 0.5);
      const scored: Array<{ id: number; score: number }> = [];
      for (const id of this.candidates(q, 200, 'opening', lang)) {
        if (!this.accept(id, options, li)) continue;
        const c = this.codeOf(id);
        if (seenCode.has(c)) continue;
        if (c.length <= q.length) continue; // nothing left to complete
        const score = 1 - distance(q, c.slice(0, q.length)) / q.length;
        if (score >= minScore && score < 1.0000001) scored.push({ id, score: Math.min(score, 0.99) });
      }
      scored.sort((a, b) => b.score - a.score || a.id - b.id);
      for (const s of scored) {
        if (out.length >= k) break;
        const c = this.codeOf(s.id);
        if (seenCode.has(c)) continue;
        seenCode.add(c);
        out.push(this.match(s.id, s.score));
      }
    }
    return out;
  }

  /** [lo, hi): the positions of `sorted` whose paragraphs (of language `li`) start with `key`. */
  private prefixRange(li: number, key: string): [number, number] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.comparePrefix(this.sorted[mid], li, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    const start = lo;
    hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.comparePrefix(this.sorted[mid], li, key) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return [start, lo];
  }

  /** The same paragraph of the same document loaded twice (e.g. a seed text and its XML). */
  private duplicate(best: Array<{ id: number; score: number }>, id: number): boolean {
    const sym = this.sources[this.srcOf[id]].symbol;
    for (const b of best) {
      if (this.numberOf[b.id] === this.numberOf[id] && this.compareIds(b.id, id) === 0 && this.sources[this.srcOf[b.id]].symbol === sym)
        return true;
    }
    return false;
  }

  private sourceTimes: number[] = [];

  /** Adoption time of a source (0 when unknown), parsed once. */
  private timeOf(src: number): number {
    let t = this.sourceTimes[src];
    if (t === undefined) t = this.sourceTimes[src] = Date.parse(this.sources[src].date ?? '') || 0;
    return t;
  }

  private newer(a: number, b: number): boolean {
    return this.timeOf(this.srcOf[a]) > this.timeOf(this.srcOf[b]);
  }

  /** The match record of paragraph `id`. */
  match(id: number, score: number): Match {
    const src = this.sources[this.srcOf[id]];
    return {
      score: Math.round(score * 1000) / 1000,
      text: this.texts.get(id),
      id,
      source: {
        path: src.path,
        symbol: src.symbol,
        ...(src.title ? { title: src.title } : {}),
        ...(src.date ? { date: src.date } : {}),
        kind: KINDS[this.kinds[id]] as ParagraphKind,
        paragraph: this.numberTable[this.numberOf[id]],
        line: this.lines[id],
      },
    };
  }

  /** Encoded words of paragraph `id` (one UTF-16 code unit per word; codes of its language). */
  codeOf(id: number): string {
    return this.alive[id] ? codesToString(this.codeArray(id)) : '';
  }

  /** Kind of paragraph `id`, as an index into KINDS. */
  kindOf(id: number): number {
    return this.kinds[id];
  }

  /** Language of paragraph `id`. */
  langOf(id: number): Lang {
    return LANGUAGES[this.langs[id]];
  }

  textOf(id: number): string {
    return this.alive[id] ? this.texts.get(id) : '';
  }

  /** Live paragraph ids. */
  *ids(): IterableIterator<number> {
    for (let id = 0; id < this.n; id++) if (this.alive[id]) yield id;
  }

  /**
   * The whole index (committed first) as bytes: a header (magic, format version), a JSON part
   * (vocabularies, sources, paragraph numbers, text tokens) and the typed arrays as they are in
   * memory. `PrecedentIndex.deserialize` reads it back without re-tokenizing any paragraph.
   */
  serialize(): Uint8Array {
    if (this.n !== this.staticCount || this.mask === 0) this.commit();
    const n = this.n;
    const tp = this.texts.parts();
    const vocabWords = LANGUAGES.map((_l, i) => this.voc(i).entries());
    const vw = packStrings(vocabWords.flat());
    // the token maps of every language, each as long as the token table
    const tokens = tp.tokenEnds.length;
    const tcodes = new Uint16Array(tokens * LANGUAGES.length);
    this.tcodes.forEach((t, i) => tcodes.set(t.subarray(0, tokens), i * tokens));
    const json = Buffer.from(
      JSON.stringify({
        n,
        liveCount: this.liveCount,
        mask: this.mask,
        postingCount: this.postingCount,
        vocabSizes: vocabWords.map((w) => w.length),
        sources: this.sources.map((s) => [s.path, s.symbol, s.title ?? null, s.date ?? null]),
        numbers: this.numberTable,
      }),
      'utf8',
    );
    const arrays: ArrayBufferView[] = [
      this.xpool.subarray(0, this.xused),
      this.nwords.subarray(0, n),
      this.kinds.subarray(0, n),
      this.langs.subarray(0, n),
      this.alive.subarray(0, n),
      this.lines.subarray(0, n),
      this.srcOf.subarray(0, n),
      this.numberOf.subarray(0, n),
      tp.bytes,
      tp.starts,
      this.starts,
      this.postings,
      this.sorted,
      this.runEnd,
      tp.tokenChars,
      tp.tokenEnds,
      vw.chars,
      vw.ends,
      this.xstart.subarray(0, n),
      tcodes,
    ];
    const pad = (x: number) => (x + 7) & ~7;
    let size = 16 + pad(json.length);
    for (const a of arrays) size += 8 + pad(a.byteLength);
    const out = new Uint8Array(size);
    const dv = new DataView(out.buffer);
    dv.setUint32(0, MAGIC, true);
    dv.setUint32(4, INDEX_FORMAT_VERSION, true);
    dv.setUint32(8, json.length, true);
    dv.setUint32(12, arrays.length, true);
    out.set(json, 16);
    let at = 16 + pad(json.length);
    for (const a of arrays) {
      dv.setFloat64(at, a.byteLength, true);
      out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at + 8);
      at += 8 + pad(a.byteLength);
    }
    return out;
  }

  /** An index from `serialize()` bytes; throws a clear error on other data or another format version. */
  static deserialize(data: Uint8Array): PrecedentIndex {
    if (data.byteLength < 16) throw new Error('precedent index: data too short');
    // typed-array views need aligned offsets: copy once when the bytes are not 8-aligned
    const bytes = data.byteOffset % 8 === 0 ? data : data.slice();
    const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (dv.getUint32(0, true) !== MAGIC) throw new Error('precedent index: not a serialized index');
    const version = dv.getUint32(4, true);
    if (version !== INDEX_FORMAT_VERSION) {
      throw new Error(`precedent index: format version ${version}, this version reads ${INDEX_FORMAT_VERSION}`);
    }
    const jsonLength = dv.getUint32(8, true);
    const count = dv.getUint32(12, true);
    const pad = (x: number) => (x + 7) & ~7;
    const meta = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + 16, jsonLength).toString('utf8')) as {
      n: number;
      liveCount: number;
      mask: number;
      postingCount: number;
      vocabSizes: number[];
      sources: Array<[string, string, string | null, string | null]>;
      numbers: string[];
    };
    let at = 16 + pad(jsonLength);
    const views: Array<{ offset: number; length: number }> = [];
    for (let i = 0; i < count; i++) {
      if (at + 8 > bytes.byteLength) throw new Error('precedent index: data truncated');
      const length = dv.getFloat64(at, true);
      if (at + 8 + length > bytes.byteLength) throw new Error('precedent index: data truncated');
      views.push({ offset: bytes.byteOffset + at + 8, length });
      at += 8 + pad(length);
    }
    if (views.length !== 20) throw new Error('precedent index: unexpected layout');
    const buf = bytes.buffer as ArrayBuffer;
    const u8 = (i: number) => new Uint8Array(buf, views[i].offset, views[i].length);
    const u16 = (i: number) => new Uint16Array(buf, views[i].offset, views[i].length / 2);
    const u32 = (i: number) => new Uint32Array(buf, views[i].offset, views[i].length / 4);
    const i32 = (i: number) => new Int32Array(buf, views[i].offset, views[i].length / 4);
    const idx = new PrecedentIndex();
    const from = [0];
    for (let i = 0; i < LANGUAGES.length; i++) from.push(from[i] + (meta.vocabSizes[i] ?? 0));
    idx.pendingVocab = { words: new PackedStrings(u16(16), u32(17)), from };
    idx.vocabs = LANGUAGES.map(() => undefined);
    idx.n = meta.n;
    idx.liveCount = meta.liveCount;
    idx.xpool = u16(0);
    idx.xused = idx.xpool.length;
    idx.nwords = u32(1);
    idx.xstart = i32(18);
    const tokens = views[15].length / 4;
    const tcodes = u16(19);
    // (copied: a word learned later is written into them, never into the data given)
    idx.tcodes = LANGUAGES.map((_l, i) => tcodes.slice(i * tokens, (i + 1) * tokens));
    idx.kinds = u8(2);
    idx.langs = u8(3);
    idx.alive = u8(4);
    idx.lines = u32(5);
    idx.srcOf = i32(6);
    idx.numberOf = u32(7);
    idx.texts = TextStore.from(u16(14), u32(15), u8(8), u32(9));
    idx.starts = u32(10);
    idx.postings = u8(11);
    idx.postingCount = meta.postingCount;
    idx.sorted = u32(12);
    idx.runEnd = u32(13);
    for (let id = 0; id < meta.n; id++) if (idx.alive[id]) idx.liveByLang[idx.langs[id]]++;
    idx.mask = meta.mask;
    idx.staticCount = meta.n;
    idx.numberTable = meta.numbers;
    meta.numbers.forEach((s, i) => idx.numberIds.set(s, i));
    idx.sources = meta.sources.map(([p, symbol, title, date]) => ({
      path: p,
      symbol,
      ...(title !== null ? { title } : {}),
      ...(date !== null ? { date } : {}),
    }));
    idx.sources.forEach((s, i) => idx.sourceIds.set(s, i));
    idx.counts = new Uint32Array(Math.max(1024, meta.n));
    return idx;
  }
}

/** Bytes of a variable-length integer by the count of leading zero bits of its value (`Math.clz32`). */
const VARINT_BYTES = Uint8Array.from({ length: 33 }, (_v, z) => Math.max(1, Math.ceil((32 - z) / 7)));

/** Bytes of `v` (>= 0) as a variable-length integer (7 bits a byte, low bits first). */
function varintLength(v: number): number {
  if (v < 0x80) return 1;
  if (v < 0x4000) return 2;
  let n = 1;
  while (v >= 0x80) {
    v = Math.floor(v / 128);
    n++;
  }
  return n;
}

/** Writes `v` as a variable-length integer at `at`; returns the position after it. */
function writeVarint(out: Uint8Array, at: number, v: number): number {
  while (v >= 0x80) {
    out[at++] = (v & 0x7f) | 0x80;
    v = Math.floor(v / 128);
  }
  out[at++] = v;
  return at;
}

function insertSorted(best: Array<{ id: number; score: number }>, item: { id: number; score: number }, k: number): void {
  let i = best.length;
  while (i > 0 && (best[i - 1].score < item.score || (best[i - 1].score === item.score && best[i - 1].id > item.id))) i--;
  best.splice(i, 0, item);
  if (best.length > k) best.pop();
}

/**
 * Sorts a group of code sequences (member j: `pool[from[j] .. from[j + 1])`, members given in
 * ascending id order) lexicographically, a sequence before its continuations, equal sequences by
 * member number: a multikey quicksort (Bentley and Sedgewick), which compares one code at a time
 * and never compares a common prefix twice.
 */
class GroupOrder {
  pool = new Uint16Array(1 << 16);
  from = new Uint32Array(1 << 10);
  members = new Int32Array(1 << 10);
  private used = 0;
  private count = 0;
  private stack: number[] = [];

  reset(g: number): void {
    if (this.from.length < g + 1) {
      this.from = new Uint32Array(2 * g + 1);
      this.members = new Int32Array(2 * g);
    }
    this.used = 0;
    this.count = 0;
  }

  push(codes: Uint16Array, at: number, len: number): void {
    if (this.pool.length < this.used + len) this.pool = grow(this.pool, 2 * (this.used + len));
    if (len > 0) this.pool.set(codes.subarray(at, at + len), this.used);
    this.from[this.count] = this.used;
    this.members[this.count] = this.count;
    this.count++;
    this.used += len;
    this.from[this.count] = this.used;
  }

  /** Whether members a and b have the same codes. */
  same(a: number, b: number): boolean {
    const f = this.from;
    const p = this.pool;
    const len = f[a + 1] - f[a];
    if (f[b + 1] - f[b] !== len) return false;
    for (let i = 0; i < len; i++) if (p[f[a] + i] !== p[f[b] + i]) return false;
    return true;
  }

  /** The code of member j at depth d, -1 past its end. */
  private key(j: number, d: number): number {
    const at = this.from[j] + d;
    return at < this.from[j + 1] ? this.pool[at] : -1;
  }

  sort(): void {
    const m = this.members;
    const stack = this.stack;
    stack.length = 0;
    stack.push(0, this.count, 0);
    while (stack.length) {
      const d = stack.pop()!;
      const hi = stack.pop()!;
      const lo = stack.pop()!;
      if (hi - lo < 2) continue;
      if (hi - lo <= 8) {
        this.insertion(lo, hi, d);
        continue;
      }
      const pivot = this.key(m[(lo + hi) >>> 1], d);
      // three-way partition: [lo, lt) below the pivot, [lt, gt) equal, [gt, hi) above
      let lt = lo;
      let gt = hi;
      let i = lo;
      while (i < gt) {
        const k = this.key(m[i], d);
        if (k < pivot) {
          const t = m[lt];
          m[lt++] = m[i];
          m[i++] = t;
        } else if (k > pivot) {
          const t = m[--gt];
          m[gt] = m[i];
          m[i] = t;
        } else i++;
      }
      stack.push(lo, lt, d, gt, hi, d);
      // equal: on to the next code; all ended (identical sequences): by member number
      if (pivot >= 0) stack.push(lt, gt, d + 1);
      else m.subarray(lt, gt).sort();
    }
  }

  /** Insertion sort of m[lo, hi), whose members agree on their first d codes. */
  private insertion(lo: number, hi: number, d: number): void {
    const m = this.members;
    for (let i = lo + 1; i < hi; i++) {
      const x = m[i];
      let j = i;
      while (j > lo && this.compare(m[j - 1], x, d) > 0) {
        m[j] = m[j - 1];
        j--;
      }
      m[j] = x;
    }
  }

  private compare(a: number, b: number, d: number): number {
    const f = this.from;
    const p = this.pool;
    let i = f[a] + d;
    let j = f[b] + d;
    const ie = f[a + 1];
    const je = f[b + 1];
    for (; i < ie && j < je; i++, j++) if (p[i] !== p[j]) return p[i] - p[j];
    return ie - i - (je - j) || a - b;
  }
}
