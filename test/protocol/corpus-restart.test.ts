/**
 * Restarts of the language server on the same corpus cache folder: the saved corpus is taken over
 * from the worker thread without reading the corpus files again, a changed file is re-read alone,
 * and a damaged saved index is named in the log and rebuilt.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer } from '../support/lsp';

const resolution = (symbol: string, decides: string) =>
  `${symbol}\n\n${symbol.replace(/^A\/RES\//, '')}. A test resolution\n\nThe General Assembly,\n\n` +
  `*Recalling* its resolution 70/1 of 25 September 2015,\n\n1. *Decides* ${decides};\n`;

const BIRDS = 'to convene a high-level meeting on the protection of migratory birds';
const REEFS = 'to designate national focal points for the conservation of coral reefs';
const MANGROVES = 'to designate national focal points for the conservation of mangrove forests';
const DRAFT = `The General Assembly,\n\n1. *Decides* ${BIRDS};\n\n2. *Decides* ${MANGROVES};\n`;
const uri = 'untitled:restart.res.md';
/** The files' modification time (seconds). */
const T = 1_700_000_000;

describe('corpus restarts over stdio (the same cache folder)', function () {
  this.timeout(60000);
  let dir: string;
  let cacheDir: string;
  let a: string;
  let b: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-restart-src-'));
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-restart-cache-'));
    a = path.join(dir, 'a.res.md');
    b = path.join(dir, 'b.res.md');
    fs.writeFileSync(a, resolution('A/RES/91/1', BIRDS));
    fs.writeFileSync(b, resolution('A/RES/91/2', REEFS));
    // whole seconds: a time set again later is then exactly the same
    for (const f of [a, b]) fs.utimesSync(f, T, T);
  });
  after(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  /** Starts the server on the corpus folder and the cache, opens the draft, waits for the corpus; returns the log. */
  async function start(): Promise<{ server: TestServer; log: string[]; summary: string }> {
    const log: string[] = [];
    let ready!: () => void;
    const loaded = new Promise<void>((r) => (ready = r));
    const server = await startServer({
      settings: { corpus: { builtin: false, paths: [dir] } },
      initializationOptions: { corpusCache: cacheDir },
      notifications: {
        'resolution/corpusChanged': () => ready(),
        'window/logMessage': (p) => log.push(String((p as { message?: string }).message ?? '')),
      },
    });
    server.open(uri, DRAFT);
    await loaded;
    return { server, log, summary: log.find((l) => /^Precedent corpus: \d+ file/.test(l)) ?? '' };
  }

  async function hover(server: TestServer, line: number): Promise<string> {
    const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character: 20 } });
    return (h?.contents as MarkupContent | undefined)?.value ?? '';
  }

  it('a first start reads and indexes the files in the worker thread and saves them', async () => {
    const { server, summary } = await start();
    try {
      assert.match(summary, /^Precedent corpus: 2 file\(s\), \d+ paragraph\(s\) in \d+ ms \(read and indexed in a worker thread/);
      assert.match(await hover(server, 2), /A\/RES\/91\/1/);
      assert.ok(
        fs.readdirSync(cacheDir).some((f) => /^index-.*\.bin$/.test(f)),
        'the corpus is saved',
      );
    } finally {
      await server.stop();
    }
  });

  it('a restart answers precedent hovers from the saved corpus without reading the files again', async () => {
    // The same size and time, other words: only a re-read would show them.
    const st = fs.statSync(a);
    fs.writeFileSync(a, resolution('A/RES/91/1', BIRDS.replace('birds', 'geese')));
    fs.utimesSync(a, T, T);
    assert.strictEqual(fs.statSync(a).size, st.size);
    assert.strictEqual(fs.statSync(a).mtimeMs, st.mtimeMs);
    const { server, summary } = await start();
    try {
      // the worker started at initialize on the sources of the first start
      assert.match(summary, /the saved index in a worker thread, started at initialize on the sources of the last start/);
      assert.match(summary, /2 file\(s\) from the cache, 0 read/);
      const h = await hover(server, 2);
      assert.match(h, /A\/RES\/91\/1/);
      assert.match(h, /migratory birds/);
      assert.doesNotMatch(h, /geese/);
    } finally {
      await server.stop();
    }
  });

  it('after a file changed, a restart re-reads that file alone', async () => {
    fs.writeFileSync(b, resolution('A/RES/91/2', MANGROVES));
    fs.utimesSync(b, T + 60, T + 60);
    const { server, summary } = await start();
    try {
      assert.match(summary, /1 file\(s\) from the cache, 1 read/);
      const h = await hover(server, 4);
      assert.match(h, /A\/RES\/91\/2/);
      assert.match(h, /mangrove forests/);
      // the unchanged file still from the saved corpus
      assert.match(await hover(server, 2), /migratory birds/);
    } finally {
      await server.stop();
    }
    // and the start after that applies the saved change without reading anything
    const next = await start();
    try {
      assert.match(next.summary, /2 file\(s\) from the cache, 0 read/);
      assert.match(await hover(next.server, 4), /mangrove forests/);
    } finally {
      await next.server.stop();
    }
  });

  it('a damaged saved corpus is named in the log, rebuilt, and used at the next start', async () => {
    const bin = path.join(
      cacheDir,
      fs.readdirSync(cacheDir).find((f) => /^index-.*\.bin$/.test(f))!,
    );
    const good = fs.readFileSync(bin);
    fs.writeFileSync(bin, Buffer.concat([good.subarray(0, good.length - 64), Buffer.alloc(64, 0xff)]));
    const { server, log, summary } = await start();
    try {
      assert.ok(
        log.some((l) => /^Precedent corpus cache: ignored a damaged corpus index .*checksum mismatch.*it is rebuilt/.test(l)),
        log.join('\n'),
      );
      assert.match(summary, /read and indexed in a worker thread/);
      assert.match(await hover(server, 4), /mangrove forests/);
    } finally {
      await server.stop();
    }
    const next = await start();
    try {
      assert.match(next.summary, /the saved index in a worker thread/);
      assert.match(await hover(next.server, 2), /A\/RES\/91\/1/);
    } finally {
      await next.server.stop();
    }
  });
});
