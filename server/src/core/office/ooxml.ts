/**
 * The WordprocessingML writer behind "Export to Word" and the redline: paragraphs of runs (text,
 * tabs, line breaks, footnote references) in the UN's layout, real footnotes, and Word's tracked
 * changes — inserted and deleted runs (`w:ins` / `w:del`), inserted and deleted paragraph marks,
 * moved paragraphs (`w:moveFrom` / `w:moveTo` inside named `w:moveFromRange…` / `w:moveToRange…`
 * pairs; `w:ins` nested in a `w:moveTo`, `w:del` in a `w:moveFrom`, for words edited as well as moved),
 * formatting changes (`w:rPrChange`) — each with author and date. The package is zipped with
 * fflate. Written directly rather than through a document library because the redline needs
 * paragraph-mark revisions and deleted footnote references, and export and redline must produce
 * the very same paragraphs. Plain TypeScript, no LSP import.
 */
import { strToU8, zipSync } from 'fflate';
import type { Role } from './layout';

export type Revision = 'ins' | 'del';

/** A side of a tracked move: where the text was (`from`) or where it now stands (`to`). */
export type MoveSide = 'from' | 'to';

/** The start or end of a named move range (a moved block of paragraphs), on one side. */
export interface MoveRange {
  side: MoveSide;
  /** The name that pairs the two sides of one move ("move1"). */
  name: string;
}

export interface WRun {
  /** Text with "\t" for tabs and "\n" for line breaks; ignored for footnote references. */
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** A footnote reference: index into WDocument.notes. */
  note?: number;
  rev?: Revision;
  /** The run is moved text: where it was (`from`) or where it went (`to`); `rev` then nests inside. */
  move?: MoveSide;
  /** The formatting the run had before (a tracked formatting change). */
  was?: { italic?: boolean; bold?: boolean };
}

export interface WParagraph {
  role: Role;
  level: number;
  runs: WRun[];
  /** The paragraph mark itself was inserted or deleted. */
  mark?: Revision;
  /** The paragraph mark itself was moved (from here, or to here). */
  markMove?: MoveSide;
  /** A move range opens before this paragraph's runs. */
  moveStart?: MoveRange;
  /** A move range closes after this paragraph's runs. */
  moveEnd?: MoveRange;
}

export interface WNote {
  runs: WRun[];
}

export interface WDocument {
  paragraphs: WParagraph[];
  notes: WNote[];
}

export interface WriteOptions {
  /** Font family (default Times New Roman). */
  font?: string;
  /** Font size in points (default 12). */
  size?: number;
  /** Author of tracked changes. */
  author?: string;
  /** ISO date of tracked changes (default now). */
  date?: string;
  /** Document title for the package properties. */
  title?: string;
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Characters XML 1.0 forbids are dropped; the rest escaped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Paragraph style ids by role (sub-paragraphs by level). */
export function styleOf(p: { role: Role; level: number }): string {
  switch (p.role) {
    case 'header':
      return 'ResHeader';
    case 'title':
      return 'ResTitle';
    case 'heading':
      return 'ResHeading';
    case 'authority':
      return 'ResAuthority';
    case 'preambular':
      return 'ResPreambular';
    case 'operative':
      return 'ResOperative';
    case 'subparagraph':
      return p.level >= 2 ? 'ResSubParagraph2' : 'ResSubParagraph';
    case 'closing':
      return 'ResClosing';
    default:
      return 'ResText';
  }
}

class Writer {
  private nextId = 1;
  private readonly revAttrs: string;

  constructor(private readonly opts: Required<Pick<WriteOptions, 'author' | 'date'>>) {
    this.revAttrs = `w:author="${xmlEscape(opts.author)}" w:date="${xmlEscape(opts.date)}"`;
  }

  private readonly rangeIds = new Map<string, number>();

  rev(kind: string): string {
    return `<w:${kind} w:id="${this.nextId++}" ${this.revAttrs}`;
  }

  /** `w:moveFromRangeStart` / `w:moveToRangeStart` (and their ends, by the same id). */
  range(r: MoveRange, edge: 'Start' | 'End'): string {
    const tag = `w:move${r.side === 'from' ? 'From' : 'To'}Range${edge}`;
    const key = `${r.side}\u0000${r.name}`;
    if (edge === 'End') {
      const id = this.rangeIds.get(key) ?? this.nextId++;
      return `<${tag} w:id="${id}"/>`;
    }
    const id = this.nextId++;
    this.rangeIds.set(key, id);
    return `<${tag} w:id="${id}" ${this.revAttrs} w:name="${xmlEscape(r.name)}"/>`;
  }

