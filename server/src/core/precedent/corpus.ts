/**
 * The precedent corpus: sources as the UN publishes them (folders, single AKN4UN or text files, zip
 * archives read in place; see sources.ts) and the built-in seeds, read into a PrecedentIndex with
 * their provenance and language, plus what the corpus knows about resolution symbols (title,
 * adoption date) from AKN metadata, metadata/*.jsonl, front matter and citations, and which
 * paragraphs are the same paragraph of one resolution in several languages (parallel texts).
 *
 * Loading yields to the event loop regularly, reports progress and can be cancelled; a file that
 * cannot be read or parsed is skipped with a message naming it. Parsed files can be kept in a cache
 * folder (cache.ts) keyed by each file's path, size and modification time, so a restart re-reads
 * only what changed. Reloading one file re-indexes that file alone.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusFacts } from '../findings';
import { LANGUAGES, type Lang } from '../languages';
import { compare, Comparison } from './diff';
import type { FileResult } from './corpusFile';
import { symbolKey } from './symbolKey';
import { formatIsoDate } from './dates';
import { PrecedentIndex } from './index';
import { KINDS, type Match, type ParagraphKind, type ParagraphRecord, type SearchOptions, type SourceDocument } from './types';
import {
  ArchiveCache,
  CorpusItem,
  isArchive,
  isCorpusFile,
  listSource,
  MetadataItem,
  readItem,
  SourceKind,
  SourceListing,
  splitItemId,
} from './sources';
import { CACHE_VERSION, CorpusCache, CachedSource, DeltaEntry, SnapshotDelta, type SnapshotParts } from './cache';
import { Alignment } from './alignment';
import { countOpenings, type OpeningStats } from './openings';

export { isCorpusFile, symbolKey };
export type { FileResult, ParsedDoc, ParsedParagraph } from './corpusFile';

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadReport {
  files: number;
  paragraphs: number;
  skipped: SkippedFile[];
  /** Files whose parsed paragraphs came from the cache (not re-read). */
  cached?: number;
  /** What happened to the cache (a damaged cache file ignored and rebuilt, a cache that cannot be written). */
  notes?: string[];
}

export interface LoadProgress {
  done: number;
  total: number;
  path?: string;
}

export interface CorpusSources {
  /** Include the built-in seeds (default true). */
  builtin?: boolean;
  /** Folders, files or zip archives the user names. */
  paths?: string[];
  /** Further single files (the workspace's own resolution files). */
  files?: string[];
}

export interface SymbolInfo {
  symbol: string;
  key: string;
  title?: string;
  date?: string;
  /** The corpus file the resolution was read from (absent for an entry of an archive). */
  path?: string;
}

export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  /** Checked between files; loading stops early when it returns true. */
  isCancelled?: () => boolean;
  /** A folder for the persistent cache (parsed files and the built index); none: no cache. */
  cacheDir?: string;
  /**
   * Load only when the saved index is there and no file changed since (a quick start that never
   * parses or indexes); otherwise return undefined from loadIfFresh().
   */
  onlyIfFresh?: boolean;
  /** Keep the saved corpus's bytes after the load, for handover() (a worker thread). */
  keepSaved?: boolean;
  /**
   * The corpus is loaded only to be handed over (implies keepSaved): when no file changed since the
   * saved corpus, it is checked but not built (the receiver builds it).
   */
  handoverOnly?: boolean;
  /** Called when no saved corpus can be used and every file is read again (a first start). */
  onRebuild?: () => void;
}

/**
 * A loaded corpus as a worker thread hands it to another thread: the saved corpus's bytes (moved,
 * not copied: each a view of a transferable buffer), the files changed since (parsed) and what the
 * load found out about the sources. `Corpus.adopt` makes it a corpus without reading any file.
 */
export interface CorpusHandover {
  sources: CorpusSources;
  roots: RootState[];
  metadataItems: MetadataItem[];
  snapshotKey: string;
  state: Uint8Array;
  align: Uint8Array;
  index: Uint8Array;
  /** Files changed or removed since the saved corpus was written (applied on top of it). */
  delta: { files: Array<[string, DeltaEntry]>; removed: string[] };
  cached: number;
  notes: string[];
}

/** The buffers of a handover, for a worker's transfer list. */
export function handoverBuffers(h: CorpusHandover): ArrayBuffer[] {
  return [...new Set([h.state.buffer, h.align.buffer, h.index.buffer])] as ArrayBuffer[];
}

/**
 * Version of the saved corpus state beside the serialized index (4: the state as JSON lines, read a
 * line at a time; the alignment table and the opening counts saved too).
 */
const SNAPSHOT_VERSION = 4;
/** Entries per line of the saved state. */
const LINE_ENTRIES = 200;
/** A delta of more files than this (and than 5 % of the corpus) is folded into a new saved index. */
const DELTA_FILES = 64;

/** A file's entry as saved: its paragraph ids as runs (first id, count, first id, count …). */
type SavedFileEntry = Omit<FileEntry, 'ids'> & { ids: number[] };

/** The first line of the saved state. */
interface SnapshotHead {
  version: number;
  /** Names this saved index; a delta names the index it applies to. */
  token: string;
  metadataItems: MetadataItem[];
}

/** Opening counts as saved: per kind, [key, phrase, count]. */
type SavedOpenings = Record<'preambular' | 'operative', Array<[string, string, number]>>;

/** The further lines of the saved state: what they hold, and a slice of it. */
type SnapshotLine =
  | ['m', SymbolInfo[]]
  | ['d', Array<[string, Lang, SymbolInfo]>]
  | ['c', Array<[string, string, number]>]
  | ['f', Array<[string, SavedFileEntry]>]
  | ['s', Array<[string, SkipEntry]>]
  | ['o', SavedOpenings];

/** The byte ranges of the lines of a saved state. */
function lineRanges(state: Uint8Array): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const bytes = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
  for (let at = 0; at < bytes.length;) {
    let end = bytes.indexOf(10, at);
    if (end < 0) end = bytes.length;
    out.push([at, end]);
    at = end + 1;
  }
  return out;
}

function parseLine(state: Uint8Array, [from, to]: [number, number]): unknown {
  return JSON.parse(Buffer.from(state.buffer, state.byteOffset + from, to - from).toString('utf8'));
}

interface SkipEntry {
  reason: string;
  root: string;
  /** Size and time of a skipped corpus file (absent for metadata and listing problems). */
  size?: number;
  mtimeMs?: number;
  metadata?: boolean;
}

