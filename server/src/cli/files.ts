/**
 * Expands command-line paths (files, folders, globs) into resolution files. Globs are matched
 * with picomatch (`*`, `**`, `?`, `{a,b}`, `[ab]`); symbolic links in a folder walk are followed,
 * each real folder once (a link back up the tree is reported, not followed again).
 */
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';
import { resolveConfig } from '../core/config';
import { IgnoreFilter } from '../core/ignore';

export const DRAFT_EXTENSIONS = ['.res.md', '.resolution.md', '.resolution', '.md', '.txt'];

export function isDraftFile(file: string): boolean {
  const lower = file.toLowerCase();
  return DRAFT_EXTENSIONS.some((e) => lower.endsWith(e)) && !/(^|[\\/])(readme|changelog)\.md$/i.test(lower);
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

interface Walk {
  /** Real paths of the folders walked so far (loop protection). */
  seen: Set<string>;
  /** What was skipped and why (broken links, loops, unreadable folders). */
  skipped: string[];
}

function walk(dir: string, out: string[], w: Walk): void {
  let real: string;
  try {
    real = fs.realpathSync(dir);
  } catch (caught) {
    const err = caught as NodeJS.ErrnoException | undefined;
    w.skipped.push(`${dir}: ${err?.code ?? String(err)}; skipped`);
    return;
  }
  if (w.seen.has(real)) {
    w.skipped.push(`${dir}: a link to a folder already checked (${real}); not followed again`);
    return;
  }
  w.seen.add(real);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (caught) {
    const err = caught as NodeJS.ErrnoException | undefined;
    w.skipped.push(`${dir}: cannot be read (${err?.code ?? String(err)}); skipped`);
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const st = fs.statSync(p);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (caught) {
        const err = caught as NodeJS.ErrnoException | undefined;
        if (isDraftFile(e.name)) w.skipped.push(`${p}: a broken link (${err?.code ?? String(err)}); skipped`);
        continue;
      }
    }
    if (isDir) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out, w);
    } else if (isFile && isDraftFile(e.name)) out.push(p);
  }
}

const GLOB_CHARS = /[*?{}[\]]/;

export interface Expanded {
  files: string[];
  /** Paths that do not exist or match nothing, with why. */
  missing: string[];
  /** Files or folders passed over during a folder walk, with why. */
  skipped: string[];
  /** Drafts in the folders walked that the `ignore` setting or a .resolutionignore file passes over. */
  ignored?: number;
}

export function expandPaths(args: string[]): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  const w: Walk = { seen: new Set(), skipped: [] };
  let ignored = 0;
  for (const arg of args) {
    // A path that exists is taken as it is, even if it holds glob characters.
    if (GLOB_CHARS.test(arg) && !fs.existsSync(arg)) {
      const norm = arg.split(path.sep).join('/');
      const { base } = picomatch.scan(norm);
      const isMatch = picomatch(norm.replace(/^\.\//, ''), { dot: false });
      const all: string[] = [];
      walk(base || '.', all, { seen: new Set(), skipped: w.skipped });
      const matched = all.filter((f) => isMatch(f.split(path.sep).join('/').replace(/^\.\//, '')));
      if (matched.length === 0) missing.push(`${arg}: no file matches`);
      files.push(...matched);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch (caught) {
      const err = caught as NodeJS.ErrnoException | undefined;
      missing.push(`${arg}: ${err?.code === 'ENOENT' ? 'no such file or folder' : (err?.message ?? String(err))}`);
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      walk(arg, found, w);
      // the `ignore` setting of .resolutionrc.json and .resolutionignore files (a file named on
      // the command line is still checked)
      const filter = new IgnoreFilter(arg);
      const kept = found.filter((f) => !filter.ignores(f, resolveConfig(undefined, f).config.ignore));
      if (found.length === 0) missing.push(`${arg}: no resolution files in this folder`);
      else if (kept.length < found.length) ignored += found.length - kept.length;
      files.push(...kept);
    } else files.push(arg);
  }
  return { files: [...new Set(files)], missing, skipped: w.skipped, ignored };
}
