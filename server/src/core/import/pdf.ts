import { ImportedDocument, ImportError } from './draft';
export async function readPdf(_data: Uint8Array): Promise<ImportedDocument> {
  throw new ImportError('PDF import is not available yet');
}
