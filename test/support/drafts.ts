/**
 * Drafts for the Word tests: the seeds, an older "base" derived from each (a paragraph the draft
 * added, one it deleted, reworded and moved paragraphs, a renumbering, a changed italic, a
 * footnote the draft added), pairs of corpus resolutions of one series (session 75 and 76), and
 * what a Word reader should find in a document made from a draft.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { Inline, isNote, Layout, noteText } from '../../server/src/core/office/layout';
import { italicizeOpening } from '../../server/src/core/office/export';

export const ROOT = path.resolve(__dirname, '../../..');
export const SEEDS = path.join(ROOT, 'seeds');
export const SHARED = path.resolve(ROOT, '../shared');
export const CORPUS = path.join(SHARED, 'corpus/un-ga-akn4un');

export function seedFiles(): string[] {
  return fs
    .readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => path.join(SEEDS, f));
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  for (const e of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

/**
 * An older version of a draft: what the draft changed, undone. The base lacks the draft's third
 * operative paragraph (the later ones numbered one lower), words of the first preambular paragraph
 * differ, the second and third preambular paragraphs stand the other way round, it has a
 * paragraph the draft deleted, the first operative verb is not italic, and the first footnote
 * reference is not there.
 */
export function derivedBase(draft: string): string {
  const doc = parse(draft);
  const edits: Edit[] = [];
  const pre = doc.preamble.filter((p) => p.fragments.length === 1);
  const ops = doc.operative.filter((p) => p.number && p.fragments.length === 1 && p.subparagraphs.length === 0 && p.listItems.length === 0);
  if (pre.length >= 1) {
    const p = pre[0];
    const words = [...draft.slice(p.start, p.end).matchAll(/\b[a-z]{4,}\b/g)];
    if (words.length >= 3) {
      const w = words[Math.floor(words.length / 2)];
      edits.push({ start: p.start + w.index!, end: p.start + w.index! + w[0].length, text: `${w[0]} and earlier wording` });
    }
  }
  if (pre.length >= 4) {
    const [a, b] = [pre[2], pre[3]];
    if (b.start > a.end) {
      edits.push({ start: a.start, end: a.end, text: draft.slice(b.start, b.end) });
      edits.push({ start: b.start, end: b.end, text: draft.slice(a.start, a.end) });
    }
  }
  if (pre.length >= 2) {
    const p = pre[pre.length - 1];
    edits.push({ start: p.end, end: p.end, text: '\n\nNoting the paragraph of the earlier text that the draft no longer has,' });
  }
  const removed = ops.find((o) => o.number!.value >= 3);
  if (removed) {
    edits.push({ start: removed.start, end: removed.end, text: '' });
    for (const o of doc.operative) {
      if (o.number && o.number.start > removed.end && !o.number.suffix) {
        edits.push({ start: o.number.start, end: o.number.end, text: `${o.number.value - 1}.` });
      }
    }
  }
  const first = doc.operative[0];
  if (first?.opening?.italicSpan && first.opening.italic === 'full' && (!removed || first !== removed)) {
    const s = first.opening.italicSpan;
    edits.push({ start: s.start, end: s.end, text: draft.slice(s.start, s.end).replace(/^[*_]|[*_]$/g, '') });
  }
  const marker = doc.footnoteMarkers[0];
  if (marker && !edits.some((e) => e.start <= marker.start && marker.end <= e.end))
    edits.push({ start: marker.start, end: marker.end, text: '' });
  // Drop edits that overlap (keep the earliest added).
  const kept: Edit[] = [];
  for (const e of edits) if (!kept.some((k) => e.start < k.end && k.start < e.end)) kept.push(e);
  return applyEdits(draft, kept);
}

/**
 * A draft whose first operative paragraph moved to the end, renumbered, reworded and with its
 * footnote changed, the paragraphs around it renumbered: a move with edits nested in it.
 */
