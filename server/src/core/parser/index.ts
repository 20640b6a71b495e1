/**
 * A tolerant parser for draft resolutions written in light Markdown.
 *
 * text → ResolutionDocument (model.ts). Never throws on any input; every range lies inside the
 * text. The parser works in passes: lines are grouped into blocks (blocks.ts), a small state
 * machine gives each block its role (structure.ts, building nodes with builders.ts), then the
 * whole-document facts are found (finish.ts: front matter, directives, citations, cross-references,
 * each a pure scanner of its own file).
 */
export type { ParseOptions } from './context';
export { superscriptToAscii } from './inline';
export { citationKey } from './citations';
export { parse, parseOrThrow } from './parse';
export { commonEnds, reparse } from './incremental';
import { PARAGRAPH_SUFFIXES } from '../lexicon';

/** The paragraph suffixes of negotiation drafts (from the lexicon). */
export const ORDINAL_SUFFIXES: readonly string[] = PARAGRAPH_SUFFIXES;
