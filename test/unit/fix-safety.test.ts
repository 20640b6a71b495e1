/**
 * Fix-all never changes an agreed word. Every adopted text the tests have — the seeds, and each
 * AKN4UN resolution of ../shared/corpus written out as a draft (test/tools/akn.ts) — goes through
 * fix-all with the default configuration; its word sequence (numbers, sub-paragraph labels,
 * paragraph suffixes, punctuation, `*` and footnote markers left out) must be what it was, and a
 * second fix-all must change nothing.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { fixAll, fixAllApplies } from '../../server/src/core/fix';
import { RULES } from '../../server/src/core/rules/registry';
import { words } from '../support/words';
import { aknToTexts } from '../tools/akn';
import { listXml, sharedCorpusDir } from '../tools/corpus-path';
import { readSeed, SEED } from '../support/paths';

function firstDifference(a: string[], b: string[]): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at word ${i}: “${a.slice(Math.max(0, i - 5), i + 5).join(' ')}” became “${b.slice(Math.max(0, i - 5), i + 5).join(' ')}”`;
}

const check = (t: string) => checkDocument(parse(t));

function assertSafe(name: string, text: string, failures: string[]): boolean {
  const once = fixAll(text, check);
  const w0 = words(text);
  const w1 = words(once.text);
  if (w0.join(' ') !== w1.join(' ')) {
    failures.push(`${name}: words changed ${firstDifference(w0, w1)} (${JSON.stringify(once.applied)})`);
    return false;
  }
  const twice = fixAll(once.text, check);
  if (twice.text !== once.text) {
    failures.push(`${name}: a second fix-all changed the text again (${JSON.stringify(twice.applied)})`);
    return false;
  }
  return true;
}

describe('fix-all keeps agreed words', function () {
  this.timeout(170000);

  it('every fix of the registry has its class in the rule metadata', () => {
    for (const r of RULES)
      if (r.meta.fixDescription)
        assert.ok(r.meta.fixClass === 'structural' || r.meta.fixClass === 'wording', `${r.meta.id} has no fixClass`);
    const wording = RULES.filter((r) => r.meta.fixClass === 'wording')
      .map((r) => r.meta.id)
      .sort();
    assert.deepStrictEqual(wording, [
      'citation-date',
      'french-agreement',
      'operative-verb-unknown',
      'preambular-phrase-unknown',
      'repeated-opening',
    ]);
  });

  it('applies structural fixes of warnings and errors only, unless asked for more', () => {
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1,',
      '',
      '1. *Encourages* States to act;',
      '',
      '3. *Encourages* States to report;',
      '',
      '4. *Recall* the commitments;',
      '',
      '5. *Requests* a report.',
      '',
    ].join('\n');
    const findings = check(text);
    const repeat = findings.find((f) => f.rule === 'repeated-opening');
    assert.ok(repeat?.fix, 'repeated-opening offers its wording fix as a quick fix');
    assert.strictEqual(repeat!.fix!.class, 'wording');
    const unknown = findings.find((f) => f.rule === 'operative-verb-unknown');
    assert.ok(unknown?.fix && unknown.fix.class === 'wording');
    const out = fixAll(text, check).text;
    assert.match(out, /\n2\. \*Encourages\* States to report;/, 'numbering is fixed');
    assert.match(out, /\n3\. \*Recall\* the commitments;/, 'the unknown opening is left as written');
    assert.doesNotMatch(out, /Also/);
    const wide = fixAll(text, check, { wording: true, minSeverity: 'hint' }).text;
    assert.match(wide, /\*Also encourages\*/);
    assert.ok(!fixAllApplies(repeat!, {}) && fixAllApplies(repeat!, { wording: true, minSeverity: 'hint' }));
  });

  it('on the seeds', () => {
    const failures: string[] = [];
    for (const name of Object.values(SEED)) assertSafe(name, readSeed(name), failures);
    assert.deepStrictEqual(failures, []);
  });

  it('on every AKN4UN resolution of ../shared/corpus written out as a draft', function () {
    const dir = sharedCorpusDir();
    if (!dir) {
      console.log('      (skipped: ../shared not present)');
      this.skip();
    }
    const failures: string[] = [];
    let texts = 0;
    let changed = 0;
    for (const file of listXml(path.join(dir!, 'un-ga-akn4un'))) {
      for (const [i, text] of aknToTexts(fs.readFileSync(file, 'utf8')).entries()) {
        texts++;
        if (assertSafe(`${path.basename(file)}#${i}`, text, failures) && fixAll(text, check, 1).text !== text) changed++;
      }
    }
    console.log(`      ${texts} texts, ${changed} given structural fixes, ${failures.length} failures`);
    assert.ok(texts >= 600, `only ${texts} texts`);
    assert.deepStrictEqual(failures.slice(0, 20), []);
  });
});
