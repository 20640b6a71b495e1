/**
 * The precedent index: corpus paragraphs encoded as word-code strings, an inverted index of word
 * bigrams (compressed sparse rows over hashed buckets, rarest bigrams first at query time) that
 * proposes candidates, and fastest-levenshtein re-ranking of those candidates word by word.
 * A sorted array of the encoded paragraphs answers prefix queries (completions) by binary search.
 *
 * Incremental: paragraphs added after the last build go to a small delta index; removed ones are
 * tombstoned. `commit()` (automatic when the delta grows) folds everything into the static part.
 */
import { distance } from 'fastest-levenshtein';
import { KINDS, Match, ParagraphKind, ParagraphRecord, SearchOptions, SourceDocument } from './types';
import { Vocabulary, words, wordSpans } from './normalize';

const NO_SOURCE = -1;
/** Bigrams among the first OPENING words are also indexed as "opening" bigrams (for completions). */
const OPENING = 8;
const OPENING_SALT = 0x9e3779b9;

function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

/** Word-level similarity of two encoded paragraphs in [0, 1]. */
export function similarity(a: string, b: string): number {
  const n = Math.max(a.length, b.length);
  if (n === 0) return 1;
  return 1 - distance(a, b) / n;
}

export interface IndexStats {
  paragraphs: number;
  vocabulary: number;
  buckets: number;
  postings: number;
  delta: number;
}

export class PrecedentIndex {
  readonly vocab = new Vocabulary();
  private texts: string[] = [];
  private codes: string[] = [];
  private kinds: number[] = [];
  private numbers: string[] = [];
  private lines: number[] = [];
  private srcOf: number[] = [];
  private alive: boolean[] = [];
  private liveCount = 0;
  private sources: SourceDocument[] = [];
  private sourceIds = new Map<SourceDocument, number>();

  // static part
  private staticCount = 0;
  private mask = 0;
  private starts = new Uint32Array(1);
  private postings = new Uint32Array(0);
  private sorted = new Uint32Array(0);
  /** For each position of `sorted`, the end of its run of identical wordings. */
  private runEnd = new Uint32Array(0);
  // delta part: ids >= staticCount
  private delta = new Map<number, number[]>();
  // scratch
  private counts = new Uint16Array(1024);

  get size(): number {
    return this.liveCount;
  }

  stats(): IndexStats {
    return {
      paragraphs: this.liveCount,
      vocabulary: this.vocab.size,
      buckets: this.mask + 1,
      postings: this.postings.length,
      delta: this.codes.length - this.staticCount,
    };
  }

  /** Adds a paragraph; returns its id. Call commit() after a batch (done automatically for large deltas). */
  add(rec: ParagraphRecord): number {
    const id = this.codes.length;
    const code = this.vocab.encode(words(rec.text));
    this.texts.push(rec.text);
    this.codes.push(code);
    this.kinds.push(Math.max(0, KINDS.indexOf(rec.kind)));
    this.numbers.push(rec.paragraph);
    this.lines.push(rec.line);
    let s = this.sourceIds.get(rec.source);
    if (s === undefined) {
      s = this.sources.length;
      this.sources.push(rec.source);
      this.sourceIds.set(rec.source, s);
    }
    this.srcOf.push(s);
    this.alive.push(true);
    this.liveCount++;
    if (this.mask !== 0) {
      for (const b of this.bucketsOf(code)) {
        let list = this.delta.get(b);
        if (!list) this.delta.set(b, (list = []));
        list.push(id);
      }
    }
    return id;
  }

  /** Removes a paragraph (tombstone). */
  remove(id: number): void {
    if (!this.alive[id]) return;
    this.alive[id] = false;
    this.texts[id] = '';
    this.codes[id] = '';
    this.srcOf[id] = NO_SOURCE;
    this.liveCount--;
  }

  /** Folds the delta into the static index when it has grown large. */
  maybeCommit(): void {
    const d = this.codes.length - this.staticCount;
    if (d > 2000 && d > this.staticCount * 0.05) this.commit();
  }

