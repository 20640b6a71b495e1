import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { Hover, HoverRequest, MarkupContent } from 'vscode-languageserver-protocol/node';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { parseAkn } from '../../server/src/core/precedent/akn';
import type { CorpusSourcesResult, ParallelTextsResult } from '../../server/src/protocol';
import { sharedCorpusDir } from '../tools/corpus-path';

const hoverText = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';
const shared = sharedCorpusDir();

async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 20000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('corpus view requests over stdio (a zip archive and a folder)', function () {
  this.timeout(60000);
  let server: TestServer;
  let dir: string;
  let cache: string;
  const draft = (symbol: string, text: string) =>
    `${symbol}\n\nThe General Assembly,\n\n*Recalling* its resolution 70/1 of 25 September 2015,\n\n1. *Decides* ${text};\n`;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-proto-'));
    cache = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-proto-cache-'));
    fs.writeFileSync(
      path.join(dir, '92_English.zip'),
      zipSync({
        '92/a.res.md': strToU8(
          draft('A/RES/92/1', 'to convene a high-level meeting on the protection of migratory birds and their habitats'),
        ),
        'metadata/92.jsonl': strToU8('{"symbol":"A/RES/92/1","title":"Birds","adoption_date":"2037-01-02"}\n'),
        '92/broken.xml': strToU8('<akomaNtoso'),
      }),
    );
    server = await startServer({
      settings: { corpus: { builtin: false, paths: [path.join(dir, '92_English.zip')] } },
      initializationOptions: { corpusCache: cache },
    });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('lists each source with its files, paragraphs, languages, sessions and skipped files', async () => {
    await server.connection.sendRequest('resolution/reloadCorpus', {});
    const res = (await server.connection.sendRequest('resolution/corpusSources')) as CorpusSourcesResult;
    assert.strictEqual(res.loading, false);
    const [zip] = res.sources;
    assert.strictEqual(zip.kind, 'archive');
    assert.strictEqual(zip.files, 1);
    assert.deepStrictEqual(zip.languages, { en: 2 });
    assert.deepStrictEqual(zip.sessions, ['92']);
    assert.strictEqual(zip.skipped.length, 1);
    assert.match(zip.skipped[0].path, /92_English\.zip!\/92\/broken\.xml$/);
    assert.deepStrictEqual(res.settingPaths, [path.join(dir, '92_English.zip')]);
    // the parsed archive is in the cache folder given at initialize
    assert.ok(
      fs.readdirSync(cache).some((f) => f.startsWith('corpus-')),
      fs.readdirSync(cache).join(' '),
    );
  });

  it('gives precedents from the archive in the hover, with the date from its metadata', async () => {
    const uri = 'untitled:from-zip.res.md';
    server.open(uri, 'The General Assembly,\n\n1. *Decides* to convene a high-level meeting on the protection of migratory birds;\n');
    const h = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 20 } });
    assert.match(hoverText(h), /A\/RES\/92\/1, op\\\. 1 · 2 January 2037 — Birds/);
  });
});

describe('parallel texts over stdio (../shared/corpus)', function () {
  this.timeout(60000);
  let server: TestServer;
  const files: string[] = [];
  before(async function () {
    if (!shared) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
    for (const [l, s] of [
      ['', 'E'],
      ['-fr', 'F'],
      ['-es', 'S'],
    ])
      files.push(path.join(shared!, `un-ga-akn4un${l}`, '75', `A_RES_75_311-2110242${s}.xml`));
    server = await startServer({ settings: { corpus: { builtin: true, paths: files } }, initializationOptions: { corpusCache: false } });
    await server.connection.sendRequest('resolution/reloadCorpus', {});
  });
  after(async () => {
    await server?.stop();
  });

  const official = (f: string, n: string) =>
    parseAkn(fs.readFileSync(f, 'utf8'))[0].paragraphs.find((p) => p.kind === 'operative' && p.number === n)!.text;

  it('the precedent hover of an English paragraph shows the official French and Spanish text of that paragraph', async () => {
    const uri = 'untitled:parallel.res.md';
    const para = official(files[0], '6');
    server.open(uri, `The General Assembly,\n\n1. ${para}\n`);
    const h = hoverText(
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 10 } }),
    );
    assert.match(h, /\*\*In the other languages\*\* \(A\/RES\/75\/311\)/);
    const fr = official(files[1], '6');
    const es = official(files[2], '6');
    // corpus text is escaped in hovers: compare the words
    const words = (s: string) => s.replace(/[\\*_]/g, '').replace(/\s+/g, ' ');
    assert.ok(words(h).includes(`Français — ${words(fr)}`), h);
    assert.ok(words(h).includes(`Español — ${words(es)}`), h);
  });

  it('"Show this paragraph in other languages" answers for the paragraph at the cursor, and says why when it cannot', async () => {
    const uri = fileUri(path.join(os.tmpdir(), 'parallel-cmd.res.md'));
    server.open(
      uri,
      `The General Assembly,\n\n1. ${official(files[0], '3')}\n\n2. *Decides* to hold a picnic on the lawn of the Headquarters every spring;\n`,
    );
    const res = (await server.connection.sendRequest('resolution/parallelTexts', {
      uri,
      position: { line: 2, character: 5 },
    })) as ParallelTextsResult;
    assert.strictEqual(res.match?.symbol, 'A/RES/75/311');
    assert.strictEqual(res.match?.paragraph, '3');
    assert.deepStrictEqual(
      res.parallels.map((p) => [p.lang, p.text]),
      [
        ['fr', official(files[1], '3')],
        ['es', official(files[2], '3')],
      ],
    );
    const none = (await server.connection.sendRequest('resolution/parallelTexts', {
      uri,
      position: { line: 4, character: 5 },
    })) as ParallelTextsResult;
    assert.deepStrictEqual(none.parallels, []);
    assert.match(none.reason!, /matches no corpus paragraph/);
  });

  it('a French draft gets French precedents', async () => {
    const uri = 'untitled:francais.res.md';
    // The draft's language from its front matter (the structure is read as the parser reads it).
    server.open(uri, `lang: fr\n\nThe General Assembly,\n\n1. ${official(files[1], '6')}\n`);
    const h = hoverText(
      await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 4, character: 10 } }),
    );
    assert.match(h, /A\/RES\/75\/311, op\\\. 6/);
    assert.match(h, /English\* — /, h);
    assert.doesNotMatch(h, /Français — /);
  });
});

describe('the corpus loads without blocking requests', function () {
  this.timeout(120000);
  it('answers hovers from the seeds while a large corpus loads, and says the results may be incomplete', async function () {
    if (!shared) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
    const server = await startServer({
      settings: { corpus: { builtin: true, paths: [path.join(shared!, 'un-ga-akn4un', '75')] } },
      initializationOptions: { corpusCache: false },
    });
    try {
      const uri = 'untitled:while-loading.res.md';
      server.open(
        uri,
        'The General Assembly,\n\n1. *Calls upon* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime;\n',
      );
      const first = await until(
        async () =>
          hoverText(
            await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 20 } }),
          ),
        (h) => /A\/RES\//.test(h),
      );
      assert.match(first, /still loading\b.*may be incomplete/);
      const done = await until(
        async () => (await server.connection.sendRequest('resolution/corpusSources')) as CorpusSourcesResult,
        (r) => !r.loading,
        100000,
      );
      assert.ok(done.paragraphs > 10000, String(done.paragraphs));
      const after = hoverText(
        await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 20 } }),
      );
      assert.doesNotMatch(after, /still loading/);
    } finally {
      await server.stop();
    }
  });
});
