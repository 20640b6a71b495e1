/**
 * textDocument/hover: footnotes, resolution symbols and a paragraph's precedents, from the
 * language service (core/service/hover.ts) as Markdown.
 */
import { Hover, InitializeParams, MarkupKind, ServerCapabilities } from 'vscode-languageserver/node';
import { corpusHover, footnoteHover, type HoverContent } from '../core/service/hover';
import type { ServerContext } from '../server';
import { uriToPath } from '../core/uri';

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { hoverProvider: true };
}

const toHover = (h: HoverContent | undefined): Hover | null =>
  h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;

export function register(ctx: ServerContext): void {
  ctx.connection.onHover(async (params, token): Promise<Hover | null> => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    const doc = ctx.parsed(document);
    const offset = document.offsetAt(params.position);
    // A footnote needs no corpus: it answers at once.
    const foot = footnoteHover(doc, offset);
    if (foot) return toHover(foot);
    const access = await ctx.corpus.access(1500);
    if (!access || token.isCancellationRequested) return null;
    return toHover(await corpusHover(access, doc, offset, uriToPath(document.uri)));
  });
}
