/** Completions after and inside an opening phrase leave well-formed italics, at every cursor position. */
import * as assert from 'assert';
import { CompletionList, CompletionRequest, TextEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/core/fix';
import { startServer, TestServer } from '../support/lsp';

/** `*Phrase* rest`: one italic run at the start, closed, followed by a space or the end of the line. */
function wellFormed(line: string): boolean {
  const body = line.replace(/^\d+\.\s+/, '');
  const m = /^\*([^*\s][^*]*[^*\s]|[^*\s])\*(?: (?!\s)|$)/.exec(body);
  return !!m && !body.slice(m[0].length).includes('*');
}

describe('completion keeps italics well formed', function () {
  this.timeout(60000);
  let server: TestServer;
  before(async () => {
    server = await startServer({ settings: { corpus: { builtin: true } } });
    await server.connection.sendRequest('resolution/reloadCorpus', {});
  });
  after(async () => server?.stop());

  const head = 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Encourages* Member States to act;\n\n';
  const cases: Array<[string, string]> = [
    ['at the end of the line', '2. *Encourages* '],
    ['before the rest of a paragraph', '2. *Encourages* Member States to act;'],
    ['with the italics not closed', '2. *Encourages Mem'],
  ];
  for (const [what, line] of cases) {
    it(`typing "${line}" (${what}): every item at every cursor position in and after the opening`, async () => {
      const lineNo = head.split('\n').length - 1;
      const end = line.startsWith('2. *Encourages*') ? '2. *Encourages* '.length : line.length;
      let offered = 0;
      for (let c = '2. *'.length; c <= end; c++) {
        const uri = `untitled:italics-${what.replace(/\W/g, '')}-${c}.res.md`;
        const text = head + line;
        server.open(uri, text);
        const list = (await server.connection.sendRequest(CompletionRequest.type, {
          textDocument: { uri },
          position: { line: lineNo, character: c },
        })) as CompletionList | null;
        for (const item of list?.items ?? []) {
          offered++;
          const out = applyEdits(text, [item.textEdit as TextEdit]);
          const last = out.split('\n').slice(lineNo).join(' ');
          assert.ok(
            wellFormed(last),
            `cursor ${c} in ${JSON.stringify(line)}, item ${JSON.stringify(item.label)} gives ${JSON.stringify(last)}`,
          );
        }
      }
      assert.ok(offered > 0, 'some completion was offered');
    });
  }
});
