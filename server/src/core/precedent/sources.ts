/**
 * Corpus sources as the UN publishes them: a folder (walked, its `metadata/*.jsonl` read), a single
 * AKN4UN or text file, or a zip archive (a session's `…_English.zip`) read in place, without
 * unpacking, through core/zip (size caps against damaged archives and zip bombs). Each source yields
 * items — files on disk or entries of an archive — with the size and modification time that key the
 * persistent cache, and the metadata files found inside it or beside it. Plain TypeScript, no LSP.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ZipArchive, ZipError } from '../zip';
import { looksLikePrintedText } from '../import/furniture';

export type SourceKind = 'folder' | 'file' | 'archive' | 'missing';

const TEXT_EXT = /\.(res\.md|resolution\.md|resolution|md|txt)$/i;
const XML_EXT = /\.xml$/i;
const ZIP_EXT = /\.zip$/i;
/** Official PDFs and Word files: read through the import (see registerOfficeReader). */
const OFFICE_EXT = /\.(pdf|docx)$/i;
/** The project's own redlines, by the name the commands suggest: never an adopted text. */
const OWN_OUTPUT = /\.redline\.docx$/i;
/** Largest corpus file read (bytes). */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;
/** Largest archive read (bytes): the UN's session archives are a few tens of MB. */
export const MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024;
/** Separator between an archive's path and an entry's path in an item id: `…/75_English.zip!/75/75_1_E.xml`. */
export const ARCHIVE_SEP = '!/';

/** Whether a file name is one the corpus reads as a resolution. */
export function isCorpusFile(file: string): boolean {
  const base = path.basename(file);
  if (/^readme(\.|$)/i.test(base) || /^(changelog|license|contributing)(\.|$)/i.test(base)) return false;
  return TEXT_EXT.test(base) || XML_EXT.test(base) || (OFFICE_EXT.test(base) && !OWN_OUTPUT.test(base));
}

/** Whether a corpus file is a PDF or Word file, read through the import. */
export function isOfficeFile(file: string): boolean {
  return OFFICE_EXT.test(file);
}

/**
 * Turns a PDF or Word file into the text format (the draft `resolution import` gives). Registered by
 * core/import/corpusFiles.ts, which the command line and the server load: the import depends on the
 * precedent code, so this module cannot import it.
 */
export type OfficeReader = (data: Uint8Array, file: string) => Promise<string>;
let officeReader: OfficeReader | undefined;
export function registerOfficeReader(reader: OfficeReader): void {
  officeReader = reader;
}

export function isArchive(file: string): boolean {
  return ZIP_EXT.test(file);
}

export function isXml(file: string): boolean {
  return XML_EXT.test(file);
}

/** One corpus file: on disk, or an entry of an archive. */
export interface CorpusItem {
  /** Absolute path, or `archive!/entry` for an archive entry. */
  id: string;
  /** The configured source it belongs to. */
  root: string;
  /** The archive holding it, for an archive entry. */
  archive?: string;
  size: number;
  mtimeMs: number;
}

/** A metadata file (`metadata/*.jsonl`) with the same identity fields. */
export type MetadataItem = CorpusItem;

export interface SourceListing {
  root: string;
  kind: SourceKind;
  items: CorpusItem[];
  metadata: MetadataItem[];
  /** Paths that could not be listed or opened, with the reason. */
  skipped: Array<{ path: string; reason: string }>;
  /** Files and entries that are not corpus files (counted, not read). */
  ignored: number;
}

/** Opened archives, kept while one load reads their entries. */
export class ArchiveCache {
  private open = new Map<string, ZipArchive>();

  get(file: string): ZipArchive {
    let z = this.open.get(file);
    if (!z) {
      const st = fs.statSync(file);
      if (st.size > MAX_ARCHIVE_BYTES) throw new ZipError(`archive too large (${st.size} bytes)`);
      z = new ZipArchive(fs.readFileSync(file), { maxEntrySize: MAX_FILE_BYTES, maxTotalSize: 8 * MAX_ARCHIVE_BYTES, maxRatio: 400 });
      this.open.set(file, z);
    }
    return z;
  }

  clear(): void {
    this.open.clear();
  }
}

/** The entry name of an archive item id. */
export function splitItemId(id: string): { archive?: string; entry?: string; file: string } {
  const at = id.indexOf(ARCHIVE_SEP);
  if (at < 0) return { file: id };
  return { archive: id.slice(0, at), entry: id.slice(at + ARCHIVE_SEP.length), file: id.slice(0, at) };
}

