/**
 * `resolution/preview` {uri} → {html, title}: the draft laid out as the UN issues it, for the
 * client's preview panel (the HTML comes from core/render/html.ts, escaped).
 */
import type { ServerContext } from '../server';
import { renderDraftHtml } from '../core/render/html';
import { PreviewRequest } from '../protocol';

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(PreviewRequest, (params) => {
    const document = params?.uri ? ctx.documents.get(params.uri) : undefined;
    if (!document) return null;
    const doc = ctx.parsed(document);
    return { html: renderDraftHtml(doc), title: doc.symbol?.text ?? doc.title?.text ?? '' };
  });
}
