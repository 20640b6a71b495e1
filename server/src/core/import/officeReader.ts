/**
 * Registers the corpus's reader of PDF and Word files without loading it: the import (pdf.js, the
 * Word reader, the word data) loads when a corpus first holds such a file, not at startup.
 */
import { registerOfficeReader } from '../precedent/sources';

export function registerOfficeReaderOnDemand(): void {
  registerOfficeReader(async (data, file) => (await import('./corpusFiles')).readOfficeCorpusFile(data, file));
}
