/**
 * The persistent corpus cache: for each configured source, the parsed paragraphs of each of its
 * files (and its metadata files), keyed by the file's path, size and modification time, kept in one
 * JSON file per source in a cache folder (the extension's global storage, or the command line's
 * cache folder). A file whose size or time changed is re-read alone; a cache that is unreadable,
 * from another version, or for another source is ignored. Writing goes through a temporary file
 * and a rename, so a crash never leaves a half-written cache. Plain TypeScript, no LSP import.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import type { CorpusSources, FileResult, SymbolInfo } from './corpus';

/** "RDC4": a saved corpus index (and the version of its layout). */
const SNAPSHOT_MAGIC = 0x34434452;
/** The layout before the alignment table was saved beside the index: ignored without a message (rebuilt). */
const OLD_SNAPSHOT_MAGIC = 0x58434452;
/** zlib's CRC-32 (Node 20.15 and later; hardware-assisted: about 7 GB/s); without it, no checksum. */
const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/**
 * A saved corpus: its state (JSON values, one a line), its alignment table and its serialized
 * index, each a view of the saved bytes.
 */
export interface SnapshotParts {
  /** The whole saved file. */
  data: Uint8Array;
  state: Uint8Array;
  align: Uint8Array;
  index: Uint8Array;
}

/**
 * The parts of a saved corpus file: a 16-byte head (magic, CRC-32 of the rest, state length,
 * alignment table length), the state (padded with spaces to 8 bytes), the alignment table (padded
 * to 8 bytes) and the index bytes, so that the typed arrays of the table and the index are read in
 * place. `verify`: check the magic, the lengths and the checksum (throws a readable message).
 */
export function snapshotParts(data: Uint8Array, verify: boolean): SnapshotParts {
  const pad = (x: number) => (x + 7) & ~7;
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(16, data.byteLength));
  if (data.byteLength < 16 || head.readUInt32LE(0) !== SNAPSHOT_MAGIC) throw new Error('not a saved corpus index');
  const n = head.readUInt32LE(8);
  const a = head.readUInt32LE(12);
  const at = 16 + pad(n) + pad(a);
  if (at > data.byteLength) throw new Error('cut short');
  if (verify && crc32 && crc32(data.subarray(16)) !== head.readUInt32LE(4)) throw new Error('checksum mismatch');
  return {
    data,
    state: data.subarray(16, 16 + n),
    align: data.subarray(16 + pad(n), 16 + pad(n) + a),
    index: data.subarray(at),
  };
}

/** Bump when the parsed form changes: older caches are then ignored (3: text copied out of a PDF is read through the import). */
export const CACHE_VERSION = 3;

export interface CachedFile {
  size: number;
  mtimeMs: number;
  result?: FileResult;
  /** Why the file was skipped. */
  error?: string;
}

export interface CachedMetadata {
  size: number;
  mtimeMs: number;
  entries: SymbolInfo[];
  bad: number;
}

export interface CachedSource {
  version: number;
  root: string;
  files: Record<string, CachedFile>;
  metadata: Record<string, CachedMetadata>;
}

/** A file re-read since the saved index was written: its source, size, time and parse (or why it was skipped). */
export interface DeltaEntry {
  root: string;
  size: number;
  mtimeMs: number;
  result?: FileResult;
  error?: string;
}

/**
 * What changed since the saved index of a set of sources was written, kept beside it so that a
 * change costs a small write instead of saving the whole index again.
 */
export interface SnapshotDelta {
  version: number;
  /** The token of the saved index this delta applies to. */
  base: string;
  files: Array<[string, DeltaEntry]>;
  removed: string[];
}

/** The file naming the sources of the last load, in a cache folder (a restart may start on them before it is asked). */
const LAST_SOURCES_FILE = 'last-sources.json';

/** The sources of the last load saved in `dir`, if any. */
export function readLastSources(dir: string): CorpusSources | undefined {
  try {
    const sources = JSON.parse(fs.readFileSync(path.join(dir, LAST_SOURCES_FILE), 'utf8')) as unknown;
    return sources && typeof sources === 'object' && !Array.isArray(sources) ? (sources as CorpusSources) : undefined;
  } catch {
    return undefined;
  }
}

