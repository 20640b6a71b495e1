import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, zipSync } from 'fflate';
import { MessageChannel } from 'worker_threads';
import { Corpus, handoverBuffers, type CorpusHandover, type LoadReport } from '../../server/src/core/precedent/corpus';
import { Alignment } from '../../server/src/core/precedent/alignment';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { corpusConfig, editCorpusPaths } from '../../server/src/core/precedent/corpusConfig';
import { main } from '../../server/src/cli/main';
import { sharedCorpusDir } from '../tools/corpus-path';

const shared = sharedCorpusDir();

/** A small draft; with `lang: fr`, its authority line, first and last paragraphs are French (the test's own paragraph is not). */
const draft = (symbol: string, verb: string, rest: string, lang?: string) =>
  lang === 'fr'
    ? `lang: fr\n\n${symbol}\n\n${symbol.replace(/^A\/RES\//, '')}. Une résolution d’essai\n\nL’Assemblée générale,\n\n*Rappelant* sa résolution 70/1 du 25 septembre 2015,\n\n1. *${verb}* ${rest};\n\n2. *Prie* le Secrétaire général de lui faire rapport sur l’application de la présente résolution.\n`
    : `${lang ? `lang: ${lang}\n\n` : ''}${symbol}\n\n${symbol.replace(/^A\/RES\//, '')}. A test resolution\n\nThe General Assembly,\n\n*Recalling* its resolution 70/1 of 25 September 2015,\n\n1. *${verb}* ${rest};\n\n2. *Requests* the Secretary-General to report on the implementation of the present resolution.\n`;

function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

