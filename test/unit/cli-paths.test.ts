/** The command line says what it skips: missing paths, links, globs, help, a closed pipe, the corpus. */
import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { ROOT, SEED, SEEDS } from '../support/paths';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

const CLEAN = 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n';

describe('command line: paths, globs, help, corpus', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-cli-paths-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const names = (out: string) => JSON.parse(out).files.map((f: { path: string }) => path.basename(f.path));

  it('check a.res.md missing.res.md b.res.md checks a and b, reports the missing one, exits 2', async () => {
    fs.writeFileSync(path.join(dir, 'a.res.md'), CLEAN);
    fs.writeFileSync(path.join(dir, 'b.res.md'), CLEAN);
    const r = await run(['check', '--format', 'json', ...['a', 'missing', 'b'].map((n) => path.join(dir, `${n}.res.md`))]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /missing\.res\.md: no such file or folder/);
    assert.deepStrictEqual(names(r.out), ['a.res.md', 'b.res.md']);
  });

  it('a folder check passes over what .resolutionignore and "ignore" in .resolutionrc.json name; a file named is still checked', async () => {
    fs.mkdirSync(path.join(dir, 'old', 'deep'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'cur'));
    for (const f of ['keep.res.md', 'old/x.res.md', 'old/deep/y.res.md', 'old/back.res.md', 'cur/a.res.md', 'cur/a.draft.res.md'])
      fs.writeFileSync(path.join(dir, f), CLEAN);
    fs.writeFileSync(path.join(dir, '.resolutionignore'), '# reworked elsewhere\n\nold/\n!old/back.res.md\n');
    fs.writeFileSync(path.join(dir, 'cur', '.resolutionrc.json'), JSON.stringify({ ignore: ['*.draft.res.md'] }));
    let r = await run(['check', '--format', 'json', dir]);
    // "!" takes a file back even inside an ignored folder
    assert.deepStrictEqual(names(r.out).sort(), ['a.res.md', 'back.res.md', 'keep.res.md']);
    assert.match(r.err, /3 file\(s\) passed over/);
    // named explicitly: checked all the same
    r = await run(['check', '--format', 'json', path.join(dir, 'old', 'x.res.md'), path.join(dir, 'cur', 'a.draft.res.md')]);
    assert.deepStrictEqual(names(r.out), ['x.res.md', 'a.draft.res.md']);
    assert.doesNotMatch(r.err, /passed over/);
  });

  it('follows symbolic links in a folder walk, each real folder once, and reports a broken link', async () => {
    fs.mkdirSync(path.join(dir, 'real'));
    fs.writeFileSync(path.join(dir, 'real', 'r.res.md'), CLEAN);
    fs.mkdirSync(path.join(dir, 'drafts'));
    fs.writeFileSync(path.join(dir, 'drafts', 'own.res.md'), CLEAN);
    fs.symlinkSync(path.join(dir, 'real', 'r.res.md'), path.join(dir, 'drafts', 'linked.res.md'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'drafts', 'more'));
    fs.symlinkSync(path.join(dir, 'drafts'), path.join(dir, 'drafts', 'loop'));
    fs.symlinkSync(path.join(dir, 'gone.res.md'), path.join(dir, 'drafts', 'broken.res.md'));
    const r = await run(['check', '--format', 'json', path.join(dir, 'drafts')]);
    assert.deepStrictEqual(names(r.out), ['linked.res.md', 'r.res.md', 'own.res.md']);
    assert.match(r.err, /broken\.res\.md: a broken link/);
    assert.match(r.err, /loop: a link to a folder already checked/);
  });

  it('globs with {a,b} and [ab]', async () => {
    for (const n of ['a', 'b', 'c']) fs.writeFileSync(path.join(dir, `${n}.res.md`), CLEAN);
    assert.deepStrictEqual(names((await run(['check', '--format', 'json', `${dir}/{a,c}.res.md`])).out), ['a.res.md', 'c.res.md']);
    assert.deepStrictEqual(names((await run(['check', '--format', 'json', `${dir}/[ab].res.md`])).out), ['a.res.md', 'b.res.md']);
    const none = await run(['check', `${dir}/[xy].res.md`]);
    assert.strictEqual(none.code, 2);
    assert.match(none.err, /no file matches/);
  });

  it("--help per command; unknown options are usage errors with that command's help", async () => {
    const check = await run(['check', '--help']);
    assert.strictEqual(check.code, 0);
    assert.match(check.out, /^Usage: resolution check/);
    assert.match(check.out, /--fix-wording/);
    assert.match((await run(['parse', '-h'])).out, /^Usage: resolution parse/);
    assert.match((await run(['precedent', '--help'])).out, /^Usage: resolution precedent/);
    const bad = await run(['check', '--frobnicate', SEEDS]);
    assert.strictEqual(bad.code, 2);
    assert.match(bad.err, /--frobnicate/);
    assert.match(bad.err, /Usage: resolution check/);
  });

  it('`resolution parse … | head -1` ends quietly (no EPIPE)', function () {
    if (process.platform === 'win32') this.skip();
    const bin = path.join(ROOT, 'server', 'bin', 'resolution.js');
    const r = cp.spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${bin}" parse "${path.join(SEEDS, SEED.cms)}" | head -1; exit \${PIPESTATUS[0]}`],
      { encoding: 'utf8' },
    );
    assert.strictEqual(r.stdout, '{\n');
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
    assert.strictEqual(r.status, 0);
  });

  describe('the corpus, as in the editor', () => {
    const DRAFT = 'The General Assembly,\n\n*Recalling* its resolution 70/1 of 21 October 2015,\n\n1. *Decides* to act.\n';
    const PRECEDENT =
      'General Assembly\n\nA/RES/99/1\n\nThe General Assembly,\n\n*Recalling* its resolution 70/1 of 25 September 2015,\n\n1. *Decides* to act.\n';
    const dates = (out: string) =>
      JSON.parse(out)
        .files[0].findings.filter((f: { rule: string }) => f.rule === 'citation-date')
        .map((f: { message: string }) => f.message);

    it('--corpus DIR and --no-builtin', async () => {
      fs.mkdirSync(path.join(dir, 'corpus'));
      fs.writeFileSync(path.join(dir, 'corpus', 'r.txt'), PRECEDENT);
      const draft = path.join(dir, 'd.res.md');
      fs.writeFileSync(draft, DRAFT);
      assert.deepStrictEqual(dates((await run(['check', '--format', 'json', '--no-builtin', draft])).out), []);
      assert.deepStrictEqual(
        dates((await run(['check', '--format', 'json', '--no-builtin', '--corpus', path.join(dir, 'corpus'), draft])).out),
        ['Resolution 70/1 is dated 25 September 2015 in the corpus, not 21 October 2015.'],
      );
      const missing = await run(['check', '--corpus', path.join(dir, 'nowhere'), draft]);
      assert.strictEqual(missing.code, 2);
    });

    it('corpus.paths of .resolutionrc.json (relative to that file), loaded once for all files', async () => {
      fs.mkdirSync(path.join(dir, 'corpus'));
      fs.writeFileSync(path.join(dir, 'corpus', 'r.txt'), PRECEDENT);
      fs.mkdirSync(path.join(dir, 'drafts'));
      fs.writeFileSync(
        path.join(dir, 'drafts', '.resolutionrc.json'),
        JSON.stringify({ corpus: { paths: ['../corpus'], builtin: false } }),
      );
      fs.writeFileSync(path.join(dir, 'drafts', 'd1.res.md'), DRAFT);
      fs.writeFileSync(path.join(dir, 'drafts', 'd2.res.md'), DRAFT);
      // an unreadable corpus file is named once, though two drafts use the corpus
      fs.writeFileSync(path.join(dir, 'corpus', 'bad.xml'), Buffer.from([0, 1, 2]));
      const r = await run(['check', '--format', 'json', path.join(dir, 'drafts')]);
      const files = JSON.parse(r.out).files;
      assert.strictEqual(files.length, 2);
      for (const f of files)
        assert.ok(
          f.findings.some((x: { rule: string }) => x.rule === 'citation-date'),
          JSON.stringify(f),
        );
      assert.strictEqual((r.err.match(/corpus: skipped/g) ?? []).length, 1, r.err);
    });
  });

  it('--fix leaves words alone; --fix-wording applies wording fixes too', async () => {
    const text =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Encourages* States to act;\n\n3. *Encourages* donors to give;\n\n4. *Requests* a report.\n';
    const file = path.join(dir, 'f.res.md');
    fs.writeFileSync(file, text);
    await run(['check', '--fix', file]);
    assert.strictEqual(
      fs.readFileSync(file, 'utf8'),
      text.replace('3. *Encourages* donors', '2. *Encourages* donors').replace('4. *Requests*', '3. *Requests*'),
    );
    await run(['check', '--fix', '--fix-wording', '--fix-min-severity', 'hint', file]);
    assert.match(fs.readFileSync(file, 'utf8'), /2\. \*Also encourages\* donors/);
    assert.strictEqual((await run(['check', '--fix', '--fix-min-severity', 'loud', file])).code, 2);
  });
});
