import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { Corpus, symbolKey } from '../../server/src/core/precedent/corpus';
import { compare } from '../../server/src/core/precedent/diff';
import { PrecedentIndex } from '../../server/src/core/precedent/index';
import { escapeMarkdown } from '../../server/src/core/precedent/markdown';
import { normalize, words } from '../../server/src/core/precedent/normalize';
import { readTextResolution } from '../../server/src/core/precedent/textfile';
import { ROOT, readSeed, SEED, SEEDS } from '../support/paths';
import { main } from '../../server/src/cli/main';
import { parse } from '../../server/src/core/parser';
import { italicStyle, paragraphAt, restyle, typedOpening } from '../../server/src/core/precedent/locate';
import { followUp } from '../../server/src/core/precedent/openings';
import { resolveSettings } from '../../server/src/core/service/precedent';
import type { Match } from '../../server/src/core/precedent/types';

/** ../shared/corpus/un-ga-akn4un beside the repository (or beside a worktree's parent), if present. */
export function sharedAkn(): string | undefined {
  let dir = path.resolve(ROOT, '..');
  for (let i = 0; i < 3; i++) {
    const c = path.join(dir, 'shared', 'corpus', 'un-ga-akn4un');
    if (fs.existsSync(c)) return c;
    dir = path.dirname(dir);
  }
  return undefined;
}

const ga71 = path.join(SEEDS, SEED.ga71);
const ga75 = path.join(SEEDS, SEED.ga75);

describe('precedent: normalisation', () => {
  it('drops numbers, italics, footnote markers, link targets and case', () => {
    assert.strictEqual(
      normalize('6. *Calls upon* Member States¹ to make [69/314](#) <sup>2</sup> the *Convention*;[^3]'),
      'calls upon member states to make 69 314 the convention',
    );
    assert.strictEqual(normalize('(a) Firstly, to take stock;'), 'firstly to take stock');
    assert.strictEqual(normalize('5 bis. *Decides* that'), 'decides that');
    assert.deepStrictEqual(words('Earth’s  ecosystem'), ["earth's", 'ecosystem']);
  });
});

