import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import type { ResolutionDocument } from '../../server/src/core/model';
import { readSeed, SEED } from '../support/paths';

const slice = (doc: ResolutionDocument, s: { start: number; end: number }) => doc.source.slice(s.start, s.end);
const numbers = (doc: ResolutionDocument) => doc.operative.map((p) => p.number?.text);
const seq = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}.`);

describe('parser on the seeds', () => {
  it('A/RES/75/311: front matter, 40 preambular and 44 operative paragraphs, 14 footnotes, fragments', () => {
    const doc = parse(readSeed(SEED.ga75));
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.symbol?.text, 'A/RES/75/311');
    assert.strictEqual(doc.title?.text, '75/311. Tackling illicit trafficking in wildlife');
    assert.strictEqual(doc.date?.text, '23 July 2021');
    assert.strictEqual(doc.authority?.text, 'The General Assembly,');
    assert.deepStrictEqual(doc.authority?.range, { start: { line: 21, character: 0 }, end: { line: 21, character: 21 } });
    assert.ok(doc.authority?.comma);
    assert.strictEqual(doc.authority?.placement, 'beforePreamble');
    assert.strictEqual(doc.preamble.length, 40);
    assert.deepStrictEqual(numbers(doc), seq(44));
    // Preambular openings are not italic in this text; operative verbs are.
    assert.ok(doc.preamble.every((p) => p.opening?.italic === 'none'));
    assert.ok(doc.operative.every((p) => p.opening?.italic === 'full'));
    assert.deepStrictEqual(
      doc.preamble.slice(0, 3).map((p) => p.opening?.text),
      ['Reaffirming', 'Reaffirming also', 'Reaffirming further'],
    );
    assert.strictEqual(doc.operative[27].opening?.text, 'Also strongly encourages');
    assert.deepStrictEqual(doc.operative[27].opening?.modifiers, ['also', 'strongly']);
    assert.strictEqual(doc.operative[27].opening?.base, 'encourages');
    assert.strictEqual(doc.operative[0].opening?.text, 'Stresses its continued determination');
    assert.strictEqual(doc.operative[43].ending.char, '.');
    assert.ok(doc.operative.slice(0, 43).every((p) => p.ending.char === ';'));
    assert.ok(doc.preamble.every((p) => p.ending.char === ','));
    assert.deepStrictEqual(
      doc.footnoteDefinitions.map((d) => d.label),
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    );
    assert.deepStrictEqual(
      doc.footnoteMarkers.map((m) => m.label),
      Array.from({ length: 14 }, (_, i) => String(i + 1)),
    );
    assert.ok(doc.footnoteMarkers.every((m) => m.style === 'unicode'));
    assert.ok(doc.footnoteDefinitions.filter((d) => d.ibid).length >= 6);
    // Page-break fragments re-attached: "…noting the high volume of" + "rosewood imports…",
    // "…Migratory Species of" + "Wild Animals,⁴…", "…lessons from the natural resource" + "management…",
    // and operative 8, 16, 31 and 40.
    const fragmented = doc.preamble.filter((p) => p.fragments.length > 1).map((p) => p.opening?.text);
    assert.deepStrictEqual(fragmented, ['Underlining', 'Recognizing also', 'Taking note also']);
    assert.deepStrictEqual(
      doc.operative.filter((p) => p.fragments.length > 1).map((p) => p.number?.value),
      [8, 16, 31, 40],
    );
    const underlining = doc.preamble.find((p) => p.fragments.length > 1)!;
    assert.match(underlining.text, /noting the high volume of rosewood imports derived from illegal sources/);
    assert.strictEqual(underlining.ending.char, ',');
    assert.ok(doc.meeting && /93rd plenary meeting/.test(doc.meeting.text));
    // Citations with their dates.
    const c70 = doc.citations.find((c) => c.key === '70/1');
    assert.strictEqual(c70?.date?.text, '25 September 2015');
    assert.ok(doc.citations.some((c) => c.key === '69/314' && c.date?.text === '30 July 2015'));
  });

  it('A/RES/71/326: paragraphs without blank lines, the wrapped italic paragraph, repeated footnotes', () => {
    const doc = parse(readSeed(SEED.ga71));
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.symbol?.text, 'A/RES/71/326');
    assert.strictEqual(doc.preamble.length, 25);
    assert.deepStrictEqual(numbers(doc), seq(31));
    const wrapped = doc.preamble.filter((p) => p.wrappedInItalic);
    assert.strictEqual(wrapped.length, 1);
    assert.strictEqual(wrapped[0].opening?.text, 'Taking note also');
    assert.strictEqual(wrapped[0].ending.char, ',');
    // Footnotes 1, 6 and 7 are referenced twice.
    const labels = doc.footnoteMarkers.map((m) => m.label);
    assert.strictEqual(labels.filter((l) => l === '1').length, 2);
    assert.strictEqual(labels.filter((l) => l === '6').length, 2);
    assert.strictEqual(labels.filter((l) => l === '7').length, 2);
    assert.strictEqual(doc.footnoteDefinitions.length, 13);
    // *inter alia* inside a paragraph is not an extra verb.
    assert.ok(doc.operative.every((p) => p.extraVerbs.every((v) => !/inter alia/.test(v.text))));
  });

  it('CMS 11.31: italic authority line over two lines after the preamble, operative verbs in the preamble, partial italics', () => {
    const doc = parse(readSeed(SEED.cms));
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.symbol?.text, 'UNEP/CMS/Resolution 11.31 (Rev.COP14)');
    assert.strictEqual(doc.title?.text, 'ILLEGAL AND UNSUSTAINABLE TAKING OF WILDLIFE');
    assert.ok(doc.authority?.italic);
    assert.strictEqual(doc.authority?.lineCount, 2);
    assert.strictEqual(doc.authority?.placement, 'afterPreamble');
    assert.strictEqual(doc.authority?.comma, undefined);
    assert.strictEqual(doc.preamble.length, 26);
    const operativeOpenings = doc.preamble.filter((p) => /^(Urges|Instructs)\b/.test(p.text)).map((p) => p.opening?.text);
    assert.deepStrictEqual(operativeOpenings, ['Urges', 'Instructs']);
    assert.deepStrictEqual(numbers(doc), seq(21));
    const p17 = doc.operative[16];
    assert.strictEqual(p17.opening?.italic, 'partial');
    assert.strictEqual(p17.opening?.base, 'calls upon');
    assert.deepStrictEqual(p17.opening?.modifiers, ['further']);
    assert.deepStrictEqual(
      doc.operative[7].extraVerbs.map((v) => v.text),
      ['invites'],
    );
    assert.strictEqual(doc.operative[19].ending.char, ';');
    assert.strictEqual(doc.operative[19].ending.conjunction, 'and');
    assert.strictEqual(doc.operative[20].ending.char, '.');
    assert.strictEqual(doc.footnoteMarkers.length, 0);
  });

  it('UNTOC 12/4: headings, <sup> footnotes after rules, sub-paragraphs, a fragment after a rule', () => {
    const doc = parse(readSeed(SEED.untoc));
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.symbol?.text, 'Resolution 12/4');
    assert.match(doc.title?.text ?? '', /^Enhancing measures to prevent and combat crimes/);
    assert.ok(doc.authority?.italic);
    assert.ok(doc.authority?.comma);
    assert.strictEqual(doc.preamble.length, 11);
    assert.ok(doc.preamble.every((p) => p.opening?.italic === 'full'));
    assert.deepStrictEqual(numbers(doc), seq(9));
    const p5 = doc.operative[4];
    assert.deepStrictEqual(
      p5.subparagraphs.map((s) => s.label.text),
      ['(a)', '(b)', '(c)'],
    );
    assert.ok(p5.subparagraphs.every((s) => s.style === 'paren-alpha' && s.level === 1));
    assert.strictEqual(p5.leadInEnding.char, ':');
    assert.deepStrictEqual(
      doc.footnoteDefinitions.map((d) => [d.label, d.style]),
      [
        ['1', 'sup'],
        ['2', 'sup'],
        ['3', 'sup'],
        ['4', 'sup'],
        ['5', 'sup'],
      ],
    );
    assert.ok(doc.footnoteDefinitions[2].ibid);
    // "… held in Kyoto," / --- / footnote / "Japan, from 7 to 12 March 2021, …"
    const kyoto = doc.preamble[4];
    assert.strictEqual(kyoto.fragments.length, 2);
    assert.match(kyoto.text, /held in Kyoto, Japan, from 7 to 12 March 2021/);
  });

  it('EU COM(2022) 581: not a resolution, parses as other, footnotes kept', () => {
    const doc = parse(readSeed(SEED.eu));
    assert.strictEqual(doc.kind, 'other');
    assert.strictEqual(doc.authority, undefined);
    assert.strictEqual(doc.preamble.length, 0);
    assert.strictEqual(doc.operative.length, 0);
    assert.strictEqual(doc.footnoteDefinitions.length, 28);
    assert.strictEqual(doc.footnoteMarkers.length, 28);
    assert.ok(doc.blocks.length > 50);
  });
});

describe('parser on small drafts', () => {
  it('an italic authority line wrapped over two lines, with a comma', () => {
    const doc = parse(
      '*The Conference of the Parties to the United Nations\nConvention against Corruption,*\n\n*Recalling* its resolution 8/12,\n\n1. *Decides* to act.\n',
    );
    assert.strictEqual(doc.authority?.lineCount, 2);
    assert.ok(doc.authority?.italic);
    assert.ok(doc.authority?.comma);
    assert.strictEqual(doc.preamble.length, 1);
    assert.strictEqual(doc.operative.length, 1);
  });

  it('numbers with bis and ter', () => {
    const doc = parse('The General Assembly,\n\n5. *Urges* States;\n\n5 bis. *Also urges* States;\n\n5 ter. *Further urges* States.\n');
    assert.deepStrictEqual(
      doc.operative.map((p) => [p.number?.value, p.number?.suffix ?? null]),
      [
        [5, null],
        [5, 'bis'],
        [5, 'ter'],
      ],
    );
    assert.strictEqual(doc.operative[1].number?.text, '5 bis.');
  });

  it('nested sub-paragraphs: (a) (b) with (i) (ii), then a. and i.', () => {
    const text = [
      'The General Assembly,',
      '',
      '1. *Requests* the Secretary-General:',
      '(a) To report on:',
      '(i) The first matter;',
      '(ii) The second matter;',
      '(b) To act on the following:',
      'a. One;',
      'i. Deep;',
      'b. Two;',
      '(c) To conclude.',
      '',
      '2. *Decides* to remain seized of the matter.',
    ].join('\n');
    const doc = parse(text);
    const p = doc.operative[0];
    assert.deepStrictEqual(
      p.subparagraphs.map((s) => s.label.text),
      ['(a)', '(b)', '(c)'],
    );
    assert.deepStrictEqual(
      p.subparagraphs[0].children.map((s) => [s.label.text, s.style, s.value, s.level]),
      [
        ['(i)', 'paren-roman', 1, 2],
        ['(ii)', 'paren-roman', 2, 2],
      ],
    );
    const b = p.subparagraphs[1];
    assert.deepStrictEqual(
      b.children.map((s) => [s.label.text, s.style]),
      [
        ['a.', 'dot-alpha'],
        ['b.', 'dot-alpha'],
      ],
    );
    assert.deepStrictEqual(
      b.children[0].children.map((s) => [s.label.text, s.style, s.level]),
      [['i.', 'dot-roman', 3]],
    );
    assert.strictEqual(p.ending.char, '.');
    assert.deepStrictEqual(numbers(doc), ['1.', '2.']);
  });

  it('(h) then (i) is a letter, not a roman numeral', () => {
    const subs = 'abcdefghij'
      .split('')
      .map((l) => `(${l}) Item ${l};`)
      .join('\n');
    const doc = parse(`The General Assembly,\n\n1. *Decides*:\n${subs}\n`);
    const p = doc.operative[0];
    assert.deepStrictEqual(
      p.subparagraphs.map((s) => s.value),
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
    assert.ok(p.subparagraphs.every((s) => s.style === 'paren-alpha'));
  });

  it('a provisional agenda numbered from 1 belongs to the paragraph that introduces it', () => {
    const text = [
      'The General Assembly,',
      '',
      '8. *Decides* to hold the session;',
      '',
      '9. *Approves* the provisional agenda for the session, as follows:',
      '1. Opening of the session.',
      '2. Adoption of the agenda.',
      '3. Other matters.',
      '',
      '10. *Requests* a report.',
    ].join('\n');
    const doc = parse(text);
    assert.deepStrictEqual(numbers(doc), ['8.', '9.', '10.']);
    assert.deepStrictEqual(
      doc.operative[1].listItems.map((i) => i.text),
      ['Opening of the session.', 'Adoption of the agenda.', 'Other matters.'],
    );
  });

  it('all three footnote styles, with definitions', () => {
    const text = [
      'The General Assembly,',
      '',
      'Recalling the Convention¹ and the Protocol<sup>2</sup> and the Agreement[^3],',
      '',
      '1. *Decides* to act.',
      '',
      '¹ United Nations, *Treaty Series*, vol. 1.',
      '',
      '<sup>2</sup> Ibid., vol. 2.',
      '',
      '[^3]: Ibid., vol. 3.',
    ].join('\n');
    const doc = parse(text);
    assert.deepStrictEqual(
      doc.footnoteMarkers.map((m) => [m.label, m.style]),
      [
        ['1', 'unicode'],
        ['2', 'sup'],
        ['3', 'caret'],
      ],
    );
    assert.deepStrictEqual(
      doc.footnoteDefinitions.map((d) => [d.label, d.style, d.ibid]),
      [
        ['1', 'unicode', false],
        ['2', 'sup', true],
        ['3', 'caret', true],
      ],
    );
    assert.strictEqual(slice(doc, doc.footnoteMarkers[1]), '<sup>2</sup>');
    assert.strictEqual(doc.preamble[0].ending.char, ',');
  });

  it('punctuation is judged before trailing footnote markers', () => {
    const doc = parse(
      'The General Assembly,\n\nRecalling the Convention,³\n\n1. *Decides* to act;²⁸\n\n2. *Requests* a report<sup>4</sup>\n',
    );
    assert.strictEqual(doc.preamble[0].ending.char, ',');
    assert.strictEqual(doc.operative[0].ending.char, ';');
    assert.strictEqual(doc.operative[1].ending.char, '');
  });

  it('a page-break fragment is re-attached to the paragraph it continues', () => {
    const text =
      'The General Assembly,\n\nRecalling the Convention on the Conservation of\n\n¹ A note.\n\nMigratory Species,¹\n\n1. *Decides* to continue to\n\nsupport the work;\n\n2. *Requests* a report.\n';
    const doc = parse(text);
    assert.strictEqual(doc.preamble.length, 1);
    assert.strictEqual(doc.preamble[0].fragments.length, 2);
    assert.strictEqual(doc.preamble[0].ending.char, ',');
    assert.deepStrictEqual(numbers(doc), ['1.', '2.']);
    assert.strictEqual(doc.operative[0].fragments.length, 2);
    assert.strictEqual(doc.operative[0].ending.char, ';');
  });

  it('meeting line and annex', () => {
    const text =
      'The General Assembly,\n\n1. *Decides* to act.\n\n*93rd plenary meeting\n23 July 2021*\n\n## Annex\n\nText of the annex.\n';
    const doc = parse(text);
    assert.ok(doc.meeting);
    assert.strictEqual(doc.date?.text, '23 July 2021');
    assert.strictEqual(doc.annexes.length, 2);
    assert.strictEqual(doc.operative.length, 1);
  });

  it('inline directives are kept with their rule ids', () => {
    const text =
      '<!-- resolution-disable-file footnote-unused -->\nThe General Assembly,\n\n<!-- resolution-disable-next-paragraph operative-verb-italic repeated-opening -->\n1. Decides to act;\n\n<!-- resolution-disable -->\n2. *Requests* a report.\n<!-- resolution-enable -->\n';
    const doc = parse(text);
    assert.deepStrictEqual(
      doc.directives.map((d) => [d.kind, d.rules]),
      [
        ['disable-file', ['footnote-unused']],
        ['disable-next-paragraph', ['operative-verb-italic', 'repeated-opening']],
        ['disable', []],
        ['enable', []],
      ],
    );
    assert.deepStrictEqual(numbers(doc), ['1.', '2.']);
  });

  it('cross-references inside the text, not references to other instruments', () => {
    const text =
      'The General Assembly,\n\n1. *Decides* to act;\n\n2. *Recalls* article II, paragraph 3, of the Convention and its paragraph 30;\n\n3. *Requests* a report on paragraph 1 above, paragraphs 1 and 2 and paragraph 2 (a) of the present resolution.\n';
    const doc = parse(text);
    assert.deepStrictEqual(
      doc.crossReferences.map((r) => [r.targets.map((t) => t.text), r.sub ?? null, r.direction ?? null]),
      [
        [['1'], null, 'above'],
        [['1', '2'], null, null],
        [['2'], '(a)', null],
      ],
    );
  });

  it('citations in lists, with links and dates, and old-style symbols', () => {
    const doc = parse(
      'The General Assembly,\n\nRecalling its resolutions [69/314](#) of 30 July 2015, 70/301 of 9 September 2016 and 1514 (XV) of 14 December 1960, and A/RES/75/311,\n\n1. *Decides* to act.\n',
    );
    assert.deepStrictEqual(
      doc.citations.map((c) => [c.key, c.date?.text ?? null]),
      [
        ['69/314', '30 July 2015'],
        ['70/301', '9 September 2016'],
        ['1514 (XV)', '14 December 1960'],
        ['75/311', null],
      ],
    );
  });

  it('a single unnumbered operative paragraph', () => {
    const doc = parse('The Human Rights Council,\n\nRecalling its resolution 1/1,\n\n*Decides* to remain seized of the matter.\n');
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.operative.length, 1);
    assert.strictEqual(doc.operative[0].number, undefined);
    assert.strictEqual(doc.operative[0].opening?.text, 'Decides');
  });

  it('CRLF line endings give the same structure and exact ranges', () => {
    const lf = readSeed(SEED.ga75);
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = parse(lf);
    const b = parse(crlf);
    assert.deepStrictEqual(numbers(b), numbers(a));
    assert.strictEqual(b.preamble.length, a.preamble.length);
    assert.deepStrictEqual(
      b.operative.map((p) => p.range),
      a.operative.map((p) => p.range),
    );
    for (const p of b.operative) assert.ok(!p.number!.text.includes('\r'));
  });

  it('astral-plane characters count as two UTF-16 code units in positions', () => {
    const doc = parse('The General Assembly,\n\n1. *Decides* 𝐭𝐨 act 🌍;¹\n\n¹ A note.\n');
    const m = doc.footnoteMarkers[0];
    const line = doc.source.split('\n')[2];
    assert.strictEqual(m.range.start.line, 2);
    assert.strictEqual(m.range.start.character, line.indexOf('¹'));
    assert.strictEqual(doc.operative[0].ending.char, ';');
  });

  it('real-world number quirks: a left-to-right mark after the dot, a number that lost its dot', () => {
    const doc = parse(
      'The General Assembly,\n\nRecalling its resolution 61/261,\n\n1. *Decides* to act;\n\n2.\u200e *Reaffirms* its decision;\n\n3 *Calls upon* all Member States to act.\n',
    );
    assert.deepStrictEqual(
      doc.operative.map((p) => p.number?.value),
      [1, 2, 3],
    );
    assert.deepStrictEqual(
      doc.operative.map((p) => p.opening?.text),
      ['Decides', 'Reaffirms', 'Calls upon'],
    );
  });

  it('an unnumbered "Resolves that:" introduces a numbered list; numbered verbs after it are operative paragraphs', () => {
    const doc = parse(
      'The General Assembly,\n\n*Resolves* that, for 2021:\n\n1. Budget appropriations shall be financed as follows:\n\n(a) 31,371,600 dollars;\n\n2. There shall be set off against the assessment:\n\n(a) 283,437,900 dollars.\n',
    );
    assert.deepStrictEqual(
      doc.operative.map((p) => p.number?.value ?? null),
      [null],
    );
    assert.deepStrictEqual(
      doc.operative[0].listItems.map((i) => i.number.text),
      ['1.', '2.'],
    );
    assert.match(doc.operative[0].listItems[0].text, /\(a\) 31,371,600 dollars;$/);
    const ops = parse('The General Assembly,\n\n*Resolves* that:\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n');
    assert.deepStrictEqual(
      ops.operative.map((p) => p.number?.value ?? null),
      [null, 1, 2],
    );
  });

  it('the text a resolution adopts, numbered from 1, belongs to the adopting paragraph', () => {
    const doc = parse(
      '75/1. Declaration\n\n*The General Assembly*\n\n*Adopts* the following declaration:\n\n## Declaration on the commemoration\n\n1. We, the Heads of State and Government, have gathered.\n\n2. We recall:\n\n(a) One;\n\n(b) Two.\n\n*3rd plenary meeting*\n21 September 2020\n',
    );
    assert.strictEqual(doc.operative.length, 1);
    assert.deepStrictEqual(
      doc.operative[0].listItems.map((i) => i.number.text),
      ['1.', '2.'],
    );
    assert.deepStrictEqual(doc.operative[0].subparagraphs, []);
    assert.ok(doc.meeting);
  });

  it('unlabelled lines of a schedule continue the operative paragraph that introduces them', () => {
    const doc = parse(
      'The General Assembly,\n\n1. *Decides* that the meeting shall be held as follows:\n\nThursday, 2 June: from 10 a.m. to 1 p.m.;\n\nFriday, 3 June: from 10 a.m. to 1 p.m.;\n\n2. *Requests* a report.\n',
    );
    assert.deepStrictEqual(numbers(doc), ['1.', '2.']);
    assert.strictEqual(doc.operative[0].fragments.length, 3);
    assert.match(doc.operative[0].text, /Friday, 3 June/);
  });

  it('a resumed meeting line closes the operative part', () => {
    const doc = parse('The General Assembly,\n\n1. *Decides* to act.\n\n*48th (resumed) plenary meeting*\n\n13 April 2021\n');
    assert.ok(doc.meeting);
    assert.strictEqual(doc.operative.length, 1);
  });

  it('a single unnumbered italic operative paragraph whose verb is not in the phrase book', () => {
    const doc = parse('The General Assembly,\n\n*Recalling* its resolution 74/1,\n\n*Appoints* Mr. X as a member of the Board.\n');
    assert.strictEqual(doc.preamble.length, 1);
    assert.strictEqual(doc.operative.length, 1);
    assert.strictEqual(doc.operative[0].opening?.text, 'Appoints');
  });

  it('sub-paragraphs continue (y), (z), (aa), (bb)', () => {
    const subs = ['y', 'z', 'aa', 'bb'].map((l) => `(${l}) Item;`).join('\n');
    const doc = parse(`The General Assembly,\n\n1. *Decides*:\n${subs}\n`);
    assert.deepStrictEqual(
      doc.operative[0].subparagraphs.map((s) => s.value),
      [25, 26, 27, 28],
    );
  });

  it('section labels between operative paragraphs are not fragments', () => {
    const doc = parse(
      'The General Assembly,\n\n1. *Decides* to act;\n\nII\n\n2. *Requests* a report;\n\n**Follow-up**\n\n3. *Decides* to continue;\n\nIV. Review of progress\n\n4. *Decides* to review.\n',
    );
    assert.deepStrictEqual(numbers(doc), ['1.', '2.', '3.', '4.']);
    assert.ok(doc.operative.every((p) => p.fragments.length === 1));
    assert.deepStrictEqual(
      doc.blocks.filter((b) => b.kind === 'heading').map((b) => b.text),
      ['II', '**Follow-up**', 'IV. Review of progress'],
    );
  });

  it('a sentence that starts with "The" and ends with a comma is not an authority line', () => {
    const doc = parse('The Commission proposes actions,\n\nin four areas, set out below.\n');
    assert.strictEqual(doc.authority, undefined);
    assert.strictEqual(doc.kind, 'other');
    const un = parse(
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,\n\n*Recalling* its resolution 10/6,\n\n1. *Decides* to act.\n',
    );
    assert.ok(un.authority);
  });

  it('omnibus texts: section headings, section preambles, notes under a table, invisible marks after punctuation', () => {
    const text = [
      'The General Assembly,',
      '',
      '1. *Decides* to act;\u200e',
      '',
      'Multilingualism and global communications',
      '',
      '*Having considered* the report of the Secretary-General,',
      '',
      '2. *Approves* the budget;',
      '',
      '*a* From extrabudgetary funds.',
      '',
      '*Abbreviations*: GS (OL), General Service (Other level).',
      '',
      '3. *Requests* a report.',
      '',
      '*54th resumed plenary meeting*',
    ].join('\n');
    const doc = parse(text);
    assert.deepStrictEqual(numbers(doc), ['1.', '2.', '3.']);
    assert.strictEqual(doc.operative[0].ending.char, ';');
    assert.ok(doc.operative.every((p) => p.fragments.length === 1));
    assert.deepStrictEqual(
      doc.preamble.map((p) => p.opening?.text),
      ['Having considered'],
    );
    assert.ok(doc.blocks.some((b) => b.kind === 'heading' && b.text === 'Multilingualism and global communications'));
    assert.ok(doc.meeting);
  });

  it('an unnumbered, non-italic operative paragraph ending the text is the operative part', () => {
    const doc = parse(
      'The General Assembly,\n\nRecalling its resolution 74/1,\n\nHaving considered the report,\n\nAppoints Mr. X as a member of the Board.\n',
    );
    assert.strictEqual(doc.preamble.length, 2);
    assert.strictEqual(doc.operative.length, 1);
    assert.strictEqual(doc.operative[0].opening?.text, 'Appoints');
    assert.strictEqual(doc.operative[0].opening?.italic, 'none');
  });

  it('an authority line without a comma before a single operative paragraph', () => {
    const doc = parse(
      '76/7. Political Declaration\n\n*The General Assembly*\n\n*Adopts* the political declaration entitled “2021 Political Declaration”, as contained in the annex.\n\n*37th plenary meeting*\n22 November 2021\n',
    );
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.authority?.text, '*The General Assembly*');
    assert.strictEqual(doc.authority?.comma, undefined);
    assert.strictEqual(doc.operative.length, 1);
    assert.strictEqual(doc.date?.text, '22 November 2021');
  });

  it('empty and blank input', () => {
    for (const t of ['', '\n\n', '   ', '\r\n']) {
      const doc = parse(t);
      assert.strictEqual(doc.kind, 'other');
      assert.strictEqual(doc.operative.length, 0);
    }
  });
});
