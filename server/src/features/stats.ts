/**
 * `resolution/stats` {uri} → {kind, preambular, operative, footnotes, lang, langSource}: what the status bar shows.
 */
import type { ServerContext } from '../server';
import { StatsRequest } from '../protocol';

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(StatsRequest, (params) => {
    const document = params?.uri ? ctx.documents.get(params.uri) : undefined;
    if (!document) return null;
    const doc = ctx.parsed(document);
    const labels = new Set(doc.footnoteDefinitions.map((d) => d.label));
    for (const m of doc.footnoteMarkers) labels.add(m.label);
    return {
      kind: doc.kind,
      preambular: doc.preamble.length,
      operative: doc.operative.length,
      footnotes: labels.size,
      lang: doc.lang,
      langSource: doc.langSource,
    };
  });
}
