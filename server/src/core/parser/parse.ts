/** A full parse: blocks, then roles, then the whole-document facts. */
import type { ResolutionDocument } from '../model';
import { LineIndex } from '../text';
import { splitBlocks } from './blocks';
import { emptyDocument, ParseContext, type ParseOptions } from './context';
import { classifyTraced, keepTrace } from './trace';
import { finish } from './finish';

function run(source: string, options: ParseOptions): ResolutionDocument {
  const c = new ParseContext(source, options);
  c.wholeSource = true;
  c.raw = splitBlocks(source, c.index, c.numberRe, c.sublabelRe);
  const flags = new Uint8Array(c.blockCount);
  for (let i = 0; i < flags.length; i++) classifyTraced(c, i, flags);
  const plain = finish(c);
  if (plain && c.doc.blocks.length === flags.length) keepTrace(c, options, flags, 0);
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
