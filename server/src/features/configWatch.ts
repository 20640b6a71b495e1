/**
 * Re-checks the open drafts when a `.resolutionrc.json` is created, changed or deleted anywhere in
 * the workspace. The client watches `**\/.resolutionrc.json` and sends the events; the diagnostics
 * feature reads the files again on every check, so a new file applies at once.
 */
import type { ServerContext } from '../server';

export function register(ctx: ServerContext): void {
  ctx.onWatchedFilesChanged((params) => {
    if (params.changes.some((c) => /(^|[\\/])\.resolutionrc\.json$/.test(decodeURIComponent(c.uri)))) ctx.revalidate();
  });
}
