import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import { resolveConfig } from '../../server/src/core/config';
import type { CorpusFacts } from '../../server/src/core/findings';
import { RULES } from '../../server/src/core/rules/registry';
import { PhraseKnowledge, phraseKnowledge } from '../../server/src/core/rules/phrase-knowledge';
import { corpusPhraseCounts, suggestPhrase } from '../../server/src/core/phrases';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { ROOT } from '../support/paths';

const draft = (body: string) => `The General Assembly,\n\n*Recalling* its resolution 70/1 of 25 September 2015,\n\n${body}`;
const rules = (text: string, settings?: unknown, corpus?: CorpusFacts) =>
  checkDocument(parse(text), { config: resolveConfig(settings).config, corpus }).map(
    (f) => `${f.range.start.line + 1}:${f.rule}:${f.severity}`,
  );

describe('check registry and configuration', () => {
  it('has every check of the catalogue with its default severity, description, docs link', () => {
    const catalogue: Record<string, string> = {
      'operative-numbering': 'error',
      'subparagraph-sequence': 'error',
      'operative-verb-italic': 'warning',
      'operative-verb-unknown': 'warning',
      'preambular-phrase-unknown': 'information',
      'preambular-italic-consistency': 'warning',
      'operative-in-preamble': 'warning',
      'preambular-in-operative': 'warning',
      'preambular-punctuation': 'warning',
      'operative-punctuation': 'warning',
      'repeated-opening': 'warning',
      'footnote-undefined': 'error',
      'footnote-unused': 'warning',
      'footnote-duplicate': 'error',
      'footnote-sequence': 'warning',
      'cross-reference': 'warning',
      'citation-date': 'warning',
      'authority-line': 'warning',
      'new-language': 'off',
      'bracket-balance': 'error',
      'label-without-base': 'warning',
      'status-tag-unknown': 'information',
      'french-spacing': 'information',
      'french-agreement': 'warning',
    };
    // The catalogue's checks keep their ids and severities (public interface); a check added since
    // stands beside them with its docs page and fixtures (the four files of CONTRIBUTING.md).
    const severities = Object.fromEntries(RULES.map((r) => [r.meta.id, r.meta.defaultSeverity]));
    for (const [id, severity] of Object.entries(catalogue)) assert.strictEqual(severities[id], severity, id);
    for (const r of RULES) {
      if (!(r.meta.id in catalogue))
        assert.ok(
          fs.existsSync(path.join(ROOT, 'test', 'fixtures', r.meta.id)),
          `${r.meta.id} has fixtures in test/fixtures/${r.meta.id}/`,
        );
      assert.ok(r.meta.description.length > 10);
      assert.match(r.meta.docsUrl, new RegExp(`^file://.*/docs/rules/${r.meta.id}\\.md$`));
      assert.ok(fs.existsSync(fileURLToPath(r.meta.docsUrl)), r.meta.docsUrl);
    }
  });

  it('a severity override changes the reported severity; "off" silences the check', () => {
    const text = draft('1. *Decides* to act;\n\n3. *Requests* a report.\n');
    assert.deepStrictEqual(rules(text), ['7:operative-numbering:error']);
    assert.deepStrictEqual(rules(text, { rules: { 'operative-numbering': 'hint' } }), ['7:operative-numbering:hint']);
    assert.deepStrictEqual(rules(text, { rules: { 'operative-numbering': { severity: 'warning' } } }), ['7:operative-numbering:warning']);
    assert.deepStrictEqual(rules(text, { rules: { 'operative-numbering': 'off' } }), []);
  });

  it('repeated-opening: a repeat without "also" is reported one step lower than the check (information by default)', () => {
    const text = draft('1. *Encourages* States to act;\n\n2. *Encourages* donors to give.\n');
    assert.deepStrictEqual(rules(text), ['7:repeated-opening:information']);
    assert.deepStrictEqual(rules(text, { rules: { 'repeated-opening': 'information' } }), ['7:repeated-opening:hint']);
  });

  it('preambular italic style "always" flags plain openings; rule options override the style setting', () => {
    const text = 'The General Assembly,\n\nRecalling its resolution 70/1,\n\nNoting the report,\n\n1. *Decides* to act.\n';
    assert.deepStrictEqual(rules(text), []);
    assert.deepStrictEqual(rules(text, { style: { preambularItalic: 'always' } }), [
      '3:preambular-italic-consistency:warning',
      '5:preambular-italic-consistency:warning',
    ]);
    assert.deepStrictEqual(
      rules(text, { style: { preambularItalic: 'always' }, rules: { 'preambular-italic-consistency': { style: 'never' } } }),
      [],
    );
  });

  it('draft mode accepts "5 bis" after 5 (recognised without the setting), and flags it elsewhere', () => {
    const text = draft('1. *Decides* to act;\n\n1 bis. *Invites* States to act;\n\n2. *Requests* a report.\n');
    assert.deepStrictEqual(rules(text, { draftMode: false }), ['7:operative-numbering:error']);
    assert.deepStrictEqual(rules(text), []);
    assert.deepStrictEqual(rules(text, { draftMode: true }), []);
    const misplaced = draft('1. *Decides* to act;\n\n2. *Invites* States to act;\n\n1 bis. *Requests* a report.\n');
    assert.deepStrictEqual(rules(misplaced), ['9:label-without-base:warning']);
  });

  it('extra phrases from configuration count as known (no unknown-phrase finding, no suggestion)', () => {
    const text = draft('1. *Decides* to act;\n\n2. *Requets* a report.\n');
    assert.deepStrictEqual(rules(text), ['7:operative-verb-unknown:warning']);
    assert.deepStrictEqual(rules(text, { phrases: { operative: ['Requets'] } }), []);
  });

  it('a document that is not a resolution gets only the footnote checks', () => {
    const text =
      '# A communication\n\nThe Commission proposes actions:\n\n- an objective without punctuation\n\nIt will report.¹ And again.²\n\n¹ COM(2016) 87.\n';
    const doc = parse(text);
    assert.strictEqual(doc.kind, 'other');
    assert.deepStrictEqual(rules(text), ['7:footnote-undefined:error']);
  });

  it('citation-date: two dates for one symbol in the document; against the corpus, with a fix to the corpus date', () => {
    const text = draft('*Reaffirming* its resolution 70/1 of 21 October 2015,\n\n1. *Decides* to act.\n');
    assert.deepStrictEqual(rules(text), ['5:citation-date:warning']);
    const corpus: CorpusFacts = { dateOf: (key) => (key === '70/1' ? '2015-09-25' : undefined) };
    const findings = checkDocument(parse(text), { corpus });
    assert.strictEqual(findings.length, 1);
    assert.strictEqual(findings[0].range.start.line, 4);
    assert.match(findings[0].message, /25 September 2015/);
    assert.strictEqual(findings[0].fix!.edits[0].newText, '25 September 2015');
    // the corpus knows better than the first citation: both wrong dates are flagged
    const wrongBoth = checkDocument(parse(text), { corpus: { dateOf: () => '1 January 2016' } });
    assert.strictEqual(wrongBoth.filter((f) => f.rule === 'citation-date').length, 2);
  });

  it('new-language is off by default, reports one hint per new span when on, and nothing without a corpus', () => {
    const text = draft('1. *Decides* to establish an interplanetary working group.\n');
    const corpus: CorpusFacts = {
      dateOf: () => undefined,
      newSpans: (t, kind) => {
        const i = t.indexOf('interplanetary working group');
        return kind === 'operative' && i >= 0 ? [{ start: i, end: i + 'interplanetary working group'.length }] : [];
      },
    };
    assert.deepStrictEqual(rules(text, undefined, corpus), []);
    const on = checkDocument(parse(text), { config: resolveConfig({ rules: { 'new-language': 'hint' } }).config, corpus });
    assert.strictEqual(on.length, 1);
    assert.strictEqual(on[0].severity, 'hint');
    const line = text.split('\n')[on[0].range.start.line];
    assert.strictEqual(line.slice(on[0].range.start.character, on[0].range.end.character), 'interplanetary working group');
    assert.deepStrictEqual(rules(text, { rules: { 'new-language': 'hint' } }), []);
  });

  it('a check that throws on odd input does not stop the others', () => {
    const corpus: CorpusFacts = {
      dateOf: () => {
        throw new Error('corpus broken');
      },
    };
    const text = draft('*Reaffirming* its resolution 70/1 of 21 October 2015,\n\n1. *Decides* to act;\n\n3. *Requests* a report.\n');
    const found = checkDocument(parse(text), { corpus }).map((f) => f.rule);
    assert.ok(found.includes('operative-numbering'));
  });
});

