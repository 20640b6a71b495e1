/**
 * Paragraph texts kept once, compactly: each text is cut into tokens (a word with the spaces and
 * punctuation after it, `States, `; one or two Chinese characters), every distinct token is stored
 * once (found again through an open-addressing hash table over the text's code units, so that no
 * substring is made for a token already known), and a text is the sequence of its token numbers as variable-length bytes (1 byte for the
 * 128 most common tokens, 2 for the next 16k) in one shared byte array. Lossless: `get(i)` returns
 * exactly the text given to `add`. About a third of the size of the texts as strings, and no
 * per-text object for the garbage collector to trace.
 */

/** Class of each UTF-16 code unit, filled on first sight: 0 unknown, 1 other, 2 letter/mark/digit, 3 Han. */
const CLASS = new Uint8Array(0x10000);
const LETTER = /[\p{L}\p{M}\p{Nd}]/u;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HAN = /\p{Script=Han}/u;

function classOf(c: number): number {
  let k = CLASS[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    // surrogates: kept with the letters around them (a pair is never cut into two tokens)
    k = c >= 0xd800 && c <= 0xdfff ? 2 : HAN.test(ch) ? 3 : LETTER.test(ch) ? 2 : 1;
    CLASS[c] = k;
  }
  return k;
}

/** Whether code unit `c` belongs to a word run of the text store (a letter, mark or digit, not Chinese). */
export function isWordUnit(c: number): boolean {
  return (CLASS[c] || classOf(c)) === 2;
}

export function grow<A extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => A)(Math.max(need, Math.ceil(a.length * 1.5) + 16));
  b.set(a);
  return b;
}

/** Strings packed as their UTF-16 code units (lossless, lone surrogates included) and end offsets. */
export function packStrings(list: readonly string[]): { chars: Uint16Array; ends: Uint32Array } {
  let total = 0;
  for (const s of list) total += s.length;
  const chars = new Uint16Array(total);
  const ends = new Uint32Array(list.length);
  let at = 0;
  list.forEach((s, i) => {
    for (let j = 0; j < s.length; j++) chars[at++] = s.charCodeAt(j);
    ends[i] = at;
  });
  return { chars, ends };
}

/** Packed strings read back: one string for all of them, each cut out when asked for. */
export class PackedStrings {
  private readonly blob: string;
  constructor(
    chars: Uint16Array,
    private readonly ends: Uint32Array,
  ) {
    this.blob = Buffer.from(chars.buffer, chars.byteOffset, chars.byteLength).toString('utf16le');
  }

  get length(): number {
    return this.ends.length;
  }

  get(i: number): string {
    return this.blob.slice(i === 0 ? 0 : this.ends[i - 1], this.ends[i]);
  }

  toArray(from = 0, to = this.ends.length): string[] {
    const out: string[] = new Array(to - from);
    for (let i = from; i < to; i++) out[i - from] = this.get(i);
    return out;
  }
}

export class TextStore {
  private tokens: string[] = [];
  /** Open addressing: token id + 1 by hash of its code units (0: empty). */
  private table = new Int32Array(1 << 12);
  /** After `from()`: the token table, cut into `tokens` only when a text is added. */
  private packed: PackedStrings | undefined;
  private bytes: Uint8Array = new Uint8Array(1 << 16);
  private used = 0;
  /** starts[i] .. starts[i + 1]: the bytes of text i. */
  private starts: Uint32Array = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Bytes held (token table excluded). */
  get byteLength(): number {
    return this.used + (this.count + 1) * 4;
  }

  get tokenCount(): number {
    return this.packed ? this.packed.length : this.tokens.length;
  }

  private materialize(): void {
    if (!this.packed) return;
    this.tokens = this.packed.toArray();
    // (only written past their ends: grown into copies first, the data given is never changed)
    this.tokenChars = this.packedParts!.chars;
    this.tokenEnds = this.packedParts!.ends;
    this.packed = undefined;
    this.packedParts = undefined;
    this.rehash();
  }

  /**
   * The hash of the token text[start, end): of its length and of five of its code units (first,
   * second, middle, last but one, last) — enough to tell apart the tokens of a corpus, and much
   * cheaper than hashing every code unit (a token found is compared in full anyway).
   */
  private static hash(text: string, start: number, end: number): number {
    const len = end - start;
    let h = Math.imul(len ^ 0x811c9dc5, 0x01000193) ^ text.charCodeAt(start);
    h = Math.imul(h, 0x01000193) ^ text.charCodeAt(end - 1);
    if (len > 2) {
      h = Math.imul(h, 0x01000193) ^ text.charCodeAt(start + 1);
      h = Math.imul(h, 0x01000193) ^ text.charCodeAt(end - 2);
      h = Math.imul(h, 0x01000193) ^ text.charCodeAt(start + (len >> 1));
    }
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    return (h ^ (h >>> 12)) >>> 0;
  }

