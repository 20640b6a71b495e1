/**
 * `resolution/stats` {uri} → {kind, preambular, operative, footnotes, lang, langSource}: what the status bar shows.
 * Computed with the other views of a document (services/documentViews.ts) — a large draft's in a worker.
 */
import type { ServerContext } from '../server';
import { StatsRequest } from '../protocol';
import { cancelledResponse, JobCancelled } from '../services/documentService';

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(StatsRequest, async (params, token) => {
    const document = params?.uri ? ctx.documents.get(params.uri) : undefined;
    if (!document) return null;
    try {
      return (await ctx.docs.views(document, token)).stats;
    } catch (err) {
      if (err instanceof JobCancelled) throw cancelledResponse(token);
      throw err;
    }
  });
}
