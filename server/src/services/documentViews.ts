/**
 * What the editor shows of a document besides its findings — outline symbols, folding ranges,
 * link sources, status-bar figures, the preview — as plain data computed from one parse. The same
 * functions run in the server's thread (small documents, on the shared model) and in a document
 * worker (large ones, on the worker's own parse), so a large draft is never parsed in the thread
 * that answers requests. Nothing here knows about LSP connections or threads.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import type { Edit } from '../core/findings';
import { renumberFootnotesEdits, renumberOperativeEdits } from '../core/fix';
import { foldingRanges } from '../core/folding';
import { phraseKnowledge } from '../core/rules/phrase-knowledge';
import { loneInSection, misplacedPreambular } from '../core/rules/util';
import type { ResolutionDocument, Range } from '../core/model';
import { negotiation } from '../core/negotiation';
import { outline, plain, type OutlineNode } from '../core/outline';
import { renderDraftHtml } from '../core/render/html';
import { plainRange, siteAt, paragraphStartLine, type PositionSite } from '../core/service/site';
import { LineIndex } from '../core/text';

/** A place a document link may point from: a cited resolution or the draft's own symbol. */
export interface LinkSource {
  range: Range;
  /** The symbol as written. */
  symbol: string;
  /** The corpus key to look it up by. */
  key: string;
  /** Up to 80 characters before the symbol (the organ named before it). */
  before: string;
}

/** `resolution/stats`: what the status bar shows. */
export interface DocumentStats {
  kind: ResolutionDocument['kind'];
  preambular: number;
  operative: number;
  footnotes: number;
  lang: ResolutionDocument['lang'];
  langSource: ResolutionDocument['langSource'];
}

/** The views the editor asks for when it opens a document, computed together from one parse. */
export interface DocumentViews {
  symbols: DocumentSymbol[];
  folding: FoldingRange[];
  links: LinkSource[];
  stats: DocumentStats;
}

export interface PreviewView {
  html: string;
  title: string;
}

const STATUS_LABEL = { agreed: 'agreed', bracketed: 'bracketed', pending: 'pending', deleted: 'deleted' } as const;