/** What one configured source holds, for the Corpus view and `resolution corpus list`. */
export interface SourceStats {
  path: string;
  kind: SourceKind;
  /** True for the built-in seeds. */
  builtin?: boolean;
  files: number;
  paragraphs: number;
  /** Paragraphs per language. */
  languages: Partial<Record<Lang, number>>;
  /** Sessions (or years) of the resolutions it holds: "75", "76". */
  sessions: string[];
  /** Resolutions (distinct symbols). */
  resolutions: number;
  metadataFiles: number;
  skipped: SkippedFile[];
  /** Files that are not corpus files (not read). */
  ignored: number;
}

/** The same paragraph of a resolution in another language. */
export interface ParallelText {
  lang: Lang;
  text: string;
  id: number;
  source: Match['source'];
}

/** The session (or year) of a symbol key: "75/1" → "75", "2013/40" → "2013". */
export function sessionOf(key: string): string | undefined {
  return /^(\d{1,4})\//.exec(key)?.[1];
}

/** The built-in seeds folder, found from the package root at run time (CLI, server, packaged extension). */
export function builtinSeedsDir(): string | undefined {
  let dir = __dirname;
  for (let i = 0; i < 8; i++) {
    const pkg = path.join(dir, 'package.json');
    const seeds = path.join(dir, 'seeds');
    if (fs.existsSync(pkg) && fs.existsSync(seeds)) return seeds;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** Reads metadata/*.jsonl text into symbol facts; counts malformed lines. */
export function parseMetadata(text: string): { entries: SymbolInfo[]; bad: number } {
  const entries: SymbolInfo[] = [];
  let bad = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line);
      if (typeof o.symbol !== 'string') continue;
      const key = symbolKey(o.symbol);
      const date = typeof o.adoption_date === 'string' ? (formatIsoDate(o.adoption_date) ?? o.adoption_date) : undefined;
      entries.push({
        symbol: o.symbol,
        key,
        ...(typeof o.title === 'string' ? { title: o.title } : {}),
        ...(date ? { date } : {}),
      });
    } catch {
      bad++;
    }
  }
  return { entries, bad };
}

interface FileEntry {
  root: string;
  size: number;
  mtimeMs: number;
  ids: number[];
  keys: string[];
  /** Citations (key, date) the file contributed. */
  cites: Array<[string, string]>;
  /** Its resolutions: symbol, language and paragraph count (for the statistics). */
  docs: DocSummary[];
}

interface DocSummary {
  symbol: string;
  named?: boolean;
  lang: Lang;
  paragraphs: number;
}

export interface RootState {
  path: string;
  kind: SourceKind;
  builtin?: boolean;
  ignored: number;
  metadata: MetadataItem[];
  /** Listing problems (the root missing, a folder unreadable, a damaged archive). */
  problems: SkippedFile[];
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A pause for work done a slice at a time: yields to the event loop once `sliceMs` ms passed since the last yield (true then). */
function slicer(sliceMs: number | undefined): () => Promise<boolean> {
  let last = Date.now();
  return async () => {
    if (sliceMs === undefined || Date.now() - last < sliceMs) return false;
    await yieldNow();
    last = Date.now();
    return true;
  };
}

/** The key of a set of sources (the saved index is per set). */
function sourcesKey(roots: string[]): string {
  return crypto.createHash('sha256').update(JSON.stringify(roots)).digest('hex').slice(0, 24);
}
const LANG_INDEX = new Map<Lang, number>(LANGUAGES.map((l, i) => [l, i]));

export class Corpus implements CorpusFacts {
  index = new PrecedentIndex();
  private files = new Map<string, FileEntry>();
  private skippedFiles = new Map<string, SkipEntry>();
  private metadataItems: MetadataItem[] = [];
  private snapshotKey?: string;
  /** From metadata/*.jsonl: authoritative. */
  private metadata = new Map<string, SymbolInfo>();
  /** From the documents themselves, per language. */
  private documents = new Map<string, Map<Lang, SymbolInfo>>();
  /** Dates cited for each key, with counts. */
  private cited = new Map<string, Map<string, number>>();
  private sources: CorpusSources = {};
  private roots: RootState[] = [];
  /** Alignment keys of the paragraphs ("75/1|o6"), for parallel texts. */
  private alignment = new Alignment();
  /** Opening counts saved with the index, while no file changed since. */
  private openingsSaved?: OpeningStats;
  /** The saved corpus's bytes (kept for handover() when asked). */
  private saved?: SnapshotParts;
  private keepSaved = false;
  /** Live paragraphs per language. */
  private langCounts = LANGUAGES.map(() => 0);
  private cache?: CorpusCache;
  /** True while load() runs. */
  loading = false;

  get paragraphs(): number {
    return this.index.size;
  }

  get fileCount(): number {
    return this.files.size;
  }

  skipped(): SkippedFile[] {
    const out: SkippedFile[] = [];
    for (const r of this.roots) out.push(...r.problems);
    for (const [p, s] of this.skippedFiles) out.push({ path: p, reason: s.reason });
    return out;
  }

  report(): LoadReport {
    return { files: this.files.size, paragraphs: this.index.size, skipped: this.skipped() };
  }

  /** The languages the corpus holds paragraphs in, most paragraphs first. */
  languages(): Lang[] {
    return LANGUAGES.map((l, i) => [l, this.langCounts[i]] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([l]) => l);
  }

  /** Per configured source: files, paragraphs, languages, sessions, skipped files and why. */
  sourceStats(): SourceStats[] {
    const byRoot = new Map<string, SourceStats>();
    const keysOf = new Map<string, Set<string>>();
    for (const r of this.roots) {
      byRoot.set(r.path, {
        path: r.path,
        kind: r.kind,
        ...(r.builtin ? { builtin: true } : {}),
        files: 0,
        paragraphs: 0,
        languages: {},
        sessions: [],
        resolutions: 0,
        metadataFiles: r.metadata.length,
        skipped: [...r.problems],
        ignored: r.ignored,
      });
      keysOf.set(r.path, new Set());
    }
    for (const f of this.files.values()) {
      const s = byRoot.get(f.root);
      if (!s) continue;
      s.files++;
      for (const d of f.docs) {
        s.paragraphs += d.paragraphs;
        s.languages[d.lang] = (s.languages[d.lang] ?? 0) + d.paragraphs;
        if (!d.named) keysOf.get(f.root)!.add(symbolKey(d.symbol));
      }
    }
    for (const [p, sk] of this.skippedFiles) byRoot.get(sk.root)?.skipped.push({ path: p, reason: sk.reason });
    for (const [root, s] of byRoot) {
      const keys = keysOf.get(root)!;
      s.resolutions = keys.size;
      const sessions = new Set<string>();
      for (const k of keys) {
        const sess = sessionOf(k);
        if (sess) sessions.add(sess);
      }
      s.sessions = [...sessions].sort((a, b) => Number(a) - Number(b));
    }
    return [...byRoot.values()];
  }

