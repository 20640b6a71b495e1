/**
 * The language as a user sees it in the editor: the TextMate grammar run by the real engine
 * (vscode-textmate + the Oniguruma WebAssembly build VS Code uses), the language configuration
 * and the snippets. Snippet bodies are expanded with their default placeholders and parsed with
 * the resolution parser.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vsctm from 'vscode-textmate';
import * as oniguruma from 'vscode-oniguruma';
import { parse } from '../../server/src/core/parser';
import { OPERATIVE_BASES, PREAMBULAR_BASES } from '../../server/src/core/phrases';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const grammarPath = path.join(repoRoot, 'syntaxes', 'resolution.tmLanguage.json');
const seedsDir = path.join(repoRoot, 'seeds');

const S = '.resolution';
const AUTHORITY = 'entity.name.type.authority' + S;
const PREAMBULAR = 'keyword.other.preambular' + S;
const OPERATIVE_VERB = 'entity.name.function.operative-verb' + S;
const PARAGRAPH_NUMBER = 'constant.numeric.paragraph-number' + S;
const SUB_LABEL = 'constant.numeric.subparagraph-label' + S;
const FOOTNOTE_REF = 'constant.numeric.footnote.reference' + S;
const FOOTNOTE_DEF = 'constant.numeric.footnote.definition' + S;
const FOOTNOTE_DEF_LINE = 'meta.footnote.definition' + S;
const SYMBOL = 'string.other.symbol' + S;
const DATE = 'constant.numeric.date' + S;
const ITALIC = 'markup.italic' + S;
const BOLD = 'markup.bold' + S;
const HEADING = 'markup.heading' + S;
const MEETING = 'entity.name.type.meeting' + S;
const COMMENT = 'comment.block.html' + S;
const DIRECTIVE = 'keyword.control.directive' + S;
const RULE_ID = 'variable.parameter.rule-id' + S;

interface Token {
  text: string;
  scopes: string[];
}

let grammar: vsctm.IGrammar;

async function loadGrammar(): Promise<vsctm.IGrammar> {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName: string) =>
      scopeName === 'text.resolution' ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const g = await registry.loadGrammar('text.resolution');
  if (!g) throw new Error('grammar text.resolution did not load');
  return g;
}

/** Tokenizes a whole text line by line, carrying the rule stack over (as the editor does). */
function tokenize(text: string): Token[][] {
  let state = vsctm.INITIAL;
  return text.split(/\r?\n/).map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}

/** The text of a line that carries `scope`, runs joined with '|' where they are apart. */
function scoped(line: Token[], scope: string): string {
  const runs: string[] = [];
  let inRun = false;
  for (const t of line) {
    const has = t.scopes.includes(scope);
    if (has) {
      if (inRun) runs[runs.length - 1] += t.text;
      else runs.push(t.text);
    }
    inRun = has;
  }
  return runs.join('|');
}

/** Tokenizes one line on its own (or the last line of a text) and returns what carries `scope`. */
function scopedIn(text: string, scope: string): string {
  const lines = tokenize(text);
  return scoped(lines[lines.length - 1], scope);
}

/** Scopes of the first token that covers `fragment` in `line`. */
function scopesAt(line: Token[], fragment: string): string[] {
  const joined = line.map((t) => t.text).join('');
  const at = joined.indexOf(fragment);
  assert.ok(at >= 0, `"${fragment}" not in line "${joined}"`);
  let pos = 0;
  for (const t of line) {
    if (pos + t.text.length > at) return t.scopes;
    pos += t.text.length;
  }
  return [];
}

function seed(prefix: string): string {
  const name = fs.readdirSync(seedsDir).find((f) => f.startsWith(prefix));
  assert.ok(name, `seed ${prefix}* missing in seeds/`);
  return fs.readFileSync(path.join(seedsDir, name), 'utf8');
}

function lineIndex(text: string, test: (line: string) => boolean): number {
  const i = text.split(/\r?\n/).findIndex(test);
  assert.ok(i >= 0, 'line not found');
  return i;
}

