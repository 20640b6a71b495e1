/**
 * Reader for General Assembly resolutions in Akoma Ntoso for the United Nations (AKN4UN) XML,
 * as the UN publishes them: symbol, title, adoption date, preambular paragraphs (preamble
 * containers), operative paragraphs (mainBody paragraphs with `num`), sub-paragraphs (`point`s of
 * a `list`, or unnumbered paragraphs opening with a label). Footnotes (`authorialNote`) are left
 * out of the paragraph text; italic spans become `*…*`; links keep their text.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatIsoDate } from './dates';
import { toLang, type Lang } from '../languages';
import type { ParagraphKind } from './types';

export interface AknParagraph {
  kind: ParagraphKind;
  /** "6", "6 (a)"; for preambular paragraphs their 1-based position in the preamble. */
  number: string;
  text: string;
}

export interface AknDocument {
  /** Footnotes in order, when parseAkn is asked for them (their markers are `[^label]` in the text). */
  notes?: Array<{ label: string; text: string }>;
  symbol?: string;
  title?: string;
  /** Adoption date, "23 July 2021". */
  date?: string;
  /** The language the document declares (`FRBRExpression/FRBRlanguage`), when it is one of the six. */
  lang?: Lang;
  paragraphs: AknParagraph[];
}

type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: { enabled: true, maxTotalExpansions: 1_000_000, maxExpandedLength: 50_000_000 },
  htmlEntities: true,
});

function nameOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}
function kids(n: XNode): XNode[] {
  const v = n[nameOf(n)];
  return Array.isArray(v) ? v : [];
}
function attr(n: XNode, a: string): string | undefined {
  const attrs = n[':@'] as Record<string, string> | undefined;
  return attrs?.[a];
}
function child(nodes: XNode[], name: string): XNode | undefined {
  return nodes.find((c) => nameOf(c) === name);
}
function children(nodes: XNode[], name: string): XNode[] {
  return nodes.filter((c) => nameOf(c) === name);
}
/** First descendant named `name` (depth first). */
function find(nodes: XNode[], name: string, pred?: (n: XNode) => boolean): XNode | undefined {
  for (const c of nodes) {
    if (nameOf(c) === name && (!pred || pred(c))) return c;
    const r = find(kids(c), name, pred);
    if (r) return r;
  }
  return undefined;
}

/** Where footnotes go while a document is read with them (null: footnotes are left out). */
let noteSink: Array<{ label: string; text: string }> | null = null;

/** Inline text with italics as *…*, without footnotes (or with `[^n]` markers when collecting them). */
function inline(nodes: XNode[]): string {
  let s = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === '#text') s += String(n['#text']);
    else if (name === 'authorialNote' && noteSink) {
      const sink = noteSink;
      noteSink = null; // a note inside a note stays out
      const text = clean(
        children(kids(n), 'p')
          .map((p) => inline(kids(p)))
          .join(' ') || inline(kids(n)),
      );
      noteSink = sink;
      const label = String(sink.length + 1);
      sink.push({ label, text });
      s += `[^${label}]`;
    } else if (name === 'authorialNote' || name === 'img' || name === '#comment') continue;
    else if (name === 'eol' || name === 'br') s += ' ';
    else if (name === 'span' || name === 'i' || name === 'em') {
      const inner = inline(kids(n));
      const italic = name !== 'span' || /\bitalic\b/.test(attr(n, 'class') ?? '');
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(inner)!;
      s += italic && m[2] ? `${m[1]}*${m[2]}*${m[3]}` : inner;
    } else if (name === 'p') s += ' ' + inline(kids(n)) + ' ';
    else s += inline(kids(n));
  }
  return s;
}