  /** Loads every file of `sources` (from the cache where a file is unchanged). */
  async load(sources: CorpusSources, options: LoadOptions = {}): Promise<LoadReport> {
    this.loading = true;
    try {
      return await this.loadAll(sources, options);
    } finally {
      this.loading = false;
    }
  }

  /**
   * Loads from the saved index when no file changed since it was saved (a quick start: nothing is
   * parsed or indexed); undefined when there is no such index or something changed.
   */
  async loadIfFresh(sources: CorpusSources, cacheDir: string): Promise<LoadReport | undefined> {
    this.stale = false;
    const r = await this.load(sources, { cacheDir, onlyIfFresh: true });
    return this.stale ? undefined : r;
  }

  private stale = false;
  /** The per-file caches read during this load, by source (read only when needed). */
  private cacheReads = new Map<string, CachedSource | undefined>();

  private cachedFor(root: string): CachedSource | undefined {
    if (!this.cache) return undefined;
    if (!this.cacheReads.has(root)) this.cacheReads.set(root, this.cache.read(root));
    return this.cacheReads.get(root);
  }
  /**
   * Whether a re-read file joins the per-file cache's entries (true, the default: a restored index
   * or a later change) or a full load rebuilds the entries from scratch (false while it reads).
   */
  private patching = true;

  private resetState(): void {
    this.index = new PrecedentIndex();
    this.files.clear();
    this.skippedFiles.clear();
    this.metadata.clear();
    this.documents.clear();
    this.cited.clear();
    this.alignment = new Alignment();
    this.openingsSaved = undefined;
    this.saved = undefined;
    this.langCounts = LANGUAGES.map(() => 0);
    this.snapshotToken = undefined;
    this.deltaFiles.clear();
    this.deltaRemoved.clear();
  }

  /**
   * Restores the saved corpus and applies the saved delta (files changed or removed since the index
   * was saved, kept beside it), then re-reads alone what changed since; undefined when it cannot.
   * What it re-reads joins the delta: a small write, not a rebuild and save of the whole index.
   */
  private async restore(
    snap: SnapshotParts | undefined,
    listings: Array<{ listing: SourceListing }>,
    archives: ArchiveCache,
    options: LoadOptions,
    delta: SnapshotDelta | undefined,
  ): Promise<LoadReport | undefined> {
    const cache = this.cache!;
    const key = this.snapshotKey!;
    if (!snap) return undefined;
    const damaged = (e: unknown) => {
      cache.problems.push(`ignored a damaged corpus index ${cache.snapshotFile(key)} (${(e as Error).message}); it is rebuilt`);
      return undefined;
    };
    let head: SnapshotHead;
    // the lines of files and skipped files (what is checked here); the others are parsed when applied
    let lines: Array<SnapshotLine | undefined>;
    try {
      const ranges = lineRanges(snap.state);
      head = parseLine(snap.state, ranges[0] ?? [0, 0]) as SnapshotHead;
      if (head?.version !== SNAPSHOT_VERSION || typeof head.token !== 'string') return undefined;
      const kind = (r: [number, number]) => snap.state[r[0] + 2];
      const F = 'f'.charCodeAt(0);
      const S = 's'.charCodeAt(0);
      lines = ranges.slice(1).map((r) => (kind(r) === F || kind(r) === S ? (parseLine(snap.state, r) as SnapshotLine) : undefined));
    } catch (e) {
      return damaged(e);
    }
    const sig = (m: { id: string; size: number; mtimeMs: number }) => `${m.id}\u0000${m.size}\u0000${m.mtimeMs}`;
    // Metadata names titles and dates of everything: when it changed, everything is re-indexed.
    if (this.metadataItems.map(sig).sort().join('\n') !== head.metadataItems.map(sig).sort().join('\n')) return undefined;
    const applied = delta && delta.base === head.token ? delta : undefined;
    // What the saved index and its delta hold, by file: size and time.
    const saved = new Map<string, { size?: number; mtimeMs?: number }>();
    for (const line of lines) {
      if (!line) continue;
      if (line[0] === 'f') for (const [id, f] of line[1]) saved.set(id, f);
      else if (line[0] === 's') for (const [id, k] of line[1]) if (!k.metadata && k.size !== undefined) saved.set(id, k);
    }
    for (const id of applied?.removed ?? []) saved.delete(id);
    for (const [id, e] of applied?.files ?? []) saved.set(id, e);
    const current = new Map<string, { item: CorpusItem }>();
    for (const { listing } of listings) for (const item of listing.items) if (!current.has(item.id)) current.set(item.id, { item });
    const changed: Array<{ item: CorpusItem }> = [];
    for (const [id, c] of current) {
      const s = saved.get(id);
      if (!s || c.item.size < 0 || s.size !== c.item.size || s.mtimeMs !== c.item.mtimeMs) changed.push(c);
    }
    const removed = [...saved.keys()].filter((id) => !current.has(id));
    if (options.onlyIfFresh && (changed.length || removed.length)) return undefined;
    const deltaSize = (applied?.files.length ?? 0) + (applied?.removed.length ?? 0) + changed.length + removed.length;
    const fold = deltaSize > Math.max(DELTA_FILES, saved.size * 0.05);
    if (options.handoverOnly && !fold) {
      // The receiver builds the corpus from the saved one and the delta: here the changed files
      // are only parsed, and the delta saved (the saved bytes, handed over, stay as they are).
      this.saved = snap;
      this.snapshotToken = head.token;
      for (const [id, e] of applied?.files ?? []) this.deltaFiles.set(id, e);
      for (const id of applied?.removed ?? []) this.deltaRemoved.add(id);
      for (const id of removed) this.noteRemoved(id);
      for (let i = 0; i < changed.length && !options.isCancelled?.(); i++) {
        const { item } = changed[i];
        const { result, error } = await parseItem(item, archives);
        // (a dangling link is named to the receiver too; read again at every start)
        if (item.size < 0) this.deltaFiles.set(item.id, { root: item.root, size: item.size, mtimeMs: item.mtimeMs, error: error ?? '' });
        else this.noteChanged(item, result, error);
        options.onProgress?.({ done: i + 1, total: changed.length, path: item.id });
      }
      if ((changed.length || removed.length) && !options.isCancelled?.() && this.snapshotKey) {
        this.cache!.writeDelta(this.snapshotKey, {
          version: CACHE_VERSION,
          base: head.token,
          files: [...this.deltaFiles],
          removed: [...this.deltaRemoved],
        });
      }
      options.onProgress?.({ done: current.size, total: current.size });
      return { files: current.size, paragraphs: 0, skipped: [], cached: current.size - changed.length, ...this.notes() };
    }
    // (handed over after a fold: the new saved bytes, not these, which the corpus built here changes)
    try {
      await this.applySaved(snap, head, lines);
    } catch (e) {
      this.resetState();
      return damaged(e);
    }
    if (this.keepSaved) this.saved = snap;
    // The saved delta: its files' parse is taken as it is (nothing is parsed again).
    await this.applyDelta(applied?.files ?? [], applied?.removed ?? []);
    // What changed since: dropped, or re-read alone.
    this.patching = true;
    for (const id of removed) {
      this.dropFile(id);
      this.skippedFiles.delete(id);
      this.noteRemoved(id);
    }
    let last = Date.now();
    for (let i = 0; i < changed.length; i++) {
      if (options.isCancelled?.()) break;
      const { item } = changed[i];
      // (read again, not looked up in the per-file cache: that is a large file, and it was
      // written with the saved index, so it cannot know a file changed since)
      this.dropFile(item.id);
      this.skippedFiles.delete(item.id);
      await this.readItem(item, archives);
      if (Date.now() - last > 15) {
        options.onProgress?.({ done: i + 1, total: changed.length, path: item.id });
        await yieldNow();
        last = Date.now();
      }
    }
    if (options.handoverOnly && !options.isCancelled?.()) {
      this.index.commit();
      this.writeSnapshot();
    } else if ((changed.length || removed.length) && !options.isCancelled?.()) this.saveChanges();
    this.cacheReads.clear();
    options.onProgress?.({ done: current.size, total: current.size });
    return { ...this.report(), cached: current.size - changed.length, ...this.notes() };
  }

