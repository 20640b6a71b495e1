/**
 * The precedent language service: what the editor shows from the precedent corpus (completions,
 * hovers, the precedents and parallel texts of a paragraph), on the document model and plain
 * types — no LSP. The server's features convert positions and kinds; tests call it in memory
 * with a corpus of their own (`precedentAccess`).
 */
import * as path from 'path';
import { CONFIG_FILE_NAME, resolveConfig } from '../config';
import type { Lang } from '../languages';
import type { ResolutionDocument } from '../model';
import type { Corpus, ParallelText } from '../precedent/corpus';
import { corpusConfig } from '../precedent/corpusConfig';
import { compare, type Comparison } from '../precedent/diff';
import { paragraphAt, type LocatedParagraph } from '../precedent/locate';
import { countOpenings, type OpeningStats } from '../precedent/openings';
import type { Match, SearchOptions } from '../precedent/types';

export interface PrecedentSettings {
  paths: string[];
  builtin: boolean;
  includeWorkspace: boolean;
  maxCompletions: number;
  minScore: number;
}

export const DEFAULTS: PrecedentSettings = { paths: [], builtin: true, includeWorkspace: false, maxCompletions: 5, minScore: 0.3 };

/** How close a draft paragraph must be to a corpus paragraph to show that paragraph's other languages. */
export const PARALLEL_MIN_SCORE = 0.6;

/** What the language service needs of the precedent corpus. */
export interface PrecedentAccess {
  /** The embedded corpus: symbols, parallel texts. */
  corpus: Corpus;
  /** Precedent search over the embedded corpus and, when one is set, the corpus database (merged). */
  search(op: 'search' | 'prefix', text: string, options: SearchOptions): Promise<Match[]>;
  settings: PrecedentSettings;
  /** Opening phrases with their corpus counts (the phrase lists alone when absent). */
  openings?: OpeningStats;
  /** While a load runs: how far it is (files); the corpus answering meanwhile may be partial. */
  loading?: { done: number; total: number };
}

/** A corpus on its own as the language service sees it (tests, the command line). */
export function precedentAccess(corpus: Corpus, settings: Partial<PrecedentSettings> = {}): PrecedentAccess {
  return {
    corpus,
    search: async (op, text, options) => corpus[op](text, options),
    settings: { ...DEFAULTS, ...settings },
    openings: countOpenings(corpus.index),
  };
}

/**
 * The corpus settings: the `resolution` settings section overlaid with the `.resolutionrc.json`
 * files above the workspace folder (nearest wins; see core/config). Relative corpus paths are
 * read from the nearest configuration file's folder, else the workspace folder.
 */
export function resolveSettings(s: unknown, workspaceDir: string | undefined): PrecedentSettings {
  const { config } = resolveConfig(s ?? {}, workspaceDir ? path.join(workspaceDir, CONFIG_FILE_NAME) : undefined);
  const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
  return {
    // The project's `.resolutionrc.json` sources and the VS Code setting's, together (corpusConfig.ts).
    paths: corpusConfig(s, workspaceDir).paths,
    builtin: config.corpus.builtin !== false,
    includeWorkspace: config.corpus.includeWorkspace === true,
    maxCompletions: Math.max(1, Math.min(50, num(config.precedent.maxCompletions, DEFAULTS.maxCompletions))),
    minScore: Math.max(0, Math.min(1, num(config.precedent.minScore, DEFAULTS.minScore))),
  };
}

/** A line for hovers while the corpus loads: the precedents shown may be incomplete. */
export function loadingNote(loading: PrecedentAccess['loading']): string | undefined {
  if (!loading) return undefined;
  const where = loading.total ? ` (${loading.done} of ${loading.total} files)` : '';
  return `*The precedent corpus is still loading${where}: these results may be incomplete.*`;
}

export interface Precedents {
  paragraph: LocatedParagraph;
  /** Share of the paragraph's words found in the best precedent. */
  coverage: number;
  /** The paragraph against the best precedent (when there is one): coverage and word diff. */
  comparison?: Comparison;
  matches: Match[];
}

/** The closest precedents of the paragraph at `offset` (`draftPath`: the draft's own file, never its precedent). */
export async function precedentsAt(
  access: PrecedentAccess,
  doc: ResolutionDocument,
  offset: number,
  top: number,
  draftPath: string | undefined,
): Promise<Precedents | undefined> {
  const para = paragraphAt(doc, offset);
  return para && precedentsOf(access, para, doc.lang, top, draftPath);
}

/** The closest precedents of a draft's paragraph (`lang`: the draft's language). */
export async function precedentsOf(
  access: PrecedentAccess,
  para: LocatedParagraph,
  lang: Lang,
  top: number,
  draftPath: string | undefined,
): Promise<Precedents> {
  const matches = await access.search('search', para.text, {
    top: Math.max(1, Math.min(50, top)),
    minScore: access.settings.minScore,
    excludePath: draftPath,
    lang,
  });
  const comparison = matches.length ? compare(para.text, matches[0].text) : undefined;
  return { paragraph: para, coverage: comparison?.coverage ?? 0, ...(comparison ? { comparison } : {}), matches };
}

export interface ParallelTexts {
  /** The corpus paragraph the draft's paragraph matches (its own language). */
  match?: { score: number; text: string; lang: Lang; symbol: string; paragraph: string; kind: string };
  parallels: ParallelText[];
  /** Why there is nothing to show. */
  reason?: string;
}

/** The paragraph at `offset`, its corpus match and that paragraph in the corpus's other languages. */
export function parallelTextsAt(corpus: Corpus, doc: ResolutionDocument, offset: number, draftPath: string | undefined): ParallelTexts {
  return parallelTextsOf(corpus, paragraphAt(doc, offset), doc.lang, draftPath);
}

/** A draft's paragraph (`lang`: the draft's language), its corpus match and that paragraph in the corpus's other languages. */
export function parallelTextsOf(
  corpus: Corpus,
  para: LocatedParagraph | undefined,
  lang: Lang,
  draftPath: string | undefined,
): ParallelTexts {
  if (!para) return { parallels: [], reason: 'the cursor is not in a paragraph' };
  const best = corpus.search(para.text, { top: 1, minScore: PARALLEL_MIN_SCORE, excludePath: draftPath, lang })[0];
  if (!best) return { parallels: [], reason: 'this paragraph matches no corpus paragraph closely enough' };
  const s = best.source;
  const parallels = corpus.parallel(best.id);
  return {
    match: { score: best.score, text: best.text, lang: s.lang ?? lang, symbol: s.symbol, paragraph: s.paragraph, kind: s.kind },
    parallels,
    ...(parallels.length ? {} : { reason: `the corpus holds ${s.symbol} in no other language` }),
  };
}
