/**
 * Import of Word (.docx), PDF and plain text into a draft in the project's Markdown format.
 * The kind of file is told from its first bytes, not its name; every failure is an ImportError
 * with a message for the user. Plain TypeScript, no LSP import.
 */
import { ImportError, ImportResult, writeDraft } from './draft';
import { isOle, oleError, readDocx } from './docx';
import { looksLikeZip } from '../zip';
import type { ZipLimits } from '../zip';
import { readPdf } from './pdf';
import { readPlainText } from './text';

export { ImportError } from './draft';
export type { ImportResult } from './draft';

export interface ImportOptions {
  /** Tracked changes in a .docx: accepted (default) or kept as proposals (**inserted**, ~~deleted~~). */
  trackedChanges?: 'accept' | 'proposals';
  zipLimits?: ZipLimits;
  /** The file name, used only when the bytes do not tell the kind (plain text). */
  fileName?: string;
}

export type ImportKind = 'docx' | 'pdf' | 'text';

function isPdf(data: Uint8Array): boolean {
  // "%PDF-" within the first KiB (some writers put junk before it)
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(1024, data.byteLength)).toString('latin1');
  return head.includes('%PDF-');
}

/** True when the bytes read as text: valid UTF-8 (or UTF-16 with a BOM) with few control characters. */
function textOf(data: Uint8Array): string | undefined {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  let s: string;
  try {
    s = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  const sample = s.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control > sample.length / 100 ? undefined : s;
}

/** What kind of file the bytes are, or an ImportError saying why it cannot be imported. */
export function detectKind(data: Uint8Array, fileName = ''): ImportKind {
  if (data.length === 0) throw new ImportError('the file is empty');
  if (isPdf(data)) return 'pdf';
  if (looksLikeZip(data)) return 'docx';
  if (isOle(data)) throw oleError(data);
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(16, data.byteLength)).toString('latin1');
  if (head.startsWith('{\\rtf')) throw new ImportError('this is an RTF file; save it as .docx and import that');
  if (textOf(data) !== undefined) return 'text';
  if (/\.docx$/i.test(fileName)) throw new ImportError('not a readable .docx: the file is not a zip archive (damaged, or not a Word file)');
  if (/\.pdf$/i.test(fileName)) throw new ImportError('not a readable PDF: the file has no PDF header (damaged, or not a PDF)');
  throw new ImportError('not a Word (.docx), PDF or text file');
}

/** Imports a file's bytes as a draft. */
export async function importBytes(data: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const kind = detectKind(data, options.fileName);
  if (kind === 'docx') {
    const doc = readDocx(data, { trackedChanges: options.trackedChanges, zipLimits: options.zipLimits });
    return { draft: writeDraft(doc), warnings: doc.warnings };
  }
  if (kind === 'pdf') {
    const doc = await readPdf(data);
    return { draft: writeDraft(doc), warnings: doc.warnings };
  }
  const doc = readPlainText(textOf(data)!);
  return { draft: writeDraft(doc), warnings: doc.warnings };
}
