import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import type { ResolutionDocument } from '../../server/src/core/model';
import { endRun, internKey, MARGIN, startRun, storedReports, storeReports } from '../../server/src/core/rules/paragraph-cache';
import { readSeed, SEED } from '../support/paths';

/** One run of the cache over every paragraph of `doc` in check order: the reports it finds, by paragraph index. */
function run(doc: ResolutionDocument, key: string, store: boolean): Array<number | undefined> {
  startRun(doc);
  const found: Array<number | undefined> = [];
  const all = [...doc.preamble, ...doc.operative];
  all.forEach((p, i) => {
    const last = i === all.length - 1;
    const stored = storedReports(p, key, last, doc.source);
    found.push(stored?.reports.length);
    if (!stored && store) storeReports(p, key, last, doc.source, [{ rule: 0, start: p.start, end: p.end, message: `paragraph ${i}` }]);
  });
  endRun();
  return found;
}

describe('the paragraph findings cache', () => {
  const text = readSeed(SEED.ga75);
  const key = internKey('test key');

  it('gives a paragraph its stored reports while the characters after it are the same, and not once they change', () => {
    const doc = parse(text);
    assert.ok(
      run(doc, key, true).every((n) => n === undefined),
      'nothing stored yet',
    );
    assert.ok(
      run(doc, key, false).every((n) => n === 1),
      'every paragraph found',
    );
    // the same nodes over a text changed just after one paragraph (as a re-parse would keep them)
    const k = 3;
    const p = doc.preamble[k];
    const changed: ResolutionDocument = { ...doc, source: text.slice(0, p.end + MARGIN - 1) + '#' + text.slice(p.end + MARGIN) };
    const found = run(changed, key, false);
    assert.strictEqual(found[k], undefined, 'the paragraph whose following characters changed is checked again');
    assert.strictEqual(found.filter((n) => n === undefined).length, 1);
    // a change just past the margin leaves it alone
    const far: ResolutionDocument = { ...doc, source: text.slice(0, p.end + MARGIN) + '#' + text.slice(p.end + MARGIN + 1) };
    run(doc, key, true);
    assert.strictEqual(run(far, key, false)[k], 1);
  });

  it('checks again the paragraph that is no longer the last one, and every paragraph under another key', () => {
    const doc = parse(text);
    run(doc, key, true);
    const shorter: ResolutionDocument = { ...doc, operative: doc.operative.slice(0, -1) };
    const found = run(shorter, key, false);
    assert.strictEqual(found[found.length - 1], undefined, 'the new last paragraph');
    assert.strictEqual(found.filter((n) => n === undefined).length, 1);
    assert.ok(run(doc, internKey('another key'), false).every((n) => n === undefined));
  });
});
