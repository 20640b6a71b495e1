import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CodeAction, CodeActionRequest, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/core/fix';
import { fileUri, startServer, TestServer } from '../support/lsp';

const DRAFT =
  'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n*Mindfull of* the need,\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n';

describe('"Accept this phrase" quick fix over stdio', function () {
  this.timeout(30000);
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-accept-'));
    fs.mkdirSync(path.join(dir, 'drafts'));
    server = await startServer({ rootPath: dir });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const acceptFor = async (uri: string, version: number) => {
    const { diagnostics } = await server.diagnostics(uri, version);
    const d = diagnostics.find((x) => x.code === 'preambular-phrase-unknown');
    assert.ok(d, JSON.stringify(diagnostics));
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    })) as CodeAction[];
    const accept = actions.find((a) => a.title === 'Accept "Mindfull" as a preambular phrase');
    assert.ok(accept, JSON.stringify(actions.map((a) => a.title)));
    return accept;
  };

  it('creates .resolutionrc.json in the workspace folder when there is none; the finding then disappears', async () => {
    const file = path.join(dir, 'drafts', 'a.res.md');
    fs.writeFileSync(file, DRAFT);
    const uri = fileUri(file);
    server.open(uri, DRAFT, 1);
    const accept = await acceptFor(uri, 1);
    const changes = accept.edit!.documentChanges!;
    const rc = path.join(dir, '.resolutionrc.json');
    assert.deepStrictEqual(changes[0], { kind: 'create', uri: fileUri(rc), options: { ignoreIfExists: true } });
    // as the client applies it: create the file, then insert the text
    const insert = (changes[1] as TextDocumentEdit).edits as TextEdit[];
    fs.writeFileSync(fileURLToPath((changes[1] as TextDocumentEdit).textDocument.uri), applyEdits('', insert));
    assert.deepStrictEqual(JSON.parse(fs.readFileSync(rc, 'utf8')), { phrases: { preambular: ['Mindfull'] } });
    server.change(uri, DRAFT, 2);
    const after = await server.diagnostics(uri, 2);
    assert.deepStrictEqual(
      after.diagnostics.filter((x) => x.code === 'preambular-phrase-unknown'),
      [],
    );
  });

  it('adds the phrase to the nearest .resolutionrc.json, keeping its comments', async () => {
    fs.rmSync(path.join(dir, '.resolutionrc.json'), { force: true });
    const rc = path.join(dir, 'drafts', '.resolutionrc.json');
    const before = '{\n  // the committee\'s phrases\n  "phrases": { "operative": ["Enjoins"] },\n  "draftMode": true\n}\n';
    fs.writeFileSync(rc, before);
    const file = path.join(dir, 'drafts', 'b.res.md');
    fs.writeFileSync(file, DRAFT);
    const uri = fileUri(file);
    server.open(uri, DRAFT, 1);
    const accept = await acceptFor(uri, 1);
    const edits = accept.edit!.changes![fileUri(rc)];
    assert.ok(edits, JSON.stringify(accept.edit));
    const updated = applyEdits(before, edits);
    assert.match(updated, /\/\/ the committee's phrases/);
    assert.deepStrictEqual(JSON.parse(updated.replace(/\/\/.*\n/, '')), {
      phrases: { operative: ['Enjoins'], preambular: ['Mindfull'] },
      draftMode: true,
    });
    fs.writeFileSync(rc, updated);
    server.change(uri, DRAFT, 2);
    const after = await server.diagnostics(uri, 2);
    assert.deepStrictEqual(
      after.diagnostics.filter((x) => x.code === 'preambular-phrase-unknown'),
      [],
    );
  });
});
