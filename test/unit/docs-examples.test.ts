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
/** What completes an example in each language: authority line, a preambular paragraph, a last operative paragraph. */
const FILL: Record<string, { authority: string; preamble: string; last: string }> = {
  en: {
    authority: 'The General Assembly,',
    preamble: '*Recalling* its resolution 70/1 of 25 September 2015,',
    last: '*Decides* to remain seized of the matter.',
  },
  fr: {
    authority: 'L’Assemblée générale,',
    preamble: '*Rappelant* sa résolution 70/1 du 25 septembre 2015,',
    last: '*Décide* de demeurer saisie de la question.',
  },
  es: {
    authority: 'La Asamblea General,',
    preamble: '*Recordando* su resolución 70/1, de 25 de septiembre de 2015,',
    last: '*Decide* seguir ocupándose de la cuestión.',
  },
};

export function completeExample(example: string, lang: 'en' | 'fr' | 'es' = 'en'): string {
  const t = example.trim();
  const fill = FILL[lang];
  const hasAuthority = /^\*?(?:The (General Assembly|Conference)|L’Assemblée|La Asamblea)/m.test(t);
  const startsOperative = /^\d+\./.test(t);
  let head = hasAuthority ? '' : `${fill.authority}\n\n`;
  if (!hasAuthority && startsOperative) head += `${fill.preamble}\n\n`;
  const numbers = [...t.matchAll(/^(\d+)\./gm)].map((m) => Number(m[1]));
  let tail = '\n';
  if (numbers.length === 0) tail = `\n\n1. ${fill.last}\n`;
  else if (/;\s*$/.test(t)) tail = `\n\n${Math.max(...numbers) + 1}. ${fill.last}\n`;
  return head + t + tail;
}

/** The phrase the stand-in corpus of the new-language examples has never seen, in each language. */
const NEW_PHRASES = ['an interplanetary working group', 'un groupe de travail interplanétaire', 'un grupo de trabajo interplanetario'];

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
    // English first, then French and Spanish (### In French / ### In Spanish), for the languages the check runs on
    const langs = (['en', 'fr', 'es'] as const).filter((l) => !r.meta.languages || r.meta.languages.includes(l));
    it(`${id}: the "wrong" example is flagged, the "right" one is not, in ${langs.join(', ')}`, () => {
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${id}.md`), 'utf8');
      const blocks = [...page.matchAll(/```resolution\n([\s\S]*?)```/g)].map((m) => m[1]);
      assert.strictEqual(blocks.length, langs.length * 2, `a wrong and a right example for each of ${langs.join(', ')}`);
      for (const l of ['fr', 'es'] as const) {
        if (langs.includes(l))
          assert.ok(page.includes(l === 'fr' ? '### In French' : '### In Spanish'), `${l} examples under their heading`);
      }
      const settings = id === 'new-language' ? { rules: { 'new-language': 'hint' } } : {};
      // new-language: the built-in corpus for the English examples; for French and Spanish, which it
      // has no texts in, a stand-in corpus that knows every phrase but NEW_PHRASES.
      const standIn: CorpusFacts = {
        dateOf: () => undefined,
        newSpans: (text) => {
          for (const phrase of NEW_PHRASES) {
            const i = text.indexOf(phrase);
            if (i >= 0) return [{ start: i, end: i + phrase.length }];
          }
          return [];
        },
      };
      langs.forEach((lang, k) => {
        const corpus: CorpusFacts | undefined = id === 'new-language' ? (lang === 'en' ? seeds : standIn) : undefined;
        const [wrong, right] = [blocks[2 * k], blocks[2 * k + 1]];
        const check = (ex: string) => {
          const doc = parse(completeExample(ex, lang));
          assert.strictEqual(doc.lang, lang, `${lang} example read as ${doc.lang}`);
          return checkDocument(doc, { config: resolveConfig(settings).config, corpus }).map((f) => f.rule);
        };
        assert.ok(check(wrong).includes(id), `${lang}: wrong example not flagged:\n${completeExample(wrong, lang)}`);
        // The French and Spanish new-language pages quote the new phrase in their right example: only the
        // English one is checked against the real corpus.
        if (id !== 'new-language' || lang === 'en')
          assert.ok(!check(right).includes(id), `${lang}: right example flagged:\n${completeExample(right, lang)}`);
      });
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
