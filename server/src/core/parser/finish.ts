/** Pass 3: what is decided over the whole document once every block has its role. */
import type { Block, OperativeParagraph } from '../model';
import type { ParseContext } from './context';
import { extraVerbs, opening } from './builders';
import { leadingWordTexts } from './inline';
import { verbLike } from './predicates';
import { frontMatterFacts } from './front-matter';
import { scanDirectives } from './directives';
import { scanCitations } from './citations';
import { scanCrossReferences } from './cross-references';

/** Returns false when it changed the paragraphs the structure pass made (a single operative paragraph, a text that is no resolution). */
export function finish(c: ParseContext): boolean {
  const { doc, source, index, facts } = c;
  const operativeCount = doc.operative.length;
  singleOperative(c);
  const kept = doc.operative.length === operativeCount;
  const hasItalicNumbered = doc.operative.some((p) => p.number && p.opening && p.opening.italic !== 'none');
  doc.kind = doc.authority || hasItalicNumbered ? 'resolution' : 'other';
  if (doc.kind === 'other') {
    // Not a resolution: keep its paragraphs as plain blocks, so no resolution check applies.
    for (const p of [...doc.preamble, ...doc.operative]) {
      for (const blk of doc.blocks) {
        if ((blk.kind === 'preambular' || blk.kind === 'operative') && blk.start >= p.start && blk.end <= p.end) blk.kind = 'other';
      }
    }
    doc.preamble = [];
    doc.operative = [];
  }
  // Every marker in the text counts as a reference, wherever it stands (front matter, prose of a
  // non-resolution, tables), except the marker that opens a footnote definition.
  const defMarkers = new Set(doc.footnoteDefinitions.map((d) => d.marker.start));
  doc.footnoteMarkers = c.allMarkers().filter((m) => !defMarkers.has(m.start));
  if (doc.kind === 'other') {
    for (const blk of doc.blocks) if (blk.kind === 'frontMatter') blk.kind = 'other';
    doc.frontMatter = [];
  }
  Object.assign(doc, frontMatterFacts(source, index, facts, doc.frontMatter, doc.authority, doc.meeting));
  doc.directives.push(...scanDirectives(source, index));
  doc.citations.push(...scanCitations(source, index, facts, paragraphRanges(c.doc.blocks, 0, c.doc.blocks.length)));
  doc.crossReferences.push(...scanCrossReferences(source, index, facts, [...doc.preamble, ...doc.operative]));
  return kept && doc.kind === 'resolution';
}

/** Stretches of text where citations and cross-references are looked for: the paragraphs. */
export function paragraphRanges(blocks: readonly Block[], from: number, to: number): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = from; i < to; i++) {
    const b = blocks[i];
    if (b.kind === 'preambular' || b.kind === 'operative' || b.kind === 'footnoteDefinition' || b.kind === 'other' || b.kind === 'annex')
      out.push([b.start, b.end]);
  }
  return out;
}

/**
 * A resolution whose only operative paragraph stands unnumbered and not italic ("Appoints … .")
 * ends its preamble with it: the last preambular paragraph opens with an operative verb and ends
 * with a full stop. It is the operative part.
 */
function singleOperative(c: ParseContext): void {
  const doc = c.doc;
  if (doc.operative.length || doc.preamble.length < (c.facts.lang === 'zh' ? 1 : 2)) return;
  const last = doc.preamble[doc.preamble.length - 1];
  if (last.ending.char !== '.') return;
  const words = leadingWordTexts(c.source, last.start, Math.min(last.end, last.start + 200), 8);
  const op = c.phrases.match(words, 'operative');
  const isVerbLike = verbLike(c, words[0]);
  // Chinese marks no opening in italics and has no phrase data: a preamble of paragraphs ending
  // "，" that ends with one ending "。" ends with its operative part.
  const zhEnd = c.facts.lang === 'zh' && doc.preamble.slice(0, -1).every((p) => p.ending.char === ',');
  if (!zhEnd && ((!op && !isVerbLike) || c.phrases.opens(words, 'preambular'))) return;
  doc.preamble.pop();
  const { wrappedInItalic: _w, kind: _k, opening: _o, ...base } = last;
  const p: OperativeParagraph = Object.assign(c.index.span(last.start, last.end), base, {
    kind: 'operative' as const,
    opening: opening(c, last.start, last.end, 'operative', last.fragments[0].end),
    extraVerbs: extraVerbs(c, last.start, last.fragments[0].end),
    leadIn: c.index.textNode(last.start, last.end, last.text),
    leadInEnding: last.ending,
    subparagraphs: [],
    listItems: [],
  });
  doc.operative.push(p);
  for (const blk of doc.blocks) if (blk.kind === 'preambular' && blk.start >= p.start && blk.end <= p.end) blk.kind = 'operative';
}
