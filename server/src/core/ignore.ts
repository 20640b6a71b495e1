/**
 * Which drafts a check of a whole folder passes over: the `ignore` setting (globs relative to the
 * folder being checked) and `.resolutionignore` files (gitignore-like lines, globs relative to the
 * file's folder; `#` comments, `!` to take a path back, a trailing `/` for folders only, a pattern
 * without `/` matching a name at any depth). Later lines win over earlier ones, a nearer file over
 * a farther one. Globs are matched with picomatch. No LSP import.
 */
import * as fs from 'fs';
import * as path from 'path';
import picomatch from 'picomatch';

export const IGNORE_FILE_NAME = '.resolutionignore';

interface Rule {
  base: string;
  negate: boolean;
  dirOnly: boolean;
  match: (p: string) => boolean;
  /** Matched against the name only (no `/` in the pattern). */
  anyDepth: boolean;
}

/** Rules from gitignore-like lines, relative to `base`. */
export function ignoreRules(lines: string[], base: string): Rule[] {
  const rules: Rule[] = [];
  for (const raw of lines) {
    let line = raw.replace(/\r$/, '').trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    if (negate) line = line.slice(1);
    const dirOnly = line.endsWith('/');
    if (dirOnly) line = line.replace(/\/+$/, '');
    const anyDepth = !line.includes('/');
    line = line.replace(/^\//, '');
    if (!line) continue;
    rules.push({ base, negate, dirOnly, anyDepth, match: picomatch(line, { dot: true }) });
  }
  return rules;
}

function applies(rule: Rule, file: string): boolean | undefined {
  const rel = path.relative(rule.base, file).split(path.sep).join('/');
  if (!rel || rel.startsWith('../') || path.isAbsolute(rel)) return undefined;
  const parts = rel.split('/');
  // the file itself and each folder it is in (a folder ignored ignores what it holds)
  for (let i = 1; i <= parts.length; i++) {
    const isDir = i < parts.length;
    if (rule.dirOnly && !isDir) continue;
    const candidate = rule.anyDepth ? parts[i - 1] : parts.slice(0, i).join('/');
    if (rule.match(candidate)) return true;
  }
  return false;
}

/**
 * Decides, for files under `root`, whether a folder check passes them over. `patterns` are the
 * configured `ignore` globs (relative to `root`); `.resolutionignore` files are read from `root`
 * down to each file's folder (each once).
 */
export class IgnoreFilter {
  private readonly cache = new Map<string, Rule[]>();
  private readonly base: Rule[];
  constructor(
    private readonly root: string,
    patterns: string[] = [],
  ) {
    this.root = path.resolve(root);
    this.base = ignoreRules(patterns, this.root);
  }

  private fileRules(dir: string): Rule[] {
    let rules = this.cache.get(dir);
    if (!rules) {
      let text = '';
      try {
        text = fs.readFileSync(path.join(dir, IGNORE_FILE_NAME), 'utf8');
      } catch {
        text = '';
      }
      rules = ignoreRules(text.split('\n'), dir);
      this.cache.set(dir, rules);
    }
    return rules;
  }

  /** True when the file is to be passed over; `extra` are further configured globs relative to the root. */
  ignores(file: string, extra: string[] = []): boolean {
    const abs = path.resolve(file);
    const rel = path.relative(this.root, abs);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
    const dirs: string[] = [];
    for (let d = path.dirname(abs); ; d = path.dirname(d)) {
      dirs.unshift(d);
      if (d === this.root || path.dirname(d) === d) break;
    }
    const rules = [...this.base, ...ignoreRules(extra, this.root), ...dirs.flatMap((d) => this.fileRules(d))];
    let ignored = false;
    for (const r of rules) if (applies(r, abs)) ignored = !r.negate;
    return ignored;
  }
}
