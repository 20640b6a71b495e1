/**
 * The packages a user installs, tried as a user would: the .vsix (what VS Code installs) and the
 * npm package (`npm pack`), unpacked into a folder with no node_modules and run from there.
 * `npm run test:package` builds both first.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ZipArchive } from '../../server/src/core/zip';
import { RULES } from '../../server/src/core/rules/registry';
import { ROOT, SEED } from '../support/paths';

const VSIX = path.join(ROOT, 'dist', 'resolution-drafting.vsix');

describe('the .vsix', () => {
  let zip: ZipArchive;
  let names: Set<string>;
  before(function () {
    if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
    zip = new ZipArchive(fs.readFileSync(VSIX));
    names = new Set(zip.entries.map((e) => e.name));
  });

  it('ships the licence, the bundles without source maps, and minified bundles', () => {
    assert.ok(names.has('extension/LICENSE') || names.has('extension/LICENSE.txt'), 'LICENSE');
    // the worker threads beside the server: corpus loading, and the checks of large drafts
    for (const f of [
      'extension/dist/client.js',
      'extension/dist/server.js',
      'extension/dist/corpusWorker.js',
      'extension/dist/documentWorker.js',
    ])
      assert.ok(names.has(f), f);
    assert.deepStrictEqual(
      [...names].filter((n) => n.endsWith('.map')),
      [],
      'no source maps in the package',
    );
    assert.ok(![...names].some((n) => n.includes('node_modules/')), 'no node_modules');
    const sizes = ['client', 'server'].map((b) => zip.entry(`extension/dist/${b}.js`)!.size);
    console.log(`      bundle sizes: client ${(sizes[0] / 1024).toFixed(0)} KiB, server ${(sizes[1] / 1024).toFixed(0)} KiB`);
    const server = zip.text('extension/dist/server.js')!;
    // Minified: few, long lines.
    assert.ok(server.split('\n').length < server.length / 500, 'server bundle is minified');
  });

  it('ships every image and page the README points to, and every check documentation page', () => {
    const readme = zip.text(zip.entries.find((e) => /^extension\/readme\.md$/i.test(e.name))!.name)!;
    const targets = [...readme.matchAll(/\]\(((?!https?:|#|mailto:)[^)\s]+)\)/g)].map((m) => m[1].replace(/#.*$/, ''));
    assert.ok(targets.length > 3);
    for (const t of targets) {
      const entry = `extension/${path.posix.normalize(t)}`;
      const ok = names.has(entry) || [...names].some((n) => n.startsWith(entry.replace(/\/?$/, '/')));
      assert.ok(ok, `README links to ${t}, which the .vsix does not ship`);
    }
    for (const r of RULES) assert.ok(names.has(`extension/docs/rules/${r.meta.id}.md`), r.meta.id);
  });

  it('declares what works in an untrusted workspace, and where to report problems', () => {
    const pkg = JSON.parse(zip.text('extension/package.json')!);
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('resolution.corpus.paths'));
    assert.ok(pkg.repository && pkg.bugs && pkg.homepage);
  });
});

describe('the npm package', () => {
  let dir: string;
  before(function () {
    this.timeout(300000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-pack-'));
    const pack = spawnSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: ROOT, encoding: 'utf8' });
    assert.strictEqual(pack.status, 0, pack.stderr);
    const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'))!;
    const tar = spawnSync('tar', ['-xzf', path.join(dir, tgz), '-C', dir], { encoding: 'utf8' });
    assert.strictEqual(tar.status, 0, tar.stderr);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(dir, 'package', 'server', 'bin', 'resolution.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: '' },
    });

  it('holds the bundled command line and no clone-only folders', () => {
    const pkg = path.join(dir, 'package');
    assert.ok(fs.existsSync(path.join(pkg, 'dist', 'cli.js')));
    assert.ok(!fs.existsSync(path.join(pkg, 'out')), 'no build output of a clone');
    assert.ok(!fs.existsSync(path.join(pkg, 'node_modules')));
    assert.ok(!fs.existsSync(path.join(pkg, 'test')));
  });

  it('runs `resolution check` outside a clone, with no node_modules', () => {
    const cms = path.join(dir, 'package', 'seeds', SEED.cms);
    const r = run('check', cms, '--format', 'json');
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout);
    const findings = (Array.isArray(out) ? out : (out.files ?? [out])).flatMap((f: { findings?: unknown[] }) => f.findings ?? []);
    assert.ok(findings.length > 0, 'the CMS seed has findings');
  });

  it('runs `resolution precedent` on the built-in corpus outside a clone', () => {
    const r = run(
      'precedent',
      '--text',
      '*Calls upon* Member States to take decisive steps at the national level to prevent, combat and eradicate the illegal trade in wildlife',
    );
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /A\/RES\/7[15]\//);
  });
});
