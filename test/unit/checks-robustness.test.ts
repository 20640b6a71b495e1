import * as assert from 'assert';
import fc from 'fast-check';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { applyEdits, fixAll, renumberFootnotesEdits, renumberOperativeEdits } from '../../server/src/core/fix';
import { readSeed, SEED } from '../support/paths';

const seeds = Object.values(SEED).map(readSeed);

/** A seed cut into lines, shuffled, duplicated, truncated and sprinkled with markup. */
const mutated = fc
  .record({
    seed: fc.integer({ min: 0, max: seeds.length - 1 }),
    start: fc.nat(),
    length: fc.integer({ min: 1, max: 60 }),
    ops: fc.array(
      fc.record({
        at: fc.nat(),
        kind: fc.constantFrom('drop', 'dup', 'swap', 'insert', 'cut'),
        text: fc.constantFrom(
          '*',
          '1. ',
          '(a) ',
          '¹',
          '<!-- resolution-disable -->',
          '<!-- resolution-disable-next-paragraph -->',
          'paragraph 3 above',
          ';',
          ',',
          '[^2]',
          '\u200e',
          '5 bis. ',
          '',
        ),
      }),
      { maxLength: 12 },
    ),
  })
  .map(({ seed, start, length, ops }) => {
    const all = seeds[seed].split('\n');
    const s = start % all.length;
    const lines = all.slice(s, s + length);
    for (const op of ops) {
      if (lines.length === 0) break;
      const i = op.at % lines.length;
      if (op.kind === 'drop') lines.splice(i, 1);
      else if (op.kind === 'dup') lines.splice(i, 0, lines[i]);
      else if (op.kind === 'swap') [lines[i], lines[lines.length - 1 - i]] = [lines[lines.length - 1 - i], lines[i]];
      else if (op.kind === 'insert') lines[i] = op.text + lines[i];
      else lines[i] = lines[i].slice(0, Math.floor(lines[i].length / 2)) + op.text;
    }
    return lines.join('\n');
  });

describe('checks and fixes on mutated drafts', () => {
  it('never throw, keep ranges inside the document, and fix-all terminates', () => {
    fc.assert(
      fc.property(mutated, (text) => {
        const doc = parse(text);
        const errors: string[] = [];
        const findings = checkDocument(doc, { onError: (rule, e) => errors.push(`${rule}: ${(e as Error).stack}`) });
        assert.deepStrictEqual(errors, []);
        const lines = text.split(/\r\n|\r|\n/);
        for (const f of findings) {
          assert.ok(f.range.start.line < lines.length && f.range.end.line < lines.length, `${f.rule} out of range`);
          if (f.fix) applyEdits(text, f.fix.edits); // each fix applies on its own
        }
        const result = fixAll(text, (t) => checkDocument(parse(t)));
        assert.ok(result.passes <= 10);
        applyEdits(text, renumberOperativeEdits(doc));
        applyEdits(text, renumberFootnotesEdits(doc));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 150) },
    );
  });
});
