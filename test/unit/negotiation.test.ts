import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config';
import { applyEdits } from '../../server/src/core/fix';
import fc from 'fast-check';
import {
  EditedText,
  editorialBrackets,
  isNegotiationDraft,
  negotiation,
  statusLine,
  statusReport,
} from '../../server/src/core/negotiation';
import { FIXTURES, loadFixtures } from '../support/fixtures';
import { readSeed, SEED } from '../support/paths';
import { apply, PIECES } from '../support/edits';
import { acceptAlternative, alternativesAt, markAgreed, removeBrackets } from '../../server/src/core/negotiation/commands';

const findings = (text: string, settings?: unknown) =>
  checkDocument(parse(text), { config: resolveConfig(settings).config }).map((f) => `${f.range.start.line + 1}:${f.rule}`);

describe('negotiation texts: fixtures in several styles', () => {
  for (const fx of loadFixtures().filter((f) => f.group === 'negotiation')) {
    const base = path.join(FIXTURES, 'negotiation', fx.name.replace(/\.res\.md$/, ''));
    it(`${fx.name}: no finding of form, the status counts and the clean text expected`, () => {
      assert.deepStrictEqual(findings(fx.text), fx.expected);
      const n = negotiation(fx.text);
      assert.ok(n.isDraft);
      const want = JSON.parse(fs.readFileSync(`${base}.status.json`, 'utf8'));
      assert.deepStrictEqual(statusReport(n), want);
      assert.strictEqual(n.clean.text, fs.readFileSync(`${base}.clean.md`, 'utf8'));
      // the clean text is a final text: no marking left, and checked it has no finding of form
      assert.ok(!negotiation(n.clean.text).isDraft, 'markings left in the clean text');
      assert.deepStrictEqual(findings(n.clean.text), []);
    });
  }
});

