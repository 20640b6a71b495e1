/**
 * Comparing two revisions of a draft (L.12 and L.12/Rev.1, a zero draft and Rev.2): the
 * paragraphs of each (preambular and operative, with their labels and lines) aligned by
 * similarity, then a word diff inside each aligned pair. Builds on align.ts; plain TypeScript.
 */
import { negotiation, type NegotiationParagraph } from '../negotiation';
import { alignParagraphs, summarize, type AlignedPair, type AlignSummary } from './align';
import type { WordDiffPart } from './words';

export interface RevisionParagraph {
  label: string;
  /** 1-based line of its first line. */
  line: number;
}

export interface ComparedPair {
  old: RevisionParagraph | null;
  new: RevisionParagraph | null;
  kind: AlignedPair['kind'];
  similarity: number;
  diff: WordDiffPart[];
}

/** The result of `resolution compare --format json`, exactly. */
export interface Comparison {
  summary: AlignSummary;
  pairs: ComparedPair[];
}

/** A comparison with what an editor view needs besides: offsets and split / merge hints. */
export interface DetailedComparison extends Comparison {
  details: Array<{ oldRange?: [number, number]; newRange?: [number, number]; splitFrom?: string; mergedInto?: string }>;
}

/** The paragraphs of a text for comparison: preambular and operative, each with its source text. */
export function revisionParagraphs(text: string): Array<NegotiationParagraph & { text: string }> {
  return negotiation(text).paragraphs.map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
}

/** Leading label or number of a paragraph's text, which the word diff leaves out ("OP3 ", "5 bis. "). */
const LABEL =
  /^\s*(?:\[\s*)?(?:\*\*)?(?:(?:PP|OP)\s?\d{1,3}(?:\s*(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?(?:\s*alt(?:\s*\d{1,2})?)?[.:)]?|\d{1,3}(?:\s+(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|decies))?(?:\s+alt(?:\s*\d{1,2})?)?\.)(?:\*\*)?[ \t]+/;

export function paragraphBody(text: string): string {
  const m = LABEL.exec(text);
  if (!m) return text;
  // keep an opening bracket of a whole bracketed paragraph
  const bracket = /^\s*\[/.test(m[0]) ? '[' : '';
  return bracket + text.slice(m[0].length);
}

export function compareTexts(oldText: string, newText: string): DetailedComparison {
  const oldParas = revisionParagraphs(oldText);
  const newParas = revisionParagraphs(newText);
  const aligned = alignParagraphs(
    oldParas.map((p) => paragraphBody(p.text)),
    newParas.map((p) => paragraphBody(p.text)),
  );
  const ref = (p: NegotiationParagraph | undefined): RevisionParagraph | null => (p ? { label: p.label, line: p.line + 1 } : null);
  const pairs: ComparedPair[] = [];
  const details: DetailedComparison['details'] = [];
  for (const a of aligned) {
    const o = a.old === null ? undefined : oldParas[a.old];
    const n = a.new === null ? undefined : newParas[a.new];
    pairs.push({ old: ref(o), new: ref(n), kind: a.kind, similarity: a.similarity, diff: a.diff.map((d) => ({ op: d.op, text: d.text })) });
    details.push({
      oldRange: o ? [o.start, o.end] : undefined,
      newRange: n ? [n.start, n.end] : undefined,
      splitFrom: a.splitFrom !== undefined ? oldParas[a.splitFrom]?.label : undefined,
      mergedInto: a.mergedInto !== undefined ? newParas[a.mergedInto]?.label : undefined,
    });
  }
  return { summary: summarize(aligned), pairs, details };
}

/** "3 paragraphs added, 2 deleted, 1 moved, 14 changed" (and how many are unchanged). */
export function summaryLine(s: AlignSummary): string {
  const plural = (n: number) => (n === 1 ? 'paragraph' : 'paragraphs');
  return `${s.added} ${plural(s.added)} added, ${s.deleted} deleted, ${s.moved} moved, ${s.changed} changed, ${s.unchanged} unchanged`;
}

/** One line per pair, with the word diff inline: [-deleted-] {+inserted+}. */
export function comparisonText(c: DetailedComparison): string[] {
  const lines: string[] = [];
  c.pairs.forEach((p, k) => {
    const d = c.details[k];
    const inline = p.diff
      .map((x) => (x.op === 'equal' ? x.text : x.op === 'delete' ? `[-${x.text}-]` : `{+${x.text}+}`))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
    const short = (s: string) => (s.length > 240 ? s.slice(0, 237) + '…' : s);
    switch (p.kind) {
      case 'unchanged':
        lines.push(`  = ${p.new!.label} (line ${p.new!.line})${p.old!.label !== p.new!.label ? ` was ${p.old!.label}` : ''}`);
        break;
      case 'changed':
        lines.push(
          `  ~ ${p.new!.label} (line ${p.new!.line})${p.old!.label !== p.new!.label ? ` was ${p.old!.label}` : ''}, similarity ${p.similarity}: ${short(inline)}`,
        );
        break;
      case 'moved':
        lines.push(
          `  > ${p.new!.label} (line ${p.new!.line}) moved from ${p.old!.label}${p.similarity < 1 ? `, similarity ${p.similarity}: ${short(inline)}` : ''}`,
        );
        break;
      case 'added':
        lines.push(`  + ${p.new!.label} (line ${p.new!.line}) added${d.splitFrom ? `, split from ${d.splitFrom}` : ''}: ${short(inline)}`);
        break;
      case 'deleted':
        lines.push(
          `  - ${p.old!.label} (old line ${p.old!.line}) deleted${d.mergedInto ? `, merged into ${d.mergedInto}` : ''}: ${short(inline)}`,
        );
        break;
    }
  });
  return lines;
}