/** A negotiation draft's outline: each paragraph under its label, with its status as detail. */
function negotiationSymbols(text: string): DocumentSymbol[] | undefined {
  const n = negotiation(text);
  if (!n.isDraft || n.paragraphs.length === 0) return undefined;
  const lines = new LineIndex(text);
  const range = (s: number, e: number) => lines.range(s, e);
  const sym = (p: (typeof n.paragraphs)[number]): DocumentSymbol => {
    const words = plain(
      text
        .slice(p.start, p.end)
        .replace(/^\s*\[?\s*(?:\*\*)?(?:PP|OP)?\s?\d*(?:\s+(?:bis|ter|quater|alt)\b(?:\s*\d+)?)*\.?(?:\*\*)?\s*/, ''),
    )
      .split(' ')
      .slice(0, 4)
      .join(' ');
    const detail = `${STATUS_LABEL[p.status]}${p.brackets ? ` · ${p.brackets} bracket${p.brackets > 1 ? 's' : ''}` : ''}`;
    return {
      name: `${p.label} ${words}`.trim(),
      detail,
      kind: p.kind === 'preambular' ? SymbolKind.Field : SymbolKind.Method,
      range: range(p.start, p.end),
      selectionRange: range(p.start, p.start),
      children: [],
    };
  };
  const pre = n.paragraphs.filter((p) => p.kind === 'preambular');
  const out: DocumentSymbol[] = [];
  if (pre.length) {
    const count = (st: string) => pre.filter((p) => p.status === st).length;
    out.push({
      name: 'Preamble',
      detail: `${pre.length} paragraphs · ${count('agreed')} agreed, ${count('bracketed')} bracketed, ${count('pending')} pending`,
      kind: SymbolKind.Namespace,
      range: range(pre[0].start, pre[pre.length - 1].end),
      selectionRange: range(pre[0].start, pre[0].start),
      children: pre.map(sym),
    });
  }
  for (const p of n.paragraphs) if (p.kind === 'operative') out.push(sym(p));
  return out;
}

const KIND: Record<OutlineNode['kind'], SymbolKind> = {
  heading: SymbolKind.String,
  authority: SymbolKind.Constant,
  preamble: SymbolKind.Namespace,
  preambular: SymbolKind.Field,
  operativePart: SymbolKind.Namespace,
  operative: SymbolKind.Method,
  subparagraph: SymbolKind.EnumMember,
  footnotes: SymbolKind.Namespace,
  annex: SymbolKind.Module,
};

function toSymbol(n: OutlineNode): DocumentSymbol {
  return {
    name: n.name || ' ',
    detail: n.detail,
    kind: KIND[n.kind],
    range: plainRange(n.range),
    selectionRange: plainRange(n.selectionRange),
    children: n.children.map(toSymbol),
  };
}

/**
 * Outlines with more entries than this are compact: names cut to COMPACT_NAME_CHARS, no detail
 * text, no sub-paragraphs (the preamble keeps its paragraphs), and at most MAX_OUTLINE_SYMBOLS
 * entries, the last saying how many were left out. A 10 MB draft's full outline is ~19 MB of JSON
 * that the server must read and write again; nobody reads 50,000 entries in an Outline view.
 */
export const COMPACT_OUTLINE_SYMBOLS = 2000;
export const MAX_OUTLINE_SYMBOLS = 5000;
export const COMPACT_NAME_CHARS = 40;

function countSymbols(symbols: DocumentSymbol[]): number {
  let n = 0;
  for (const s of symbols) n += 1 + (s.children ? countSymbols(s.children) : 0);
  return n;
}

function compactName(name: string): string {
  return name.length > COMPACT_NAME_CHARS ? name.slice(0, COMPACT_NAME_CHARS - 1).trimEnd() + '…' : name;
}

/** A large outline made compact (see COMPACT_OUTLINE_SYMBOLS); smaller ones as they are. */
export function compactOutline(symbols: DocumentSymbol[]): DocumentSymbol[] {
  const total = countSymbols(symbols);
  if (total <= COMPACT_OUTLINE_SYMBOLS) return symbols;
  let budget = MAX_OUTLINE_SYMBOLS - 1; // one entry is kept for the note on what was left out
  let kept = 0;
  const take = (s: DocumentSymbol, structural: boolean): DocumentSymbol | undefined => {
    if (budget <= 0) return undefined;
    budget--;
    kept++;
    const out: DocumentSymbol = { name: compactName(s.name), kind: s.kind, range: s.range, selectionRange: s.selectionRange };
    if (structural && s.children?.length) {
      out.children = [];
      for (const c of s.children) {
        const t = take(c, false);
        if (t) out.children.push(t);
      }
    }
    return out;
  };
  const out: DocumentSymbol[] = [];
  for (const s of symbols) {
    // Containers (the preamble, an annex) keep their paragraphs; a paragraph's sub-paragraphs go.
    const t = take(s, s.kind === SymbolKind.Namespace || s.kind === SymbolKind.Module);
    if (t) out.push(t);
  }
  const omitted = total - kept;
  if (omitted > 0) {
    const last = symbols[symbols.length - 1];
    out.push({
      name: `… ${omitted.toLocaleString('en')} more entries not listed (the outline of a draft this long is limited to ${MAX_OUTLINE_SYMBOLS.toLocaleString('en')} entries)`,
      kind: SymbolKind.Null,
      range: last.range,
      selectionRange: { start: last.range.end, end: last.range.end },
    });
  }
  return out;
}

/** Outline symbols (Outline view, breadcrumbs): a negotiation draft's paragraphs by status, else the parsed structure; compact when long. */
export function documentSymbols(doc: ResolutionDocument): DocumentSymbol[] {
  return compactOutline(negotiationSymbols(doc.source) ?? outline(doc).map(toSymbol));
}

/** Folding ranges: the preamble, multi-line paragraphs, footnote blocks. */
export function documentFolding(doc: ResolutionDocument): FoldingRange[] {
  return foldingRanges(doc).map((r): FoldingRange => ({
    startLine: r.startLine,
    endLine: r.endLine,
    kind: r.kind === 'comment' ? FoldingRangeKind.Comment : r.kind === 'region' ? FoldingRangeKind.Region : undefined,
  }));
}

/** Where links may start: the cited resolutions, then the draft's own symbol. */
export function linkSources(doc: ResolutionDocument): LinkSource[] {
  const before = (start: number) => doc.source.slice(Math.max(0, start - 80), start);
  const out: LinkSource[] = doc.citations.map((c) => ({
    range: plainRange(c.range),
    symbol: c.symbol,
    key: c.key,
    before: before(c.start),
  }));
  if (doc.symbol)
    out.push({
      range: plainRange(doc.symbol.range),
      symbol: doc.symbol.text,
      key: doc.symbol.text.replace(/^A\/RES\//, ''),
      before: before(doc.symbol.start),
    });
  return out;
}

export function documentStats(doc: ResolutionDocument): DocumentStats {
  const labels = new Set(doc.footnoteDefinitions.map((d) => d.label));
  for (const m of doc.footnoteMarkers) labels.add(m.label);
  return {
    kind: doc.kind,
    preambular: doc.preamble.length,
    operative: doc.operative.length,
    footnotes: labels.size,
    lang: doc.lang,
    langSource: doc.langSource,
  };
}

export function documentViews(doc: ResolutionDocument): DocumentViews {
  return { symbols: documentSymbols(doc), folding: documentFolding(doc), links: linkSources(doc), stats: documentStats(doc) };
}

/** What the hover, completion, precedent and code-action features ask of a document: the site at an offset, the paragraphs' first lines of findings. */
export interface SiteQuery {
  offset?: number;
  lines?: number[];
  /**
   * The edits renumbering the operative paragraphs (as the operative-numbering check does: draft
   * mode keeps `5 bis`, misplaced paragraphs take no number) or the footnotes.
   */
  renumber?: { what: 'paragraphs'; draftMode: boolean; phrases: { operative: string[]; preambular: string[] } } | { what: 'footnotes' };
}

export interface SiteView {
  site?: PositionSite;
  /** The first line of the paragraph of each of `lines` (where a comment disabling a check for it goes). */
  lines?: number[];
  edits?: Edit[];
}

function renumberEdits(doc: ResolutionDocument, r: NonNullable<SiteQuery['renumber']>): Edit[] {
  if (r.what === 'footnotes') return renumberFootnotesEdits(doc);
  const exclude = misplacedPreambular(doc, phraseKnowledge(r.phrases));
  for (const i of loneInSection(doc)) exclude.add(i);
  return renumberOperativeEdits(doc, r.draftMode, exclude);
}

export function siteView(doc: ResolutionDocument, query: SiteQuery): SiteView {
  return {
    ...(query.offset !== undefined ? { site: siteAt(doc, query.offset) } : {}),
    ...(query.lines ? { lines: query.lines.map((l) => paragraphStartLine(doc, l)) } : {}),
    ...(query.renumber ? { edits: renumberEdits(doc, query.renumber) } : {}),
  };
}

export function previewView(doc: ResolutionDocument): PreviewView {
  return { html: renderDraftHtml(doc), title: doc.symbol?.text ?? doc.title?.text ?? '' };
}