describe('TextMate grammar (text.resolution)', function () {
  this.timeout(20000);

  before(async () => {
    grammar = await loadGrammar();
  });

  it('is the output of syntaxes/build-grammar.js (the committed JSON is up to date)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const builder = require(path.join(repoRoot, 'syntaxes', 'build-grammar.js'));
    assert.ok(
      fs.readFileSync(grammarPath, 'utf8') === builder.render(),
      'syntaxes/resolution.tmLanguage.json is out of date: run `node syntaxes/build-grammar.js`',
    );
    const g = JSON.parse(fs.readFileSync(grammarPath, 'utf8'));
    assert.strictEqual(g.scopeName, 'text.resolution');
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.grammars.find((x: { language: string }) => x.language === 'resolution');
    assert.strictEqual(contributed.scopeName, g.scopeName);
    assert.strictEqual(path.resolve(repoRoot, contributed.path), grammarPath);
  });

  describe('authority line', () => {
    it('plain: The General Assembly,', () => {
      const [line] = tokenize('The General Assembly,');
      assert.strictEqual(scoped(line, AUTHORITY), 'The General Assembly');
      assert.ok(!scopesAt(line, ',').includes(AUTHORITY));
    });

    it('italic on one line, comma inside or outside the stars', () => {
      const [a] = tokenize('*The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,*');
      assert.strictEqual(
        scoped(a, AUTHORITY),
        'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime',
      );
      assert.ok(scopesAt(a, 'Conference').includes(ITALIC));
      const [b] = tokenize('*The Human Rights Council*,');
      assert.strictEqual(scoped(b, AUTHORITY), 'The Human Rights Council');
    });

    it('italic over two lines (CMS style), and the paragraph after it is an operative one again', () => {
      const lines = tokenize(
        '*The Conference of the Parties to the\nConvention on the Conservation of Migratory Species of Wild Animals*\n\n1. *Encourages* Parties;',
      );
      assert.strictEqual(scoped(lines[0], AUTHORITY), 'The Conference of the Parties to the');
      assert.strictEqual(scoped(lines[1], AUTHORITY), 'Convention on the Conservation of Migratory Species of Wild Animals');
      assert.ok(scopesAt(lines[1], 'Wild').includes(ITALIC));
      assert.strictEqual(scoped(lines[3], OPERATIVE_VERB), 'Encourages');
      assert.strictEqual(scoped(lines[3], AUTHORITY), '');
    });

    it('an unclosed italic authority line stops at the blank line', () => {
      const lines = tokenize('*The General Assembly\n\nRecalling its resolutions,');
      assert.strictEqual(scoped(lines[2], AUTHORITY), '');
      assert.strictEqual(scoped(lines[2], PREAMBULAR), 'Recalling');
    });

    it('prose that starts with "The" is not an authority line', () => {
      assert.strictEqual(scopedIn('The fight against wildlife trafficking is a crucial part of efforts.', AUTHORITY), '');
      assert.strictEqual(scopedIn('The Future We Want', AUTHORITY), '');
    });
  });

  describe('preambular opening phrases', () => {
    const cases: [string, string][] = [
      ['Recalling its resolution 70/1,', 'Recalling'],
      ['Reaffirming also its resolution 70/1,', 'Reaffirming also'],
      ['Reaffirming its commitment to the Charter,', 'Reaffirming its commitment'],
      ['Reaffirming further the intrinsic value,', 'Reaffirming further'],
      ['Noting with concern that new markets emerge,', 'Noting with concern'],
      ['Deeply concerned about the rate of extinctions,', 'Deeply concerned'],
      ['Bearing in mind the Charter,', 'Bearing in mind'],
      ['Having considered the report of the Secretary-General,', 'Having considered'],
      ['Taking note also of the report,', 'Taking note also of'],
      ['Expressing serious concern over poaching,', 'Expressing serious concern'],
      ['Further recognizing that trade can increase risk,', 'Further recognizing'],
      ['Remaining concerned, therefore, about poaching,', 'Remaining concerned'],
      ['Guided by the purposes of the Charter,', 'Guided by'],
      ['Mindful of its obligations,', 'Mindful'],
    ];
    for (const [line, phrase] of cases) {
      it(`"${phrase}" at the start of a paragraph`, () => {
        assert.strictEqual(scopedIn(line, PREAMBULAR), phrase);
      });
    }

    it('italic openings: the phrase inside the stars, in italics', () => {
      const [line] = tokenize('*Recalling also* its resolutions 10/6 of 16 October 2020,');
      assert.strictEqual(scoped(line, PREAMBULAR), 'Recalling also');
      assert.ok(scopesAt(line, 'Recalling').includes(ITALIC));
      assert.ok(!scopesAt(line, ' its').includes(ITALIC));
    });

    it('only at the start of a paragraph, and not the prose of a non-resolution', () => {
      assert.strictEqual(scopedIn('The Assembly, recalling its resolutions, decides;', PREAMBULAR), '');
      assert.strictEqual(scopedIn('Setting the scene', PREAMBULAR), '');
      assert.strictEqual(scopedIn('Recallings are not phrases,', PREAMBULAR), '');
    });
  });

  describe('operative paragraphs', () => {
    it('number and italic verb phrase: 6. *Calls upon*', () => {
      const [line] = tokenize('6. *Calls upon* Member States to make illicit trafficking a serious crime;');
      assert.strictEqual(scoped(line, PARAGRAPH_NUMBER), '6');
      assert.strictEqual(scoped(line, OPERATIVE_VERB), 'Calls upon');
      assert.ok(scopesAt(line, 'Calls').includes(ITALIC));
      assert.ok(scopesAt(line, 'Member').includes('meta.paragraph.operative' + S));
    });

    it('5 bis. *Also strongly encourages*', () => {
      const [line] = tokenize('5 bis. *Also strongly encourages* Member States to participate;');
      assert.strictEqual(scoped(line, PARAGRAPH_NUMBER), '5 bis');
      assert.strictEqual(scoped(line, OPERATIVE_VERB), 'Also strongly encourages');
    });

    it('a verb phrase that is not italic is still recognised: 12. Takes note with appreciation of', () => {
      assert.strictEqual(scopedIn('12. Takes note with appreciation of the report;', OPERATIVE_VERB), 'Takes note with appreciation of');
      assert.strictEqual(scopedIn('3. Calls upon States to act;', OPERATIVE_VERB), 'Calls upon');
    });

    it('partial italics show exactly what is italic: *Further calls* upon', () => {
      const [line] = tokenize('17. *Further calls* upon the Scientific Council to facilitate;');
      assert.strictEqual(scoped(line, OPERATIVE_VERB), 'Further calls');
      assert.ok(!scopesAt(line, 'upon').includes(ITALIC));
    });

    it('a second italic verb inside the paragraph: *Urges* Parties and *invites* non-Parties', () => {
      const [line] = tokenize('8. *Urges* Parties and *invites* non-Parties to strengthen law enforcement;');
      assert.strictEqual(scoped(line, OPERATIVE_VERB), 'Urges|invites');
    });

    it('italic words that are no verb stay plain italics: *inter alia*', () => {
      const [line] = tokenize('4. *Encourages* States, *inter alia*, to act;');
      assert.strictEqual(scoped(line, OPERATIVE_VERB), 'Encourages');
      assert.ok(scopesAt(line, 'inter alia').includes(ITALIC));
    });

    it('a bold verb phrase is shown bold, not italic: 3. **Decides**', () => {
      const [line] = tokenize('3. **Decides** to include the item in the provisional agenda;');
      assert.strictEqual(scoped(line, OPERATIVE_VERB), 'Decides');
      assert.ok(scopesAt(line, 'Decides').includes(BOLD));
      assert.ok(!scopesAt(line, 'Decides').includes(ITALIC));
    });

    it('a single unnumbered operative paragraph: *Decides* to …', () => {
      assert.strictEqual(scopedIn('*Decides* to remain seized of the matter.', OPERATIVE_VERB), 'Decides');
    });
  });

  describe("agrees with the parser's phrase book", () => {
    const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
    it('every operative base phrase, plain and with "Also", is coloured whole', () => {
      for (const b of OPERATIVE_BASES) {
        assert.strictEqual(scopedIn(`7. ${cap(b)} the Secretary-General;`, OPERATIVE_VERB), cap(b), b);
        assert.strictEqual(scopedIn(`7. Also ${b} the Secretary-General;`, OPERATIVE_VERB), `Also ${b}`, b);
      }
    });
    it('every preambular base phrase, plain and with "also", is coloured whole', () => {
      for (const b of PREAMBULAR_BASES) {
        assert.strictEqual(scopedIn(`${cap(b)} the report,`, PREAMBULAR), cap(b), b);
        assert.strictEqual(scopedIn(`${cap(b)} also the report,`, PREAMBULAR), `${cap(b)} also`, b);
      }
    });
  });

  describe('sub-paragraphs', () => {
    for (const label of ['(a)', '(b)', '(iv)', 'a.', 'i.', '(xii)']) {
      it(`label ${label}`, () => {
        assert.strictEqual(scopedIn(`${label} to take stock of the implementation;`, SUB_LABEL), label);
      });
    }
    it('no label in the middle of a sentence', () => {
      assert.strictEqual(scopedIn('Requests that paragraph (a) be deleted;', SUB_LABEL), '');
    });
  });

  describe('footnotes', () => {
    it('Unicode superscript markers in the text', () => {
      const [line] = tokenize(
        'Recognizing the Convention on International Trade in Endangered Species of Wild Fauna and Flora¹ and the Protocol,¹²',
      );
      assert.strictEqual(scoped(line, FOOTNOTE_REF), '¹|¹²');
    });

    it('<sup>1</sup> and [^1] markers', () => {
      const [a] = tokenize('the Kyoto Declaration,<sup>1</sup> adopted by the Congress');
      assert.strictEqual(scoped(a, FOOTNOTE_REF), '1');
      assert.ok(scopesAt(a, '<sup>').includes('punctuation.definition.tag' + S));
      const [b] = tokenize('the Convention[^12] and');
      assert.strictEqual(scoped(b, FOOTNOTE_REF), '12');
    });

    it('definitions: a line that starts with a marker, in all three styles', () => {
      const lines = tokenize(
        '¹ United Nations, *Treaty Series*, vol. 993, No. 14537.\n\n<sup>2</sup> *Ibid.*, vol. 2225.\n\n[^3]: General Assembly resolution 76/181, annex.',
      );
      assert.strictEqual(scoped(lines[0], FOOTNOTE_DEF), '¹');
      assert.strictEqual(scoped(lines[2], FOOTNOTE_DEF), '2');
      assert.strictEqual(scoped(lines[4], FOOTNOTE_DEF), '3');
      for (const i of [0, 2, 4]) assert.ok(lines[i][lines[i].length - 1].scopes.includes(FOOTNOTE_DEF_LINE), `line ${i} is a definition`);
      assert.ok(scopesAt(lines[0], 'Treaty Series').includes(ITALIC));
      assert.strictEqual(scoped(lines[0], FOOTNOTE_REF), '');
    });
  });

  describe('citations and symbols', () => {
    it('resolution 70/1 of 25 September 2015', () => {
      const [line] = tokenize('Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming our world”,');
      assert.strictEqual(scoped(line, SYMBOL), '70/1');
      assert.strictEqual(scoped(line, DATE), '25 September 2015');
      assert.strictEqual(scoped(line, 'keyword.other.citation' + S), 'resolution');
      assert.strictEqual(scoped(line, 'meta.citation' + S), 'resolution 70/1 of 25 September 2015');
    });

    it('linked symbols with dates: resolutions [69/314](#) of 30 July 2015 and [70/301](#) of 9 September 2016', () => {
      const [line] = tokenize('Reaffirming its resolutions [69/314](#) of 30 July 2015 and [70/301](#) of 9 September 2016,');
      assert.strictEqual(scoped(line, SYMBOL), '69/314|70/301');
      assert.strictEqual(scoped(line, DATE), '30 July 2015|9 September 2016');
      assert.ok(scopesAt(line, '#').includes('markup.underline.link' + S));
    });

    it('document symbols and older forms', () => {
      assert.strictEqual(scopedIn('as reported in A/RES/75/311 and A/75/L.116/Add.1.', SYMBOL), 'A/RES/75/311|A/75/L.116/Add.1');
      assert.strictEqual(scopedIn('its resolution 1514 (XV) of 14 December 1960', SYMBOL), '1514 (XV)');
      assert.strictEqual(scopedIn('Council resolution 2013/40 of 25 July 2013', SYMBOL), '2013/40');
      assert.strictEqual(scopedIn('UNEP/CMS/Resolution 11.31 (Rev.COP14)', SYMBOL), 'UNEP/CMS/Resolution 11.31 (Rev.COP14)');
    });

    it('internal cross-references: paragraph 5 above, paragraphs 3 and 4', () => {
      const [line] = tokenize('Requests the report referred to in paragraph 5 (a) above and in paragraphs 3 and 4;');
      assert.strictEqual(scoped(line, 'constant.numeric.paragraph-reference' + S), '5 (a)|3|4');
      assert.strictEqual(scoped(line, 'keyword.other.direction' + S), 'above');
    });
  });

  describe('Markdown and the rest', () => {
    it('emphasis: *italic*, **bold**', () => {
      const [line] = tokenize('a *Treaty Series* volume and **very destructive impacts** here');
      assert.strictEqual(scoped(line, ITALIC), '*Treaty Series*');
      assert.strictEqual(scoped(line, BOLD), '**very destructive impacts**');
    });

    it('headings, with emphasis inside', () => {
      const lines = tokenize('## Resolution 12/4\n\n### **Enhancing measures**');
      assert.ok(scopesAt(lines[0], 'Resolution').includes(HEADING));
      assert.strictEqual(scoped(lines[0], 'punctuation.definition.heading' + S), '##');
      assert.ok(scopesAt(lines[2], 'Enhancing').includes(BOLD));
      assert.ok(scopesAt(lines[2], 'Enhancing').includes(HEADING));
    });

    it('the title line: 75/311. Tackling illicit trafficking in wildlife', () => {
      const [line] = tokenize('75/311. Tackling illicit trafficking in wildlife');
      assert.strictEqual(scoped(line, SYMBOL), '75/311');
      assert.strictEqual(scoped(line, 'entity.name.section.title' + S), 'Tackling illicit trafficking in wildlife');
      assert.strictEqual(scoped(line, PARAGRAPH_NUMBER), '');
    });

    it('the meeting line, italic over two lines or plain', () => {
      const lines = tokenize('*93rd plenary meeting\n23 July 2021*');
      assert.strictEqual(scoped(lines[0], MEETING), '93rd plenary meeting');
      assert.strictEqual(scoped(lines[1], DATE), '23 July 2021');
      assert.ok(scopesAt(lines[1], '23').includes(ITALIC));
      assert.strictEqual(scopedIn('47th meeting', MEETING), '47th meeting');
    });

    it('HTML comments and inline directives', () => {
      const [line] = tokenize('<!-- resolution-disable operative-numbering, repeated-opening -->');
      assert.ok(scopesAt(line, '<!--').includes(COMMENT));
      assert.strictEqual(scoped(line, DIRECTIVE), 'resolution-disable');
      assert.strictEqual(scoped(line, RULE_ID), 'operative-numbering|repeated-opening');
      const lines = tokenize(
        '<!-- resolution-disable-next-paragraph preambular-punctuation -->\nNoting the report.\n<!-- a note\nover two lines -->',
      );
      assert.strictEqual(scoped(lines[0], DIRECTIVE), 'resolution-disable-next-paragraph');
      assert.strictEqual(scoped(lines[1], PREAMBULAR), 'Noting');
      assert.ok(scopesAt(lines[3], 'over').includes(COMMENT));
      assert.strictEqual(scopedIn('<!-- just a remark about resolution-disable -->', DIRECTIVE), '');
    });

    it('an unclosed star does not run into the next paragraph', () => {
      const lines = tokenize('*Noting the report\n\n2. *Requests* the Secretariat;');
      assert.strictEqual(scoped(lines[2], PARAGRAPH_NUMBER), '2');
      assert.ok(!scopesAt(lines[2], '2').includes(ITALIC));
    });
  });

  describe('the seeds', () => {
    it('A/RES/75/311: authority line, plain preambular phrases, 44 operative paragraphs, footnotes, meeting line', () => {
      const text = seed('A-RES-75-311');
      const lines = tokenize(text);
      const auth = lineIndex(text, (l) => l.startsWith('The General Assembly'));
      assert.strictEqual(scoped(lines[auth], AUTHORITY), 'The General Assembly');
      const also = lineIndex(text, (l) => l.startsWith('Reaffirming also'));
      assert.strictEqual(scoped(lines[also], PREAMBULAR), 'Reaffirming also');
      assert.strictEqual(scoped(lines[also], SYMBOL), '70/1');

      const numbers = lines.map((l) => scoped(l, PARAGRAPH_NUMBER)).filter(Boolean);
      assert.deepStrictEqual(
        numbers,
        Array.from({ length: 44 }, (_, i) => String(i + 1)),
      );
      // every numbered paragraph shows its italic verb phrase
      const source = text.split(/\r?\n/);
      lines.forEach((l, i) => {
        const m = /^\d+\. \*([^*]+)\*/.exec(source[i]);
        if (m) assert.strictEqual(scoped(l, OPERATIVE_VERB).split('|')[0], m[1], source[i].slice(0, 60));
      });
      const defs = lines.map((l) => scoped(l, FOOTNOTE_DEF)).filter(Boolean);
      assert.deepStrictEqual(defs, ['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹', '¹⁰', '¹¹', '¹²', '¹³', '¹⁴']);
      const meeting = lineIndex(text, (l) => l.includes('plenary meeting'));
      assert.strictEqual(scoped(lines[meeting], MEETING), '93rd plenary meeting');
      assert.strictEqual(scoped(lines[meeting + 1], DATE), '23 July 2021');
    });

    it('CMS 11.31: authority over two lines after the preamble; operative verbs in the preamble are not coloured as operative', () => {
      const text = seed('UNEP-CMS');
      const lines = tokenize(text);
      const auth = lineIndex(text, (l) => l.startsWith('*The Conference of the Parties to the'));
      assert.strictEqual(scoped(lines[auth + 1], AUTHORITY), 'Convention on the Conservation of Migratory Species of Wild Animals');
      const urges = lineIndex(text, (l) => l.startsWith('Urges Parties and non-Parties to strengthen'));
      assert.strictEqual(scoped(lines[urges], OPERATIVE_VERB), '');
      assert.strictEqual(scoped(lines[urges], PREAMBULAR), '');
      const further = lineIndex(text, (l) => l.startsWith('17. '));
      assert.strictEqual(scoped(lines[further], OPERATIVE_VERB), 'Further calls');
      const numbers = lines.map((l) => scoped(l, PARAGRAPH_NUMBER)).filter(Boolean);
      assert.deepStrictEqual(
        numbers,
        Array.from({ length: 21 }, (_, i) => String(i + 1)),
      );
    });

    it('UNTOC COP 12/4: headings, italic preambular phrases, <sup> footnotes, (a) (b) (c)', () => {
      const text = seed('UNTOC-COP');
      const lines = tokenize(text);
      const preambular = lines.map((l) => scoped(l, PREAMBULAR)).filter(Boolean);
      assert.ok(preambular.includes('Recalling also'));
      assert.ok(preambular.includes('Recognizing also'));
      assert.deepStrictEqual(lines.map((l) => scoped(l, SUB_LABEL)).filter(Boolean), ['(a)', '(b)', '(c)']);
      const defs = lines.map((l) => scoped(l, FOOTNOTE_DEF)).filter(Boolean);
      assert.strictEqual(defs[0], '1');
      assert.ok(lines.some((l) => scoped(l, HEADING) !== ''));
    });

    it('A/RES/71/326: a preambular paragraph wrapped in stray stars keeps its phrase', () => {
      const text = seed('A-RES-71-326');
      const lines = tokenize(text);
      const i = lineIndex(text, (l) => l.startsWith('*Taking note also of the *World'));
      assert.strictEqual(scoped(lines[i], PREAMBULAR), 'Taking note also of');
      const numbers = lines.map((l) => scoped(l, PARAGRAPH_NUMBER)).filter(Boolean);
      assert.deepStrictEqual(
        numbers,
        Array.from({ length: 31 }, (_, i) => String(i + 1)),
      );
    });

    it('EU communication (not a resolution): no resolution colouring, only Markdown and footnotes', () => {
      const text = seed('EU-COM');
      const lines = tokenize(text);
      for (const scope of [AUTHORITY, PREAMBULAR, OPERATIVE_VERB, MEETING]) {
        const hits = lines.map((l) => scoped(l, scope)).filter(Boolean);
        assert.deepStrictEqual(hits, [], scope);
      }
      const defs = lines.map((l) => scoped(l, FOOTNOTE_DEF)).filter(Boolean);
      assert.strictEqual(defs.length, 28);
      assert.ok(lines.some((l) => scoped(l, BOLD) !== ''));
    });

    it('every seed tokenizes quickly and completely (no line left in an open region at the end)', () => {
      for (const f of fs.readdirSync(seedsDir).filter((n) => n.endsWith('.txt'))) {
        const text = fs.readFileSync(path.join(seedsDir, f), 'utf8');
        let state = vsctm.INITIAL;
        for (const line of text.split(/\r?\n/)) state = grammar.tokenizeLine(line, state).ruleStack;
        // After the last line (the files end with a blank or closing line) no multi-line region stays open.
        const after = grammar.tokenizeLine('1. *Decides* to conclude;', state);
        const scopes = after.tokens.flatMap((t) => t.scopes);
        assert.ok(scopes.includes(PARAGRAPH_NUMBER), f);
        assert.ok(!scopes.includes(COMMENT) && !scopes.includes('meta.authority-line' + S), f);
      }
    });
  });

  it('negotiation texts: labels, brackets with / alternatives, status tags, notes, proposals, struck and underlined words', () => {
    const S = '.resolution';
    const line = 'OP2 bis *Calls upon* States to [[strongly] combat / address] trafficking (EU: delete) [Agreed ad ref]';
    const [t] = tokenize(line);
    assert.strictEqual(scoped(t, 'entity.name.tag.label.negotiation' + S), 'OP2 bis');
    assert.strictEqual(scoped(t, 'entity.name.function.operative-verb' + S), 'Calls upon');
    assert.strictEqual(scoped(t, 'meta.bracket.negotiation' + S), '[[strongly] combat / address]');
    assert.strictEqual(scoped(t, 'punctuation.separator.alternative.negotiation' + S), ' / ');
    assert.strictEqual(scoped(t, 'entity.name.tag.delegation.negotiation' + S), 'EU');
    assert.strictEqual(scoped(t, 'keyword.other.status-tag.negotiation' + S), '[Agreed ad ref]');
    assert.strictEqual(
      scopedIn("*Facilitator's note: to be discussed.*", 'comment.line.facilitator-note.negotiation' + S),
      "*Facilitator's note: to be discussed.*",
    );
    assert.strictEqual(scopedIn('PP1 *Noting* the ~~full~~ report,', 'markup.deleted.negotiation' + S), '~~full~~');
    // links, footnote references and the front-matter line are no brackets
    assert.strictEqual(scopedIn('see [the report](#)[^1] and', 'meta.bracket.negotiation' + S), '');
    assert.strictEqual(scopedIn('[without reference to a Main Committee (A/71/L.88)]', 'meta.bracket.negotiation' + S), '');
  });
});