describe('corpus sources: folders, single files and zip archives', () => {
  let dir: string;
  beforeEach(() => (dir = tmp('corpus-src-')));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a zip archive in place, with its metadata/*.jsonl inside, and names each paragraph’s entry', async () => {
    const zip = path.join(dir, '99_English.zip');
    fs.writeFileSync(
      zip,
      zipSync({
        '99/99_1_E.res.md': strToU8(
          draft('A/RES/99/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds and their habitats'),
        ),
        '99/99_2_E.res.md': strToU8(
          draft('A/RES/99/2', 'Invites', 'Member States to designate national focal points for the conservation of coral reefs'),
        ),
        'metadata/99.jsonl': strToU8('{"symbol":"A/RES/99/1","title":"Migratory birds","adoption_date":"2031-05-04"}\n'),
        'README.txt': strToU8('not a resolution'),
        'images/logo.png': new Uint8Array([1, 2, 3]),
      }),
    );
    const corpus = new Corpus();
    const report = await corpus.load({ builtin: false, paths: [zip] });
    assert.deepStrictEqual(report.skipped, []);
    assert.strictEqual(report.files, 2);
    const [m] = corpus.search('Decides to convene a high-level meeting on the protection of migratory birds', { top: 1 });
    assert.strictEqual(m.source.symbol, 'A/RES/99/1');
    assert.strictEqual(m.source.path, `${zip}!/99/99_1_E.res.md`);
    assert.strictEqual(m.source.date, '4 May 2031', 'the date comes from the metadata inside the archive');
    assert.strictEqual(m.source.title, 'A test resolution');
    const [stats] = corpus.sourceStats();
    assert.strictEqual(stats.kind, 'archive');
    assert.strictEqual(stats.files, 2);
    assert.strictEqual(stats.metadataFiles, 1);
    assert.deepStrictEqual(stats.sessions, ['99']);
    assert.deepStrictEqual(stats.languages, { en: 6 });
    assert.strictEqual(stats.ignored, 2);
    // no file was unpacked beside the archive
    assert.deepStrictEqual(fs.readdirSync(dir), ['99_English.zip']);
  });

  it('skips a damaged archive and a damaged entry with the reason, and loads the rest', async () => {
    const good = zipSync({
      'a.res.md': strToU8(draft('A/RES/98/1', 'Urges', 'States to phase out single-use plastics in coastal tourism by the year 2030')),
    });
    fs.writeFileSync(path.join(dir, 'cut.zip'), good.subarray(0, Math.floor(good.length / 2)));
    const withBad = zipSync({
      'ok.res.md': [
        strToU8(draft('A/RES/98/2', 'Decides', 'to remain seized of the matter of the conservation of wetlands')),
        { level: 0 },
      ],
      'bad.res.md': [strToU8('x'.repeat(400)), { level: 0 }],
    });
    const at = Buffer.from(withBad).indexOf('xxxx');
    withBad[at] = 'y'.charCodeAt(0);
    fs.writeFileSync(path.join(dir, 'mixed.zip'), withBad);
    const corpus = new Corpus();
    const report = await corpus.load({ builtin: false, paths: [dir] });
    const reasons = Object.fromEntries(report.skipped.map((s) => [path.basename(s.path), s.reason]));
    assert.match(reasons['cut.zip'], /damaged zip archive|truncated/);
    assert.match(reasons['bad.res.md'], /checksum/);
    assert.strictEqual(report.files, 1);
    assert.strictEqual(corpus.sourceStats()[0].skipped.length, 2);
  });

  it('takes a single file as a source, and reports a missing source', async () => {
    const one = path.join(dir, 'one.res.md');
    fs.writeFileSync(
      one,
      draft('A/RES/97/1', 'Encourages', 'the exchange of good practices on the restoration of degraded mangrove forests'),
    );
    const corpus = new Corpus();
    const report = await corpus.load({ builtin: false, paths: [one, path.join(dir, 'gone')] });
    assert.strictEqual(report.files, 1);
    const stats = corpus.sourceStats();
    assert.deepStrictEqual(
      stats.map((s) => s.kind),
      ['file', 'missing'],
    );
    assert.match(stats[1].skipped[0].reason, /not found/);
  });

  it('keeps each paragraph’s language: front matter lang for text files; a draft’s precedents come from its language', async () => {
    fs.writeFileSync(
      path.join(dir, 'en.res.md'),
      draft('A/RES/96/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds'),
    );
    fs.writeFileSync(
      path.join(dir, 'es.res.md'),
      draft('A/RES/96/1', 'Decide', 'convocar una reunión de alto nivel sobre la protección de las aves migratorias', 'es'),
    );
    const corpus = new Corpus();
    await corpus.load({ builtin: false, paths: [dir] });
    const q = 'Decides to convene a high-level meeting on the protection of migratory birds';
    assert.deepStrictEqual(
      corpus
        .search('Decide convocar una reunión de alto nivel sobre la protección de las aves', { top: 5, lang: 'es' })
        .map((m) => m.source.lang),
      ['es'],
    );
    assert.ok(
      corpus.search(q, { top: 5, lang: 'es' }).every((m) => m.source.lang === 'es'),
      'no English precedent for a Spanish draft',
    );
    assert.deepStrictEqual(
      corpus.search(q, { top: 5, lang: 'en', minScore: 0.5 }).map((m) => m.source.lang),
      ['en'],
    );
    assert.deepStrictEqual(corpus.languages().sort(), ['en', 'es']);
  });
});

describe('corpus cache: a restart re-reads only what changed', () => {
  it('loads unchanged files from the cache, re-reads a changed file alone, forgets a removed one', async () => {
    const dir = tmp('corpus-cache-src-');
    const cacheDir = tmp('corpus-cache-');
    try {
      const files = ['a.res.md', 'b.res.md', 'c.xml'].map((n) => path.join(dir, n));
      fs.writeFileSync(files[0], draft('A/RES/95/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds'));
      fs.writeFileSync(
        files[1],
        draft('A/RES/95/2', 'Invites', 'Member States to designate national focal points for the conservation of coral reefs'),
      );
      fs.writeFileSync(files[2], '<akomaNtoso><broken>');
      const first = await new Corpus().load({ builtin: false, paths: [dir] }, { cacheDir });
      assert.strictEqual(first.cached, 0);
      assert.strictEqual(first.skipped.length, 1);
      const corpus = new Corpus();
      const warm = await corpus.load({ builtin: false, paths: [dir] }, { cacheDir });
      assert.strictEqual(warm.cached, 3, 'every file from the cache, the skipped one included');
      assert.strictEqual(warm.skipped.length, 1, 'the skipped file is still reported, with its reason');
      assert.strictEqual(
        corpus.search('designate national focal points for the conservation of coral reefs', { top: 1 })[0].source.symbol,
        'A/RES/95/2',
      );
      // change one file (size changes too): only it is re-read
      fs.writeFileSync(
        files[0],
        draft('A/RES/95/1', 'Urges', 'States to phase out single-use plastics in coastal tourism by the year 2030 and beyond'),
      );
      fs.rmSync(files[2]);
      const again = new Corpus();
      const third = await again.load({ builtin: false, paths: [dir] }, { cacheDir });
      assert.strictEqual(third.cached, 1);
      assert.deepStrictEqual(third.skipped, []);
      assert.strictEqual(again.search('phase out single-use plastics in coastal tourism', { top: 1 })[0].source.path, files[0]);
      assert.deepStrictEqual(
        again.search('convene a high-level meeting on the protection of migratory birds', { top: 1, minScore: 0.5 }),
        [],
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('restores the saved index when nothing changed, and re-reads a changed file alone into it', async () => {
    const dir = tmp('corpus-snap-src-');
    const cacheDir = tmp('corpus-snap-');
    try {
      const a = path.join(dir, 'a.res.md');
      fs.writeFileSync(a, draft('A/RES/91/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds'));
      fs.writeFileSync(
        path.join(dir, 'b.res.md'),
        draft('A/RES/91/2', 'Invites', 'Member States to designate national focal points for the conservation of coral reefs', 'fr'),
      );
      const first = new Corpus();
      assert.strictEqual(await first.loadIfFresh({ builtin: false, paths: [dir] }, cacheDir), undefined, 'nothing saved yet');
      await first.load({ builtin: false, paths: [dir] }, { cacheDir });
      assert.ok(
        fs.readdirSync(cacheDir).some((f) => f.startsWith('index-')),
        'the index is saved',
      );
      const warm = new Corpus();
      const r = await warm.loadIfFresh({ builtin: false, paths: [dir] }, cacheDir);
      assert.ok(r, 'the saved index is fresh');
      assert.strictEqual(r.files, 2);
      assert.strictEqual(
        warm.search('designate national focal points for the conservation of coral reefs', { top: 1, lang: 'fr' })[0].source.symbol,
        'A/RES/91/2',
      );
      assert.strictEqual(warm.symbolInfo('91/1')?.title, 'A test resolution');
      assert.deepStrictEqual(warm.sourceStats()[0].languages, first.sourceStats()[0].languages);
      fs.writeFileSync(
        a,
        draft('A/RES/91/1', 'Urges', 'States to phase out single-use plastics in coastal tourism by the year 2030 and beyond'),
      );
      assert.strictEqual(await new Corpus().loadIfFresh({ builtin: false, paths: [dir] }, cacheDir), undefined, 'a file changed');
      const patched = new Corpus();
      const p = await patched.load({ builtin: false, paths: [dir] }, { cacheDir });
      assert.strictEqual(p.cached, 1, 'the unchanged file came from the saved index; the changed one was re-read alone');
      assert.strictEqual(patched.search('phase out single-use plastics in coastal tourism', { top: 1 })[0].source.path, a);
      assert.deepStrictEqual(
        patched.search('convene a high-level meeting on the protection of migratory birds', { top: 1, minScore: 0.5 }),
        [],
      );
      assert.ok(await new Corpus().loadIfFresh({ builtin: false, paths: [dir] }, cacheDir), 'fresh again after the re-read');
      // A change while running (a watched file) keeps the other files' cached parse.
      fs.writeFileSync(a, draft('A/RES/91/1', 'Decides', 'to establish a fund for the restoration of seagrass meadows in coastal zones'));
      assert.ok(await patched.updateFile(a));
      fs.rmSync(
        path.join(
          cacheDir,
          fs.readdirSync(cacheDir).find((f) => f.startsWith('index-') && f.endsWith('.bin'))!,
        ),
      );
      const fromFiles = await new Corpus().load({ builtin: false, paths: [dir] }, { cacheDir });
      assert.strictEqual(fromFiles.cached, 2, 'both files from the per-file cache, the updated one included');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });

  it('ignores a damaged cache file and reads the sources', async () => {
    const dir = tmp('corpus-cache-src-');
    const cacheDir = tmp('corpus-cache-');
    try {
      fs.writeFileSync(
        path.join(dir, 'a.res.md'),
        draft('A/RES/94/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds'),
      );
      await new Corpus().load({ builtin: false, paths: [dir] }, { cacheDir });
      for (const f of fs.readdirSync(cacheDir))
        fs.writeFileSync(path.join(cacheDir, f), f.endsWith('.bin') ? Buffer.from([9, 0, 0, 0, 1, 2]) : '{"version":');
      const r = await new Corpus().load({ builtin: false, paths: [dir] }, { cacheDir });
      assert.strictEqual(r.cached, 0);
      assert.strictEqual(r.files, 1);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

/** What a user sees of a corpus: its report, sources, searches, completions, symbols and parallel texts. */
function view(c: Corpus, queries: string[]): unknown {
  const report = c.report();
  const stats = c.sourceStats().map((s) => ({ ...s, skipped: [...s.skipped].sort((a, b) => a.path.localeCompare(b.path)) }));
  const m = (x: {
    text: string;
    score: number;
    source: { symbol: string; path: string; paragraph: string; title?: string; date?: string };
  }) => ({
    text: x.text,
    score: x.score,
    symbol: x.source.symbol,
    path: x.source.path,
    paragraph: x.source.paragraph,
    title: x.source.title,
    date: x.source.date,
  });
  return {
    files: report.files,
    paragraphs: report.paragraphs,
    skipped: [...report.skipped].sort((a, b) => a.path.localeCompare(b.path)),
    stats,
    languages: c.languages(),
    // Paragraphs of equal score may come in another order (ids differ): compared as sorted lists.
    searches: queries.map((q) => {
      const found = [...c.search(q, { top: 20 }), ...c.search(q, { top: 20, lang: 'fr' })];
      const order = (x: { score: number; path: string; paragraph: string; text: string }, y: typeof x) =>
        y.score - x.score || x.path.localeCompare(y.path) || x.paragraph.localeCompare(y.paragraph) || x.text.localeCompare(y.text);
      return {
        found: found.map(m).sort(order),
        prefix: c
          .prefix(q.split(' ').slice(0, 4).join(' ') + ' ', { top: 20 })
          .map((x) => `${x.score} ${x.text}`)
          .sort(),
        parallel: found.slice(0, 1).flatMap((f) => c.parallel(f.id).map((p) => ({ lang: p.lang, text: p.text }))),
      };
    }),
    symbols: ['96/1', '96/2', '96/3', '96/4', '70/1'].map((k) => c.symbolInfo(k) ?? null),
  };
}

describe('persistent corpus index: a delta beside the saved index', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = tmp('corpus-delta-src-');
    cacheDir = tmp('corpus-delta-');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });
  const queries = [
    'convene a high-level meeting on the protection of migratory birds',
    'designate national focal points for the conservation of coral reefs',
    'phase out single-use plastics in coastal tourism by the year 2030',
    'establish a fund for the restoration of seagrass meadows',
    'Requests the Secretary-General to report on the implementation of the present resolution',
  ];
  const sources = () => ({ builtin: false, paths: [dir] });
  const binOf = () =>
    path.join(
      cacheDir,
      fs.readdirSync(cacheDir).find((f) => f.startsWith('index-') && f.endsWith('.bin'))!,
    );
  const deltaOf = () => fs.readdirSync(cacheDir).find((f) => f.endsWith('.delta.json'));

  it('after files changed, were added and removed, a restart reads only those files, writes a delta and equals a fresh build', async () => {
    const a = path.join(dir, 'a.res.md');
    const b = path.join(dir, 'b.res.md');
    const c = path.join(dir, 'c.res.md');
    const d = path.join(dir, 'd.xml');
    fs.writeFileSync(a, draft('A/RES/96/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds'));
    fs.writeFileSync(
      b,
      draft('A/RES/96/1', 'Décide', 'de convoquer une réunion de haut niveau sur la protection des oiseaux migrateurs', 'fr'),
    );
    fs.writeFileSync(
      c,
      draft('A/RES/96/2', 'Invites', 'Member States to designate national focal points for the conservation of coral reefs'),
    );
    fs.writeFileSync(d, '<akomaNtoso><broken>');
    await new Corpus().load(sources(), { cacheDir });
    const bin = binOf();
    const before = fs.readFileSync(bin);
    assert.strictEqual(deltaOf(), undefined, 'no delta after a full build');

    // a changed, c removed, e added, d repaired (a skipped file that is now readable)
    fs.writeFileSync(
      a,
      draft('A/RES/96/1', 'Urges', 'States to phase out single-use plastics in coastal tourism by the year 2030 and beyond'),
    );
    fs.rmSync(c);
    const e = path.join(dir, 'e.res.md');
    fs.writeFileSync(e, draft('A/RES/96/3', 'Decides', 'to establish a fund for the restoration of seagrass meadows in coastal zones'));
    fs.writeFileSync(
      d,
      draft('A/RES/96/4', 'Notes', 'the report of the Secretary-General on oceans and the law of the sea').replace(/^/, ''),
    );
    fs.renameSync(d, path.join(dir, 'd.res.md'));
    fs.writeFileSync(path.join(dir, 'f.xml'), '<akomaNtoso><still broken>');

    const restarted = new Corpus();
    const r = await restarted.load(sources(), { cacheDir });
    assert.strictEqual(r.cached, 1, 'only the unchanged file came from the saved index');
    assert.ok(fs.readFileSync(bin).equals(before), 'the saved index is not written again');
    assert.ok(deltaOf(), 'the changes are saved as a delta beside it');
    const fresh = new Corpus();
    await fresh.load(sources());
    assert.deepStrictEqual(view(restarted, queries), view(fresh, queries));
    assert.strictEqual(restarted.search(queries[2], { top: 1 })[0].source.path, a);

    // the next start applies the delta: fresh, nothing read
    const third = new Corpus();
    const t = await third.loadIfFresh(sources(), cacheDir);
    assert.ok(t, 'the saved index and its delta are fresh');
    assert.deepStrictEqual(view(third, queries), view(fresh, queries));

    // a change while running (a watched file) joins the delta too
    fs.writeFileSync(b, draft('A/RES/96/1', 'Prie', 'les États de protéger les zones humides côtières', 'fr'));
    assert.ok(await third.updateFile(b));
    fs.rmSync(e);
    assert.ok(await third.updateFile(e));
    assert.ok(fs.readFileSync(bin).equals(before), 'still the same saved index');
    const fresh2 = new Corpus();
    await fresh2.load(sources());
    assert.deepStrictEqual(view(third, queries), view(fresh2, queries));
    const fourth = new Corpus();
    assert.ok(await fourth.loadIfFresh(sources(), cacheDir), 'fresh after the watched changes');
    assert.deepStrictEqual(view(fourth, queries), view(fresh2, queries));
    // without the saved index, the delta's parsed files still spare a re-read
    fs.rmSync(bin);
    const rebuilt = await new Corpus().load(sources(), { cacheDir });
    assert.strictEqual(rebuilt.cached, rebuilt.files + rebuilt.skipped.length, 'every file from the per-file cache or the delta');
  });

  it('folds a large delta into a new saved index', async () => {
    for (let i = 0; i < 70; i++) {
      fs.writeFileSync(
        path.join(dir, `r${i}.res.md`),
        draft(`A/RES/97/${i + 1}`, 'Decides', `to hold meeting number ${i} on coastal wetlands`),
      );
    }
    await new Corpus().load(sources(), { cacheDir });
    const before = fs.readFileSync(binOf());
    for (let i = 0; i < 70; i++) {
      fs.writeFileSync(
        path.join(dir, `r${i}.res.md`),
        draft(`A/RES/97/${i + 1}`, 'Urges', `States to restore coastal wetlands, plan ${i}`),
      );
    }
    const c = new Corpus();
    const r = await c.load(sources(), { cacheDir });
    assert.strictEqual(r.cached, 0);
    assert.ok(!fs.readFileSync(binOf()).equals(before), 'a new saved index');
    assert.strictEqual(deltaOf(), undefined, 'no delta beside it');
    const again = new Corpus();
    assert.ok(await again.loadIfFresh(sources(), cacheDir));
    assert.strictEqual(again.search('States to restore coastal wetlands, plan 7', { top: 1 })[0].source.symbol, 'A/RES/97/8');
  });

  it('a damaged saved index or delta is ignored with a message and rebuilt; the corpus is complete', async () => {
    const a = path.join(dir, 'a.res.md');
    fs.writeFileSync(a, draft('A/RES/96/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds'));
    fs.writeFileSync(
      path.join(dir, 'c.res.md'),
      draft('A/RES/96/2', 'Invites', 'Member States to designate national focal points for the conservation of coral reefs'),
    );
    await new Corpus().load(sources(), { cacheDir });
    const fresh = new Corpus();
    await fresh.load(sources());
    const expected = view(fresh, queries);
    const bin = binOf();
    const good = fs.readFileSync(bin);
    const damage: Array<[string, (b: Buffer) => Buffer]> = [
      ['cut in half', (x) => x.subarray(0, x.length >> 1)],
      ['garbage', () => Buffer.from([9, 0, 0, 0, 1, 2])],
      ['index bytes overwritten', (x) => Buffer.concat([x.subarray(0, x.length - 4096), Buffer.alloc(4096, 0xff)])],
      ['empty', () => Buffer.alloc(0)],
    ];
    for (const [what, f] of damage) {
      fs.writeFileSync(bin, f(good));
      const c = new Corpus();
      const r = await c.load(sources(), { cacheDir });
      assert.strictEqual(r.files, 2, what);
      assert.deepStrictEqual(view(c, queries), expected, what);
      if (what !== 'empty')
        assert.ok(
          r.notes?.some((n) => /damaged corpus index/.test(n)),
          `${what}: ${JSON.stringify(r.notes)}`,
        );
      assert.ok(await new Corpus().loadIfFresh(sources(), cacheDir), `${what}: rebuilt and saved`);
    }
    // a damaged delta: named, and the changed file read again
    fs.writeFileSync(
      a,
      draft('A/RES/96/1', 'Urges', 'States to phase out single-use plastics in coastal tourism by the year 2030 and beyond'),
    );
    await new Corpus().load(sources(), { cacheDir });
    const delta = path.join(cacheDir, deltaOf()!);
    fs.writeFileSync(delta, '{"version": 2, "base": ');
    const c = new Corpus();
    const r = await c.load(sources(), { cacheDir });
    assert.ok(
      r.notes?.some((n) => /damaged corpus index delta/.test(n)),
      JSON.stringify(r.notes),
    );
    const fresh2 = new Corpus();
    await fresh2.load(sources());
    assert.deepStrictEqual(view(c, queries), view(fresh2, queries));
  });
});

