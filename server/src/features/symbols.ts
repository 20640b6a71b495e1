/** Document symbols (Outline, breadcrumbs): preamble, operative paragraphs, sub-paragraphs. */
import { DocumentSymbol, SymbolKind, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../server';
import { outline, OutlineNode } from '../core/outline';

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
    return outline(ctx.parsed(document)).map(toSymbol);
  });
}

