/**
 * Round trip: import(export(draft)) is the same draft — the same paragraphs, numbers and labels,
 * italics and footnotes — on every seed and on corpus resolutions converted to drafts. The import
 * is the Word reader of core/import (its own OOXML reading, not the writer's code).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { exportDocx } from '../../server/src/core/office/export';
import { isNote, layoutOf } from '../../server/src/core/office/layout';
import { readDraftSource } from '../../server/src/core/office/sources';
import { importBytes } from '../../server/src/core/import';
import { redlineDocx } from '../../server/src/core/office/redline';
import { CORPUS, derivedBase, expectedParagraphs, seedFiles } from '../support/drafts';

function firstDifference(a: string[], b: string[]): string {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      let k = 0;
      while (a[i] && b[i] && a[i][k] === b[i][k]) k++;
      return `paragraph ${i + 1}: exported ${JSON.stringify(a[i]?.slice(Math.max(0, k - 40), k + 60))}, imported ${JSON.stringify(b[i]?.slice(Math.max(0, k - 40), k + 60))}`;
    }
  }
  return 'same';
}

/** Footnote labels in order of reference. */
function noteLabels(text: string): string[] {
  return layoutOf(text).paragraphs.flatMap((p) => p.inlines.filter(isNote).map((r) => r.note));
}

describe('Word round trip: import(export(draft)) = draft', () => {
  for (const file of seedFiles()) {
    it(`${path.basename(file)}: same paragraphs, numbers, italics and footnotes`, async () => {
      const text = fs.readFileSync(file, 'utf8');
      const original = layoutOf(text);
      // Italics as written: the draft comes back exactly.
      const back = await importBytes(exportDocx(text, { openings: 'as-written' }));
      const want = expectedParagraphs(original, 'as-written');
      const got = expectedParagraphs(layoutOf(back.draft), 'as-written');
      assert.deepStrictEqual(got, want, firstDifference(want, got));
      // The UN layout: the same, with the opening phrases italic.
      const un = await importBytes(exportDocx(text));
      const wantUn = expectedParagraphs(original, 'italic');
      const gotUn = expectedParagraphs(layoutOf(un.draft), 'as-written');
      assert.deepStrictEqual(gotUn, wantUn, firstDifference(wantUn, gotUn));
      // Word numbers footnotes by reference: the labels come back as they were unless the draft
      // cites one footnote twice (Word has one footnote per reference).
      const labels = noteLabels(text);
      if (new Set(labels).size === labels.length) assert.deepStrictEqual(noteLabels(back.draft), labels);
      else assert.strictEqual(noteLabels(back.draft).length, labels.length);
    });
  }

  it("the Word import, accepting tracked changes, reads every seed's redline against a derived base as the draft", async () => {
    for (const file of seedFiles()) {
      const text = fs.readFileSync(file, 'utf8');
      const back = await importBytes(redlineDocx(derivedBase(text), text).docx);
      const want = expectedParagraphs(layoutOf(text), 'as-written');
      const got = expectedParagraphs(layoutOf(back.draft), 'as-written');
      assert.deepStrictEqual(got, want, `${path.basename(file)}: ${firstDifference(want, got)}`);
    }
  });

  it('corpus resolutions converted to drafts (every 8th of session 76)', async function () {
    const dir = path.join(CORPUS, '76');
    if (!fs.existsSync(dir)) this.skip();
    this.timeout(120_000);
    const files = fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .filter((_, i) => i % 8 === 0);
    let paragraphs = 0;
    for (const f of files) {
      const text = readDraftSource(path.join(dir, f)).text;
      const back = await importBytes(exportDocx(text, { openings: 'as-written' }));
      const want = expectedParagraphs(layoutOf(text), 'as-written');
      const got = expectedParagraphs(layoutOf(back.draft), 'as-written');
      assert.deepStrictEqual(got, want, `${f}: ${firstDifference(want, got)}`);
      paragraphs += want.length;
    }
    assert.ok(files.length >= 30 && paragraphs > 1000, `${files.length} files, ${paragraphs} paragraphs`);
  });
});
