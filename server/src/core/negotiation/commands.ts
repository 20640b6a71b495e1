/**
 * The negotiator's edits, as offset edits over the draft (each command is one edit set, one undo):
 * Accept alternative, Remove brackets, Mark agreed ad ref. Plain TypeScript.
 */
import { negotiation, type Bracket, type Negotiation, type NegotiationParagraph, type NegotiationSettings } from './index';
import type { OffsetEdit } from './edits';

export interface Alternatives {
  /** 'bracket': the alternatives of a `[a / b]` span; 'paragraph': a paragraph and its `alt` paragraphs. */
  kind: 'bracket' | 'paragraph';
  /** The alternatives as text (trimmed), in order. */
  choices: string[];
}

/** The innermost bracket around an offset (or touching it), if any. */
function bracketAt(n: Negotiation, offset: number, withAlternatives = false): Bracket | undefined {
  const around = n.brackets.filter((b) => offset >= b.start && offset <= b.end && (!withAlternatives || b.alternatives.length > 1));
  return around.sort((a, b) => b.depth - a.depth)[0];
}

function paragraphAt(n: Negotiation, offset: number): NegotiationParagraph | undefined {
  let best: NegotiationParagraph | undefined;
  for (const p of n.paragraphs) if (p.start <= offset) best = p;
  return best;
}

/** The group of alternative paragraphs the paragraph at an offset belongs to (base first). */
function paragraphGroup(n: Negotiation, p: NegotiationParagraph): NegotiationParagraph[] {
  const i = n.paragraphs.indexOf(p);
  const head = p.alternativeOf ?? i;
  const group = n.paragraphs.filter((q, k) => k === head || q.alternativeOf === head);
  return group.length > 1 ? group : [];
}

export function alternativesAt(source: string, offset: number, settings?: NegotiationSettings): Alternatives | undefined {
  const n = negotiation(source, settings);
  const b = bracketAt(n, offset, true);
  if (b) return { kind: 'bracket', choices: b.alternatives.map((a) => source.slice(a.start, a.end).trim()) };
  const p = paragraphAt(n, offset);
  const group = p ? paragraphGroup(n, p) : [];
  if (group.length) return { kind: 'paragraph', choices: group.map((q) => source.slice(q.start, q.end).replace(/\s+/g, ' ').trim()) };
  return undefined;
}

/** Keeps alternative `choice` (0-based) of the bracket or paragraph group at an offset and drops the others. */
export function acceptAlternative(source: string, offset: number, choice: number, settings?: NegotiationSettings): OffsetEdit[] {
  const n = negotiation(source, settings);
  const b = bracketAt(n, offset, true);
  if (b) {
    const alt = b.alternatives[choice];
    if (!alt) return [];
    return [{ start: b.start, end: b.end, text: source.slice(alt.start, alt.end).trim() }];
  }
  const p = paragraphAt(n, offset);
  const group = p ? paragraphGroup(n, p) : [];
  const keep = group[choice];
  if (!keep) return [];
  const edits: OffsetEdit[] = [];
  const base = group[0].labelNode;
  for (const q of group) {
    if (q === keep) continue;
    // the paragraph goes with the white space before it
    let s = q.start;
    while (s > 0 && /\s/.test(source[s - 1])) s--;
    edits.push({ start: s, end: q.end, text: '' });
  }
  // the kept alternative takes the base label ("OP7 alt 2" → "OP7")
  const l = keep.labelNode;
  if (l && l.alt !== undefined && base) {
    const text = source.slice(l.start, l.end);
    edits.push({ start: l.start, end: l.end, text: text.replace(/\s*alt(?:ernative)?\.?(?:\s*\d{1,2})?/, '') });
  }
  return edits;
}

/** Removes the brackets of the innermost bracketed span at an offset (its text stays). */
export function removeBrackets(source: string, offset: number, settings?: NegotiationSettings): OffsetEdit[] {
  const b = bracketAt(negotiation(source, settings), offset);
  if (!b) return [];
  return [
    { start: b.start, end: b.start + 1, text: '' },
    { start: b.end - 1, end: b.end, text: '' },
  ];
}

/** Tags the paragraph at an offset `[Agreed ad ref]`, replacing its status tag if it has one. */
export function markAgreed(source: string, offset: number, settings?: NegotiationSettings, tag = '[Agreed ad ref]'): OffsetEdit[] {
  const n = negotiation(source, settings);
  const p = paragraphAt(n, offset);
  if (!p) return [];
  const status = p.tags.find((t) => t.status !== 'unknown' && t.status !== 'other') ?? p.tags[0];
  if (status) return [{ start: status.start, end: status.end, text: tag }];
  let e = p.end;
  while (e > p.start && /\s/.test(source[e - 1])) e--;
  return [{ start: e, end: e, text: ` ${tag}` }];
}
