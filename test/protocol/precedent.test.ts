import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CompletionList, CompletionRequest, Hover, HoverRequest, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node';
import { fileUri, startServer, TestServer } from '../support/lsp';
import { readSeed, SEED, SEEDS } from '../support/paths';
import type { PrecedentMatch, PrecedentResult, ReloadResult } from '../../server/src/protocol';

const hoverText = (h: Hover | null) => (h?.contents as MarkupContent | undefined)?.value ?? '';

describe('precedent features over stdio (built-in seeds)', function () {
  this.timeout(30000);
  let server: TestServer;
  before(async () => {
    server = await startServer({ settings: { corpus: { builtin: true } } });
  });
  after(async () => {
    await server?.stop();
  });

  const complete = async (uri: string, text: string, line?: number, character?: number) => {
    server.open(uri, text);
    const lines = text.split('\n');
    const l = line ?? lines.length - 1;
    const c = character ?? lines[l].length;
    return (await server.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: l, character: c },
    })) as CompletionList;
  };

  it('resolution/reloadCorpus loads the five seeds', async () => {
    const r = (await server.connection.sendRequest('resolution/reloadCorpus', {})) as ReloadResult;
    assert.strictEqual(r.files, 5);
    assert.ok(r.paragraphs > 200, String(r.paragraphs));
    assert.deepStrictEqual(r.skipped, []);
  });

  it('completes the paragraph being typed with its precedent, inserting the rest', async () => {
    const text =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Encourages* Member States to act;\n\n2. *Calls upon* Member States to make il';
    const list = await complete('untitled:typing.res.md', text);
    const item = list.items.find((i) => i.detail === 'A/RES/75/311, op. 6 · 2021');
    assert.ok(item, list.items.map((i) => `${i.label} | ${i.detail}`).join('\n'));
    assert.match(item.label, /^Calls upon Member States to make illicit trafficking/);
    const edit = item.textEdit as TextEdit;
    // The edit keeps what was typed and completes it: the line reads as the precedent.
    assert.deepStrictEqual(edit.range, { start: { line: 6, character: 3 }, end: { line: 6, character: 40 } });
    const line = text.split('\n')[6];
    const after = line.slice(0, edit.range.start.character) + edit.newText + line.slice(edit.range.end.character);
    assert.match(
      after,
      /^2\. \*Calls upon\* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime/,
    );
    assert.match(after, /combat transnational organized crime;$/);
    // Every precedent item filters on the same typed text, so the editor keeps the server's order.
    const precedents = list.items.filter((i) => i.detail?.startsWith('A/RES/'));
    assert.ok(precedents.every((i) => i.filterText === precedents[0].filterText));
    assert.match((item.documentation as MarkupContent).value, /Calls upon\\\* Member States to make illicit/);
    assert.ok(list.items.some((i) => i.detail === 'A/RES/71/326, op. 5 · 2017'));
    // not in the middle of a line that goes on
    const middle = await complete('untitled:middle.res.md', text + 'licit trafficking a crime;', 6, 40);
    assert.deepStrictEqual(
      middle.items.filter((i) => i.detail?.startsWith('A/RES/')),
      [],
    );
  });

  it('offers "Also encourages" first after an *Encourages* paragraph, then phrases by corpus frequency', async () => {
    const text = 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Encourages* Member States to act;\n\n2. ';
    const list = await complete('untitled:phrases.res.md', text);
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.strictEqual(sorted[0].label, 'Also encourages');
    assert.strictEqual((sorted[0].textEdit as TextEdit).newText, '*Also encourages* ');
    const callsUpon = sorted.findIndex((i) => i.label === 'Calls upon');
    const appeals = sorted.findIndex((i) => i.label === 'Appeals');
    assert.ok(callsUpon > 0 && appeals > callsUpon, `${callsUpon} ${appeals}`);
    assert.match(sorted[callsUpon].detail!, /operative phrase · \d+ uses in the corpus/);
  });

  it('completes a cited resolution symbol with its date', async () => {
    const text = 'The General Assembly,\n\n*Recalling* its resolution 70/';
    const list = await complete('untitled:cite.res.md', text);
    const item = list.items.find((i) => i.label === '70/1');
    assert.ok(item, list.items.map((i) => i.label).join(' '));
    assert.strictEqual((item.textEdit as TextEdit).newText, '70/1 of 25 September 2015');
    const list2 = await complete(
      'untitled:cite2.res.md',
      'The General Assembly,\n\n*Recalling* its resolutions 69/314 of 30 July 2015 and 70/30',
    );
    const item2 = list2.items.find((i) => i.label === '70/301');
    assert.strictEqual((item2?.textEdit as TextEdit).newText, '70/301 of 9 September 2016');
    const typedLine = '*Recalling* its resolutions 69/314 of 30 July 2015 and 70/30';
    assert.deepStrictEqual((item2?.textEdit as TextEdit).range.start, { line: 2, character: typedLine.indexOf('70/30') });
  });

  it('hovers a paragraph with its precedents, agreed share and word diff', async () => {
    const uri = fileUri(path.join(SEEDS, SEED.ga71));
    server.open(uri, readSeed(SEED.ga71));
    const h = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 100, character: 20 },
    })) as Hover;
    const v = hoverText(h);
    assert.match(v, /^\*\*Precedents\*\* — \d+% of the words are agreed language/);
    assert.match(v, /^1\. \d+% · A\/RES\/75\/311, op\\\. 6 · 23 July 2021/m);
    assert.match(v, /\*\*Changes against A\/RES\/75\/311, op\\\. 6 · 2021\*\*/);
    assert.match(v, /~~[^~]+~~/); // words of the precedent not in the paragraph
    assert.ok(!v.includes(SEED.ga71), 'the document is not its own precedent');
    assert.strictEqual(h.range!.start.line, 100);
  });

  it('hovers a citation with the adoption date, and a footnote marker with its text', async () => {
    const uri = 'untitled:hover.res.md';
    const text =
      'The General Assembly,\n\n*Recalling* its resolution 70/1 of 25 September 2015 and the Convention on International Trade in Endangered Species of Wild Fauna and Flora,¹\n\n¹ United Nations, *Treaty Series*, vol. 993, No. 14537.\n\n1. *Decides* to remain seized of the matter.\n';
    server.open(uri, text);
    const cite = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: 29 },
    })) as Hover;
    assert.match(hoverText(cite), /Adopted 25 September 2015/);
    const line = text.split('\n')[2];
    const foot = (await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 2, character: line.indexOf('¹') },
    })) as Hover;
    assert.strictEqual(hoverText(foot), '**Footnote 1**: United Nations, \\*Treaty Series\\*, vol\\. 993, No\\. 14537\\.');
  });

  it('resolution/precedents returns the paragraph, its coverage and the matches with provenance', async () => {
    const uri = fileUri(path.join(SEEDS, SEED.ga71));
    server.open(uri, readSeed(SEED.ga71));
    const r = (await server.connection.sendRequest('resolution/precedents', {
      uri,
      position: { line: 100, character: 5 },
      top: 3,
    })) as PrecedentResult;
    assert.strictEqual(r.paragraph.kind, 'operative');
    assert.strictEqual(r.paragraph.number, '5');
    assert.match(r.paragraph.text, /^\*Calls upon\* Member States to make illicit/);
    assert.ok(r.coverage > 0.8 && r.coverage <= 1);
    assert.ok(r.matches.length >= 1 && r.matches.length <= 3);
    assert.deepStrictEqual(
      {
        symbol: r.matches[0].source.symbol,
        kind: r.matches[0].source.kind,
        paragraph: r.matches[0].source.paragraph,
        line: r.matches[0].source.line,
      },
      { symbol: 'A/RES/75/311', kind: 'operative', paragraph: '6', line: 150 },
    );
  });
});

