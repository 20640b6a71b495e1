/**
 * A draft as a Word document sees it: a flat list of paragraphs, each with a role (header line,
 * title, authority line, preambular or operative paragraph, sub-paragraph, closing …), its
 * number or label, and its inline content (text runs with italics or bold, footnote references);
 * plus the footnotes' content. Built from the document model (parser.ts), so a paragraph broken
 * by a page break in the source is one paragraph here. Plain TypeScript, no LSP import.
 *
 * The Word writer (docx.ts) and the redline (redline.ts) both work from this layout; its plain
 * text form (`paragraphPlainText`) is what "the same draft" means when an exported or redlined
 * file is read back.
 */
import { parse, superscriptToAscii } from '../parser';
import type { ResolutionDocument, SubParagraph } from '../model';

export interface TextRun {
  text: string;
  italic?: boolean;
  bold?: boolean;
}

/** A footnote reference: the label of the note as written in the draft. */
export interface NoteRef {
  note: string;
}

export type Inline = TextRun | NoteRef;

export type Role = 'header' | 'title' | 'heading' | 'authority' | 'preambular' | 'operative' | 'subparagraph' | 'closing' | 'text';

export interface LayoutParagraph {
  role: Role;
  /** Operative number or sub-paragraph label as written ("5.", "5 bis.", "(a)", "(ii)"). */
  label?: string;
  /** Indent level: 0 for body paragraphs, 1 for (a), 2 for (i) … */
  level: number;
  inlines: Inline[];
  /** The opening phrase of a preambular or operative paragraph, as plain text ("Recalling also"). */
  opening?: string;
}

export interface Layout {
  paragraphs: LayoutParagraph[];
  /** Footnote content by label. */
  notes: Map<string, Inline[]>;
  symbol?: string;
  title?: string;
  /** The base text named in the front matter (`base: A/RES/78/13`). */
  base?: string;
  doc: ResolutionDocument;
}

export function isNote(i: Inline): i is NoteRef {
  return (i as NoteRef).note !== undefined;
}

/** Front matter lines that are settings for the tools, not text of the resolution. */
export const SETTING_LINE = /^\s*base\s*:\s*(.*?)\s*$/i;

/** The base named in a draft's front matter (`base: A/RES/78/13`), if any. */
export function declaredBase(doc: ResolutionDocument): string | undefined {
  for (const b of doc.frontMatter) {
    for (const line of b.text.split(/\r?\n/)) {
      const m = SETTING_LINE.exec(line);
      if (m && m[1]) return m[1];
    }
  }
  const head = doc.source.slice(0, 2000).split(/\r?\n/).slice(0, 20);
  for (const line of head) {
    const m = SETTING_LINE.exec(line);
    if (m && m[1]) return m[1];
  }
  return undefined;
}

interface Delim {
  ch: string;
  len: number;
  pos: number;
}

/**
 * Inline Markdown of a draft → runs: `*italic*` / `_italic_`, `**bold**`, links reduced to their
 * text, footnote markers (¹, <sup>1</sup>, [^1]) to references, HTML comments and tags dropped,
 * backslash escapes resolved. Unpaired emphasis markers stay as text.
 */