// ---------------------------------------------------------------------------------------------
// Language configuration

describe('language configuration', () => {
  const config = JSON.parse(fs.readFileSync(path.join(repoRoot, 'syntaxes', 'language-configuration.json'), 'utf8'));

  it('is the file package.json points at', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const lang = pkg.contributes.languages.find((l: { id: string }) => l.id === 'resolution');
    assert.strictEqual(path.resolve(repoRoot, lang.configuration), path.join(repoRoot, 'syntaxes', 'language-configuration.json'));
    assert.deepStrictEqual(lang.extensions, ['.res.md', '.resolution.md', '.resolution']);
  });

  it('comments, brackets, auto-closing * and **, surrounding pairs', () => {
    assert.deepStrictEqual(config.comments.blockComment, ['<!--', '-->']);
    assert.ok(config.brackets.some((b: string[]) => b[0] === '(' && b[1] === ')'));
    const opens = config.autoClosingPairs.map((p: { open: string }) => p.open);
    for (const o of ['(', '[', '*', '**', '<!--']) assert.ok(opens.includes(o), o);
    const surround = config.surroundingPairs.map((p: string[]) => p[0]);
    for (const o of ['*', '_', '(', '“']) assert.ok(surround.includes(o), o);
    // `*` auto-closes only before a space or punctuation, never in front of a word.
    assert.ok(!/[A-Za-z]/.test(config.autoCloseBefore));
    assert.ok(config.autoCloseBefore.includes(' '));
  });

  it('the word pattern keeps hyphenated words whole and leaves footnote markers out', () => {
    const re = new RegExp(config.wordPattern.pattern, config.wordPattern.flags + 'g');
    assert.deepStrictEqual('non-Parties'.match(re), ['non-Parties']);
    assert.deepStrictEqual('Flora¹,'.match(re), ['Flora']);
    assert.deepStrictEqual('Earth’s ecosystem'.match(re), ['Earth’s', 'ecosystem']);
    assert.deepStrictEqual('Côte d’Ivoire'.match(re), ['Côte', 'd’Ivoire']);
  });

  it('folding markers are valid regular expressions', () => {
    assert.ok(new RegExp(config.folding.markers.start).test('<!-- #region preamble -->'));
    assert.ok(new RegExp(config.folding.markers.end).test('<!-- #endregion -->'));
  });
});

