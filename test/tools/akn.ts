/**
 * A small reader for AKN4UN (Akoma Ntoso for the UN) resolution XML, used by the build and
 * measurement scripts: a forgiving tag tokenizer, a tree, and a converter to the plain text format
 * of the seeds. Converted texts are written only to scratch folders outside the repository.
 */

export interface XNode {
  name: string; // '#text' for text nodes
  attrs: Record<string, string>;
  children: XNode[];
  text?: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e] ?? m;
  });
}

export function parseXml(xml: string): XNode {
  const root: XNode = { name: '#root', attrs: {}, children: [] };
  const stack: XNode[] = [root];
  const re =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)((?:\s+[^\s=>\/]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) {
      top.children.push({ name: '#text', attrs: {}, children: [], text: m[1] });
    } else if (m[3]) {
      if (m[2] === '/') {
        // close the nearest matching element (tolerant of bad nesting)
        for (let i = stack.length - 1; i > 0; i--) {
          if (stack[i].name === m[3]) {
            stack.length = i;
            break;
          }
        }
      } else {
        const attrs: Record<string, string> = {};
        const are = /([^\s=>\/]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
        let a: RegExpExecArray | null;
        while ((a = are.exec(m[4] ?? ''))) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
        const node: XNode = { name: m[3], attrs, children: [] };
        top.children.push(node);
        if (!m[5]) stack.push(node);
      }
    } else if (m[6] !== undefined) {
      top.children.push({ name: '#text', attrs: {}, children: [], text: decodeEntities(m[6]) });
    }
  }
  return root;
}

export function findAll(node: XNode, name: string, out: XNode[] = []): XNode[] {
  for (const c of node.children) {
    if (c.name === name) out.push(c);
    else findAll(c, name, out);
  }
  return out;
}

export function child(node: XNode, name: string): XNode | undefined {
  return node.children.find((c) => c.name === name);
}

/** Plain text content (no markup). */
export function plainText(node: XNode): string {
  if (node.name === '#text') return node.text ?? '';
  if (node.name === 'authorialNote' || node.name === 'meta') return '';
  return node.children.map(plainText).join('');
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';
function superscript(label: string): string {
  return /^\d+$/.test(label) ? [...label].map((d) => SUPERSCRIPT[+d]).join('') : `[^${label}]`;
}

const squash = (s: string) => s.replace(/[ \t\r\n\u00a0]+/g, ' ');

/** Converts one statement to the seeds' text format. */
class Renderer {
  blocks: string[] = [];
  notes: string[] = [];

  inline(node: XNode): string {
    if (node.name === '#text') return squash(node.text ?? '');
    if (node.name === 'authorialNote') {
      const label = node.attrs.marker ?? String(this.notes.length + 1);
      const text = squash(node.children.map((c) => this.inline(c)).join(' ')).trim();
      this.notes.push(`${superscript(label)} ${text}`);
      return superscript(label);
    }
    if (node.name === 'eol') return '\n';
    if (node.name === 'img' || node.name === 'meta') return '';
    const inner = node.children.map((c) => this.inline(c)).join('');
    const cls = node.attrs.class ?? '';
    if (node.name === 'span' && /italic/.test(cls)) return emphasis(inner, '*');
    if (node.name === 'span' && /bold/.test(cls)) return emphasis(inner, '**');
    if (node.name === 'p') return inner + ' ';
    if (node.name === 'tr') return '| ' + inner + '\n';
    if (node.name === 'td' || node.name === 'th') return inner.trim() + ' | ';
    if (node.name === 'inline' && node.attrs.name === 'adoptionMeeting') return emphasis(inner, '*');
    return inner;
  }

  push(text: string): void {
    const lines = text
      .split('\n')
      .map((l) => l.replace(/ +/g, ' ').trim())
      .filter((l) => l.length > 0);
    if (lines.length) this.blocks.push(lines.join('\n'));
    if (this.notes.length) {
      this.blocks.push(this.notes.join('\n'));
      this.notes = [];
    }
  }

  /** Numbered units: paragraph, point, subparagraph, list items. */
  unit(node: XNode): void {
    const num = child(node, 'num');
    const prefix = num ? squash(plainText(num)).trim() + ' ' : '';
    let head = '';
    const rest: XNode[] = [];
    const kids: XNode[] = [];
    for (const c of node.children) {
      if (c.name === 'list' || c.name === 'blockList') kids.push(...c.children);
      else kids.push(c);
    }
    for (const c of kids) {
      if (c.name === 'num') continue;
      if (c.name === 'intro' || c.name === 'content' || c.name === 'p' || c.name === '#text') head += this.inline(c);
      else rest.push(c);
    }
    this.push(prefix + head);
    for (const c of rest) this.structure(c);
  }

  structure(node: XNode): void {
    switch (node.name) {
      case '#text':
        if ((node.text ?? '').trim()) this.push(node.text ?? '');
        return;
      case 'meta':
        return;
      case 'paragraph':
      case 'point':
      case 'subparagraph':
      case 'item':
        this.unit(node);
        return;
      case 'p':
      case 'formula':
      case 'crossHeading':
      case 'table':
        this.push(this.inline(node));
        return;
      case 'subheading':
      case 'heading':
        // section headings of omnibus resolutions, as Markdown headings
        this.push('## ' + squash(plainText(node)).trim());
        return;
      case 'attachment':
        this.push('## Annex');
        for (const c of node.children) this.structure(c);
        return;
      case 'container':
        for (const c of node.children) this.structure(c);
        return;
      default:
        for (const c of node.children) this.structure(c);
    }
  }
}

function emphasis(inner: string, mark: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
  if (!m[2]) return inner;
  return `${m[1]}${mark}${m[2]}${mark}${m[3]}`;
}

export function statements(root: XNode): XNode[] {
  const found: XNode[] = [];
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (c.name === 'statement' || c.name === 'doc' || c.name === 'act') found.push(c);
      else walk(c);
    }
  };
  walk(root);
  return found;
}

