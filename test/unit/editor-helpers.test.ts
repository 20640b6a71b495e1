import * as assert from 'assert';
import { planFootnote, scanFootnotes, toSuperscript } from '../../client/src/footnotes';
import { clauseLines, replacementText, withoutNumber } from '../../client/src/precedentText';
import { sourceLabel } from '../../server/src/core/precedent/label';
import { officialSymbol, organBefore, undocsUrl } from '../../server/src/core/undocs';

/** Applies a footnote plan the way the editor does (both inserts at original offsets). */
function apply(text: string, plan: ReturnType<typeof planFootnote>): string {
  const edits = [
    { at: plan.markerOffset, text: plan.marker },
    { at: plan.definitionOffset, text: plan.definition },
  ].sort((a, b) => b.at - a.at);
  for (const e of edits) text = text.slice(0, e.at) + e.text + text.slice(e.at);
  return text;
}

describe('Insert footnote', () => {
  it('takes the next number and the style of the document, and puts the definition after the paragraph', () => {
    const text =
      'The General Assembly,\n\n*Recalling* the Convention,¹ and the Protocol,\n\n¹ United Nations, *Treaty Series*.\n\n1. *Decides* to act on the Agreement;\n\n2. *Requests* a report.\n';
    const at = text.indexOf('Agreement') + 'Agreement'.length;
    const plan = planFootnote(text, at);
    assert.strictEqual(plan.number, 2);
    assert.strictEqual(plan.style, 'unicode');
    const out = apply(text, plan);
    assert.ok(out.includes('the Agreement²;'), out);
    assert.ok(out.includes('1. *Decides* to act on the Agreement²;\n\n² \n\n2. *Requests*'), out);
    assert.strictEqual(out.slice(0, plan.cursorOffset).endsWith('\n\n² '), true, 'cursor after the new definition marker');
  });

  it('goes after the definitions that already follow the paragraph', () => {
    const text = 'A<sup>1</sup> text<sup>2</sup> here\n\n<sup>1</sup> One.\n\n<sup>2</sup> Two.\n\nNext paragraph.';
    const plan = planFootnote(text, text.indexOf(' here'));
    assert.strictEqual(plan.style, 'sup');
    assert.strictEqual(plan.number, 3);
    const out = apply(text, plan);
    assert.ok(out.includes('text<sup>2</sup><sup>3</sup> here'), out);
    assert.ok(out.includes('<sup>2</sup> Two.\n\n<sup>3</sup> \n\nNext paragraph.'), out);
  });

  it('uses [^n] in a document that does, and starts at 1 in a document without notes', () => {
    assert.strictEqual(scanFootnotes('x[^1] y[^4]\n\n[^1]: a\n[^4]: b').style, 'caret');
    assert.strictEqual(scanFootnotes('x[^1] y[^4]\n\n[^1]: a\n[^4]: b').max, 4);
    const plan = planFootnote('Only text', 4);
    assert.strictEqual(plan.number, 1);
    assert.strictEqual(apply('Only text', plan), 'Only¹ text\n\n¹ ');
    assert.strictEqual(toSuperscript(14), '¹⁴');
    assert.strictEqual(scanFootnotes('note¹⁴ and¹²').max, 14);
  });
});

describe('precedent text helpers', () => {
  it('keeps the paragraph number when a precedent replaces the paragraph', () => {
    assert.strictEqual(
      replacementText('6. *Urges* States to act;', '9. *Calls upon* Member States to review;'),
      '6. *Calls upon* Member States to review;',
    );
    assert.strictEqual(replacementText('*Recalling* x,', '*Recalling also* y,'), '*Recalling also* y,');
    assert.strictEqual(withoutNumber('5 bis. *Decides* x'), '*Decides* x');
  });
  it('labels sources as symbol, paragraph and year', () => {
    assert.strictEqual(
      sourceLabel({ symbol: 'A/RES/75/311', kind: 'operative', paragraph: '6', date: '23 July 2021' }),
      'A/RES/75/311, op. 6 · 2021',
    );
    assert.strictEqual(sourceLabel({ symbol: '', path: '/x/y/draft.res.md', kind: 'preambular', paragraph: 3 }), 'draft.res.md, pp. 3');
  });
  it('splits a paragraph at clause boundaries for the diff editor', () => {
    assert.strictEqual(clauseLines('a,  b; c: d'), 'a,\nb;\nc:\nd');
  });
});

describe('resolution symbols → UN documents site', () => {
  it('gives the official symbol of well-formed citations', () => {
    assert.strictEqual(officialSymbol('70/1', organBefore('Reaffirming its resolution ')), 'A/RES/70/1');
    assert.strictEqual(officialSymbol('A/RES/75/311'), 'A/RES/75/311');
    assert.strictEqual(officialSymbol('1514 (XV)'), 'A/RES/1514(XV)');
    assert.strictEqual(officialSymbol('2013/40', organBefore('Economic and Social Council resolution ')), 'E/RES/2013/40');
    assert.strictEqual(officialSymbol('46/1', organBefore('Human Rights Council resolution ')), 'A/HRC/RES/46/1');
    assert.strictEqual(undocsUrl('A/RES/75/311'), 'https://undocs.org/A/RES/75/311');
    assert.strictEqual(undocsUrl('A/RES/1514(XV)'), 'https://undocs.org/A/RES/1514(XV)');
  });
  it('gives none where the symbol does not say which document it is', () => {
    assert.strictEqual(officialSymbol('12/4', organBefore('Conference of the Parties resolution ')), undefined);
    assert.strictEqual(officialSymbol('5/2'), undefined, 'sessions before the 31st were not numbered this way');
    assert.strictEqual(officialSymbol('hello'), undefined);
  });
});
