import * as assert from 'assert';
import { parse } from '../../server/src/core/parser';
import { escapeHtml, inlineHtml, renderDraftHtml } from '../../server/src/core/render/html';
import { readSeed, SEED } from '../support/paths';

describe('the draft in the UN layout (HTML)', () => {
  const draft = [
    'The General Assembly,',
    '',
    '*Recalling* its resolution 70/1 of 25 September 2015,¹',
    '',
    '1. *Calls upon* Member States [to strengthen / to consider strengthening] their laws:',
    '',
    '(a) By criminalizing trafficking;',
    '',
    '(b) By sharing information <script>alert(1)</script>;',
    '',
    '2. *Decides* to remain seized of the matter.',
    '',
    '¹ Resolution 70/1.',
  ].join('\n');
  const html = renderDraftHtml(parse(draft));

  it('lays out the authority line, italic openings, hanging numbers, sub-paragraphs and footnotes at the end', () => {
    assert.match(html, /<p class="authority" data-line="0">The General Assembly,<\/p>/);
    assert.match(
      html,
      /<p class="pp" data-line="2"><em>Recalling<\/em> its resolution 70\/1 of 25 September 2015,<sup class="fn"><a href="#fn-1">1<\/a><\/sup><\/p>/,
    );
    assert.match(html, /<div class="op" data-line="4"><span class="num">1\.<\/span><p><em>Calls upon<\/em> Member States/);
    assert.match(
      html,
      /<div class="sub level-1" data-line="6"><span class="label">\(a\)<\/span><p>By criminalizing trafficking;<\/p><\/div>/,
    );
    assert.match(html, /<span class="num">2\.<\/span><p><em>Decides<\/em> to remain seized of the matter\.<\/p>/);
    assert.ok(html.indexOf('<ol class="footnotes">') > html.indexOf('Decides'), 'footnotes after the text');
    assert.match(html, /<li id="fn-1" value="1" data-line="12">Resolution 70\/1\.<\/li>/);
  });

  it('shows the square brackets of a negotiation text', () => {
    assert.match(html, /<span class="bracket">\[<\/span>to strengthen \/ to consider strengthening<span class="bracket">\]<\/span>/);
  });

  it("escapes everything that is not the draft's own markup", () => {
    assert.ok(!html.includes('<script>'));
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.strictEqual(escapeHtml(`<a href="x" onclick='y'>&`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;');
    assert.strictEqual(
      inlineHtml('**add "sustainable"** and ~~delete~~'),
      '<strong>add &quot;sustainable&quot;</strong> and <del>delete</del>',
    );
  });

  it('renders every paragraph of a seed, each with the line it starts on', () => {
    const doc = parse(readSeed(SEED.ga75));
    const out = renderDraftHtml(doc);
    const ops = out.match(/<div class="op"/g) ?? [];
    assert.strictEqual(ops.length, doc.operative.length);
    const pps = out.match(/<p class="pp"/g) ?? [];
    assert.strictEqual(pps.length, doc.preamble.length);
    for (const p of doc.operative) assert.ok(out.includes(`data-line="${p.range.start.line}"`), `line ${p.range.start.line}`);
  });
});