  /** Rebuilds the static index over every live paragraph. */
  commit(): void {
    const n = this.codes.length;
    // The bucket count follows the corpus: about one bucket per two bigram occurrences.
    let total = 0;
    for (let id = 0; id < n; id++) {
      if (!this.alive[id]) continue;
      const len = this.codes[id].length;
      total += len > 1 ? len - 1 + Math.min(OPENING, len - 1) : len;
    }
    let bits = 16;
    while (bits < 23 && 1 << bits < total / 2) bits++;
    this.mask = (1 << bits) - 1;
    const counts = new Uint32Array(this.mask + 2);
    const tmp = new Uint32Array(total);
    const tmpStart = new Uint32Array(n + 1);
    let t = 0;
    const mask = this.mask;
    const seen = new Uint32Array(mask + 1);
    let stamp = 0;
    for (let id = 0; id < n; id++) {
      tmpStart[id] = t;
      if (!this.alive[id]) continue;
      const code = this.codes[id];
      stamp++;
      if (code.length === 1) {
        const b = mix32(code.charCodeAt(0) * 0x10001) & mask;
        tmp[t++] = b;
        counts[b + 1]++;
        continue;
      }
      let prev = code.charCodeAt(0);
      for (let i = 1; i < code.length; i++) {
        const cur = code.charCodeAt(i);
        const key = (prev << 16) | cur;
        prev = cur;
        const b = mix32(key) & mask;
        if (seen[b] !== stamp) {
          seen[b] = stamp;
          tmp[t++] = b;
          counts[b + 1]++;
        }
        if (i <= OPENING) {
          const o = mix32(key ^ OPENING_SALT) & mask;
          if (seen[o] !== stamp) {
            seen[o] = stamp;
            tmp[t++] = o;
            counts[o + 1]++;
          }
        }
      }
    }
    tmpStart[n] = t;
    for (let b = 1; b < counts.length; b++) counts[b] += counts[b - 1];
    const starts = counts; // starts[b] .. starts[b+1]
    const fill = starts.slice(0, this.mask + 1);
    const postings = new Uint32Array(t);
    for (let id = 0; id < n; id++) {
      for (let i = tmpStart[id]; i < tmpStart[id + 1]; i++) postings[fill[tmp[i]]++] = id;
    }
    this.starts = starts;
    this.postings = postings;
    this.staticCount = n;
    this.delta.clear();
    // prefix order
    const ids: number[] = [];
    for (let id = 0; id < n; id++) if (this.alive[id]) ids.push(id);
    const codes = this.codes;
    ids.sort((a, b) => (codes[a] < codes[b] ? -1 : codes[a] > codes[b] ? 1 : a - b));
    this.sorted = Uint32Array.from(ids);
    const runEnd = new Uint32Array(ids.length);
    for (let i = ids.length - 1; i >= 0; i--) {
      runEnd[i] = i + 1 < ids.length && codes[ids[i]] === codes[ids[i + 1]] ? runEnd[i + 1] : i + 1;
    }
    this.runEnd = runEnd;
    if (this.counts.length < n) this.counts = new Uint16Array(Math.max(n, this.counts.length * 2));
  }

  /** Builds the static index the first time it is needed. */
  private ensureBuilt(): void {
    if (this.mask === 0) this.commit();
  }

  private seen = new Uint32Array(0);
  private stamp = 0;

  /** Distinct buckets of the word bigrams of an encoded paragraph (its single word when it has one). */
  private bucketsOf(code: string, mode: 'all' | 'body' | 'opening' = 'all'): number[] {
    const out: number[] = [];
    const mask = this.mask;
    if (this.seen.length !== mask + 1) {
      this.seen = new Uint32Array(mask + 1);
      this.stamp = 0;
    }
    let stamp = ++this.stamp;
    if (stamp === 0xffffffff) {
      this.seen.fill(0);
      stamp = this.stamp = 1;
    }
    const seen = this.seen;
    if (code.length === 1 && mode !== 'opening') out.push(mix32(code.charCodeAt(0) * 0x10001) & mask);
    for (let i = 0; i + 1 < code.length; i++) {
      const key = (code.charCodeAt(i) << 16) | code.charCodeAt(i + 1);
      if (mode !== 'opening') {
        const b = mix32(key) & mask;
        if (seen[b] !== stamp) {
          seen[b] = stamp;
          out.push(b);
        }
      }
      if (mode !== 'body' && i < OPENING) {
        const o = mix32(key ^ OPENING_SALT) & mask;
        if (seen[o] !== stamp) {
          seen[o] = stamp;
          out.push(o);
        }
      }
    }
    return out;
  }