describe('precedent features over stdio (a hostile corpus folder)', function () {
  this.timeout(30000);
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-corpus-'));
    fs.writeFileSync(
      path.join(dir, 'hostile.res.md'),
      'A/RES/99/1\n\n99/1. Protecting birds [see](command:workbench.action.quit) <b onmouseover=alert(2)>now</b>\n\nThe General Assembly,\n\n1. *Urges* States to [open this](command:workbench.action.terminal.new) and <img src=x onerror=alert(1)> visit https://evil.example now, `code` **bold** ![pic](https://evil.example/p.png) to protect migratory birds;\n',
    );
    fs.writeFileSync(path.join(dir, 'broken.xml'), '<akomaNtoso><statement>');
    fs.symlinkSync(path.join(dir, 'missing.txt'), path.join(dir, 'unreadable.txt'));
    server = await startServer({ settings: { corpus: { builtin: false, paths: [dir] } } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names the skipped files and loads the others', async () => {
    const r = (await server.connection.sendRequest('resolution/reloadCorpus', {})) as ReloadResult;
    assert.strictEqual(r.files, 1);
    assert.strictEqual(r.paragraphs, 1);
    assert.deepStrictEqual(r.skipped.map((s) => path.basename(s.path)).sort(), ['broken.xml', 'unreadable.txt']);
  });

  it('escapes corpus text in hovers: no link, command, image or HTML', async () => {
    const uri = 'untitled:victim.res.md';
    server.open(uri, 'The General Assembly,\n\n1. *Urges* States to open this and visit now to protect migratory birds;\n');
    const v = hoverText(
      (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 2, character: 10 } })) as Hover,
    );
    assert.match(v, /A\/RES\/99\/1, op\\\. 1/);
    assert.doesNotMatch(v, /\]\(/);
    assert.doesNotMatch(v, /command:/);
    assert.doesNotMatch(v, /<img/);
    assert.doesNotMatch(v, /https:\/\//);
    assert.match(v, /Protecting birds \\\[see\\\]/); // the title is shown, inert
    assert.doesNotMatch(v, /<b/);
  });

  it('re-reads a corpus file the client reports as changed', async () => {
    fs.writeFileSync(
      path.join(dir, 'fresh.res.md'),
      'A/RES/99/2\n\nThe General Assembly,\n\n1. *Decides* to proclaim 3 March World Seagrass Day, to be observed annually;\n',
    );
    server.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [{ uri: fileUri(path.join(dir, 'fresh.res.md')), type: 1 }],
    });
    const uri = 'untitled:seagrass.res.md';
    server.open(uri, 'The General Assembly,\n\n1. *Decides* to proclaim 3 March World Seagrass Day;\n');
    let best: PrecedentMatch | undefined;
    for (let i = 0; i < 50 && !best; i++) {
      const r = (await server.connection.sendRequest('resolution/precedents', {
        uri,
        position: { line: 2, character: 5 },
      })) as PrecedentResult | null;
      best = r?.matches.find((m) => m.source.symbol === 'A/RES/99/2');
      if (!best) await new Promise((res) => setTimeout(res, 100));
    }
    assert.ok(best, 'the new file was indexed');
    assert.strictEqual(best!.source.paragraph, '1');
  });
});

