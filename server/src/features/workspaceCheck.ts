/**
 * `resolution/checkWorkspace` {folders?: string[]} → {files, findings, errors, warnings, skipped, cancelled}
 *
 * Checks every resolution file under the workspace folders (read from disk when not open; parsed
 * and checked in the DocumentService's worker threads) and publishes its diagnostics, so the Problems panel lists the whole workspace. Sends
 * `resolution/checkWorkspaceProgress` {done, total, path} notifications while it works and honours
 * cancellation between files.
 */
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { CancellationToken } from 'vscode-languageserver/node';
import { IgnoreFilter } from '../core/ignore';
import type { ServerContext } from '../server';
import { JobCancelled } from '../services/documentService';
import {
  CheckWorkspaceProgressNotification,
  CheckWorkspaceRequest,
  type CheckWorkspaceParams,
  type CheckWorkspaceResult,
} from '../protocol';
// The configuration (settings + .resolutionrc.json) is resolved as for an open editor, so the
// workspace check reports exactly what opening each draft would show.
import { configFor, shownDiagnostics, skipReason } from './diagnostics';

export const RESOLUTION_FILE = /\.(res\.md|resolution\.md|resolution)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'out', 'dist', '.vscode-test', '.e2e']);
const MAX_FILES = 20000;

/** Resolution files under a folder, depth first, skipping build and VCS folders. */
export async function findResolutionFiles(root: string, limit = MAX_FILES): Promise<string[]> {
  const out: string[] = [];
  const stack = [root];
  while (stack.length && out.length < limit) {
    const dir = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(p);
      } else if (e.isFile() && RESOLUTION_FILE.test(e.name)) {
        out.push(p);
        if (out.length >= limit) break;
      }
    }
  }
  return out.sort();
}

function toPath(uriOrPath: string): string | undefined {
  if (!uriOrPath.includes(':/') || /^[a-zA-Z]:[\\/]/.test(uriOrPath)) return uriOrPath;
  try {
    return uriOrPath.startsWith('file:') ? fileURLToPath(uriOrPath) : undefined;
  } catch {
    return undefined;
  }
}

export function register(ctx: ServerContext): void {
  ctx.connection.onRequest(
    CheckWorkspaceRequest,
    async (params: CheckWorkspaceParams | undefined, token: CancellationToken): Promise<CheckWorkspaceResult> => {
      const roots = (params?.folders?.length ? params.folders : ctx.workspaceFolders()).map(toPath).filter((p): p is string => !!p);
      const files: string[] = [];
      const filters = new Map<string, IgnoreFilter>();
      for (const r of roots)
        for (const f of await findResolutionFiles(r)) {
          files.push(f);
          filters.set(f, filters.get(r) ?? new IgnoreFilter(r));
          if (!filters.has(r)) filters.set(r, filters.get(f)!);
        }
      const result: CheckWorkspaceResult = { files: 0, findings: 0, errors: 0, warnings: 0, skipped: [], cancelled: false };
      let lastNote = 0;
      for (let i = 0; i < files.length; i++) {
        if (token.isCancellationRequested) {
          result.cancelled = true;
          break;
        }
        const file = files[i];
        const uri = pathToFileURL(file).toString();
        const open = ctx.documents.get(uri);
        try {
          const text = open ? open.getText() : await fs.promises.readFile(file, 'utf8');
          const reason = skipReason(text);
          if (reason) {
            result.skipped.push({ path: file, reason });
            continue;
          }
          const config = await configFor(ctx, uri);
          // passed over: the `ignore` setting and .resolutionignore files (not counted, not published)
          if (filters.get(file)!.ignores(file, config.ignore)) {
            result.ignored = (result.ignored ?? 0) + 1;
            continue;
          }
          // Off the request thread: in a worker (an open draft's result is shared with its diagnostics).
          const checked = open ? await ctx.docs.check(open, config, token) : await ctx.docs.checkText(text, config, token, file);
          if (open) ctx.revalidate(uri);
          else await ctx.connection.sendDiagnostics({ uri, diagnostics: shownDiagnostics(checked.findings, config.maxDiagnostics) });
          // the counts are of every finding, shown or not
          result.files++;
          result.findings += checked.findings.length;
          result.errors += checked.findings.filter((f) => f.severity === 'error').length;
          result.warnings += checked.findings.filter((f) => f.severity === 'warning').length;
        } catch (err) {
          if (err instanceof JobCancelled && token.isCancellationRequested) {
            result.cancelled = true;
            break;
          }
          if (err instanceof JobCancelled) continue; // an open draft changed meanwhile: its newer version is checked as typed
          result.skipped.push({ path: file, reason: (err as Error)?.message ?? String(err) });
          ctx.log(`checking ${file} failed: ${(err as Error)?.stack ?? err}`);
        }
        const now = Date.now();
        if (now - lastNote > 100 || i === files.length - 1) {
          lastNote = now;
          void ctx.connection.sendNotification(CheckWorkspaceProgressNotification, { done: i + 1, total: files.length, path: file });
        }
        // Let other requests (typing in an open draft) through between files.
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      ctx.log(`checked ${result.files} drafts in the workspace: ${result.findings} findings, ${result.skipped.length} skipped`);
      return result;
    },
  );
}