describe('persistent corpus index: handed from a worker thread to another thread', () => {
  let dir: string;
  let cacheDir: string;
  beforeEach(() => {
    dir = tmp('corpus-handover-src-');
    cacheDir = tmp('corpus-handover-');
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });
  const queries = [
    'convene a high-level meeting on the protection of migratory birds',
    'designate national focal points for the conservation of coral reefs',
    'phase out single-use plastics in coastal tourism by the year 2030',
    'Requests the Secretary-General to report on the implementation of the present resolution',
  ];
  const sources = () => ({ builtin: false, paths: [dir] });

  /** Loads as the worker does, sends the handover through a message channel with its buffers transferred, adopts it there. */
  async function throughChannel(): Promise<{ corpus: Corpus; report: LoadReport; sent: CorpusHandover }> {
    const worker = new Corpus();
    const r = await worker.load(sources(), { cacheDir, handoverOnly: true });
    const sent = worker.handover(r)!;
    assert.ok(sent, 'a handover after a load with a cache folder');
    const { port1, port2 } = new MessageChannel();
    const received = new Promise<CorpusHandover>((resolve) => port2.once('message', resolve));
    port1.postMessage(sent, handoverBuffers(sent));
    const h = await received;
    port1.close();
    port2.close();
    const corpus = new Corpus();
    const report = (await corpus.adopt(h, { cacheDir, sliceMs: 0 }))!;
    return { corpus, report, sent };
  }

  it('moves the saved corpus without a copy; the corpus taken over equals a fresh load, parallel texts and symbols included', async () => {
    fs.writeFileSync(path.join(dir, 'a.res.md'), draft('A/RES/96/1', 'Decides', queries[0]));
    fs.writeFileSync(
      path.join(dir, 'b.res.md'),
      draft('A/RES/96/1', 'Décide', 'de convoquer une réunion de haut niveau sur la protection des oiseaux migrateurs', 'fr'),
    );
    fs.writeFileSync(path.join(dir, 'c.res.md'), draft('A/RES/96/2', 'Invites', `Member States ${queries[1]}`));
    fs.writeFileSync(path.join(dir, 'd.xml'), '<akomaNtoso><broken>');
    await new Corpus().load(sources(), { cacheDir });
    const fresh = new Corpus();
    await fresh.load(sources());
    const { corpus, report, sent } = await throughChannel();
    assert.strictEqual(sent.index.byteLength, 0, 'the index bytes moved to the other side (the sender’s view is detached)');
    assert.strictEqual(sent.state.byteLength, 0);
    assert.strictEqual(report.cached, 4, 'nothing read: every file from the saved corpus');
    assert.deepStrictEqual(view(corpus, queries), view(fresh, queries));
    const best = corpus.search(queries[0], { top: 1 })[0];
    assert.deepStrictEqual(
      corpus.parallel(best.id).map((p) => [p.lang, p.source.symbol]),
      [['fr', 'A/RES/96/1']],
    );
    assert.ok(corpus.savedOpenings, 'the opening counts come with the saved corpus');
    assert.strictEqual(corpus.savedOpenings!.operative.get('decides')?.count, 1);
  });

  it('carries the files changed since the saved corpus; a later change is saved as the delta and the next start sees it', async () => {
    const a = path.join(dir, 'a.res.md');
    const b = path.join(dir, 'b.res.md');
    fs.writeFileSync(a, draft('A/RES/96/1', 'Decides', queries[0]));
    fs.writeFileSync(b, draft('A/RES/96/2', 'Invites', `Member States ${queries[1]}`));
    await new Corpus().load(sources(), { cacheDir });
    fs.writeFileSync(a, draft('A/RES/96/1', 'Urges', `States to ${queries[2]} and beyond`));
    const { corpus, report, sent } = await throughChannel();
    assert.strictEqual(report.cached, 1, 'the changed file was re-read alone (in the sending thread)');
    assert.deepStrictEqual(
      sent.delta.files.map(([id]) => id),
      [a],
    );
    assert.strictEqual(corpus.savedOpenings, undefined, 'counted again: a file changed');
    const fresh = new Corpus();
    await fresh.load(sources());
    assert.deepStrictEqual(view(corpus, queries), view(fresh, queries));
    // a watched change in the receiving thread joins the delta beside the same saved index
    fs.rmSync(b);
    assert.ok(await corpus.updateFile(b));
    const next = new Corpus();
    assert.ok(await next.loadIfFresh(sources(), cacheDir), 'the saved index and its delta are fresh');
    const fresh2 = new Corpus();
    await fresh2.load(sources());
    assert.deepStrictEqual(view(next, queries), view(fresh2, queries));
    assert.deepStrictEqual(view(corpus, queries), view(fresh2, queries));
  });

  it('after many changes, hands over a new saved corpus (the delta folded in)', async () => {
    for (let i = 0; i < 70; i++)
      fs.writeFileSync(path.join(dir, `r${i}.res.md`), draft(`A/RES/97/${i + 1}`, 'Decides', `to hold meeting ${i}`));
    await new Corpus().load(sources(), { cacheDir });
    const bin = fs.readdirSync(cacheDir).find((f) => f.startsWith('index-') && f.endsWith('.bin'))!;
    const before = fs.readFileSync(path.join(cacheDir, bin));
    for (let i = 0; i < 70; i++)
      fs.writeFileSync(path.join(dir, `r${i}.res.md`), draft(`A/RES/97/${i + 1}`, 'Urges', `States to restore wetlands, plan ${i}`));
    const { corpus, report, sent } = await throughChannel();
    assert.strictEqual(report.cached, 0);
    assert.deepStrictEqual(sent.delta, { files: [], removed: [] }, 'nothing left to apply');
    assert.ok(!fs.readFileSync(path.join(cacheDir, bin)).equals(before), 'a new saved corpus');
    assert.strictEqual(corpus.search('States to restore wetlands, plan 7', { top: 1 })[0].source.symbol, 'A/RES/97/8');
    const fresh = new Corpus();
    await fresh.load(sources());
    assert.deepStrictEqual(view(corpus, ['States to restore wetlands, plan 7']), view(fresh, ['States to restore wetlands, plan 7']));
  });

  it('stops taking over when cancelled', async () => {
    for (let i = 0; i < 30; i++)
      fs.writeFileSync(path.join(dir, `r${i}.res.md`), draft(`A/RES/97/${i + 1}`, 'Decides', `to hold meeting ${i}`));
    await new Corpus().load(sources(), { cacheDir });
    const worker = new Corpus();
    const h = worker.handover(await worker.load(sources(), { cacheDir, handoverOnly: true }))!;
    assert.strictEqual(await new Corpus().adopt(h, { sliceMs: 0, isCancelled: () => true }), undefined);
  });
});

