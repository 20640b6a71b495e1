import * as assert from 'assert';
import * as path from 'path';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { readSeed, SEED, SEEDS } from '../support/paths';

/** A database the server cannot reach: no PostgreSQL listens on a socket in a folder that does not exist. */
const UNREACHABLE = 'postgres://drafter@localhost/precedents?host=%2Fnonexistent-resolution-socket-dir&port=5432';

async function withServer(database: string, fn: (server: TestServer, messages: Array<{ type: number; message: string }>) => Promise<void>) {
  const server = await startServer({ settings: { corpus: { builtin: true, database } } });
  const messages: Array<{ type: number; message: string }> = [];
  server.connection.onNotification('window/showMessage', (m: { type: number; message: string }) => messages.push(m));
  try {
    await fn(server, messages);
  } finally {
    await server.stop();
  }
}

describe('corpus database setting over stdio (no database reachable)', function () {
  this.timeout(30000);

  it('says once that the database is unavailable and answers from the embedded corpus', async () => {
    await withServer(UNREACHABLE, async (server, messages) => {
      const uri = fileUri(path.join(SEEDS, SEED.ga71));
      server.open(uri, readSeed(SEED.ga71));
      for (let i = 0; i < 3; i++) {
        const r = await server.connection.sendRequest<{ matches: Array<{ source: { symbol: string } }> }>('resolution/precedents', {
          uri,
          position: { line: 100, character: 5 },
          top: 3,
        });
        assert.strictEqual(r.matches[0].source.symbol, 'A/RES/75/311');
      }
      const about = messages.filter((m) => /database/i.test(m.message));
      assert.strictEqual(about.length, 1, JSON.stringify(messages));
      assert.strictEqual(about[0].type, 2); // a warning
      assert.match(about[0].message, /Precedent corpus database unavailable: .*cannot be reached.*Using the embedded corpus/);
      assert.doesNotMatch(about[0].message, /:[^@/]*@/, 'no password in the message');
    });
  });

  it('refuses a connection string that carries a password, and says why', async () => {
    await withServer('postgres://drafter:secret@localhost/precedents', async (server, messages) => {
      const uri = fileUri(path.join(SEEDS, SEED.ga71));
      server.open(uri, readSeed(SEED.ga71));
      const r = await server.connection.sendRequest<{ matches: Array<{ source: { symbol: string } }> }>('resolution/precedents', {
        uri,
        position: { line: 100, character: 5 },
        top: 3,
      });
      assert.strictEqual(r.matches[0].source.symbol, 'A/RES/75/311');
      const about = messages.filter((m) => /database/i.test(m.message));
      assert.strictEqual(about.length, 1, JSON.stringify(messages));
      assert.match(about[0].message, /must not contain the password.*Set corpus database password/);
      assert.doesNotMatch(about[0].message, /secret/);
    });
  });
});
