/**
 * Word out and the base text in the language server:
 * - `resolution/base` {uri} → {base, candidates, reason?}: the base text of a draft (front matter
 *   `base:` or found in the precedent corpus);
 * - `resolution/exportWord` {uri, target} → {path, bytes} | {error}: writes the .docx;
 * - `resolution/exportRedline` {uri, target} → {path, base, summary} | {error}: writes the redline;
 * - `resolution/changesAgainstBase` {uri} → {base, changes: [{kind, range, text?}], summary} | {error}.
 * The heavy work is the core's (core/office); the corpus is the precedent feature's.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { BaseResult } from '../core/office/base';
import { registerOfficeReaderOnDemand } from '../core/import/officeReader';
import type { ServerContext } from '../server';
import { BaseRequest, ChangesAgainstBaseRequest, ExportRedlineRequest, ExportWordRequest, type BaseChange } from '../protocol';
import { uriToPath } from '../core/uri';

// The Word and PDF code (the import with pdf.js, the .docx writers) loads on first use, not at startup.
// PDF and Word files in the corpus are read through the import.
registerOfficeReaderOnDemand();

interface OfficeSettings {
  font?: string;
  fontSize?: number;
  openings?: 'italic' | 'as-written';
  author?: string;
}

async function officeSettings(ctx: ServerContext, uri: string): Promise<OfficeSettings> {
  // Each value is checked before it is used.
  const s: { export?: { font?: unknown; fontSize?: unknown; openings?: unknown }; redline?: { author?: unknown } } =
    (await ctx.settings(uri)) ?? {};
  const out: OfficeSettings = {};
  if (typeof s.export?.font === 'string' && s.export.font.trim()) out.font = s.export.font.trim();
  if (typeof s.export?.fontSize === 'number' && s.export.fontSize >= 6 && s.export.fontSize <= 72) out.fontSize = s.export.fontSize;
  if (s.export?.openings === 'italic' || s.export?.openings === 'as-written') out.openings = s.export.openings;
  if (typeof s.redline?.author === 'string' && s.redline.author.trim()) out.author = s.redline.author.trim();
  return out;
}

function writeFileAtomic(target: string, data: Uint8Array): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, data);
  fs.renameSync(tmp, target);
}

export function register(ctx: ServerContext): void {
  const textOf = (uri: string): string | undefined => ctx.documents.get(uri)?.getText();

  const baseOf = async (uri: string, text: string): Promise<BaseResult> => {
    const corpus = await ctx.corpus.get(60_000);
    if (!corpus) return { base: null, candidates: [], reason: 'the precedent corpus is not loaded' };
    const { findBase } = await import('../core/office/base');
    return findBase(text, corpus, { draftPath: uriToPath(uri) });
  };

  /** The base's text, from its file in the corpus. */
  const baseText = async (uri: string, text: string): Promise<{ result: BaseResult; text?: string; error?: string }> => {
    const result = await baseOf(uri, text);
    if (!result.base) return { result, error: `No base text: ${result.reason}. Name it with a "base: A/RES/…" line in the front matter.` };
    if (!result.base.path)
      return {
        result,
        error: `The base ${result.base.symbol} is not in the precedent corpus: add its folder to "resolution.corpus.paths".`,
      };
    try {
      const { loadDraftSource } = await import('../core/office/sources');
      return { result, text: (await loadDraftSource(result.base.path, result.base.symbol)).text };
    } catch (e) {
      return { result, error: (e as Error).message };
    }
  };

  ctx.connection.onRequest(BaseRequest, async (params) => {
    const text = params?.uri ? textOf(params.uri) : undefined;
    if (text === undefined) return null;
    try {
      return await baseOf(params.uri!, text);
    } catch (e) {
      ctx.log(`base text of ${params.uri}: ${(e as Error).stack ?? e}`);
      return { base: null, candidates: [], reason: `failed: ${(e as Error).message}` };
    }
  });

  ctx.connection.onRequest(ExportWordRequest, async (params) => {
    const text = params?.uri ? textOf(params.uri) : undefined;
    if (text === undefined || !params.target) return { error: 'No open draft to export.' };
    try {
      const s = await officeSettings(ctx, params.uri!);
      const { exportDocx } = await import('../core/office/export');
      const docx = exportDocx(text, {
        ...(s.font ? { font: s.font } : {}),
        ...(s.fontSize ? { size: s.fontSize } : {}),
        ...(s.openings ? { openings: s.openings } : {}),
      });
      writeFileAtomic(params.target, docx);
      return { path: params.target, bytes: docx.length };
    } catch (e) {
      ctx.log(`export of ${params.uri}: ${(e as Error).stack ?? e}`);
      return { error: `Export failed: ${(e as Error).message}` };
    }
  });

  ctx.connection.onRequest(ExportRedlineRequest, async (params) => {
    const text = params?.uri ? textOf(params.uri) : undefined;
    if (text === undefined || !params.target) return { error: 'No open draft to compare.' };
    try {
      const b = await baseText(params.uri!, text);
      if (b.text === undefined) return { error: b.error, base: b.result.base };
      const s = await officeSettings(ctx, params.uri!);
      const { redlineDocx } = await import('../core/office/redline');
      const { docx, summary } = redlineDocx(b.text, text, s.author ? { author: s.author } : {});
      writeFileAtomic(params.target, docx);
      return { path: params.target, bytes: docx.length, base: b.result.base, summary };
    } catch (e) {
      ctx.log(`redline of ${params.uri}: ${(e as Error).stack ?? e}`);
      return { error: `Redline failed: ${(e as Error).message}` };
    }
  });

  ctx.connection.onRequest(ChangesAgainstBaseRequest, async (params) => {
    const document = params?.uri ? ctx.documents.get(params.uri) : undefined;
    if (!document) return { error: 'No open draft.' };
    try {
      const text = document.getText();
      const b = await baseText(params.uri!, text);
      if (b.text === undefined) return { error: b.error, base: b.result.base };
      const { changesAgainstBase } = await import('../core/office/changes');
      const { changes, summary } = changesAgainstBase(b.text, text);
      const range = (start: number, end: number): BaseChange['range'] => ({
        start: document.positionAt(start),
        end: document.positionAt(end),
      });
      return {
        base: b.result.base,
        summary,
        changes: changes.map((c) =>
          c.kind === 'insert' || c.kind === 'added'
            ? { kind: c.kind, range: range(c.start, c.end), ...('moved' in c && c.moved ? { moved: true } : {}) }
            : { kind: c.kind, range: range(c.at, c.at), text: c.text, ...(c.kind === 'deleted' && c.moved ? { moved: true } : {}) },
        ),
      };
    } catch (e) {
      ctx.log(`changes against base of ${params.uri}: ${(e as Error).stack ?? e}`);
      return { error: `Comparison failed: ${(e as Error).message}` };
    }
  });
}