  /**
   * Search effort: how many candidates are re-ranked, and how many postings are read per query
   * (rarest bigrams first; a bigram found in more than `maxDfShare` of the corpus is not read
   * unless it is the rarest one).
   */
  readonly tuning = { candidates: 300, budgetBase: 4000, budgetShare: 0.02, maxDfShare: 0.05 };

  /** Paragraph ids sharing the most (rare first) bigrams with `code`. */
  candidates(code: string, max: number, mode: 'body' | 'opening' = 'body'): number[] {
    const tn = this.tuning;
    const budget = tn.budgetBase + this.liveCount * tn.budgetShare;
    const maxDf = Math.max(tn.budgetBase, this.liveCount * tn.maxDfShare);
    this.ensureBuilt();
    const buckets = this.bucketsOf(code, mode);
    const lists: Array<{ b: number; df: number }> = [];
    for (const b of buckets) {
      const df = this.starts[b + 1] - this.starts[b] + (this.delta.get(b)?.length ?? 0);
      if (df > 0) lists.push({ b, df });
    }
    lists.sort((x, y) => x.df - y.df);
    if (this.counts.length < this.codes.length) this.counts = new Uint16Array(this.codes.length * 2);
    const counts = this.counts;
    const touched: number[] = [];
    let spent = 0;
    let used = 0;
    for (const { b, df } of lists) {
      // Rarest first, within the budget; the rarest list is always read (up to the budget).
      if (used >= 1 && (spent + df > budget || df > maxDf)) break;
      used++;
      spent += df;
      const end = Math.min(this.starts[b + 1], this.starts[b] + budget);
      for (let i = this.starts[b]; i < end; i++) {
        const id = this.postings[i];
        if (counts[id]++ === 0) touched.push(id);
      }
      const extra = this.delta.get(b);
      if (extra) for (const id of extra) if (counts[id]++ === 0) touched.push(id);
    }
    let out: number[];
    if (touched.length <= max) {
      out = touched.filter((id) => this.alive[id]);
    } else {
      // Rank by shared bigrams relative to the longer of the two paragraphs (a cheap stand-in
      // for the similarity), quantised for a linear-time selection of the best `max`.
      const qn = Math.max(1, buckets.length);
      const bins = 1024;
      const q = new Uint16Array(touched.length);
      const hist = new Uint32Array(bins);
      for (let i = 0; i < touched.length; i++) {
        const id = touched[i];
        const plen = this.codes[id].length - 1;
        const len = Math.max(qn, mode === 'opening' ? Math.min(OPENING, plen) : plen, 1);
        const v = Math.min(bins - 1, Math.floor((counts[id] / len) * (bins - 1)));
        q[i] = v;
        hist[v]++;
      }
      let threshold = bins - 1;
      let acc = hist[threshold];
      while (threshold > 0 && acc < max) acc += hist[--threshold];
      out = [];
      const ties: number[] = [];
      for (let i = 0; i < touched.length; i++) {
        const id = touched[i];
        if (!this.alive[id]) continue;
        if (q[i] > threshold) out.push(id);
        else if (q[i] === threshold) ties.push(id);
      }
      for (let i = 0; i < ties.length && out.length < max; i++) out.push(ties[i]);
    }
    for (const id of touched) counts[id] = 0;
    return out;
  }

