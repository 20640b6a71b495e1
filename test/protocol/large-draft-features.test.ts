import * as assert from 'assert';
import * as path from 'path';
import {
  CancellationTokenSource,
  CodeAction,
  CodeActionRequest,
  CompletionItemKind,
  CompletionList,
  CompletionRequest,
  DidChangeConfigurationNotification,
  DocumentSymbol,
  DocumentSymbolRequest,
  Hover,
  HoverRequest,
  LSPErrorCodes,
  MarkupContent,
  ResponseError,
  ExecuteCommandRequest,
  TextDocumentEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { PrecedentsRequest } from '../../server/src/protocol';
import type { DiagnosticData } from '../../server/src/features/diagnostics';
import { MAX_OUTLINE_SYMBOLS } from '../../server/src/services/documentViews';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { readSeed, ROOT, SEED } from '../support/paths';

/**
 * The wildlife resolution (A/RES/75/311) made long: operative paragraphs added before its last
 * one, the 50th without its closing punctuation (a finding with a fix).
 */
function longDraft(minChars: number): string {
  const lines = readSeed(SEED.ga75).split('\n');
  const last = lines.findIndex((l) => /^44\. /.test(l));
  const added: string[] = [];
  let size = lines.join('\n').length;
  let n = 44;
  for (; size < minChars; n++) {
    const p = `${n}. *Encourages* Member States to strengthen the exchange of information on wildlife trafficking routes identified in ${n}${n === 50 ? '' : ';'}`;
    added.push(p, '');
    size += p.length + 2;
  }
  return [...lines.slice(0, last), ...added, lines[last].replace(/^44\./, `${n}.`), ...lines.slice(last + 1)].join('\n');
}

const markdown = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

describe('hover, completion, quick fixes, precedents and outline of a large draft come from its document worker', function () {
  this.timeout(120000);
  const text = longDraft(800_000);
  const lines = text.split('\n');
  const uri = fileUri(path.join(ROOT, 'large-features.res.md'));
  const at = (pattern: RegExp, character = 2) => ({ line: lines.findIndex((l) => pattern.test(l)), character });
  let worker: TestServer;
  let inThread: TestServer;
  /** The last edit each server asked the editor to apply. */
  const edits = new Map<TestServer, WorkspaceEdit>();

  before(async () => {
    // One server answers every request on a draft above 10,000 characters from its worker (no parse
    // of it in the server's thread); the other has no workers and answers from its own parse.
    worker = await startServer({ initializationOptions: { documents: { threshold: 10_000, siteThreshold: 10_000, workers: 1 } } });
    inThread = await startServer({ initializationOptions: { documents: { workers: 0 } } });
    for (const s of [worker, inThread]) {
      s.connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => (edits.set(s, p.edit), { applied: true }));
      s.open(uri, text, 1);
    }
    await Promise.all([worker.diagnostics(uri, 1, 110_000), inThread.diagnostics(uri, 1, 110_000)]);
  });
  after(async () => {
    await worker?.stop();
    await inThread?.stop();
  });

  /** The same request to both servers: the answers must agree. */
  async function both<T>(ask: (s: TestServer) => Promise<T>): Promise<T> {
    const [a, b] = await Promise.all([ask(worker), ask(inThread)]);
    assert.deepStrictEqual(a, b, 'the worker’s answer differs from the server thread’s');
    return a;
  }

  it('hovers show a paragraph’s precedents and a footnote’s text', async () => {
    const hover = (position: { line: number; character: number }) => (s: TestServer) =>
      s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
    const para = markdown(await both(hover(at(/^5\. \*/))));
    assert.match(para, /\*\*Precedents\*\*/);
    assert.match(para, /A\/RES\/(75\/311|71\/326)/, para.slice(0, 300));
    // the footnote marker after "Biological Diversity¹"
    const line = lines.findIndex((l) => l.includes('Biological Diversity¹'));
    const foot = markdown(await both(hover({ line, character: lines[line].indexOf('Diversity¹') + 'Diversity'.length })));
    assert.match(foot, /^\*\*Footnote 1\*\*: See United Nations Environment Programme, document CBD\/COP\/14\/14/);
  });

  it('completes opening phrases at the start of an operative paragraph, in the draft’s italics', async () => {
    const list = await both((s) =>
      s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: at(/^60\. \*/, 4) }),
    );
    const items = (list as CompletionList).items;
    const requests = items.find((i) => i.label === 'Requests');
    assert.ok(
      requests,
      items
        .slice(0, 10)
        .map((i) => i.label)
        .join(', '),
    );
    assert.match(requests.detail ?? '', /operative phrase/);
    assert.strictEqual((requests.textEdit as { newText: string }).newText, '*Requests* ');
  });

  it('completes a paragraph being written with its precedents from the corpus', async () => {
    const line = lines.findIndex((l) => l.startsWith('60. '));
    const typed = '60. *Urges* Member States to take decisive steps at the national';
    const edited = [...lines.slice(0, line), typed, ...lines.slice(line + 1)].join('\n');
    for (const s of [worker, inThread]) s.change(uri, edited, 2);
    const list = (await both((s) =>
      s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: typed.length } }),
    )) as CompletionList;
    const precedents = list.items.filter((i) => i.kind === CompletionItemKind.Text);
    assert.ok(precedents.length >= 1, list.items.map((i) => i.label).join(', '));
    assert.match(precedents[0].detail ?? '', /A\/RES\/(75\/311|71\/326)/);
    assert.match(
      (precedents[0].textEdit as { newText: string }).newText,
      /^\*Urges\* Member States to take decisive steps at the national level/,
    );
  });

  it('a quick fix carries the finding’s fix, and "disable for this paragraph" goes above that paragraph', async () => {
    const published = worker.allDiagnostics.filter((p) => p.uri === uri).pop()!;
    const finding = published.diagnostics.find((d) => d.code === 'operative-punctuation' && lines[d.range.start.line].startsWith('50. '));
    assert.ok(finding, published.diagnostics.map((d) => d.code).join(', '));
    const actions = (await both((s) =>
      s.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: finding.range,
        context: { diagnostics: [finding], only: ['quickfix'] },
      }),
    )) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.ok(fix, actions.map((a) => a.title).join(' | '));
    assert.deepStrictEqual(fix.edit!.changes![uri], (finding.data as DiagnosticData).fix!.edits);
    const disable = actions.find((a) => a.title === 'Disable operative-punctuation for this paragraph')!;
    const insert = disable.edit!.changes![uri][0];
    assert.strictEqual(
      insert.range.start.line,
      lines.findIndex((l) => l.startsWith('50. ')),
    );
    assert.match(insert.newText, /resolution-disable-next-paragraph operative-punctuation/);
  });

  it('resolution/precedents gives the paragraph at the cursor and its closest precedents', async () => {
    const found = await both((s) => s.connection.sendRequest(PrecedentsRequest, { uri, position: at(/^5\. \*/), top: 3 }));
    assert.ok(found, 'an answer');
    assert.strictEqual(found.paragraph.kind, 'operative');
    assert.strictEqual(found.paragraph.number, '5');
    assert.ok(found.matches.length >= 1 && found.matches[0].score > 0.5, JSON.stringify(found.matches[0]));
  });

  it('the outline of a draft this long is compact: short names, no details, a last entry saying how many were left out', async () => {
    const symbols = (await both((s) =>
      s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }),
    )) as DocumentSymbol[];
    const count = (xs: DocumentSymbol[]): number => xs.reduce((n, s) => n + 1 + count(s.children ?? []), 0);
    assert.strictEqual(count(symbols), MAX_OUTLINE_SYMBOLS);
    const preamble = symbols.find((s) => s.name === 'Preamble')!;
    assert.ok(preamble.children!.length > 20, 'the preamble keeps its paragraphs');
    assert.ok(
      symbols.some((s) => /^1\. Stresses/.test(s.name)),
      symbols
        .slice(0, 8)
        .map((s) => s.name)
        .join(' | '),
    );
    assert.ok(symbols.slice(0, -1).every((s) => s.detail === undefined && s.name.length <= 40));
    const last = symbols[symbols.length - 1];
    assert.match(last.name, /^… [\d,]+ more entries not listed/);
  });

  it('a hover given up by the client answers RequestCancelled, one on a version replaced meanwhile ContentModified', async () => {
    // The one worker is kept busy by a fix-all of the draft: the hovers wait behind it.
    const fixAll = () =>
      worker.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
    const busy = fixAll().then(
      () => undefined,
      (err: unknown) => err,
    );
    const source = new CancellationTokenSource();
    const cancelled = worker.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(/^5\. \*/) }, source.token);
    source.cancel();
    await assert.rejects(cancelled, (err: unknown) => err instanceof ResponseError && err.code === LSPErrorCodes.RequestCancelled);
    // version 2 arrives while the hover on version 1 waits: both it and the fix-all are given up
    const stale = worker.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(/^7\. \*/) }).then(
      () => undefined,
      (err: unknown) => err,
    );
    worker.change(uri, text.replace('5. *Urges*', '5. *Strongly urges*'), 3);
    for (const err of [await stale, await busy])
      assert.ok(err instanceof ResponseError && err.code === LSPErrorCodes.ContentModified, String(err));
    const now = markdown(await worker.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(/^5\. \*/) }));
    assert.match(now, /\*\*Precedents\*\*/);
  });

  it('a worker that kept only its latest parse takes a query on another draft again with its text', async () => {
    // one worker keeping one parse: the hovers on two large drafts in turn each find the other's parse gone
    const lean = await startServer({
      initializationOptions: { documents: { threshold: 10_000, siteThreshold: 10_000, workers: 1, workerModelChars: 1 } },
    });
    try {
      const other = fileUri(path.join(ROOT, 'large-features-other.res.md'));
      lean.open(uri, text, 1);
      lean.open(other, text.replace('5. *Urges*', '5. *Strongly urges*'), 1);
      const hover = (u: string) => lean.connection.sendRequest(HoverRequest.type, { textDocument: { uri: u }, position: at(/^5\. \*/) });
      const answers: string[] = [];
      for (const u of [uri, other, uri, other]) answers.push(markdown(await hover(u)));
      const expected = markdown(
        await inThread.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: at(/^5\. \*/) }),
      );
      assert.match(expected, /\*\*Precedents\*\*/);
      assert.strictEqual(answers[0], expected);
      assert.strictEqual(answers[2], expected);
      assert.strictEqual(answers[1], answers[3]);
      assert.notStrictEqual(answers[1], expected, 'the other draft’s paragraph is another');
    } finally {
      await lean.stop();
    }
  });

  it('shows at most resolution.maxDiagnostics findings, the most severe first, with a note saying how many more there are', async () => {
    const all = (await inThread.diagnostics(uri, 2, 60_000)).diagnostics;
    Object.assign(inThread.settings, { maxDiagnostics: 3 });
    inThread.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: {} });
    // (publications of the draft before the change may still be queued: the next ones are taken until the short one)
    let diagnostics;
    do diagnostics = (await inThread.diagnostics(uri, 2, 60_000)).diagnostics;
    while (diagnostics.length === all.length);
    assert.strictEqual(diagnostics.length, 4);
    // the draft has more findings than the default 1,000: both notes count all of them
    const total = (m: string) => /^[\d,]+ more findings are not shown: the editor shows [\d,]+ of this draft's ([\d,]+)/.exec(m)?.[1];
    assert.strictEqual(diagnostics[0].code, undefined);
    assert.ok(total(diagnostics[0].message), diagnostics[0].message);
    assert.strictEqual(total(diagnostics[0].message), total(all[0].message));
    assert.match(diagnostics[0].message, /^([\d,]+) more findings are not shown: the editor shows 3 of/);
    // the three shown are the most severe
    const severities = all
      .filter((d) => d.code !== undefined)
      .map((d) => d.severity!)
      .sort();
    assert.deepStrictEqual(
      diagnostics
        .slice(1)
        .map((d) => d.severity!)
        .sort(),
      severities.slice(0, 3),
    );
  });

  it('renumbers the operative paragraphs of a large draft after one was deleted', async () => {
    // paragraph 10 deleted: 11 and every one after it move up one
    const start = lines.findIndex((l) => l.startsWith('10. '));
    const gap = [...lines.slice(0, start), ...lines.slice(start + 2)].join('\n');
    worker.change(uri, gap, 4);
    inThread.change(uri, gap, 3);
    const results = await both(async (s) => {
      const r = await s.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.renumberParagraphs', arguments: [uri] });
      const change = edits.get(s)!.documentChanges![0] as TextDocumentEdit;
      return { r, edits: change.edits };
    });
    assert.strictEqual((results.r as { applied: boolean }).applied, true);
    const first = results.edits[0];
    assert.strictEqual(first.range.start.line, start);
    assert.strictEqual(first.newText, '10.');
    assert.ok(results.edits.length > 4000, `${results.edits.length} edits`);
  });
});
