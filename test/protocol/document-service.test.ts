import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CancellationTokenSource,
  ExecuteCommandRequest,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  ShowMessageParams,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/core/fix';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { readSeed, ROOT, SEED } from '../support/paths';
import { syntheticDraft } from '../bench/checks-bench';

/** A large draft with work for fix-all: every fifth operative paragraph ends without punctuation. */
const largeDraft = (bytes: number) => syntheticDraft(bytes).replace(/^(\d*[05]\. .*);$/gm, '$1');

/** A server whose drafts above 10,000 characters are checked in one worker thread. */
async function workerServer(
  documents: Record<string, number> = {},
  rootPath?: string,
): Promise<{
  server: TestServer;
  logs: string[];
  messages: ShowMessageParams[];
  applied: WorkspaceEdit[];
}> {
  const server = await startServer({ rootPath, initializationOptions: { documents: { threshold: 10_000, workers: 1, ...documents } } });
  const logs: string[] = [];
  const messages: ShowMessageParams[] = [];
  const applied: WorkspaceEdit[] = [];
  server.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  server.connection.onNotification('window/showMessage', (p: ShowMessageParams) => messages.push(p));
  server.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => (applied.push(p.edit), { applied: true }));
  return { server, logs, messages, applied };
}

describe('document work off the request thread (worker threads), cancellable', function () {
  this.timeout(120000);
  const small = readSeed(SEED.ga75);
  const smallUri = fileUri(path.join(ROOT, 'worker-small.res.md'));
  const operativeLine = small.split('\n').findIndex((l) => /^\d+\.\s+\*/.test(l));
  const hover = (server: TestServer, token?: CancellationTokenSource) =>
    server.connection.sendRequest(
      HoverRequest.type,
      { textDocument: { uri: smallUri }, position: { line: operativeLine, character: 2 } },
      token?.token,
    );

  describe('with one document worker', () => {
    let s: Awaited<ReturnType<typeof workerServer>>;
    before(async () => {
      s = await workerServer();
      s.server.open(smallUri, small, 1);
      await s.server.diagnostics(smallUri, 1);
    });
    after(async () => {
      await s?.server.stop();
    });

    it('answers hovers on another draft while a large draft is checked, then publishes the large draft’s findings', async () => {
      const uri = fileUri(path.join(ROOT, 'worker-large-check.res.md'));
      const big = largeDraft(2 * 1024 * 1024);
      let published = false;
      const diagnostics = s.server.diagnostics(uri, 1, 110_000).then((d) => ((published = true), d));
      s.server.open(uri, big, 1);
      // Hovers one after the other until the large draft's findings come: in a single-threaded
      // server the check would answer first and the hovers only after it.
      let answeredBefore = 0;
      let withContent = 0;
      while (!published) {
        const h = await hover(s.server);
        if (h) withContent++;
        if (!published) answeredBefore++;
      }
      const d = await diagnostics;
      assert.ok(answeredBefore >= 3, `hovers answered while the check ran: ${answeredBefore}`);
      assert.ok(withContent > 0, 'the hovers show the paragraph’s precedents');
      const missing = d.diagnostics.filter((x) => x.code === 'operative-punctuation');
      assert.ok(missing.length > 100, `${missing.length} operative-punctuation findings`);
      assert.ok(
        // (past resolution.maxDiagnostics, a note without a rule comes first)
        d.diagnostics.filter((x) => x.code !== undefined).every((x) => x.source === 'resolution' && x.data),
        'findings carry their rule and fix as from the server thread',
      );
    });

    it('a cancelled fix-all answers RequestCancelled, and the server goes on to fix the draft when asked again', async () => {
      const uri = fileUri(path.join(ROOT, 'worker-large-fix.res.md'));
      const big = largeDraft(1024 * 1024);
      s.server.open(uri, big, 1);
      const source = new CancellationTokenSource();
      const request = s.server.connection.sendRequest(
        ExecuteCommandRequest.type,
        { command: 'resolution.fixAll', arguments: [uri] },
        source.token,
      );
      source.cancel();
      await assert.rejects(request, (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled);
      assert.strictEqual(s.applied.length, 0, 'nothing was applied');

      const r = (await s.server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.fixAll', arguments: [uri] })) as {
        applied: boolean;
        changes: Record<string, number>;
      };
      assert.strictEqual(r.applied, true);
      assert.ok(r.changes['operative-punctuation'] > 100, JSON.stringify(r.changes));
      const edit = s.applied.pop()!;
      const change = edit.documentChanges![0] as unknown as { edits: Array<{ range: never; newText: string }> };
      const fixed = applyEdits(big, change.edits);
      // every operative paragraph ends with punctuation (before its footnote mark, if any)
      const unpunctuated = fixed.split('\n').filter((l) => /^\d+\. /.test(l) && !/[;:.][\u00b9\u00b2\u00b3\u2070-\u2079]*$/.test(l));
      assert.deepStrictEqual(unpunctuated.slice(0, 3), []);
    });

    it('a newer version gives up the check of the older one, whose findings are never published', async () => {
      const uri = fileUri(path.join(ROOT, 'worker-large-stale.res.md'));
      s.server.open(uri, largeDraft(2 * 1024 * 1024), 1);
      // Version 2 replaces the whole text while version 1 is being checked.
      const v2 =
        'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n' +
        ' '.repeat(20_000);
      s.server.change(uri, v2, 2);
      const d2 = await s.server.diagnostics(uri, 2, 110_000);
      assert.ok(d2.diagnostics.some((x) => x.code === 'operative-numbering'));
      // One worker takes jobs in order: once a later draft's findings are in, version 1's would be too.
      const later = fileUri(path.join(ROOT, 'worker-large-later.res.md'));
      s.server.open(later, largeDraft(1024 * 1024), 1);
      await s.server.diagnostics(later, 1, 110_000);
      const stale = s.server.allDiagnostics.filter((p) => p.uri === uri && p.version !== 2);
      assert.deepStrictEqual(
        stale.map((p) => p.version),
        [],
        'no diagnostics of a version other than 2',
      );
    });

    it('drafts of odd content go through the worker: findings or a notice for each, and the server keeps answering', async () => {
      const odd = [
        '\uD800'.repeat(12_000) + '\n\n1. *Decides* to act;\n',
        '1. '.repeat(40_000),
        '*'.repeat(50_000) + '\n\n(a) '.repeat(5_000),
        '<!-- resolution-disable-file '.repeat(2_000),
        '---\nlang: xx\n---\n' + '[^1]: '.repeat(5_000),
        'A/RES/'.repeat(20_000) + '\u0000',
      ];
      for (const [i, text] of odd.entries()) {
        const uri = fileUri(path.join(ROOT, `worker-odd-${i}.res.md`));
        s.server.open(uri, text, 1);
        const d = await s.server.diagnostics(uri, 1, 60_000);
        assert.ok(Array.isArray(d.diagnostics));
      }
      assert.ok(await hover(s.server));
      assert.doesNotMatch(s.server.stderr(), /TypeError|Cannot read|Unhandled/);
    });
  });

  describe('Check workspace', () => {
    let s: Awaited<ReturnType<typeof workerServer>>;
    let dir: string;
    before(async () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'worker-workspace-'));
      fs.writeFileSync(path.join(dir, 'a-small.res.md'), 'The General Assembly,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n');
      fs.writeFileSync(path.join(dir, 'b-large.res.md'), largeDraft(1024 * 1024));
      fs.writeFileSync(path.join(dir, 'c-small.res.md'), 'The General Assembly,\n\n1. *Decides* to act.\n');
      s = await workerServer({}, dir);
    });
    after(async () => {
      await s?.server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('checks the drafts on disk in the worker, and a cancelled check stops where it is, publishing nothing more', async () => {
      const large = fileUri(path.join(dir, 'b-large.res.md'));
      const source = new CancellationTokenSource();
      s.server.connection.onNotification('resolution/checkWorkspaceProgress', () => source.cancel());
      const cancelled = (await s.server.connection.sendRequest('resolution/checkWorkspace', {}, source.token)) as {
        files: number;
        cancelled: boolean;
      };
      assert.deepStrictEqual([cancelled.files, cancelled.cancelled], [1, true]);
      assert.ok(!s.server.allDiagnostics.some((p) => p.uri === large));

      s.server.connection.onNotification('resolution/checkWorkspaceProgress', () => undefined);
      const published = s.server.diagnostics(large, undefined, 110_000);
      const full = (await s.server.connection.sendRequest('resolution/checkWorkspace', {})) as { files: number; warnings: number };
      assert.strictEqual(full.files, 3);
      const d = await published;
      assert.ok(d.diagnostics.filter((x) => x.code === 'operative-punctuation').length > 100);
    });
  });

  describe('when a document worker crashes', () => {
    let s: Awaited<ReturnType<typeof workerServer>>;
    before(async () => {
      // A heap too small for a large draft: the worker runs out of memory and is stopped by Node.
      s = await workerServer({ workerHeapMb: 16 });
      s.server.open(smallUri, small, 1);
      await s.server.diagnostics(smallUri, 1);
    });
    after(async () => {
      await s?.server.stop();
    });

    it('says so (log, window message, a notice on the draft) and keeps running', async () => {
      const uri = fileUri(path.join(ROOT, 'worker-crash.res.md'));
      s.server.open(uri, largeDraft(6 * 1024 * 1024), 1);
      const d = await s.server.diagnostics(uri, 1, 110_000);
      assert.strictEqual(d.diagnostics.length, 1, `${d.diagnostics.length} diagnostics, the first: ${d.diagnostics[0]?.message}`);
      assert.match(d.diagnostics[0].message, /checks could not run on this draft \(.*out of memory.*\); the server goes on/i);
      assert.ok(
        s.logs.some((l) => /worker-crash\.res\.md failed in a worker: .*out of memory/i.test(l)),
        s.logs.join('\n'),
      );
      assert.ok(
        s.messages.some((m) => /the checks could not run on worker-crash\.res\.md/.test(m.message)),
        JSON.stringify(s.messages),
      );
      // The server answers, and a new worker checks the next draft.
      assert.ok(await hover(s.server));
      const next = fileUri(path.join(ROOT, 'worker-after-crash.res.md'));
      s.server.open(next, 'The General Assembly,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n' + ' '.repeat(20_000), 1);
      const d2 = await s.server.diagnostics(next, 1, 60_000);
      assert.ok(d2.diagnostics.some((x) => x.code === 'operative-numbering'));
    });
  });
});
