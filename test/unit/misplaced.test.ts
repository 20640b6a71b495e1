/** Paragraphs on the wrong side of the authority line are reported as such, never renumbered. */
import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { fixAll, renumberOperativeEdits } from '../../server/src/core/fix';
import { defaultConfig } from '../../server/src/core/config';
import { misplacedPreambular } from '../../server/src/core/rules/util';
import { phraseKnowledge } from '../../server/src/core/rules/phrase-knowledge';

const check = (t: string) => checkDocument(parse(t));
const rules = (t: string) => check(t).map((f) => `${f.range.start.line + 1}:${f.rule}`);

describe('misplaced paragraphs', () => {
  it('an italic operative verb unnumbered in the preamble is operative-in-preamble; numbering and renumbering leave it alone', () => {
    const text =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n*Urges* Parties to act,\n\n*Noting* the report,\n\n1. *Decides* to act;\n\n2. *Requests* a report.\n';
    const doc = parse(text);
    assert.strictEqual(doc.preamble.length, 3);
    assert.deepStrictEqual(
      doc.operative.map((p) => p.number?.value),
      [1, 2],
    );
    assert.deepStrictEqual(rules(text), ['5:operative-in-preamble']);
    assert.deepStrictEqual(renumberOperativeEdits(doc), []);
    assert.strictEqual(fixAll(text, check).text, text);
  });

  it('an unnumbered "Resolves that:" before a list numbered from 1 stays the operative lead-in', () => {
    const doc = parse(
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n*Resolves* that:\n\n1. The Committee shall meet;\n\n2. The Committee shall report.\n',
    );
    assert.strictEqual(doc.preamble.length, 1);
  });

  it('an unnumbered *Welcoming* among operative paragraphs is preambular-in-operative, with no numbering finding, and renumbering skips it', () => {
    const text =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Decides* to act;\n\n*Welcoming* the progress made;\n\n3. *Requests* a report on paragraph 1 above.\n';
    assert.deepStrictEqual(rules(text), ['7:preambular-in-operative', '9:operative-numbering']);
    const doc = parse(text);
    const out = fixAll(text, check).text;
    assert.match(out, /\n\*Welcoming\* the progress made;\n\n2\. \*Requests\* a report on paragraph 1 above\./);
    assert.deepStrictEqual(misplacedPreambular(doc, phraseKnowledge(defaultConfig().phrases)), new Set([1]));
    const comma = text.replace('made;', 'made,').replace('3. *Requests*', '2. *Requests*');
    assert.deepStrictEqual(rules(comma), ['7:preambular-in-operative']);
  });
});

describe('omnibus sections', () => {
  it('a section with a single unnumbered paragraph is no numbering finding, and fix-all leaves it unnumbered', () => {
    const text = [
      'The General Assembly,',
      '',
      '*Recalling* its resolution 70/1,',
      '',
      '## I',
      '',
      '1. *Decides* to act;',
      '',
      '2. *Requests* a report;',
      '',
      '## II',
      '',
      '*Approves* the budget;',
      '',
      '## III',
      '',
      '1. *Invites* States to act;',
      '',
      '2. *Decides* to remain seized of the matter.',
      '',
    ].join('\n');
    assert.deepStrictEqual(
      check(text).filter((f) => f.rule === 'operative-numbering'),
      [],
    );
    assert.strictEqual(fixAll(text, check).text, text);
  });
});