/** Saves the sources of a load in `dir` (best effort). */
export function writeLastSources(dir: string, sources: CorpusSources): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, LAST_SOURCES_FILE), JSON.stringify(sources));
  } catch {
    /* a read-only cache folder: the next start simply waits for its sources */
  }
}

/** The command line's cache folder: $XDG_CACHE_HOME/resolution-drafting, else ~/.cache/resolution-drafting. */
export function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
  return path.join(base, 'resolution-drafting');
}

export class CorpusCache {
  private next = new Map<string, CachedSource>();
  private dirty = new Set<string>();
  private counts = new Map<string, number>();
  /** Problems met while reading or writing (reported, never thrown). */
  readonly problems: string[] = [];

  constructor(readonly dir: string) {}

  fileFor(root: string): string {
    const h = crypto.createHash('sha256').update(root).digest('hex').slice(0, 24);
    return path.join(this.dir, `corpus-${h}.json`);
  }

  /** The cached parse of a source, if there is a valid one. */
  read(root: string): CachedSource | undefined {
    const file = this.fileFor(root);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const c = JSON.parse(text) as CachedSource;
      if (c.version !== CACHE_VERSION || c.root !== root || typeof c.files !== 'object' || typeof c.metadata !== 'object') return undefined;
      return c;
    } catch {
      this.problems.push(`ignored a damaged cache file ${file}`);
      return undefined;
    }
  }

  /**
   * The cache being built for a source during this load (written by flush()); with `keep`, the
   * entries already cached stay (a load that re-reads only some files).
   */
  pending(root: string, keep = false): CachedSource {
    let c = this.next.get(root);
    if (!c) {
      const prev = this.read(root);
      c = prev ?? { version: CACHE_VERSION, root, files: {}, metadata: {} };
      if (prev && keep) this.counts.set(root, Object.keys(prev.files).length + Object.keys(prev.metadata).length);
      else if (prev) {
        // Start from scratch for the entries; the load fills in what it sees.
        this.counts.set(root, Object.keys(prev.files).length + Object.keys(prev.metadata).length);
        c.files = {};
        c.metadata = {};
      } else this.dirty.add(root);
      this.next.set(root, c);
    }
    return c;
  }

  /** Notes that a source's cache must be written (a file was re-read or removed). */
  touch(root: string): void {
    this.dirty.add(root);
  }

  /** Writes the cache of every source that changed. */
  flush(): void {
    for (const [root, c] of this.next) {
      // entries that vanished since the cache was written
      const n = Object.keys(c.files).length + Object.keys(c.metadata).length;
      if (this.counts.has(root) && this.counts.get(root) !== n) this.dirty.add(root);
    }
    if (this.dirty.size === 0) return;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
    } catch (e) {
      this.problems.push(`cannot create the cache folder ${this.dir}: ${(e as Error).message}`);
      return;
    }
    for (const [root, c] of this.next) {
      if (!this.dirty.has(root)) continue;
      this.counts.set(root, Object.keys(c.files).length + Object.keys(c.metadata).length);
      const file = this.fileFor(root);
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, JSON.stringify(c));
        fs.renameSync(tmp, file);
        this.dirty.delete(root);
      } catch (e) {
        this.problems.push(`cannot write the cache ${file}: ${(e as Error).message}`);
        try {
          fs.rmSync(tmp, { force: true });
        } catch {
          /* ignore */
        }
      }
    }
  }

  snapshotFile(key: string): string {
    return path.join(this.dir, `index-${key}.bin`);
  }

  /**
   * The saved corpus for a set of sources (its state, alignment table and serialized index), if
   * there is a readable one, read into a buffer of its own (which a worker thread can hand to
   * another thread without a copy). A file that is cut short or whose checksum fails is named and
   * ignored. See `snapshotParts` for the layout. Read in the background (through the thread pool),
   * so that the caller lists the sources meanwhile.
   */
  async readSnapshotAsync(key: string): Promise<SnapshotParts | undefined> {
    let data: Uint8Array;
    try {
      const fh = await fs.promises.open(this.snapshotFile(key), 'r');
      try {
        const size = (await fh.stat()).size;
        data = new Uint8Array(size);
        let got = 0;
        while (got < size) {
          const { bytesRead } = await fh.read(data, got, size - got, got);
          if (bytesRead <= 0) break;
          got += bytesRead;
        }
        if (got < size) data = data.subarray(0, got);
      } finally {
        await fh.close();
      }
    } catch {
      return undefined;
    }
    return this.checkSnapshot(key, data);
  }

  private checkSnapshot(key: string, data: Uint8Array): SnapshotParts | undefined {
    if (data.byteLength >= 4 && Buffer.from(data.buffer, data.byteOffset, 4).readUInt32LE(0) === OLD_SNAPSHOT_MAGIC) return undefined;
    try {
      return snapshotParts(data, true);
    } catch (e) {
      this.problems.push(`ignored a damaged corpus index ${this.snapshotFile(key)} (${(e as Error).message}); it is rebuilt`);
      return undefined;
    }
  }

  /** Saves the corpus for a set of sources (through a temporary file and a rename); false when it cannot. */
  writeSnapshot(key: string, parts: Omit<SnapshotParts, 'data'>): boolean {
    const file = this.snapshotFile(key);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      const pad = (x: number) => (x + 7) & ~7;
      const head = Buffer.alloc(16);
      const gap = (n: number) => Buffer.alloc(pad(n) - n, 0x20);
      const state = Buffer.from(parts.state.buffer, parts.state.byteOffset, parts.state.byteLength);
      const body: Uint8Array[] = [state, gap(state.length), parts.align, gap(parts.align.byteLength).fill(0), parts.index];
      let crc = 0;
      if (crc32) for (const b of body) crc = crc32(b, crc);
      head.writeUInt32LE(SNAPSHOT_MAGIC, 0);
      head.writeUInt32LE(crc, 4);
      head.writeUInt32LE(state.length, 8);
      head.writeUInt32LE(parts.align.byteLength, 12);
      const fd = fs.openSync(tmp, 'w');
      try {
        for (const b of [head, ...body]) fs.writeSync(fd, b);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, file);
      return true;
    } catch (e) {
      this.problems.push(`cannot write the corpus index ${file}: ${(e as Error).message}`);
      fs.rmSync(tmp, { force: true });
      return false;
    }
  }

  private deltaFile(key: string): string {
    return path.join(this.dir, `index-${key}.delta.json`);
  }

  /**
   * The files changed since the saved index was written (their parse, or why they were skipped)
   * and the files removed since; `base` names the saved index they apply to. Undefined when there
   * is none or it is unreadable (then the changed files are simply read again).
   */
  readDelta(key: string): SnapshotDelta | undefined {
    const file = this.deltaFile(key);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const d = JSON.parse(text) as SnapshotDelta;
      if (d.version !== CACHE_VERSION || typeof d.base !== 'string' || !Array.isArray(d.files) || !Array.isArray(d.removed)) {
        throw new Error('unexpected content');
      }
      return d;
    } catch {
      this.problems.push(`ignored a damaged corpus index delta ${file}`);
      return undefined;
    }
  }

  writeDelta(key: string, delta: SnapshotDelta): void {
    const file = this.deltaFile(key);
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(tmp, JSON.stringify(delta));
      fs.renameSync(tmp, file);
    } catch (e) {
      this.problems.push(`cannot write the corpus index delta ${file}: ${(e as Error).message}`);
      fs.rmSync(tmp, { force: true });
    }
  }

  removeDelta(key: string): void {
    try {
      fs.rmSync(this.deltaFile(key), { force: true });
    } catch {
      /* ignore */
    }
  }

  /** Deletes the cache of a source (after it is removed from the corpus). */
  forget(root: string): void {
    this.next.delete(root);
    this.dirty.delete(root);
    try {
      fs.rmSync(this.fileFor(root), { force: true });
    } catch {
      /* ignore */
    }
  }
}
