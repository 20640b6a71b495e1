/**
 * Document links: cited resolutions open their corpus file when the precedent corpus holds them,
 * otherwise the UN documents site (undocs.org) when the symbol is well-formed.
 */
import { DocumentLink, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import { pathToFileURL } from 'url';
import type { ServerContext } from '../server';
import { officialSymbol, organBefore, undocsUrl } from '../core/undocs';

/** What the corpus may tell about a symbol; `path` is the file it was read from, when known. */
interface SymbolLookup {
  symbolInfo?(symbolOrKey: string): { symbol?: string; path?: string; file?: string; line?: number } | undefined;
}

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { documentLinkProvider: { resolveProvider: false } };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onDocumentLinks((params, token) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    const doc = ctx.parsed(document);
    const source = doc.source;
    const corpus = ctx.corpusFacts as (SymbolLookup & object) | undefined;
    const links: DocumentLink[] = [];
    const add = (range: DocumentLink['range'], symbol: string, key: string, start: number) => {
      let info: ReturnType<NonNullable<SymbolLookup['symbolInfo']>> | undefined;
      try {
        info = corpus?.symbolInfo?.(key) ?? corpus?.symbolInfo?.(symbol);
      } catch {
        info = undefined;
      }
      const file = info?.path ?? info?.file;
      if (file) {
        const uri = pathToFileURL(file).toString() + (info?.line ? `#L${info.line}` : '');
        links.push({ range, target: uri, tooltip: `Open ${info?.symbol ?? symbol} in the precedent corpus` });
        return;
      }
      const official = officialSymbol(symbol, organBefore(source.slice(Math.max(0, start - 80), start)));
      if (official) links.push({ range, target: undocsUrl(official), tooltip: `Open ${official} on the UN documents site` });
    };
    for (const c of doc.citations) {
      if (token.isCancellationRequested) return null;
      add(c.range, c.symbol, c.key, c.start);
    }
    if (doc.symbol) add(doc.symbol.range, doc.symbol.text, doc.symbol.text.replace(/^A\/RES\//, ''), doc.symbol.start);
    return links;
  });
}