  /**
   * Makes this corpus the saved one: its index and alignment table read in place, its state a line
   * at a time. `lines`: the state's lines already parsed; otherwise each is parsed when applied,
   * and with `sliceMs` the work yields to the event loop every `sliceMs` ms (false: cancelled).
   * Throws on content it does not expect.
   */
  private async applySaved(
    parts: SnapshotParts,
    head: SnapshotHead,
    lines?: Array<SnapshotLine | undefined>,
    sliceMs?: number,
    isCancelled?: () => boolean,
  ): Promise<boolean> {
    const index = PrecedentIndex.deserialize(parts.index);
    const alignment = Alignment.deserialize(parts.align);
    this.resetState();
    this.index = index;
    this.alignment = alignment;
    this.snapshotToken = head.token;
    const ranges = lineRanges(parts.state).slice(1);
    const pause = slicer(sliceMs);
    for (let i = 0; i < ranges.length; i++) {
      this.applyLine(lines?.[i] ?? (parseLine(parts.state, ranges[i]) as SnapshotLine));
      if (await pause()) if (isCancelled?.()) return false;
    }
    return true;
  }

  /** One line of the saved state into the corpus's maps. */
  private applyLine(line: SnapshotLine): void {
    if (!Array.isArray(line) || !(line[0] === 'o' || Array.isArray(line[1]))) throw new Error('unexpected content');
    switch (line[0]) {
      case 'm':
        for (const info of line[1]) this.metadata.set(info.key, info);
        break;
      case 'd':
        for (const [k, lang, info] of line[1]) {
          let byLang = this.documents.get(k);
          if (!byLang) this.documents.set(k, (byLang = new Map()));
          byLang.set(lang, info);
        }
        break;
      case 'c':
        for (const [k, date, n] of line[1]) this.noteCited(k, date, n);
        break;
      case 'f':
        for (const [id, f] of line[1]) {
          this.files.set(id, { ...f, ids: expandIds(f.ids) });
          for (const d of f.docs) this.langCounts[LANG_INDEX.get(d.lang) ?? 0] += d.paragraphs;
        }
        break;
      case 's':
        for (const [id, k] of line[1]) this.skippedFiles.set(id, k);
        break;
      case 'o': {
        const o = line[1];
        const map = (xs: Array<[string, string, number]>) => new Map(xs.map(([k, phrase, count]) => [k, { phrase, count }]));
        this.openingsSaved = { preambular: map(o.preambular), operative: map(o.operative) };
        break;
      }
      default:
        throw new Error('unexpected content');
    }
  }

  /** Files changed or removed since the saved corpus was written, applied as parsed then (nothing is read). */
  private async applyDelta(files: Array<[string, DeltaEntry]>, removed: string[], sliceMs?: number): Promise<void> {
    const pause = slicer(sliceMs);
    for (const id of removed) {
      this.dropFile(id);
      this.skippedFiles.delete(id);
      this.deltaRemoved.add(id);
    }
    for (const [id, e] of files) {
      this.dropFile(id);
      this.skippedFiles.delete(id);
      this.deltaFiles.set(id, e);
      if (e.error !== undefined) this.skippedFiles.set(id, { reason: e.error, root: e.root, size: e.size, mtimeMs: e.mtimeMs });
      else if (e.result) this.ingest({ id, root: e.root, size: e.size, mtimeMs: e.mtimeMs, ...archiveOf(id) }, e.result);
      await pause();
    }
  }

  /**
   * The loaded corpus for another thread (see CorpusHandover): only after a load with `keepSaved`
   * and a cache folder. The buffers are then the receiver's: this corpus must not be used after
   * they are transferred.
   */
  handover(report: LoadReport): CorpusHandover | undefined {
    if (!this.saved || !this.snapshotKey) return undefined;
    return {
      sources: this.sources,
      roots: this.roots,
      metadataItems: this.metadataItems,
      snapshotKey: this.snapshotKey,
      state: this.saved.state,
      align: this.saved.align,
      index: this.saved.index,
      delta: { files: [...this.deltaFiles], removed: [...this.deltaRemoved] },
      cached: report.cached ?? 0,
      notes: report.notes ?? [],
    };
  }