/** Reads one item's text (UTF-8, BOM dropped). Throws with a readable message. */
export async function readItem(item: CorpusItem, archives: ArchiveCache): Promise<string> {
  const { archive, entry } = splitItemId(item.id);
  if (archive && entry) {
    const text = archives.get(archive).text(entry);
    if (text === undefined) throw new Error(`no entry ${entry} in the archive`);
    return text;
  }
  if (item.size > MAX_FILE_BYTES) throw new Error(`file too large (${item.size} bytes)`);
  if (isOfficeFile(item.id)) {
    if (!officeReader) throw new Error('PDF and Word files are not read here');
    return officeReader(new Uint8Array(await fs.promises.readFile(item.id)), item.id);
  }
  const data = await fs.promises.readFile(item.id);
  const text = data.toString('utf8');
  // text copied out of a PDF: cleaned up by the import like the PDF itself
  if (officeReader && TEXT_EXT.test(item.id) && looksLikePrintedText(text)) return officeReader(new Uint8Array(data), item.id);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function metadataInDir(dir: string, root: string): MetadataItem[] {
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort();
  } catch {
    return [];
  }
  const out: MetadataItem[] = [];
  for (const n of names) {
    const full = path.join(dir, n);
    try {
      const st = fs.statSync(full);
      out.push({ id: full, root, size: st.size, mtimeMs: st.mtimeMs });
    } catch {
      /* vanished */
    }
  }
  return out;
}

function listArchive(file: string, root: string, st: fs.Stats, archives: ArchiveCache, out: SourceListing): void {
  let z: ZipArchive;
  try {
    z = archives.get(file);
  } catch (e) {
    out.skipped.push({ path: file, reason: e instanceof ZipError ? e.message : `cannot read: ${(e as Error).message}` });
    return;
  }
  const names = z.entries.filter((e) => !e.directory).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of names) {
    const parts = e.name.split('/');
    if (parts.some((p) => p.startsWith('.') || p === '__MACOSX')) continue;
    const item = { id: file + ARCHIVE_SEP + e.name, root, archive: file, size: e.size, mtimeMs: st.mtimeMs };
    if (e.name.endsWith('.jsonl') && parts.includes('metadata')) out.metadata.push(item);
    else if (isCorpusFile(e.name) && !isOfficeFile(e.name)) out.items.push(item);
    else out.ignored++;
  }
}

async function walk(dir: string, root: string, archives: ArchiveCache, out: SourceListing, depth: number): Promise<void> {
  if (depth > 16) return;
  let entries: fs.Dirent[];
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.skipped.push({ path: dir, reason: `cannot list folder: ${(e as Error).message}` });
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'out') continue;
      if (e.name === 'metadata') {
        out.metadata.push(...metadataInDir(full, root));
        continue;
      }
      await walk(full, root, archives, out, depth + 1);
    } else if (isCorpusFile(e.name) || isArchive(e.name)) {
      // One synchronous stat per file: a few microseconds each, where an awaited one costs a
      // round trip through the thread pool (thousands of files are listed at every start).
      let st: fs.Stats;
      try {
        st = fs.statSync(full);
      } catch {
        // a dangling link: listed, so that reading it names the failure
        out.items.push({ id: full, root, size: -1, mtimeMs: -1 });
        continue;
      }
      if (isArchive(e.name)) listArchive(full, root, st, archives, out);
      else out.items.push({ id: full, root, size: st.size, mtimeMs: st.mtimeMs });
    } else out.ignored++;
  }
}

/** Lists one configured source: its corpus items and metadata files, and what it had to skip. */
export async function listSource(root: string, archives: ArchiveCache): Promise<SourceListing> {
  const out: SourceListing = { root, kind: 'missing', items: [], metadata: [], skipped: [], ignored: 0 };
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(root);
  } catch (e) {
    out.skipped.push({
      path: root,
      reason: `not found: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}`,
    });
    return out;
  }
  if (st.isDirectory()) {
    out.kind = 'folder';
    await walk(root, root, archives, out, 0);
    // metadata/ beside the folder (the shared corpus keeps it one level up from the session folders)
    out.metadata.push(...metadataInDir(path.join(path.dirname(root), 'metadata'), root));
  } else if (st.isFile()) {
    if (isArchive(root)) {
      out.kind = 'archive';
      listArchive(root, root, st, archives, out);
    } else if (root.endsWith('.jsonl')) {
      out.kind = 'file';
      out.metadata.push({ id: root, root, size: st.size, mtimeMs: st.mtimeMs });
      return out;
    } else {
      out.kind = 'file';
      if (isCorpusFile(root) || st.size > 0) out.items.push({ id: root, root, size: st.size, mtimeMs: st.mtimeMs });
    }
    out.metadata.push(...metadataInDir(path.join(path.dirname(root), 'metadata'), root));
  } else {
    out.skipped.push({ path: root, reason: 'neither a file nor a folder' });
  }
  // a metadata file may be found twice (inside and beside): keep one
  const seen = new Set<string>();
  out.metadata = out.metadata.filter((m) => (seen.has(m.id) ? false : (seen.add(m.id), true)));
  return out;
}
