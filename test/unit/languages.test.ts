/** The drafts' languages: detection and overrides, the parser's reading of French and Spanish, messages, l10n. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { detectLanguage, documentLanguage, frontMatterLanguage } from '../../server/src/core/detect-language';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { defaultConfig, overlay, resolveConfig } from '../../server/src/core/config';
import { MESSAGES, message, messageLocale } from '../../server/src/core/messages';
import { phraseKnowledge } from '../../server/src/core/phrase-knowledge';
import { RULES } from '../../server/src/core/rules/registry';
import { ROOT } from '../support/paths';

const FR = `L’Assemblée générale,

*Rappelant* sa résolution 70/1 du 25 septembre 2015,

*Profondément préoccupée* par la situation,

1. *Prie* le Secrétaire général de lui présenter un rapport ;

2. *Prie également* le Secrétaire général de tenir compte du paragraphe 1 ci-dessus :

a) En consultant les États Membres ;

b) En rendant compte à l’Assemblée ;

3. *Décide* de demeurer saisie de la question.
`;

const ES = `La Asamblea General,

*Recordando* su resolución 70/1, de 25 de septiembre de 2015,

1. *Solicita* al Secretario General que le presente un informe;

2. *Solicita también* al Secretario General que tenga en cuenta el párrafo 1 supra;

3. *Decide* seguir ocupándose de la cuestión.
`;

describe('languages of a draft', () => {
  it('detects the language from the text: authority line, openings, function words, script', () => {
    assert.strictEqual(detectLanguage(FR), 'fr');
    assert.strictEqual(detectLanguage(ES), 'es');
    assert.strictEqual(detectLanguage('The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act.\n'), 'en');
    // short drafts without an authority line still read by their openings
    assert.strictEqual(detectLanguage('1. *Prie* le Secrétaire général de présenter un rapport ;'), 'fr');
    assert.strictEqual(detectLanguage('1. *Solicita* al Secretario General que presente un informe;'), 'es');
    assert.strictEqual(detectLanguage('Генеральная Ассамблея,\n\n*ссылаясь* на свою резолюцию 70/1,'), 'ru');
    assert.strictEqual(detectLanguage('إن الجمعية العامة،\n\n*إذ تشير* إلى قرارها 70/1،'), 'ar');
    assert.strictEqual(detectLanguage('大会，\n\n回顾其第70/1号决议，'), 'zh');
    assert.strictEqual(detectLanguage(''), 'en');
  });

  it('a front matter line `lang:` wins over the setting, which wins over detection', () => {
    const text = '---\nlang: es\n---\n\n' + FR;
    assert.strictEqual(frontMatterLanguage(text), 'es');
    assert.deepStrictEqual(documentLanguage(text, 'en'), { lang: 'es', source: 'front matter' });
    assert.deepStrictEqual(documentLanguage(FR, 'es'), { lang: 'es', source: 'setting' });
    assert.deepStrictEqual(documentLanguage(FR, 'auto'), { lang: 'fr', source: 'detected' });
    assert.strictEqual(parse(FR, { language: 'fr' }).langSource, 'setting');
    assert.strictEqual(resolveConfig({ language: 'fr' }).config.language, 'fr');
    const problems: string[] = [];
    assert.strictEqual(overlay(defaultConfig(), { language: 'xx' }, problems).language, 'auto');
    assert.match(problems.join(), /language must be/);
  });

  it('French: authority line, openings with their adverbs, numbers, a) labels, endings " ;", citations with dates, cross-references', () => {
    const doc = parse(FR);
    assert.strictEqual(doc.lang, 'fr');
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.authority?.text, 'L’Assemblée générale,');
    assert.ok(doc.authority?.comma);
    assert.deepStrictEqual(
      doc.preamble.map((p) => p.opening?.text),
      ['*Rappelant*'.replace(/\*/g, ''), 'Profondément préoccupée'],
    );
    assert.deepStrictEqual(
      doc.operative.map((p) => p.number?.value),
      [1, 2, 3],
    );
    assert.deepStrictEqual(doc.operative[1].opening?.modifiers, ['également']);
    assert.deepStrictEqual(
      doc.operative[1].subparagraphs.map((s) => s.label.text),
      ['a)', 'b)'],
    );
    // " ;" is a semicolon with its French space, not a missing ending
    assert.strictEqual(doc.operative[0].ending.char, ';');
    assert.deepStrictEqual(
      doc.citations.map((c) => [c.symbol, c.date?.text]),
      [['70/1', '25 septembre 2015']],
    );
    assert.deepStrictEqual(
      doc.crossReferences.map((r) => [r.targets.map((t) => t.text), r.direction]),
      [[['1'], 'above']],
    );
    assert.deepStrictEqual(
      checkDocument(doc).map((f) => f.rule),
      [],
    );
  });

  it('Spanish: the same, with "supra" and "resolución 70/1, de 25 de septiembre de 2015"', () => {
    const doc = parse(ES);
    assert.strictEqual(doc.lang, 'es');
    assert.strictEqual(doc.authority?.text, 'La Asamblea General,');
    assert.deepStrictEqual(
      doc.operative.map((p) => p.opening?.base),
      ['solicita', 'solicita', 'decide'],
    );
    assert.deepStrictEqual(
      doc.citations.map((c) => [c.symbol, c.date?.text]),
      [['70/1', '25 de septiembre de 2015']],
    );
    assert.deepStrictEqual(
      doc.crossReferences.map((r) => r.direction),
      ['above'],
    );
    assert.deepStrictEqual(
      checkDocument(doc).map((f) => f.rule),
      [],
    );
  });

  it('other organs: Security Council, ECOSOC, Human Rights Council, Conference of the Parties in French and Spanish', () => {
    for (const line of [
      'Le Conseil de sécurité,',
      'Le Conseil économique et social,',
      'Le Conseil des droits de l’homme,',
      'La Conférence des Parties,',
      'El Consejo de Seguridad,',
      'El Consejo Económico y Social,',
      'El Consejo de Derechos Humanos,',
      'La Conferencia de las Partes,',
    ]) {
      const fr = /^(Le|La) Con[sf][eé]/.test(line) && !/Conferencia/.test(line);
      const body = fr
        ? '*Rappelant* sa résolution 2231 (2015),\n\n1. *Décide* de demeurer saisi de la question.\n'
        : '*Recordando* su resolución 2231 (2015),\n\n1. *Decide* seguir ocupándose de la cuestión.\n';
      const doc = parse(`${line}\n\n${body}`);
      assert.strictEqual(doc.authority?.text, line, line);
      assert.strictEqual(doc.preamble.length, 1, line);
    }
  });

  it('French agreement follows the organ: the Security Council is masculine', () => {
    const text =
      'Le Conseil de sécurité,\n\n*Profondément préoccupée* par la situation,\n\n1. *Décide* de demeurer saisi de la question.\n';
    const f = checkDocument(parse(text)).filter((x) => x.rule === 'french-agreement');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].fix?.edits[0].newText, 'préoccupé');
    const ok = 'Le Conseil de sécurité,\n\n*Profondément préoccupé* par la situation,\n\n1. *Décide* de demeurer saisi de la question.\n';
    assert.deepStrictEqual(
      checkDocument(parse(ok)).map((x) => x.rule),
      [],
    );
  });

  it("the user's phrases reach the parser as well as the checks", () => {
    const text =
      'L’Assemblée générale,\n\n*Rappelant* sa résolution 70/1 du 25 septembre 2015,\n\nSaluant chaleureusement l’initiative,\n\n1. *Décide* de demeurer saisie de la question.\n';
    const extra = { operative: [], preambular: ['Saluant chaleureusement'] };
    const doc = parse(text, { extraPhrases: extra });
    assert.strictEqual(doc.preamble[1].opening?.known, true);
    assert.ok(phraseKnowledge(extra, 'fr').isHead('preambular', 'Saluant'));
  });

  it('checks declare their languages; the French ones stay out of other languages', () => {
    const fr = RULES.filter((r) => r.meta.languages?.includes('fr') && r.meta.languages.length === 1)
      .map((r) => r.meta.id)
      .sort();
    assert.deepStrictEqual(fr, ['french-agreement', 'french-spacing']);
    const es =
      'La Asamblea General,\n\n*Recordando* su resolución 70/1, de 25 de septiembre de 2015,\n\n1. *Solicita* un informe;\n\n2. *Decide* seguir ocupándose de la cuestión.\n';
    assert.deepStrictEqual(
      checkDocument(parse(es)).map((x) => x.rule),
      [],
    );
  });
});

