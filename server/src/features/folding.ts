/**
 * Folding ranges: the preamble, multi-line paragraphs, footnote blocks.
 * Computed by services/documentViews.ts — a large draft's in a document worker.
 */
import { InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { ServerContext } from '../server';
import { cancelledResponse, JobCancelled } from '../services/documentService';

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { foldingRangeProvider: true };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onFoldingRanges(async (params, token) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    try {
      return (await ctx.docs.views(document, token)).folding;
    } catch (err) {
      if (err instanceof JobCancelled) throw cancelledResponse(token);
      throw err;
    }
  });
}