describe('negotiation texts: the model', () => {
  it('nested brackets with / alternatives keep their ranges; a bracket of a link or footnote is none', () => {
    const text = 'The General Assembly,\n\n1. *Calls upon* States to [[strongly] combat / address] trafficking, see [the report](#)[^1];\n';
    const n = negotiation(text);
    assert.deepStrictEqual(
      n.brackets.map((b) => text.slice(b.start, b.end)),
      ['[[strongly] combat / address]', '[strongly]'],
    );
    assert.deepStrictEqual(
      n.brackets[0].alternatives.map((a) => text.slice(a.start, a.end)),
      ['[strongly] combat ', ' address'],
    );
    assert.strictEqual(n.brackets[1].depth, 1);
    assert.strictEqual(n.brackets[1].parent, 0);
  });

  it('"/" inside a symbol or "and/or" in a phrase separates no alternatives; [shall/should] does', () => {
    const text = 'The General Assembly,\n\n1. *Recalls* [resolution 70/1 and/or its follow-up] and [shall/should] act.\n';
    const n = negotiation(text);
    assert.deepStrictEqual(
      n.brackets.map((b) => b.alternatives.length),
      [1, 2],
    );
  });

  it('labels PP1, OP3, OP5 bis, OP7 alt, OP7 alt 2, 5 bis. and bold **OP4.**', () => {
    const text = [
      'PP1 *Recalling* x,',
      'OP3 *Decides* y;',
      'OP 5 bis *Invites* z;',
      'OP7 alt *Urges* a;',
      'OP7 alt 2 *Urges* b;',
      '5 bis. *Invites* c;',
      '**OP4.** *Notes* d.',
    ].join('\n\n');
    const n = negotiation(text);
    assert.deepStrictEqual(
      n.labels.map((l) => [l.text, l.base, l.alt ?? null]),
      [
        ['PP1', 'PP1', null],
        ['OP3', 'OP3', null],
        ['OP5 bis', 'OP5 bis', null],
        ['OP7 alt', 'OP7', 0],
        ['OP7 alt 2', 'OP7', 2],
        ['5 bis', '5 bis', null],
        ['OP4', 'OP4', null],
      ],
    );
  });

  it('tags, notes, proposals and struck / underlined words', () => {
    const text =
      'The General Assembly,\n\nPP1 *Noting* the ~~full~~ report (EU: delete), [US: add "sustainable"] (agreed ad ref)\n\n*Facilitator\'s note: to be discussed.*\n\nOP1 *Decides* to act on <u>all</u> matters. [Pending]\n';
    const n = negotiation(text);
    assert.deepStrictEqual(
      n.tags.map((t) => [t.text, t.status, t.style]),
      [
        ['agreed ad ref', 'agreed', 'round'],
        ['Pending', 'pending', 'square'],
      ],
    );
    assert.deepStrictEqual(
      n.proposals.map((p) => [p.parties, p.text]),
      [
        ['EU', 'delete'],
        ['US', 'add "sustainable"'],
      ],
    );
    assert.strictEqual(n.notes.length, 1);
    assert.deepStrictEqual(
      n.changes.map((c) => [c.kind, c.text]),
      [
        ['deletion', 'full'],
        ['insertion', 'all'],
      ],
    );
    assert.strictEqual(n.clean.text, 'The General Assembly,\n\n*Noting* the report,\n\n1. *Decides* to act on all matters.\n');
  });

  it('an adopted text is no negotiation draft: its clean text is itself', () => {
    const text =
      '[without reference to a Main Committee ([A/71/L.88](#))]\n\nThe General Assembly,\n\n*Recalling* that it “recognize[d] the […] value”,\n\n1. *Decides* to act.\n';
    const n = negotiation(text);
    assert.strictEqual(n.isDraft, false);
    assert.strictEqual(n.clean.text, text);
  });

  it('status: the counting rule, and the line the status bar shows', () => {
    const tagged =
      'The General Assembly,\n\nPP1 *Recalling* x, [Agreed ad ref]\n\nOP1 *Decides* [y];\n\nOP2 *Notes* z; [Deleted]\n\nOP3 *Requests* w.\n';
    const r = statusReport(negotiation(tagged));
    assert.deepStrictEqual([r.paragraphs, r.agreed, r.bracketed, r.pending, r.deleted], [4, 1, 1, 1, 1]);
    assert.strictEqual(statusLine(r), '1 of 4 paragraphs agreed ad ref, 1 with brackets, 1 pending, 1 deleted');
    // a document that tags no agreement: untagged paragraphs are agreed
    const untagged = 'The General Assembly,\n\nPP1 *Recalling* x,\n\nOP1 *Decides* [y];\n\nOP2 *Requests* w.\n';
    const u = statusReport(negotiation(untagged));
    assert.deepStrictEqual([u.agreed, u.bracketed, u.pending], [2, 1, 0]);
    // a [Deleted] tag wins over brackets, brackets over an agreed tag
    const mixed = 'The General Assembly,\n\nOP1 *Decides* [y]; [Deleted]\n\nOP2 *Decides* [z]. [Agreed ad ref]\n';
    assert.deepStrictEqual(
      statusReport(negotiation(mixed)).byParagraph.map((p) => p.status),
      ['deleted', 'bracketed'],
    );
  });
});