function clean(s: string): string {
  return s
    .replace(/[\t\r\n\u00a0]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .replace(/\*\*/g, '')
    .trim();
}

const LABEL = /^\(?\s*([a-z]{1,2}|[ivxlc]+|\d+)\s*\)\s*/i;
/** A number written in the text instead of a `num` element, as the Arabic texts do: "1 - ", "12- ". */
const TEXT_NUMBER = /^(\d{1,3})\s*[-\u2013\u2014]\s+(?=\S)/;

function readBlock(nodes: XNode[]): string {
  return clean(
    children(nodes, 'p')
      .map((p) => inline(kids(p)))
      .join(' '),
  );
}

/** Reads one `statement` element's children. */
function readStatement(nodes: XNode[], inherited: { symbol?: string; date?: string; lang?: Lang }): AknDocument {
  const doc: AknDocument = { paragraphs: [] };
  if (noteSink) doc.notes = noteSink = [];
  const meta = child(nodes, 'meta');
  const adoption = meta && find(kids(meta), 'FRBRdate', (n) => attr(n, 'name') === 'adoption');
  doc.date = formatIsoDate(adoption && attr(adoption, 'date')) ?? inherited.date;
  // The expression's language (the manifestation repeats it); the work level has none.
  const expression = meta && find(kids(meta), 'FRBRExpression');
  const language = (expression && find(kids(expression), 'FRBRlanguage')) ?? (meta && find(kids(meta), 'FRBRlanguage'));
  const lang = toLang(language && attr(language, 'language')) ?? inherited.lang;
  if (lang) doc.lang = lang;
  const cover = child(nodes, 'coverPage');
  const symNode = cover && find(kids(cover), 'docNumber', (n) => attr(n, 'refersTo') === '#symbol');
  const preface = child(nodes, 'preface');
  const number = preface && find(kids(preface), 'docNumber');
  const title = preface && find(kids(preface), 'docTitle');
  if (symNode) doc.symbol = clean(inline(kids(symNode)));
  else if (inherited.symbol && number) {
    const part = clean(inline(kids(number))).replace(/\.$/, '');
    doc.symbol = /^[A-Z]$/.test(part) ? `${inherited.symbol} ${part}` : inherited.symbol;
  } else doc.symbol = inherited.symbol;
  if (title) doc.title = clean(inline(kids(title)));

  const preamble = child(nodes, 'preamble');
  if (preamble) {
    let pp = 0;
    for (const c of kids(preamble)) {
      const name = nameOf(c);
      if (name === 'container' || name === 'p') {
        const text = name === 'p' ? clean(inline(kids(c))) : readBlock(kids(c));
        if (text) doc.paragraphs.push({ kind: 'preambular', number: String(++pp), text });
      }
    }
  }
  const body = child(nodes, 'mainBody');
  if (body) readBody(kids(body), doc);
  return doc;
}

function readPoints(list: XNode[], parent: string, doc: AknDocument): void {
  for (const point of list) {
    const name = nameOf(point);
    if (name !== 'point' && name !== 'paragraph') continue;
    const ks = kids(point);
    const numNode = child(ks, 'num');
    const label = numNode ? clean(inline(kids(numNode))) : '';
    const number = `${parent} ${label}`.trim();
    const content = child(ks, 'content') ?? child(ks, 'intro');
    const text = content ? readBlock(kids(content)) : '';
    if (text) doc.paragraphs.push({ kind: 'subparagraph', number, text });
    const sub = child(ks, 'list');
    if (sub) {
      const intro = child(kids(sub), 'intro');
      if (intro && !content) {
        const t = readBlock(kids(intro));
        if (t) doc.paragraphs.push({ kind: 'subparagraph', number, text: t });
      }
      readPoints(kids(sub), number, doc);
    }
  }
}

function readBody(nodes: XNode[], doc: AknDocument): void {
  let lastOperative = '';
  for (const n of nodes) {
    const name = nameOf(n);
    if (name === 'hcontainer' || name === 'division' || name === 'section' || name === 'container' || name === 'part') {
      readBody(kids(n), doc);
      continue;
    }
    if (name !== 'paragraph') continue;
    if (/FootnoteText/.test(attr(n, 'class') ?? '')) continue;
    const ks = kids(n);
    const numNode = child(ks, 'num');
    // "6.", and in the Arabic texts "6 -": the number alone
    const numbered = numNode ? clean(inline(kids(numNode))).replace(/[\s.\u002d\u2013\u2014]+$/, '') : '';
    const content = child(ks, 'content');
    const list = child(ks, 'list');
    const intro = child(ks, 'intro') ?? (list && child(kids(list), 'intro'));
    let text = content ? readBlock(kids(content)) : intro ? readBlock(kids(intro)) : '';
    if (numbered && /^[-\u2013\u2014]\s/.test(text)) text = text.slice(2);
    if (!text && !list) continue; // headings (subheading only)
    let number = numbered;
    const inText = !number ? TEXT_NUMBER.exec(text) : null;
    if (inText && Number(inText[1]) === (Number(lastOperative) || 0) + 1) {
      number = inText[1];
      text = text.slice(inText[0].length);
    }
    if (number) {
      lastOperative = number;
      if (text) doc.paragraphs.push({ kind: 'operative', number, text });
    } else {
      const label = LABEL.exec(text);
      if (label && lastOperative && text.length > label[0].length) {
        doc.paragraphs.push({
          kind: 'subparagraph',
          number: `${lastOperative} (${label[1]})`,
          text: text.slice(label[0].length),
        });
      } else if (text) {
        doc.paragraphs.push({ kind: /^\*[^*]+\*/.test(text) ? 'operative' : 'other', number: '', text });
      }
    }
    if (list) readPoints(kids(list), number || lastOperative, doc);
  }
}

/**
 * Parses an AKN4UN file into its resolutions (one, or one per component of an "A-B" file).
 * Throws an Error with a readable message when the XML is malformed or is not AKN.
 */
export function parseAkn(xml: string, options: { footnotes?: boolean } = {}): AknDocument[] {
  if (!options.footnotes) return parseAknDocuments(xml);
  noteSink = []; // each statement starts its own list
  try {
    return parseAknDocuments(xml);
  } finally {
    noteSink = null;
  }
}

function parseAknDocuments(xml: string): AknDocument[] {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    const e = valid.err;
    throw new Error(`malformed XML at line ${e.line}, column ${e.col}: ${e.msg}`);
  }
  const tree = parser.parse(xml) as XNode[];
  const root = tree.find((n) => nameOf(n) === 'akomaNtoso');
  if (!root) throw new Error('not an Akoma Ntoso document (no akomaNtoso root element)');
  const docs: AknDocument[] = [];
  const top = kids(root).find((n) => ['statement', 'documentCollection', 'resolution', 'doc', 'act', 'bill'].includes(nameOf(n)));
  if (!top) throw new Error('no statement element in the Akoma Ntoso document');
  const main = readStatement(kids(top), {});
  const inheritedLang = main.lang;
  if (main.paragraphs.length) docs.push(main);
  const base = main.symbol?.replace(/\s+[A-Z](?:-[A-Z])+$/, '');
  const components = [
    ...children(kids(root), 'components').flatMap((c) => children(kids(c), 'component')),
    ...children(kids(top), 'components').flatMap((c) => children(kids(c), 'component')),
  ];
  for (const comp of components) {
    const st = kids(comp).find((n) => nameOf(n) === 'statement');
    if (!st) continue;
    const d = readStatement(kids(st), { symbol: base, date: main.date, lang: inheritedLang });
    if (!d.title) d.title = main.title;
    if (d.paragraphs.length) docs.push(d);
  }
  if (docs.length === 0 && main.symbol) docs.push(main);
  return docs;
}
