/**
 * Where the corpus sources are configured, shared by the editor and the command line.
 *
 * - `.resolutionrc.json` `corpus.paths` is the project's list: the command line reads and edits it
 *   (`resolution corpus add|remove`), and the editor reads it too; relative paths are taken from
 *   the folder of the file. The nearest file above the folder wins (as for every setting).
 * - the VS Code setting `resolution.corpus.paths` adds sources of one's own (user or workspace
 *   settings); the editor uses both lists together (their union, the file's first); the command
 *   line does not read VS Code settings.
 * - The Corpus view's Add writes to the project's `.resolutionrc.json` when the workspace has one,
 *   else to the VS Code setting; Remove takes a source out of the list that names it.
 * Edits keep the file's comments and layout (jsonc-parser). Plain TypeScript, no LSP import.
 */
import * as fs from 'fs';
import * as path from 'path';
import { applyEdits, modify, parse as parseJsonc, ParseError } from 'jsonc-parser';
import { CONFIG_FILE_NAME, resolveConfig } from '../config';

export interface CorpusConfig {
  /** The nearest `.resolutionrc.json` (absolute), if there is one. */
  rcFile?: string;
  /** Sources named by the configuration files, absolute. */
  rcPaths: string[];
  /** Sources named by the VS Code setting, absolute. */
  settingPaths: string[];
  /** Both, without repeats: what the corpus loads. */
  paths: string[];
  builtin: boolean;
  includeWorkspace: boolean;
}

function expand(p: string, base: string): string {
  return path.resolve(base, p.trim().replace(/^~(?=$|[\\/])/, process.env.HOME ?? '~'));
}

/**
 * The corpus sources for a folder: `settings` is the `resolution` settings section (or {} on the
 * command line); `dir` the workspace folder or the current directory.
 */
export function corpusConfig(settings: unknown, dir: string | undefined): CorpusConfig {
  const s = (settings ?? {}) as { corpus?: { paths?: unknown }; 'corpus.paths'?: unknown };
  const fromFiles = resolveConfig({}, dir ? path.join(dir, CONFIG_FILE_NAME) : undefined);
  const merged = resolveConfig(s, dir ? path.join(dir, CONFIG_FILE_NAME) : undefined);
  const rcFile = fromFiles.files[0];
  const base = rcFile ? path.dirname(rcFile) : (dir ?? process.cwd());
  const rcPaths = fromFiles.files.length ? fromFiles.config.corpus.paths.filter((p) => p.trim()).map((p) => expand(p, base)) : [];
  const rawSetting = s.corpus?.paths ?? s['corpus.paths'];
  const settingPaths = Array.isArray(rawSetting)
    ? rawSetting.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => expand(p, dir ?? process.cwd()))
    : [];
  const paths = [...new Set([...rcPaths, ...settingPaths])];
  return {
    ...(rcFile ? { rcFile } : {}),
    rcPaths,
    settingPaths,
    paths,
    builtin: merged.config.corpus.builtin !== false,
    includeWorkspace: merged.config.corpus.includeWorkspace === true,
  };
}

/** How a path is written into a configuration file: relative to its folder when inside it. */
export function pathForFile(rcFile: string, p: string): string {
  const rel = path.relative(path.dirname(rcFile), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}

export interface EditResult {
  file: string;
  changed: boolean;
  /** The file's `corpus.paths` after the edit, as written. */
  paths: string[];
}

/**
 * Adds a source to (or removes one from) `corpus.paths` of a `.resolutionrc.json`, creating the
 * file when it does not exist; comments and layout are kept. Throws with a readable message when
 * the file is not valid JSON (nothing is written then).
 */
export function editCorpusPaths(rcFile: string, action: 'add' | 'remove', source: string): EditResult {
  const abs = path.resolve(source);
  let text = '';
  try {
    text = fs.readFileSync(rcFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`cannot read ${rcFile}: ${(e as Error).message}`);
  }
  const errors: ParseError[] = [];
  const value = text.trim() ? parseJsonc(text, errors, { allowTrailingComma: true }) : {};
  if (errors.length || typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`${rcFile} is not a valid JSON object; fix it first (nothing was changed)`);
  }
  const base = path.dirname(rcFile);
  const current: string[] = Array.isArray(value.corpus?.paths) ? value.corpus.paths.filter((p: unknown) => typeof p === 'string') : [];
  const has = current.findIndex((p) => expand(p, base) === abs);
  let next = current;
  if (action === 'add' && has < 0) next = [...current, pathForFile(rcFile, abs)];
  if (action === 'remove' && has >= 0) next = current.filter((p) => expand(p, base) !== abs);
  if (next === current) return { file: rcFile, changed: false, paths: current };
  const edits = modify(text.trim() ? text : '{}\n', ['corpus', 'paths'], next, {
    formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' },
  });
  const out = applyEdits(text.trim() ? text : '{}\n', edits);
  fs.writeFileSync(rcFile, out.endsWith('\n') ? out : out + '\n');
  return { file: rcFile, changed: true, paths: next };
}