/** The message table and the messages the checks keep beside them. */
const allMessages = () => [
  ...Object.entries(MESSAGES),
  ...RULES.flatMap((r) => Object.entries(r.meta.messages ?? {}).map(([k, e]) => [`${r.meta.id}.${k}`, e] as const)),
];

describe("messages in the user's language", () => {
  it('every message has English, French and Spanish; the locale falls back to English', () => {
    for (const [id, e] of allMessages())
      for (const l of ['en', 'fr', 'es'] as const) assert.ok((e as Record<string, string>)[l], `${id} ${l}`);
    assert.strictEqual(messageLocale('fr-CA'), 'fr');
    assert.strictEqual(messageLocale('es_ES.UTF-8'), 'es');
    assert.strictEqual(messageLocale('de'), 'en');
    assert.strictEqual(messageLocale(undefined), 'en');
    assert.strictEqual(message('fix.remove', { word: '“x”' }, 'es'), 'Eliminar “x”');
  });

  it('every message has the same placeholders in English, French and Spanish', () => {
    const holes = (text: string) =>
      [...text.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    for (const [id, e] of allMessages() as [string, Record<string, string>][]) {
      for (const l of ['fr', 'es'])
        assert.strictEqual(holes(e[l]), holes(e.en), `${id}: ${l} has placeholders {${holes(e[l])}}, English {${holes(e.en)}}`);
    }
  });

  it('no check writes a message or fix title of its own: all come from the message table', () => {
    const dir = path.join(ROOT, 'server', 'src', 'core', 'rules');
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
      const src = fs.readFileSync(path.join(dir, f), 'utf8');
      const literal = /\b(message|title):\s*[`'"]/.exec(src);
      assert.ok(!literal, `${f} writes a literal ${literal?.[1]}`);
    }
  });

  it('a French or Spanish reader gets the findings of every kind of check in that language, an English one the same English', () => {
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1 of 25 September 2015.',
      '',
      'Noting the report of the Secretary-General¹,',
      '',
      '1. Requests the Secretary-General to report [on the matter,',
      '',
      '3. *Decides* to remain seized of the matter;',
      '',
    ].join('\n');
    const byRule = (locale: 'en' | 'fr' | 'es') => {
      const out: Record<string, string> = {};
      for (const f of checkDocument(parse(text), { locale })) out[f.rule] ??= f.message;
      return out;
    };
    const en = byRule('en');
    const fr = byRule('fr');
    const es = byRule('es');
    const expected: Record<string, [RegExp, RegExp, RegExp]> = {
      'preambular-punctuation': [
        /^The preambular paragraph ends with a full stop; it should end with a comma\.$/,
        /^L’alinéa du préambule se termine par un point ; il faut une virgule\.$/,
        /^El párrafo del preámbulo termina con un punto; debería terminar con una coma\.$/,
      ],
      'operative-punctuation': [
        /^The operative paragraph ends with a comma; it should end with a semicolon\.$/,
        /^Le paragraphe du dispositif se termine par une virgule ; il faut un point-virgule\.$/,
        /^El párrafo dispositivo termina con una coma; debería terminar con un punto y coma\.$/,
      ],
      'bracket-balance': [
        /\(line 7, column 60\)\.$/,
        /^Crochet non apparié : .*\(ligne 7, colonne 60\)\.$/,
        /^Corchete desparejado: .*\(línea 7, columna 60\)\.$/,
      ],
      'operative-numbering': [
        /^Operative paragraph numbered 3, expected 2 \(gap: 3 follows 1\)\.$/,
        /^Paragraphe du dispositif numéroté 3, 2 attendu \(lacune : 3 suit 1\)\.$/,
        /^Párrafo dispositivo numerado 3, se esperaba 2 \(salto: 3 sigue a 1\)\.$/,
      ],
      'footnote-undefined': [
        /^Footnote 1 has no definition\.$/,
        /^La note de bas de page 1 n’a pas de texte\.$/,
        /^La nota a pie de página 1 no tiene texto\.$/,
      ],
      'operative-verb-italic': [
        /^The verb phrase “Requests” is not italic\.$/,
        /^La formule verbale “Requests” n’est pas en italique\.$/,
        /^La fórmula verbal “Requests” no está en cursiva\.$/,
      ],
    };
    for (const [rule, [e, f, s]] of Object.entries(expected)) {
      assert.match(en[rule] ?? `no ${rule} finding`, e, rule);
      assert.match(fr[rule] ?? `no ${rule} finding`, f, rule);
      assert.match(es[rule] ?? `no ${rule} finding`, s, rule);
    }
    const fixOf = (locale: 'en' | 'fr' | 'es') =>
      checkDocument(parse(text), { locale }).find((f) => f.rule === 'operative-numbering')?.fix?.title;
    assert.deepStrictEqual(
      [fixOf('en'), fixOf('fr'), fixOf('es')],
      ['Renumber operative paragraphs', 'Renuméroter les paragraphes du dispositif', 'Renumerar los párrafos dispositivos'],
    );
    // every finding changes language, none stays in English
    assert.deepStrictEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const rule of Object.keys(en)) {
      assert.notStrictEqual(fr[rule], en[rule], `${rule} stays English in French`);
      assert.notStrictEqual(es[rule], en[rule], `${rule} stays English in Spanish`);
    }
  });

  it('findings speak the locale asked for', () => {
    const text =
      'L’Assemblée générale,\n\n*Rappelant* sa résolution 70/1 du 25 septembre 2015,\n\n1. *Prie* le Secrétaire général de lui présenter un rapport;\n\n2. *Décide* de demeurer saisie de la question.\n';
    const [fr] = checkDocument(parse(text), { locale: 'fr' }).filter((f) => f.rule === 'french-spacing');
    assert.match(fr.message, /^La typographie française/);
    const [en] = checkDocument(parse(text)).filter((f) => f.rule === 'french-spacing');
    assert.match(en.message, /^French typography/);
  });

  it('the manifest and the client have their French and Spanish strings', () => {
    const pkg = fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8');
    const keys = [...pkg.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length >= 1);
    for (const n of ['package.nls.json', 'package.nls.fr.json', 'package.nls.es.json']) {
      const nls = JSON.parse(fs.readFileSync(path.join(ROOT, n), 'utf8'));
      for (const k of keys) assert.ok(nls[k], `${n} lacks ${k}`);
    }
    const used = new Set<string>();
    for (const f of fs.readdirSync(path.join(ROOT, 'client', 'src'))) {
      const src = fs.readFileSync(path.join(ROOT, 'client', 'src', f), 'utf8');
      for (const m of src.matchAll(/vscode\.l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) used.add(m[1]);
    }
    assert.ok(used.size >= 5);
    for (const l of ['fr', 'es']) {
      const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n', `bundle.l10n.${l}.json`), 'utf8'));
      for (const s of used) assert.ok(bundle[s], `l10n/bundle.l10n.${l}.json lacks "${s}"`);
    }
  });
});
