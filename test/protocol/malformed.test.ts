/** Malformed requests are answered InvalidParams; a didOpen without text is ignored and logged; the server keeps running. */
import * as assert from 'assert';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentSymbolRequest,
  ErrorCodes,
  ResponseError,
  type CodeActionParams,
  type CompletionParams,
  type DocumentSymbolParams,
} from 'vscode-languageserver-protocol/node';
import { startServer, TestServer } from '../support/lsp';

describe('malformed requests over stdio', function () {
  this.timeout(30000);
  let server: TestServer;
  const logs: string[] = [];
  before(async () => {
    server = await startServer();
    server.connection.onNotification('window/logMessage', (p: { message: string }) => logs.push(p.message));
  });
  after(async () => server?.stop());

  async function invalid(p: Promise<unknown>): Promise<ResponseError<unknown>> {
    try {
      await p;
    } catch (err) {
      return err as ResponseError<unknown>;
    }
    assert.fail('the request succeeded');
  }

  it('null params, a missing position or range: InvalidParams saying what is missing, no stack', async () => {
    const uri = 'untitled:malformed.res.md';
    server.open(uri, 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n');
    const cases: Array<[Promise<unknown>, RegExp]> = [
      [server.connection.sendRequest('textDocument/hover', null), /parameters are missing|parameters by position/],
      [server.connection.sendRequest('textDocument/hover', { textDocument: { uri } }), /position/],
      [
        server.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: { line: 'x' },
        } as unknown as CompletionParams),
        /position/,
      ],
      [server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri } } as CodeActionParams), /range/],
      [server.connection.sendRequest(DocumentSymbolRequest.type, {} as DocumentSymbolParams), /textDocument\.uri/],
      [
        server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: null } as unknown as DocumentSymbolParams),
        /textDocument\.uri/,
      ],
      [server.connection.sendRequest('workspace/executeCommand', {}), /command is missing/],
      [server.connection.sendRequest('workspace/executeCommand', null), /parameters are missing|parameters by position/],
    ];
    for (const [request, message] of cases) {
      const err = await invalid(request);
      assert.strictEqual(err.code, ErrorCodes.InvalidParams, err.message);
      assert.match(err.message, message);
      assert.doesNotMatch(err.message, /\n\s+at /, 'no stack in the answer');
    }
    // the server still answers a good request
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
  });

  it('a didOpen without text is ignored with a log line; the server keeps running', async () => {
    server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: 'untitled:notext.res.md', languageId: 'resolution', version: 1 },
    });
    const uri = 'untitled:after-notext.res.md';
    server.open(uri, 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n', 1);
    const d = await server.diagnostics(uri, 1);
    assert.ok(d.diagnostics.some((x) => x.code === 'operative-numbering'));
    assert.ok(
      logs.some((l) => /didOpen ignored: untitled:notext\.res\.md came without its text/.test(l)),
      logs.join('\n'),
    );
    assert.doesNotMatch(server.stderr(), /TypeError|Cannot read/);
  });
});
