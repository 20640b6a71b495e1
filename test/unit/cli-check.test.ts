import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../server/src/cli/main';
import { RULES } from '../../server/src/core/rules/registry';
import { SEEDS } from '../support/paths';
import type { FileReport } from '../../server/src/cli/check';

type Finding = FileReport['findings'][number];

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (l) => (out += l + '\n'), err: (l) => (err += l + '\n') });
  return { code, out, err };
}

const DRAFT =
  'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. Decides to act on paragraph 3 below;\n\n3. *Requests* a report,\n';

describe('command line: check --fix, --format sarif, --max-warnings, configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-check-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('--fix writes the fixed file, reports what changed, and checks the result', async () => {
    const file = path.join(dir, 'draft.res.md');
    fs.writeFileSync(file, DRAFT);
    const r = await run(['check', '--fix', file]);
    assert.strictEqual(r.code, 0, r.out + r.err);
    assert.strictEqual(
      fs.readFileSync(file, 'utf8'),
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act on paragraph 2 below;\n\n2. *Requests* a report.\n',
    );
    assert.match(r.out, /draft\.res\.md: fixed .*operative-numbering ×1.*/);
    assert.match(r.out, /operative-verb-italic ×1/);
    assert.match(r.out, /1 file\(s\) checked: 0 error\(s\), 0 warning\(s\)\./);
    // JSON output keeps its shape; the change report goes to stderr
    fs.writeFileSync(file, DRAFT);
    const j = await run(['check', '--fix', '--format', 'json', file]);
    assert.deepStrictEqual(Object.keys(JSON.parse(j.out)).sort(), ['files', 'summary']);
    assert.match(j.err, /fixed/);
  });

  it('--format sarif prints a SARIF 2.1.0 log with rules and 1-based regions', async () => {
    const file = path.join(dir, 'draft.res.md');
    fs.writeFileSync(file, DRAFT);
    const r = await run(['check', '--format', 'sarif', file]);
    assert.strictEqual(r.code, 1);
    const log = JSON.parse(r.out);
    assert.strictEqual(log.version, '2.1.0');
    const runObj = log.runs[0];
    assert.strictEqual(runObj.tool.driver.name, 'resolution');
    assert.deepStrictEqual(
      runObj.tool.driver.rules.map((x: { id: string }) => x.id),
      RULES.map((x) => x.meta.id),
    );
    const numbering = runObj.results.find((x: { ruleId: string }) => x.ruleId === 'operative-numbering');
    assert.strictEqual(numbering.level, 'error');
    assert.strictEqual(runObj.tool.driver.rules[numbering.ruleIndex].id, 'operative-numbering');
    assert.deepStrictEqual(numbering.locations[0].physicalLocation.region, { startLine: 7, startColumn: 1, endLine: 7, endColumn: 3 });
    assert.match(numbering.locations[0].physicalLocation.artifactLocation.uri, /draft\.res\.md$/);
  });

  it('--max-warnings N: exit 1 when there are more warnings, 0 otherwise; bad values are usage errors', async () => {
    const file = path.join(dir, 'warn.res.md');
    fs.writeFileSync(file, 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. Decides to act;\n\n2. Requests a report.\n');
    assert.strictEqual((await run(['check', file])).code, 0);
    const strict = await run(['check', '--max-warnings', '1', file]);
    assert.strictEqual(strict.code, 1);
    assert.match(strict.err, /2 warning\(s\), more than --max-warnings 1/);
    assert.strictEqual((await run(['check', '--max-warnings=2', file])).code, 0);
    assert.strictEqual((await run(['check', '--max-warnings', 'many', file])).code, 2);
    assert.strictEqual((await run(['check', '--format', 'xml', file])).code, 2);
  });

  it('uses the .resolutionrc.json found up the tree, and reports a malformed one on stderr', async () => {
    const sub = path.join(dir, 'drafts');
    fs.mkdirSync(sub);
    const file = path.join(sub, 'd.res.md');
    fs.writeFileSync(file, DRAFT);
    fs.writeFileSync(
      path.join(dir, '.resolutionrc.json'),
      JSON.stringify({ rules: { 'operative-numbering': 'warning', 'operative-verb-italic': 'off' } }),
    );
    const r = await run(['check', '--format', 'json', file]);
    const rules = JSON.parse(r.out).files[0].findings.map((f: Finding) => `${f.rule}:${f.severity}`);
    assert.ok(rules.includes('operative-numbering:warning'), rules.join());
    assert.ok(!rules.some((x: string) => x.startsWith('operative-verb-italic')));
    assert.strictEqual(r.code, 0);

    fs.writeFileSync(path.join(sub, '.resolutionrc.json'), '{ broken');
    const bad = await run(['check', '--format', 'json', file]);
    assert.match(bad.err, /\.resolutionrc\.json:1:\d+: not valid JSON.*\(the whole file is ignored\)/);
    assert.ok(JSON.parse(bad.out).files[0].findings.some((f: Finding) => f.rule === 'operative-numbering' && f.severity === 'warning'));
  });

  it('the seeds pass with --max-warnings 4 (their four reviewed warnings) and no errors', async () => {
    const r = await run(['check', '--max-warnings', '4', SEEDS]);
    assert.strictEqual(r.code, 0, r.out + r.err);
  });
});
