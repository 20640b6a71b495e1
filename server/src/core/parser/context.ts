/** What the passes of one parse share: the source, its line index, the language, the document built so far. */
import type { Block, BlockKind, OperativeParagraph, PreambularParagraph, ResolutionDocument, SubLabelStyle, SubParagraph } from '../model';
import { phraseKnowledge, type ExtraPhrases, type PhraseKnowledge } from '../phrase-knowledge';
import { LineIndex } from '../text';
import { languageFacts, type LanguageFacts } from '../language-facts';
import { documentLanguage, type LanguageSetting } from '../detect-language';
import { NUMBER_RE, numberRe, SUBLABEL_CLOSE_RE, SUBLABEL_RE } from './patterns';
import type { RawBlock } from './blocks';

export interface ParseOptions {
  /** Phrase knowledge used to find opening phrases (defaults to the built-in knowledge of the draft's language). */
  phrases?: PhraseKnowledge;
  /** The user's extra phrases (settings), known to the parser as to the checks. */
  extraPhrases?: ExtraPhrases;
  /** The `resolution.language` setting: a language, or `auto` to detect it (a front matter `lang:` line wins). */
  language?: LanguageSetting;
}

/** The part of the draft the structure pass is in. */
export type Part = 'front' | 'preamble' | 'operative' | 'closing' | 'annex';

export class ParseContext {
  readonly index: LineIndex;
  readonly phrases: PhraseKnowledge;
  readonly facts: LanguageFacts;
  readonly numberRe: RegExp;
  readonly sublabelRe: RegExp;
  readonly doc: ResolutionDocument;
  raw: RawBlock[] = [];
  state: Part = 'front';
  /** The paragraph that a fragment would continue. */
  current?: PreambularParagraph | OperativeParagraph;
  /** Sub-paragraph nesting of the current operative paragraph. */
  subStack: Array<{ style: SubLabelStyle; value: number; node: SubParagraph }> = [];
  listMode = false;
  /** The current paragraph adopts a text that follows it ("*Adopts* the following declaration:"). */
  adopting = false;
  /** A footnote block or rule stands between the current paragraph and the block being read. */
  pageBreak = false;
  /** For each block, the value of the first numbered block after it (computed once, when asked). */
  nextNumbered?: Array<number | undefined>;

  constructor(
    readonly source: string,
    options: ParseOptions,
  ) {
    this.index = new LineIndex(source);
    const language = documentLanguage(source, options.language ?? 'auto');
    this.phrases = options.phrases ?? phraseKnowledge(options.extraPhrases ?? {}, language.lang);
    this.facts = languageFacts(language.lang);
    this.numberRe = this.facts.numberDelimiter === String.raw`\.` ? NUMBER_RE : numberRe(this.facts.numberDelimiter);
    this.sublabelRe = this.facts.closingParenLabels ? SUBLABEL_CLOSE_RE : SUBLABEL_RE;
    this.doc = emptyDocument(source, this.index);
    this.doc.lang = language.lang;
    this.doc.langSource = language.source;
  }

  addBlock(b: RawBlock, kind: BlockKind, extra: Partial<Block> = {}): Block {
    const block: Block = this.index.node(b.start, b.end, { kind, text: b.text, ...extra });
    this.doc.blocks.push(block);
    if (kind === 'annex') this.doc.annexes.push(block);
    return block;
  }
}

export function emptyDocument(source: string, index: LineIndex): ResolutionDocument {
  return {
    kind: 'other',
    lang: 'en',
    langSource: 'detected',
    source,
    lineCount: index.lineStarts.length,
    lineStarts: index.lineStarts,
    frontMatter: [],
    preamble: [],
    operative: [],
    footnoteMarkers: [],
    footnoteDefinitions: [],
    annexes: [],
    blocks: [],
    directives: [],
    citations: [],
    crossReferences: [],
  };
}
