/** Document symbols (Outline, breadcrumbs): preamble, operative paragraphs, sub-paragraphs. */
import { DocumentSymbol, SymbolKind, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../server';
import { outline, plain, OutlineNode } from '../core/outline';
import { negotiation } from '../core/negotiation';
import type { TextDocument } from 'vscode-languageserver-textdocument';

const STATUS_LABEL = { agreed: 'agreed', bracketed: 'bracketed', pending: 'pending', deleted: 'deleted' } as const;

/** A negotiation draft's outline: each paragraph under its label, with its status as detail. */
function negotiationSymbols(document: TextDocument): DocumentSymbol[] | undefined {
  const text = document.getText();
  const n = negotiation(text);
  if (!n.isDraft || n.paragraphs.length === 0) return undefined;
  const range = (s: number, e: number) => ({ start: document.positionAt(s), end: document.positionAt(e) });
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
    range: n.range,
    selectionRange: n.selectionRange,
    children: n.children.map(toSymbol),
  };
}

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { documentSymbolProvider: true };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onDocumentSymbol((params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    return negotiationSymbols(document) ?? outline(ctx.parsed(document)).map(toSymbol);
  });
}
