import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config';
import type { CorpusFacts } from '../../server/src/core/findings';
import { RULES } from '../../server/src/core/rules/registry';
import { Corpus } from '../../server/src/core/precedent/corpus';
import { ROOT } from '../support/paths';

/**
 * Completes a documentation example into a draft: an authority line and a preambular paragraph
 * before operative paragraphs when the example has none, and a closing paragraph after an
 * example that ends with a semicolon (so it is not judged as the last).
 */
export function completeExample(example: string): string {
  const t = example.trim();
  const hasAuthority = /^\*?The (General Assembly|Conference)/m.test(t);
  const startsOperative = /^\d+\./.test(t);
  let head = hasAuthority ? '' : 'The General Assembly,\n\n';
  if (!hasAuthority && startsOperative) head += '*Recalling* its resolution 70/1 of 25 September 2015,\n\n';
  const numbers = [...t.matchAll(/^(\d+)\./gm)].map((m) => Number(m[1]));
  let tail = '\n';
  if (numbers.length === 0) tail = '\n\n1. *Decides* to remain seized of the matter.\n';
  else if (/;\s*$/.test(t)) tail = `\n\n${Math.max(...numbers) + 1}. *Decides* to remain seized of the matter.\n`;
  return head + t + tail;
}

describe('documentation examples', () => {
  // new-language needs a corpus: the built-in one, loaded as the editor loads it.
  let seeds: Corpus;
  before(async function () {
    this.timeout(60000);
    seeds = new Corpus();
    await seeds.load({ builtin: true });
  });
  for (const r of RULES) {
    const id = r.meta.id;
    it(`${id}: the "wrong" example is flagged, the "right" one is not`, () => {
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
      const [wrong, right] = [...page.matchAll(/```resolution\n([\s\S]*?)```/g)].map((m) => m[1]);
      assert.ok(wrong && right, 'two examples');
      const settings = id === 'new-language' ? { rules: { 'new-language': 'hint' } } : {};
      const corpus: CorpusFacts | undefined = id === 'new-language' ? seeds : undefined;
      const rules = (ex: string) => checkDocument(parse(completeExample(ex)), { config: resolveConfig(settings).config, corpus }).map((f) => f.rule);
      assert.ok(rules(wrong).includes(id), `wrong example not flagged:\n${completeExample(wrong)}`);
      assert.ok(!rules(right).includes(id), `right example flagged:\n${completeExample(right)}`);
    });
  }

  it('each rule page and the table say which kind of fix it has, as its metadata does', () => {
    const table = fs.readFileSync(path.join(ROOT, 'docs', 'rules', 'README.md'), 'utf8');
    for (const r of RULES) {
      const id = r.meta.id;
      const header = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8').split('\n')[2];
      const row = table.split('\n').find((l) => l.startsWith(`| [${id}]`)) ?? '';
      if (!r.meta.fixClass) {
        assert.match(header, /fixable: no/, id);
        assert.match(row, /\| — \|$/, id);
      } else {
        assert.match(header, new RegExp(`fixable: yes — ${r.meta.fixClass}`), id);
        assert.match(row, new RegExp(`\\(${r.meta.fixClass}: [^|]*\\|$`), id);
      }
    }
  });
});
