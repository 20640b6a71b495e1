/** A cited resolution the corpus holds opens its file; Security Council citations link to S/RES/… */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { DocumentLink, DocumentLinkRequest } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer } from '../support/lsp';

describe('document links with a corpus over stdio', function () {
  this.timeout(30000);
  let server: TestServer;
  let dir: string;
  let file: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'links-corpus-'));
    file = path.join(dir, 'A-RES-99-7.txt');
    fs.writeFileSync(
      file,
      'General Assembly\n\nA/RES/99/7\n\nResolution adopted by the General Assembly on 3 March 2045\n\n99/7. Oceans\n\nThe General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n',
    );
    server = await startServer({ settings: { corpus: { builtin: false, paths: [dir] } } });
    await server.connection.sendRequest('resolution/reloadCorpus', {});
  });
  after(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens the corpus file of a cited resolution the corpus holds, and undocs for the others (Security Council included)', async () => {
    const uri = 'untitled:links-corpus.res.md';
    server.open(
      uri,
      'The General Assembly,\n\n*Recalling* its resolution 99/7 and Security Council resolution 2127 (2013),\n\n1. *Decides* to act on resolution 70/1.\n',
    );
    const links = (await server.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) as DocumentLink[];
    const targets = links.map((l) => l.target);
    assert.ok(targets.includes(pathToFileURL(file).toString()), JSON.stringify(targets));
    assert.ok(targets.includes('https://undocs.org/S/RES/2127(2013)'), JSON.stringify(targets));
    assert.ok(targets.includes('https://undocs.org/A/RES/70/1'), JSON.stringify(targets));
  });
});
