import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { staleFiles, ruleSummary } from '../tools/generate';
import { RULES } from '../../server/src/core/rules/registry';
import { ROOT } from '../support/paths';

describe('files generated from the rule registry and package.json', () => {
  it('are fresh (else: run `npm run gen` and commit)', () => {
    assert.deepStrictEqual(staleFiles(), [], 'Stale generated files: run `npm run gen` and commit the result.');
  });

  it('give every check one setting, one schema entry, one README row and one docs row, with the registry description', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const section = pkg.contributes.configuration.find((s: { id: string }) => s.id === 'resolution.rules');
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'server/schema/resolutionrc.schema.json'), 'utf8'));
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const rulesReadme = fs.readFileSync(path.join(ROOT, 'docs/rules/README.md'), 'utf8');
    assert.deepStrictEqual(
      Object.keys(section.properties),
      RULES.map((r) => `resolution.rules.${r.meta.id}`),
    );
    for (const r of RULES) {
      const setting = section.properties[`resolution.rules.${r.meta.id}`];
      assert.strictEqual(setting.default, r.meta.defaultSeverity);
      assert.ok(setting.markdownDescription.startsWith(ruleSummary(r.meta)), r.meta.id);
      assert.strictEqual(schema.properties.rules.properties[r.meta.id].default, r.meta.defaultSeverity);
      assert.ok(readme.includes(`| \`resolution.rules.${r.meta.id}\` |`), `README row for ${r.meta.id}`);
      assert.ok(rulesReadme.includes(`| [${r.meta.id}](${r.meta.id}.md) |`), `docs/rules row for ${r.meta.id}`);
      assert.ok(fs.existsSync(path.join(ROOT, 'docs', 'rules', `${r.meta.id}.md`)), `docs page for ${r.meta.id}`);
      if (r.meta.fixDescription) assert.ok(r.meta.fixClass, `${r.meta.id} has a fix: its class (structural or wording) must be declared`);
    }
    // Every resource setting of package.json can be set in .resolutionrc.json too.
    assert.deepStrictEqual(schema.properties.draftMode.anyOf, [{ type: 'boolean' }, { type: 'string', enum: ['auto'] }]);
    assert.strictEqual(schema.properties.negotiation.properties.tags.type, 'object');
    assert.strictEqual(schema.properties.corpus.properties.paths.type, 'array');
    assert.strictEqual(schema.properties.trace, undefined, 'window-scoped settings stay out of the file schema');
  });
});