  rPr(r: WRun, extra = ''): string {
    let s = extra;
    if (r.bold) s += '<w:b/><w:bCs/>';
    if (r.italic) s += '<w:i/><w:iCs/>';
    if (r.was && (!!r.was.bold !== !!r.bold || !!r.was.italic !== !!r.italic)) {
      let old = '';
      if (r.was.bold) old += '<w:b/><w:bCs/>';
      if (r.was.italic) old += '<w:i/><w:iCs/>';
      s += `${this.rev('rPrChange')}><w:rPr>${old}</w:rPr></w:rPrChange>`;
    }
    return s ? `<w:rPr>${s}</w:rPr>` : '';
  }

  run(r: WRun, noteIds: number[]): string {
    if (r.note !== undefined) {
      return `<w:r>${this.rPr({ ...r, italic: false, bold: false }, '<w:rStyle w:val="FootnoteReference"/>')}<w:footnoteReference w:id="${noteIds[r.note]}"/></w:r>`;
    }
    const tag = r.rev === 'del' ? 'w:delText' : 'w:t';
    let body = '';
    for (const piece of r.text.split(/(\t|\n)/)) {
      if (piece === '\t') body += '<w:tab/>';
      else if (piece === '\n') body += '<w:br/>';
      else if (piece) body += `<${tag} xml:space="preserve">${xmlEscape(piece)}</${tag}>`;
    }
    return body ? `<w:r>${this.rPr(r)}${body}</w:r>` : '';
  }

  runs(runs: WRun[], noteIds: number[]): string {
    let out = '';
    let k = 0;
    while (k < runs.length) {
      const move = runs[k].move;
      const rev = runs[k].rev;
      let inner = '';
      while (k < runs.length && runs[k].rev === rev && runs[k].move === move) inner += this.run(runs[k++], noteIds);
      if (!inner) continue;
      if (rev) inner = `${this.rev(rev)}>${inner}</w:${rev}>`;
      if (move) {
        const tag = move === 'from' ? 'moveFrom' : 'moveTo';
        inner = `${this.rev(tag)}>${inner}</w:${tag}>`;
      }
      out += inner;
    }
    return out;
  }

  paragraph(p: WParagraph, noteIds: number[]): string {
    const markRev = p.markMove ? (p.markMove === 'from' ? 'moveFrom' : 'moveTo') : p.mark;
    const mark = markRev ? `<w:rPr>${this.rev(markRev)}/></w:rPr>` : '';
    const start = p.moveStart ? this.range(p.moveStart, 'Start') : '';
    const end = p.moveEnd ? this.range(p.moveEnd, 'End') : '';
    return `<w:p><w:pPr><w:pStyle w:val="${styleOf(p)}"/>${mark}</w:pPr>${start}${this.runs(p.runs, noteIds)}${end}</w:p>`;
  }
}

const TWIPS_PER_CM = 567;

function stylesXml(font: string, halfPoints: number): string {
  const f = xmlEscape(font);
  const para = (id: string, name: string, pPr: string, rPr = '', next = id) =>
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="${next}"/><w:qFormat/><w:pPr>${pPr}</w:pPr>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}</w:style>`;
  const left = Math.round(2.2 * TWIPS_PER_CM);
  const right = Math.round(2.2 * TWIPS_PER_CM);
  const first = Math.round(1.1 * TWIPS_PER_CM);
  const body = (ind: string) => `<w:spacing w:after="120" w:line="240" w:lineRule="auto"/>${ind}<w:jc w:val="both"/>`;
  const small = Math.max(12, halfPoints - 4);
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles ${W_NS}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/><w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>
${para('ResHeader', 'Resolution Header', '<w:spacing w:after="60"/>', `<w:sz w:val="${small + 4}"/><w:szCs w:val="${small + 4}"/>`)}
${para('ResTitle', 'Resolution Title', `<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:ind w:left="${left}" w:right="${right}"/>`, '<w:b/><w:bCs/>', 'ResAuthority')}
${para('ResHeading', 'Resolution Heading', `<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:ind w:left="${left}" w:right="${right}"/>`, '<w:b/><w:bCs/>')}
${para('ResAuthority', 'Resolution Authority Line', body(`<w:ind w:left="${left}" w:right="${right}" w:firstLine="${first}"/>`), '', 'ResPreambular')}
${para('ResPreambular', 'Resolution Preambular Paragraph', body(`<w:ind w:left="${left}" w:right="${right}" w:firstLine="${first}"/>`))}
${para('ResOperative', 'Resolution Operative Paragraph', `<w:tabs><w:tab w:val="left" w:pos="${left + 2 * first}"/></w:tabs>` + body(`<w:ind w:left="${left}" w:right="${right}" w:firstLine="${first}"/>`))}
${para('ResSubParagraph', 'Resolution Sub-paragraph', `<w:tabs><w:tab w:val="left" w:pos="${left + 2 * first}"/></w:tabs>` + body(`<w:ind w:left="${left + first}" w:right="${right}" w:firstLine="0"/>`))}
${para('ResSubParagraph2', 'Resolution Sub-paragraph Level 2', `<w:tabs><w:tab w:val="left" w:pos="${left + 3 * first}"/></w:tabs>` + body(`<w:ind w:left="${left + 2 * first}" w:right="${right}" w:firstLine="0"/>`))}
${para('ResClosing', 'Resolution Closing', `<w:spacing w:before="240" w:after="120"/><w:ind w:left="${left}" w:right="${right}"/><w:jc w:val="right"/>`)}
${para('ResText', 'Resolution Text', body(`<w:ind w:left="${left}" w:right="${right}"/>`))}
<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="${left}" w:right="${right}" w:hanging="${Math.round(first / 2)}"/></w:pPr><w:rPr><w:sz w:val="${small}"/><w:szCs w:val="${small}"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>
</w:styles>`;
}

