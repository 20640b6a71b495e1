/**
 * What the editor shows of a document besides its findings — outline symbols, folding ranges,
 * link sources, status-bar figures, the preview — as plain data computed from one parse. The same
 * functions run in the server's thread (small documents, on the shared model) and in a document
 * worker (large ones, on the worker's own parse), so a large draft is never parsed in the thread
 * that answers requests. Nothing here knows about LSP connections or threads.
 */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from 'vscode-languageserver-protocol';
import { foldingRanges } from '../core/folding';
import type { ResolutionDocument, Range } from '../core/model';
import { negotiation } from '../core/negotiation';
import { outline, plain, type OutlineNode } from '../core/outline';
import { renderDraftHtml } from '../core/render/html';
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

/** A range as plain data (model ranges may be computed on demand). */
function plainRange(r: Range): Range {
  return { start: { line: r.start.line, character: r.start.character }, end: { line: r.end.line, character: r.end.character } };
}

/** Outline symbols (Outline view, breadcrumbs): a negotiation draft's paragraphs by status, else the parsed structure. */
export function documentSymbols(doc: ResolutionDocument): DocumentSymbol[] {
  return negotiationSymbols(doc.source) ?? outline(doc).map(toSymbol);
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

export function previewView(doc: ResolutionDocument): PreviewView {
  return { html: renderDraftHtml(doc), title: doc.symbol?.text ?? doc.title?.text ?? '' };
}
