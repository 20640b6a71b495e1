import * as assert from 'assert';
import { footnoteItalics, nonBreakingHyphens, repairWords, restoreNonBreakingHyphens, sessionOf } from '../../server/src/core/import/words';
import type { ImportedParagraph } from '../../server/src/core/import/draft';

describe('import: repairs of text extracted from PDFs', () => {
  it('joins words a justified line split, splits words it glued, restores lost hyphens of known compounds', () => {
    assert.deepStrictEqual(
      repairWords([
        'the re levant regional platforms and 8 S eptember 2010',
        'to ensure asmooth transition, as neededin the region',
        'the Global CounterTerrorism Strategy and hostagetaking',
        'at its fifty sixth session, the Secretary General and SouthSouth cooperation',
        'a nuclear-weaponfree zone, burden - and responsibility-sharing, neo- Nazism',
        'the Model Provisions , the country ’s debt and 18 – 22 March',
      ]),
      [
        'the relevant regional platforms and 8 September 2010',
        'to ensure a smooth transition, as needed in the region',
        'the Global Counter-Terrorism Strategy and hostage-taking',
        'at its fifty-sixth session, the Secretary-General and South-South cooperation',
        'a nuclear-weapon-free zone, burden- and responsibility-sharing, neo-Nazism',
        'the Model Provisions, the country’s debt and 18–22 March',
      ],
    );
  });

  it('leaves real words and phrases alone', () => {
    const lines = [
      'Recalling its resolution on the follow up to the Summit, in the long term, with a cross-cutting approach',
      'a reasonable and inaccessible area, as a whole, into the unaffected countries',
    ];
    assert.deepStrictEqual(repairWords(lines), lines);
  });

  it('non-breaking hyphens where the official texts of session 78 on print them, only there', () => {
    assert.strictEqual(
      nonBreakingHyphens('non-governmental, Non-Aligned, Non-violence, anti-corruption, pre-industrial, COVID-19, self-determination'),
      'non\u2011governmental, Non-Aligned, Non\u2011violence, anti\u2011corruption, pre\u2011industrial, COVID\u201119, self-determination',
    );
    const para = (): ImportedParagraph[] => [{ runs: [{ text: 'non' }, { text: '-governmental' }] }];
    const p78 = para();
    restoreNonBreakingHyphens(p78, 78);
    assert.strictEqual(p78[0].runs.map((r) => r.text).join(''), 'non\u2011governmental');
    for (const session of [76, undefined]) {
      const p = para();
      restoreNonBreakingHyphens(p, session);
      assert.strictEqual(p[0].runs.map((r) => r.text).join(''), 'non-governmental');
    }
    assert.strictEqual(sessionOf('A/RES/78/11', []), 78);
    assert.strictEqual(sessionOf(undefined, ['General Assembly', 'A/C.3/79/L.25']), 79);
    assert.strictEqual(sessionOf(undefined, ['Seventy-eighth session']), 78);
    assert.strictEqual(sessionOf(undefined, ['General Assembly']), undefined);
  });

  it('the italics of formulaic citations in footnotes', () => {
    const md = (text: string) =>
      footnoteItalics(text)
        .map((r) => (r.italic ? `*${r.text}*` : r.text))
        .join('');
    assert.strictEqual(md('United Nations, Treaty Series, vol. 75, No. 973.'), 'United Nations, *Treaty Series*, vol. 75, No. 973.');
    assert.strictEqual(
      md('Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 12A (A/78/12/Add.1), annex I.'),
      '*Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 12A* (A/78/12/Add.1), annex I.',
    );
    assert.strictEqual(
      md(
        'Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995 (United Nations publication, Sales No. E.96.IV.13), chap. I.',
      ),
      '*Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995* (United Nations publication, Sales No. E.96.IV.13), chap. I.',
    );
    assert.strictEqual(md('See resolution 70/1.'), 'See resolution 70/1.');
    assert.strictEqual(
      md(
        'Ibid., Seventy-second Session, Supplement No. 12A (A/72/12/Add.1), chap. III; ibid., 2005, Supplement No. 3 and corrigenda (E/2005/23).',
      ),
      'Ibid., *Seventy-second Session, Supplement No. 12A* (A/72/12/Add.1), chap. III; ibid., *2005, Supplement No. 3* and corrigenda (E/2005/23).',
    );
    assert.strictEqual(
      md('United Nations, Treaty Series, vols. 2225 and 2326, No. 39574.'),
      'United Nations, *Treaty Series*, vols. 2225 and 2326, No. 39574.',
    );
    assert.strictEqual(
      md(
        'Report of the Conference, Rio de Janeiro, 3–14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations publication, Sales No. E.93.I.8), annex I.',
      ),
      '*Report of the Conference, Rio de Janeiro, 3–14 June 1992*, vol. I, *Resolutions Adopted by the Conference* (United Nations publication, Sales No. E.93.I.8), annex I.',
    );
  });
});
