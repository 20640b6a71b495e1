/** Folding ranges: the preamble, multi-line paragraphs, footnote blocks. */
import { FoldingRange, FoldingRangeKind, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import { foldingRanges } from '../core/folding';
import type { ServerContext } from '../server';

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { foldingRangeProvider: true };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges((params) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    return foldingRanges(ctx.parsed(document)).map((r): FoldingRange => ({
      startLine: r.startLine,
      endLine: r.endLine,
      kind: r.kind === 'comment' ? FoldingRangeKind.Comment : r.kind === 'region' ? FoldingRangeKind.Region : undefined,
    }));
  });
}
