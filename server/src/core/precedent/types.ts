/** Records of the precedent corpus. Plain data; no LSP import. */
import type { Lang } from '../languages';

export type ParagraphKind = 'preambular' | 'operative' | 'subparagraph' | 'other';
export const KINDS: ParagraphKind[] = ['preambular', 'operative', 'subparagraph', 'other'];

/** The document a corpus paragraph comes from. */
export interface SourceDocument {
  /** File path (absolute when loaded from disk). */
  path: string;
  /** Document symbol (A/RES/75/311); the file name when the document names none. */
  symbol: string;
  title?: string;
  /** Adoption date as written in resolutions ("23 July 2021"). */
  date?: string;
}

/** A paragraph handed to the index. */
export interface ParagraphRecord {
  /** The paragraph's text as written (italic markers kept; number or label not included). */
  text: string;
  kind: ParagraphKind;
  /** Paragraph number or label: "6", "6 (a)", "" for preambular paragraphs (their 1-based position is used). */
  paragraph: string;
  /** 1-based first line in a text file; 0 when unknown (XML). */
  line: number;
  source: SourceDocument;
  /** Language the paragraph is written in (default 'en'). */
  lang?: Lang;
}

/** Provenance of a match, as the command line and the `resolution/precedents` request report it. */
export interface MatchSource {
  path: string;
  symbol: string;
  title?: string;
  date?: string;
  kind: ParagraphKind;
  paragraph: string;
  line: number;
  /** The paragraph's language, when the corpus knows it. */
  lang?: Lang;
}

export interface Match {
  /** Similarity in [0, 1]. */
  score: number;
  text: string;
  /** Index id of the corpus paragraph. */
  id: number;
  source: MatchSource;
}

export interface SearchOptions {
  /** Number of results (default 5). */
  top?: number;
  /** Lowest similarity reported (default 0). */
  minScore?: number;
  /** Leave out paragraphs of this file (a document is not its own precedent). */
  excludePath?: string;
  /** Only these kinds. */
  kinds?: ParagraphKind[];
  /** The language of the draft asking (its `doc.lang`): only precedents written in it are returned (default 'en'). */
  lang?: Lang;
}