  private static hashCodes(text: Uint16Array, start: number, end: number): number {
    const len = end - start;
    let h = Math.imul(len ^ 0x811c9dc5, 0x01000193) ^ text[start];
    h = Math.imul(h, 0x01000193) ^ text[end - 1];
    if (len > 2) {
      h = Math.imul(h, 0x01000193) ^ text[start + 1];
      h = Math.imul(h, 0x01000193) ^ text[end - 2];
      h = Math.imul(h, 0x01000193) ^ text[start + (len >> 1)];
    }
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
    return (h ^ (h >>> 12)) >>> 0;
  }

  /** A table of at least four slots per token, every token in it. */
  private rehash(): void {
    let n = 1 << 12;
    while (n < this.tokens.length * 4) n *= 2;
    const table = new Int32Array(n);
    const mask = n - 1;
    this.tokens.forEach((t, id) => {
      let at = TextStore.hash(t, 0, t.length) & mask;
      while (table[at] !== 0) at = (at + 1) & mask;
      table[at] = id + 1;
    });
    this.table = table;
  }

  /** The code units of every token, side by side (token t ends at tokenEnds[t]), for comparing. */
  private tokenChars: Uint16Array = new Uint16Array(1 << 12);
  private tokenEnds: Uint32Array = new Uint32Array(1 << 10);

  /** The id of the token text[start, end), added when new. */
  private tokenId(text: Uint16Array, start: number, end: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let at = TextStore.hashCodes(text, start, end) & mask;
    const len = end - start;
    const chars = this.tokenChars;
    const ends = this.tokenEnds;
    for (;;) {
      const e = table[at];
      if (e === 0) break;
      const te = ends[e - 1];
      const ts = e === 1 ? 0 : ends[e - 2];
      if (te - ts === len) {
        let i = 0;
        while (i < len && chars[ts + i] === text[start + i]) i++;
        if (i === len) return e - 1;
      }
      at = (at + 1) & mask;
    }
    const id = this.tokens.length;
    const from = id === 0 ? 0 : ends[id - 1];
    this.tokenChars = grow(chars, from + len);
    this.tokenEnds = grow(ends, id + 1);
    this.tokenChars.set(text.subarray(start, end), from);
    this.tokenEnds[id] = from + len;
    // a string of its own (a slice could keep the whole text alive)
    this.tokens.push(String.fromCharCode.apply(null, this.tokenChars.subarray(from, from + len) as unknown as number[]));
    table[at] = id + 1;
    if (this.tokens.length * 2 > table.length) this.rehash();
    return id;
  }

  /** The token numbers of the text added last, in order (valid until the next `add`). */
  get lastTokens(): Uint32Array {
    return this.tokenBuf.subarray(0, this.tokenCountLast);
  }
  /** Where each token of the text added last ends in it (valid until the next `add`). */
  get lastTokenEnds(): Uint32Array {
    return this.tokenEndBuf.subarray(0, this.tokenCountLast);
  }
  private tokenBuf = new Uint32Array(256);
  private tokenEndBuf = new Uint32Array(256);
  private tokenCountLast = 0;
  /** Whether a word of the text added last was longer than a token (then cut into two tokens). */
  lastCut = false;

  /** The code units of the text added last (from 0 to its length; valid until the next `add`). */
  lastChars: Uint16Array = new Uint16Array(0);
  private charBuf: Buffer | undefined;

  /** The code units of `text` in `this.lastChars` (copied natively where the machine is little-endian). */
  private load(text: string): Uint16Array {
    const len = text.length;
    if (this.lastChars.length < len) {
      const ab = new ArrayBuffer(Math.max(1024, len * 2) * 2);
      this.lastChars = new Uint16Array(ab);
      this.charBuf = LITTLE_ENDIAN ? Buffer.from(ab) : undefined;
    }
    const chars = this.lastChars;
    if (this.charBuf) this.charBuf.write(text, 0, len * 2, 'utf16le');
    else for (let i = 0; i < len; i++) chars[i] = text.charCodeAt(i);
    return chars;
  }

