import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from '../support/paths';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));

describe('the manifest in English, French and Spanish', () => {
  const pkg = read('package.json');
  const bundles = { en: read('package.nls.json'), fr: read('package.nls.fr.json'), es: read('package.nls.es.json') };
  const keys = [...JSON.stringify(pkg).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);

  it('names every command, its category and the views through the language bundles', () => {
    for (const c of pkg.contributes.commands) {
      assert.match(c.title, /^%[^%]+%$/, `${c.command} has a localized title`);
      assert.strictEqual(c.category, '%category%', c.command);
    }
    for (const v of pkg.contributes.views.explorer) assert.match(v.name, /^%[^%]+%$/, v.id);
  });

  it('has every placeholder in all three bundles, translated', () => {
    assert.ok(keys.length > 25);
    for (const k of keys) {
      for (const [lang, b] of Object.entries(bundles)) assert.ok(typeof b[k] === 'string' && b[k].length > 0, `${k} in ${lang}`);
    }
    assert.strictEqual(bundles.fr['command.exportWord.title'], 'Exporter vers Word');
    assert.strictEqual(bundles.es['command.exportWord.title'], 'Exportar a Word');
    const same = keys.filter((k) => bundles.fr[k] === bundles.en[k] && bundles.es[k] === bundles.en[k]);
    assert.deepStrictEqual(same, ['view.corpus.name'], 'every string but the word "Corpus" is translated');
  });
});
