/**
 * `resolution/stats` {uri} → {kind, preambular, operative, footnotes, lang, langSource}: what the status bar shows.
 */
import type { ServerContext } from '../server';

export interface DocumentStats {
  kind: 'resolution' | 'other';
  preambular: number;
  operative: number;
  footnotes: number;
  /** The draft's language (en, fr, es, ru, ar, zh) and where it came from. */
  lang: string;
  langSource: 'front matter' | 'setting' | 'detected';
}

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest('resolution/stats', (params: { uri?: string }): DocumentStats | null => {
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
