/**
 * The custom requests and notifications between the VS Code client and the language server:
 * each method name with its parameter and result types, written once and imported by both sides
 * (`connection.onRequest(StatsRequest, …)` on the server, `client.sendRequest(StatsRequest, …)`
 * in the client). Only types come from the core, so the client bundle stays small.
 */
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Position, Range, TextEdit } from 'vscode-languageserver-protocol';
import type { Lang } from './core/languages';
import type { SourceStats, ParallelText } from './core/precedent/corpus';
import type { MatchSource, ParagraphKind } from './core/precedent/types';
import type { StatusReport } from './core/negotiation';
import type { Alternatives } from './core/negotiation/commands';
import type { DetailedComparison } from './core/compare/revisions';
import type { AlignSummary } from './core/compare/align';
import type { BaseResult } from './core/office/base';

export type { SourceStats, ParallelText, Alternatives, BaseResult, MatchSource };

/** A request about one open draft. */
export interface DocumentParams {
  uri: string;
}

// ---- the draft --------------------------------------------------------------------------------

/** What the status bar shows of a draft. */
export interface DocumentStats {
  kind: 'resolution' | 'other';
  preambular: number;
  operative: number;
  footnotes: number;
  /** The draft's language (en, fr, es, ru, ar, zh) and where it came from. */
  lang: string;
  langSource: 'front matter' | 'setting' | 'detected';
}
/** `resolution/stats`: the paragraph counts and language of an open draft (null when it is not open). */
export const StatsRequest = new RequestType<DocumentParams, DocumentStats | null, void>('resolution/stats');

export interface PreviewResult {
  html: string;
  title: string;
}
/** `resolution/preview`: the draft laid out as the UN issues it (HTML, escaped). */
export const PreviewRequest = new RequestType<DocumentParams, PreviewResult | null, void>('resolution/preview');

export interface ImportParams {
  /** The Word file, PDF or text file on disk. */
  path: string;
  trackedChanges?: 'accept' | 'proposals';
}
export interface ImportResult {
  draft?: string;
  warnings?: string[];
  error?: string;
}
/** `resolution/import`: a Word file, a PDF or text from a PDF turned into a draft. */
export const ImportRequest = new RequestType<ImportParams, ImportResult, void>('resolution/import');

// ---- the workspace check ----------------------------------------------------------------------

export interface CheckWorkspaceParams {
  /** Folders (paths or file URIs); the workspace folders when absent. */
  folders?: string[];
}
export interface CheckWorkspaceResult {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  skipped: Array<{ path: string; reason: string }>;
  /** Drafts passed over by the `ignore` setting or a .resolutionignore file. */
  ignored?: number;
  cancelled: boolean;
}
/** `resolution/checkWorkspace`: checks every draft under the folders and publishes the findings. */
export const CheckWorkspaceRequest = new RequestType<CheckWorkspaceParams | undefined, CheckWorkspaceResult, void>(
  'resolution/checkWorkspace',
);
export interface CheckWorkspaceProgress {
  done: number;
  total: number;
  path?: string;
}
/** `resolution/checkWorkspaceProgress`: server → client while the workspace check runs. */
export const CheckWorkspaceProgressNotification = new NotificationType<CheckWorkspaceProgress>('resolution/checkWorkspaceProgress');

// ---- negotiation texts ------------------------------------------------------------------------

export interface NegotiationStatus {
  isDraft: boolean;
  line: string;
  report: StatusReport;
  /** Each paragraph's range, in the order of report.byParagraph. */
  ranges: Range[];
  /** Ranges of the brackets ("[" … "]"), for highlighting. */
  brackets: Range[];
  tags: Range[];
}
/** `resolution/negotiationStatus`: the status of each paragraph of a negotiation text. */
export const NegotiationStatusRequest = new RequestType<DocumentParams, NegotiationStatus | null, void>('resolution/negotiationStatus');

/** `resolution/cleanText`: the text as it would be adopted (brackets and tags taken out). */
export const CleanTextRequest = new RequestType<DocumentParams, { text: string } | null, void>('resolution/cleanText');

export interface NegotiationEditParams {
  uri: string;
  position: Position;
  action: 'alternatives' | 'acceptAlternative' | 'removeBrackets' | 'markAgreed';
  choice?: number;
}
/** `alternatives` for the action 'alternatives' (null when there are none), `edits` for the others. */
export interface NegotiationEditResult {
  alternatives?: Alternatives | null;
  edits?: TextEdit[];
}
/** `resolution/negotiationEdit`: the negotiator's edits (accept an alternative, remove brackets, mark agreed). */
export const NegotiationEditRequest = new RequestType<NegotiationEditParams, NegotiationEditResult | null, void>(
  'resolution/negotiationEdit',
);

