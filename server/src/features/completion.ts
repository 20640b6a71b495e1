/**
 * textDocument/completion: precedent paragraphs, opening phrases and resolution symbols from the
 * language service (core/service/completion.ts), converted to LSP items.
 */
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InitializeParams,
  InsertTextFormat,
  MarkupKind,
  ServerCapabilities,
  TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsWith, type CompletionEntry } from '../core/service/completion';
import type { ServerContext } from '../server';
import { uriToPath } from '../core/uri';
import { siteFor } from './site';
import { cancelledResponse } from '../services/documentService';

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { completionProvider: { triggerCharacters: ['/'], resolveProvider: false } };
}

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  symbol: CompletionItemKind.Reference,
  phrase: CompletionItemKind.Keyword,
  precedent: CompletionItemKind.Text,
};

function toItem(document: TextDocument, e: CompletionEntry): CompletionItem {
  return {
    label: e.label,
    kind: KIND[e.kind],
    detail: e.detail,
    documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
    filterText: e.filterText,
    sortText: e.sortText,
    preselect: e.preselect,
    ...(e.kind === 'precedent' ? { insertTextFormat: InsertTextFormat.PlainText } : {}),
    textEdit: TextEdit.replace({ start: document.positionAt(e.edit.start), end: document.positionAt(e.edit.end) }, e.edit.newText),
  };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onCompletion(async (params, token): Promise<CompletionList | null> => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    const text = document.getText();
    const version = document.version;
    const offset = document.offsetAt(params.position);
    // the corpus and what the draft says there (a large draft's from its worker's parse), together
    const [access, site] = await Promise.all([ctx.corpus.access(500), siteFor(ctx, document, offset, token)]);
    if (token.isCancellationRequested || !site) return null;
    const list = await completionsWith(
      text,
      offset,
      site.completion,
      site.lang,
      access,
      uriToPath(document.uri),
      () => token.isCancellationRequested,
    );
    // positions are converted on the current text: the draft must not have changed meanwhile
    if (document.version !== version) throw cancelledResponse(token);
    return list && { isIncomplete: list.isIncomplete, items: list.items.map((e) => toItem(document, e)) };
  });
}
