/**
 * Loading pdf.js (pdfjs-dist, legacy build for Node) without a worker thread and without any
 * download: the worker module is loaded in this process and pdf.js uses it on the main thread.
 * pdf.js ships as ES modules; they are loaded with a real dynamic import from node_modules (the
 * command line, the tests) or from the copy beside the bundled server (dist/pdfjs/, the packaged
 * extension).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ImportError } from './draft';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type PdfJs = any;

let loading: Promise<PdfJs> | undefined;

// A dynamic import that neither tsc (CommonJS output) nor esbuild rewrites into require().
const dynamicImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

function candidates(): string[] {
  const out: string[] = [];
  const env = process.env.RESOLUTION_PDFJS_DIR;
  if (env) out.push(env);
  out.push(path.join(__dirname, 'pdfjs'));
  try {
    const spec = ['pdfjs-dist', 'legacy', 'build', 'pdf.mjs'].join('/');
    out.push(path.dirname(require.resolve(spec)));
  } catch {
    // not installed beside this file
  }
  return out;
}

/** The pdf.js module, loaded once. */
export function loadPdfJs(): Promise<PdfJs> {
  if (!loading) {
    loading = (async () => {
      const dir = candidates().find((d) => fs.existsSync(path.join(d, 'pdf.mjs')) && fs.existsSync(path.join(d, 'pdf.worker.mjs')));
      if (!dir) throw new ImportError('PDF support is missing from this installation (pdfjs-dist was not found)');
      // The legacy build's core-js replaces Array.prototype.push with a slow polyfill (for a
      // corner case of non-writable lengths that nothing here meets). It made pdf.js — and every
      // other push in this process — several times slower: the native one is put back.
      const nativePush = Array.prototype.push;
      try {
        const worker = await dynamicImport(pathToFileURL(path.join(dir, 'pdf.worker.mjs')).href);
        (globalThis as any).pdfjsWorker = worker;
        return await dynamicImport(pathToFileURL(path.join(dir, 'pdf.mjs')).href);
      } finally {
        if (Array.prototype.push !== nativePush)
          Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
      }
    })();
    loading.catch(() => (loading = undefined));
  }
  return loading;
}
