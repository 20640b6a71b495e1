/**
 * The corpus requests between the VS Code client and the language server: their method names
 * and types, written once and imported by both sides (each builds its RequestType from them).
 */
import type { Lang } from './core/languages';
import type { SourceStats, ParallelText } from './core/precedent/corpus';

export type { SourceStats, ParallelText };

/** `resolution/corpusSources`: what the corpus holds, per source, and where it is configured. */
export const CORPUS_SOURCES = 'resolution/corpusSources';
export interface CorpusSourcesResult {
  /** True while the corpus is (re)loading. */
  loading: boolean;
  progress?: { done: number; total: number };
  sources: SourceStats[];
  /** The nearest `.resolutionrc.json`, if the workspace has one. */
  rcFile?: string;
  /** Sources named by `.resolutionrc.json` and by the VS Code setting (absolute paths). */
  rcPaths: string[];
  settingPaths: string[];
  paragraphs: number;
  languages: Lang[];
}

/** `resolution/corpusEdit`: adds or removes a source in the project's `.resolutionrc.json`. */
export const CORPUS_EDIT = 'resolution/corpusEdit';
export interface CorpusEditParams {
  action: 'add' | 'remove';
  path: string;
}
export interface CorpusEditResult {
  /** The configuration file written; absent when the workspace has none (use the VS Code setting). */
  file?: string;
  changed: boolean;
  error?: string;
}

/** `resolution/parallelTexts`: the paragraph at a position, its corpus match and that paragraph in the other languages. */
export const PARALLEL_TEXTS = 'resolution/parallelTexts';
export interface ParallelTextsParams {
  uri: string;
  position: { line: number; character: number };
}
export interface ParallelTextsResult {
  /** The corpus paragraph the draft's paragraph matches (its own language). */
  match?: { score: number; text: string; lang: Lang; symbol: string; paragraph: string; kind: string };
  parallels: ParallelText[];
  /** Why there is nothing to show. */
  reason?: string;
}
