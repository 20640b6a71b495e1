/**
 * `resolution/preview` {uri} → {html, title}: the draft laid out as the UN issues it, for the
 * client's preview panel (the HTML comes from core/render/html.ts, escaped; a large draft's is
 * rendered in a document worker).
 */
import type { ServerContext } from '../server';
import { PreviewRequest } from '../protocol';
import { cancelledResponse, JobCancelled } from '../services/documentService';

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(PreviewRequest, async (params, token) => {
    const document = params?.uri ? ctx.documents.get(params.uri) : undefined;
    if (!document) return null;
    try {
      const { html, title } = await ctx.docs.preview(document, token);
      return { html, title };
    } catch (err) {
      if (err instanceof JobCancelled) throw cancelledResponse(token);
      throw err;
    }
  });
}
