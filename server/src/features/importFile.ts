/**
 * `resolution/import` {path, trackedChanges?} → {draft, warnings} | {error}: a Word file, a PDF or
 * text from a PDF turned into a draft, read from disk by the server (the client stays small).
 */
import * as fs from 'fs';
import type { ServerContext } from '../server';
import { ImportRequest } from '../protocol';

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(ImportRequest, async (params) => {
    if (!params?.path) return { error: 'no file given' };
    // the import (pdf.js, the Word reader, the word data) loads on the first import, not at startup
    const { ImportError, importBytes } = await import('../core/import');
    try {
      const data = await fs.promises.readFile(params.path);
      const r = await importBytes(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), {
        fileName: params.path,
        trackedChanges: params.trackedChanges,
      });
      return { draft: r.draft, warnings: r.warnings };
    } catch (err) {
      if (err instanceof ImportError) return { error: err.message };
      ctx.log(`import of ${params.path} failed: ${String((err as Error)?.stack ?? err)}`);
      return { error: `could not import the file (${(err as Error)?.message ?? String(err)})` };
    }
  });
}