const SETTINGS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings ${W_NS}><w:defaultTabStop w:val="567"/><w:characterSpacingControl w:val="doNotCompress"/><w:footnotePr><w:footnote w:id="0"/><w:footnote w:id="1"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`;

/**
 * The application name written in docProps/app.xml: it tells the project's own exports and redlines
 * from adopted texts, so that a corpus folder holding them does not offer them as base texts.
 */
export const GENERATOR = 'Resolution Drafting';

const APP_XML = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${GENERATOR}</Application></Properties>`;

const DOC_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>`;

function coreXml(title: string | undefined, author: string, date: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${title ? `<dc:title>${xmlEscape(title)}</dc:title>` : ''}<dc:creator>${xmlEscape(author)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${xmlEscape(date)}</dcterms:created></cp:coreProperties>`;
}

/** A date as tracked changes carry it: ISO 8601 without milliseconds. */
export function revisionDate(d = new Date()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The document.xml, footnotes.xml … of a WDocument. */
export function documentParts(doc: WDocument, options: WriteOptions = {}): Record<string, string> {
  const author = options.author ?? 'Resolution Drafting';
  const date = options.date ?? revisionDate();
  const w = new Writer({ author, date });
  const noteIds = doc.notes.map((_, i) => i + 2);
  const body = doc.paragraphs.map((p) => w.paragraph(p, noteIds)).join('\n');
  const sect = `<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1701" w:right="1134" w:bottom="1701" w:left="1134" w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document ${W_NS}><w:body>
${body}
${sect}</w:body></w:document>`;
  const notes = doc.notes
    .map((n, i) => {
      // The note's own paragraph carries the reference mark, then its text.
      const ref = `<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>`;
      return `<w:footnote w:id="${noteIds[i]}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>${ref}${w.runs([{ text: ' ' }, ...n.runs], noteIds)}</w:p></w:footnote>`;
    })
    .join('\n');
  const footnotes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes ${W_NS}><w:footnote w:type="separator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
${notes}
</w:footnotes>`;
  return {
    '[Content_Types].xml': CONTENT_TYPES,
    '_rels/.rels': ROOT_RELS,
    'docProps/core.xml': coreXml(options.title, author, date),
    'docProps/app.xml': APP_XML,
    'word/_rels/document.xml.rels': DOC_RELS,
    'word/document.xml': document,
    'word/styles.xml': stylesXml(options.font ?? 'Times New Roman', Math.round((options.size ?? 12) * 2)),
    'word/settings.xml': SETTINGS,
    'word/footnotes.xml': footnotes,
  };
}

/** The .docx package of a WDocument. */
export function writeDocx(doc: WDocument, options: WriteOptions = {}): Uint8Array {
  const parts = documentParts(doc, options);
  const files: Record<string, Uint8Array> = {};
  for (const [name, xml] of Object.entries(parts)) files[name] = strToU8(xml);
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
