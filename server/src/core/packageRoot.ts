/** Where the installed package is (a clone, the .vsix, or an npm install): its files found at run time. */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

let cached: string | null | undefined;

/** The folder holding the package's package.json (named resolution-drafting), or undefined. */
export function packageRoot(): string | undefined {
  if (cached !== undefined) return cached ?? undefined;
  let dir = __dirname;
  cached = null;
  for (let i = 0; i < 8; i++) {
    const pkg = path.join(dir, 'package.json');
    try {
      if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'resolution-drafting') {
        cached = dir;
        break;
      }
    } catch {
      // not ours: keep looking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return cached ?? undefined;
}

/** A file or folder shipped with the package, when it is there. */
export function packageFile(...parts: string[]): string | undefined {
  const root = packageRoot();
  if (!root) return undefined;
  const p = path.join(root, ...parts);
  return fs.existsSync(p) ? p : undefined;
}

/** The file: URL of a shipped file, when it is there. */
export function packageFileUrl(...parts: string[]): string | undefined {
  const p = packageFile(...parts);
  return p ? pathToFileURL(p).href : undefined;
}

/** The package's version from its package.json ("0.0.0" when it cannot be read). */
export function packageVersion(): string {
  const file = packageFile('package.json');
  try {
    return file ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version : '0.0.0';
  } catch {
    return '0.0.0';
  }
}
