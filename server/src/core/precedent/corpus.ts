/**
 * The precedent corpus: files on disk (the built-in seeds, folders the user names, workspace
 * resolution files) read into a PrecedentIndex with their provenance, plus what the corpus knows
 * about resolution symbols (title, adoption date) from AKN metadata, metadata/*.jsonl, front
 * matter and citations. Loading yields to the event loop regularly and reports progress; a file
 * that cannot be read or parsed is skipped with a message naming it. Reloading one file
 * re-indexes that file alone.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { CorpusFacts } from '../findings';
import { parseAkn } from './akn';
import { compare, Comparison } from './diff';
import { formatIsoDate } from './dates';
import { PrecedentIndex } from './index';
import { cleanParagraphText, readTextResolution } from './textfile';
import type { Match, ParagraphKind, ParagraphRecord, SearchOptions, SourceDocument } from './types';

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface LoadReport {
  files: number;
  paragraphs: number;
  skipped: SkippedFile[];
}

export interface LoadProgress {
  done: number;
  total: number;
  path?: string;
}

export interface CorpusSources {
  /** Include the built-in seeds (default true). */
  builtin?: boolean;
  /** Folders or files the user names. */
  paths?: string[];
  /** Further single files (the workspace's own resolution files). */
  files?: string[];
}

export interface SymbolInfo {
  symbol: string;
  key: string;
  title?: string;
  date?: string;
  /** The corpus file the resolution was read from. */
  path?: string;
}

export interface LoadOptions {
  onProgress?: (p: LoadProgress) => void;
  /** Checked between files; loading stops early when it returns true. */
  isCancelled?: () => boolean;
}

const TEXT_EXT = /\.(res\.md|resolution\.md|resolution|md|txt)$/i;
const XML_EXT = /\.xml$/i;
const MAX_FILE_BYTES = 32 * 1024 * 1024;
const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const CITATION_RE = new RegExp(
  `\\b(\\d{1,4}\\/\\d{1,4}|\\d{1,4}\\s*\\([IVXL]+\\)|\\d{1,4}\\s*\\((?:19|20)\\d{2}\\))(?:\\s+[A-H](?=\\s))?\\s+of\\s+(\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4})`,
  'g',
);

