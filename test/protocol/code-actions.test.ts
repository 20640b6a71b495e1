import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { CodeAction, CodeActionRequest, ExecuteCommandRequest, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol/node';
import { applyEdits } from '../../server/src/core/fix';
import { fileUri, startServer, TestServer } from '../support/lsp';
import type { DiagnosticData } from '../../server/src/features/diagnostics';

const DRAFT = [
  'The General Assembly,',
  '',
  '*Recalling* its resolution 70/1 of 25 September 2015,',
  '',
  '1. *Decides* to act on paragraph 3 below;',
  '',
  '3. *Further calls* upon States to act;',
  '',
  '4. *Requests* a report,',
  '',
].join('\n');

describe('code actions and commands over stdio', function () {
  this.timeout(30000);
  let server: TestServer;
  const applied: WorkspaceEdit[] = [];
  before(async () => {
    server = await startServer();
    server.connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      applied.push(params.edit);
      return { applied: true };
    });
  });
  after(async () => {
    await server?.stop();
  });

  it('diagnostics carry the rule id, its documentation link and the fix; the quick fix is preferred; disable actions insert the comment', async () => {
    const uri = 'untitled:actions.res.md';
    server.open(uri, DRAFT, 1);
    const { diagnostics } = await server.diagnostics(uri, 1);
    const numbering = diagnostics.find((d) => d.code === 'operative-numbering')!;
    assert.ok(numbering, JSON.stringify(diagnostics));
    assert.strictEqual(numbering.source, 'resolution');
    assert.match(numbering.codeDescription!.href, /^file:\/\/.*\/docs\/rules\/operative-numbering\.md$/);
    assert.ok(fs.existsSync(fileURLToPath(numbering.codeDescription!.href)), 'the linked page is shipped');
    assert.ok((numbering.data as DiagnosticData).fix!.edits.length >= 3); // 3 → 2, 4 → 3 and "paragraph 3 below" → 2

    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: numbering.range,
      context: { diagnostics: [numbering] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.deepStrictEqual(titles, [
      'Renumber operative paragraphs',
      'Disable operative-numbering for this paragraph',
      'Disable operative-numbering for this file',
      'Fix all resolution problems',
    ]);
    assert.strictEqual(actions[0].isPreferred, true);
    const fixed = applyEdits(DRAFT, actions[0].edit!.changes![uri]);
    assert.match(fixed, /paragraph 2 below;\n\n2\. \*Further calls\* upon States to act;\n\n3\. \*Requests\*/);
    const disable = actions[1].edit!.changes![uri][0] as TextEdit;
    assert.deepStrictEqual(disable, {
      range: { start: { line: 6, character: 0 }, end: { line: 6, character: 0 } },
      newText: '<!-- resolution-disable-next-paragraph operative-numbering -->\n\n',
    });
    assert.strictEqual((actions[2].edit!.changes![uri][0] as TextEdit).newText, '<!-- resolution-disable-file operative-numbering -->\n\n');

    // with the comment inserted, the finding goes away
    server.change(uri, applyEdits(DRAFT, [disable]), 2);
    const after = await server.diagnostics(uri, 2);
    assert.ok(!after.diagnostics.some((d) => d.code === 'operative-numbering'));
  });

  it('source.fixAll.resolution and the resolution.fixAll command fix everything in one edit', async () => {
    const uri = 'untitled:fixall.res.md';
    server.open(uri, DRAFT, 1);
    await server.diagnostics(uri, 1);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.deepStrictEqual(
      actions.map((a) => a.kind),
      ['source.fixAll.resolution'],
    );
    const edits = actions[0].edit!.changes![uri];
    assert.strictEqual(edits.length, 1);
    const expected = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1 of 25 September 2015,',
      '',
      '1. *Decides* to act on paragraph 2 below;',
      '',
      // italics made whole; "Further" (without a matching paragraph) is a word: fix-all leaves it
      '2. *Further calls upon* States to act;',
      '',
      '3. *Requests* a report.',
      '',
    ].join('\n');
    assert.strictEqual(applyEdits(DRAFT, edits), expected);

    applied.length = 0;
    const result = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.fixAll', arguments: [uri] });
    assert.strictEqual((result as { applied?: boolean }).applied, true);
    assert.strictEqual(applied.length, 1);
    const change = applied[0].documentChanges![0] as { edits: TextEdit[] };
    assert.strictEqual(applyEdits(DRAFT, change.edits), expected);

    // resolution.fixAll.wording opts in to wording fixes (minSeverity widens to information findings)
    server.settings.fixAll = { wording: true, minSeverity: 'information' };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    try {
      applied.length = 0;
      await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.fixAll', arguments: [uri] });
      const wide = applied[0].documentChanges![0] as { edits: TextEdit[] };
      assert.match(applyEdits(DRAFT, wide.edits), /\n2\. \*Calls upon\* States to act;/);
    } finally {
      delete server.settings.fixAll;
      server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    }
  });

  it('resolution.renumberParagraphs and resolution.renumberFootnotes apply one edit each', async () => {
    const uri = 'untitled:renumber.res.md';
    const text =
      'The General Assembly,\n\n*Recalling* the Convention,²\n\n*Noting* the Protocol,¹\n\n1. *Decides* to act;\n\n5. *Requests* a report.\n\n¹ Protocol.\n\n² Convention.\n';
    server.open(uri, text, 1);
    await server.diagnostics(uri, 1);
    applied.length = 0;
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.renumberParagraphs', arguments: [uri] });
    await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.renumberFootnotes', arguments: [{ uri }] });
    assert.strictEqual(applied.length, 2);
    const paras = applyEdits(text, (applied[0].documentChanges![0] as { edits: TextEdit[] }).edits);
    assert.match(paras, /\n2\. \*Requests\* a report\./);
    const notes = applyEdits(text, (applied[1].documentChanges![0] as { edits: TextEdit[] }).edits);
    assert.match(notes, /Convention,¹\n\n\*Noting\* the Protocol,²[\s\S]*¹ Convention\.\n\n² Protocol\./);
  });

  it('resolution.renumberParagraphs honours draftMode and leaves misplaced paragraphs unnumbered, as the check does', async () => {
    const uri = 'untitled:renumber-draft.res.md';
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1,',
      '',
      '*Urges* Parties to act,',
      '',
      '1. *Decides* to act;',
      '',
      '1 bis. *Invites* States to act;',
      '',
      '*Welcoming* the progress made;',
      '',
      '3. *Requests* a report.',
      '',
    ].join('\n');
    server.settings.draftMode = true;
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    try {
      server.open(uri, text, 1);
      await server.diagnostics(uri, 1);
      applied.length = 0;
      await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'resolution.renumberParagraphs', arguments: [uri] });
      const out = applyEdits(text, (applied[0].documentChanges![0] as { edits: TextEdit[] }).edits);
      assert.match(out, /\n\*Urges\* Parties to act,\n\n1\. \*Decides\* to act;\n\n1 bis\. \*Invites\*/);
      assert.match(out, /\n\*Welcoming\* the progress made;\n\n2\. \*Requests\* a report\./);
    } finally {
      delete server.settings.draftMode;
      server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    }
  });

  it('a malformed .resolutionrc.json is reported once as a diagnostic on that file, and the draft is still checked', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-rc-'));
    const rc = path.join(dir, '.resolutionrc.json');
    fs.writeFileSync(rc, '{ "rules": { "operative-numbering": "off", } oops }');
    const draft = path.join(dir, 'draft.res.md');
    fs.writeFileSync(draft, DRAFT);
    try {
      const uri = fileUri(draft);
      server.open(uri, DRAFT, 1);
      const rcDiagnostics = await server.diagnostics(fileUri(rc));
      assert.strictEqual(rcDiagnostics.diagnostics.length, 1);
      assert.match(rcDiagnostics.diagnostics[0].message, /not valid JSON/);
      const own = await server.diagnostics(uri, 1);
      assert.ok(
        own.diagnostics.some((d) => d.code === 'operative-numbering'),
        'the bad file is ignored, so the default applies',
      );
      // a second check of the draft does not report the config file again: the next publication
      // for the file is the one that clears it after the repair below
      server.change(uri, DRAFT + '\n', 2);
      await server.diagnostics(uri, 2);
      // repairing the file on disk clears its diagnostic and applies it, without touching the draft
      fs.writeFileSync(rc, '{ "rules": { "operative-numbering": "off" } }');
      const cleared = await server.diagnostics(fileUri(rc));
      assert.deepStrictEqual(cleared.diagnostics, []);
      const recheck = await server.diagnostics(uri);
      assert.ok(!recheck.diagnostics.some((d) => d.code === 'operative-numbering'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
