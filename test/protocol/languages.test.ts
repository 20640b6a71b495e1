/** Drafts in French and Spanish over the protocol: the findings, worded in the client's display language. */
import * as assert from 'assert';
import { startServer, TestServer } from '../support/lsp';

const FR =
  'L’Assemblée générale,\n\n*Conscient* de l’importance du multilinguisme,\n\n1. *Prie* le Secrétaire général de lui présenter un rapport;\n\n2. *Décide* de demeurer saisie de la question.\n';

describe('drafts in French over stdio, the client in French', function () {
  this.timeout(30000);
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: 'fr' });
  });
  after(async () => server?.stop());

  it('publishes the French checks with messages in French, each with its fix', async () => {
    const uri = 'untitled:projet.res.md';
    server.open(uri, FR);
    const d = await server.diagnostics(uri, 1);
    const byRule = Object.fromEntries(d.diagnostics.map((x) => [String(x.code), x]));
    assert.deepStrictEqual(Object.keys(byRule).sort(), ['french-agreement', 'french-spacing']);
    assert.match(byRule['french-spacing'].message, /^La typographie française demande une espace insécable/);
    assert.match(byRule['french-agreement'].message, /doit s’accorder avec “L’Assemblée générale” \(féminin\)/);
    assert.strictEqual(byRule['french-agreement'].range.start.line, 2);
    for (const x of d.diagnostics) assert.ok(x.data, `${x.code} carries its fix`);
  });

  it('words the structural checks in French too: numbering, punctuation, footnotes', async () => {
    const uri = 'untitled:projet2.res.md';
    server.open(
      uri,
      'L’Assemblée générale,\n\n*Prenant note* du rapport du Secrétaire général¹,\n\n1. *Prie* le Secrétaire général de lui présenter un rapport ;\n\n3. *Décide* de demeurer saisie de la question ;\n',
    );
    const d = await server.diagnostics(uri, 1);
    const byRule = Object.fromEntries(d.diagnostics.map((x) => [String(x.code), x.message]));
    assert.strictEqual(byRule['operative-numbering'], 'Paragraphe du dispositif numéroté 3, 2 attendu (lacune : 3 suit 1).');
    assert.strictEqual(
      byRule['operative-punctuation'],
      'Le dernier paragraphe du dispositif se termine par un point-virgule ; il faut un point.',
    );
    assert.strictEqual(byRule['footnote-undefined'], 'La note de bas de page 1 n’a pas de texte.');
  });
});

describe('drafts in Spanish over stdio, the client in German (messages fall back to English)', function () {
  this.timeout(30000);
  let server: TestServer;
  before(async () => {
    server = await startServer({ locale: 'de' });
  });
  after(async () => server?.stop());

  it('a Spanish draft with a numbering gap gets its finding, in English', async () => {
    const uri = 'untitled:proyecto.res.md';
    server.open(
      uri,
      'La Asamblea General,\n\n*Recordando* su resolución 70/1, de 25 de septiembre de 2015,\n\n1. *Solicita* un informe;\n\n3. *Decide* seguir ocupándose de la cuestión.\n',
    );
    const d = await server.diagnostics(uri, 1);
    assert.deepStrictEqual(
      d.diagnostics.map((x) => [x.code, x.range.start.line]),
      [['operative-numbering', 6]],
    );
    assert.match(d.diagnostics[0].message, /^Operative paragraph/);
  });
});