/** The key of a resolution symbol: "A/RES/70/1" → "70/1", "E/RES/2013/40" → "2013/40". */
export function symbolKey(symbol: string): string {
  return symbol
    .replace(/^\s*[A-Z]{1,3}\/RES\//i, '')
    .replace(/\s+/g, ' ')
    .replace(/(\d)\(/, '$1 (')
    .trim();
}

/** Whether a file name is one the corpus reads. */
export function isCorpusFile(file: string): boolean {
  const base = path.basename(file);
  if (/^readme(\.|$)/i.test(base) || /^(changelog|license|contributing)(\.|$)/i.test(base)) return false;
  return TEXT_EXT.test(base) || XML_EXT.test(base);
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

interface FileEntry {
  mtimeMs: number;
  size: number;
  ids: number[];
  keys: string[];
  /** Citations (key, date) the file contributed. */
  cites: Array<[string, string]>;
}

const yieldNow = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Corpus implements CorpusFacts {
  index = new PrecedentIndex();
  private files = new Map<string, FileEntry>();
  private skippedFiles = new Map<string, string>();
  /** From metadata/*.jsonl: authoritative. */
  private metadata = new Map<string, SymbolInfo>();
  /** From the documents themselves. */
  private documents = new Map<string, SymbolInfo>();
  /** Dates cited for each key, with counts. */
  private cited = new Map<string, Map<string, number>>();
  private sources: CorpusSources = {};

  get paragraphs(): number {
    return this.index.size;
  }

  get fileCount(): number {
    return this.files.size;
  }

  skipped(): SkippedFile[] {
    return [...this.skippedFiles].map(([p, reason]) => ({ path: p, reason }));
  }

  report(): LoadReport {
    return { files: this.files.size, paragraphs: this.index.size, skipped: this.skipped() };
  }

  /** Loads every file of `sources` from scratch. */
  async load(sources: CorpusSources, options: LoadOptions = {}): Promise<LoadReport> {
    this.index = new PrecedentIndex();
    this.files.clear();
    this.skippedFiles.clear();
    this.metadata.clear();
    this.documents.clear();
    this.cited.clear();
    this.sources = sources;
    const roots: string[] = [];
    if (sources.builtin !== false) {
      const seeds = builtinSeedsDir();
      if (seeds) roots.push(seeds);
    }
    for (const p of sources.paths ?? []) roots.push(path.resolve(p));
    const files: string[] = [];
    const metadataFiles = new Set<string>();
    for (const root of roots) {
      await this.collect(root, files, metadataFiles);
      const beside = path.join(path.dirname(root), 'metadata');
      for (const m of listJsonl(beside)) metadataFiles.add(m);
    }
    for (const f of sources.files ?? []) files.push(path.resolve(f));
    for (const m of metadataFiles) await this.readMetadata(m);
    const unique = [...new Set(files)];
    let last = Date.now();
    for (let i = 0; i < unique.length; i++) {
      if (options.isCancelled?.()) break;
      await this.readFile(unique[i]);
      if (Date.now() - last > 15) {
        options.onProgress?.({ done: i + 1, total: unique.length, path: unique[i] });
        await yieldNow();
        last = Date.now();
      }
    }
    this.index.commit();
    options.onProgress?.({ done: unique.length, total: unique.length });
    return this.report();
  }

  /** Loads records that do not come from files (tests, benchmarks). */
  addRecords(records: ParagraphRecord[]): void {
    for (const r of records) this.index.add(r);
    this.index.commit();
  }

  private async collect(target: string, out: string[], metadataFiles: Set<string>): Promise<void> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(target);
    } catch (e) {
      this.skippedFiles.set(target, `cannot read: ${(e as Error).message}`);
      return;
    }
    if (stat.isFile()) {
      if (target.endsWith('.jsonl')) metadataFiles.add(target);
      else out.push(target);
      return;
    }
    if (!stat.isDirectory()) return;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(target, { withFileTypes: true });
    } catch (e) {
      this.skippedFiles.set(target, `cannot list folder: ${(e as Error).message}`);
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const full = path.join(target, e.name);
      if (e.isDirectory()) {
        if (e.name.startsWith('.') || e.name === 'node_modules' || e.name === 'out') continue;
        if (e.name === 'metadata') {
          for (const m of listJsonl(full)) metadataFiles.add(m);
          continue;
        }
        await this.collect(full, out, metadataFiles);
      } else if (isCorpusFile(e.name)) out.push(full);
    }
  }

  private async readMetadata(file: string): Promise<void> {
    let text: string;
    try {
      text = await fs.promises.readFile(file, 'utf8');
    } catch (e) {
      this.skippedFiles.set(file, `cannot read: ${(e as Error).message}`);
      return;
    }
    let bad = 0;
    for (const line of text.split(/\r?\n/)) {
      if (!line.trim()) continue;
      try {
        const o = JSON.parse(line);
        if (typeof o.symbol !== 'string') continue;
        const key = symbolKey(o.symbol);
        const date = typeof o.adoption_date === 'string' ? formatIsoDate(o.adoption_date) ?? o.adoption_date : undefined;
        this.metadata.set(key, {
          symbol: o.symbol,
          key,
          ...(typeof o.title === 'string' ? { title: o.title } : {}),
          ...(date ? { date } : {}),
        });
      } catch {
        bad++;
      }
    }
    if (bad) this.skippedFiles.set(file, `${bad} malformed line(s) ignored`);
  }

  /** Reads (or re-reads) one file into the index; previous paragraphs of the file are removed. */
  private async readFile(file: string): Promise<boolean> {
    this.dropFile(file);
    let stat: fs.Stats;
    let text: string;
    try {
      stat = await fs.promises.stat(file);
      if (stat.size > MAX_FILE_BYTES) throw new Error(`file too large (${stat.size} bytes)`);
      text = await fs.promises.readFile(file, 'utf8');
    } catch (e) {
      this.skippedFiles.set(file, `cannot read: ${(e as Error).message}`);
      return false;
    }
    let records: ParagraphRecord[];
    const keys: string[] = [];
    const cites: Array<[string, string]> = [];
    try {
      if (XML_EXT.test(file)) {
        records = this.importXml(text, file, keys);
        for (const r of records) citationsIn(r.text, cites);
      } else records = this.importText(text, file, keys, cites);
    } catch (e) {
      this.skippedFiles.set(file, (e as Error).message);
      return false;
    }
    this.skippedFiles.delete(file);
    const ids = records.map((r) => this.index.add(r));
    for (const [key, date] of cites) this.noteCited(key, date, 1);
    this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, ids, keys, cites });
    return true;
  }

  private importXml(text: string, file: string, keys: string[]): ParagraphRecord[] {
    const docs = parseAkn(text);
    const records: ParagraphRecord[] = [];
    for (const d of docs) {
      const meta = d.symbol ? this.metadata.get(symbolKey(d.symbol)) : undefined;
      const source: SourceDocument = {
        path: file,
        symbol: d.symbol ?? path.basename(file, path.extname(file)),
      };
      const title = d.title ?? meta?.title;
      const date = meta?.date ?? d.date;
      if (title) source.title = title;
      if (date) source.date = date;
      if (d.symbol) this.noteDocument(source, keys);
      for (const p of d.paragraphs) {
        records.push({ text: p.text, kind: p.kind, paragraph: p.number, line: 0, source });
      }
    }
    return records;
  }

  private importText(text: string, file: string, keys: string[], cites: Array<[string, string]>): ParagraphRecord[] {
    if (text.includes('\u0000')) throw new Error('not a text file (binary content)');
    const imp = readTextResolution(text, file);
    const meta = this.metadata.get(symbolKey(imp.source.symbol));
    if (meta) {
      if (!imp.source.title && meta.title) imp.source.title = meta.title;
      if (meta.date) imp.source.date = meta.date;
    }
    this.noteDocument(imp.source, keys);
    for (const c of imp.citations) cites.push([symbolKey(c.key), c.date]);
    return imp.records;
  }

  private noteDocument(source: SourceDocument, keys: string[]): void {
    if (!/\d/.test(source.symbol)) return;
    const key = symbolKey(source.symbol);
    keys.push(key);
    const info: SymbolInfo = { symbol: source.symbol, key, path: source.path };
    if (source.title) info.title = source.title;
    if (source.date && /\d{1,2}\s+\w+\s+\d{4}/.test(source.date)) info.date = source.date;
    this.documents.set(key, info);
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
    for (const id of entry.ids) this.index.remove(id);
    for (const key of entry.keys) this.documents.delete(key);
    for (const [key, date] of entry.cites) this.noteCited(key, date, -1);
    this.files.delete(file);
  }

  /** Re-indexes one file after a change (or removes it when it is gone). Returns true when it changed anything. */
  async updateFile(file: string): Promise<boolean> {
    file = path.resolve(file);
    if (!isCorpusFile(file)) return false;
    if (!this.covers(file)) return false;
    if (!fs.existsSync(file)) {
      const had = this.files.has(file) || this.skippedFiles.has(file);
      this.dropFile(file);
      this.skippedFiles.delete(file);
      return had;
    }
    await this.readFile(file);
    this.index.maybeCommit();
    return true;
  }

  /** Adds a single file to the corpus sources (a new workspace resolution file); call updateFile to read it. */
  includeFile(file: string): void {
    const abs = path.resolve(file);
    if (!this.covers(abs)) this.sources = { ...this.sources, files: [...(this.sources.files ?? []), abs] };
  }

  /** Whether `file` lies in one of the corpus sources. */
  covers(file: string): boolean {
    if (this.files.has(file) || this.skippedFiles.has(file)) return true;
    const roots: string[] = [];
    if (this.sources.builtin !== false) {
      const seeds = builtinSeedsDir();
      if (seeds) roots.push(seeds);
    }
    for (const p of this.sources.paths ?? []) roots.push(path.resolve(p));
    if (roots.some((r) => file === r || file.startsWith(r + path.sep))) return true;
    return (this.sources.files ?? []).some((f) => path.resolve(f) === file);
  }

  /** Closest corpus paragraphs to a whole paragraph. */
  search(text: string, options: SearchOptions = {}): Match[] {
    return this.index.search(text, options);
  }

  /** Paragraphs whose opening continues the typed text. */
  prefix(typed: string, options: SearchOptions = {}): Match[] {
    return this.index.prefix(typed, options);
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
  compareWithBest(
    text: string,
    options: SearchOptions = {},
  ): { matches: Match[]; comparison?: Comparison } {
    const matches = this.search(text, options);
    if (matches.length === 0) return { matches };
    return { matches, comparison: compare(text, matches[0].text) };
  }

  /** What the corpus knows about a symbol or citation key ("A/RES/70/1", "70/1"). */
  symbolInfo(symbolOrKey: string): SymbolInfo | undefined {
    const key = symbolKey(symbolOrKey);
    const meta = this.metadata.get(key);
    const doc = this.documents.get(key);
    const date = meta?.date ?? doc?.date ?? this.citedDate(key);
    if (!meta && !doc && !date) return undefined;
    return {
      symbol: meta?.symbol ?? doc?.symbol ?? key,
      key,
      ...(meta?.title ?? doc?.title ? { title: meta?.title ?? doc?.title } : {}),
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

/** Citations "70/1 of 25 September 2015" in a paragraph's text. */
function citationsIn(text: string, out: Array<[string, string]>): void {
  CITATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITATION_RE.exec(text))) out.push([symbolKey(m[1]), m[2].replace(/\s+/g, ' ')]);
}

function listJsonl(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.jsonl'))
      .sort()
      .map((f) => path.join(dir, f));
  } catch {
    return [];
  }
}

export type { ParagraphKind, Match };
export { cleanParagraphText };
