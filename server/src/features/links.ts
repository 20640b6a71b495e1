/**
 * Document links: cited resolutions open their corpus file when the precedent corpus holds them,
 * otherwise the UN documents site (undocs.org) when the symbol is well-formed.
 */
import { DocumentLink, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import { pathToFileURL } from 'url';
import type { ServerContext } from '../server';
import { officialSymbol, organBefore, undocsUrl } from '../core/undocs';
import { cancelledResponse, JobCancelled } from '../services/documentService';

/** What the corpus may tell about a symbol; `path` is the file it was read from, when known. */
interface SymbolLookup {
  symbolInfo?(symbolOrKey: string): { symbol?: string; path?: string; file?: string; line?: number } | undefined;
}

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { documentLinkProvider: { resolveProvider: false } };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks(async (params, token) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    let sources;
    try {
      // where links start comes from the parse (a large draft's in a worker); the corpus is asked here
      sources = (await ctx.docs.views(document, token)).links;
    } catch (err) {
      if (err instanceof JobCancelled) throw cancelledResponse(token);
      throw err;
    }
    const corpus = ctx.corpusFacts as (SymbolLookup & object) | undefined;
    const links: DocumentLink[] = [];
    for (const s of sources) {
      if (token.isCancellationRequested) return null;
      let info: ReturnType<NonNullable<SymbolLookup['symbolInfo']>> | undefined;
      try {
        info = corpus?.symbolInfo?.(s.key) ?? corpus?.symbolInfo?.(s.symbol);
      } catch {
        info = undefined;
      }
      const file = info?.path ?? info?.file;
      if (file) {
        const uri = pathToFileURL(file).toString() + (info?.line ? `#L${info.line}` : '');
        links.push({ range: s.range, target: uri, tooltip: `Open ${info?.symbol ?? s.symbol} in the precedent corpus` });
        continue;
      }
      const official = officialSymbol(s.symbol, organBefore(s.before));
      if (official) links.push({ range: s.range, target: undocsUrl(official), tooltip: `Open ${official} on the UN documents site` });
    }
    return links;
  });
}