  /**
   * Takes over a corpus loaded by another thread (see handover()): its index and alignment table
   * read in place, its state and the changed files applied a slice at a time, yielding to the
   * event loop every `sliceMs` ms (a language server answers requests meanwhile). Nothing is read
   * from disk; later changes are saved to `cacheDir`. Undefined when cancelled.
   */
  async adopt(
    h: CorpusHandover,
    options: { cacheDir?: string; isCancelled?: () => boolean; sliceMs?: number } = {},
  ): Promise<LoadReport | undefined> {
    this.loading = true;
    try {
      const head = parseLine(h.state, lineRanges(h.state)[0] ?? [0, 0]) as SnapshotHead;
      const parts: SnapshotParts = { data: h.state, state: h.state, align: h.align, index: h.index };
      const sliceMs = options.sliceMs ?? 4;
      if (!(await this.applySaved(parts, head, undefined, sliceMs, options.isCancelled))) return undefined;
      this.sources = h.sources;
      this.roots = h.roots;
      this.metadataItems = h.metadataItems;
      this.snapshotKey = h.snapshotKey;
      this.cache = options.cacheDir ? new CorpusCache(options.cacheDir) : undefined;
      await this.applyDelta(h.delta.files, h.delta.removed, sliceMs);
      if (options.isCancelled?.()) return undefined;
      this.patching = true;
      return { ...this.report(), cached: h.cached, ...(h.notes.length ? { notes: h.notes } : {}) };
    } finally {
      this.loading = false;
    }
  }

  /** Opening counts of the corpus, when they were saved with its index and nothing changed since. */
  get savedOpenings(): OpeningStats | undefined {
    return this.openingsSaved;
  }

  /** The cache's problems, for the load report. */
  private notes(): { notes?: string[] } {
    return this.cache?.problems.length ? { notes: [...this.cache.problems] } : {};
  }

  /** Files re-read (or removed) since the saved index was written: saved beside it as its delta. */
  private deltaFiles = new Map<string, DeltaEntry>();
  private deltaRemoved = new Set<string>();
  /** The token of the saved index this corpus was restored from or saved as. */
  private snapshotToken?: string;

  private noteChanged(item: CorpusItem, result: FileResult | undefined, error: string | undefined): void {
    if (!this.snapshotToken || item.size < 0) return;
    this.deltaRemoved.delete(item.id);
    this.deltaFiles.set(item.id, {
      root: item.root,
      size: item.size,
      mtimeMs: item.mtimeMs,
      ...(error !== undefined ? { error } : { result }),
    });
  }

  private noteRemoved(id: string): void {
    if (!this.snapshotToken) return;
    this.deltaFiles.delete(id);
    this.deltaRemoved.add(id);
  }

  /**
   * Saves what changed since the saved index: the delta beside it (a small write; the index keeps
   * the new paragraphs in its delta part), or, once the delta holds many files, the whole corpus
   * again.
   */
  private saveChanges(): void {
    if (!this.cache || !this.snapshotKey || !this.snapshotToken) return;
    const size = this.deltaFiles.size + this.deltaRemoved.size;
    if (size > Math.max(DELTA_FILES, this.files.size * 0.05)) {
      this.index.commit();
      this.writeSnapshot();
      return;
    }
    this.index.maybeCommit();
    this.cache.writeDelta(this.snapshotKey, {
      version: CACHE_VERSION,
      base: this.snapshotToken,
      files: [...this.deltaFiles],
      removed: [...this.deltaRemoved],
    });
  }

  /** Saves the corpus (its state, alignment table and serialized index) for the next start; any delta is folded in. */
  private writeSnapshot(): void {
    if (!this.cache || !this.snapshotKey) return;
    const token = crypto.randomBytes(12).toString('hex');
    const head: SnapshotHead = { version: SNAPSHOT_VERSION, token, metadataItems: this.metadataItems };
    const lines: string[] = [JSON.stringify(head)];
    const put = <T>(kind: SnapshotLine[0], entries: T[]) => {
      for (let i = 0; i < entries.length; i += LINE_ENTRIES) lines.push(JSON.stringify([kind, entries.slice(i, i + LINE_ENTRIES)]));
    };
    put('m', [...this.metadata.values()]);
    put(
      'd',
      [...this.documents].flatMap(([key, byLang]) => [...byLang].map(([l, info]) => [key, l, info] as [string, Lang, SymbolInfo])),
    );
    put(
      'c',
      [...this.cited].flatMap(([key, dates]) => [...dates].map(([d, n]) => [key, d, n] as [string, string, number])),
    );
    put(
      'f',
      [...this.files].map(([id, f]) => [id, { ...f, ids: compressIds(f.ids) }]),
    );
    put('s', [...this.skippedFiles]);
    const openings = this.openingsSaved ?? countOpenings(this.index);
    const saved = (m: Map<string, { phrase: string; count: number }>) => [...m].map(([k, v]) => [k, v.phrase, v.count]);
    lines.push(JSON.stringify(['o', { preambular: saved(openings.preambular), operative: saved(openings.operative) }]));
    const files = this.files;
    const parts: SnapshotParts = {
      data: new Uint8Array(0),
      state: new TextEncoder().encode(lines.join('\n')),
      align: this.alignment.serialize(
        (function* () {
          for (const f of files.values()) yield* f.ids;
        })(),
      ),
      index: this.index.serialize(),
    };
    this.cache.writeSnapshot(this.snapshotKey, parts);
    this.cache.removeDelta(this.snapshotKey);
    // the table as saved: typed arrays instead of one map entry per paragraph
    this.alignment = Alignment.deserialize(parts.align);
    this.openingsSaved = openings;
    if (this.keepSaved) this.saved = parts;
    this.snapshotToken = token;
    this.deltaFiles.clear();
    this.deltaRemoved.clear();
  }

