import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { importBytes } from '../../server/src/core/import';
import { sectionNumberApart } from '../../server/src/core/import/pdf';
import { articleLetters, joinLine } from '../../server/src/core/import/text';
import { nonBreakingHyphens, repairWords } from '../../server/src/core/import/words';

describe('import: line joins, word pieces and dropped hyphens of extracted text', () => {
  it('rejoins the pieces of words a justified line set apart, by the likeliest reading of the run', () => {
    assert.deepStrictEqual(
      repairWords([
        'as well a s countries, disasters a nd to build, further a grees to limit',
        'within the ir respective mandates, their r espective share, support s afe',
        'to de vote at least half, the levels up dated in its resolution',
        'of international law ( jus cogens), includinge-learning and strengtheninge-government',
      ]),
      [
        'as well as countries, disasters and to build, further agrees to limit',
        'within their respective mandates, their respective share, support safe',
        'to devote at least half, the levels updated in its resolution',
        'of international law (jus cogens), including e-learning and strengthening e-government',
      ],
    );
  });

  it('keeps two words of their own apart unless the whole is far likelier', () => {
    const lines = [
      'as set out in its Charter, to follow up on the Summit, taking into account every one of them',
      'a part of, in to the, since the adoption of resolution 48/75 L and, in that regard',
    ];
    assert.deepStrictEqual(repairWords(lines), lines);
  });

  it('restores the hyphen pdftotext dropped where it joined two lines, near the end of a full line only', () => {
    const full = Array.from({ length: 25 }, (_, i) => `a line of ordinary text as long as a full printed line of the page, number ${i}`);
    const out = repairWords([
      ...full,
      'and linking between the hygiene practices of the workers in health care facilities; primary health care',
      'preventable maternal and newborn deaths, as well as reducing costs of health careassociated infections',
      'in the spirit of international solidarity and with regard to burden and responsibility-sharing',
    ]).slice(25);
    assert.ok(out[0].endsWith('in health-care facilities; primary health care'), out[0]);
    assert.ok(out[1].endsWith('health care-associated infections'), out[1]);
    assert.ok(out[2].endsWith('with regard to burden- and responsibility-sharing'), out[2]);
    // a line joined twice: both junctions
    const twice = repairWords([
      ...full,
      'assisting the people of the British Virgin Islands with their inalienable right to self determination and in gaining a better understanding of the options for self determination, on a case-by-case basis,',
    ])[25];
    assert.strictEqual((twice.match(/self-determination/g) ?? []).length, 2, twice);
    // a line of ordinary length keeps the spaced form
    assert.deepStrictEqual(repairWords([...full, 'practices in health care facilities']).slice(25), [
      'practices in health care facilities',
    ]);
  });

  it('joins a line ending in a hyphen: a compound without a space, a suspended hyphen before "and"', () => {
    assert.strictEqual(joinLine('capacity-', 'building'), 'capacity-building');
    assert.strictEqual(joinLine('at its fifty -', 'sixth session'), 'at its fifty-sixth session');
    assert.strictEqual(
      joinLine('with regard to burden -', 'and responsibility-sharing'),
      'with regard to burden- and responsibility-sharing',
    );
    assert.strictEqual(joinLine('pre-', 'or post-exposure'), 'pre- or post-exposure');
    assert.strictEqual(joinLine('the text', 'goes on'), 'the text goes on');
    assert.strictEqual(joinLine('El Niño/', 'La Niña'), 'El Niño/La Niña');
  });

  it('puts the letter of a Charter article in italics', () => {
    assert.deepStrictEqual(articleLetters([{ text: 'under Article 73 e of the Charter, and Article 73 b,' }]), [
      { text: 'under Article 73 ' },
      { text: 'e', italic: true },
      { text: ' of the Charter, and Article 73 ' },
      { text: 'b', italic: true },
      { text: ',' },
    ]);
    assert.deepStrictEqual(articleLetters([{ text: 'Article 5 of the Convention' }]), [{ text: 'Article 5 of the Convention' }]);
  });

  it('a numbered section heading of a PDF: the number apart, the title a heading', () => {
    assert.deepStrictEqual(sectionNumberApart({ heading: 2, runs: [{ text: 'II. What do small island developing States want?' }] }), [
      { runs: [{ text: 'II.' }] },
      { heading: 2, runs: [{ text: 'What do small island developing States want?' }] },
    ]);
    assert.deepStrictEqual(sectionNumberApart({ heading: 2, runs: [{ text: 'B.' }] }), [{ runs: [{ text: 'B.' }] }]);
    const plain = { heading: 2, runs: [{ text: 'Follow-up and review' }] };
    assert.deepStrictEqual(sectionNumberApart(plain), [plain]);
    assert.deepStrictEqual(sectionNumberApart({ runs: [{ text: 'A. text' }] }), [{ runs: [{ text: 'A. text' }] }]);
  });

  it('text: the opening italicised as adopted texts do where they know it ("*Guided* by", "*Looks forward* to"), with the feeling it is said with', async () => {
    const text = [
      'A/RES/78/999',
      '78/999. A title',
      'The General Assembly,',
      'Guided by the purposes and principles of the Charter,',
      'Welcoming, in this regard, the report,',
      '1. Looks forward to the Summit;',
      '2. Notes with great concern that the report is late;',
      '3. Recognizes with concern also the gaps, and notes with concern the delays;',
      '4. Emphasizes once more the recommendation, and stresses again with grave concern the cost;',
      '5. Decides to consider the question under Article 73 e of the Charter.',
    ].join('\n');
    const { draft } = await importBytes(Buffer.from(text), { fileName: 'a.txt' });
    assert.ok(draft.includes('*Guided* by the purposes'), draft);
    assert.ok(draft.includes('*Welcoming*, in this regard, the report,'), draft);
    assert.ok(draft.includes('1. *Looks forward* to the Summit;'), draft);
    assert.ok(draft.includes('Article 73 *e* of the Charter'), draft);
    assert.ok(draft.includes('2. *Notes with great concern* that the report'), draft);
    assert.ok(draft.includes('3. *Recognizes with concern also* the gaps, and notes with concern the delays;'), draft);
    assert.ok(draft.includes('4. *Emphasizes once more* the recommendation'), draft);
  });

  it('text: footnote markers after a year, set apart or glued to it, also at a line start', async () => {
    const text = [
      'A/RES/78/999',
      '78/999. A title',
      'The General Assembly,',
      'Recalling its resolutions 2004/16 of 16 April 2004 1 and 2005/5 of 14 April 2005 2 and',
      'resolutions 18/15 of 29 September',
      '20113 and 21/33 of 28 September 2012,4 and the amount of 25,116,400 dollars,',
      '__________________',
      '1',
      'See A/59/1.',
      '2',
      'See A/60/1.',
      '3',
      'See A/66/53.',
      '4',
      'See A/67/53.',
    ].join('\n');
    const { draft } = await importBytes(Buffer.from(text + '\f'), { fileName: 'a.txt' });
    assert.ok(
      draft.includes(
        '*Recalling* its resolutions 2004/16 of 16 April 2004¹ and 2005/5 of 14 April 2005² and resolutions 18/15 of 29 September 2011³ and 21/33 of 28 September 2012,⁴ and the amount of 25,116,400 dollars,',
      ),
      draft,
    );
    assert.ok(/^³ See A\/66\/53\.$/m.test(draft), draft);
  });

  it('text: numbered sections on one line each, one after the other, titles with commas', async () => {
    const text = [
      'A/RES/78/999',
      '78/999. A title',
      'The General Assembly,',
      '1. Adopts the outcome document annexed to the present resolution.',
      '100th plenary meeting',
      '16 July 2024',
      'Annex',
      'The outcome',
      'I. The story',
      '1. We recall the Programme.',
      'II. What do small island developing States want?',
      'A. Build resilient economies',
      '2. Enhancing connectivity.',
      'B. Data collection, analysis and use',
      '(a) Strengthen data collection by:',
    ].join('\n');
    const { draft } = await importBytes(Buffer.from(text + '\f'), { fileName: 'a.txt' });
    const blocks = draft.trim().split('\n\n');
    for (const b of [
      'I.',
      '## The story',
      'II.',
      '## What do small island developing States want?',
      'A.',
      '## Build resilient economies',
      '2. Enhancing connectivity.',
      'B.',
      '## Data collection, analysis and use',
      '(a) Strengthen data collection by:',
    ])
      assert.ok(blocks.includes(b), `${b}\n--- in ---\n${draft}`);
  });

  it('a suspended prefix takes the non-breaking hyphen the official texts give the prefix', () => {
    assert.strictEqual(nonBreakingHyphens('pre- and post-exposure, non- or anti-'), 'pre\u2011 and post-exposure, non\u2011 or anti-');
  });

  it('text: an authority line without a comma, then a single unnumbered operative paragraph', async () => {
    const text = [
      'A/RES/78/999',
      '78/999. A title',
      'The General Assembly',
      'Adopts the political declaration annexed to the',
      'present resolution.',
    ].join('\n');
    const { draft } = await importBytes(Buffer.from(text + '\f'), { fileName: 'a.txt' });
    const blocks = draft.trim().split('\n\n');
    assert.ok(blocks.includes('*The General Assembly*'), draft);
    assert.ok(blocks.includes('*Adopts* the political declaration annexed to the present resolution.'), draft);
  });

  it('text: a participle the phrase data does not know opens a preambular paragraph after a comma, not a name', async () => {
    const text = [
      'A/RES/78/999',
      '78/999. A title',
      'The General Assembly,',
      'Recalling article 30 of the Convention and the',
      'Programme of Action of the Fourth World Conference on Women,',
      'Beijing Declaration and Platform for Action,',
      'Commemorating all victims of organized crime,',
      '1. Decides to continue.',
    ].join('\n');
    const { draft } = await importBytes(Buffer.from(text + '\f'), { fileName: 'a.txt' });
    const blocks = draft.trim().split('\n\n');
    assert.ok(blocks.includes('*Commemorating* all victims of organized crime,'), draft);
    assert.ok(
      blocks.some((b) => b.endsWith('Women, Beijing Declaration and Platform for Action,')),
      draft,
    );
  });

  describe('text: the header of an L document as each extraction gives it', () => {
    const fixture = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/import/A_78_L_99.txt'), 'utf8');
    const expected = fs.readFileSync(path.resolve(__dirname, '../../../test/fixtures/import/A_78_L_99.expected.md'), 'utf8');
    const body = fixture.slice(fixture.indexOf('The General Assembly,'));
    const wantFront = expected.slice(0, expected.indexOf('*The General Assembly*'));
    const headers: Array<[string, string]> = [
      [
        'pdftotext -layout',
        [
          '                                                                              A/78/L.99*',
          '  United Nations',
          '  General Assembly                                                   Distr.: Limited',
          '                                                                     14 November 2023',
          '',
          '                                                                     Original: English',
          '',
          'Seventy-eighth session',
          'Agenda item 29',
          'Crime prevention and criminal justice',
          '',
          '             Angola, Argentina, Brazil, Costa Rica, Kenya, Norway, Philippines,',
          '             Uruguay and Zambia: draft resolution',
          '',
          '             Tackling illicit trafficking in wild fauna and flora',
          '',
          '',
        ].join('\n'),
      ],
      [
        'a viewer copy',
        [
          'United Nations A/78/L.99*',
          'General Assembly Distr.: Limited',
          '14 November 2023',
          'Original: English',
          '23-22334 (E) 201123',
          '*2322334*',
          'Seventy-eighth session',
          'Agenda item 29',
          'Crime prevention and criminal justice',
          'Angola, Argentina, Brazil, Costa Rica, Kenya, Norway, Philippines,',
          'Uruguay and Zambia: draft resolution',
          'Tackling illicit trafficking in wild fauna and flora',
          '',
        ].join('\n'),
      ],
    ];
    for (const [label, header] of headers)
      it(label, async () => {
        const { draft } = await importBytes(Buffer.from(header + body), { fileName: 'l.txt' });
        assert.strictEqual(draft.slice(0, draft.indexOf('*The General Assembly*')), wantFront, draft);
      });
  });
});
