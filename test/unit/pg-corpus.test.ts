/**
 * The shared precedent corpus against a real PostgreSQL, within `npm test`: a throwaway cluster
 * (test/support/pgCluster.ts) is started, loaded with `resolution corpus push`, queried, stopped.
 * Without PostgreSQL server binaries the tests say they are skipped. The parity test over the
 * whole AKN corpus runs in `npm run test:pg` (test/pg/).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Pool } from 'pg';
import { main } from '../../server/src/cli/main';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { combineBackends, embeddedBackend } from '../../server/src/core/precedent/backend';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { migrate, PgCorpus } from '../../server/src/core/precedent/pgBackend';
import { PgCluster, pgUnavailableReason, startCluster } from '../support/pgCluster';
import { startServer } from '../support/lsp';
import { SEEDS } from '../support/paths';
import { sharedCorpusDir } from '../tools/corpus-path';

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

/** The reply of `resolution/precedents`, as far as the tests read it. */
interface PrecedentsReply {
  matches: Array<{ score: number; source: { symbol: string; path: string } }>;
}

describe('shared precedent corpus on PostgreSQL', function () {
  this.timeout(120_000);
  const reason = pgUnavailableReason();
  if (reason) {
    it(`skipped: ${reason}`);
    return;
  }
  let cluster: PgCluster;
  before(() => {
    cluster = startCluster();
  });
  after(() => cluster?.stop());

  it('creates the schema once: a second migration applies nothing and keeps the rows', async () => {
    const url = cluster.createDatabase('migrations');
    const pool = new Pool({ connectionString: url });
    try {
      const client = await pool.connect();
      try {
        const first = await migrate(client);
        assert.deepStrictEqual(first.applied, [1]);
        await client.query("INSERT INTO precedent_documents (language, symbol, path, push_id) VALUES ('en', 'A/RES/1/1', 'x.xml', 1)");
        const second = await migrate(client);
        assert.deepStrictEqual(second, { applied: [], version: 1 });
        const rows = await client.query('SELECT symbol FROM precedent_documents');
        assert.deepStrictEqual(
          rows.rows.map((r) => r.symbol),
          ['A/RES/1/1'],
        );
        const versions = await client.query('SELECT version FROM precedent_schema_version');
        assert.deepStrictEqual(
          versions.rows.map((r) => r.version),
          [1],
        );
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it('corpus push loads the seeds with their provenance; pushing again replaces them', async () => {
    const url = cluster.createDatabase('seeds');
    const first = await cli(['corpus', 'push', '--db', url, SEEDS]);
    assert.strictEqual(first.code, 0, first.err.join('\n'));
    assert.match(first.out.join('\n'), /Schema brought to version 1/);
    const pushed = /Pushed (\d+) paragraph\(s\) of (\d+) document\(s\) \(en \d+\)/.exec(first.out.join('\n'));
    assert.ok(pushed, first.out.join('\n'));
    const pool = new Pool({ connectionString: url });
    try {
      const row = (
        await pool.query(
          `SELECT d.symbol, d.title, d.date, d.language, d.path, p.kind, p.number, p.text
             FROM precedent_paragraphs p JOIN precedent_documents d ON d.id = p.document_id
            WHERE d.symbol = 'A/RES/75/311' AND p.kind = 'operative' AND p.number = '6'`,
        )
      ).rows;
      assert.strictEqual(row.length, 1);
      assert.strictEqual(row[0].date, '23 July 2021');
      assert.strictEqual(row[0].language, 'en');
      assert.match(row[0].title, /wildlife/i);
      assert.strictEqual(row[0].path, 'seeds/A-RES-75-311_tackling-illicit-trafficking-in-wildlife.txt');
      assert.match(row[0].text, /^\*Calls upon\* Member States to make illicit trafficking/);
      const count = async () => Number((await pool.query('SELECT count(*) AS n FROM precedent_paragraphs')).rows[0].n);
      const before = await count();
      assert.strictEqual(before, Number(pushed[1]));
      const again = await cli(['corpus', 'push', '--db', url, SEEDS]);
      assert.strictEqual(again.code, 0, again.err.join('\n'));
      assert.doesNotMatch(again.out.join('\n'), /Schema brought/);
      assert.match(again.out.join('\n'), new RegExp(`replacing ${pushed[2]} earlier document`));
      assert.strictEqual(await count(), before);
      // document frequencies follow the replacement: every bigram counted once per paragraph
      const df = (await pool.query('SELECT sum(df) AS s FROM precedent_grams')).rows[0].s;
      const real = (await pool.query('SELECT sum(cardinality(grams)) AS s FROM precedent_paragraph_grams')).rows[0].s;
      assert.strictEqual(Number(df), Number(real));
      const pg = new PgCorpus({ connectionString: url });
      const stats = await pg.stats();
      await pg.close();
      assert.deepStrictEqual(
        { ...stats, bytes: stats.bytes > 0 },
        { paragraphs: before, documents: Number(pushed[2]), languages: { en: before }, bytes: true, version: 1 },
      );
    } finally {
      await pool.end();
    }
    // and `resolution precedent --db` finds them from the database alone
    const found = await cli([
      'precedent',
      '--no-builtin',
      '--db',
      url,
      '--top',
      '1',
      '--text',
      'Calls upon Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime',
    ]);
    assert.strictEqual(found.code, 0, found.err.join('\n'));
    assert.deepStrictEqual(found.err, []);
    assert.match(found.out[0], /A\/RES\/(75\/311|71\/326), op\. \d+/);
  });

  it("searches the query's language only", async () => {
    const shared = sharedCorpusDir();
    if (!shared) return void console.log('      skipped: ../shared not present');
    const url = cluster.createDatabase('languages');
    const fr = path.join(shared, 'un-ga-akn4un-fr', '75');
    const frFile = fs
      .readdirSync(fr)
      .filter((f) => f.endsWith('.xml'))
      .sort()[0];
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-lang-'));
    fs.copyFileSync(path.join(fr, frFile), path.join(tmp, frFile));
    const pushed = await cli(['corpus', 'push', '--db', url, SEEDS, tmp]);
    assert.strictEqual(pushed.code, 0, pushed.err.join('\n'));
    assert.match(pushed.out.join('\n'), /\ben \d+, fr \d+\)|\bfr \d+, en \d+\)/);
    const frText = parseAkn(fs.readFileSync(path.join(fr, frFile), 'utf8'))[0].paragraphs.find((p) => p.kind === 'operative')!.text;
    const pg = new PgCorpus({ connectionString: url });
    try {
      const inFrench = await pg.search(frText, { top: 5 });
      assert.ok(inFrench.length > 0 && inFrench[0].score === 1, 'the French paragraph finds itself');
      for (const m of inFrench) assert.match(m.source.path, /\.xml$/, 'only French paragraphs answer a French query');
      const asked = await pg.search(frText, { top: 5, language: 'en' });
      for (const m of asked) assert.match(m.source.path, /^seeds\//);
    } finally {
      await pg.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('combined with the embedded corpus: both answer; when the database cannot be reached, one message and the embedded corpus goes on', async () => {
    const url = cluster.createDatabase('combined');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-combined-'));
    fs.copyFileSync(path.join(SEEDS, 'A-RES-71-326_tackling-illicit-trafficking-in-wildlife.txt'), path.join(tmp, 'a.txt'));
    assert.strictEqual((await cli(['corpus', 'push', '--db', url, tmp])).code, 0);
    const local = new Corpus();
    await local.load({ builtin: false, paths: [path.join(SEEDS, 'UNTOC-COP-resolution-12-4_crimes-that-affect-the-environment.txt')] });
    const pg = new PgCorpus({ connectionString: url, connectTimeoutMs: 1000 });
    const errors: string[] = [];
    const both = combineBackends([embeddedBackend(local), pg], { onError: (_b, e) => errors.push(e.message), retryMs: 0 });
    try {
      const q = 'Calls upon Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime';
      const found = await both.search(q, { top: 5 });
      assert.strictEqual(found[0].source.symbol, 'A/RES/71/326', 'the database answers');
      const untoc = local.index.textOf([...local.index.ids()].find((id) => local.index.textOf(id).split(' ').length > 20)!);
      const fromLocal = await both.search(untoc, { top: 5 });
      assert.strictEqual(fromLocal[0].score, 1);
      assert.strictEqual(
        fromLocal[0].source.path,
        path.join(SEEDS, 'UNTOC-COP-resolution-12-4_crimes-that-affect-the-environment.txt'),
        'the embedded corpus answers',
      );
      assert.strictEqual(errors.length, 0, errors.join('\n'));
      // the database cannot be reached (no server on that socket)
      await both.close();
      const pg2 = new PgCorpus({ connectionString: url.replace(/port=\d+/, 'port=1'), connectTimeoutMs: 1000 });
      const degraded = combineBackends([embeddedBackend(local), pg2], { onError: (_b, e) => errors.push(e.message), retryMs: 0 });
      for (let i = 0; i < 3; i++) {
        const r = await degraded.search(q, { top: 5 });
        assert.ok(r.length > 0 && r.every((m) => m.source.symbol !== 'A/RES/71/326'));
      }
      assert.strictEqual(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], /cannot be reached/);
      await degraded.close();

      // the language server with resolution.corpus.database set: Show precedents merges both corpora
      const server = await startServer({
        settings: {
          corpus: {
            builtin: false,
            paths: [path.join(SEEDS, 'UNTOC-COP-resolution-12-4_crimes-that-affect-the-environment.txt')],
            database: url,
          },
        },
      });
      const messages: string[] = [];
      server.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
      try {
        const draft =
          'The General Assembly,\n\n1. *Calls upon* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime;\n\n2. ' +
          untoc +
          '\n';
        const uri = 'untitled:combined.res.md';
        server.open(uri, draft);
        const first = await server.connection.sendRequest<PrecedentsReply>('resolution/precedents', {
          uri,
          position: { line: 2, character: 5 },
          top: 3,
        });
        assert.strictEqual(first.matches[0].source.symbol, 'A/RES/71/326');
        assert.match(first.matches[0].source.path, /^resolution-combined-\w+\/a\.txt$/, 'from the database');
        const second = await server.connection.sendRequest<PrecedentsReply>('resolution/precedents', {
          uri,
          position: { line: 4, character: 5 },
          top: 3,
        });
        assert.strictEqual(second.matches[0].score, 1);
        assert.match(second.matches[0].source.path, /UNTOC-COP-resolution-12-4/, 'from the embedded corpus');
        // hovers and completions too
        const hover = await server.connection.sendRequest<{ contents: { value: string } }>('textDocument/hover', {
          textDocument: { uri },
          position: { line: 2, character: 20 },
        });
        assert.match(hover.contents.value, /\d+% · A\/RES\/71\/326, pp\\\. 14/, "the database's precedent in the hover");
        const typed = 'The General Assembly,\n\n1. *Calls upon* Member States to make illicit traff';
        server.change(uri, typed, 2);
        const list = await server.connection.sendRequest<Array<{ detail?: string }> | { items: Array<{ detail?: string }> }>(
          'textDocument/completion',
          { textDocument: { uri }, position: { line: 2, character: typed.split('\n')[2].length } },
        );
        const items = Array.isArray(list) ? list : list.items;
        assert.ok(
          items.some((it) => /^A\/RES\/71\/326, op\. 5/.test(it.detail ?? '')),
          JSON.stringify(items.map((it) => it.detail)),
        );
        assert.deepStrictEqual(
          messages.filter((m) => /database/i.test(m)),
          [],
        );
      } finally {
        await server.stop();
      }
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it("a drafter's password from the secret storage reaches the database; without it the editor says why, once", async () => {
    if (process.env.RESOLUTION_TEST_PG)
      return void console.log('      skipped: an external database (RESOLUTION_TEST_PG) has its own users');
    const url = cluster.createDatabase('secured');
    assert.strictEqual((await cli(['corpus', 'push', '--db', url, SEEDS])).code, 0);
    const admin = new Pool({ connectionString: url });
    try {
      await admin.query("CREATE ROLE drafter LOGIN PASSWORD 'drafter-secret'");
      await admin.query('GRANT SELECT ON ALL TABLES IN SCHEMA public TO drafter');
    } finally {
      await admin.end();
    }
    const drafterUrl = url.replace('resolution@', 'drafter@');
    const saved = process.env.PGPASSWORD;
    delete process.env.PGPASSWORD;
    const server = await startServer({ settings: { corpus: { builtin: false, database: drafterUrl } } });
    if (saved !== undefined) process.env.PGPASSWORD = saved;
    const messages: string[] = [];
    server.connection.onNotification('window/showMessage', (m: { message: string }) => messages.push(m.message));
    try {
      const uri = 'untitled:secured.res.md';
      server.open(
        uri,
        'The General Assembly,\n\n1. *Calls upon* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime;\n',
      );
      const ask = () =>
        server.connection.sendRequest<PrecedentsReply>('resolution/precedents', { uri, position: { line: 2, character: 5 }, top: 3 });
      assert.deepStrictEqual((await ask()).matches, []);
      assert.deepStrictEqual((await ask()).matches, []);
      assert.strictEqual(messages.length, 1, messages.join('\n'));
      assert.match(
        messages[0],
        /Precedent corpus database unavailable: .* asks for a password and none is set \(give it with "Resolution: Set corpus database password"/,
      );
      assert.doesNotMatch(messages[0], /drafter-secret/);
      // Resolution: Set corpus database password hands it over
      await server.connection.sendNotification('resolution/corpusDatabasePassword', { password: 'drafter-secret' });
      const found = await ask();
      assert.match(found.matches[0]?.source.symbol ?? '', /^A\/RES\/(75\/311|71\/326)$/);
      assert.strictEqual(messages.length, 1, messages.join('\n'));
    } finally {
      await server.stop();
    }
    // the command line reads PGPASSWORD
    process.env.PGPASSWORD = 'drafter-secret';
    try {
      const r = await cli([
        'precedent',
        '--no-builtin',
        '--db',
        drafterUrl,
        '--top',
        '1',
        '--text',
        'Calls upon Member States to make illicit trafficking in protected species',
      ]);
      assert.deepStrictEqual(r.err, []);
      assert.match(r.out[0], /A\/RES\/(75\/311|71\/326)/);
    } finally {
      if (saved === undefined) delete process.env.PGPASSWORD;
      else process.env.PGPASSWORD = saved;
    }
  });
});