  /** Stores `text`; returns its number (0, 1, 2 … in the order of adding). */
  add(text: string): number {
    this.materialize();
    const len = text.length;
    const chars = this.load(text);
    // each token is at least one code unit, and its number at most 5 bytes
    this.bytes = grow(this.bytes, this.used + len * 5);
    if (this.tokenBuf.length < len) {
      this.tokenBuf = new Uint32Array(len * 2);
      this.tokenEndBuf = new Uint32Array(len * 2);
    }
    const bytes = this.bytes;
    const toks = this.tokenBuf;
    const tends = this.tokenEndBuf;
    let nt = 0;
    let cut = false;
    let at = this.used;
    let i = 0;
    while (i < len) {
      const start = i;
      let c = chars[i];
      const k = CLASS[c] || classOf(c);
      if (k === 3) {
        // one or two Chinese characters
        i++;
        if (i < len && classOf(chars[i]) === 3) i++;
      } else if (k === 2) {
        const lim = Math.min(len, i + 24);
        while (i < lim) {
          c = chars[i];
          if ((CLASS[c] || classOf(c)) !== 2) break;
          i++;
        }
        if (i === lim && i < len && classOf(chars[i]) === 2) cut = true;
      }
      // then the spaces and punctuation after it (up to 8)
      const lim = Math.min(len, i + 8);
      while (i < lim) {
        c = chars[i];
        if ((CLASS[c] || classOf(c)) !== 1) break;
        i++;
      }
      let id = this.tokenId(chars, start, i);
      tends[nt] = i;
      toks[nt++] = id;
      while (id >= 0x80) {
        bytes[at++] = (id & 0x7f) | 0x80;
        id >>>= 7;
      }
      bytes[at++] = id;
    }
    this.tokenCountLast = nt;
    this.lastCut = cut;
    this.used = at;
    this.starts = grow(this.starts, this.count + 2);
    this.starts[++this.count] = at;
    return this.count - 1;
  }

  get(i: number): string {
    const bytes = this.bytes;
    const end = this.starts[i + 1];
    const packed = this.packed;
    let s = '';
    for (let at = this.starts[i]; at < end;) {
      let id = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[at++];
        id |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      s += packed ? packed.get(id) : this.tokens[id];
    }
    return s;
  }

  /** The text of token `t`. */
  token(t: number): string {
    return this.packed ? this.packed.get(t) : this.tokens[t];
  }

  /** The word a token opens with (its letters, marks and digits, or its Chinese characters); '' if none. */
  tokenWord(t: number): string {
    const tok = this.token(t);
    if (tok.length === 0) return '';
    const k = classOf(tok.charCodeAt(0));
    if (k === 1) return '';
    let i = 1;
    while (i < tok.length && classOf(tok.charCodeAt(i)) === k) i++;
    return tok.slice(0, i);
  }

  /**
   * Writes `map[t]` for each token `t` of text `i` into `out` from 0, leaving out the tokens
   * mapped to 0xffff (no word), at most `max`; returns the count written. (The index keeps a paragraph's word codes this way:
   * as its tokens, each mapped to the code of its word.)
   */
  mapTokens(i: number, map: Uint16Array, out: Uint16Array, max = Infinity): number {
    const bytes = this.bytes;
    const end = this.starts[i + 1];
    let n = 0;
    for (let at = this.starts[i]; at < end && n < max;) {
      let id = bytes[at++];
      if (id & 0x80) {
        id &= 0x7f;
        let shift = 7;
        let b: number;
        do {
          b = bytes[at++];
          id |= (b & 0x7f) << shift;
          shift += 7;
        } while (b & 0x80);
      }
      const c = map[id];
      if (c !== 0xffff) out[n++] = c;
    }
    return n;
  }

  /** The token table (packed) and byte arrays, trimmed, for serialization. */
  parts(): { tokenChars: Uint16Array; tokenEnds: Uint32Array; bytes: Uint8Array; starts: Uint32Array } {
    const n = this.tokens.length;
    const packed = this.packedParts ?? {
      chars: this.tokenChars.subarray(0, n === 0 ? 0 : this.tokenEnds[n - 1]),
      ends: this.tokenEnds.subarray(0, n),
    };
    return {
      tokenChars: packed.chars,
      tokenEnds: packed.ends,
      bytes: this.bytes.subarray(0, this.used),
      starts: this.starts.subarray(0, this.count + 1),
    };
  }

  private packedParts: { chars: Uint16Array; ends: Uint32Array } | undefined;

  static from(tokenChars: Uint16Array, tokenEnds: Uint32Array, bytes: Uint8Array, starts: Uint32Array): TextStore {
    const t = new TextStore();
    t.packed = new PackedStrings(tokenChars, tokenEnds);
    t.packedParts = { chars: tokenChars, ends: tokenEnds };
    t.bytes = bytes;
    t.used = bytes.length;
    t.starts = starts;
    t.count = starts.length - 1;
    return t;
  }
}
