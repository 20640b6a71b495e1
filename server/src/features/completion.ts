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
import { completionsAt, type CompletionEntry } from '../core/service/completion';
import type { ServerContext } from '../server';
import { uriToPath } from '../core/uri';

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
    const access = await ctx.corpus.access(500);
    if (token.isCancellationRequested) return null;
    const doc = ctx.parsed(document);
    const offset = document.offsetAt(params.position);
    const list = await completionsAt(doc, offset, access, uriToPath(document.uri), () => token.isCancellationRequested);
    return list && { isIncomplete: list.isIncomplete, items: list.items.map((e) => toItem(document, e)) };
  });
}