  private async loadAll(sources: CorpusSources, options: LoadOptions): Promise<LoadReport> {
    this.resetState();
    this.roots = [];
    this.sources = sources;
    this.cache = options.cacheDir ? new CorpusCache(options.cacheDir) : undefined;
    this.keepSaved = !!(options.keepSaved || options.handoverOnly);
    const archives = new ArchiveCache();
    const rootPaths: Array<{ path: string; builtin?: boolean }> = [];
    if (sources.builtin !== false) {
      const seeds = builtinSeedsDir();
      if (seeds) rootPaths.push({ path: seeds, builtin: true });
    }
    for (const p of sources.paths ?? []) rootPaths.push({ path: path.resolve(p) });
    for (const f of sources.files ?? []) rootPaths.push({ path: path.resolve(f) });
    this.snapshotKey = this.cache ? sourcesKey(rootPaths.map((r) => r.path)) : undefined;
    // the saved corpus is read while the sources are listed
    const snapshot = this.cache?.readSnapshotAsync(this.snapshotKey!);
    snapshot?.catch(() => undefined);
    const seenRoot = new Set<string>();
    const listings: Array<{ listing: SourceListing; builtin?: boolean }> = [];
    this.cacheReads.clear();
    for (const r of rootPaths) {
      if (seenRoot.has(r.path)) continue;
      seenRoot.add(r.path);
      const listing = await listSource(r.path, archives);
      listings.push({ listing, builtin: r.builtin });
      this.roots.push({
        path: r.path,
        kind: listing.kind,
        builtin: r.builtin,
        ignored: listing.ignored,
        metadata: listing.metadata,
        problems: listing.skipped,
      });
    }
    this.metadataItems = listings.flatMap((l) => l.listing.metadata);
    this.patching = true;
    // The delta saved beside the index: applied to it, or else a cache of parsed files too.
    const savedDelta = this.cache ? this.cache.readDelta(this.snapshotKey!) : undefined;
    const deltaHits = new Map<string, DeltaEntry>(savedDelta?.files ?? []);
    if (this.cache) {
      const restored = await this.restore(await snapshot, listings, archives, options, savedDelta);
      if (restored) {
        archives.clear();
        return restored;
      }
      if (options.onlyIfFresh) {
        this.stale = true;
        return this.report();
      }
      this.resetState();
    }
    options.onRebuild?.();
    this.patching = false;
    // Metadata first: it names titles and dates the documents are indexed with.
    for (const { listing } of listings) {
      for (const m of listing.metadata) {
        const hit = this.cachedFor(listing.root)?.metadata[m.id];
        let parsed = hit && hit.size === m.size && hit.mtimeMs === m.mtimeMs ? hit : undefined;
        if (!parsed) {
          try {
            const text = await readItem(m, archives);
            parsed = { size: m.size, mtimeMs: m.mtimeMs, ...parseMetadata(text) };
            this.cache?.touch(m.root);
          } catch (e) {
            this.skippedFiles.set(m.id, { reason: `cannot read: ${(e as Error).message}`, root: m.root, metadata: true });
            continue;
          }
        }
        for (const info of parsed.entries) this.metadata.set(info.key, info);
        if (parsed.bad) this.skippedFiles.set(m.id, { reason: `${parsed.bad} malformed line(s) ignored`, root: m.root, metadata: true });
        if (this.cache) this.cache.pending(listing.root).metadata[m.id] = parsed;
      }
    }
    const all: Array<{ item: CorpusItem }> = [];
    const seenItem = new Set<string>();
    for (const { listing } of listings) {
      for (const item of listing.items) {
        if (seenItem.has(item.id)) continue;
        seenItem.add(item.id);
        all.push({ item });
      }
    }
    let last = Date.now();
    let fromCache = 0;
    for (let i = 0; i < all.length; i++) {
      if (options.isCancelled?.()) break;
      const { item } = all[i];
      const d = deltaHits.get(item.id);
      const hit = d && d.root === item.root ? d : this.cachedFor(item.root)?.files[item.id];
      if (hit && item.size >= 0 && hit.size === item.size && hit.mtimeMs === item.mtimeMs) {
        fromCache++;
        if (hit.error) this.skippedFiles.set(item.id, { reason: hit.error, root: item.root, size: item.size, mtimeMs: item.mtimeMs });
        else this.ingest(item, hit.result!);
        if (this.cache) {
          const entry: { size: number; mtimeMs: number; result?: FileResult; error?: string } = { size: hit.size, mtimeMs: hit.mtimeMs };
          if (hit.error !== undefined) entry.error = hit.error;
          else entry.result = hit.result;
          this.cache.pending(item.root).files[item.id] = entry;
          if (hit === d) this.cache.touch(item.root);
        }
      } else {
        await this.readItem(item, archives);
      }
      if (Date.now() - last > 15) {
        options.onProgress?.({ done: i + 1, total: all.length, path: item.id });
        await yieldNow();
        last = Date.now();
      }
    }
    archives.clear();
    if (!options.isCancelled?.()) {
      this.index.commit();
      this.cache?.flush();
      this.writeSnapshot();
    }
    this.patching = true;
    this.cacheReads.clear();
    options.onProgress?.({ done: all.length, total: all.length });
    return { ...this.report(), cached: fromCache, ...this.notes() };
  }

  /** Loads records that do not come from files (tests, benchmarks). */
  addRecords(records: ParagraphRecord[]): void {
    for (const r of records) {
      this.index.add(r);
      this.langCounts[LANG_INDEX.get(r.lang ?? 'en') ?? 0]++;
    }
    this.index.commit();
  }

  /** Reads (or re-reads) one item into the index; previous paragraphs of the file are removed. */
  private async readItem(item: CorpusItem, archives: ArchiveCache): Promise<boolean> {
    this.dropFile(item.id);
    const { result, error: reason } = await parseItem(item, archives);
    if (!result) {
      this.skippedFiles.set(item.id, { reason, root: item.root, size: item.size, mtimeMs: item.mtimeMs });
      if (this.snapshotToken) this.noteChanged(item, undefined, reason);
      else if (this.cache && item.size >= 0) {
        this.cache.pending(item.root, this.patching).files[item.id] = { size: item.size, mtimeMs: item.mtimeMs, error: reason };
        this.cache.touch(item.root);
      }
      return false;
    }
    this.skippedFiles.delete(item.id);
    this.ingest(item, result);
    if (this.snapshotToken) this.noteChanged(item, result, undefined);
    else if (this.cache) {
      this.cache.pending(item.root, this.patching).files[item.id] = { size: item.size, mtimeMs: item.mtimeMs, result };
      this.cache.touch(item.root);
    }
    return true;
  }

