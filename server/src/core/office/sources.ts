/**
 * Texts the Word export, the base finder and the redline read: drafts in the project's text format,
 * and adopted resolutions in AKN4UN XML converted to that format (symbol, title, authority line,
 * preambular and operative paragraphs, sub-paragraphs, footnotes as `[^n]`). Plain TypeScript, no
 * LSP import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { AknDocument, parseAkn } from '../precedent/akn';
import { importBytes } from '../import';
import { looksLikePrintedText } from '../import/furniture';

/** Largest file read as a draft or a base (bytes). */
export const MAX_SOURCE_BYTES = 32 * 1024 * 1024;

export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceError';
  }
}

/** Escapes what the draft parser would read as structure at the start of a line. */
function escapeLineStart(text: string): string {
  return text.replace(/^(\d+)\.(?=\s)/, '$1\\.').replace(/^([#>])/, '\\$1');
}

/** An AKN resolution as a draft in the project's format. */
export function aknToDraft(doc: AknDocument): string {
  const out: string[] = [];
  if (doc.symbol) out.push(doc.symbol);
  if (doc.date) out.push(`Adopted on ${doc.date}`);
  const key = doc.symbol?.replace(/^\s*[A-Z]{1,3}\/RES\//i, '');
  if (doc.title) out.push(key && /^\d/.test(key) ? `${key}. ${doc.title}` : doc.title);
  const organ = /^E\/RES\//.test(doc.symbol ?? '')
    ? 'The Economic and Social Council,'
    : /^S\/RES\//.test(doc.symbol ?? '')
      ? 'The Security Council,'
      : 'The General Assembly,';
  let authority = false;
  for (const p of doc.paragraphs) {
    if (!authority && p.kind !== 'preambular') {
      out.push(organ);
      authority = true;
    }
    if (p.kind === 'preambular') {
      if (!authority && out.length && p.number === '1') {
        out.push(organ);
        authority = true;
      }
      out.push(escapeLineStart(p.text));
    } else if (p.kind === 'operative') {
      out.push(p.number ? `${p.number}. ${p.text}` : escapeLineStart(p.text));
    } else if (p.kind === 'subparagraph') {
      const labels = p.number.match(/\(?[a-z]{1,6}\)|\(?[ivxlc]+\)/gi) ?? [];
      const last = labels[labels.length - 1];
      const label = last ? (last.startsWith('(') ? last : `(${last}`) : '';
      out.push(label ? `${label} ${p.text}` : escapeLineStart(p.text));
    } else out.push(escapeLineStart(p.text));
  }
  const notes = doc.notes ?? [];
  if (notes.length) {
    out.push('---');
    for (const n of notes) out.push(`[^${n.label}]: ${n.text}`);
  }
  return out.join('\n\n') + '\n';
}

export interface DraftSource {
  /** The text in the project's format. */
  text: string;
  /** The resolutions of an AKN file beyond the first, by symbol (an "A-B" file). */
  others?: string[];
}

/**
 * Reads a draft or an adopted text from disk: text formats as they are, AKN4UN XML converted (the
 * resolution named `symbol` when the file holds several).
 */
export function readDraftSource(file: string, symbol?: string): DraftSource {
  let data: Buffer;
  try {
    const st = fs.statSync(file);
    if (st.isDirectory()) throw new SourceError(`${file} is a folder, not a file`);
    if (st.size > MAX_SOURCE_BYTES) throw new SourceError(`${file} is too large (${st.size} bytes)`);
    data = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof SourceError) throw e;
    throw new SourceError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (data[0] === 0x50 && data[1] === 0x4b) {
    throw new SourceError(`${file} is a Word or zip file; import it first (resolution import) and use the draft it gives`);
  }
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') {
    throw new SourceError(`${file} is a PDF; import it first (resolution import) and use the draft it gives`);
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new SourceError(`${file} is not a text file (binary content)`);
  if (ext === '.xml' || /^\s*<\?xml|^\s*<akomaNtoso/.test(text)) {
    let docs: AknDocument[];
    try {
      docs = parseAkn(text, { footnotes: true });
    } catch (e) {
      throw new SourceError(`${file}: ${(e as Error).message}`);
    }
    if (docs.length === 0) throw new SourceError(`${file}: no resolution in this Akoma Ntoso file`);
    const norm = (x: string | undefined) => (x ?? '').replace(/\s+/g, ' ').trim();
    const chosen = (symbol && docs.find((d) => norm(d.symbol) === norm(symbol))) || docs[0];
    return { text: aknToDraft(chosen), ...(docs.length > 1 ? { others: docs.slice(1).map((d) => d.symbol ?? '') } : {}) };
  }
  return { text };
}

export interface LoadedSource extends DraftSource {
  /** What the import reported (a PDF, a .docx or printed text); empty for the project's formats. */
  warnings: string[];
}

/**
 * Reads a draft or an adopted text from disk like readDraftSource, and a PDF, a Word file or text
 * copied out of a PDF through the import: the text is then exactly the draft `resolution import`
 * gives for that file. Damaged files give the import's message.
 */
export async function loadDraftSource(file: string, symbol?: string): Promise<LoadedSource> {
  try {
    const src = readDraftSource(file, symbol);
    if (!looksLikePrintedText(src.text)) return { ...src, warnings: [] };
  } catch (e) {
    if (!(e instanceof SourceError) || !/import it first/.test(e.message)) throw e;
  }
  const data = new Uint8Array(fs.readFileSync(file));
  try {
    const r = await importBytes(data, { fileName: file });
    return { text: r.draft, warnings: r.warnings };
  } catch (e) {
    throw new SourceError(`cannot import ${file}: ${(e as Error).message}`);
  }
}
