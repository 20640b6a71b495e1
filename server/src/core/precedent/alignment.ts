/**
 * Which corpus paragraphs are the same paragraph of one resolution in several languages: each
 * paragraph id has an alignment key ("75/1|o6"), and the paragraphs of one key are parallel texts.
 *
 * The keys of a saved corpus index are kept as typed arrays (saved beside the index and read in
 * place, never turned into one object per paragraph): the distinct keys sorted, each paragraph's
 * key number, and each key's paragraphs. Paragraphs added or removed since (a changed file) are
 * kept beside them in small maps. Plain TypeScript, no LSP import.
 */

/** "RDAL": a saved alignment table. */
const MAGIC = 0x4c414452;

/** The saved table: every array a view of the saved bytes. */
interface AlignTable {
  /** Keys in ascending order, their UTF-16 code units back to back: key g is keyChars[keyStart[g] .. keyStart[g + 1]). */
  keyChars: Uint16Array;
  keyStart: Uint32Array;
  /** The paragraphs of key g: members[memberStart[g] .. memberStart[g + 1]), ascending. */
  memberStart: Uint32Array;
  members: Uint32Array;
  /** Key number of each paragraph id below `groupOf.length` (-1: none). */
  groupOf: Int32Array;
}

function chars(a: Uint16Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i += 4096) s += String.fromCharCode.apply(null, a.subarray(i, Math.min(to, i + 4096)) as unknown as number[]);
  return s;
}

export class Alignment {
  private table: AlignTable | undefined;
  /** Base paragraphs removed since the table was saved. */
  private dropped = new Set<number>();
  /** Keys of paragraphs added since. */
  private extraKey = new Map<number, string>();
  private extraMembers = new Map<string, number[]>();

  /** The alignment key of a paragraph, if it has one. */
  keyOf(id: number): string | undefined {
    const extra = this.extraKey.get(id);
    if (extra !== undefined) return extra;
    const t = this.table;
    if (!t || id >= t.groupOf.length || this.dropped.has(id)) return undefined;
    const g = t.groupOf[id];
    return g < 0 ? undefined : this.key(g);
  }

  add(id: number, key: string): void {
    this.extraKey.set(id, key);
    let list = this.extraMembers.get(key);
    if (!list) this.extraMembers.set(key, (list = []));
    list.push(id);
  }

  remove(id: number): void {
    const extra = this.extraKey.get(id);
    if (extra !== undefined) {
      this.extraKey.delete(id);
      const list = this.extraMembers.get(extra)?.filter((x) => x !== id);
      if (list && list.length) this.extraMembers.set(extra, list);
      else this.extraMembers.delete(extra);
      return;
    }
    const t = this.table;
    if (t && id < t.groupOf.length && t.groupOf[id] >= 0) this.dropped.add(id);
  }

  /** The paragraphs sharing the key of `id` (itself included), in the order they were added. */
  members(id: number): number[] {
    const key = this.keyOf(id);
    if (key === undefined) return [];
    const out: number[] = [];
    const t = this.table;
    if (t) {
      const g = id < t.groupOf.length && t.groupOf[id] >= 0 && !this.dropped.has(id) ? t.groupOf[id] : this.find(key);
      if (g >= 0) for (let i = t.memberStart[g]; i < t.memberStart[g + 1]; i++) if (!this.dropped.has(t.members[i])) out.push(t.members[i]);
    }
    for (const x of this.extraMembers.get(key) ?? []) out.push(x);
    return out;
  }

  private key(g: number): string {
    const t = this.table!;
    return chars(t.keyChars, t.keyStart[g], t.keyStart[g + 1]);
  }

  /** The key number of a key in the saved table (binary search over the sorted keys), or -1. */
  private find(key: string): number {
    const t = this.table!;
    let lo = 0;
    let hi = t.keyStart.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const k = this.key(mid);
      if (k === key) return mid;
      if (k < key) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The table as bytes, for the paragraphs `ids` (in order: a key's paragraphs keep it): a head
   * (magic, key count, ids covered, members, key characters), then the arrays, each 8-byte aligned.
   */
  serialize(ids: Iterable<number>): Uint8Array {
    const byKey = new Map<string, number[]>();
    let covered = 0;
    for (const id of ids) {
      covered = Math.max(covered, id + 1);
      const k = this.keyOf(id);
      if (k === undefined) continue;
      let list = byKey.get(k);
      if (!list) byKey.set(k, (list = []));
      list.push(id);
    }
    const keys = [...byKey.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    let nChars = 0;
    let nMembers = 0;
    for (const k of keys) {
      nChars += k.length;
      nMembers += byKey.get(k)!.length;
    }
    const G = keys.length;
    const pad = (x: number) => (x + 7) & ~7;
    const sizes = [4 * (G + 1), 4 * (G + 1), 4 * nMembers, 4 * covered, 2 * nChars];
    const out = new Uint8Array(24 + sizes.reduce((s, x) => s + pad(x), 0));
    const head = new Uint32Array(out.buffer, 0, 6);
    head.set([MAGIC, G, covered, nMembers, nChars, 0]);
    let at = 24;
    const next = (bytes: number) => {
      const o = at;
      at += pad(bytes);
      return o;
    };
    const keyStart = new Uint32Array(out.buffer, next(sizes[0]), G + 1);
    const memberStart = new Uint32Array(out.buffer, next(sizes[1]), G + 1);
    const members = new Uint32Array(out.buffer, next(sizes[2]), nMembers);
    const groupOf = new Int32Array(out.buffer, next(sizes[3]), covered).fill(-1);
    const keyChars = new Uint16Array(out.buffer, next(sizes[4]), nChars);
    let c = 0;
    let m = 0;
    keys.forEach((k, g) => {
      keyStart[g] = c;
      for (let i = 0; i < k.length; i++) keyChars[c++] = k.charCodeAt(i);
      memberStart[g] = m;
      for (const id of byKey.get(k)!) {
        members[m++] = id;
        groupOf[id] = g;
      }
    });
    keyStart[G] = c;
    memberStart[G] = m;
    return out;
  }

  /** A table from `serialize()` bytes, read in place; throws on other data. */
  static deserialize(data: Uint8Array): Alignment {
    if (data.byteLength < 24 || data.byteOffset % 8 !== 0) throw new Error('alignment table: too short or misaligned');
    const head = new Uint32Array(data.buffer, data.byteOffset, 6);
    if (head[0] !== MAGIC) throw new Error('alignment table: not an alignment table');
    const [, G, covered, nMembers, nChars] = head;
    const pad = (x: number) => (x + 7) & ~7;
    const sizes = [4 * (G + 1), 4 * (G + 1), 4 * nMembers, 4 * covered, 2 * nChars];
    if (24 + sizes.reduce((s, x) => s + pad(x), 0) > data.byteLength) throw new Error('alignment table: truncated');
    let at = data.byteOffset + 24;
    const next = (bytes: number) => {
      const o = at;
      at += pad(bytes);
      return o;
    };
    const a = new Alignment();
    a.table = {
      keyStart: new Uint32Array(data.buffer, next(sizes[0]), G + 1),
      memberStart: new Uint32Array(data.buffer, next(sizes[1]), G + 1),
      members: new Uint32Array(data.buffer, next(sizes[2]), nMembers),
      groupOf: new Int32Array(data.buffer, next(sizes[3]), covered),
      keyChars: new Uint16Array(data.buffer, next(sizes[4]), nChars),
    };
    return a;
  }
}