export const MOVED_OPERATIVE = {
  base: 'The General Assembly,\n\n1. *Decides* to convene a high-level meeting on the question in 2025;[^1]\n\n2. *Requests* the Secretary-General to submit a report on the implementation;\n\n3. *Encourages* Member States to cooperate fully with the mandate holders;\n\n4. *Invites* the regional commissions to contribute to the review.\n\n[^1]: See resolution 70/1.\n',
  draft:
    'The General Assembly,\n\n1. *Requests* the Secretary-General to submit a report on the implementation;\n\n2. *Encourages* Member States to cooperate fully with the mandate holders;\n\n3. *Invites* the regional commissions to contribute to the review;\n\n4. *Decides* to convene a high-level plenary meeting on the question in 2026;[^1]\n\n[^1]: See resolutions 70/1 and 75/1.\n',
};

/** Pairs of one series: a session-76 resolution and the session-75 one with the same title. */
export function corpusPairs(): Array<{ base: string; draft: string; title: string }> {
  if (!fs.existsSync(CORPUS)) return [];
  const titles = (session: string) => {
    const m = new Map<string, string[]>();
    for (const line of fs.readFileSync(path.join(CORPUS, 'metadata', `${session}.jsonl`), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line);
      const key = normTitle(o.title);
      m.set(key, [...(m.get(key) ?? []), o.symbol]);
    }
    return m;
  };
  const fileOf = (session: string) => {
    const m = new Map<string, string>();
    for (const f of fs.readdirSync(path.join(CORPUS, session))) {
      const mm = /^(?:A_RES_)?(\d+)_(\d+)([A-Z](?:-[A-Z])?|\s[A-Z])?[-_]/.exec(f);
      if (mm && !mm[3]) m.set(`A/RES/${mm[1]}/${mm[2]}`, path.join(CORPUS, session, f));
    }
    return m;
  };
  const t75 = titles('75');
  const t76 = titles('76');
  const f75 = fileOf('75');
  const f76 = fileOf('76');
  const out: Array<{ base: string; draft: string; title: string }> = [];
  for (const [title, syms] of t76) {
    const olds = t75.get(title);
    if (!olds || olds.length !== 1 || syms.length !== 1) continue;
    const base = f75.get(olds[0]);
    const draft = f76.get(syms[0]);
    if (base && draft) out.push({ base, draft, title });
  }
  return out.sort((a, b) => a.draft.localeCompare(b.draft));
}

export function normTitle(t: string): string {
  return String(t ?? '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function pieces(inlines: Inline[], layout: Layout): Array<{ text: string; italic: boolean }> {
  return inlines.map((r) => (isNote(r) ? { text: `[^${noteText(layout, r.note)}]`, italic: false } : { text: r.text, italic: !!r.italic }));
}

/** The paragraphs a Word reader should find in the document made from `layout`, in the reader's notation. */
export function expectedParagraphs(layout: Layout, openings: 'italic' | 'as-written'): string[] {
  return layout.paragraphs.map((p) => {
    const inl = openings === 'italic' && p.opening ? italicizeOpening(p.inlines, p.opening) : p.inlines;
    const ps = [...(p.label ? [{ text: `${p.label}\t`, italic: false }] : []), ...pieces(inl, layout)];
    let out = '';
    let open = false;
    for (const x of ps) {
      if (!x.text) continue;
      if (x.italic !== open) {
        out += '*';
        open = x.italic;
      }
      out += x.text;
    }
    if (open) out += '*';
    return out.replace(/\*\*/g, '');
  });
}

/** The words of a draft's source, markup aside (what must survive any conversion). */
export function sourceWords(text: string): string[] {
  const t = text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/^\s*base\s*:.*$/gim, ' ')
    .replace(/\]\([^)\s]*\)/g, ']')
    .replace(/<sup>[^<]*<\/sup>|\[\^[^\]\s]*\]:?|[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return words(t);
}

export function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words of `need` missing from `have` (as multisets). */
export function missingWords(need: string[], have: string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of have) counts.set(w, (counts.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of need) {
    const c = counts.get(w) ?? 0;
    if (c === 0) missing.push(w);
    else counts.set(w, c - 1);
  }
  return missing;
}