describe('phrase knowledge', () => {
  const k = phraseKnowledge();
  it('knows the catalogue lists and the corpus phrases, with modifiers stripped', () => {
    for (const w of ['Encourages', 'Decides', 'Calls', 'Requests', 'Underscores']) assert.ok(k.isHead('operative', w), w);
    for (const w of ['Recalling', 'Bearing', 'Cognizant', 'Mindful', 'Concerned']) assert.ok(k.isHead('preambular', w), w);
    assert.ok(k.headCount('operative') > 60 && k.headCount('preambular') > 60);
  });
  it('suggests the nearest known phrase for a slip of the keys, never for a known word, not for distant words', () => {
    assert.strictEqual(k.suggest('operative', 'Encurages')?.word, 'Encourages');
    assert.strictEqual(k.suggest('operative', 'Requets')?.word, 'Requests');
    assert.strictEqual(k.suggest('preambular', 'Recaling')?.word, 'Recalling');
    assert.strictEqual(k.suggest('operative', 'Encourages'), undefined);
    assert.strictEqual(k.suggest('operative', 'Salutes'), undefined);
    assert.strictEqual(k.suggest('operative', 'Photosynthesizes'), undefined);
  });
  it('phrases.ts loads the corpus phrase data and suggests through it; extra phrases count as known', () => {
    assert.ok(corpusPhraseCounts('operative')['requests'] > 100, 'corpus counts loaded');
    assert.ok(Object.keys(corpusPhraseCounts('preambular')).length > 100);
    assert.strictEqual(suggestPhrase('operative', 'Urgess'), 'Urges');
    assert.strictEqual(suggestPhrase('operative', 'Urges'), undefined);
    assert.strictEqual(suggestPhrase('operative', 'Salutess', ['Salutess']), undefined);
  });

  it('every check has its documentation page', () => {
    for (const r of RULES) {
      const page = fs.readFileSync(path.join(ROOT, 'docs', 'rules', `${r.meta.id}.md`), 'utf8');
      assert.ok(page.startsWith(`# ${r.meta.id}\n`), r.meta.id);
      for (const h of ['## What it flags', '## Why', '## Examples', '## Options', '## Fix'])
        assert.ok(page.includes(h), `${r.meta.id}: ${h}`);
    }
  });

  it('user phrases are known', () => {
    const mine = new PhraseKnowledge('en', {}, { operative: ['Pays tribute'] });
    assert.ok(mine.isHead('operative', 'Pays'));
    assert.strictEqual(mine.suggest('operative', 'Pays'), undefined);
  });
});
