import * as assert from 'assert';
import * as path from 'path';
import {
  CancellationTokenSource,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
} from 'vscode-languageserver-protocol/node';
import { PreviewRequest, StatsRequest } from '../../server/src/protocol';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { readSeed, ROOT, SEED } from '../support/paths';
import { syntheticDraft } from '../bench/checks-bench';

/** What the editor asks of a draft when it opens it (outline, folding, links), and the status bar and preview. */
async function views(server: TestServer, uri: string) {
  const textDocument = { uri };
  return {
    symbols: await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
    folding: await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
    links: await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument }),
    stats: await server.connection.sendRequest(StatsRequest, { uri }),
    preview: await server.connection.sendRequest(PreviewRequest, { uri }),
  };
}

describe('outline, folding, links and preview of a large draft come from a document worker', function () {
  this.timeout(120000);
  const small = readSeed(SEED.ga75);
  const smallUri = fileUri(path.join(ROOT, 'views-small.res.md'));
  const operativeLine = small.split('\n').findIndex((l) => /^\d+\.\s+\*/.test(l));
  const big = syntheticDraft(2 * 1024 * 1024);
  const medium = syntheticDraft(512 * 1024);
  const mediumUri = fileUri(path.join(ROOT, 'views-medium.res.md'));
  let worker: TestServer;
  let inThread: TestServer;

  before(async () => {
    // one server sends drafts above 10,000 characters to a worker; the other has no workers (everything in its thread)
    worker = await startServer({ initializationOptions: { documents: { threshold: 10_000, workers: 1 } } });
    inThread = await startServer({ initializationOptions: { documents: { workers: 0 } } });
    for (const s of [worker, inThread]) {
      s.open(smallUri, small, 1);
      await s.diagnostics(smallUri, 1);
    }
  });
  after(async () => {
    await worker?.stop();
    await inThread?.stop();
  });

  it('answers hovers on a small draft while the large draft’s outline is computed', async () => {
    const uri = fileUri(path.join(ROOT, 'views-large-hover.res.md'));
    worker.open(uri, big, 1);
    let answered = false;
    const symbols = worker.connection
      .sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })
      .then((r) => ((answered = true), r));
    // In a single-threaded server the outline's parse would answer first and the hovers only after it.
    let hoversBefore = 0;
    while (!answered) {
      await worker.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: smallUri },
        position: { line: operativeLine, character: 2 },
      });
      if (!answered) hoversBefore++;
    }
    const result = await symbols;
    assert.ok(hoversBefore >= 1, `no hover was answered while the outline was computed (${hoversBefore})`);
    const names = (result as Array<{ name: string }>).map((s) => s.name);
    assert.ok(names.some((n) => /Preamble/i.test(n)) && names.length >= 2, `outline: ${names.slice(0, 5).join(' | ')}`);
  });

  it('gives the same outline, folding, links, stats and preview as the server’s own thread', async () => {
    worker.open(mediumUri, medium, 1);
    inThread.open(mediumUri, medium, 1);
    const [fromWorker, fromThread] = [await views(worker, mediumUri), await views(inThread, mediumUri)];
    assert.deepStrictEqual(fromWorker, fromThread);
    // and they say something: the synthetic draft cites resolutions, has footnotes and sub-paragraphs
    assert.ok((fromWorker.symbols as unknown[]).length >= 2);
    assert.ok((fromWorker.folding as unknown[]).length > 100);
    assert.ok((fromWorker.links as Array<{ target?: string }>).some((l) => /undocs\.org/.test(l.target ?? '')));
    assert.ok(fromWorker.stats && fromWorker.stats.operative > 1000 && fromWorker.stats.footnotes > 100, JSON.stringify(fromWorker.stats));
    assert.ok(fromWorker.preview && fromWorker.preview.html.length > medium.length / 2);
    // an edit (a paragraph inserted): the worker re-parses from its last parse, and still agrees
    const edited = medium.replace('\n1. *', '\n1. *Requests* the Secretary-General to report on the matter;\n\n2. *');
    worker.change(mediumUri, edited, 2);
    inThread.change(mediumUri, edited, 2);
    const [again, againThread] = [await views(worker, mediumUri), await views(inThread, mediumUri)];
    assert.deepStrictEqual(again, againThread);
    assert.notDeepStrictEqual(again.symbols, fromWorker.symbols);
    // small drafts stay in the thread and agree too
    assert.deepStrictEqual(await views(worker, smallUri), await views(inThread, smallUri));
  });

  it('answers RequestCancelled when the client cancels the outline of a large draft, and ContentModified when it changes', async () => {
    const uri = fileUri(path.join(ROOT, 'views-large-cancel.res.md'));
    worker.open(uri, big, 1);
    const source = new CancellationTokenSource();
    const cancelled = worker.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }, source.token);
    setTimeout(() => source.cancel(), 50);
    await assert.rejects(cancelled, (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled);
    const stale = worker.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    await new Promise((r) => setTimeout(r, 50));
    worker.change(uri, big.replace('A synthetic draft', 'A changed draft'), 2);
    await assert.rejects(stale, (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.ContentModified);
    // the new version is answered
    const folding = await worker.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok((folding as unknown[]).length > 100);
  });
});
