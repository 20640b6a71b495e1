/**
 * The document model of a draft resolution.
 *
 * Plain TypeScript: no LSP or VS Code import. Positions follow the LSP convention
 * (0-based line, UTF-16 code unit character) so the server can hand ranges over unchanged;
 * every node carries its [start, end) offsets into the source text; its range is computed from them
 * on demand (SourceSpan in text.ts).
 */

import type { Lang } from './languages';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A stretch of the source: offsets [start, end) and the same as an LSP range. */
export interface Span {
  start: number;
  end: number;
  range: Range;
}

/** A piece of source text with where it stands. */
export interface TextSpan extends Span {
  text: string;
}

export type FootnoteStyle = 'unicode' | 'sup' | 'caret';

export interface FootnoteMarker extends Span {
  /** The footnote number or label as written, normalised to ASCII ("1", "14", "a"). */
  label: string;
  style: FootnoteStyle;
}

export interface FootnoteDefinition extends Span {
  label: string;
  style: FootnoteStyle;
  /** The marker at the start of the definition line. */
  marker: Span;
  /** The note's text after the marker. */
  text: string;
  /** "Ibid." notes refer to the note before. */
  ibid: boolean;
}

/** Closing punctuation, judged on the text before any trailing footnote markers. */
export interface Ending {
  /** The last significant character: ',', ';', '.', ':' or '' (none of those). */
  char: string;
  /** "; and" / "; or" endings of a sub-paragraph item before the last. */
  conjunction?: 'and' | 'or';
  /** Where the punctuation stands (empty span just after the last word when char is ''). */
  span: Span;
}

export type ItalicState = 'none' | 'partial' | 'full';

/** The opening phrase of a preambular or operative paragraph. */
export interface Opening extends TextSpan {
  /** How much of the phrase the writer italicised. */
  italic: ItalicState;
  /** The italic run at the start of the paragraph, markers included, if any. */
  italicSpan?: TextSpan;
  /** Lower-case words of the phrase without modifiers ("encourages", "calls upon"). */
  base: string;
  /** Lower-case modifiers found around the base ("also", "further", "strongly"). */
  modifiers: string[];
  /** True when the phrase was found in the phrase lists; false when only guessed. */
  known: boolean;
}

export interface Directive extends Span {
  kind: 'disable' | 'enable' | 'disable-next-paragraph' | 'disable-file';
  /** Rule ids named by the comment; empty means every rule. */
  rules: string[];
}

export interface Citation extends Span {
  /** The resolution symbol as cited ("70/1", "1514 (XV)", "2013/40", "A/RES/75/311"). */
  symbol: string;
  /** Normalised key used to compare citations of one resolution ("70/1"). */
  key: string;
  /** The date cited with it, if any ("25 September 2015"). */
  date?: TextSpan;
}

export interface CrossReference extends Span {
  /** Paragraph numbers referred to, as written ("5", "5 bis"). */
  targets: TextSpan[];
  /** The sub-paragraph label if given ("(a)"). */
  sub?: string;
  /** Where the letters of that label stand ("e" of "(e)"). */
  subSpan?: TextSpan;
  direction?: 'above' | 'below';
}

export type SubLabelStyle = 'paren-alpha' | 'paren-roman' | 'dot-alpha' | 'dot-roman';

export interface SubParagraph extends Span {
  label: TextSpan;
  style: SubLabelStyle;
  /** 1-based ordinal value of the label ((c) → 3, (iv) → 4). */
  value: number;
  /** Level of nesting, 1 for (a), 2 for (i) under (a)... */
  level: number;
  text: string;
  ending: Ending;
  children: SubParagraph[];
  footnotes: FootnoteMarker[];
}

/** An item of a list numbered from 1 again inside an operative paragraph (a provisional agenda). */
export interface ListItem extends Span {
  number: TextSpan;
  text: string;
}

interface ParagraphBase extends Span {
  /** The source ranges that make up the paragraph: the first line block and re-attached fragments. */
  fragments: Span[];
  /** The paragraph's source text, fragments joined with a single space. */
  text: string;
  ending: Ending;
  footnotes: FootnoteMarker[];
  /** Index of the block in ResolutionDocument.blocks. */
  blockIndex: number;
}

export interface PreambularParagraph extends ParagraphBase {
  kind: 'preambular';
  opening?: Opening;
  /** The whole paragraph is wrapped in a stray *…* (a converted-text quirk). */
  wrappedInItalic: boolean;
}

export interface OperativeParagraph extends ParagraphBase {
  kind: 'operative';
  /** The number token ("6", "5 bis"); absent for a single unnumbered operative paragraph. */
  number?: OperativeNumber;
  opening?: Opening;
  /** Further italic verbs inside the paragraph (`*Urges* Parties and *invites* non-Parties`). */
  extraVerbs: TextSpan[];
  /** The text before the first sub-paragraph (the whole text when there are none). */
  leadIn: TextSpan;
  /** The closing punctuation of the lead-in (':' before sub-paragraphs). */
  leadInEnding: Ending;
  subparagraphs: SubParagraph[];
  listItems: ListItem[];
}

export interface OperativeNumber extends TextSpan {
  value: number;
  /** "bis", "ter", … for inserted paragraphs of negotiation drafts. */
  suffix?: string;
}

export interface AuthorityLine extends TextSpan {
  italic: boolean;
  /** Number of source lines it spans. */
  lineCount: number;
  /** The comma at its end, if any. */
  comma?: Span;
  /** Where it stands: before the preamble (UN style) or after it (CMS style). */
  placement: 'beforePreamble' | 'afterPreamble';
}

export type BlockKind =
  | 'frontMatter'
  | 'heading'
  | 'authority'
  | 'preambular'
  | 'operative'
  | 'footnoteDefinition'
  | 'rule'
  | 'meeting'
  | 'annex'
  | 'directive'
  | 'other';

/** Every top-level block of the document in source order, each pointing at its model node. */
export interface Block extends Span {
  kind: BlockKind;
  text: string;
  /** For headings, the level (number of #). */
  level?: number;
}

export interface ResolutionDocument {
  /** 'resolution' when there is an authority line or numbered italic-verb paragraphs. */
  kind: 'resolution' | 'other';
  /** The language of the draft (ISO 639-1): from its front matter `lang:`, the setting, or its text. */
  lang: Lang;
  /** Where `lang` came from. */
  langSource: 'front matter' | 'setting' | 'detected';
  source: string;
  lineCount: number;
  /** Offset of the start of every line. */
  lineStarts: number[];
  /** Free-form front matter blocks and headings before the authority line / preamble. */
  frontMatter: Block[];
  /** The document symbol, if the front matter names one (A/RES/75/311, UNEP/CMS/Resolution 11.31 (Rev.COP14)). */
  symbol?: TextSpan;
  /** The title line, if found (75/311. Tackling illicit trafficking in wildlife). */
  title?: TextSpan;
  /** The adoption date, if the front matter states it. */
  date?: TextSpan;
  authority?: AuthorityLine;
  preamble: PreambularParagraph[];
  operative: OperativeParagraph[];
  footnoteMarkers: FootnoteMarker[];
  footnoteDefinitions: FootnoteDefinition[];
  meeting?: TextSpan;
  annexes: Block[];
  blocks: Block[];
  directives: Directive[];
  citations: Citation[];
  crossReferences: CrossReference[];
  /** Set when the parser failed on this text and fell back to one plain block (a parser bug). */
  error?: string;
}

export type Paragraph = PreambularParagraph | OperativeParagraph;
