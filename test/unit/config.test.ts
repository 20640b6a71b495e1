import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { parseConfigText, resolveConfig } from '../../server/src/core/config';
import { RULES } from '../../server/src/core/rules/registry';
import { ROOT } from '../support/paths';

describe('configuration', () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-config-'));
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const write = (rel: string, text: string) => {
    const p = path.join(tmp, rel);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
    return p;
  };

  it('settings, then .resolutionrc.json files up the tree, the nearest winning', () => {
    write('.resolutionrc.json', JSON.stringify({ rules: { 'operative-numbering': 'warning', 'footnote-unused': 'off' }, draftMode: true }));
    write('drafts/.resolutionrc.json', JSON.stringify({ rules: { 'operative-numbering': 'hint' } }));
    const doc = write('drafts/a/draft.res.md', 'x');
    const settings = {
      rules: { 'operative-numbering': 'error', 'citation-date': 'information', 'footnote-unused': 'error' },
      style: { preambularItalic: 'always' },
    };
    const { config, files, problems } = resolveConfig(settings, doc);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(files, [path.join(tmp, 'drafts', '.resolutionrc.json'), path.join(tmp, '.resolutionrc.json')]);
    assert.strictEqual(config.rules['operative-numbering'].severity, 'hint'); // nearest file
    assert.strictEqual(config.rules['footnote-unused'].severity, 'off'); // farther file over settings
    assert.strictEqual(config.rules['citation-date'].severity, 'information'); // settings
    assert.strictEqual(config.style.preambularItalic, 'always');
    assert.strictEqual(config.draftMode, true);
  });

  it('"root": true stops the search upwards', () => {
    write('rooted/.resolutionrc.json', JSON.stringify({ root: true, rules: { 'authority-line': 'off' } }));
    const { config, files } = resolveConfig({}, write('rooted/x/d.res.md', 'x'));
    assert.deepStrictEqual(files, [path.join(tmp, 'rooted', '.resolutionrc.json')]);
    assert.strictEqual(config.rules['operative-numbering'], undefined);
  });

  it('a malformed file is reported with its position and otherwise ignored', () => {
    write('bad/.resolutionrc.json', '{\n  "rules": {\n    "operative-numbering": "off",\n  }\n  oops\n}');
    const { config, problems, files } = resolveConfig({}, write('bad/d.res.md', 'x'));
    assert.strictEqual(problems.length, 1);
    assert.strictEqual(problems[0].file, path.join(tmp, 'bad', '.resolutionrc.json'));
    assert.match(problems[0].message, /not valid JSON/);
    assert.ok((problems[0].line ?? 0) >= 3, `line ${problems[0].line}`);
    assert.ok(!files.includes(problems[0].file));
    // the file two levels up still applies; the bad one does not
    assert.strictEqual(config.rules['operative-numbering'].severity, 'warning');
  });

  it('bad values are reported and skipped; comments are allowed', () => {
    const r = parseConfigText(
      '// project settings\n{ "rules": { "operative-numbering": "loud", "cross-reference": "warn" }, "draftMode": "yes" }',
      'f',
    );
    assert.deepStrictEqual(
      r.problems.map((p) => p.message),
      [
        'draftMode: "yes" must be true, false or "auto": this setting is ignored',
        'rules.operative-numbering: "loud" is not one of off, hint, information, warning, error: this setting is ignored',
      ],
    );
    // only the bad keys are dropped: "warn" is read as warning
    assert.deepStrictEqual(r.value, { rules: { 'cross-reference': 'warning' } });
  });

  it('reads JSON with comments and trailing commas; a misspelt check id is reported with its position and a suggestion, the rest applies', () => {
    const file = write(
      'misspelt/.resolutionrc.json',
      '{\n  // checks\n  "rules": {\n    "operative-numbring": "off",\n    "cross-reference": "off",\n  },\n  "draftmode": true,\n}\n',
    );
    const { config, problems, files } = resolveConfig({}, write('misspelt/d.res.md', 'x'));
    assert.deepStrictEqual(
      problems.map((p) => [p.file, p.line, p.message]),
      [
        [file, 6, 'unknown setting "draftmode" (did you mean "draftMode"?): it is ignored'],
        [file, 3, 'unknown check "operative-numbring" (did you mean "operative-numbering"?): this setting is ignored'],
      ],
    );
    assert.ok(files.includes(file));
    assert.strictEqual(config.rules['cross-reference'].severity, 'off');
    assert.strictEqual(config.rules['operative-numbring'], undefined);
  });

  it('a .resolutionrc.json that is a folder or cannot be read is reported, and the files further up still apply', () => {
    write('layers/.resolutionrc.json', JSON.stringify({ rules: { 'authority-line': 'off' } }));
    fs.mkdirSync(path.join(tmp, 'layers', 'folder', '.resolutionrc.json'), { recursive: true });
    const doc = write('layers/folder/d.res.md', 'x');
    const r = resolveConfig({}, doc);
    assert.deepStrictEqual(
      r.problems.map((p) => p.message),
      ['.resolutionrc.json is a folder, not a file: the whole file is ignored'],
    );
    assert.strictEqual(r.config.rules['authority-line'].severity, 'off');
    // a file the user may not read (root reads everything, so the file system is simulated)
    const denied = resolveConfig({}, doc, {
      readFile(p) {
        if (p === path.join(tmp, 'layers', 'folder', '.resolutionrc.json')) throw new Error('cannot be read (EACCES)');
        return undefined;
      },
    });
    assert.deepStrictEqual(
      denied.problems.map((p) => p.message),
      ['.resolutionrc.json cannot be read (EACCES): the whole file is ignored'],
    );
  });

  it('"extends" brings in a shared base: the extending file wins, rules merged per id, several bases in order', () => {
    write(
      'shared/base.resolutionrc.json',
      '// secretariat-wide\n{ "rules": { "operative-numbering": "error", "authority-line": { "severity": "hint" } }, "draftMode": true, "phrases": { "operative": ["Underlines"] } }',
    );
    write(
      'shared/second.json',
      JSON.stringify({ extends: './base.resolutionrc.json', style: { preambularItalic: 'never' }, draftMode: false }),
    );
    const rc = write(
      'ext/.resolutionrc.json',
      JSON.stringify({
        root: true,
        extends: ['../shared/base.resolutionrc.json', '../shared/second.json'],
        rules: { 'operative-numbering': 'off' },
      }),
    );
    const { config, files, problems } = resolveConfig({}, write('ext/d.res.md', 'x'));
    assert.deepStrictEqual(problems, []);
    assert.strictEqual(files[0], rc); // the nearest file stays first
    assert.ok(
      files.includes(path.join(tmp, 'shared', 'base.resolutionrc.json')) && files.includes(path.join(tmp, 'shared', 'second.json')),
    );
    assert.strictEqual(config.rules['operative-numbering'].severity, 'off'); // the extending file wins
    assert.strictEqual(config.rules['authority-line'].severity, 'hint'); // from the base, merged per id
    assert.strictEqual(config.draftMode, false); // the later base wins over the earlier
    assert.strictEqual(config.style.preambularItalic, 'never');
    assert.ok(config.phrases.operative.includes('Underlines'));
  });

  it('"extends": a missing file and a cycle are reported on the file that names them; the rest applies', () => {
    const rc = write(
      'ext-bad/.resolutionrc.json',
      '{\n  "root": true,\n  "extends": ["./nowhere.json", "./a.json"],\n  "draftMode": true\n}',
    );
    const a = write('ext-bad/a.json', JSON.stringify({ extends: './b.json', rules: { 'authority-line': 'off' } }));
    write('ext-bad/b.json', JSON.stringify({ extends: './a.json' }));
    write('ext-bad/bad.json', '{ oops');
    const { config, problems } = resolveConfig({}, write('ext-bad/d.res.md', 'x'));
    assert.deepStrictEqual(
      problems.map((p) => [path.basename(p.file), p.line, p.message.replace(tmp, '<tmp>')]),
      [
        [
          '.resolutionrc.json',
          2,
          `"extends": "./nowhere.json" does not exist (${path.join('<tmp>', 'ext-bad', 'nowhere.json')}): it is ignored`,
        ],
        ['b.json', 0, '"extends": "./a.json" makes a cycle (a.json → b.json → a.json): it is ignored'],
      ],
    );
    assert.strictEqual(problems[0].file, rc);
    assert.strictEqual(config.draftMode, true);
    assert.strictEqual(config.rules['authority-line'].severity, 'off');
    assert.ok(a);
    // a base that is not JSON: its own problem, and one on the file that names it
    write('ext-bad2/.resolutionrc.json', JSON.stringify({ root: true, extends: '../ext-bad/bad.json' }));
    const r = resolveConfig({}, write('ext-bad2/d.res.md', 'x'));
    assert.deepStrictEqual(
      r.problems.map((p) => [path.basename(p.file), p.message]),
      [
        ['bad.json', r.problems[0].message],
        ['.resolutionrc.json', '"extends": "../ext-bad/bad.json" is not a valid configuration: it is ignored'],
      ],
    );
    assert.match(r.problems[0].message, /not valid JSON/);
    // "extends" must be a path or a list of paths
    assert.match(parseConfigText('{ "extends": 3 }', 'f').problems[0].message, /^extends: /);
  });

  it('fixAll settings: wording and the least severity, validated', () => {
    const r = parseConfigText('{ "fixAll": { "wording": true, "minSeverity": "information" } }', 'f');
    assert.deepStrictEqual(r.problems, []);
    const { config } = resolveConfig({ fixAll: { wording: true } }, undefined);
    assert.deepStrictEqual(config.fixAll, { wording: true, minSeverity: 'warning' });
    const bad = parseConfigText('{ "fixAll": { "minSeverity": "off" } }', 'f');
    assert.match(
      bad.problems[0].message,
      /fixAll\.minSeverity: "off" is not one of error, warning, information, hint: this setting is ignored/,
    );
  });

  it('the configuration reaches the checks', () => {
    write('strict/.resolutionrc.json', JSON.stringify({ rules: { 'operative-numbering': 'off' } }));
    const text = 'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n';
    assert.strictEqual(checkDocument(parse(text), { config: resolveConfig({}, path.join(tmp, 'strict', 'd.res.md')).config }).length, 0);
    assert.strictEqual(checkDocument(parse(text)).length, 1);
  });

  it('the JSON schema for .resolutionrc.json names every check', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'server', 'schema', 'resolutionrc.schema.json'), 'utf8'));
    const props = schema.properties.rules.properties;
    for (const r of RULES) assert.ok(props[r.meta.id], `schema lacks ${r.meta.id}`);
    assert.deepStrictEqual(Object.keys(props).sort(), RULES.map((r) => r.meta.id).sort());
  });
});
