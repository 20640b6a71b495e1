import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { IgnoreFilter } from '../../server/src/core/ignore';

describe('ignore patterns (.resolutionignore, the ignore setting)', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-ignore-'));
    fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.resolutionignore'), '# comment\n*.bak.res.md\n/top.res.md\nbuild/\n');
    fs.writeFileSync(path.join(dir, 'a', '.resolutionignore'), 'b/*.res.md\n!b/keep.res.md\n');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const at = (...p: string[]) => path.join(dir, ...p);

  it("reads gitignore-like lines relative to the file's folder, nearer and later lines winning", () => {
    const f = new IgnoreFilter(dir);
    assert.strictEqual(f.ignores(at('x.bak.res.md')), true); // a name at any depth
    assert.strictEqual(f.ignores(at('a', 'b', 'y.bak.res.md')), true);
    assert.strictEqual(f.ignores(at('top.res.md')), true); // anchored to the file's folder
    assert.strictEqual(f.ignores(at('a', 'top.res.md')), false);
    assert.strictEqual(f.ignores(at('a', 'build', 'z.res.md')), true); // a folder, at any depth
    assert.strictEqual(f.ignores(at('build.res.md')), false); // "build/" names folders only
    assert.strictEqual(f.ignores(at('a', 'b', 'c.res.md')), true); // relative to a/
    assert.strictEqual(f.ignores(at('a', 'b', 'keep.res.md')), false); // taken back
    assert.strictEqual(f.ignores(at('b', 'c.res.md')), false);
    assert.strictEqual(f.ignores(path.join(os.tmpdir(), 'elsewhere.res.md')), false); // outside the root
  });

  it('configured globs are relative to the folder checked', () => {
    const f = new IgnoreFilter(dir, ['a/**']);
    assert.strictEqual(f.ignores(at('a', 'k.res.md')), true);
    assert.strictEqual(f.ignores(at('k.res.md')), false);
    assert.strictEqual(f.ignores(at('k.res.md'), ['k.*']), true);
  });
});