export interface CompareParams {
  oldText: string;
  newText: string;
}
export type CompareResult = DetailedComparison & { line: string };
/** `resolution/compare`: two revisions of a draft, paragraphs aligned and word-diffed. */
export const CompareRequest = new RequestType<CompareParams, CompareResult | null, void>('resolution/compare');

// ---- Word out and the base text ---------------------------------------------------------------

/** `resolution/base`: the base text of a draft (front matter `base:` or found in the corpus). */
export const BaseRequest = new RequestType<DocumentParams, BaseResult | null, void>('resolution/base');

export interface ExportParams {
  uri: string;
  /** The .docx file to write. */
  target: string;
}
export interface WriteResult {
  path?: string;
  bytes?: number;
  error?: string;
  base?: BaseResult['base'];
  summary?: AlignSummary;
}
/** `resolution/exportWord`: writes the draft as a .docx. */
export const ExportWordRequest = new RequestType<ExportParams, WriteResult, void>('resolution/exportWord');
/** `resolution/exportRedline`: writes a .docx with tracked changes against the base text. */
export const ExportRedlineRequest = new RequestType<ExportParams, WriteResult, void>('resolution/exportRedline');

export interface BaseChange {
  kind: 'insert' | 'delete' | 'added' | 'deleted';
  range: Range;
  text?: string;
  moved?: boolean;
}
export interface ChangesResult {
  error?: string;
  base?: BaseResult['base'];
  summary?: AlignSummary;
  changes?: BaseChange[];
}
/** `resolution/changesAgainstBase`: the draft's words inserted and deleted against its base text. */
export const ChangesAgainstBaseRequest = new RequestType<DocumentParams, ChangesResult, void>('resolution/changesAgainstBase');

// ---- the precedent corpus ---------------------------------------------------------------------

export interface PrecedentsParams {
  uri: string;
  position: Position;
  /** How many precedents (1–50, default 5). */
  top?: number;
}
export interface PrecedentMatch {
  score: number;
  text: string;
  source: MatchSource;
}
export interface PrecedentResult {
  paragraph: { text: string; range: Range; kind: ParagraphKind; number?: string };
  /** Share of the paragraph's words found in the best precedent. */
  coverage: number;
  matches: PrecedentMatch[];
}
/** `resolution/precedents`: the closest corpus paragraphs to the paragraph at a position. */
export const PrecedentsRequest = new RequestType<PrecedentsParams, PrecedentResult | null, void>('resolution/precedents');

export interface ReloadResult {
  files: number;
  paragraphs: number;
  skipped: Array<{ path: string; reason: string }>;
}
/** `resolution/reloadCorpus`: reads the corpus again; answers when it is loaded. */
export const ReloadCorpusRequest = new RequestType0<ReloadResult, void>('resolution/reloadCorpus');

/** `resolution/corpusChanged`: server → client when a corpus load finished. */
export const CorpusChangedNotification = new NotificationType<Record<string, never>>('resolution/corpusChanged');

/** `resolution/workspaceTrusted`: client → server when the user trusts the workspace (its sources may be read). */
export const WorkspaceTrustedNotification = new NotificationType0('resolution/workspaceTrusted');

/** `resolution/corpusDatabasePassword`: client → server, the corpus database's password from the secret storage. */
export const CorpusDatabasePasswordNotification = new NotificationType<{ password?: string }>('resolution/corpusDatabasePassword');

/** `resolution/corpusSources`: what the corpus holds, per source, and where it is configured. */
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
export const CorpusSourcesRequest = new RequestType0<CorpusSourcesResult, void>('resolution/corpusSources');

/** `resolution/corpusEdit`: adds or removes a source in the project's `.resolutionrc.json`. */
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
export const CorpusEditRequest = new RequestType<CorpusEditParams, CorpusEditResult, void>('resolution/corpusEdit');

/** `resolution/parallelTexts`: the paragraph at a position, its corpus match and that paragraph in the other languages. */
export interface ParallelTextsParams {
  uri: string;
  position: Position;
}
export interface ParallelTextsResult {
  /** The corpus paragraph the draft's paragraph matches (its own language). */
  match?: { score: number; text: string; lang: Lang; symbol: string; paragraph: string; kind: string };
  parallels: ParallelText[];
  /** Why there is nothing to show. */
  reason?: string;
}
export const ParallelTextsRequest = new RequestType<ParallelTextsParams, ParallelTextsResult, void>('resolution/parallelTexts');
