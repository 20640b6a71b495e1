/**
 * What the hover, completion and precedent features ask of a draft at a position, through the
 * DocumentService (a large draft's from its document worker), with the answers a request gets
 * when that work is given up: RequestCancelled / ContentModified.
 */
import type { CancellationToken } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PositionSite } from '../core/service/site';
import type { ServerContext } from '../server';
import { cancelledResponse, JobCancelled, WorkerFailed } from '../services/documentService';

/** The draft at `offset`; undefined when a worker failed on it (reported by the DocumentService). */
export async function siteFor(
  ctx: ServerContext,
  document: TextDocument,
  offset: number,
  token: CancellationToken,
): Promise<PositionSite | undefined> {
  const version = document.version;
  try {
    const { site } = await ctx.docs.site(document, { offset }, token);
    // the draft changed meanwhile: the offset no longer means the same place
    if (document.version !== version) throw new JobCancelled('superseded');
    return site;
  } catch (err) {
    if (err instanceof JobCancelled) throw cancelledResponse(token);
    if (err instanceof WorkerFailed) return undefined;
    throw err;
  }
}