describe('precedent corpus settings over stdio', function () {
  this.timeout(30000);
  let server: TestServer;
  let dir: string;
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workspace-'));
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(
      path.join(dir, 'drafts', 'oceans.res.md'),
      'The General Assembly,\n\n1. *Decides* to convene a conference on the conservation of deep-sea hydrothermal vents;\n',
    );
    fs.writeFileSync(path.join(dir, 'notes.md'), 'Meeting notes that are not part of the corpus, with several words in them.\n');
    server = await startServer({ rootPath: dir, settings: { corpus: { builtin: false, includeWorkspace: true } } });
  });
  after(async () => {
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('includes the workspace resolution files when asked to', async () => {
    const r = (await server.connection.sendRequest('resolution/reloadCorpus', {})) as ReloadResult;
    assert.deepStrictEqual([r.files, r.paragraphs], [1, 1]);
  });

  it('reloads the corpus when the settings change', async () => {
    const uri = 'untitled:settings.res.md';
    server.open(
      uri,
      'The General Assembly,\n\nRemaining concerned, therefore, about the increasing scale of poaching and illegal trade in wildlife and wildlife products and its adverse economic, social and environmental impacts,\n\n1. *Decides* to act.\n',
    );
    const ask = async () =>
      ((await server.connection.sendRequest('resolution/precedents', { uri, position: { line: 2, character: 3 } })) as PrecedentResult)
        .matches;
    assert.deepStrictEqual(await ask(), []);
    server.settings.corpus = { builtin: true };
    server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    let matches: PrecedentMatch[] = [];
    for (let i = 0; i < 100 && matches.length === 0; i++) {
      matches = await ask();
      if (matches.length === 0) await new Promise((res) => setTimeout(res, 100));
    }
    // the same paragraph stands in both General Assembly seeds
    assert.deepStrictEqual(
      matches
        .filter((m) => m.score === 1)
        .map((m) => m.source.symbol)
        .sort(),
      ['A/RES/71/326', 'A/RES/75/311'],
    );
  });
});
