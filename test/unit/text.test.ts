import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import { LineIndex, SourceSpan } from '../../server/src/core/text';
import { readSeed, SEED } from '../support/paths';

describe('source spans (ranges on demand)', () => {
  const text = 'The General Assembly,\r\n\r\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n';
  const lines = new LineIndex(text);

  it('gives the LSP range of its offsets, across \\r\\n and \\n line breaks', () => {
    const at = text.indexOf('Decides');
    const s = lines.span(at, at + 'Decides'.length);
    assert.ok(s instanceof SourceSpan);
    assert.deepStrictEqual(s.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 11 } });
  });

  it('follows its offsets when the parser extends it, and setting a range moves the offsets', () => {
    const s = lines.span(0, 3);
    s.end = text.indexOf(',') + 1;
    assert.deepStrictEqual(s.range.end, { line: 0, character: 21 });
    s.range = { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } };
    assert.strictEqual(text.slice(s.start, s.end), '*Recalling*');
  });

  it('serialises with its range and without the line index, as the server sends it', () => {
    const n = lines.node(0, 3, { text: 'The' });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(n)), {
      start: 0,
      end: 3,
      text: 'The',
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } },
    });
    assert.deepStrictEqual(Object.keys(n), ['start', 'end', 'text']);
  });

  it('a parsed seed keeps the public shape: node.range.start.line and the same ranges as the line index', () => {
    const src = readSeed(SEED.ga75);
    const doc = parse(src);
    const idx = new LineIndex(src);
    const p = doc.operative[5];
    assert.strictEqual(p.range.start.line, idx.positionAt(p.start).line);
    assert.deepStrictEqual(p.opening?.range, idx.range(p.opening!.start, p.opening!.end));
    assert.strictEqual(src.slice(p.number!.start, p.number!.end), '6.');
  });
});
