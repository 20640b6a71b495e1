import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { readSeed, ROOT, SEED } from '../support/paths';

interface Expected {
  file: string;
  line: number;
  rule: string;
  severity: string;
  reason: string;
}

const snapshot: { findings: Expected[] } = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'unit', 'seed-findings.json'), 'utf8'));
const key = (f: { file: string; line: number; rule: string; severity: string }) => `${f.file}:${f.line}: ${f.severity} ${f.rule}`;

describe('checks on the seeds', () => {
  const actual: Array<{ file: string; line: number; rule: string; severity: string; message: string }> = [];
  for (const file of Object.values(SEED)) {
    for (const f of checkDocument(parse(readSeed(file))))
      actual.push({ file, line: f.range.start.line + 1, rule: f.rule, severity: f.severity, message: f.message });
  }

  it('report exactly the reviewed findings of the snapshot, each with its reason', () => {
    assert.deepStrictEqual(
      actual.map(key).sort(),
      snapshot.findings.map(key).sort(),
      actual.map((a) => `${key(a)}: ${a.message}`).join('\n'),
    );
    for (const f of snapshot.findings) assert.ok(f.reason && f.reason.length > 20, `no reason for ${key(f)}`);
  });

  it('A/RES/75/311 has no error and no warning', () => {
    const bad = actual.filter((f) => f.file === SEED.ga75 && (f.severity === 'error' || f.severity === 'warning'));
    assert.deepStrictEqual(bad, []);
  });

  it('CMS: operative-in-preamble on the paragraphs opening "Urges" and "Instructs", operative-verb-italic on *Further calls* upon', () => {
    const text = readSeed(SEED.cms).split('\n');
    const at = (rule: string) => actual.filter((f) => f.file === SEED.cms && f.rule === rule).map((f) => text[f.line - 1].slice(0, 20));
    assert.deepStrictEqual(at('operative-in-preamble'), ['Urges Parties and no', 'Instructs the Secret']);
    assert.deepStrictEqual(at('operative-verb-italic'), ['17. *Further calls* ']);
  });

  it('the EU communication (not a resolution) gets only footnote checks, and none fails', () => {
    const doc = parse(readSeed(SEED.eu));
    assert.strictEqual(doc.kind, 'other');
    assert.deepStrictEqual(
      actual.filter((f) => f.file === SEED.eu),
      [],
    );
  });
});
