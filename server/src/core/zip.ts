/**
 * Reading zip archives (.docx files, the UN's corpus archives) safely: entries are listed from the
 * central directory, and each is inflated with a cap on its size, so a damaged archive, an
 * encrypted one or a zip bomb is refused with a clear message instead of a crash or a hang.
 * Inflation is fflate's; the container format is read here. Plain TypeScript, no LSP import.
 */
import { Inflate } from 'fflate';

export class ZipError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** The entry's path inside the archive, with forward slashes. */
  name: string;
  /** Uncompressed size as the archive declares it. */
  size: number;
  compressedSize: number;
  /** 0 stored, 8 deflated. */
  method: number;
  encrypted: boolean;
  directory: boolean;
  crc32: number;
  /** Offset of the local file header. */
  localOffset: number;
}

export interface ZipLimits {
  /** Largest uncompressed entry (bytes). Default 64 MiB. */
  maxEntrySize?: number;
  /** Largest total uncompressed size of the entries read in one call (bytes). Default 512 MiB. */
  maxTotalSize?: number;
  /** Largest ratio of uncompressed to compressed size of an entry. Default 200. */
  maxRatio?: number;
}

const DEFAULTS: Required<ZipLimits> = { maxEntrySize: 64 << 20, maxTotalSize: 512 << 20, maxRatio: 200 };

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** True when the bytes start like a zip archive (a local header or an empty archive). */
export function looksLikeZip(data: Uint8Array): boolean {
  return data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && (data[2] === 3 || data[2] === 5) && (data[3] === 4 || data[3] === 6);
}

function view(data: Uint8Array): DataView {
  return new DataView(data.buffer, data.byteOffset, data.byteLength);
}

function u64(dv: DataView, at: number): number {
  const lo = dv.getUint32(at, true);
  const hi = dv.getUint32(at + 4, true);
  return hi * 0x100000000 + lo;
}

