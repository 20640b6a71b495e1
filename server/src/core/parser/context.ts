/** What the passes of one parse share: the source, its line index, the language, the document built so far. */
import type {
  Block,
  BlockKind,
  FootnoteMarker,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  SubLabelStyle,
  SubParagraph,
} from '../model';
import { phraseKnowledge, type ExtraPhrases, type PhraseKnowledge } from '../phrase-knowledge';
import { BlockNode, LineIndex } from '../text';
import { languageFacts, type LanguageFacts } from '../language-facts';
import { documentLanguage, type LanguageSetting } from '../detect-language';
import { NUMBER_RE, numberRe, SUBLABEL_CLOSE_RE, SUBLABEL_RE } from './patterns';
import type { RawBlock } from './blocks';
import { emphasisMarks, footnoteMarkersIn } from './inline';

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

/** A list markersOf gives markersIn to fill and empties again. */
const SCRATCH: FootnoteMarker[] = [];

export class ParseContext {
  readonly index: LineIndex;
  readonly phrases: PhraseKnowledge;
  readonly facts: LanguageFacts;
  readonly numberRe: RegExp;
  readonly sublabelRe: RegExp;
  readonly doc: ResolutionDocument;
  raw: RawBlock[] = [];
  /**
   * When re-parsing: the blocks after `raw` are the previous parse's blocks from `first` on, moved by
   * `delta` (read on demand).
   */
  tail?: { blocks: readonly RawBlock[]; first: number; delta: number; made: RawBlock[] };

  /** How many blocks the source has. */
  get blockCount(): number {
    return this.raw.length + (this.tail ? this.tail.blocks.length - this.tail.first : 0);
  }

  /** Block i. */
  block(i: number): RawBlock {
    if (i < this.raw.length || !this.tail) return this.raw[i];
    const t = this.tail;
    const k = i - this.raw.length;
    let b = t.made[k];
    if (!b) {
      const old = t.blocks[t.first + k];
      const start = old.start + t.delta;
      b = t.made[k] = { start, end: old.end + t.delta, text: this.source.slice(start, old.end + t.delta) };
    }
    return b;
  }
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
  /** For each block, the index of the first numbered block after it (-1: none) and the blocks' numbers (computed once, when asked). */
  nextNumbered?: { next: Int32Array; values: number[] };
  /** The block being given its role. */
  at = 0;
  /** Per block, the last block its role was decided on (-1: itself only), for re-parsing by block. */
  look: number[] = [];

  /** The role of the block being read depends on block k (or the end, k = raw.length). */
  lookahead(k: number): void {
    if (k > (this.look[this.at] ?? -1)) this.look[this.at] = k;
  }

  constructor(
    readonly source: string,
    options: ParseOptions,
    lines?: LineIndex,
    lang?: ReturnType<typeof documentLanguage>,
  ) {
    this.index = lines ?? new LineIndex(source);
    const language = lang ?? documentLanguage(source, options.language ?? 'auto');
    this.phrases = options.phrases ?? phraseKnowledge(options.extraPhrases ?? {}, language.lang);
    this.facts = languageFacts(language.lang);
    this.numberRe = this.facts.numberDelimiter === String.raw`\.` ? NUMBER_RE : numberRe(this.facts.numberDelimiter);
    this.sublabelRe = this.facts.closingParenLabels ? SUBLABEL_CLOSE_RE : SUBLABEL_RE;
    this.doc = emptyDocument(source, this.index);
    this.doc.lang = language.lang;
    this.doc.langSource = language.source;
  }

  /**
   * Set by a full parse: the emphasis scan then reads the offsets of every `*`, `_` and `\\` of the
   * source (found once, a few fast searches) instead of every character of each paragraph. A
   * re-parse, which reads a few paragraphs, scans them as they are.
   */
  wholeSource = false;
  private marks?: Int32Array;

  /** The emphasis marks of the source, when the whole source is being parsed (see wholeSource). */
  emphasisMarks(): Int32Array | undefined {
    if (!this.wholeSource) return undefined;
    return (this.marks ??= emphasisMarks(this.source));
  }

  /** Every footnote marker of the source and the length of the longest (set by a re-parse, else found when first asked). */
  markers?: { all: FootnoteMarker[]; longest: number };

  /** Every footnote marker of the source, in order (found once). */
  allMarkers(): FootnoteMarker[] {
    return this.markerScan().all;
  }

  private markerScan(): { all: FootnoteMarker[]; longest: number } {
    if (!this.markers) {
      const all = footnoteMarkersIn(this.source, this.index, 0, this.source.length, []);
      let longest = 0;
      for (const m of all) longest = Math.max(longest, m.end - m.start);
      this.markers = { all, longest };
    }
    return this.markers;
  }

  /**
   * The footnote markers in [from, to), appended to `out` and returned: the markers of the whole
   * source that lie inside, the same nodes, unless one straddles an end (then the stretch is read alone).
   */
  markersIn(from: number, to: number, out: FootnoteMarker[]): FootnoteMarker[] {
    const { all, longest } = this.markerScan();
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (all[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && all[k].start > from - longest; k--) {
      if (all[k].end > from) return footnoteMarkersIn(this.source, this.index, from, to, out);
    }
    let k = lo;
    for (; k < all.length && all[k].start < to; k++) {
      if (all[k].end > to) return footnoteMarkersIn(this.source, this.index, from, to, out);
    }
    const found = k > lo ? all.slice(lo, k) : [];
    for (const m of found) out.push(m);
    return found;
  }

  /** The footnote markers in [from, to) (markersIn without a list to add them to). */
  markersOf(from: number, to: number): FootnoteMarker[] {
    const found = this.markersIn(from, to, SCRATCH);
    SCRATCH.length = 0;
    return found;
  }

  addBlock(b: RawBlock, kind: BlockKind, level?: number): Block {
    const block = new BlockNode(this.index, b.start, b.end, kind, b.text, level) as Block & BlockNode;
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