describe('precedent: search on the seeds', () => {
  let corpus: Corpus;
  before(async () => {
    corpus = new Corpus();
    const report = await corpus.load({ builtin: true });
    assert.deepStrictEqual(report.skipped, []);
    assert.strictEqual(report.files, 5);
  });

  it('finds A/RES/75/311 paragraph 6 from A/RES/71/326 paragraph 5, with its provenance', () => {
    const doc = readTextResolution(fs.readFileSync(ga71, 'utf8'), ga71);
    const op5 = doc.records.find((r) => r.kind === 'operative' && r.paragraph === '5')!;
    assert.match(op5.text, /^\*Calls upon\* Member States to make illicit trafficking/);
    const [best] = corpus.search(op5.text, { top: 3, excludePath: ga71 });
    assert.strictEqual(best.source.symbol, 'A/RES/75/311');
    assert.strictEqual(best.source.kind, 'operative');
    assert.strictEqual(best.source.paragraph, '6');
    assert.strictEqual(best.source.path, ga75);
    assert.strictEqual(best.source.date, '23 July 2021');
    assert.strictEqual(best.source.title, 'Tackling illicit trafficking in wildlife');
    const lines = readSeed(SEED.ga75).split('\n');
    assert.match(lines[best.source.line - 1], /^6\. \*Calls upon\* Member States to make illicit trafficking/);
    assert.ok(best.score > 0.8 && best.score < 1, String(best.score));
  });

  it('returns the same top 5 as the exhaustive Levenshtein scan for every seed paragraph', () => {
    let compared = 0;
    for (const name of Object.values(SEED)) {
      const file = path.join(SEEDS, name);
      for (const r of readTextResolution(fs.readFileSync(file, 'utf8'), file).records) {
        const fast = corpus.search(r.text, { top: 5, excludePath: file, minScore: 0.5 });
        const exact = corpus.index.exhaustive(r.text, { top: 5, excludePath: file, minScore: 0.5 });
        assert.deepStrictEqual(
          fast.map((m) => m.score),
          exact.map((m) => m.score),
          `${name}:${r.line}`,
        );
        compared += exact.length;
      }
    }
    assert.ok(compared > 50, `only ${compared} precedents compared`);
  });

  it('scores in [0, 1], identical text 1, and a document is not its own precedent when excluded', () => {
    const doc = readTextResolution(fs.readFileSync(ga75, 'utf8'), ga75);
    const p = doc.records[10];
    const self = corpus.search(p.text, { top: 1 })[0];
    assert.strictEqual(self.score, 1);
    assert.strictEqual(self.source.path, ga75);
    for (const m of corpus.search(p.text, { top: 5, excludePath: ga75 })) {
      assert.notStrictEqual(m.source.path, ga75);
      assert.ok(m.score >= 0 && m.score <= 1);
    }
  });

  it('prefix search offers the paragraphs that continue the typed words, the half-typed last word included', () => {
    const got = corpus.prefix('6. *Calls upon* Member States to make il', { top: 5 });
    const exact = got.filter((m) => m.score === 1);
    assert.deepStrictEqual(exact.map((m) => `${m.source.symbol} ${m.source.paragraph}`).sort(), ['A/RES/71/326 5', 'A/RES/75/311 6']);
    assert.ok(got.slice(0, 2).every((m) => m.score === 1));
    // a typo still finds them, below exact continuations
    const typo = corpus.prefix('Calls upon Memebr States to make illicit', { top: 3 });
    assert.ok(typo.some((m) => m.source.symbol === 'A/RES/75/311' && m.source.paragraph === '6'));
    assert.ok(typo.every((m) => m.score < 1));
  });

  it('knows symbols: document metadata and dates cited in the corpus', () => {
    assert.deepStrictEqual(corpus.symbolInfo('A/RES/75/311'), {
      symbol: 'A/RES/75/311',
      key: '75/311',
      title: 'Tackling illicit trafficking in wildlife',
      date: '23 July 2021',
      // the file it was read from: a link to a citation of it opens that file
      path: path.join(SEEDS, SEED.ga75),
    });
    assert.strictEqual(corpus.dateOf('70/1'), '25 September 2015');
    assert.strictEqual(corpus.dateOf('2013/40'), '25 July 2013');
    assert.strictEqual(corpus.dateOf('99/999'), undefined);
    assert.ok(corpus.symbolsStartingWith('69/').some((s) => s.key === '69/314' && s.date === '30 July 2015'));
    assert.strictEqual(symbolKey('A/RES/70/1'), '70/1');
  });

  it('new spans: the words of a paragraph that no precedent has', () => {
    const text =
      '*Calls upon* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime, in accordance with their national legislation and as defined in article 2 (b) of the United Nations Convention against Transnational Organized Crime, including by establishing dedicated wildlife prosecution units;';
    const spans = corpus.newSpans(text, 'operative')!;
    assert.ok(spans.length >= 1);
    const newText = spans.map((s) => text.slice(s.start, s.end)).join(' | ');
    assert.match(newText, /establishing dedicated wildlife prosecution units/);
    assert.doesNotMatch(newText, /Member States/);
    // no precedent at all: the whole paragraph is new
    assert.deepStrictEqual(corpus.newSpans('Zebra quantum marmalade flux capacitor teaspoon', 'operative'), [{ start: 0, end: 47 }]);
  });
});

describe('precedent: word diff and coverage', () => {
  it('marks inserted and deleted words against the precedent, with coverage and new spans', () => {
    const precedent = '*Calls upon* Member States to make illicit trafficking in wildlife a serious crime;';
    const text = '5. *Calls upon* all Member States to make illicit trafficking a crime, now;';
    const c = compare(text, precedent);
    assert.deepStrictEqual(c.diff, [
      { kind: 'equal', text: 'Calls upon' },
      { kind: 'insert', text: 'all' },
      { kind: 'equal', text: 'Member States to make illicit trafficking' },
      { kind: 'delete', text: 'in wildlife' },
      { kind: 'equal', text: 'a' },
      { kind: 'delete', text: 'serious' },
      { kind: 'equal', text: 'crime' },
      { kind: 'insert', text: 'now' },
    ]);
    assert.strictEqual(c.coverage, 0.833); // 10 of 12 words
    assert.deepStrictEqual(
      c.newSpans.map((s) => text.slice(s.start, s.end)),
      ['all', 'now'],
    );
  });

  it('shows unchanged stretches as written, without markup', () => {
    const c = compare(
      '*Requests* the Secretary-General to submit, at its seventy-seventh session, a report;',
      '*Requests* the [Secretary-General](#) to submit at its seventy-sixth session a report;',
    );
    assert.deepStrictEqual(c.diff, [
      { kind: 'equal', text: 'Requests the Secretary-General to submit, at its seventy' },
      { kind: 'delete', text: 'sixth' },
      { kind: 'insert', text: 'seventh' },
      { kind: 'equal', text: 'session, a report' },
    ]);
  });

  it('an identical paragraph is fully covered', () => {
    const c = compare('Recalling its resolution 70/1,', '*Recalling* its resolution [70/1](#),');
    assert.strictEqual(c.coverage, 1);
    assert.deepStrictEqual(c.newSpans, []);
  });
});