/** Lists the archive's entries from its central directory. Throws ZipError for anything that is not a readable zip. */
export function listZip(data: Uint8Array): ZipEntry[] {
  if (data.length < 22) throw new ZipError('not a zip archive (the file is too short)');
  const dv = view(data);
  let eocd = -1;
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) {
    if (dv.getUint32(i, true) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) {
    throw new ZipError(
      looksLikeZip(data) ? 'damaged zip archive: its directory is missing (the file may be truncated)' : 'not a zip archive',
    );
  }
  let count = dv.getUint16(eocd + 10, true);
  let cdSize = dv.getUint32(eocd + 12, true);
  let cdOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || dv.getUint32(loc, true) !== SIG_EOCD64_LOCATOR) throw new ZipError('damaged zip archive: bad ZIP64 directory');
    const rec = u64(dv, loc + 8);
    if (rec + 56 > data.length || dv.getUint32(rec, true) !== SIG_EOCD64) throw new ZipError('damaged zip archive: bad ZIP64 directory');
    count = u64(dv, rec + 32);
    cdSize = u64(dv, rec + 40);
    cdOffset = u64(dv, rec + 48);
  }
  if (cdOffset + cdSize > data.length)
    throw new ZipError('damaged zip archive: its directory points past the end of the file (truncated?)');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || dv.getUint32(p, true) !== SIG_CENTRAL)
      throw new ZipError(`damaged zip archive: directory entry ${n + 1} of ${count} is unreadable`);
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const crc32 = dv.getUint32(p + 16, true);
    let compressedSize = dv.getUint32(p + 20, true);
    let size = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    let localOffset = dv.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > data.length)
      throw new ZipError('damaged zip archive: a directory entry runs past the end of the file');
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLen)).replace(/\\/g, '/');
    // ZIP64 extra field: the 64-bit values replace the 32-bit ones that are all ones, in order.
    let e = p + 46 + nameLen;
    const eEnd = e + extraLen;
    while (e + 4 <= eEnd) {
      const id = dv.getUint16(e, true);
      const len = dv.getUint16(e + 2, true);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff && q + 8 <= e + 4 + len) {
          size = u64(dv, q);
          q += 8;
        }
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + len) {
          compressedSize = u64(dv, q);
          q += 8;
        }
        if (localOffset === 0xffffffff && q + 8 <= e + 4 + len) localOffset = u64(dv, q);
      }
      e += 4 + len;
    }
    entries.push({
      name,
      size,
      compressedSize,
      method,
      encrypted: (flags & 1) !== 0,
      directory: name.endsWith('/'),
      crc32,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

let crcTable: Uint32Array | undefined;
function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[i] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** The compressed bytes of an entry, located through its local header. */
function rawData(data: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(data);
  const at = entry.localOffset;
  if (at + 30 > data.length || dv.getUint32(at, true) !== SIG_LOCAL)
    throw new ZipError(`damaged zip archive: the data of ${entry.name} is missing`);
  const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > data.length) throw new ZipError(`damaged zip archive: ${entry.name} is cut short (truncated file)`);
  return data.subarray(start, end);
}

/** Reads one entry, inflating it under the size limits. */
export function readEntry(data: Uint8Array, entry: ZipEntry, limits: ZipLimits = {}): Uint8Array {
  const lim = { ...DEFAULTS, ...limits };
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted (password-protected archives cannot be read)`);
  if (entry.size > lim.maxEntrySize)
    throw new ZipError(`${entry.name} is too large to read (${entry.size} bytes; the limit is ${lim.maxEntrySize})`);
  if (entry.compressedSize > 0 && entry.size / entry.compressedSize > lim.maxRatio && entry.size > 1 << 20) {
    throw new ZipError(`${entry.name} expands ${Math.round(entry.size / entry.compressedSize)} times (a zip bomb?); refused`);
  }
  const raw = rawData(data, entry);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = raw;
  } else if (entry.method === 8) {
    // Inflate in chunks and stop as soon as the output passes what the entry declared (or the cap):
    // the declared size cannot be trusted in a hostile archive.
    const cap = Math.min(lim.maxEntrySize, entry.size);
    const chunks: Uint8Array[] = [];
    let total = 0;
    let failed: Error | undefined;
    const inf = new Inflate((chunk) => {
      total += chunk.length;
      if (total > cap)
        failed = new ZipError(`${entry.name} inflates past its declared size (${entry.size} bytes): damaged archive or zip bomb; refused`);
      else chunks.push(chunk);
    });
    const STEP = 1 << 16;
    try {
      for (let i = 0; i < raw.length && !failed; i += STEP)
        inf.push(raw.subarray(i, Math.min(raw.length, i + STEP)), i + STEP >= raw.length);
      if (raw.length === 0) inf.push(new Uint8Array(0), true);
    } catch (err) {
      throw new ZipError(`damaged zip archive: ${entry.name} cannot be inflated (${(err as Error).message})`);
    }
    if (failed) throw failed;
    out = new Uint8Array(total);
    let o = 0;
    for (const c of chunks) {
      out.set(c, o);
      o += c.length;
    }
  } else {
    throw new ZipError(`${entry.name} uses compression method ${entry.method}, which is not supported`);
  }
  if (out.length !== entry.size) throw new ZipError(`damaged zip archive: ${entry.name} has ${out.length} bytes, ${entry.size} declared`);
  if (crc32(out) !== entry.crc32) throw new ZipError(`damaged zip archive: ${entry.name} fails its checksum`);
  return out;
}

/** An opened archive: its entries by name, read on demand under shared limits. */
export class ZipArchive {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readTotal = 0;
  private readonly limits: Required<ZipLimits>;

  constructor(
    private readonly data: Uint8Array,
    limits: ZipLimits = {},
  ) {
    this.limits = { ...DEFAULTS, ...limits };
    this.entries = listZip(data);
    for (const e of this.entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name);
  }

  /** The entry's bytes; undefined when there is no such entry. Throws ZipError past the limits. */
  read(name: string): Uint8Array | undefined {
    const e = this.byName.get(name);
    if (!e) return undefined;
    if (this.readTotal + e.size > this.limits.maxTotalSize) {
      throw new ZipError(`the archive expands past ${this.limits.maxTotalSize} bytes in all; refused`);
    }
    const out = readEntry(this.data, e, this.limits);
    this.readTotal += out.length;
    return out;
  }

  /** The entry as UTF-8 text (a BOM dropped); undefined when there is no such entry. */
  text(name: string): string | undefined {
    const b = this.read(name);
    if (!b) return undefined;
    const s = new TextDecoder('utf-8').decode(b);
    return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  }
}
