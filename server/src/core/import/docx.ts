/**
 * Word 2007+ (.docx) import: a direct read of the Office Open XML parts (document, styles,
 * numbering, footnotes, comments) through the project's size-capped zip reader and
 * fast-xml-parser. Read directly rather than through a converter because the paragraph numbers of
 * a resolution live in Word's automatic numbering (numbering.xml), which converters to HTML drop.
 *
 * What it keeps: paragraphs; italics from direct formatting, character styles and paragraph styles
 * (following `basedOn`); list numbers computed from numbering.xml (abstract levels, level text,
 * start values, overrides and restarts); footnotes (`w:footnoteReference`) as markers and
 * definitions; tracked changes (accepted by default, or shown as proposals: insertions **bold**,
 * deletions ~~struck~~). Comments are dropped and counted.
 */
import { AUTHORITY_RE } from './furniture';
import { lDocFrontMatter, readLDocHeader } from './ldoc';
import { ZipArchive, ZipError, ZipLimits } from '../zip';
import { ImportedDocument, ImportedParagraph, ImportError, Run } from './draft';
import { descendants, kid, kids, parseXmlPart, textOf, XEl } from './xml';
import { toAlpha, toRoman } from '../lexicon';

export interface DocxOptions {
  /** 'accept' (default): the text with every tracked change accepted. 'proposals': insertions in
   *  bold, deletions struck through, as in a negotiation text. */
  trackedChanges?: 'accept' | 'proposals';
  zipLimits?: ZipLimits;
}

interface RunProps {
  italic?: boolean;
  bold?: boolean;
  strike?: boolean;
  vanish?: boolean;
  superscript?: boolean;
}

interface StyleDef {
  basedOn?: string;
  run: RunProps;
  numPr?: { numId?: string; ilvl?: number };
}

interface Level {
  start: number;
  fmt: string;
  text: string;
  restart?: number;
}

const OFF = new Set(['0', 'false', 'off', 'none']);

function onOff(el: XEl | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.attrs['w:val'];
  return v === undefined ? true : !OFF.has(v.toLowerCase());
}

function runProps(rPr: XEl | undefined): RunProps {
  if (!rPr) return {};
  const p: RunProps = {};
  const i = onOff(kid(rPr, 'w:i'));
  if (i !== undefined) p.italic = i;
  const b = onOff(kid(rPr, 'w:b'));
  if (b !== undefined) p.bold = b;
  const s = onOff(kid(rPr, 'w:strike')) ?? onOff(kid(rPr, 'w:dstrike'));
  if (s !== undefined) p.strike = s;
  const v = onOff(kid(rPr, 'w:vanish'));
  if (v !== undefined) p.vanish = v;
  const va = kid(rPr, 'w:vertAlign')?.attrs['w:val'];
  if (va) p.superscript = va === 'superscript';
  return p;
}

function merge(base: RunProps, over: RunProps): RunProps {
  return { ...base, ...Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) };
}

function numPr(pPr: XEl | undefined): { numId?: string; ilvl?: number } | undefined {
  const n = kid(pPr, 'w:numPr');
  if (!n) return undefined;
  const numId = kid(n, 'w:numId')?.attrs['w:val'];
  const ilvl = kid(n, 'w:ilvl')?.attrs['w:val'];
  return { numId, ilvl: ilvl !== undefined ? parseInt(ilvl, 10) || 0 : undefined };
}

class Styles {
  private readonly defs = new Map<string, StyleDef>();
  readonly defaults: RunProps;
  defaultParagraph?: string;

  constructor(root: XEl | undefined) {
    const docDefaults = kid(root, 'w:docDefaults');
    this.defaults = runProps(kid(kid(docDefaults, 'w:rPrDefault'), 'w:rPr'));
    for (const s of kids(root, 'w:style')) {
      const id = s.attrs['w:styleId'];
      if (!id) continue;
      this.defs.set(id, {
        basedOn: kid(s, 'w:basedOn')?.attrs['w:val'],
        run: runProps(kid(s, 'w:rPr')),
        numPr: numPr(kid(s, 'w:pPr')),
      });
      if (s.attrs['w:type'] === 'paragraph' && onOff({ name: '', attrs: { 'w:val': s.attrs['w:default'] ?? '0' }, children: [] }))
        this.defaultParagraph = id;
    }
  }

