import * as assert from 'assert';
import { main } from '../../server/src/cli/main';
import { combineBackends, mergeMatches, PrecedentBackend } from '../../server/src/core/precedent/backend';
import { guessLanguage, paragraphGrams, PgCorpus, redact } from '../../server/src/core/precedent/pgBackend';
import type { Match } from '../../server/src/core/precedent/types';

const UNREACHABLE = 'postgres://drafter@localhost/precedents?host=%2Fnonexistent-resolution-socket-dir&port=5432';

function match(symbol: string, paragraph: string, text: string, score: number): Match {
  return { score, text, id: 0, source: { path: `${symbol}.xml`, symbol, kind: 'operative', paragraph, line: 0 } };
}

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('corpus database: merging and fallback (no server needed)', () => {
  it('merges the answers of two corpora best first, one entry per paragraph', () => {
    const a = [match('A/RES/75/311', '6', 'Calls upon', 0.9), match('A/RES/71/326', '5', 'Calls upon States', 0.5)];
    const b = [match('A/RES/75/311', '6', 'Calls upon', 0.9), match('A/RES/76/1', '2', 'Urges', 0.7)];
    const merged = mergeMatches([a, b], 5);
    assert.deepStrictEqual(
      merged.map((m) => `${m.source.symbol} ${m.score}`),
      ['A/RES/75/311 0.9', 'A/RES/76/1 0.7', 'A/RES/71/326 0.5'],
    );
    assert.strictEqual(mergeMatches([a, b], 2).length, 2);
  });

  it('an unreachable database is reported once; the other corpus answers every time', async () => {
    const local: PrecedentBackend = {
      name: 'embedded corpus',
      search: async () => [match('A/RES/75/311', '6', 'Calls upon', 0.9)],
      prefix: async () => [],
      lookup: async () => [],
    };
    const pg = new PgCorpus({ connectionString: UNREACHABLE, connectTimeoutMs: 1000 });
    const errors: string[] = [];
    const both = combineBackends([local, pg], { onError: (_b, e) => errors.push(e.message), retryMs: 0 });
    try {
      for (let i = 0; i < 3; i++)
        assert.deepStrictEqual(
          (await both.search('Calls upon')).map((m) => m.source.symbol),
          ['A/RES/75/311'],
        );
      assert.strictEqual(errors.length, 1);
      assert.match(errors[0], /^corpus database postgres:\/\/drafter@localhost\/precedents\?.* cannot be reached/);
    } finally {
      await both.close();
    }
  });

  it('the command line prints one line on stderr and answers from the local corpus', async () => {
    const r = await cli([
      'precedent',
      '--db',
      UNREACHABLE,
      '--top',
      '1',
      '--text',
      'Calls upon Member States to make illicit trafficking in protected species of wild fauna and flora a serious crime',
    ]);
    assert.strictEqual(r.code, 0);
    assert.strictEqual(r.err.length, 1, r.err.join('\n'));
    assert.match(r.err[0], /^resolution precedent: corpus database .* cannot be reached .*; using the local corpus only$/);
    assert.match(r.out[0], /A\/RES\/(75\/311|71\/326), op\. \d/);
  });

  it('refuses a password in --db (it belongs in PGPASSWORD)', async () => {
    for (const args of [
      ['corpus', 'push', '--db', 'postgres://drafter:secret@localhost/precedents', 'seeds'],
      ['precedent', '--db', 'postgres://drafter:secret@localhost/precedents', '--text', 'Urges'],
      ['corpus', 'push', '--db', 'postgres://drafter@localhost/precedents?password=secret', 'seeds'],
    ]) {
      const r = await cli(args);
      assert.strictEqual(r.code, 2);
      assert.match(r.err[0], /--db must not contain the password: set PGPASSWORD/);
    }
    assert.strictEqual(redact('postgres://u:pw@h/db'), 'postgres://u:***@h/db');
  });

  it('corpus push needs --db and a source', async () => {
    assert.match((await cli(['corpus', 'push', 'seeds'])).err[0], /needs --db/);
    assert.match((await cli(['corpus', 'push', '--db', 'postgres://u@h/db'])).err[0], /at least one SOURCE/);
    assert.match(
      (await cli(['corpus', 'push', '--db', 'postgres://u@h/db', '--language', 'xx', 'seeds'])).err[0],
      /--language must be one of en, fr, es, ru, ar, zh/,
    );
  });

  it('tells the language of a paragraph from its script or common words', () => {
    assert.strictEqual(guessLanguage('*Calls upon* Member States to make illicit trafficking a serious crime'), 'en');
    assert.strictEqual(
      guessLanguage('*Demande* aux États Membres de faire du trafic des espèces une infraction grave et de prendre les mesures'),
      'fr',
    );
    assert.strictEqual(
      guessLanguage('*Exhorta* a los Estados Miembros a que tipifiquen el tráfico de las especies como delito grave'),
      'es',
    );
    assert.strictEqual(guessLanguage('*Призывает* государства-члены'), 'ru');
    assert.strictEqual(guessLanguage('تهيب بالدول الأعضاء'), 'ar');
    assert.strictEqual(guessLanguage('吁请会员国'), 'zh');
    assert.strictEqual(guessLanguage('2021'), undefined);
  });

  it('indexes body bigrams, opening bigrams of the first words, and a lone word', () => {
    const ws = 'a b c d e f g h i j k'.split(' ');
    assert.strictEqual(paragraphGrams(ws, 'body').length, 10);
    assert.strictEqual(paragraphGrams(ws, 'opening').length, 8);
    assert.strictEqual(paragraphGrams(ws).length, 18);
    assert.strictEqual(paragraphGrams(['urges']).length, 1);
    assert.deepStrictEqual(paragraphGrams(['a', 'b', 'a', 'b'], 'body').length, 2);
  });
});
