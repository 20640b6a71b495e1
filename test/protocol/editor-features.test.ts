import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DidChangeWatchedFilesNotification, DocumentLink, DocumentLinkRequest, FileChangeType } from 'vscode-languageserver-protocol/node';
import { fileUri, startServer, TestServer } from '../support/lsp';

const DRAFT = [
  'The General Assembly,',
  '',
  '*Recalling* its resolutions 70/1 of 25 September 2015 and 1514 (XV) of 14 December 1960,',
  '',
  '1. *Decides* to act;',
  '',
  '3. *Requests* a report.',
  '',
].join('\n');

describe('editor features over stdio: status counts, document links, workspace check', function () {
  this.timeout(30000);
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-ws-'));
    fs.writeFileSync(path.join(dir, 'a.res.md'), DRAFT);
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.writeFileSync(path.join(dir, 'sub', 'b.resolution.md'), DRAFT.replace('3. *Requests*', '2. *Requests*'));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'c.res.md'), DRAFT);
    fs.writeFileSync(path.join(dir, 'notes.md'), DRAFT);
    server = await startServer({ rootPath: dir });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('resolution/stats counts preambular and operative paragraphs', async () => {
    const uri = 'untitled:stats.res.md';
    server.open(uri, DRAFT);
    const stats = await server.connection.sendRequest('resolution/stats', { uri });
    assert.deepStrictEqual(stats, { kind: 'resolution', preambular: 1, operative: 2, footnotes: 0, lang: 'en', langSource: 'detected' });
    assert.strictEqual(await server.connection.sendRequest('resolution/stats', { uri: 'untitled:not-open.res.md' }), null);
  });

  it('resolution/stats gives the language of a French draft, and a front matter line sets it', async () => {
    server.open(
      'untitled:projet.res.md',
      'L’Assemblée générale,\n\n*Rappelant* sa résolution 70/1 du 25 septembre 2015,\n\n1. *Prie* le Secrétaire général de lui présenter un rapport ;\n\n2. *Décide* de demeurer saisie de la question.\n',
    );
    const fr = (await server.connection.sendRequest('resolution/stats', { uri: 'untitled:projet.res.md' })) as {
      lang: string;
      langSource: string;
      operative: number;
    };
    assert.deepStrictEqual([fr.lang, fr.langSource, fr.operative], ['fr', 'detected', 2]);
    server.open('untitled:proyecto.res.md', '---\nlang: es\n---\n\nThe General Assembly,\n\n1. *Decides* to act.\n');
    const es = (await server.connection.sendRequest('resolution/stats', { uri: 'untitled:proyecto.res.md' })) as {
      lang: string;
      langSource: string;
    };
    assert.deepStrictEqual([es.lang, es.langSource], ['es', 'front matter']);
  });

  it('resolution/preview lays the draft out as the UN issues it, escaped, with the line of each block', async () => {
    const uri = 'untitled:preview.res.md';
    server.open(uri, DRAFT + '\n\n<img src=x onerror=alert(1)>\n');
    const res = (await server.connection.sendRequest('resolution/preview', { uri })) as { html: string; title: string };
    assert.match(res.html, /<p class="authority" data-line="0">/);
    assert.match(res.html, /<span class="num">1\.<\/span>/);
    assert.ok(!res.html.includes('<img'), 'no markup from the draft text');
    assert.strictEqual(await server.connection.sendRequest('resolution/preview', { uri: 'untitled:not-open.res.md' }), null);
  });

  it('links cited resolutions to the UN documents site', async () => {
    const uri = 'untitled:links.res.md';
    server.open(uri, DRAFT);
    const links = (await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) as DocumentLink[];
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes('https://undocs.org/A/RES/70/1'), JSON.stringify(targets));
    assert.ok(targets.includes('https://undocs.org/A/RES/1514(XV)'), JSON.stringify(targets));
    const seventy = links.find((l) => l.target === 'https://undocs.org/A/RES/70/1')!;
    assert.deepStrictEqual(seventy.range.start, { line: 2, character: DRAFT.split('\n')[2].indexOf('70/1') });
  });

  it('resolution/checkWorkspace checks every draft on disk, publishes their diagnostics and reports progress', async () => {
    const progress: Array<{ done: number; total: number }> = [];
    server.connection.onNotification('resolution/checkWorkspaceProgress', (p: { done: number; total: number }) => progress.push(p));
    const a = fileUri(path.join(dir, 'a.res.md'));
    const published = server.diagnostics(a);
    const result = (await server.connection.sendRequest('resolution/checkWorkspace', {})) as {
      files: number;
      errors: number;
      cancelled: boolean;
    };
    assert.strictEqual(result.files, 2, 'a.res.md and sub/b.resolution.md; not node_modules/, not notes.md');
    assert.strictEqual(result.errors, 1, 'the numbering gap in a.res.md');
    assert.strictEqual(result.cancelled, false);
    const d = await published;
    assert.deepStrictEqual(
      d.diagnostics.filter((x) => x.severity === 1).map((x) => [x.code, x.range.start.line]),
      [['operative-numbering', 6]],
    );
    assert.ok(
      progress.length >= 1 && progress[progress.length - 1].done === 2 && progress[progress.length - 1].total === 2,
      JSON.stringify(progress),
    );
  });

  it("resolution/checkWorkspace applies each draft's .resolutionrc.json", async () => {
    const rc = path.join(dir, '.resolutionrc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'operative-numbering': 'warning' } }));
    try {
      const result = (await server.connection.sendRequest('resolution/checkWorkspace', {})) as {
        files: number;
        errors: number;
        warnings: number;
      };
      assert.strictEqual(result.errors, 0, JSON.stringify(result));
      assert.ok(result.warnings >= 1, JSON.stringify(result));
    } finally {
      fs.rmSync(rc, { force: true });
    }
  });

  it('resolution/checkWorkspace passes over what .resolutionignore and the ignore setting name', async () => {
    const ignoreFile = path.join(dir, '.resolutionignore');
    const rc = path.join(dir, '.resolutionrc.json');
    fs.writeFileSync(ignoreFile, '# drafts being reworked\nsub/\n');
    try {
      let result = (await server.connection.sendRequest('resolution/checkWorkspace', {})) as {
        files: number;
        errors: number;
        ignored?: number;
      };
      assert.strictEqual(result.files, 1, JSON.stringify(result));
      assert.strictEqual(result.ignored, 1, JSON.stringify(result));
      fs.writeFileSync(rc, JSON.stringify({ ignore: ['a.res.md'] }));
      result = (await server.connection.sendRequest('resolution/checkWorkspace', {})) as {
        files: number;
        errors: number;
        ignored?: number;
      };
      assert.strictEqual(result.files, 0, JSON.stringify(result));
      assert.strictEqual(result.ignored, 2, JSON.stringify(result));
    } finally {
      fs.rmSync(ignoreFile, { force: true });
      fs.rmSync(rc, { force: true });
    }
  });

  it('re-checks open drafts when a .resolutionrc.json appears (watched-file event from the client)', async () => {
    const file = path.join(dir, 'sub', 'c.res.md');
    fs.writeFileSync(file, DRAFT);
    const uri = fileUri(file);
    server.open(uri, DRAFT);
    const before = await server.diagnostics(uri);
    assert.strictEqual(before.diagnostics.find((d) => d.code === 'operative-numbering')?.severity, 1, 'an error by default');
    const rc = path.join(dir, 'sub', '.resolutionrc.json');
    fs.writeFileSync(rc, JSON.stringify({ rules: { 'operative-numbering': 'warning' } }));
    try {
      const next = server.diagnostics(uri);
      server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [{ uri: fileUri(rc), type: FileChangeType.Created }],
      });
      const after = await next;
      assert.strictEqual(after.diagnostics.find((d) => d.code === 'operative-numbering')?.severity, 2, 'a warning under the new file');
    } finally {
      fs.rmSync(rc, { force: true });
    }
  });
});
