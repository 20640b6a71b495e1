import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { fixAll } from '../../server/src/core/fix';
import { words } from '../support/words';
import { RULES } from '../../server/src/core/rules/registry';
import { FIXTURES, loadFixtures, matchSnapshot } from '../support/fixtures';

const fixtures = loadFixtures();

describe('checks on fixture drafts (expected findings marked inline)', () => {
  it('every check of the catalogue has a fixture folder with a finding marked in it', () => {
    for (const r of RULES) {
      const own = fixtures.filter((f) => f.group === r.meta.id);
      assert.ok(own.length > 0, `no fixtures for ${r.meta.id}`);
      if (r.meta.id === 'new-language') continue; // needs a corpus: tested in checks.test.ts
      assert.ok(
        own.some((f) => f.expected.some((e) => e.endsWith(`:${r.meta.id}`))),
        `no fixture of ${r.meta.id} expects a ${r.meta.id} finding`,
      );
    }
  });

  for (const fx of fixtures) {
    describe(`${fx.group}/${fx.name}`, () => {
      const findings = checkDocument(parse(fx.text), { config: fx.config });

      it(fx.expected.length ? `reports exactly ${fx.expected.join(', ')}` : 'reports nothing', () => {
        const actual = findings.map((f) => `${f.range.start.line + 1}:${f.rule}`).sort();
        assert.deepStrictEqual(actual, fx.expected, findings.map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}`).join('\n'));
      });

      if (findings.some((f) => f.fix)) {
        it('fix-all with every fix (wording fixes and all severities) matches the committed snapshot, and re-checked it has no fixable finding left', () => {
          const result = fixAll(fx.text, (t) => checkDocument(parse(t), { config: fx.config }), { wording: true, minSeverity: 'hint' });
          const snap = matchSnapshot(fx.snapshotFile, result.text);
          assert.ok(
            snap.ok,
            snap.expected === undefined
              ? `missing snapshot ${path.relative(FIXTURES, fx.snapshotFile)} (run with UPDATE_SNAPSHOTS=1)`
              : `snapshot differs:\n${result.text}`,
          );
          const after = checkDocument(parse(result.text), { config: fx.config });
          const left = after.filter((f) => f.fix);
          assert.deepStrictEqual(
            left.map((f) => `${f.range.start.line + 1}: ${f.rule}: ${f.message}`),
            [],
          );
          // every finding that carried a fix is gone (same rule, same paragraph text no longer flagged)
          for (const f of findings.filter((x) => x.fix)) {
            assert.ok(
              !after.some((a) => a.rule === f.rule && a.message === f.message),
              `still reported after the fix: ${f.rule}: ${f.message}`,
            );
          }
          assert.strictEqual(result.remaining, 0);
        });

        it('fix-all as configured by default changes no word', () => {
          const check = (t: string) => checkDocument(parse(t), { config: fx.config });
          const once = fixAll(fx.text, check);
          assert.deepStrictEqual(words(once.text), words(fx.text));
          assert.strictEqual(fixAll(once.text, check).text, once.text, 'a second fix-all changes nothing');
        });
      }
    });
  }

  it('snapshots belong to existing fixtures', () => {
    for (const group of fs.readdirSync(FIXTURES)) {
      const snaps = path.join(FIXTURES, group, '__snapshots__');
      if (!fs.existsSync(snaps)) continue;
      for (const s of fs.readdirSync(snaps)) {
        assert.ok(fs.existsSync(path.join(FIXTURES, group, s.replace('.fixed.res.md', '.res.md'))), `stale snapshot ${group}/${s}`);
      }
    }
  });
});