  /** Run properties a style gives, following basedOn (nearest wins). */
  run(id: string | undefined, seen = new Set<string>()): RunProps {
    if (!id || seen.has(id)) return {};
    seen.add(id);
    const d = this.defs.get(id);
    if (!d) return {};
    return merge(this.run(d.basedOn, seen), d.run);
  }

  numPr(id: string | undefined, seen = new Set<string>()): { numId?: string; ilvl?: number } | undefined {
    if (!id || seen.has(id)) return undefined;
    seen.add(id);
    const d = this.defs.get(id);
    if (!d) return undefined;
    return d.numPr ?? this.numPr(d.basedOn, seen);
  }
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'lowerLetter':
      return n < 1 ? '' : toAlpha(n);
    case 'upperLetter':
      return n < 1 ? '' : toAlpha(n).toUpperCase();
    case 'lowerRoman':
      return toRoman(n);
    case 'upperRoman':
      return toRoman(n).toUpperCase();
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/** Word's automatic numbering: counters per abstract list, computed in document order. */
class Numbering {
  private readonly abstract = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstractId: string; overrides: Map<number, { start?: number; level?: Level }> }>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();
  private readonly seenNums = new Set<string>();
  private readonly pendingReset = new Map<string, number>();

  constructor(root: XEl | undefined) {
    const levels = (el: XEl): Map<number, Level> => {
      const m = new Map<number, Level>();
      for (const l of kids(el, 'w:lvl')) m.set(parseInt(l.attrs['w:ilvl'] ?? '0', 10), level(l));
      return m;
    };
    const level = (l: XEl): Level => ({
      start: parseInt(kid(l, 'w:start')?.attrs['w:val'] ?? '1', 10),
      fmt: kid(l, 'w:numFmt')?.attrs['w:val'] ?? 'decimal',
      text: kid(l, 'w:lvlText')?.attrs['w:val'] ?? '',
      restart: kid(l, 'w:lvlRestart') ? parseInt(kid(l, 'w:lvlRestart')!.attrs['w:val'] ?? '0', 10) : undefined,
    });
    for (const a of kids(root, 'w:abstractNum')) this.abstract.set(a.attrs['w:abstractNumId'], levels(a));
    for (const n of kids(root, 'w:num')) {
      const overrides = new Map<number, { start?: number; level?: Level }>();
      for (const o of kids(n, 'w:lvlOverride')) {
        const so = kid(o, 'w:startOverride')?.attrs['w:val'];
        const lv = kid(o, 'w:lvl');
        overrides.set(parseInt(o.attrs['w:ilvl'] ?? '0', 10), {
          start: so !== undefined ? parseInt(so, 10) : undefined,
          level: lv ? level(lv) : undefined,
        });
      }
      this.nums.set(n.attrs['w:numId'], { abstractId: kid(n, 'w:abstractNumId')?.attrs['w:val'] ?? '', overrides });
    }
  }

  private level(numId: string, ilvl: number): Level | undefined {
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const o = num.overrides.get(ilvl);
    const base = this.abstract.get(num.abstractId)?.get(ilvl);
    if (o?.level) return { ...o.level, start: o.start ?? o.level.start };
    if (!base) return undefined;
    return o?.start !== undefined ? { ...base, start: o.start } : base;
  }

