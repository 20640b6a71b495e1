import * as assert from 'assert';
import * as path from 'path';
import { DocumentSymbol, DocumentSymbolRequest, FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { readSeed, SEED, SEEDS } from '../support/paths';

describe('language server over stdio', function () {
  this.timeout(30000);
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  it('publishes diagnostics for a draft with a numbering gap, and clears them when fixed', async () => {
    const uri = 'untitled:numbering.res.md';
    const bad = 'The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n';
    server.open(uri, bad, 1);
    const first = await server.diagnostics(uri, 1);
    const numbering = first.diagnostics.filter((d) => d.code === 'operative-numbering');
    assert.strictEqual(numbering.length, 1);
    assert.strictEqual(numbering[0].range.start.line, 6);
    assert.strictEqual(numbering[0].source, 'resolution');
    server.change(uri, bad.replace('3. *Requests*', '2. *Requests*'), 2);
    const second = await server.diagnostics(uri, 2);
    assert.deepStrictEqual(
      second.diagnostics.filter((d) => d.code === 'operative-numbering'),
      [],
    );
  });

  it('answers document symbols: the preamble, each operative paragraph as "6. Calls upon", sub-paragraphs as children', async () => {
    const uri = fileUri(path.join(SEEDS, SEED.untoc));
    server.open(uri, readSeed(SEED.untoc));
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('Preamble'), names.join(' | '));
    assert.strictEqual(symbols.find((s) => s.name === 'Preamble')!.children!.length, 11);
    assert.ok(names.includes('2. Calls upon'));
    assert.ok(names.includes('3. Also calls upon'));
    const five = symbols.find((s) => s.name === '5. Requests')!;
    assert.deepStrictEqual(
      five.children!.map((c) => c.name.slice(0, 3)),
      ['(a)', '(b)', '(c)'],
    );
  });

  it('answers folding ranges for the preamble and long paragraphs', async () => {
    const uri = fileUri(path.join(SEEDS, SEED.ga75));
    server.open(uri, readSeed(SEED.ga75));
    const folds = (await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }))!;
    // The preamble runs from line 24 to the fragment of its last paragraph after the footnote block (line 138, 1-based).
    assert.ok(
      folds.some((f) => f.startLine === 23 && f.endLine === 137),
      JSON.stringify(folds.slice(0, 5)),
    );
    // A paragraph split by a page break folds from its first line to its fragment.
    assert.ok(folds.some((f) => f.startLine === 51 && f.endLine === 57));
  });

  it('keeps running on a binary document and says it skipped it', async () => {
    const uri = 'untitled:binary.res.md';
    server.open(uri, 'abc\u0000\u0001\u0002 binary');
    const d = await server.diagnostics(uri, 1);
    assert.strictEqual(d.diagnostics.length, 1);
    assert.match(d.diagnostics[0].message, /binary/);
    // Still answering afterwards.
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, {
      textDocument: { uri: fileUri(path.join(SEEDS, SEED.ga75)) },
    });
    assert.ok(Array.isArray(symbols) && symbols.length > 40);
  });
});

describe('language server with "resolution.run": "onSave"', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ settings: { run: 'onSave' } });
    // Loading the corpus re-checks open drafts when it ends: let it end first.
    await server.connection.sendRequest('resolution/reloadCorpus', {});
  });
  after(async () => server?.stop());

  it('checks a draft when it is opened and saved, not while it is typed', async () => {
    const uri = 'untitled:on-save.res.md';
    const good = 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n';
    server.open(uri, good, 1);
    const first = await server.diagnostics(uri, 1);
    assert.deepStrictEqual(
      first.diagnostics.filter((d) => d.code === 'operative-numbering'),
      [],
    );
    const v2 = server.diagnostics(uri, 2);
    let publishedWhileTyping = false;
    void v2.then(() => (publishedWhileTyping = !savedYet));
    let savedYet = false;
    server.change(uri, good.replace('2. *Requests*', '3. *Requests*'), 2);
    // Well past the 250 ms pause after which a draft is checked as it is typed.
    await new Promise((r) => setTimeout(r, 1500));
    assert.strictEqual(publishedWhileTyping, false, 'no check while typing');
    savedYet = true;
    server.save(uri);
    const after = await v2;
    assert.strictEqual(after.diagnostics.filter((d) => d.code === 'operative-numbering').length, 1);
  });
});