  private accept(id: number, options: SearchOptions): boolean {
    if (!this.alive[id]) return false;
    if (options.excludePath !== undefined && this.sources[this.srcOf[id]].path === options.excludePath) return false;
    if (options.kinds && !options.kinds.includes(KINDS[this.kinds[id]])) return false;
    return true;
  }

  /** Encodes query text (without growing the vocabulary). */
  encodeQuery(text: string): string {
    return this.vocab.encodeQuery(words(text));
  }

  /** The top-k corpus paragraphs most similar to `text` (index candidates, Levenshtein re-ranking). */
  search(text: string, options: SearchOptions = {}): Match[] {
    return this.searchCode(this.encodeQuery(text), options);
  }

  searchCode(q: string, options: SearchOptions = {}): Match[] {
    const k = options.top ?? 5;
    if (q.length === 0 || this.liveCount === 0) return [];
    const cands = this.candidates(q, Math.max(this.tuning.candidates, 20 * k));
    return this.rerank(q, cands, k, options.minScore ?? 0, options);
  }

  private rerank(q: string, ids: Iterable<number>, k: number, minScore: number, options: SearchOptions): Match[] {
    const best: Array<{ id: number; score: number }> = [];
    let floor = minScore;
    for (const id of ids) {
      if (!this.accept(id, options)) continue;
      const c = this.codes[id];
      const lo = Math.min(c.length, q.length);
      const hi = Math.max(c.length, q.length);
      if (lo / hi < floor || (best.length >= k && lo / hi <= floor)) continue;
      const score = similarity(q, c);
      if (score < minScore) continue;
      if (best.length < k || score > best[best.length - 1].score) {
        if (this.duplicate(best, id)) continue;
        insertSorted(best, { id, score }, k);
        if (best.length >= k) floor = Math.max(minScore, best[best.length - 1].score);
      }
    }
    return best.map((b) => this.match(b.id, b.score));
  }

  /** Exhaustive scan: the correctness baseline (same similarity, every paragraph compared). */
  exhaustive(text: string, options: SearchOptions = {}): Match[] {
    return this.exhaustiveCode(this.encodeQuery(text), options);
  }