  /** Adds a parsed file's paragraphs to the index, with the metadata's titles and dates. */
  private ingest(item: CorpusItem, result: FileResult): void {
    this.openingsSaved = undefined;
    const keys: string[] = [];
    const ids: number[] = [];
    const sourcePath = item.id;
    for (const d of result.docs) {
      const key = symbolKey(d.symbol);
      const meta = d.named ? undefined : this.metadata.get(key);
      const source: SourceDocument = { path: sourcePath, symbol: d.symbol };
      const title = d.title ?? meta?.title;
      const date = meta?.date ?? d.date;
      if (title) source.title = title;
      if (date) source.date = date;
      if (!d.named) this.noteDocument(source, d.lang, keys, !item.archive);
      const lang = d.lang;
      const li = LANG_INDEX.get(lang) ?? 0;
      let lastOperative = '';
      const subCount = new Map<string, number>();
      let pre = 0;
      for (const [k, number, text, line] of d.paragraphs) {
        const kind = KINDS[k] ?? 'other';
        const id = this.index.add({ text, kind, paragraph: number, line, source, lang });
        ids.push(id);
        this.langCounts[li]++;
        // Alignment across languages: operative by number, preamble by position, sub-paragraphs
        // by their order under their operative paragraph (labels differ: (a), a), (أ)).
        let a = '';
        if (kind === 'preambular') a = `p${++pre}`;
        else if (kind === 'operative' && number) {
          a = `o${number}`;
          lastOperative = number.split(' ')[0];
        } else if (kind === 'subparagraph') {
          const parent = /^\d+/.exec(number)?.[0] ?? lastOperative;
          const n = (subCount.get(parent) ?? 0) + 1;
          subCount.set(parent, n);
          a = `s${parent}#${n}`;
        }
        if (a && !d.named) {
          this.alignment.add(id, `${key}|${a}`);
        }
      }
    }
    for (const [key, date] of result.cites) this.noteCited(key, date, 1);
    const docs = result.docs.map((d) => ({
      symbol: d.symbol,
      ...(d.named ? { named: true } : {}),
      lang: d.lang,
      paragraphs: d.paragraphs.length,
    }));
    this.files.set(item.id, { root: item.root, size: item.size, mtimeMs: item.mtimeMs, ids, keys, cites: result.cites, docs });
  }

  private noteDocument(source: SourceDocument, lang: Lang, keys: string[], onDisk: boolean): void {
    if (!/\d/.test(source.symbol)) return;
    const key = symbolKey(source.symbol);
    keys.push(key);
    const info: SymbolInfo = { symbol: source.symbol, key };
    if (onDisk) info.path = source.path;
    if (source.title) info.title = source.title;
    if (source.date && /\d{1,2}\s+\w+\s+\d{4}/.test(source.date)) info.date = source.date;
    let byLang = this.documents.get(key);
    if (!byLang) this.documents.set(key, (byLang = new Map()));
    byLang.set(lang, info);
  }

  private noteCited(key: string, date: string, delta: number): void {
    let dates = this.cited.get(key);
    if (!dates) this.cited.set(key, (dates = new Map()));
    const n = (dates.get(date) ?? 0) + delta;
    if (n > 0) dates.set(date, n);
    else dates.delete(date);
    if (dates.size === 0) this.cited.delete(key);
  }

  private dropFile(file: string): void {
    const entry = this.files.get(file);
    if (!entry) return;
    this.openingsSaved = undefined;
    for (const id of entry.ids) {
      this.langCounts[LANG_INDEX.get(this.index.langOf(id)) ?? 0]--;
      this.index.remove(id);
      this.alignment.remove(id);
    }
    for (const key of entry.keys) {
      const byLang = this.documents.get(key);
      if (!byLang) continue;
      for (const [l, info] of byLang) if (info.path === file || !info.path) byLang.delete(l);
      if (byLang.size === 0) this.documents.delete(key);
    }
    for (const [key, date] of entry.cites) this.noteCited(key, date, -1);
    this.files.delete(file);
  }

  /**
   * Re-indexes one file after a change (or removes it when it is gone); for an archive, all its
   * entries. Returns true when it changed anything.
   */
  async updateFile(file: string): Promise<boolean> {
    file = path.resolve(file);
    if (!isCorpusFile(file) && !isArchive(file)) return false;
    if (!this.covers(file)) return false;
    const root = this.rootOf(file);
    if (isArchive(file)) {
      const had = [...this.files.keys()].filter((id) => splitItemId(id).archive === file);
      for (const id of had) {
        this.dropFile(id);
        this.noteRemoved(id);
      }
      for (const id of [...this.skippedFiles.keys()]) if (id === file || splitItemId(id).archive === file) this.skippedFiles.delete(id);
      if (fs.existsSync(file)) {
        const archives = new ArchiveCache();
        const listing = await listSource(file, archives);
        for (const s of listing.skipped) this.skippedFiles.set(s.path, { reason: s.reason, root });
        for (const item of listing.items) await this.readItem({ ...item, root }, archives);
      }
      this.saveUpdate();
      return true;
    }
    if (!fs.existsSync(file)) {
      const had = this.files.has(file) || this.skippedFiles.has(file);
      this.dropFile(file);
      this.skippedFiles.delete(file);
      if (this.snapshotToken) this.noteRemoved(file);
      else if (this.cache) {
        delete this.cache.pending(root).files[file];
        this.cache.touch(root);
      }
      this.saveUpdate();
      return had;
    }
    const st = fs.statSync(file);
    await this.readItem({ id: file, root, size: st.size, mtimeMs: st.mtimeMs }, new ArchiveCache());
    this.saveUpdate();
    return true;
  }

  /** After a file changed while running: the saved index's delta, or else the per-file cache, saved. */
  private saveUpdate(): void {
    if (this.snapshotToken) this.saveChanges();
    else {
      this.index.maybeCommit();
      this.cache?.flush();
    }
  }

  /** Adds a single file to the corpus sources (a new workspace resolution file); call updateFile to read it. */
  includeFile(file: string): void {
    const abs = path.resolve(file);
    if (!this.covers(abs)) {
      this.sources = { ...this.sources, files: [...(this.sources.files ?? []), abs] };
      this.roots.push({ path: abs, kind: 'file', ignored: 0, metadata: [], problems: [] });
    }
  }

  private rootPaths(): string[] {
    const roots: string[] = [];
    if (this.sources.builtin !== false) {
      const seeds = builtinSeedsDir();
      if (seeds) roots.push(seeds);
    }
    for (const p of this.sources.paths ?? []) roots.push(path.resolve(p));
    for (const p of this.sources.files ?? []) roots.push(path.resolve(p));
    return roots;
  }

  private rootOf(file: string): string {
    const roots = this.rootPaths();
    return roots.find((r) => file === r) ?? roots.find((r) => file.startsWith(r + path.sep)) ?? file;
  }

  /** Whether `file` lies in one of the corpus sources. */
  covers(file: string): boolean {
    if (this.files.has(file) || this.skippedFiles.has(file)) return true;
    return this.rootPaths().some((r) => file === r || file.startsWith(r + path.sep));
  }

