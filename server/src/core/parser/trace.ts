/**
 * What a parse remembers so that the next version of the text can be re-parsed by block: the state
 * of the structure pass when it reached each block, and which blocks looked ahead at later ones.
 */
import type { ResolutionDocument } from '../model';
import type { LineIndex } from '../text';
import type { ParseContext, ParseOptions, Part } from './context';
import { classify } from './structure';

export interface Trace {
  options: ParseOptions;
  index: LineIndex;
  /** Per block: the state when the block was read (entryFlags) and REPLACED when it changed the current paragraph. */
  flags: Uint8Array;
  /** Pairs (block, last block its role depended on), by block. */
  look: number[];
  /** Re-parses since the last full parse. */
  generation: number;
}

export const REPLACED = 128;
const NO_CURRENT = 64;
const PARTS: Part[] = ['front', 'preamble', 'operative', 'closing', 'annex'];

const traces = new WeakMap<ResolutionDocument, Trace>();

export function traceOf(doc: ResolutionDocument): Trace | undefined {
  return traces.get(doc);
}

/** The state of the structure pass as one byte. */
export function entryFlags(c: ParseContext): number {
  return PARTS.indexOf(c.state) | (c.pageBreak ? 8 : 0) | (c.listMode ? 16 : 0) | (c.adopting ? 32 : 0) | (c.current ? 0 : NO_CURRENT);
}

/** Restores the scalar state of entryFlags (the current paragraph is given apart). */
export function restoreFlags(c: ParseContext, flags: number): void {
  c.state = PARTS[flags & 7];
  c.pageBreak = (flags & 8) !== 0;
  c.listMode = (flags & 16) !== 0;
  c.adopting = (flags & 32) !== 0;
}

export function hasCurrent(flags: number): boolean {
  return (flags & NO_CURRENT) === 0;
}

/** Gives block i its role, noting the state it was read in. */
export function classifyTraced(c: ParseContext, i: number, flags: Uint8Array): void {
  c.at = i;
  const before = c.current;
  let f = entryFlags(c);
  classify(c, i);
  if (c.current !== before) f |= REPLACED;
  flags[i] = f;
}

export function keepTrace(c: ParseContext, options: ParseOptions, flags: Uint8Array, generation: number): void {
  const look: number[] = [];
  c.look.forEach((extent, block) => look.push(block, extent));
  traces.set(c.doc, { options, index: c.index, flags, look, generation });
}
