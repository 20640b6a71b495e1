/**
 * textDocument/hover: footnotes, resolution symbols and a paragraph's precedents, from the
 * language service (core/service/hover.ts) as Markdown.
 */
import { Hover, InitializeParams, MarkupKind, ServerCapabilities } from 'vscode-languageserver/node';
import { siteHover, type HoverContent } from '../core/service/hover';
import type { ServerContext } from '../server';
import { uriToPath } from '../core/uri';
import { siteFor } from './site';

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { hoverProvider: true };
}

const toHover = (h: HoverContent | undefined): Hover | null =>
  h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;

export function register(ctx: ServerContext): void {
  ctx.connection.onHover(async (params, token): Promise<Hover | null> => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    // what the draft says there: a large draft's from its worker's parse
    const site = await siteFor(ctx, document, document.offsetAt(params.position), token);
    if (!site) return null;
    // A footnote needs no corpus: it answers at once.
    if (site.footnote) return toHover(site.footnote);
    const access = await ctx.corpus.access(1500);
    if (!access || token.isCancellationRequested) return null;
    return toHover(await siteHover(access, site, uriToPath(document.uri)));
  });
}
