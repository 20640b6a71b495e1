import * as assert from 'assert';
import fc from 'fast-check';
import { parse, reparse } from '../../server/src/core/parser';
import { traceOf } from '../../server/src/core/parser/trace';
import { checkDocument } from '../../server/src/core/check';
import { readSeed, SEED } from '../support/paths';
import { apply, edit } from '../support/edits';

describe('a long editing session, re-parsed version after version', () => {
  it('keeps giving the model and the findings of a full parse, with no full parse on the way for typing', () => {
    // typing (characters and words) with now and then any other edit of the property tests
    const typed = fc.record({ at: fc.nat(), remove: fc.constantFrom(0, 0, 0, 1), insert: fc.constantFrom('x', 'e', ' ', 'of ', '') });
    const steps = fc.sample(fc.oneof({ arbitrary: typed, weight: 9 }, { arbitrary: edit, weight: 1 }), { numRuns: 120, seed: 7 });
    let text = readSeed(SEED.ga75);
    let doc = parse(text);
    checkDocument(doc, { reuse: true });
    let longest = 0;
    steps.forEach((e, i) => {
      text = apply(text, e);
      doc = reparse(doc, text);
      longest = Math.max(longest, traceOf(doc)?.generation ?? 0);
      const reused = checkDocument(doc, { reuse: true });
      if (i % 30 === 29 || i === steps.length - 1) {
        const full = parse(text);
        assert.strictEqual(JSON.stringify(doc), JSON.stringify(full), `the model after edit ${i + 1}`);
        assert.deepStrictEqual(reused, checkDocument(full), `the findings after edit ${i + 1}`);
      }
    });
    assert.ok(longest >= 33, `re-parses in a row: ${longest}`);
  });

  it('keeps the lines right when a character is typed next to a line break (\\r\\n, \\r, \\n)', () => {
    for (const eol of ['\r\n', '\r', '\n']) {
      let text = readSeed(SEED.ga75).replace(/\r?\n/g, eol);
      let doc = parse(text);
      // between the two characters of a line break, before it, after it, and one taken out
      const at = text.indexOf(eol, 2000);
      for (const change of [
        (t: string) => t.slice(0, at + 1) + 'x' + t.slice(at + 1),
        (t: string) => t.slice(0, at) + 'y' + t.slice(at),
        (t: string) => t.slice(0, at + eol.length) + 'z' + t.slice(at + eol.length),
        (t: string) => t.slice(0, at + 1) + t.slice(at + 2),
      ]) {
        text = change(text);
        doc = reparse(doc, text);
        const full = parse(text);
        assert.deepStrictEqual(doc.lineStarts, full.lineStarts);
        assert.strictEqual(JSON.stringify(doc), JSON.stringify(full));
      }
    }
  });
});
