/** Expands command-line paths (files, folders, simple globs) into resolution files. */
import * as fs from 'fs';
import * as path from 'path';

export const DRAFT_EXTENSIONS = ['.res.md', '.resolution.md', '.resolution', '.md', '.txt'];

export function isDraftFile(file: string): boolean {
  const lower = file.toLowerCase();
  return DRAFT_EXTENSIONS.some((e) => lower.endsWith(e)) && !/(^|[\\/])(readme|changelog)\.md$/i.test(lower);
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);

function walk(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out);
    } else if (e.isFile() && isDraftFile(e.name)) out.push(p);
  }
}

/** Turns a glob (`*`, `**`, `?`) into a regular expression over `/`-separated paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export interface Expanded {
  files: string[];
  /** Paths that do not exist or match nothing, with why. */
  missing: string[];
}

export function expandPaths(args: string[]): Expanded {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    if (/[*?]/.test(arg)) {
      const norm = arg.split(path.sep).join('/');
      const firstWild = norm.search(/[*?]/);
      const baseDir = norm.slice(0, norm.lastIndexOf('/', firstWild) + 1) || '.';
      const re = globToRegExp(norm.replace(/^\.\//, ''));
      const all: string[] = [];
      walk(baseDir, all);
      const matched = all.filter((f) => re.test(f.split(path.sep).join('/').replace(/^\.\//, '')));
      if (matched.length === 0) missing.push(`${arg}: no file matches`);
      files.push(...matched);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(arg);
    } catch (err: any) {
      missing.push(`${arg}: ${err?.code === 'ENOENT' ? 'no such file or folder' : err?.message ?? String(err)}`);
      continue;
    }
    if (st.isDirectory()) {
      const before = files.length;
      walk(arg, files);
      if (files.length === before) missing.push(`${arg}: no resolution files in this folder`);
    } else files.push(arg);
  }
  return { files: [...new Set(files)], missing };
}
