import { ImportedDocument, ImportError } from './draft';
export function readPlainText(_text: string): ImportedDocument {
  throw new ImportError('text import is not available yet');
}
