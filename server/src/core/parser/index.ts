/**
 * A tolerant parser for draft resolutions written in light Markdown.
 *
 * text → ResolutionDocument (model.ts). Never throws on any input; every range lies inside the
 * text. The parser works in passes: lines are grouped into blocks (blocks.ts), a small state
 * machine gives each block its role (structure.ts, building nodes with builders.ts), then the
 * whole-document facts are found (finish.ts: front matter, directives, citations, cross-references,
 * each a pure scanner of its own file).
 */
import type { ResolutionDocument } from '../model';
import { LineIndex } from '../text';
import { splitBlocks } from './blocks';
import { emptyDocument, ParseContext, type ParseOptions } from './context';
import { classify } from './structure';
import { finish } from './finish';
import { PARAGRAPH_SUFFIXES } from '../lexicon';

export type { ParseOptions } from './context';
export { superscriptToAscii } from './inline';
export { citationKey } from './citations';

/** The paragraph suffixes of negotiation drafts (from the lexicon). */
export const ORDINAL_SUFFIXES: readonly string[] = PARAGRAPH_SUFFIXES;

function run(source: string, options: ParseOptions): ResolutionDocument {
  const c = new ParseContext(source, options);
  c.raw = splitBlocks(source, c.index, c.numberRe, c.sublabelRe);
  for (let i = 0; i < c.raw.length; i++) classify(c, i);
  finish(c);
  return c.doc;
}

/** Parses without the safety net: throws if the parser has a bug (used by the robustness tests). */
export function parseOrThrow(source: string, options: ParseOptions = {}): ResolutionDocument {
  return run(source, options);
}

/** Parses a draft resolution. Never throws; returns a document of kind 'other' for non-resolutions. */
export function parse(source: string, options: ParseOptions = {}): ResolutionDocument {
  try {
    return run(typeof source === 'string' ? source : String(source ?? ''), options);
  } catch (err) {
    // A parser bug must not take the server down: fall back to a document of plain blocks.
    const index = new LineIndex(source);
    const doc = emptyDocument(source, index);
    doc.blocks.push(index.node(0, source.length, { kind: 'other', text: source }));
    doc.error = `the parser failed (${(err as Error)?.message ?? String(err)}); the text is kept as one plain block`;
    return doc;
  }
}
