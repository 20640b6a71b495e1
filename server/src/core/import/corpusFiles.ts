/**
 * PDF and Word files (and text copied out of a PDF) in a precedent corpus: read through the import,
 * as the draft `resolution import` gives, so that their front matter names the symbol, date and
 * title. Loading this module registers the reader with the corpus (core/precedent/sources.ts cannot
 * import the import: the import depends on the precedent code).
 */
import { registerOfficeReader } from '../precedent/sources';
import { GENERATOR } from '../office/ooxml';
import { looksLikeZip, ZipArchive } from '../zip';
import { importBytes } from './index';

/** True for a .docx the project itself wrote (an export or a redline): its docProps name our generator. */
export function writtenByProject(data: Uint8Array): boolean {
  if (!looksLikeZip(data)) return false;
  try {
    const app = new ZipArchive(data).text('docProps/app.xml');
    return !!app && new RegExp(`<Application>\\s*${GENERATOR}\\s*</Application>`).test(app);
  } catch {
    return false;
  }
}

/** A corpus file's text in the project's format: a PDF, a .docx, or printed text, imported. */
export async function readOfficeCorpusFile(data: Uint8Array, file: string): Promise<string> {
  if (writtenByProject(data)) throw new Error(`written by ${GENERATOR} (an export or a redline), not an adopted text`);
  return (await importBytes(data, { fileName: file })).draft;
}

registerOfficeReader(readOfficeCorpusFile);