  /** The language of a paragraph id. */
  langOfId(id: number): Lang {
    return this.index.langOf(id);
  }

  private withLang(m: Match): Match {
    const lang = this.langOfId(m.id);
    return { ...m, source: { ...m.source, lang } };
  }

  /**
   * The same paragraph of the same resolution in the corpus's other languages (operative
   * paragraphs by number, preambular ones by position, sub-paragraphs by their order), one per
   * language, in the order of the official languages.
   */
  parallel(id: number): ParallelText[] {
    const own = this.langOfId(id);
    const byLang = new Map<Lang, number>();
    for (const other of this.alignment.members(id)) {
      const l = this.langOfId(other);
      if (l !== own && !byLang.has(l)) byLang.set(l, other);
    }
    return LANGUAGES.filter((l) => byLang.has(l)).map((l) => {
      const oid = byLang.get(l)!;
      const m = this.withLang(this.index.match(oid, 1));
      return { lang: l, text: m.text, id: oid, source: m.source };
    });
  }

  /** Matches with their language (the index searches the query's language only). */
  private inLang(found: Match[]): Match[] {
    return found.map((m) => this.withLang(m));
  }

  /** Closest corpus paragraphs to a whole paragraph. */
  search(text: string, options: SearchOptions = {}): Match[] {
    return this.inLang(this.index.search(text, options));
  }

  /** Paragraphs whose opening continues the typed text. */
  prefix(typed: string, options: SearchOptions = {}): Match[] {
    return this.inLang(this.index.prefix(typed, options));
  }

  /**
   * Precedents of a text that may be a whole paragraph or only its first words: the closest whole
   * paragraphs, and for a short text also the paragraphs whose opening it matches, best first.
   */
  lookup(text: string, options: SearchOptions = {}): Match[] {
    const top = options.top ?? 5;
    const found = new Map<number, Match>();
    for (const m of this.search(text, options)) found.set(m.id, m);
    if (text.trim().split(/\s+/).length <= 40) {
      for (const m of this.prefix(text, options)) {
        const had = found.get(m.id);
        if (!had || had.score < m.score) found.set(m.id, m);
      }
    }
    return [...found.values()].sort((a, b) => b.score - a.score).slice(0, top);
  }

  /** Best precedent of a paragraph and the comparison with it (coverage, new spans, diff). */
  compareWithBest(text: string, options: SearchOptions = {}): { matches: Match[]; comparison?: Comparison } {
    const matches = this.search(text, options);
    if (matches.length === 0) return { matches };
    return { matches, comparison: compare(text, matches[0].text) };
  }

  /** What the corpus knows about a symbol or citation key ("A/RES/70/1", "70/1"). */
  symbolInfo(symbolOrKey: string): SymbolInfo | undefined {
    const key = symbolKey(symbolOrKey);
    const meta = this.metadata.get(key);
    const byLang = this.documents.get(key);
    // English first (the metadata's language), then the official order.
    const doc = byLang && (LANGUAGES.map((l) => byLang.get(l)).find(Boolean) ?? [...byLang.values()][0]);
    const date = meta?.date ?? doc?.date ?? this.citedDate(key);
    if (!meta && !doc && !date) return undefined;
    return {
      symbol: meta?.symbol ?? doc?.symbol ?? key,
      key,
      ...((meta?.title ?? doc?.title) ? { title: meta?.title ?? doc?.title } : {}),
      ...(date ? { date } : {}),
      // the file it was read from, so that a link to the citation opens it
      ...(doc?.path ? { path: doc.path } : {}),
    };
  }

  /** Every symbol key the corpus knows that starts with `prefix` ("70/"), ordered by number. */
  symbolsStartingWith(prefix: string, max = 50): SymbolInfo[] {
    const keys = new Set<string>();
    for (const k of this.metadata.keys()) if (k.startsWith(prefix)) keys.add(k);
    for (const k of this.documents.keys()) if (k.startsWith(prefix)) keys.add(k);
    for (const k of this.cited.keys()) if (k.startsWith(prefix)) keys.add(k);
    return [...keys]
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .slice(0, max)
      .map((k) => this.symbolInfo(k)!)
      .filter(Boolean);
  }

  private citedDate(key: string): string | undefined {
    const dates = this.cited.get(key);
    if (!dates) return undefined;
    let best: string | undefined;
    let n = 0;
    for (const [d, c] of dates) if (c > n) [best, n] = [d, c];
    return best;
  }

  // CorpusFacts

  dateOf(key: string): string | undefined {
    return this.symbolInfo(key)?.date;
  }

  newSpans(text: string, _kind: 'preambular' | 'operative'): Array<{ start: number; end: number }> | undefined {
    if (this.paragraphs === 0) return undefined;
    const best = this.search(text, { top: 1, minScore: 0.5 })[0];
    // No precedent at all: the whole paragraph is new language.
    if (!best) return text.trim() ? [{ start: text.length - text.trimStart().length, end: text.trimEnd().length }] : [];
    return compare(text, best.text).newSpans;
  }
}

/** Reads and parses one corpus item: its parse, or why it cannot be read. */
async function parseItem(
  item: CorpusItem,
  archives: ArchiveCache,
): Promise<{ result: FileResult; error?: undefined } | { result?: undefined; error: string }> {
  try {
    const text = await readItem(item, archives);
    // (the parsers are loaded when a first file is read: a restart from the saved corpus reads none)
    const { parseCorpusFile } = await import('./corpusFile');
    return { result: parseCorpusFile(item.id, text) };
  } catch (e) {
    const msg = (e as Error).message;
    return { error: /^(ENOENT|EACCES|EISDIR|EPERM)\b|no such file/.test(msg) ? `cannot read: ${msg}` : msg };
  }
}

export type { ParagraphKind, Match };

/** Paragraph ids as runs: [first, count, first, count …] (a file's ids are mostly consecutive). */
export function compressIds(ids: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ids.length;) {
    let j = i + 1;
    while (j < ids.length && ids[j] === ids[j - 1] + 1) j++;
    out.push(ids[i], j - i);
    i = j;
  }
  return out;
}

/** The ids of `compressIds` runs. */
export function expandIds(runs: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < runs.length; i += 2) for (let k = 0; k < runs[i + 1]; k++) out.push(runs[i] + k);
  return out;
}

/** The archive of an item id, as a CorpusItem field. */
function archiveOf(id: string): { archive?: string } {
  const { archive } = splitItemId(id);
  return archive ? { archive } : {};
}
