/**
 * The parser against the structure the UN itself marks up: each AKN4UN resolution of
 * ../shared/corpus, in each of the six languages, is written out in the drafting text format (in
 * memory, never to the repository) and parsed; its preambular paragraphs and operative numbers must
 * be those of the XML, and the draft's detected language that of the folder.
 * The few that differ are mark-up oddities rather than parser errors (a `num` without its dot
 * that the parser reads as 3, sub-paragraph labels marked as operative numbers): SHOW_MISMATCHES=1
 * lists them.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseAkn } from '../../server/src/core/precedent/akn';
import { parse } from '../../server/src/core/parser';
import { LANGUAGES, type Lang } from '../../server/src/core/languages';
import { listXml, sharedCorpusDir } from '../tools/corpus-path';
import { aknDraft } from '../tools/akn';

/** How many files of each non-English language the unit suite reads (all with CORPUS_ALL=1). */
const SAMPLE = process.env.CORPUS_ALL ? Infinity : 220;

function agreement(
  dir: string,
  lang: Lang,
  limit: number,
): { total: number; agree: number; wrongLang: number; unreadable: number; mismatches: string[] } {
  let total = 0;
  let wrongLang = 0;
  let unreadable = 0;
  const mismatches: string[] = [];
  const files = listXml(dir);
  // An even sample over both sessions.
  const step = Math.max(1, files.length / Math.min(limit, files.length));
  for (let i = 0; i < files.length; i += step) {
    const file = files[Math.floor(i)];
    let docs: ReturnType<typeof parseAkn>;
    try {
      docs = parseAkn(fs.readFileSync(file, 'utf8'));
    } catch {
      unreadable++; // malformed XML in the UN's own file: nothing to compare
      continue;
    }
    for (const d of docs) {
      total++;
      const want = aknDraft(d, lang);
      const doc = parse(want.text);
      if (doc.lang !== lang) wrongLang++;
      // AKN numbers the items of a text the resolution adopts ("*Resolves* that:" / "1. …") as
      // operative paragraphs; the parser keeps them with the paragraph that introduces them.
      const gotOps = doc.operative.flatMap((p) => [
        p.number ? `${p.number.value}${p.number.suffix ? ' ' + p.number.suffix : ''}` : '-',
        ...p.listItems.map((it) => it.number.text.replace(/\s*[.-]$/, '')),
      ]);
      if (doc.kind !== 'resolution' || doc.preamble.length !== want.preamble || gotOps.join() !== want.operative.join()) {
        mismatches.push(
          `${path.basename(file)} ${d.symbol}: preamble ${doc.preamble.length}/${want.preamble}, operative ${gotOps.length}/${want.operative.length}`,
        );
      }
    }
  }
  return { total, agree: total - mismatches.length, wrongLang, unreadable, mismatches };
}

describe('parser on the AKN4UN corpus', function () {
  this.timeout(180000);
  const dir = sharedCorpusDir();

  for (const lang of LANGUAGES) {
    const folder = lang === 'en' ? 'un-ga-akn4un' : `un-ga-akn4un-${lang}`;
    it(`${lang}: finds the preamble and the operative numbers the UN marked up, in at least 97% of the resolutions`, function () {
      if (!dir || !fs.existsSync(path.join(dir, folder))) {
        console.log(`      (skipped: ../shared/corpus/${folder} not present)`);
        this.skip();
      }
      const r = agreement(path.join(dir!, folder), lang, lang === 'en' ? Infinity : SAMPLE);
      const share = r.agree / r.total;
      console.log(
        `      ${lang}: ${r.agree} of ${r.total} resolutions agree (${(share * 100).toFixed(1)}%); language detected wrongly in ${r.wrongLang}${r.unreadable ? `; ${r.unreadable} malformed XML files skipped` : ''}`,
      );
      if (process.env.SHOW_MISMATCHES) console.log(r.mismatches.join('\n'));
      assert.ok(r.total >= (lang === 'en' ? 600 : Math.min(SAMPLE, 600) * 0.9), `only ${r.total} resolutions read`);
      assert.ok(share >= 0.97, `agreement ${share}:\n${r.mismatches.slice(0, 40).join('\n')}`);
      assert.ok(r.wrongLang <= r.total * 0.01, `language detected wrongly in ${r.wrongLang} of ${r.total}`);
    });
  }
});