describe('alignment table of a saved corpus', () => {
  it('keeps the keys of the saved paragraphs and of those added or removed since', () => {
    const a = new Alignment();
    a.add(0, '75/1|o1');
    a.add(1, '75/1|o1');
    a.add(2, '75/1|o2');
    a.add(3, '75/2|p1');
    a.add(4, '75/1|o1');
    a.remove(4);
    const saved = Alignment.deserialize(a.serialize([0, 1, 2, 3]));
    assert.deepStrictEqual(saved.members(1), [0, 1]);
    assert.deepStrictEqual(saved.members(3), [3]);
    assert.strictEqual(saved.keyOf(2), '75/1|o2');
    assert.strictEqual(saved.keyOf(9), undefined);
    assert.deepStrictEqual(saved.members(9), []);
    // since: 0 removed, 5 and 6 added (one to a saved key found by its name, one to a new key)
    saved.remove(0);
    saved.add(5, '75/1|o1');
    saved.add(6, '76/1|o1');
    assert.deepStrictEqual(saved.members(1), [1, 5]);
    assert.deepStrictEqual(saved.members(5), [1, 5]);
    assert.deepStrictEqual(saved.members(6), [6]);
    assert.strictEqual(saved.keyOf(0), undefined);
    saved.remove(5);
    assert.deepStrictEqual(saved.members(1), [1]);
    // saved again: the same content as typed arrays
    const again = Alignment.deserialize(saved.serialize([1, 2, 3, 6]));
    assert.deepStrictEqual(
      [1, 2, 3, 6].map((id) => again.keyOf(id)),
      ['75/1|o1', '75/1|o2', '75/2|p1', '76/1|o1'],
    );
    assert.deepStrictEqual(again.members(6), [6]);
    assert.throws(() => Alignment.deserialize(new Uint8Array(24)), /not an alignment table/);
    assert.throws(() => Alignment.deserialize(a.serialize([0, 1, 2, 3]).subarray(0, 32)), /truncated/);
  });
});

