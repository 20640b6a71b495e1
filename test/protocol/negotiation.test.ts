import * as assert from 'assert';
import { DocumentSymbol, DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { startServer, TestServer } from '../support/lsp';
import type { CompareResult, NegotiationEditResult, NegotiationStatus } from '../../server/src/protocol';

const DRAFT = [
  'The General Assembly,',
  '',
  'PP1 *Recalling* its resolution 70/1 of 25 September 2015, [Agreed ad ref]',
  '',
  'PP2 *Noting with concern* the [increasing / alarming] scale of poaching,',
  '',
  'OP1 *Decides* to convene a high-level meeting [Agreed ad ref];',
  '',
  'OP1 bis *Invites* States to participate; [Deleted]',
  '',
  'OP2 *Requests* a report',
  '',
].join('\n');

describe('negotiation texts over stdio', function () {
  this.timeout(30000);
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server?.stop();
  });

  it('publishes no finding of form for the markings; the ending is judged with the tag set aside', async () => {
    const uri = 'untitled:neg.res.md';
    const published = server.diagnostics(uri);
    server.open(uri, DRAFT);
    const d = await published;
    // only OP2 lacks its full stop: one finding, on its line, with a fix that adds it
    assert.deepStrictEqual(
      d.diagnostics.map((x) => `${x.range.start.line + 1}:${x.code}`),
      ['11:operative-punctuation'],
    );
  });

  it('resolution/negotiationStatus: counts, per-paragraph status and bracket ranges', async () => {
    const uri = 'untitled:status.res.md';
    server.open(uri, DRAFT);
    const s = (await server.connection.sendRequest('resolution/negotiationStatus', { uri })) as NegotiationStatus;
    assert.strictEqual(s.isDraft, true);
    assert.strictEqual(s.line, '2 of 5 paragraphs agreed ad ref, 1 with brackets, 1 pending, 1 deleted');
    assert.deepStrictEqual(
      s.report.byParagraph.map((p) => `${p.label}:${p.status}`),
      ['PP1:agreed', 'PP2:bracketed', 'OP1:agreed', 'OP1 bis:deleted', 'OP2:pending'],
    );
    assert.deepStrictEqual(s.brackets, [{ start: { line: 4, character: 30 }, end: { line: 4, character: 53 } }]);
  });

  it('the outline shows each paragraph with its status', async () => {
    const uri = 'untitled:outline.res.md';
    server.open(uri, DRAFT);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const flat = symbols.flatMap((s) => [s, ...(s.children ?? [])]).map((s) => `${s.name} — ${s.detail}`);
    assert.ok(flat.includes('PP2 Noting with concern the — bracketed · 1 bracket'), flat.join('\n'));
    assert.ok(flat.includes('OP1 bis Invites States to participate; — deleted'), flat.join('\n'));
  });

  it('resolution/negotiationEdit and resolution/cleanText, resolution/compare', async () => {
    const uri = 'untitled:edit.res.md';
    server.open(uri, DRAFT);
    const alts: NegotiationEditResult = await server.connection.sendRequest('resolution/negotiationEdit', {
      uri,
      position: { line: 4, character: 35 },
      action: 'alternatives',
    });
    assert.deepStrictEqual(alts.alternatives, { kind: 'bracket', choices: ['increasing', 'alarming'] });
    const edit: NegotiationEditResult = await server.connection.sendRequest('resolution/negotiationEdit', {
      uri,
      position: { line: 4, character: 35 },
      action: 'acceptAlternative',
      choice: 1,
    });
    assert.deepStrictEqual(edit.edits, [
      { range: { start: { line: 4, character: 30 }, end: { line: 4, character: 53 } }, newText: 'alarming' },
    ]);
    const clean = (await server.connection.sendRequest('resolution/cleanText', { uri })) as { text: string };
    assert.strictEqual(
      clean.text,
      'The General Assembly,\n\n*Recalling* its resolution 70/1 of 25 September 2015,\n\n*Noting with concern* the increasing scale of poaching,\n\n1. *Decides* to convene a high-level meeting;\n\n2. *Requests* a report\n',
    );
    const cmp = (await server.connection.sendRequest('resolution/compare', { oldText: clean.text, newText: DRAFT })) as CompareResult;
    assert.strictEqual(cmp.line, '1 paragraph added, 0 deleted, 0 moved, 3 changed, 1 unchanged');
  });
});