describe('negotiation texts: checks', () => {
  it('"5 bis" makes a negotiation draft (no numbering finding); draftMode false restores the old rule', () => {
    const text =
      'The General Assembly,\n\n*Recalling* x,\n\n1. *Decides* to act;\n\n1 bis. *Invites* States to act;\n\n2. *Requests* a report.\n';
    assert.deepStrictEqual(findings(text), []);
    assert.deepStrictEqual(findings(text, { draftMode: false }), ['7:operative-numbering']);
  });

  it('a paragraph ending is judged with its status tag set aside; the fix sets the punctuation before the tag', () => {
    const text =
      'The General Assembly,\n\n*Recalling* x, [Agreed ad ref]\n\n1. *Decides* to act [Agreed ad ref]\n\n2. *Requests* a report. [Agreed ad ref]\n';
    const all = checkDocument(parse(text));
    assert.deepStrictEqual(
      all.map((f) => `${f.range.start.line + 1}:${f.rule}`),
      ['5:operative-punctuation'],
    );
    assert.strictEqual(applyEdits(text, all[0].fix!.edits), text.replace('to act [', 'to act; ['));
  });

  it('no fix touches text inside brackets: the finding stays, its fix is dropped', () => {
    const text = 'The General Assembly,\n\n*Recalling* x,\n\n1. [*Encurages* States to act;]\n\n2. *Requests* a report.\n';
    const all = checkDocument(parse(text));
    const unknown = all.find((f) => f.rule === 'operative-verb-unknown');
    assert.ok(unknown, 'the unknown verb is still reported');
    assert.strictEqual(unknown!.fix, undefined);
  });

  it('an opening phrase cut by a bracket gives no italics finding', () => {
    const text =
      'The General Assembly,\n\n*Noting* [with concern / with deep concern] the report,\n\n*Recalling* x,\n\n1. *Decides* to act.\n';
    assert.deepStrictEqual(findings(text), []);
  });

  it('the offset map of the text as adopted: left and right of a removed marking', () => {
    const src = 'ab [x] cd';
    const t = new EditedText(src, [
      { start: 3, end: 4, text: '' },
      { start: 5, end: 6, text: '' },
    ]);
    assert.strictEqual(t.text, 'ab x cd');
    assert.strictEqual(t.toSource(3, 'left'), 3);
    assert.strictEqual(t.toSource(3, 'right'), 4);
    assert.strictEqual(t.toSource(4, 'left'), 5);
    assert.strictEqual(t.toSource(4, 'right'), 6);
    assert.ok(t.copied(0, 2));
    assert.ok(!t.copied(2, 5));
  });
});

describe('negotiation texts: commands', () => {
  const apply = (text: string, edits: Array<{ start: number; end: number; text: string }>) =>
    [...edits].sort((a, b) => b.start - a.start).reduce((t, e) => t.slice(0, e.start) + e.text + t.slice(e.end), text);
  const text =
    'The General Assembly,\n\nPP1 *Recalling* x, [Agreed ad ref]\n\nOP1 *Calls upon* States to [[strongly] combat / address] trafficking;\n\nOP2 *Requests* a report; [Pending]\n\nOP2 alt *Requests* a short report;\n\nOP3 *Decides* to act.\n';
  const at = (s: string) => text.indexOf(s);

  it('Accept alternative keeps one alternative of a bracket, or one paragraph of an alt group', () => {
    assert.deepStrictEqual(alternativesAt(text, at('combat')), { kind: 'bracket', choices: ['[strongly] combat', 'address'] });
    assert.strictEqual(apply(text, acceptAlternative(text, at('combat'), 1)), text.replace('[[strongly] combat / address]', 'address'));
    assert.strictEqual(alternativesAt(text, at('short'))!.kind, 'paragraph');
    const kept = apply(text, acceptAlternative(text, at('short'), 1));
    assert.ok(!kept.includes('OP2 *Requests* a report; [Pending]'));
    assert.ok(kept.includes('OP2 *Requests* a short report;\n\nOP3'), kept);
  });

  it('Remove brackets removes the innermost pair at the cursor; Mark agreed ad ref replaces or adds the tag', () => {
    assert.strictEqual(apply(text, removeBrackets(text, at('strongly'))), text.replace('[strongly]', 'strongly'));
    assert.strictEqual(apply(text, markAgreed(text, at('a report'))), text.replace('report; [Pending]', 'report; [Agreed ad ref]'));
    assert.strictEqual(apply(text, markAgreed(text, at('to act'))), text.replace('to act.', 'to act. [Agreed ad ref]'));
  });
});