describe('precedent: escaping corpus text for hovers', () => {
  it('leaves no link, image, command URI, HTML or emphasis', () => {
    const hostile =
      'See [click me](command:workbench.action.terminal.new) ![x](https://evil.example/x.png) <img src=x onerror=alert(1)> <a href="command:rm">a</a> **bold** `code` https://evil.example www.evil.example';
    const out = escapeMarkdown(hostile);
    assert.doesNotMatch(out, /\]\(/);
    assert.doesNotMatch(out, /<[a-z]/i);
    assert.doesNotMatch(out, /command:/);
    assert.doesNotMatch(out, /https:\/\//);
    assert.doesNotMatch(out, /www\.evil/);
    assert.doesNotMatch(out, /(^|[^\\])\*\*/);
    assert.doesNotMatch(out, /(^|[^\\])`/);
    // the words are all still there for the reader
    for (const w of ['click', 'me', 'workbench', 'evil', 'bold', 'code', 'onerror']) assert.ok(out.includes(w), w);
  });
});

describe('precedent: corpus folders', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precedent-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const draft = (verb: string, rest: string) =>
    `A/RES/99/1\n\n99/1. A test resolution\n\nThe General Assembly,\n\nRecalling its resolution 70/1 of 25 September 2015,\n\n1. *${verb}* ${rest};\n\n2. *Requests* the Secretary-General to report on the implementation of the present resolution.\n`;

  it('skips an unreadable or malformed file, naming it, and loads the others', async () => {
    fs.writeFileSync(
      path.join(dir, 'good.res.md'),
      draft('Decides', 'to convene a high-level meeting on the protection of migratory birds and their habitats'),
    );
    fs.writeFileSync(path.join(dir, 'broken.xml'), '<akomaNtoso><statement><preamble><p>unclosed</preamble>');
    fs.writeFileSync(path.join(dir, 'notakn.xml'), '<html><body><p>hello</p></body></html>');
    fs.symlinkSync(path.join(dir, 'does-not-exist.txt'), path.join(dir, 'dangling.txt'));
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14]));
    const corpus = new Corpus();
    const progress: number[] = [];
    const report = await corpus.load({ builtin: false, paths: [dir] }, { onProgress: (p) => progress.push(p.done) });
    const skipped = Object.fromEntries(report.skipped.map((s) => [path.basename(s.path), s.reason]));
    assert.deepStrictEqual(Object.keys(skipped).sort(), ['binary.txt', 'broken.xml', 'dangling.txt', 'notakn.xml']);
    assert.match(skipped['broken.xml'], /malformed XML/);
    assert.match(skipped['notakn.xml'], /not an Akoma Ntoso/);
    assert.match(skipped['dangling.txt'], /cannot read/);
    assert.strictEqual(report.files, 1);
    assert.strictEqual(report.paragraphs, 3);
    assert.strictEqual(progress[progress.length - 1], 5);
    const [m] = corpus.search('Decides to convene a high-level meeting on the protection of migratory birds', { top: 1 });
    assert.strictEqual(m.source.symbol, 'A/RES/99/1');
    assert.strictEqual(m.source.title, 'A test resolution');
    assert.strictEqual(m.source.paragraph, '1');
    assert.strictEqual(m.source.line, 9);
  });

  it('re-indexes a changed file alone', async () => {
    const a = path.join(dir, 'a.res.md');
    const b = path.join(dir, 'b.res.md');
    fs.writeFileSync(a, draft('Decides', 'to convene a high-level meeting on the protection of migratory birds and their habitats'));
    fs.writeFileSync(b, draft('Invites', 'Member States to designate national focal points for the conservation of coral reefs'));
    const corpus = new Corpus();
    await corpus.load({ builtin: false, paths: [dir] });
    const before = corpus.search('designate national focal points for the conservation of coral reefs', { top: 1 })[0];
    fs.writeFileSync(a, draft('Urges', 'States to phase out single-use plastics in coastal tourism by the year 2030'));
    assert.strictEqual(await corpus.updateFile(a), true);
    assert.strictEqual(corpus.search('phase out single-use plastics in coastal tourism', { top: 1 })[0].source.path, a);
    const gone = corpus.search('convene a high-level meeting on the protection of migratory birds', { top: 1, minScore: 0.5 });
    assert.deepStrictEqual(gone, []);
    const after = corpus.search('designate national focal points for the conservation of coral reefs', { top: 1 })[0];
    assert.strictEqual(after.id, before.id, 'the unchanged file keeps its index entries');
    fs.unlinkSync(a);
    await corpus.updateFile(a);
    assert.strictEqual(corpus.report().files, 1);
    assert.strictEqual(await corpus.updateFile(path.join(os.tmpdir(), 'elsewhere.res.md')), false);
  });
});

describe('precedent: citation facts follow file changes', () => {
  it('forgets the dates a changed file no longer cites', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'precedent-cite-'));
    try {
      const f = path.join(dir, 'c.res.md');
      const write = (date: string) =>
        fs.writeFileSync(
          f,
          `The General Assembly,\n\nRecalling its resolution 98/7 of ${date},\n\n1. *Decides* to remain seized of the matter.\n`,
        );
      write('3 March 2003');
      const corpus = new Corpus();
      await corpus.load({ builtin: false, paths: [dir] });
      assert.strictEqual(corpus.dateOf('98/7'), '3 March 2003');
      write('4 April 2004');
      await corpus.updateFile(f);
      assert.strictEqual(corpus.dateOf('98/7'), '4 April 2004');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('precedent: index', () => {
  it('finds paragraphs added after the build (delta) and forgets removed ones', () => {
    const idx = new PrecedentIndex();
    const source = { path: 'x', symbol: 'X/1' };
    for (let i = 0; i < 50; i++)
      idx.add({
        text: `Paragraph number ${i} about topic ${i * 7} and matter ${i * 13}`,
        kind: 'operative',
        paragraph: String(i + 1),
        line: i + 1,
        source,
      });
    idx.commit();
    const id = idx.add({
      text: 'Welcomes the entry into force of the agreement on marine biodiversity',
      kind: 'operative',
      paragraph: '51',
      line: 51,
      source,
    });
    assert.strictEqual(idx.search('welcomes the entry into force of the agreement on marine biodiversity', { top: 1 })[0].id, id);
    assert.strictEqual(idx.prefix('Welcomes the entry into f', { top: 1 })[0].id, id);
    idx.remove(id);
    assert.notStrictEqual(idx.search('welcomes the entry into force of the agreement on marine biodiversity', { top: 1 })[0]?.id, id);
    assert.strictEqual(idx.size, 50);
  });
});

describe('precedent: AKN4UN import', () => {
  const shared = sharedAkn();
  before(function () {
    if (!shared) {
      console.log('    (skipped: ../shared/corpus/un-ga-akn4un is absent)');
      this.skip();
    }
  });

  it('reads A/RES/75/311: symbol, title, adoption date, preambular and numbered operative paragraphs', () => {
    const [doc] = parseAkn(fs.readFileSync(path.join(shared!, '75', 'A_RES_75_311-2110242E.xml'), 'utf8'));
    assert.strictEqual(doc.symbol, 'A/RES/75/311');
    assert.strictEqual(doc.title, 'Tackling illicit trafficking in wildlife');
    assert.strictEqual(doc.date, '23 July 2021');
    const ops = doc.paragraphs.filter((p) => p.kind === 'operative');
    assert.strictEqual(ops.length, 44);
    assert.deepStrictEqual(
      ops.map((p) => p.number),
      Array.from({ length: 44 }, (_, i) => String(i + 1)),
    );
    assert.match(ops[5].text, /^\*Calls upon\* Member States to make illicit trafficking in protected species/);
    const pre = doc.paragraphs.filter((p) => p.kind === 'preambular');
    assert.match(pre[0].text, /^\*Reaffirming\* its resolutions 69\/314 of 30 July 2015/);
    // footnotes are not part of the paragraph text
    assert.ok(!doc.paragraphs.some((p) => /Treaty Series/.test(p.text)));
  });

  it('reads sub-paragraphs and multi-part resolutions', () => {
    const [doc] = parseAkn(fs.readFileSync(path.join(shared!, '75', '75_283_E.xml'), 'utf8'));
    const subs = doc.paragraphs.filter((p) => p.kind === 'subparagraph');
    assert.ok(subs.some((p) => p.number === '2 (a)' && /^The opening plenary meeting/.test(p.text)));
    const parts = parseAkn(fs.readFileSync(path.join(shared!, '75', '75_101A-B_E.xml'), 'utf8'));
    assert.deepStrictEqual(
      parts.map((p) => p.symbol),
      ['A/RES/75/101 A', 'A/RES/75/101 B'],
    );
    assert.deepStrictEqual(
      parts.map((p) => p.date),
      ['10 December 2020', '10 December 2020'],
    );
  });

  it('loads the AKN folder with its metadata and finds the seed paragraph in it', async function () {
    this.timeout(60000);
    const corpus = new Corpus();
    const report = await corpus.load({ builtin: false, paths: [path.join(shared!, '75')] });
    assert.deepStrictEqual(report.skipped, []);
    assert.ok(report.files > 300);
    assert.strictEqual(corpus.dateOf('75/1'), '21 September 2020');
    assert.match(corpus.symbolInfo('75/1')!.title!, /seventy-fifth anniversary/);
    const doc = readTextResolution(fs.readFileSync(ga71, 'utf8'), ga71);
    const op5 = doc.records.find((r) => r.kind === 'operative' && r.paragraph === '5')!;
    const best = corpus.search(op5.text, { top: 5 }).find((m) => m.source.symbol === 'A/RES/75/311')!;
    assert.strictEqual(best.source.paragraph, '6');
    assert.strictEqual(best.source.kind, 'operative');
  });
});

describe('precedent: command line', () => {
  async function run(args: string[]) {
    let out = '';
    let err = '';
    const code = await main(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
    return { code, out, err };
  }

  it('--text --format json: query and matches with provenance', async () => {
    const r = await run([
      'precedent',
      '--format',
      'json',
      '--top',
      '2',
      '--text',
      'Remaining concerned, therefore, about the increasing scale of poaching and illegal trade in wildlife and wildlife products and its adverse economic, social and environmental impacts,',
    ]);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepStrictEqual(Object.keys(json), ['query', 'matches']);
    assert.strictEqual(json.matches.length, 2);
    assert.strictEqual(json.matches[0].score, 1);
    for (const m of json.matches) {
      assert.deepStrictEqual(Object.keys(m), ['score', 'text', 'source']);
      for (const k of ['path', 'symbol', 'kind', 'paragraph', 'line']) assert.ok(k in m.source, k);
      assert.strictEqual(m.source.kind, 'preambular');
    }
  });

  it('--file: one entry per paragraph with line, kind, number, coverage and precedents in the other seeds', async () => {
    const r = await run(['precedent', '--format', 'json', '--file', ga71]);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    const op5 = json.paragraphs.find((p: { kind: string; number?: string }) => p.kind === 'operative' && p.number === '5');
    assert.strictEqual(op5.line, 101);
    assert.ok(op5.coverage > 0.8 && op5.coverage <= 1);
    assert.strictEqual(op5.matches[0].source.symbol, 'A/RES/75/311');
    assert.strictEqual(op5.matches[0].source.paragraph, '6');
    assert.ok(json.paragraphs.every((p: { matches: Match[] }) => p.matches.every((m) => !m.source.path.endsWith(SEED.ga71))));
    assert.ok(json.paragraphs.filter((p: { kind: string }) => p.kind === 'preambular').length >= 20);
  });

  it('rejects bad usage with exit code 2', async () => {
    assert.strictEqual((await run(['precedent'])).code, 2);
    assert.strictEqual((await run(['precedent', '--text', 'x', '--file', 'y'])).code, 2);
    assert.strictEqual((await run(['precedent', '--top', 'zero', '--text', 'x'])).code, 2);
    const missing = await run(['precedent', '--corpus', '/no/such/folder', '--text', 'x']);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /not found: \/no\/such\/folder/);
  });
});

describe('precedent: editor helpers', () => {
  it('restyles the opening phrase of a precedent to the document italics', () => {
    assert.strictEqual(restyle('*Calls upon* Member States to act;', 'operative', false), 'Calls upon Member States to act;');
    assert.strictEqual(restyle('Reaffirming also its resolution 70/1,', 'preambular', true), '*Reaffirming also* its resolution 70/1,');
    assert.strictEqual(
      restyle('*Calls upon* States, *inter alia*, to act;', 'operative', true),
      '*Calls upon* States, *inter alia*, to act;',
    );
  });

  it('finds the paragraph being typed: after its number, over wrapped lines, not across a blank line', () => {
    const src = 'The General Assembly,\n\n5. *Decides* to act;\n\n6. *Calls upon* Member\nStates to ma';
    const t = typedOpening(src, src.length)!;
    assert.strictEqual(t.text, '*Calls upon* Member States to ma');
    assert.strictEqual(t.numbered, true);
    assert.strictEqual(src.slice(t.start, t.start + 12), '*Calls upon*');
    const u = typedOpening('The General Assembly,\n\nRecalling its', 'The General Assembly,\n\nRecalling its'.length)!;
    assert.strictEqual(u.text, 'Recalling its');
    assert.strictEqual(u.numbered, false);
  });

  it('locates preambular, operative and sub-paragraphs, and reads the italics convention', () => {
    const src =
      'The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. *Requests* the Secretary-General:\n\n(a) To report;\n\n(b) To act.\n';
    const doc = parse(src);
    assert.strictEqual(paragraphAt(doc, src.indexOf('Recalling') + 3)!.kind, 'preambular');
    const op = paragraphAt(doc, src.indexOf('Requests'))!;
    assert.deepStrictEqual([op.kind, op.number, op.text], ['operative', '1', '*Requests* the Secretary-General:']);
    const sub = paragraphAt(doc, src.indexOf('To act'))!;
    assert.deepStrictEqual([sub.kind, sub.number, sub.text], ['subparagraph', '1 (b)', 'To act.']);
    assert.strictEqual(italicStyle(doc, 'preambular'), false);
    assert.strictEqual(italicStyle(doc, 'operative'), true);
  });

  it('proposes the also/further form of the previous opening', () => {
    assert.strictEqual(followUp('encourages', [], 'operative'), 'also encourages');
    assert.strictEqual(followUp('encourages', ['also'], 'operative'), 'further encourages');
    assert.strictEqual(followUp('encourages', ['also', 'strongly'], 'operative'), 'further strongly encourages');
    assert.strictEqual(followUp('reaffirming', [], 'preambular'), 'reaffirming also');
  });
});

describe('precedent: corpus settings', () => {
  it('reads .resolutionrc.json above the workspace (nearest wins over settings, except corpus paths: both lists are used), paths relative to it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rc-'));
    try {
      fs.writeFileSync(
        path.join(dir, '.resolutionrc.json'),
        JSON.stringify({ corpus: { paths: ['texts'], builtin: false }, precedent: { minScore: 0.6 } }),
      );
      const ws = path.join(dir, 'project');
      fs.mkdirSync(ws);
      const s = resolveSettings({ corpus: { builtin: true, paths: ['/elsewhere'] }, precedent: { maxCompletions: 8 } }, ws);
      // The project's sources first, then the user's own from the setting (docs: corpus sources).
      assert.deepStrictEqual(s, {
        paths: [path.join(dir, 'texts'), '/elsewhere'],
        builtin: false,
        includeWorkspace: false,
        maxCompletions: 8,
        minScore: 0.6,
      });
      const plain = resolveSettings({ corpus: { paths: ['lib'] } }, path.join(os.tmpdir(), 'no-rc-here'));
      assert.deepStrictEqual(plain.paths, [path.join(os.tmpdir(), 'no-rc-here', 'lib')]);
      assert.strictEqual(plain.builtin, true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
