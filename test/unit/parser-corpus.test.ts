/**
 * The parser against the structure the UN itself marks up: each AKN4UN resolution of
 * ../shared/corpus is written out in the drafting text format (in memory, never to the repository)
 * and parsed; its preambular paragraphs and operative numbers must be those of the XML.
 * The few that differ are mark-up oddities rather than parser errors (a `num` without its dot
 * that the parser reads as 3, sub-paragraph labels marked as operative numbers): SHOW_MISMATCHES=1
 * lists them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAkn, type AknDocument } from '../../server/src/core/precedent/akn';
import { parse } from '../../server/src/core/parser';
import { listXml, sharedCorpusDir } from '../tools/corpus-path';

/** The text a drafter would have typed for a resolution marked up in AKN4UN. */
function draftText(d: AknDocument): string {
  const lines = ['General Assembly', '', `${(d.symbol ?? '').replace(/^A\/RES\//, '')}. ${d.title ?? ''}`, '', 'The General Assembly,', ''];
  for (const p of d.paragraphs) {
    if (p.kind === 'operative') lines.push(p.number ? `${p.number}. ${p.text}` : p.text, '');
    else if (p.kind === 'subparagraph') lines.push(`${p.number.split(' ').pop()} ${p.text}`, '');
    else lines.push(p.text, '');
  }
  return lines.join('\n');
}

describe('parser on the AKN4UN corpus', function () {
  this.timeout(120000);
  const dir = sharedCorpusDir();

  it('finds the preamble and the operative numbers the UN marked up, in at least 97% of the resolutions', function () {
    if (!dir) {
      console.log('      (skipped: ../shared/corpus is not beside the repository)');
      this.skip();
    }
    let total = 0;
    const mismatches: string[] = [];
    for (const file of listXml(path.join(dir!, 'un-ga-akn4un'))) {
      for (const d of parseAkn(fs.readFileSync(file, 'utf8'))) {
        total++;
        const doc = parse(draftText(d));
        const wantPre = d.paragraphs.filter((p) => p.kind === 'preambular').length;
        const wantOps = d.paragraphs.filter((p) => p.kind === 'operative').map((p) => p.number || '-');
        // AKN numbers the items of a text the resolution adopts ("*Resolves* that:" / "1. …") as
        // operative paragraphs; the parser keeps them with the paragraph that introduces them.
        const gotOps = doc.operative.flatMap((p) => [
          p.number ? `${p.number.value}${p.number.suffix ? ' ' + p.number.suffix : ''}` : '-',
          ...p.listItems.map((i) => i.number.text.replace(/\.$/, '')),
        ]);
        if (doc.kind !== 'resolution' || doc.preamble.length !== wantPre || gotOps.join() !== wantOps.join()) {
          mismatches.push(`${path.basename(file)} ${d.symbol}: preamble ${doc.preamble.length}/${wantPre}, operative ${gotOps.length}/${wantOps.length}`);
        }
      }
    }
    const agreement = (total - mismatches.length) / total;
    console.log(`      ${total - mismatches.length} of ${total} resolutions agree (${(agreement * 100).toFixed(1)}%)`);
    assert.ok(total >= 600, `only ${total} resolutions read`);
    assert.ok(agreement >= 0.97, `agreement ${agreement}:\n${mismatches.join("\n")}`);
    if (process.env.SHOW_MISMATCHES) console.log(mismatches.join("\n"));
  });
});