export function parseInline(src: string): Inline[] {
  // Pass 1: tokens.
  type Tok =
    | { kind: 'text'; text: string }
    | { kind: 'delim'; d: Delim; closer?: boolean; opener?: boolean; paired?: boolean }
    | { kind: 'note'; label: string };
  const toks: Tok[] = [];
  let buf = '';
  const flush = () => {
    if (buf) toks.push({ kind: 'text', text: buf });
    buf = '';
  };
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    const rest = src.slice(i, i + 64);
    let m: RegExpExecArray | null;
    if (ch === '\\' && i + 1 < src.length && /[\\`*_{}[\]()#+\-.!|~<>^]/.test(src[i + 1])) {
      buf += src[i + 1];
      i += 2;
      continue;
    }
    if (ch === '<') {
      if ((m = /^<!--[\s\S]*?-->/.exec(src.slice(i)))) {
        i += m[0].length;
        continue;
      }
      if ((m = /^<sup>\s*([^<\s]{1,8})\s*<\/sup>/i.exec(rest))) {
        flush();
        toks.push({ kind: 'note', label: m[1] });
        i += m[0].length;
        continue;
      }
      if ((m = /^<\/?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?\/?>/.exec(rest))) {
        if (/^<br\b/i.test(m[0])) buf += ' ';
        i += m[0].length;
        continue;
      }
    }
    if (ch === '[') {
      if ((m = /^\[\^([^\]\s]{1,16})\]/.exec(rest))) {
        flush();
        toks.push({ kind: 'note', label: m[1] });
        i += m[0].length;
        continue;
      }
      // A link: keep its text, drop its target.
      const close = findLinkEnd(src, i);
      if (close) {
        const inner = src.slice(i + 1, close.textEnd);
        src = src.slice(0, i) + inner + src.slice(close.end);
        continue;
      }
    }
    if ((m = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/.exec(rest))) {
      // superscript digits are a footnote marker wherever they stand, after a year too ("2030¹⁹"), as the parser reads them
      flush();
      toks.push({ kind: 'note', label: superscriptToAscii(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '*' || ch === '_') {
      let j = i;
      while (j < src.length && src[j] === ch) j++;
      const len = j - i;
      const prev = i > 0 ? src[i - 1] : ' ';
      const next = j < src.length ? src[j] : ' ';
      const intraword = /[\p{L}\p{N}]/u.test(prev) && /[\p{L}\p{N}]/u.test(next);
      if ((len === 1 || len === 2 || len === 3) && !(ch === '_' && intraword)) {
        flush();
        toks.push({ kind: 'delim', d: { ch, len, pos: i }, opener: !/\s/.test(next), closer: !/\s/.test(prev) && i > 0 });
        i = j;
        continue;
      }
      buf += src.slice(i, j);
      i = j;
      continue;
    }
    buf += ch;
    i++;
  }
  flush();
  // Pass 2: pair delimiters (same char and length), innermost first.
  const stack: number[] = [];
  const pairs = new Map<number, number>();
  toks.forEach((t, k) => {
    if (t.kind !== 'delim') return;
    if (t.closer) {
      for (let s = stack.length - 1; s >= 0; s--) {
        const o = toks[stack[s]] as Extract<Tok, { kind: 'delim' }>;
        if (o.d.ch === t.d.ch && o.d.len === t.d.len) {
          pairs.set(stack[s], k);
          pairs.set(k, stack[s]);
          stack.length = s;
          return;
        }
      }
    }
    if (t.opener) stack.push(k);
  });
  // Pass 3: runs.
  const out: Inline[] = [];
  let italic = 0;
  let bold = 0;
  const push = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    const it = italic > 0;
    const bd = bold > 0;
    if (last && !isNote(last) && !!last.italic === it && !!last.bold === bd) last.text += text;
    else out.push({ text, ...(it ? { italic: true } : {}), ...(bd ? { bold: true } : {}) });
  };
  toks.forEach((t, k) => {
    if (t.kind === 'text') push(t.text);
    else if (t.kind === 'note') out.push({ note: t.label });
    else if (!pairs.has(k)) push(t.d.ch.repeat(t.d.len));
    else {
      const opening = pairs.get(k)! > k;
      const delta = opening ? 1 : -1;
      if (t.d.len === 1 || t.d.len === 3) italic += delta;
      if (t.d.len >= 2) bold += delta;
    }
  });
  return tidy(out);
}

function findLinkEnd(src: string, at: number): { textEnd: number; end: number } | undefined {
  let depth = 0;
  for (let k = at; k < Math.min(src.length, at + 2000); k++) {
    const c = src[k];
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']') {
      depth--;
      if (depth === 0) {
        const m = /^\(([^()\s]*)\)/.exec(src.slice(k + 1, k + 1 + 2000));
        if (!m) return undefined;
        return { textEnd: k, end: k + 1 + m[0].length };
      }
    } else if (c === '\n' && src[k + 1] === '\n') return undefined;
  }
  return undefined;
}

/** Collapses whitespace (line breaks inside a paragraph become spaces) and trims the ends. */
function tidy(runs: Inline[], keepBreaks = false): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    if (isNote(r)) {
      out.push(r);
      continue;
    }
    let text = keepBreaks ? r.text.replace(/[ \t\u00a0]*\r?\n[ \t\u00a0]*/g, '\n').replace(/[ \t]+/g, ' ') : r.text.replace(/\s+/g, ' ');
    if (!text) continue;
    const last = out[out.length - 1];
    if (last && !isNote(last) && /[ \n]$/.test(last.text) && text.startsWith(' ')) text = text.slice(1);
    if (text) out.push({ ...r, text });
  }
  // trim start and end
  while (out.length && !isNote(out[0]) && !(out[0] as TextRun).text.trim()) out.shift();
  while (out.length && !isNote(out[out.length - 1]) && !(out[out.length - 1] as TextRun).text.trim()) out.pop();
  if (out.length && !isNote(out[0])) (out[0] as TextRun).text = (out[0] as TextRun).text.replace(/^\s+/, '');
  const l = out[out.length - 1];
  if (l && !isNote(l)) l.text = l.text.replace(/\s+$/, '');
  return out;
}

function inlineLines(text: string): Inline[] {
  // Keep the line structure of header and closing blocks: parse each line, join with "\n".
  const out: Inline[] = [];
  for (const line of text.split(/\r?\n/)) {
    const runs = parseInline(line);
    if (runs.length === 0) continue;
    if (out.length) out.push({ text: '\n' });
    out.push(...runs);
  }
  return mergeRuns(out);
}

function mergeRuns(runs: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const r of runs) {
    const last = out[out.length - 1];
    if (last && !isNote(last) && !isNote(r) && !!last.italic === !!r.italic && !!last.bold === !!r.bold) last.text += r.text;
    else out.push(isNote(r) ? r : { ...r });
  }
  return out;
}

/** An emphasis run wrapping the whole of a multi-line block ("*93rd plenary meeting\n23 July 2021*"). */
function blockInline(text: string): Inline[] {
  const m = /^\s*([*_]{1,3})([\s\S]*?)\1\s*$/.exec(text);
  if (m && !m[2].includes(m[1]) && m[2].includes('\n')) {
    const inner = inlineLines(m[2]);
    const italic = m[1].length !== 2;
    const bold = m[1].length >= 2;
    return inner.map((r) => (isNote(r) ? r : { ...r, ...(italic ? { italic: true } : {}), ...(bold ? { bold: true } : {}) }));
  }
  return inlineLines(text);
}

/** The layout of a draft given as text (the project's Markdown). */
export function layoutOf(text: string): Layout {
  return layoutOfDocument(parse(text));
}

export function layoutOfDocument(doc: ResolutionDocument): Layout {
  const paragraphs: LayoutParagraph[] = [];
  const notes = new Map<string, Inline[]>();
  for (const def of doc.footnoteDefinitions) if (!notes.has(def.label)) notes.set(def.label, parseInline(def.text));
  const add = (role: Role, inlines: Inline[], label?: string, level = 0, opening?: string) => {
    if (inlines.length === 0 && !label) return;
    paragraphs.push({ role, level, inlines, ...(label ? { label } : {}), ...(opening ? { opening } : {}) });
  };
  const openingOf = (o: { text: string; known: boolean } | undefined) =>
    o && o.known ? o.text.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim() : undefined;
  const titleStart = doc.title?.start ?? -1;
  const preByBlock = new Map(doc.preamble.map((p) => [p.blockIndex, p]));
  const opByBlock = new Map(doc.operative.map((p) => [p.blockIndex, p]));
  const walkSubs = (subs: SubParagraph[]) => {
    for (const s of subs) {
      add('subparagraph', parseInline(s.text), s.label.text.trim(), s.level);
      walkSubs(s.children);
    }
  };
  doc.blocks.forEach((b, i) => {
    switch (b.kind) {
      case 'frontMatter': {
        const lines = b.text.split(/\r?\n/).filter((l) => !SETTING_LINE.test(l));
        if (lines.length === 0) return;
        const isTitle = titleStart >= b.start && titleStart < b.end;
        add(isTitle ? 'title' : 'header', blockInline(lines.join('\n')));
        return;
      }
      case 'heading': {
        const t = b.text.replace(/^\s{0,3}#{1,6}\s*/, '').replace(/\s+#+\s*$/, '');
        const isTitle = titleStart >= b.start && titleStart < b.end;
        add(isTitle ? 'title' : 'heading', parseInline(t), undefined, 0);
        return;
      }
      case 'authority':
        add(
          'authority',
          parseInline(doc.authority && doc.authority.start >= b.start && doc.authority.start < b.end ? doc.authority.text : b.text),
        );
        return;
      case 'preambular': {
        const p = preByBlock.get(i);
        if (p) add('preambular', parseInline(p.text), undefined, 0, openingOf(p.opening));
        return;
      }
      case 'operative': {
        const op = opByBlock.get(i);
        if (!op) return;
        const label = op.number?.text.trim();
        add(
          'operative',
          parseInline(op.subparagraphs.length || op.listItems.length ? op.leadIn.text : op.text),
          label,
          0,
          openingOf(op.opening),
        );
        for (const item of op.listItems) add('subparagraph', parseInline(item.text), item.number.text.trim(), 1);
        walkSubs(op.subparagraphs);
        return;
      }
      case 'meeting':
        add('closing', blockInline(b.text));
        return;
      case 'annex':
      case 'other': {
        if (/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(b.text)) return;
        add('text', blockInline(b.text));
        return;
      }
      default:
        return; // footnote definitions (in notes), rules, directives
    }
  });
  const layout: Layout = { paragraphs, notes, doc };
  if (doc.symbol) layout.symbol = doc.symbol.text.trim();
  if (doc.title) layout.title = doc.title.text.replace(/[*_#]/g, '').trim();
  const base = declaredBase(doc);
  if (base) layout.base = base;
  return layout;
}

/** The text of inline content: footnote references as `[^label]` or through `note`. */
export function inlineText(inlines: Inline[], note: (label: string) => string = (l) => `[^${l}]`): string {
  return inlines.map((r) => (isNote(r) ? note(r.note) : r.text)).join('');
}

/** A paragraph as plain text: its label, a tab, its text. */
export function paragraphPlainText(p: LayoutParagraph, note?: (label: string) => string): string {
  const body = inlineText(p.inlines, note);
  return p.label ? `${p.label}\t${body}` : body;
}

/** The plain text of a footnote's content, for comparing notes across documents. */
export function noteText(layout: Layout, label: string): string {
  const n = layout.notes.get(label);
  return n
    ? inlineText(n, () => '')
        .replace(/\s+/g, ' ')
        .trim()
    : '';
}