/** The text of every statement in an AKN4UN file, in the seeds' format. */
export function aknToTexts(xml: string): string[] {
  const root = parseXml(xml);
  return statements(root).map((st) => {
    const r = new Renderer();
    for (const part of st.children) {
      if (part.name === 'meta' || part.name === '#text') continue;
      if (part.name === 'preface') {
        for (const p of findAll(part, 'p')) r.push(r.inline(p));
      } else {
        r.structure(part);
      }
    }
    return r.blocks.join('\n\n') + '\n';
  });
}

/** Opening phrases as the XML marks them: the italic span that starts a paragraph. */
export function aknOpenings(xml: string): { preambular: string[]; operative: string[] } {
  const root = parseXml(xml);
  const preambular: string[] = [];
  const operative: string[] = [];
  const leadingItalic = (n: XNode | undefined): string | undefined => {
    if (!n) return undefined;
    for (const c of n.children) {
      if (c.name === '#text') {
        if ((c.text ?? '').trim()) return undefined;
        continue;
      }
      if (c.name === 'span' && /italic/.test(c.attrs.class ?? '')) return squash(plainText(c)).trim();
      if (c.name === 'p' || c.name === 'content' || c.name === 'intro') return leadingItalic(c);
      return undefined;
    }
    return undefined;
  };
  for (const st of statements(root)) {
    for (const pre of findAll(st, 'preamble')) {
      for (const c of findAll(pre, 'container')) {
        const p = child(c, 'p');
        const phrase = leadingItalic(p);
        if (phrase) preambular.push(phrase);
      }
    }
    for (const body of findAll(st, 'mainBody')) {
      const paras = findAll(body, 'paragraph');
      for (const para of paras) {
        const num = child(para, 'num');
        // numbered operative paragraphs, or the single unnumbered one of a short resolution
        // "1." in most languages, "1 -" in Arabic
        if (num ? !/^\s*\d+\s*[.-]\s*$/.test(plainText(num)) : paras.length !== 1) continue;
        const list = child(para, 'list');
        const phrase = leadingItalic(child(para, 'intro') ?? (list && child(list, 'intro')) ?? child(para, 'content'));
        if (phrase) operative.push(phrase);
      }
    }
  }
  return { preambular, operative };
}

/** The authority line of a General Assembly resolution in each language, as the drafter types it. */
export const GA_AUTHORITY: Record<string, string> = {
  en: 'The General Assembly,',
  fr: 'L’Assemblée générale,',
  es: 'La Asamblea General,',
  ru: 'Генеральная Ассамблея,',
  ar: 'إن الجمعية العامة،',
  zh: '大会，',
};

/** A paragraph of the precedent reader's AKN4UN model (server/src/core/precedent/akn.ts). */
export interface AknModelParagraph {
  kind: string;
  number: string;
  text: string;
}

/**
 * The operative numbers the UN marked up, and the text a drafter would have typed for the same
 * resolution in its language: header, symbol and title, the authority line, the paragraphs.
 * Arabic numbers its operative paragraphs "1 -", which the reader keeps in the text.
 */
export function aknDraft(
  d: { symbol?: string; title?: string; paragraphs: AknModelParagraph[] },
  lang = 'en',
): { text: string; preamble: number; operative: string[] } {
  const lines = [
    'General Assembly',
    '',
    `${(d.symbol ?? '').replace(/^A\/RES\//, '')}. ${d.title ?? ''}`,
    '',
    GA_AUTHORITY[lang] ?? GA_AUTHORITY.en,
    '',
  ];
  let preamble = 0;
  const operative: string[] = [];
  // The single unnumbered operative paragraph of a short resolution: the reader recognises it by its
  // italic verb, which Chinese does not mark; it is the last paragraph of the body after the preamble.
  const noOperative = !d.paragraphs.some((p) => p.kind === 'operative' || /^\d{1,4}\s*-\s/.test(p.text));
  const last = d.paragraphs[d.paragraphs.length - 1];
  const single = noOperative && last?.kind === 'other' && /[.。]$/.test(last.text.trim()) ? last : undefined;
  for (const p of d.paragraphs) {
    const dash = p.kind === 'other' ? /^(\d{1,4})\s*-\s/.exec(p.text) : null;
    if (p === single) {
      operative.push('-');
      lines.push(p.text, '');
      continue;
    }
    if (p.kind === 'operative' && p.number && !/^\d/.test(p.number)) {
      // Arabic sub-items numbered ’1‘, ’2‘ under an item: part of their paragraph
      lines.push(`${p.number} ${p.text}`, '');
    } else if (p.kind === 'operative' && /^\d+\s*-$/.test(p.number)) {
      const n = p.number.replace(/\s*-$/, '');
      operative.push(n);
      lines.push(`${n} - ${p.text}`, '');
    } else if (p.kind === 'operative') {
      operative.push(p.number || '-');
      lines.push(p.number ? `${p.number}. ${p.text}` : p.text, '');
    } else if (dash) {
      operative.push(dash[1]);
      lines.push(p.text, '');
    } else if (p.kind === 'subparagraph') lines.push(`${p.number.split(' ').pop()} ${p.text}`, '');
    else {
      if (p.kind === 'preambular') preamble++;
      lines.push(p.text, '');
    }
  }
  return { text: lines.join('\n'), preamble, operative };
}
