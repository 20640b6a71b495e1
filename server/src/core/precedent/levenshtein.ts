/**
 * The word-level Levenshtein distance of one query against many candidates, for the index's
 * re-ranking: Myers' bit-parallel algorithm (in the blocked form `fastest-levenshtein` uses), with
 * the query as the pattern, so that its bit masks are built once per query instead of once per
 * candidate, and candidates read from a typed array instead of a string made for each.
 * The distance is the same number `fastest-levenshtein`'s `distance` gives (tested against it).
 */

import { distance } from 'fastest-levenshtein';

/** Query word → its slot (0: not in the query); cleared by `clear()`. */
const slotOf = new Uint16Array(0x10000);

/**
 * Masks kept for one query at most (slots × blocks): a longer query of many distinct words (some
 * thousands) is compared as strings by `fastest-levenshtein` instead, so that its masks are not
 * kept in memory after it.
 */
const MASKS_MAX = 1 << 18;

export class QueryDistance {
  private q = '';
  private blocks = 0;
  /** Pattern masks: slot × block. */
  private peq = new Int32Array(64);
  private phc = new Int32Array(64);
  private mhc = new Int32Array(64);
  private rows = new Int32Array(256);
  private slots = 0;
  /** The query is compared as a string (too many masks). */
  private strings = false;

  /** Builds the query's masks (codes one word per UTF-16 unit); `clear()` must follow before another query. */
  set(q: string): void {
    this.q = q;
    const m = q.length;
    const blocks = (this.blocks = Math.max(1, Math.ceil(m / 32)));
    let slots = 1;
    for (let i = 0; i < m; i++) {
      const c = q.charCodeAt(i);
      if (slotOf[c] === 0) slotOf[c] = slots++;
    }
    this.slots = slots;
    this.strings = slots * blocks > MASKS_MAX;
    if (this.strings) return;
    if (this.peq.length < slots * blocks) this.peq = new Int32Array(slots * blocks * 2);
    this.peq.fill(0, 0, slots * blocks);
    for (let i = 0; i < m; i++) this.peq[slotOf[q.charCodeAt(i)] * blocks + (i >>> 5)] |= 1 << (i & 31);
  }

  /** Forgets the query (its slots in the shared table). */
  clear(): void {
    const q = this.q;
    for (let i = 0; i < q.length; i++) slotOf[q.charCodeAt(i)] = 0;
    this.q = '';
  }

  /** The distance between the query and `text[from .. from + n)`. */
  distance(text: Uint16Array, from: number, n: number): number {
    const m = this.q.length;
    if (m === 0) return n;
    if (n === 0) return m;
    if (this.strings) {
      let s = '';
      for (let i = from; i < from + n; i += 4096) s += String.fromCharCode(...text.subarray(i, Math.min(from + n, i + 4096)));
      return distance(this.q, s);
    }
    const peq = this.peq;
    const blocks = this.blocks;
    if (blocks === 1) {
      // one block: the plain algorithm
      const lst = 1 << (m - 1);
      let pv = -1;
      let mv = 0;
      let sc = m;
      for (let i = from; i < from + n; i++) {
        let eq = peq[slotOf[text[i]]];
        const xv = eq | mv;
        eq |= ((eq & pv) + pv) ^ pv;
        mv |= ~(eq | pv);
        pv &= eq;
        if (mv & lst) sc++;
        if (pv & lst) sc--;
        mv = (mv << 1) | 1;
        pv = (pv << 1) | ~(xv | mv);
        mv &= xv;
      }
      return sc;
    }
    // blocks of 32 pattern words, each run over the whole text; the horizontal deltas at each
    // block's lower edge are kept per text word (one bit each) for the next block
    const words = (n + 31) >>> 5;
    if (this.phc.length < words) {
      this.phc = new Int32Array(words * 2);
      this.mhc = new Int32Array(words * 2);
    }
    const phc = this.phc;
    const mhc = this.mhc;
    phc.fill(-1, 0, words);
    mhc.fill(0, 0, words);
    // each text word's row of masks, looked up once for all the blocks
    if (this.rows.length < n) this.rows = new Int32Array(n * 2);
    const rows = this.rows;
    for (let i = 0; i < n; i++) rows[i] = slotOf[text[from + i]] * blocks;
    let score = m;
    for (let j = 0; j < blocks; j++) {
      let mv = 0;
      let pv = -1;
      const last = j === blocks - 1;
      const top = (m - 1) & 31;
      for (let i = 0; i < n; i++) {
        const eq = peq[rows[i] + j];
        const w = i >>> 5;
        const bit = i & 31;
        const pb = (phc[w] >>> bit) & 1;
        const mb = (mhc[w] >>> bit) & 1;
        const xv = eq | mv;
        const xh = ((((eq | mb) & pv) + pv) ^ pv) | eq | mb;
        let ph = mv | ~(xh | pv);
        let mh = pv & xh;
        if (last) {
          score += (ph >>> top) & 1;
          score -= (mh >>> top) & 1;
        }
        if ((ph >>> 31) ^ pb) phc[w] ^= 1 << bit;
        if ((mh >>> 31) ^ mb) mhc[w] ^= 1 << bit;
        ph = (ph << 1) | pb;
        mh = (mh << 1) | mb;
        pv = mh | ~(xv | ph);
        mv = ph & xv;
      }
    }
    return score;
  }
}