  exhaustiveCode(q: string, options: SearchOptions = {}): Match[] {
    const k = options.top ?? 5;
    const minScore = options.minScore ?? 0;
    const best: Array<{ id: number; score: number }> = [];
    for (let id = 0; id < this.codes.length; id++) {
      if (!this.accept(id, options)) continue;
      const score = similarity(q, this.codes[id]);
      if (score < minScore) continue;
      if ((best.length < k || score > best[best.length - 1].score) && !this.duplicate(best, id)) insertSorted(best, { id, score }, k);
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
    const spans = wordSpans(typed);
    if (spans.length === 0) return [];
    const last = spans[spans.length - 1];
    const partial = last.end === typed.length ? last.word : '';
    const full = partial ? spans.slice(0, -1) : spans;
    if (full.length === 0) return [];
    const q = this.vocab.encodeQuery(full.map((w) => w.word));
    const out: Match[] = [];
    const seenCode = new Set<string>();
    const known = full.every((w) => this.vocab.get(w.word) !== undefined);
    if (known) {
      const okPartial = (id: number) => {
        if (!partial) return this.codes[id].length > q.length;
        const c = this.codes[id].charCodeAt(q.length);
        if (Number.isNaN(c)) return false;
        const w = this.vocab.word(c);
        return w !== undefined && w.startsWith(partial);
      };
      // group identical wordings (adjacent in the sorted order: one run each); rank by frequency
      const groups = new Map<string, { id: number; count: number }>();
      const consider = (id: number) => {
        if (!this.accept(id, options)) return;
        const c = this.codes[id];
        const g = groups.get(c);
        if (g) {
          g.count++;
          if (this.newer(id, g.id)) g.id = id;
        } else if (okPartial(id)) groups.set(c, { id, count: 1 });
      };
      // The sorted range of paragraphs opening with the typed words — narrowed, when a word is
      // half typed, to the sub-ranges of the vocabulary words it can become.
      const keys = partial ? this.vocab.codesWithPrefix(partial).map((c) => q + String.fromCharCode(c)) : [q];
      let runs = 0;
      for (const key of keys) {
        if (runs >= 5000) break;
        const hi = this.lowerBound(key + '\uffff');
        for (let i = this.lowerBound(key); i < hi && runs < 5000; runs++) {
          const end = Math.min(hi, this.runEnd[i]);
          const first = this.sorted[i];
          if (okPartial(first)) {
            let rep = -1;
            let count = 0;
            for (let j = i; j < end; j++) {
              const id = this.sorted[j];
              if (!this.accept(id, options)) continue;
              count++;
              if (rep < 0 || this.newer(id, rep)) rep = id;
            }
            if (rep >= 0) groups.set(this.codes[first], { id: rep, count });
          }
          i = end;
        }
      }
      for (let id = this.staticCount; id < this.codes.length; id++) if (this.codes[id].startsWith(q)) consider(id);
      const ranked = [...groups.values()].sort(
        (a, b) => b.count - a.count || this.codes[a.id].length - this.codes[b.id].length || a.id - b.id,
      );
      for (const g of ranked.slice(0, k)) {
        out.push(this.match(g.id, 1));
        seenCode.add(this.codes[g.id]);
      }
    }
    if (out.length < k) {
      const minScore = Math.max(options.minScore ?? 0, 0.5);
      const scored: Array<{ id: number; score: number }> = [];
      for (const id of this.candidates(q, 200, 'opening')) {
        if (!this.accept(id, options) || seenCode.has(this.codes[id])) continue;
        const c = this.codes[id];
        if (c.length <= q.length) continue; // nothing left to complete
        const score = 1 - distance(q, c.slice(0, q.length)) / q.length;
        if (score >= minScore && score < 1.0000001) scored.push({ id, score: Math.min(score, 0.99) });
      }
      scored.sort((a, b) => b.score - a.score || a.id - b.id);
      for (const s of scored) {
        if (out.length >= k) break;
        if (seenCode.has(this.codes[s.id])) continue;
        seenCode.add(this.codes[s.id]);
        out.push(this.match(s.id, s.score));
      }
    }
    return out;
  }

  /** The same paragraph of the same document loaded twice (e.g. a seed text and its XML). */
  private duplicate(best: Array<{ id: number; score: number }>, id: number): boolean {
    const sym = this.sources[this.srcOf[id]].symbol;
    for (const b of best) {
      if (this.codes[b.id] === this.codes[id] && this.numbers[b.id] === this.numbers[id] && this.sources[this.srcOf[b.id]].symbol === sym) return true;
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

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.codes[this.sorted[mid]] < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The match record of paragraph `id`. */
  match(id: number, score: number): Match {
    const src = this.sources[this.srcOf[id]];
    return {
      score: Math.round(score * 1000) / 1000,
      text: this.texts[id],
      id,
      source: {
        path: src.path,
        symbol: src.symbol,
        ...(src.title ? { title: src.title } : {}),
        ...(src.date ? { date: src.date } : {}),
        kind: KINDS[this.kinds[id]] as ParagraphKind,
        paragraph: this.numbers[id],
        line: this.lines[id],
      },
    };
  }

  /** Encoded words of paragraph `id`. */
  codeOf(id: number): string {
    return this.codes[id];
  }

  /** Kind of paragraph `id`, as an index into KINDS. */
  kindOf(id: number): number {
    return this.kinds[id];
  }

  textOf(id: number): string {
    return this.texts[id];
  }

  /** Live paragraph ids. */
  *ids(): IterableIterator<number> {
    for (let id = 0; id < this.codes.length; id++) if (this.alive[id]) yield id;
  }
}

function insertSorted(best: Array<{ id: number; score: number }>, item: { id: number; score: number }, k: number): void {
  let i = best.length;
  while (i > 0 && (best[i - 1].score < item.score || (best[i - 1].score === item.score && best[i - 1].id > item.id))) i--;
  best.splice(i, 0, item);
  if (best.length > k) best.pop();
}
