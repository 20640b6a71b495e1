/**
 * The precedent language service in memory (core/service, no server): completions, hovers and
 * the precedents of a paragraph over the built-in corpus, as the editor shows them.
 */
import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { sourceLabel } from '../../server/src/core/precedent/label';
import { completionsAt } from '../../server/src/core/service/completion';
import { corpusHover, footnoteHover, renderDiff } from '../../server/src/core/service/hover';
import { loadingNote, parallelTextsAt, precedentAccess, precedentsAt, type PrecedentAccess } from '../../server/src/core/service/precedent';

const HEAD = 'The General Assembly,\n\n*Recalling* its resolution 71/326 of 11 September 2017,[^1]\n\n';

describe('precedent language service (in memory)', () => {
  let access: PrecedentAccess;
  before(async function () {
    this.timeout(60000);
    const corpus = new Corpus();
    await corpus.load({ builtin: true });
    access = precedentAccess(corpus);
  });

  it('completes a paragraph being written with its precedents, best first, replacing what was typed', async () => {
    const text = HEAD + '1. *Calls upon* Member States to make il';
    const list = await completionsAt(parse(text), text.length, access, undefined);
    const precedents = list!.items.filter((i) => i.kind === 'precedent');
    assert.ok(precedents.length >= 2);
    const [best] = precedents;
    assert.strictEqual(best.label, 'Calls upon Member States to make illicit trafficking…');
    assert.strictEqual(best.detail, 'A/RES/75/311, op. 6 · 2021');
    assert.strictEqual(best.edit.start, text.indexOf('*Calls upon*'));
    assert.strictEqual(best.edit.end, text.length);
    assert.match(best.edit.newText, /^\*Calls upon\* Member States to make illicit trafficking in protected species .* organized crime;$/);
    assert.match(best.documentation!, /\*A\/RES\/75\/311, op\\\. 6 · 23 July 2021 — Tackling illicit trafficking in wildlife\*$/);
    assert.deepStrictEqual(
      precedents.map((p) => p.sortText),
      precedents.map((_, i) => 'p' + String(i).padStart(3, '0')),
    );
  });

  it('leaves out the draft’s own file', async () => {
    const text = HEAD + '1. *Calls upon* Member States to make il';
    const all = (await completionsAt(parse(text), text.length, access, undefined))!.items.filter((i) => i.kind === 'precedent');
    const own = all[0].detail!.startsWith('A/RES/75/311') ? 'A-RES-75-311' : 'A-RES-71-326';
    const path = (await access.corpus.search('Calls upon Member States to make illicit', { top: 10 })).find((m) =>
      m.source.path.includes(own),
    )!.source.path;
    const without = (await completionsAt(parse(text), text.length, access, path))!.items.filter((i) => i.kind === 'precedent');
    assert.ok(
      without.every((i) => !i.detail!.startsWith(all[0].detail!.split(',')[0])),
      JSON.stringify(without.map((i) => i.detail)),
    );
  });

  it('completes a resolution symbol after “resolution 71/” with its adoption date', async () => {
    const text = 'The General Assembly,\n\n*Recalling* its resolution 71/';
    const list = await completionsAt(parse(text), text.length, access, undefined);
    const item = list!.items.find((i) => i.label === '71/326')!;
    assert.strictEqual(item.kind, 'symbol');
    assert.strictEqual(item.edit.newText, '71/326 of 11 September 2017');
    assert.deepStrictEqual([item.edit.start, item.edit.end], [text.length - 3, text.length]);
    assert.strictEqual(await completionsAt(parse(text), text.length, undefined, undefined), null, 'no symbols before the corpus loads');
  });

  it('offers opening phrases at the start of a paragraph, counted in the corpus once it has loaded', async () => {
    const text = HEAD + '1. *Enc';
    const loaded = (await completionsAt(parse(text), text.length, access, undefined))!.items;
    const enc = loaded.find((i) => i.label === 'Encourages')!;
    assert.strictEqual(enc.kind, 'phrase');
    assert.match(enc.detail!, /^operative phrase · \d+ uses in the corpus$/);
    assert.deepStrictEqual(enc.edit, { start: text.length - 4, end: text.length, newText: 'Encourages ' });
    const before = (await completionsAt(parse(text), text.length, undefined, undefined))!.items;
    assert.strictEqual(before.find((i) => i.label === 'Encourages')!.detail, 'operative phrase');
    assert.ok(before.every((i) => i.kind === 'phrase'));
  });

  it('hovers: a footnote, a cited resolution, a paragraph’s precedents with the diff', async () => {
    const text =
      HEAD +
      '1. *Calls upon* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime;\n\n[^1]: A footnote.\n';
    const doc = parse(text);
    const foot = footnoteHover(doc, text.indexOf('[^1]') + 1)!;
    assert.strictEqual(foot.markdown, '**Footnote 1**: A footnote\\.');
    assert.deepStrictEqual(foot.range.start, { line: 2, character: text.split('\n')[2].indexOf('[^1]') });
    const cited = await corpusHover(access, doc, text.indexOf('71/326') + 1, undefined);
    assert.strictEqual(cited!.markdown, '**A/RES/71/326** — Tackling illicit trafficking in wildlife\n\nAdopted 11 September 2017');
    const para = await corpusHover(access, doc, text.indexOf('illicit'), undefined);
    assert.match(para!.markdown, /^\*\*Precedents\*\* — \d+% of the words are agreed language\n\n1\. \d+% · A\/RES\//);
    assert.match(para!.markdown, /\*\*Changes against A\/RES\/[\d/]+, (op|pp)\\\. \d+ · \d{4}\*\* \(~~removed~~, \*\*added\*\*\):/);
    assert.strictEqual(para!.range.start.line, 4);
  });

  it('says when a paragraph is new language, and when the corpus is still loading', async () => {
    const text = HEAD + '1. *Decides* to hold a festival of interplanetary kite flying on the moon.\n';
    const loading = { ...access, loading: { done: 3, total: 10 } };
    const h = await corpusHover(loading, parse(text), text.indexOf('festival'), undefined);
    assert.strictEqual(
      h!.markdown,
      '**Precedents**: none in the corpus — new language.\n\n*The precedent corpus is still loading (3 of 10 files): these results may be incomplete.*',
    );
    assert.strictEqual(loadingNote(undefined), undefined);
  });

  it('the precedents of a paragraph, with the share of its words found in the best', async () => {
    const text =
      HEAD + '1. *Calls upon* Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime;\n';
    const doc = parse(text);
    const found = (await precedentsAt(access, doc, text.indexOf('illicit'), 2, undefined))!;
    assert.strictEqual(found.paragraph.kind, 'operative');
    assert.strictEqual(found.matches.length, 2);
    assert.ok(found.coverage > 0.5 && found.coverage <= 1, String(found.coverage));
    assert.strictEqual(await precedentsAt(access, doc, 0, 2, undefined), undefined, 'the authority line is no paragraph');
    assert.deepStrictEqual(parallelTextsAt(access.corpus, doc, 0, undefined), {
      parallels: [],
      reason: 'the cursor is not in a paragraph',
    });
  });

  it('labels a source and renders a word diff as Markdown', () => {
    const source = { path: 'x', symbol: 'A/RES/75/311', kind: 'operative' as const, paragraph: '6', line: 1, date: '23 July 2021' };
    assert.strictEqual(sourceLabel(source), 'A/RES/75/311, op. 6 · 2021');
    assert.strictEqual(sourceLabel(source, true), 'A/RES/75/311, op. 6 · 23 July 2021');
    assert.strictEqual(sourceLabel({ ...source, kind: 'subparagraph', paragraph: '6 (a)' }), 'A/RES/75/311, para. 6 (a) · 2021');
    assert.strictEqual(
      renderDiff([
        { kind: 'equal', text: 'Calls' },
        { kind: 'delete', text: 'upon' },
        { kind: 'insert', text: 'on*' },
      ]),
      'Calls ~~upon~~ **on\\***',
    );
  });
});
