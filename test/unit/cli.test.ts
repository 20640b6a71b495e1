import * as assert from 'assert';
import * as cp from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { ROOT, SEED, SEEDS } from '../support/paths';
import type { Match } from '../../server/src/core/precedent/types';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

describe('command line', () => {
  it('check --format json lists all five seeds with the documented shape', async () => {
    const r = await run(['check', '--format', 'json', SEEDS]);
    const json = JSON.parse(r.out);
    assert.strictEqual(json.files.length, 5);
    assert.deepStrictEqual(Object.keys(json.summary).sort(), ['errors', 'files', 'warnings']);
    assert.strictEqual(json.summary.files, 5);
    const kinds = Object.fromEntries(json.files.map((f: { path: string; kind: string }) => [path.basename(f.path), f.kind]));
    assert.strictEqual(kinds[SEED.eu], 'other');
    assert.strictEqual(kinds[SEED.ga75], 'resolution');
    for (const f of json.files) {
      assert.ok(Array.isArray(f.findings));
      for (const x of f.findings) {
        assert.deepStrictEqual(Object.keys(x).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'rule', 'severity']);
        assert.ok(x.line >= 1 && x.column >= 1);
      }
    }
    assert.strictEqual(r.code, json.summary.errors > 0 ? 1 : 0);
  });

  it('exit 1 and 1-based positions when a draft has errors', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-cli-'));
    const file = path.join(dir, 'gap.res.md');
    fs.writeFileSync(file, 'The General Assembly,\n\nRecalling its resolution 70/1,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n');
    const r = await run(['check', '--format', 'json', file]);
    assert.strictEqual(r.code, 1);
    const f = JSON.parse(r.out).files[0].findings.find((x: { rule: string }) => x.rule === 'operative-numbering');
    assert.deepStrictEqual([f.severity, f.line, f.column], ['error', 7, 1]);
    const text = await run(['check', file]);
    assert.match(text.out, /gap\.res\.md:7:1: error operative-numbering: /);
  });

  it('exit 2 with a message on stderr for a bad path, a bad option, an unknown command', async () => {
    const missing = await run(['check', path.join(ROOT, 'no-such-file.res.md')]);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err, /no such file or folder/);
    assert.strictEqual(missing.out, '0 file(s) checked: 0 error(s), 0 warning(s).\n');
    assert.strictEqual((await run(['check', '--format', 'xml', SEEDS])).code, 2);
    assert.strictEqual((await run(['check'])).code, 2);
    const unknown = await run(['frobnicate']);
    assert.strictEqual(unknown.code, 2);
    assert.match(unknown.err, /unknown command/);
  });

  it('check accepts globs and skips a binary file with a message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-glob-'));
    fs.writeFileSync(path.join(dir, 'a.res.md'), 'The General Assembly,\n\n1. *Decides* to act.\n');
    fs.writeFileSync(path.join(dir, 'b.res.md'), Buffer.from([0, 1, 2, 3, 0]));
    const r = await run(['check', '--format', 'json', `${dir}/*.res.md`]);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /b\.res\.md: looks binary/);
    assert.deepStrictEqual(
      JSON.parse(r.out).files.map((f: { path: string }) => path.basename(f.path)),
      ['a.res.md'],
    );
  });

  it('parse --format json prints the model of a seed', async () => {
    const r = await run(['parse', '--format', 'json', path.join(SEEDS, SEED.cms)]);
    assert.strictEqual(r.code, 0);
    const model = JSON.parse(r.out);
    assert.strictEqual(model.kind, 'resolution');
    assert.strictEqual(model.operative.length, 21);
    assert.strictEqual(model.authority.placement, 'afterPreamble');
    assert.strictEqual(model.source, undefined);
  });

  it('precedent --text finds a paragraph from its first words, with its provenance', async () => {
    const r = await run([
      'precedent',
      '--format',
      'json',
      '--top',
      '2',
      '--text',
      'Calls upon Member States to make illicit trafficking in protected species',
    ]);
    assert.strictEqual(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.deepStrictEqual(
      json.matches.map((m: Match) => [m.source.symbol, m.source.kind, m.source.paragraph]),
      [
        ['A/RES/75/311', 'operative', '6'],
        ['A/RES/71/326', 'operative', '5'],
      ],
    );
    assert.ok(json.matches.every((m: Match) => m.score > 0.9 && /^\*Calls upon\* Member States to make illicit trafficking/.test(m.text)));
  });

  it('the installed bin runs as `resolution` with the right exit codes', () => {
    const bin = path.join(ROOT, 'server', 'bin', 'resolution.js');
    const ok = cp.spawnSync(process.execPath, [bin, 'check', '--format', 'json', path.join(SEEDS, SEED.ga75)], { encoding: 'utf8' });
    assert.strictEqual(ok.status, 0, ok.stderr);
    assert.strictEqual(JSON.parse(ok.stdout).files.length, 1);
    const bad = cp.spawnSync(process.execPath, [bin, 'check', 'nowhere'], { encoding: 'utf8' });
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /nowhere: no such file or folder/);
  });
});

describe('command line: negotiation status and clean text', () => {
  const fixture = path.join(ROOT, 'test', 'fixtures', 'negotiation', 'labels-pp-op.res.md');

  it('status --format json prints exactly the documented shape; text prints the status line and each paragraph', async () => {
    const r = await run(['status', '--format', 'json', fixture]);
    assert.strictEqual(r.code, 0);
    const json = JSON.parse(r.out);
    assert.deepStrictEqual(Object.keys(json), ['paragraphs', 'agreed', 'bracketed', 'pending', 'deleted', 'byParagraph']);
    assert.deepStrictEqual(Object.keys(json.byParagraph[0]), ['label', 'line', 'status', 'brackets']);
    assert.strictEqual(json.paragraphs, json.agreed + json.bracketed + json.pending + json.deleted);
    const t = await run(['status', fixture]);
    assert.match(t.out, /5 of 10 paragraphs agreed ad ref, 2 with brackets, 2 pending, 1 deleted/);
    assert.match(t.out, /PP3 bis\s+line 13\s+deleted/);
    assert.strictEqual((await run(['status', '--format', 'xml', fixture])).code, 2);
  });

  it('clean writes the text as it would be issued to -o OUT or standard output', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-clean-'));
    const out = path.join(dir, 'clean.res.md');
    assert.strictEqual((await run(['clean', fixture, '-o', out])).code, 0);
    const expected = fs.readFileSync(fixture.replace(/\.res\.md$/, '.clean.md'), 'utf8');
    assert.strictEqual(fs.readFileSync(out, 'utf8'), expected);
    const r = await run(['clean', fixture]);
    assert.strictEqual(r.out, expected);
    assert.strictEqual((await run(['clean', path.join(dir, 'missing.res.md')])).code, 2);
  });
});
