/**
 * Paragraph texts kept once, compactly: each text is cut into tokens (a word with the spaces and
 * punctuation after it, `States, `; one or two Chinese characters), every distinct token is stored
 * once, and a text is the sequence of its token numbers as variable-length bytes (1 byte for the
 * 128 most common tokens, 2 for the next 16k) in one shared byte array. Lossless: `get(i)` returns
 * exactly the text given to `add`. About a third of the size of the texts as strings, and no
 * per-text object for the garbage collector to trace.
 */

// (the `v` flag, for the class difference, through the constructor: the compiler targets ES2022)
const TOKEN = new RegExp(
  '\\p{Script=Han}{1,2}[^\\p{L}\\p{M}\\p{Nd}]{0,8}|[[\\p{L}\\p{M}\\p{Nd}]--\\p{Script=Han}]{1,24}[^\\p{L}\\p{M}\\p{Nd}]{0,8}|[^\\p{L}\\p{M}\\p{Nd}]{1,8}',
  'gv',
);

export function grow<A extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(a: A, need: number): A {
  if (need <= a.length) return a;
  const b = new (a.constructor as new (n: number) => A)(Math.max(need, Math.ceil(a.length * 1.5) + 16));
  b.set(a);
  return b;
}

export class TextStore {
  private ids = new Map<string, number>();
  private tokens: string[] = [];
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
    return this.tokens.length;
  }

  /** Stores `text`; returns its number (0, 1, 2 … in the order of adding). */
  add(text: string): number {
    const parts = text.match(TOKEN) ?? [];
    let total = 0;
    for (const p of parts) total += p.length;
    if (total !== text.length) parts.splice(0, parts.length, text); // not expected; kept whole
    this.bytes = grow(this.bytes, this.used + parts.length * 5);
    const bytes = this.bytes;
    let at = this.used;
    for (const p of parts) {
      let id = this.ids.get(p);
      if (id === undefined) {
        id = this.tokens.length;
        this.tokens.push(p);
        this.ids.set(p, id);
      }
      while (id >= 0x80) {
        bytes[at++] = (id & 0x7f) | 0x80;
        id >>>= 7;
      }
      bytes[at++] = id;
    }
    this.used = at;
    this.starts = grow(this.starts, this.count + 2);
    this.starts[++this.count] = at;
    return this.count - 1;
  }

  get(i: number): string {
    const bytes = this.bytes;
    const end = this.starts[i + 1];
    let s = '';
    for (let at = this.starts[i]; at < end; ) {
      let id = 0;
      let shift = 0;
      let b: number;
      do {
        b = bytes[at++];
        id |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      s += this.tokens[id];
    }
    return s;
  }

  /** The token table and byte arrays, trimmed, for serialization. */
  parts(): { tokens: string[]; bytes: Uint8Array; starts: Uint32Array } {
    return { tokens: this.tokens, bytes: this.bytes.subarray(0, this.used), starts: this.starts.subarray(0, this.count + 1) };
  }

  static from(tokens: string[], bytes: Uint8Array, starts: Uint32Array): TextStore {
    const t = new TextStore();
    t.tokens = tokens;
    for (let i = 0; i < tokens.length; i++) t.ids.set(tokens[i], i);
    t.bytes = bytes;
    t.used = bytes.length;
    t.starts = starts;
    t.count = starts.length - 1;
    return t;
  }
}
