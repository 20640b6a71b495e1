/**
 * For each paragraph an import misses, the nearest imported block and where they first differ:
 * a tool for working on the import.   node out/test/bench/import-diff.js MODE [NAME]
 */
import * as fs from 'fs';
import * as path from 'path';
import { importBytes } from '../../server/src/core/import';
import { aknToTexts } from '../tools/akn';
import { bodyBlocks, compareDrafts, groundTruthNotes, SHARED_PDF, sharedPdfNames, splitBlocks } from '../support/importCompare';
import { inputFor, Mode } from './import-accuracy';

async function main(): Promise<void> {
  const [mode, only] = process.argv.slice(2) as [Mode, string | undefined];
  const counts = new Map<string, number>();
  for (const name of sharedPdfNames().filter((n) => !only || n === only)) {
    const expected = aknToTexts(fs.readFileSync(path.join(SHARED_PDF, `${name}.akn.xml`), 'utf8'))[0];
    const { data, fileName } = await inputFor(mode, path.join(SHARED_PDF, `${name}.pdf`));
    const { draft } = await importBytes(data, { fileName });
    const m = compareDrafts(expected, draft);
    const have = bodyBlocks(splitBlocks(draft));
    const norm = [
      ['italics', (s: string) => s.replace(/\*/g, '')],
      ['u2011', (s: string) => s.replace(/\*/g, '').replace(/\u2011/g, '-')],
      ['hyphen/space', (s: string) => s.replace(/[*\s\u2011-]/g, '')],
    ] as Array<[string, (s: string) => string]>;
    for (const want of m.missing) {
      const cat = norm.find(([, f]) => have.some((h) => f(h) === f(want)))?.[0] ?? 'other';
      counts.set(cat, (counts.get(cat) ?? 0) + 1);
      let best = '';
      let bestLen = -1;
      for (const h of have) {
        let i = 0;
        while (i < h.length && i < want.length && h[i] === want[i]) i++;
        if (i > bestLen) [best, bestLen] = [h, i];
      }
      const from = Math.max(0, bestLen - 30);
      console.log(
        `${name} @${bestLen} [${cat}]\n  want: …${JSON.stringify(want.slice(from, bestLen + 50))}\n  have: …${JSON.stringify(best.slice(from, bestLen + 50))}`,
      );
    }
    const e = splitBlocks(groundTruthNotes(expected)).notes;
    const a = splitBlocks(draft).notes;
    for (const [label, text] of e)
      if (a.get(label) !== text)
        console.log(`${name} note ${label}\n  want: ${JSON.stringify(text)}\n  have: ${JSON.stringify(a.get(label))}`);
  }
  console.log([...counts].map(([k, v]) => `${k}: ${v}`).join(', '));
}
main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
