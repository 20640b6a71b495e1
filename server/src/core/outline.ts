/** The shape of a resolution as an outline: what the Outline view and breadcrumbs show. */
import type { Range, ResolutionDocument, SubParagraph } from './model';

export interface OutlineNode {
  kind: 'heading' | 'authority' | 'preamble' | 'preambular' | 'operativePart' | 'operative' | 'subparagraph' | 'footnotes' | 'annex';
  name: string;
  detail?: string;
  range: Range;
  selectionRange: Range;
  children: OutlineNode[];
}

/** Strips emphasis markers and collapses white space. */
export function plain(text: string): string {
  return text.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
}

function words(text: string, n: number): string {
  const w = plain(text).split(' ');
  return w.length > n ? w.slice(0, n).join(' ') + '…' : w.join(' ');
}

function sub(s: SubParagraph): OutlineNode {
  return {
    kind: 'subparagraph',
    name: `${s.label.text} ${words(s.text, 6)}`,
    range: s.range,
    selectionRange: s.label.range,
    children: s.children.map(sub),
  };
}

export function outline(doc: ResolutionDocument): OutlineNode[] {
  const out: OutlineNode[] = [];
  if (doc.kind !== 'resolution') {
    for (const b of doc.blocks) {
      if (b.kind === 'heading')
        out.push({ kind: 'heading', name: plain(b.text.replace(/^\s*#+/, '')), range: b.range, selectionRange: b.range, children: [] });
    }
    return out;
  }
  const authority = doc.authority
    ? {
        kind: 'authority' as const,
        name: plain(doc.authority.text),
        range: doc.authority.range,
        selectionRange: doc.authority.range,
        children: [],
      }
    : undefined;
  if (authority && doc.authority!.placement === 'beforePreamble') out.push(authority);
  if (doc.preamble.length) {
    const first = doc.preamble[0];
    const last = doc.preamble[doc.preamble.length - 1];
    out.push({
      kind: 'preamble',
      name: 'Preamble',
      detail: `${doc.preamble.length} paragraphs`,
      range: { start: first.range.start, end: last.range.end },
      selectionRange: first.range.start.line === first.range.end.line ? first.range : { start: first.range.start, end: first.range.start },
      children: doc.preamble.map((p) => ({
        kind: 'preambular' as const,
        name: p.opening ? plain(p.opening.text) : words(p.text, 4),
        detail: words(p.text.slice(p.opening ? p.opening.end - p.start : 0), 8),
        range: p.range,
        selectionRange: p.opening?.range ?? p.range,
        children: [],
      })),
    });
  }
  if (authority && doc.authority!.placement === 'afterPreamble') out.push(authority);
  for (const p of doc.operative) {
    const verb = p.opening ? plain(p.opening.text) : words(p.text, 4);
    out.push({
      kind: 'operative',
      name: p.number ? `${p.number.text} ${verb}` : verb,
      detail: p.opening ? words(p.text.slice(Math.max(0, p.opening.end - p.fragments[0].start)), 8) : undefined,
      range: p.range,
      selectionRange: p.number?.range ?? p.opening?.range ?? p.range,
      children: p.subparagraphs.map(sub),
    });
  }
  for (const a of doc.annexes) {
    if (/annex/i.test(a.text.slice(0, 40)) && a.text.length < 120) {
      out.push({ kind: 'annex', name: plain(a.text.replace(/^\s*#+/, '')), range: a.range, selectionRange: a.range, children: [] });
    }
  }
  return out;
}