// ---------------------------------------------------------------------------------------------
// Snippets

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

const FIXED_DATE = new Date(Date.UTC(2026, 2, 9));
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function variable(name: string): string {
  switch (name) {
    case 'CURRENT_DATE':
      return String(FIXED_DATE.getUTCDate()).padStart(2, '0');
    case 'CURRENT_MONTH_NAME':
      return MONTHS[FIXED_DATE.getUTCMonth()];
    case 'CURRENT_YEAR':
      return String(FIXED_DATE.getUTCFullYear());
    case 'TM_SELECTED_TEXT':
    case 'CLIPBOARD':
      return '';
    default:
      throw new Error(`snippet uses unknown variable $${name}`);
  }
}

/**
 * Expands a snippet body (TextMate/VS Code snippet syntax) the way VS Code inserts it when the
 * user accepts every default: placeholders give their default text, choices their first option,
 * mirrors repeat the placeholder, variables their value. Throws on malformed syntax.
 */
function expandSnippet(body: string): string {
  const values = new Map<string, string>();
  let pos = 0;

  function parseUntil(stop: string | null): string {
    let out = '';
    while (pos < body.length) {
      const ch = body[pos];
      if (ch === '\\' && pos + 1 < body.length && '$}\\,|'.includes(body[pos + 1])) {
        out += body[pos + 1];
        pos += 2;
      } else if (stop && ch === stop) {
        return out;
      } else if (ch === '$') {
        out += parseDollar();
      } else {
        out += ch;
        pos++;
      }
    }
    if (stop) throw new Error(`unterminated snippet element, expected "${stop}"`);
    return out;
  }

  function parseDollar(): string {
    pos++; // $
    let m = /^(\d+)/.exec(body.slice(pos));
    if (m) {
      pos += m[1].length;
      return values.get(m[1]) ?? '';
    }
    m = /^([A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
    if (m) {
      pos += m[1].length;
      return variable(m[1]);
    }
    if (body[pos] !== '{') return '$';
    pos++; // {
    m = /^(\d+|[A-Z_][A-Z_0-9]*)/.exec(body.slice(pos));
    if (!m) throw new Error(`bad snippet element at ${pos}`);
    const id = m[1];
    pos += id.length;
    const isTab = /^\d+$/.test(id);
    let value: string;
    if (body[pos] === '}') {
      pos++;
      value = isTab ? (values.get(id) ?? '') : variable(id);
    } else if (body[pos] === ':') {
      pos++;
      const inner = parseUntil('}');
      pos++;
      value = isTab ? inner : safeVariable(id, inner);
    } else if (body[pos] === '|' && isTab) {
      pos++;
      const options: string[] = [];
      let cur = '';
      while (pos < body.length && !(body[pos] === '|' && body[pos + 1] === '}')) {
        if (body[pos] === '\\' && ',|\\'.includes(body[pos + 1])) {
          cur += body[pos + 1];
          pos += 2;
        } else if (body[pos] === ',') {
          options.push(cur);
          cur = '';
          pos++;
        } else {
          cur += body[pos++];
        }
      }
      if (pos >= body.length) throw new Error('unterminated choice');
      options.push(cur);
      pos += 2;
      value = options[0];
    } else {
      throw new Error(`bad snippet element \${${id}${body[pos]}`);
    }
    if (isTab && !values.has(id)) values.set(id, value);
    return isTab ? values.get(id)! : value;
  }

  function safeVariable(name: string, fallback: string): string {
    try {
      return variable(name);
    } catch {
      return fallback;
    }
  }

  const text = parseUntil(null);
  return text;
}

describe('snippets', () => {
  const file = path.join(repoRoot, 'snippets', 'resolution.code-snippets');
  const snippets: Record<string, Snippet> = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byPrefix = new Map<string, Snippet>();
  for (const s of Object.values(snippets)) for (const p of ([] as string[]).concat(s.prefix)) byPrefix.set(p, s);
  const expand = (prefix: string) => {
    const s = byPrefix.get(prefix);
    assert.ok(s, `no snippet with prefix ${prefix}`);
    return expandSnippet(([] as string[]).concat(s.body).join('\n'));
  };

  before(async () => {
    if (!grammar) grammar = await loadGrammar();
  });

  it('is the file package.json contributes, valid JSON with the expected prefixes', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const contributed = pkg.contributes.snippets.find((x: { language: string }) => x.language === 'resolution');
    assert.strictEqual(path.resolve(repoRoot, contributed.path), file);
    for (const p of ['resolution', 'pp', 'op', 'sub', 'fn', 'fnsup', 'fncaret', 'meeting']) assert.ok(byPrefix.has(p), p);
    for (const [name, s] of Object.entries(snippets)) {
      assert.ok(s.description && s.description.length > 10, `${name} has a description`);
      assert.ok(([] as string[]).concat(s.body).join('\n').includes('$0'), `${name} ends at $0`);
    }
  });

  it('the expander handles defaults, choices, mirrors, variables and escapes', () => {
    assert.strictEqual(expandSnippet('${1:a ${2:b}} $2 ${3|x,y\\,z|} $3 \\$5 $CURRENT_YEAR$0'), 'a b b x x $5 2026');
    assert.throws(() => expandSnippet('${1:open'));
  });

  it('every snippet body expands with its defaults', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const text = expandSnippet(([] as string[]).concat(s.body).join('\n'));
      assert.ok(text.trim().length > 0, name);
      assert.ok(!/\$\{|\$\d/.test(text), `${name} left snippet syntax: ${text}`);
    }
  });

  it('the skeleton is a resolution: authority line, preamble, numbered operative paragraphs, meeting line', () => {
    const text = expand('resolution');
    const doc = parse(text);
    assert.strictEqual(doc.kind, 'resolution');
    assert.ok(doc.authority, 'authority line');
    assert.strictEqual(doc.authority!.text.replace(/[*,]/g, '').trim(), 'The General Assembly');
    assert.strictEqual(doc.preamble.length, 2);
    for (const p of doc.preamble) {
      assert.ok(p.opening && p.opening.known, p.text);
      assert.strictEqual(p.opening!.italic, 'full');
      assert.strictEqual(p.ending.char, ',');
    }
    assert.deepStrictEqual(
      doc.operative.map((p) => p.number?.value),
      [1, 2],
    );
    assert.deepStrictEqual(
      doc.operative.map((p) => p.ending.char),
      [';', '.'],
    );
    for (const p of doc.operative) assert.strictEqual(p.opening?.italic, 'full');
    assert.ok(doc.meeting, 'meeting line');
    assert.ok(doc.meeting!.text.includes('plenary meeting'));
    assert.strictEqual(doc.citations[0]?.key, '70/1');

    // and the editor colours it as one
    const lines = tokenize(text);
    assert.ok(lines.some((l) => scoped(l, AUTHORITY) === 'The General Assembly'));
    assert.deepStrictEqual(lines.map((l) => scoped(l, PARAGRAPH_NUMBER)).filter(Boolean), ['1', '2']);
    assert.deepStrictEqual(lines.map((l) => scoped(l, PREAMBULAR)).filter(Boolean), ['Recalling', 'Recognizing']);
    assert.ok(lines.some((l) => scoped(l, MEETING) === '93rd plenary meeting'));
  });

  const HEAD = 'The General Assembly,\n\n*Recalling* its resolution 70/1 of 25 September 2015,\n\n';
  const TAIL = '1. *Decides* to remain seized of the matter.\n';

  it('pp: one more preambular paragraph with a known italic opening', () => {
    const doc = parse(HEAD + expand('pp') + TAIL);
    assert.strictEqual(doc.kind, 'resolution');
    assert.strictEqual(doc.preamble.length, 2);
    assert.strictEqual(doc.preamble[1].opening?.known, true);
    assert.strictEqual(doc.preamble[1].opening?.italic, 'full');
    assert.strictEqual(doc.operative.length, 1);
    const plain = parse(HEAD + expand('pp-plain') + TAIL);
    assert.strictEqual(plain.preamble.length, 2);
    assert.strictEqual(plain.preamble[1].opening?.italic, 'none');
  });

  it('op: a numbered operative paragraph with an italic verb', () => {
    const doc = parse(HEAD + expand('op'));
    assert.strictEqual(doc.operative.length, 1);
    const p = doc.operative[0];
    assert.strictEqual(p.number?.value, 1);
    assert.strictEqual(p.opening?.known, true);
    assert.strictEqual(p.opening?.italic, 'full');
    assert.strictEqual(p.ending.char, ';');
  });

  it('sub: (a), (b), (c) under the operative paragraph whose lead-in ends with a colon', () => {
    const doc = parse(HEAD + '1. *Requests* the Secretary-General:\n\n' + expand('sub'));
    assert.strictEqual(doc.operative.length, 1);
    const subs = doc.operative[0].subparagraphs;
    assert.deepStrictEqual(
      subs.map((s) => s.label.text),
      ['(a)', '(b)', '(c)'],
    );
    assert.deepStrictEqual(
      subs.map((s) => s.ending.char),
      [';', ';', ';'],
    );
    assert.strictEqual(subs[1].ending.conjunction, 'and');
  });

  for (const [prefix, style] of [
    ['fn', 'unicode'],
    ['fnsup', 'sup'],
    ['fncaret', 'caret'],
  ] as const) {
    it(`${prefix}: a ${style} marker in the paragraph and its definition below`, () => {
      const before = '*Recognizing* the Convention on International Trade in Endangered Species of Wild Fauna and Flora';
      const after = ' as the primary mechanism for regulating international trade,\n\n';
      const doc = parse('The General Assembly,\n\n' + before + expand(prefix) + after + TAIL);
      assert.strictEqual(doc.footnoteMarkers.length, 1);
      assert.strictEqual(doc.footnoteMarkers[0].label, '1');
      assert.strictEqual(doc.footnoteMarkers[0].style, style);
      assert.strictEqual(doc.footnoteDefinitions.length, 1);
      assert.strictEqual(doc.footnoteDefinitions[0].label, '1');
      // the rest of the paragraph after the definition is re-attached: still one preambular paragraph
      assert.strictEqual(doc.preamble.length, 1);
      assert.ok(doc.preamble[0].text.includes('primary mechanism'));
      assert.strictEqual(doc.preamble[0].ending.char, ',');
    });
  }

  it('meeting: the closing meeting line', () => {
    const doc = parse(HEAD + TAIL + '\n' + expand('meeting'));
    assert.ok(doc.meeting);
    assert.deepStrictEqual(doc.operative.length, 1);
  });
});
