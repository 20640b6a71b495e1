import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { parse, reparse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import type { ResolutionDocument } from '../../server/src/core/model';
import { aknToTexts } from '../tools/akn';
import { listXml, sharedCorpusDir } from '../tools/corpus-path';
import { readSeed, SEED } from '../support/paths';
import { apply, edit } from '../support/edits';

/** The document as a user meets it: every node with its offsets and its line/character range, and the findings. */
function seen(doc: ResolutionDocument): { model: string; findings: ReturnType<typeof checkDocument> } {
  return { model: JSON.stringify(doc), findings: checkDocument(doc) };
}

function corpusTexts(max: number): string[] {
  const dir = sharedCorpusDir();
  if (!dir) return [];
  const files = listXml(path.join(dir, 'un-ga-akn4un'));
  const step = Math.max(1, Math.floor(files.length / max));
  const out: string[] = [];
  for (let i = 0; i < files.length && out.length < max; i += step) out.push(...aknToTexts(fs.readFileSync(files[i], 'utf8')).slice(0, 1));
  return out;
}

describe('re-parsing by block', () => {
  const texts = [SEED.ga75, SEED.ga71, SEED.cms, SEED.untoc, SEED.eu].map(readSeed);

  it('gives the same model and the same findings as a full parse, edit after edit, on the seeds', () => {
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 6 }), (k, edits) => {
        let text = texts[k];
        let doc = parse(text);
        for (const e of edits) {
          text = apply(text, e);
          doc = reparse(doc, text);
          const full = parse(text);
          assert.strictEqual(seen(doc).model, seen(full).model);
          assert.deepStrictEqual(seen(doc).findings, seen(full).findings);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('gives the same model and findings as a full parse on resolutions of the corpus', function () {
    const corpus = corpusTexts(24);
    if (corpus.length === 0) {
      console.log('      skipped: ../shared not present');
      this.skip();
    }
    fc.assert(
      fc.property(fc.nat(corpus.length - 1), fc.array(edit, { minLength: 1, maxLength: 4 }), (k, edits) => {
        let text = corpus[k];
        let doc = parse(text);
        for (const e of edits) {
          text = apply(text, e);
          doc = reparse(doc, text);
          const full = parse(text);
          assert.strictEqual(JSON.stringify(doc), JSON.stringify(full));
          assert.deepStrictEqual(checkDocument(doc), checkDocument(full));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('keeps the paragraphs before an edit and moves those after it', () => {
    const text = readSeed(SEED.ga75);
    const doc = parse(text);
    const firstPreamble = doc.preamble[0];
    const last = doc.operative[doc.operative.length - 1];
    const middle = doc.operative[Math.floor(doc.operative.length / 2)];
    const at = middle.opening!.end;
    const edited = text.slice(0, at) + ' also' + text.slice(at);
    const next = reparse(doc, edited);
    assert.strictEqual(next.preamble[0], firstPreamble, 'the first preambular paragraph is the same node');
    const moved = next.operative[next.operative.length - 1];
    assert.strictEqual(moved, last, 'the last operative paragraph is the same node, moved');
    assert.strictEqual(edited.slice(moved.start, moved.end), text.slice(last.start - 5, last.end - 5));
    assert.strictEqual(JSON.stringify(next), JSON.stringify(parse(edited)));
  });

  it('parses afresh when the edit changes the language, or the options differ', () => {
    const text = readSeed(SEED.ga75);
    const french = text.replace('The General Assembly,', "L'Assemblée générale,").replace(/\*Recalling\*/g, '*Rappelant*');
    const doc = reparse(parse(text), french);
    assert.strictEqual(JSON.stringify(doc), JSON.stringify(parse(french)));
    const withPhrases = reparse(parse(text), text + '\n', { extraPhrases: { operative: ['Welcomes warmly'] } });
    assert.strictEqual(
      JSON.stringify(withPhrases),
      JSON.stringify(parse(text + '\n', { extraPhrases: { operative: ['Welcomes warmly'] } })),
    );
  });
});
