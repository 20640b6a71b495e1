/** Document URIs and file paths. */
import { fileURLToPath } from 'url';

/** The file system path of a `file:` URI, or undefined for other schemes (untitled:, …) and bad URIs. */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