describe('corpus configuration shared by the editor and the command line', () => {
  it('uses the project file’s sources and the setting’s together; edits keep the file’s comments', () => {
    const dir = tmp('corpus-cfg-');
    try {
      const rc = path.join(dir, '.resolutionrc.json');
      fs.writeFileSync(rc, '{\n  // the secretariat archive\n  "corpus": { "paths": ["texts"] }\n}\n');
      const cfg = corpusConfig({ corpus: { paths: ['/mine'] } }, dir);
      assert.strictEqual(cfg.rcFile, rc);
      assert.deepStrictEqual(cfg.paths, [path.join(dir, 'texts'), '/mine']);
      const r = editCorpusPaths(rc, 'add', path.join(dir, 'sessions', '76_English.zip'));
      assert.ok(r.changed);
      const text = fs.readFileSync(rc, 'utf8');
      assert.match(text, /\/\/ the secretariat archive/);
      assert.deepStrictEqual(corpusConfig({}, dir).rcPaths, [path.join(dir, 'texts'), path.join(dir, 'sessions', '76_English.zip')]);
      assert.strictEqual(editCorpusPaths(rc, 'add', path.join(dir, 'texts')).changed, false, 'no repeat');
      editCorpusPaths(rc, 'remove', path.join(dir, 'texts'));
      assert.deepStrictEqual(corpusConfig({}, dir).rcPaths, [path.join(dir, 'sessions', '76_English.zip')]);
      fs.writeFileSync(rc, '{ "corpus": ');
      assert.throws(() => editCorpusPaths(rc, 'add', '/x'), /not a valid JSON object; fix it first/);
      assert.strictEqual(fs.readFileSync(rc, 'utf8'), '{ "corpus": ', 'a broken file is left as it was');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('resolution corpus add|list|remove|stats', async () => {
    const dir = tmp('corpus-cli-');
    const cwd = process.cwd();
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const code = await main(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
      return { code, out, err };
    };
    try {
      process.chdir(dir);
      const texts = path.join(dir, 'texts');
      fs.mkdirSync(texts);
      fs.writeFileSync(
        path.join(texts, 'a.res.md'),
        draft('A/RES/93/1', 'Decides', 'to convene a high-level meeting on the protection of migratory birds', 'fr'),
      );
      fs.writeFileSync(
        path.join(dir, 'arch.zip'),
        zipSync({
          'b.res.md': strToU8(draft('A/RES/93/2', 'Invites', 'Member States to designate national focal points')),
          'c.xml': strToU8('<nope'),
        }),
      );
      let r = await run(['corpus', 'add', 'texts', 'arch.zip']);
      assert.strictEqual(r.code, 0, r.err);
      assert.match(r.out, /Added texts to \.resolutionrc\.json/);
      assert.deepStrictEqual(JSON.parse(fs.readFileSync('.resolutionrc.json', 'utf8')).corpus.paths, ['texts', 'arch.zip']);
      r = await run(['corpus', 'add', 'missing-folder']);
      assert.strictEqual(r.code, 2);
      assert.match(r.err, /not found: missing-folder/);
      r = await run(['corpus', 'list']);
      assert.match(r.out, /\.resolutionrc\.json:\n {2}\(built-in seeds\)\n {2}texts\n {2}arch\.zip\n/);
      r = await run(['corpus', 'stats', '--no-builtin', '--format', 'json', '--cache-dir', path.join(dir, 'cache')]);
      assert.strictEqual(r.code, 0, r.err);
      const stats = JSON.parse(r.out);
      assert.deepStrictEqual(
        stats.sources.map((s: { path: string; kind: string; files: number; languages: object }) => [
          s.path,
          s.kind,
          s.files,
          Object.keys(s.languages),
        ]),
        [
          ['texts', 'folder', 1, ['fr']],
          ['arch.zip', 'archive', 1, ['en']],
        ],
      );
      assert.match(stats.sources[1].skipped[0].path, /arch\.zip!\/c\.xml$/);
      assert.match(stats.sources[1].skipped[0].reason, /malformed XML/);
      r = await run(['corpus', 'stats', '--no-builtin', '--cache-dir', path.join(dir, 'cache')]);
      assert.match(
        r.out,
        /In all: 2 files, \d+ paragraphs, loaded in \d+ ms \(3 files from the cache\)/,
        'the damaged entry is remembered as skipped',
      );
      r = await run(['corpus', 'remove', 'arch.zip']);
      assert.strictEqual(r.code, 0);
      assert.deepStrictEqual(JSON.parse(fs.readFileSync('.resolutionrc.json', 'utf8')).corpus.paths, ['texts']);
      r = await run(['corpus', 'frobnicate']);
      assert.strictEqual(r.code, 2);
    } finally {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('corpus in six languages (../shared/corpus)', function () {
  this.timeout(60000);
  before(function () {
    if (!shared) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
  });

  it('reads each AKN file’s declared language, and the Arabic texts’ paragraph numbers', () => {
    const read = (f: string) => parseAkn(fs.readFileSync(path.join(shared!, f), 'utf8'))[0];
    assert.strictEqual(read('un-ga-akn4un-fr/75/75_1_F.xml').lang, 'fr');
    assert.strictEqual(read('un-ga-akn4un-zh/75/75_1_C.xml').lang, 'zh');
    const ar = read('un-ga-akn4un-ar/75/75_1_A.xml');
    assert.strictEqual(ar.lang, 'ar');
    const en = read('un-ga-akn4un/75/75_1_E.xml');
    const numbers = (d: typeof en) => d.paragraphs.filter((p) => p.kind === 'operative' && p.number).map((p) => p.number);
    assert.deepStrictEqual(numbers(ar), numbers(en));
  });

  it('parallel texts: an English paragraph of A/RES/75/311 shows the official French and Spanish text of that paragraph', async () => {
    const file = (l: string, suffix: string) => path.join(shared!, `un-ga-akn4un${l}`, '75', `A_RES_75_311-2110242${suffix}.xml`);
    const sources = [file('', 'E'), file('-fr', 'F'), file('-es', 'S'), file('-ru', 'R'), file('-ar', 'A'), file('-zh', 'C')];
    const corpus = new Corpus();
    const report = await corpus.load({ builtin: false, paths: [...sources, path.join(shared!, 'un-ga-akn4un-fr', '75', '75_1_F.xml')] });
    assert.deepStrictEqual(report.skipped, []);
    // The official texts of operative paragraph 6, read from the French and Spanish files themselves.
    const official = (f: string) =>
      parseAkn(fs.readFileSync(f, 'utf8'))[0].paragraphs.find((p) => p.kind === 'operative' && p.number === '6')!.text;
    // A drafter's English paragraph: the agreed text with a word changed.
    const english = official(sources[0]).replace('Member States', 'all States');
    const [best] = corpus.search(english, { top: 1, lang: 'en' });
    assert.strictEqual(best.source.symbol, 'A/RES/75/311');
    assert.strictEqual(best.source.paragraph, '6');
    assert.strictEqual(best.source.lang, 'en');
    const parallels = corpus.parallel(best.id);
    assert.deepStrictEqual(
      parallels.map((p) => p.lang),
      ['fr', 'es', 'ru', 'ar', 'zh'],
    );
    const fr = parallels.find((p) => p.lang === 'fr')!;
    const es = parallels.find((p) => p.lang === 'es')!;
    assert.strictEqual(fr.text, official(sources[1]));
    assert.strictEqual(es.text, official(sources[2]));
    assert.match(fr.text, /^\*Demande\* aux États Membres/);
    assert.match(es.text, /^\*Exhorta\* a los Estados Miembros/);
    assert.strictEqual(fr.source.paragraph, '6');
    // the preamble aligns by position
    const pp = corpus.search(parseAkn(fs.readFileSync(sources[0], 'utf8'))[0].paragraphs[2].text, { top: 1, lang: 'en' })[0];
    assert.strictEqual(pp.source.kind, 'preambular');
    const ppFr = corpus.parallel(pp.id).find((p) => p.lang === 'fr')!;
    assert.strictEqual(ppFr.text, parseAkn(fs.readFileSync(sources[1], 'utf8'))[0].paragraphs[2].text);
    // and a French draft gets French precedents only
    assert.ok(corpus.search(fr.text, { top: 5, lang: 'fr' }).every((m) => m.source.lang === 'fr'));
  });
});