  /** The label of the next paragraph of this list at this level ("1.", "(a)"), or undefined. */
  next(numId: string | undefined, ilvl: number): string | undefined {
    if (!numId || numId === '0') return undefined;
    const num = this.nums.get(numId);
    if (!num) return undefined;
    const lvl = this.level(numId, ilvl);
    if (!lvl) return undefined;
    // As in Word, every list of one abstract definition shares its counters; a list with a start
    // override resets the level the first time it is used.
    const key = `abs:${num.abstractId}`;
    let c = this.counters.get(key);
    if (!c) {
      c = [];
      this.counters.set(key, c);
    }
    if (!this.seenNums.has(numId)) {
      this.seenNums.add(numId);
      for (const [l, o] of num.overrides)
        if (o.start !== undefined || o.level) this.pendingReset.set(`${key}:${l}`, this.level(numId, l)?.start ?? 1);
    }
    const reset = this.pendingReset.get(`${key}:${ilvl}`);
    if (reset !== undefined) {
      this.pendingReset.delete(`${key}:${ilvl}`);
      c[ilvl] = reset;
      this.started.add(`${key}:${ilvl}`);
    } else if (!this.started.has(`${key}:${ilvl}`) || c[ilvl] === undefined) {
      c[ilvl] = lvl.start;
      this.started.add(`${key}:${ilvl}`);
    } else {
      c[ilvl]++;
    }
    // deeper levels restart (lvlRestart 0 means never)
    for (let d = ilvl + 1; d < 9; d++) {
      const dl = this.level(numId, d);
      if (dl?.restart === 0) continue;
      if (dl?.restart !== undefined && dl.restart - 1 < ilvl) continue;
      this.started.delete(`${key}:${d}`);
      c[d] = undefined as unknown as number;
    }
    if (lvl.fmt === 'bullet') return '-';
    const label = lvl.text.replace(/%([1-9])/g, (_, k: string) => {
      const li = parseInt(k, 10) - 1;
      const l = this.level(numId, li);
      const v = c![li] ?? l?.start ?? 1;
      return formatNumber(v, li === ilvl ? lvl.fmt : (l?.fmt ?? 'decimal'));
    });
    return label.trim() || undefined;
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle(data: Uint8Array): boolean {
  return data.length >= 8 && OLE_MAGIC.every((b, i) => data[i] === b);
}

function includesUtf16(data: Uint8Array, s: string): boolean {
  const pat = Buffer.from(s, 'utf16le');
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf(pat) >= 0;
}

/** The error for an OLE compound file given as .docx. */
export function oleError(data: Uint8Array): ImportError {
  if (includesUtf16(data, 'EncryptedPackage')) {
    return new ImportError('this Word file is password-protected (encrypted); remove the password in Word and save it again as .docx');
  }
  return new ImportError('this is a Word 97–2003 .doc; save it as .docx (Word 2007 or later) and import that');
}

interface Ctx {
  styles: Styles;
  numbering: Numbering;
  mode: 'accept' | 'proposals';
  footnoteLabels: Map<string, string>;
  counts: { insertions: number; deletions: number; comments: number; images: number };
}

interface ParaOut {
  runs: Run[];
  /** The paragraph mark was deleted in a tracked change (accepted: the next paragraph joins it). */
  markDeleted: boolean;
}

function readParagraph(p: XEl, ctx: Ctx, paraStyle: string | undefined, notesMode: boolean): ParaOut {
  const runs: Run[] = [];
  const base = merge(ctx.styles.defaults, ctx.styles.run(paraStyle));
  let inField = 0; // inside a complex field's instruction part
  const fieldStack: boolean[] = [];

  const readRun = (r: XEl, change: 'ins' | 'del' | undefined): void => {
    const rPr = kid(r, 'w:rPr');
    const props = merge(merge(base, ctx.styles.run(kid(rPr, 'w:rStyle')?.attrs['w:val'])), runProps(rPr));
    if (props.vanish) return;
    const push = (text: string) => {
      if (!text) return;
      if (change === 'del' && ctx.mode === 'accept') return;
      const run: Run = { text, italic: !!props.italic };
      if (props.bold) run.bold = true;
      if (ctx.mode === 'proposals') {
        if (change === 'ins') run.bold = true;
        if (change === 'del') run.strike = true;
        if (props.strike) run.strike = true;
      }
      if (props.superscript && /^\d+$/.test(text.trim()) && !notesMode) {
        // a typed superscript number: a footnote marker written by hand
        runs.push({ text: '', note: text.trim() });
        return;
      }
      runs.push(run);
    };
    for (const c of r.children) {
      switch (c.name) {
        case 'w:fldChar': {
          const t = c.attrs['w:fldCharType'];
          if (t === 'begin') {
            fieldStack.push(true);
            inField++;
          } else if (t === 'separate') {
            if (fieldStack.length && fieldStack[fieldStack.length - 1]) {
              fieldStack[fieldStack.length - 1] = false;
              inField--;
            }
          } else if (t === 'end') {
            if (fieldStack.pop()) inField--;
          }
          break;
        }
        case 'w:instrText':
        case 'w:delInstrText':
          break;
        case 'w:t':
          if (!inField) push(textOf(c));
          break;
        case 'w:delText':
          if (!inField) push(textOf(c));
          break;
        case 'w:tab':
        case 'w:ptab':
          if (!inField) push(' ');
          break;
        case 'w:br':
        case 'w:cr':
          if (!inField && c.attrs['w:type'] !== 'page' && c.attrs['w:type'] !== 'column') push('\u2028');
          break;
        case 'w:noBreakHyphen':
          push('\u2011');
          break;
        case 'w:softHyphen':
          break;
        case 'w:sym': {
          const ch = c.attrs['w:char'];
          if (ch) {
            const code = parseInt(ch, 16);
            push(String.fromCodePoint(code >= 0xf000 ? code - 0xf000 : code));
          }
          break;
        }
        case 'w:footnoteReference': {
          if (change === 'del' && ctx.mode === 'accept') break;
          const id = c.attrs['w:id'];
          let label = ctx.footnoteLabels.get(id);
          if (!label) {
            label = String(ctx.footnoteLabels.size + 1);
            ctx.footnoteLabels.set(id, label);
          }
          runs.push({ text: '', note: label });
          break;
        }
        case 'w:commentReference':
          ctx.counts.comments++;
          break;
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
          ctx.counts.images++;
          break;
        default:
          break;
      }
    }
  };

  const walk = (el: XEl, change: 'ins' | 'del' | undefined): void => {
    for (const c of el.children) {
      switch (c.name) {
        case 'w:r':
          readRun(c, change);
          break;
        case 'w:ins':
        case 'w:moveTo':
          ctx.counts.insertions++;
          walk(c, 'ins');
          break;
        case 'w:del':
        case 'w:moveFrom':
          ctx.counts.deletions++;
          walk(c, 'del');
          break;
        case 'w:hyperlink':
        case 'w:smartTag':
        case 'w:fldSimple':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          walk(c, change);
          break;
        case 'w:sdt':
          walk(kid(c, 'w:sdtContent') ?? c, change);
          break;
        case 'm:oMath':
        case 'm:oMathPara':
          runs.push({ text: descendants(c, 'm:t').map(textOf).join('') });
          break;
        default:
          break;
      }
    }
  };
  walk(p, undefined);
  const markDeleted = !!kid(kid(kid(p, 'w:pPr'), 'w:rPr'), 'w:del');
  return { runs, markDeleted };
}

function labelOf(p: XEl, ctx: Ctx): string | undefined {
  const pPr = kid(p, 'w:pPr');
  const style = kid(pPr, 'w:pStyle')?.attrs['w:val'] ?? ctx.styles.defaultParagraph;
  const direct = numPr(pPr);
  const fromStyle = ctx.styles.numPr(style);
  const numId = direct?.numId ?? fromStyle?.numId;
  const ilvl = direct?.ilvl ?? fromStyle?.ilvl ?? 0;
  // a numbering change that was itself tracked: take the current numbering either way
  return ctx.numbering.next(numId, ilvl);
}

function headingLevel(styleId: string | undefined, styles: XEl | undefined): number | undefined {
  if (!styleId) return undefined;
  const m = /^Heading([1-6])$/i.exec(styleId);
  if (m) return parseInt(m[1], 10);
  const st = kids(styles, 'w:style').find((s) => s.attrs['w:styleId'] === styleId);
  const name = kid(st, 'w:name')?.attrs['w:val'] ?? '';
  const n = /^heading ([1-6])$/i.exec(name);
  return n ? parseInt(n[1], 10) : undefined;
}

/** Reads a .docx file into the intermediate form. Throws ImportError with a clear message. */
export function readDocx(data: Uint8Array, options: DocxOptions = {}): ImportedDocument {
  if (isOle(data)) throw oleError(data);
  let zip: ZipArchive;
  try {
    zip = new ZipArchive(data, options.zipLimits);
  } catch (err) {
    if (err instanceof ZipError) throw new ImportError(`not a readable .docx: ${err.message}`);
    throw err;
  }
  const get = (name: string): XEl | undefined => {
    let text: string | undefined;
    try {
      text = zip.text(name);
    } catch (err) {
      if (err instanceof ZipError) throw new ImportError(`not a readable .docx: ${err.message}`);
      throw err;
    }
    return text === undefined ? undefined : parseXmlPart(text, name);
  };
  if (!zip.has('word/document.xml')) {
    if (zip.has('content.xml') && zip.has('mimetype'))
      throw new ImportError('this is an OpenDocument file (.odt); save it as .docx and import that');
    throw new ImportError('not a Word document: the archive has no word/document.xml');
  }
  const document = get('word/document.xml')!;
  const stylesRoot = get('word/styles.xml');
  const ctx: Ctx = {
    styles: new Styles(stylesRoot),
    numbering: new Numbering(get('word/numbering.xml')),
    mode: options.trackedChanges ?? 'accept',
    footnoteLabels: new Map(),
    counts: { insertions: 0, deletions: 0, comments: 0, images: 0 },
  };
  const body = kid(document, 'w:body');
  if (!body) throw new ImportError('not a Word document: word/document.xml has no body');

  const paragraphs: ImportedParagraph[] = [];
  let pendingJoin: ImportedParagraph | undefined;
  const addParagraph = (p: XEl, prefix?: string) => {
    const styleId = kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'];
    const label = labelOf(p, ctx);
    const { runs, markDeleted } = readParagraph(p, ctx, styleId ?? ctx.styles.defaultParagraph, false);
    if (prefix) runs.unshift({ text: prefix });
    if (pendingJoin) {
      pendingJoin.runs.push({ text: ' ' }, ...runs);
      if (!(markDeleted && ctx.mode === 'accept')) pendingJoin = undefined;
      return;
    }
    const para: ImportedParagraph = { runs };
    if (label) para.label = label;
    const h = headingLevel(styleId, stylesRoot);
    if (h) para.heading = h;
    const empty = !runs.some((r) => r.note || r.text.trim());
    if (empty && !label) return;
    paragraphs.push(para);
    if (markDeleted && ctx.mode === 'accept') pendingJoin = para;
  };
  const walkBody = (el: XEl): void => {
    for (const c of el.children) {
      if (c.name === 'w:p') addParagraph(c);
      else if (c.name === 'w:tbl') {
        for (const tr of descendants(c, 'w:tr')) {
          const cells = descendants(tr, 'w:tc').map((tc) => {
            const runs: Run[] = [];
            for (const p of descendants(tc, 'w:p')) {
              if (runs.length) runs.push({ text: ' ' });
              runs.push(...readParagraph(p, ctx, kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'], false).runs);
            }
            return runs;
          });
          const runs: Run[] = [{ text: '| ' }];
          for (const cell of cells) runs.push(...cell, { text: ' | ' });
          paragraphs.push({ runs });
        }
      } else if (c.name === 'w:sdt') walkBody(kid(c, 'w:sdtContent') ?? c);
      else if (c.name === 'w:customXml' || c.name === 'w:ins' || c.name === 'w:del') walkBody(c);
    }
  };
  walkBody(body);

  // Footnotes, in the order their markers appear.
  const footnotes = new Map<string, Run[]>();
  if (ctx.footnoteLabels.size) {
    const notesRoot = get('word/footnotes.xml');
    const byId = new Map<string, XEl>();
    for (const f of kids(notesRoot, 'w:footnote')) byId.set(f.attrs['w:id'], f);
    for (const [id, label] of ctx.footnoteLabels) {
      const f = byId.get(id);
      if (!f) continue;
      const runs: Run[] = [];
      for (const p of descendants(f, 'w:p')) {
        const r = readParagraph(p, ctx, kid(kid(p, 'w:pPr'), 'w:pStyle')?.attrs['w:val'], true).runs;
        if (runs.length && r.length) runs.push({ text: ' ' });
        runs.push(...r);
      }
      // the footnote's own mark (w:footnoteRef) is not text; a leading space or tab is layout
      if (runs.length) runs[0] = { ...runs[0], text: runs[0].text.replace(/^\s+/, '') };
      footnotes.set(label, runs);
    }
  }

  const warnings: string[] = [];
  const { insertions, deletions, comments, images } = ctx.counts;
  if (insertions + deletions) {
    warnings.push(
      ctx.mode === 'accept'
        ? `${insertions + deletions} tracked change(s) in the file were accepted (${insertions} insertion(s), ${deletions} deletion(s))`
        : `${insertions + deletions} tracked change(s) imported as proposals: insertions in bold, deletions struck through`,
    );
  }
  if (comments) warnings.push(`${comments} comment(s) dropped`);
  else if (zip.has('word/comments.xml')) {
    const c = kids(get('word/comments.xml'), 'w:comment').length;
    if (c) warnings.push(`${c} comment(s) dropped`);
  }
  if (images) warnings.push(`${images} picture(s) or object(s) skipped`);
  // an L document's header before the authority line: structured front matter
  const authority = paragraphs.findIndex((p) =>
    AUTHORITY_RE.test(
      p.runs
        .map((r) => r.text)
        .join('')
        .trim(),
    ),
  );
  const header = authority > 0 ? readLDocHeader(paragraphs.slice(0, authority).map((p) => p.runs.map((r) => r.text).join(''))) : undefined;
  if (header) return { front: lDocFrontMatter(header), paragraphs: paragraphs.slice(authority), footnotes, warnings };
  return { front: [], paragraphs, footnotes, warnings };
}