describe('the lexical pass of negotiation markings', () => {
  it('finds the editorial brackets of quotations where the one pattern of them does, in any text', () => {
    const pattern = /(?<=\p{L})\[\p{Ll}{1,3}\]|\[\p{L}{1,2}\](?=\p{L})|\[(?:…|\.\.\.)\]/gu;
    const piece = fc.constantFrom('[', ']', 'a', 'B', 'é', 'Ж', '𝐀', ' ', '…', '.', 'd', 'the', '[t]', '[...]', '[ab]', '[Abc]', '[abcd]');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const expected = [...text.matchAll(pattern)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
        assert.deepStrictEqual(editorialBrackets(text), expected, text);
      }),
      { numRuns: 2000 },
    );
  });

  it('tells a draft from a final text as the full analysis does', () => {
    const piece = fc.constantFrom(
      'Requests the Secretary-General ',
      '[',
      ']',
      '[Agreed]',
      '(pending)',
      '(EU: delete)',
      '[Proposed by Norway]',
      '~~x~~',
      '<del>y</del>',
      '<u>z</u>',
      '++w++',
      '\nOP3 ',
      '\n5 bis. ',
      '*Facilitator’s note: later*',
      'recognize[d]',
      '[^1]',
      '[a](b)',
      '`c`',
      '<!-- [x] -->',
      '\n\n',
      '(a) ',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.strictEqual(isNegotiationDraft(text, undefined, parse(text).lineStarts), negotiation(text).isDraft, text);
      }),
      { numRuns: 300 },
    );
  });

  it('tells a draft from a final text as the full analysis does, edit after edit of a final text (the lines around each edit read alone)', () => {
    const texts = [SEED.ga75, SEED.ga71, SEED.cms, SEED.untoc].map(readSeed);
    const piece = fc.constantFrom(
      ...PIECES,
      '(Facilitator’s\n\n\n\nnote',
      ': later)',
      '\n\n\n\n\n\n',
      '-->',
      '<!--',
      '</del>',
      '<del>',
      '~~',
    );
    const step = fc.record({
      at: fc.nat(),
      remove: fc.oneof(fc.constant(0), fc.nat(3), fc.nat(400)),
      insert: fc.oneof(piece, fc.constant(''), fc.string({ maxLength: 3 })),
    });
    let shortcuts = 0;
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(step, { minLength: 1, maxLength: 8 }), (k, steps) => {
        let text = texts[k];
        assert.strictEqual(isNegotiationDraft(text), false, 'a seed is a final text');
        for (const e of steps) {
          const before = text;
          text = apply(text, e);
          const expected = negotiation(text).isDraft;
          if (!expected && !isNegotiationDraft(before) && !before.includes('<')) shortcuts++;
          assert.strictEqual(isNegotiationDraft(text), expected, JSON.stringify(e));
        }
      }),
      { numRuns: 60 },
    );
    assert.ok(shortcuts > 20, `${shortcuts} edits decided from their lines`);
  });

  it('finds a marking an edit completes far from where it opens, and one an edit uncovers', () => {
    const base = readSeed(SEED.ga75);
    const mid = base.indexOf('\n\n', base.length >> 1);
    assert.strictEqual(isNegotiationDraft(base), false);
    // a note whose head runs over blank lines, completed by the colon typed after it
    const open = base.slice(0, mid) + '\n\n(Facilitator’s\n\n\n\n\n\n\n\nnote later)' + base.slice(mid);
    assert.strictEqual(isNegotiationDraft(open), false);
    const at = open.indexOf('note later)') + 4;
    const noted = open.slice(0, at) + ':' + open.slice(at);
    assert.strictEqual(isNegotiationDraft(noted), true);
    // a bracket hidden in inline code, shown when the code's closing mark is deleted, then hidden again
    const coded = base.slice(0, mid) + '\n\nSee `[x]` here.' + base.slice(mid);
    assert.strictEqual(isNegotiationDraft(coded), false);
    const tick = coded.indexOf(']`') + 1;
    const shown = coded.slice(0, tick) + coded.slice(tick + 1);
    assert.strictEqual(isNegotiationDraft(shown), true);
    assert.strictEqual(isNegotiationDraft(coded), false);
  });
});
