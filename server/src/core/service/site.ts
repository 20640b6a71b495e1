/**
 * What the editor's features need of a document at one position — the footnote, citation or
 * paragraph under the cursor, the kind and italics style of a paragraph being written, the
 * paragraph a finding belongs to — as plain data (no model, no LSP). The same function runs on
 * the model in the server's thread (small drafts) and in a document worker (large ones, whose
 * model never enters the server's thread); the hover, completion and precedent services answer
 * from it with the corpus.
 */
import type { Lang } from '../languages';
import type { Range, ResolutionDocument } from '../model';
import { italicStyle, paragraphAt, type LocatedParagraph } from '../precedent/locate';
import { escapeMarkdown } from '../precedent/markdown';
import { LineIndex } from '../text';

/** A resolution symbol under the cursor: a citation or the draft's own symbol. */
export interface SymbolSite {
  range: Range;
  /** As cited ("70/1") or as written at the top of the draft. */
  symbol: string;
  /** The corpus key of a citation; absent for the draft's own symbol (looked up by `symbol`). */
  key?: string;
  /** The date cited with it, as written. */
  citedDate?: string;
}

/** The opening phrase of a paragraph, as the "Also …" suggestions need it. */
export interface OpeningSite {
  base: string;
  modifiers: string[];
}

/** What a completion needs of the document besides its text. */
export interface CompletionSite {
  /** The kind of an unnumbered paragraph at the cursor's line (numbered ones are operative). */
  kind: 'preambular' | 'operative';
  /** Whether the document italicises the openings of each kind. */
  italic: { preambular: boolean; operative: boolean };
  /** The opening of the last paragraph of each kind before the cursor's line. */
  previous: { preambular?: OpeningSite; operative?: OpeningSite };
}

/** The document at a position. */
export interface PositionSite {
  lang: Lang;
  /** On a footnote marker: the hover showing its note. */
  footnote?: { markdown: string; range: Range };
  symbol?: SymbolSite;
  paragraph?: LocatedParagraph;
  completion: CompletionSite;
}

/** A range as plain data (model ranges may be computed on demand). */
export function plainRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

const inside = (offset: number, s: { start: number; end: number }) => offset >= s.start && offset < s.end;

export function footnoteSite(doc: ResolutionDocument, offset: number): PositionSite['footnote'] {
  const marker = doc.footnoteMarkers.find((m) => inside(offset, m));
  if (!marker) return undefined;
  const def = doc.footnoteDefinitions.find((d) => d.label === marker.label);
  const markdown = def
    ? `**Footnote ${escapeMarkdown(marker.label)}**: ${escapeMarkdown(def.text.trim())}`
    : `**Footnote ${escapeMarkdown(marker.label)}**: no definition in this document`;
  return { markdown, range: plainRange(marker.range) };
}

export function symbolSite(doc: ResolutionDocument, offset: number): SymbolSite | undefined {
  const citation = doc.citations.find((c) => inside(offset, { start: c.start, end: c.date ? Math.max(c.end, c.date.end) : c.end }));
  if (citation) {
    const cited = citation.date?.text.replace(/\s+/g, ' ').trim();
    return { range: plainRange(citation.range), symbol: citation.symbol, key: citation.key, ...(cited ? { citedDate: cited } : {}) };
  }
  if (doc.symbol && inside(offset, doc.symbol)) return { range: plainRange(doc.symbol.range), symbol: doc.symbol.text.trim() };
  return undefined;
}

function kindHere(doc: ResolutionDocument, line: number): 'preambular' | 'operative' {
  const firstOp = doc.operative[0];
  if (firstOp && firstOp.range.start.line < line) return 'operative';
  if (doc.authority && doc.authority.placement === 'afterPreamble' && doc.authority.range.start.line < line) return 'operative';
  return 'preambular';
}

/** The opening of the last paragraph of a kind that ends before `line`. */
function previousOpening(doc: ResolutionDocument, line: number, kind: 'preambular' | 'operative'): OpeningSite | undefined {
  const paras = kind === 'operative' ? doc.operative : doc.preamble;
  let prev: (typeof paras)[number] | undefined;
  for (const p of paras) if (p.range.end.line < line) prev = p;
  return prev?.opening ? { base: prev.opening.base, modifiers: [...prev.opening.modifiers] } : undefined;
}

/** The document at `offset`. */
export function siteAt(doc: ResolutionDocument, offset: number): PositionSite {
  const line = new LineIndex(doc.source, doc.lineStarts).positionAt(offset).line;
  const paragraph = paragraphAt(doc, offset);
  const footnote = footnoteSite(doc, offset);
  const symbol = symbolSite(doc, offset);
  return {
    lang: doc.lang,
    ...(footnote ? { footnote } : {}),
    ...(symbol ? { symbol } : {}),
    ...(paragraph ? { paragraph: { ...paragraph, range: plainRange(paragraph.range) } } : {}),
    completion: {
      kind: kindHere(doc, line),
      italic: { preambular: italicStyle(doc, 'preambular'), operative: italicStyle(doc, 'operative') },
      previous: { preambular: previousOpening(doc, line, 'preambular'), operative: previousOpening(doc, line, 'operative') },
    },
  };
}

/**
 * Where the comment that disables a check for one paragraph goes, for a finding on `line`: the
 * first line of that paragraph (or of the block there).
 */
export function paragraphStartLine(doc: ResolutionDocument, line: number): number {
  const offset = doc.lineStarts[Math.max(0, Math.min(line, doc.lineStarts.length - 1))] ?? 0;
  const inPara = (s: { start: number; end: number }) => offset >= s.start && offset <= s.end;
  for (const p of [...doc.preamble, ...doc.operative]) {
    if (inPara(p) || p.fragments.some(inPara)) return p.range.start.line;
  }
  const block = doc.blocks.find(inPara);
  return block ? block.range.start.line : line;
}
