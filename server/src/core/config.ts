/**
 * Configuration of the checks: the `resolution` settings section (as VS Code sends it) overlaid
 * by `.resolutionrc.json` files found up the folder tree from the document (nearest wins).
 * A malformed file is reported as a problem and otherwise ignored. No LSP import.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Severity } from './findings';
import { toLanguageSetting, type LanguageSetting } from './detect-language';
import { DEFAULT_TAGS, type TagSet } from './negotiation/conventions';

export type RuleLevel = Severity | 'off';
export type PreambularItalicStyle = 'consistent' | 'always' | 'never';

export interface RuleSetting {
  severity?: RuleLevel;
  options: Record<string, unknown>;
}

export interface ResolvedConfig {
  /** Per rule id: severity override and options, as configured (absent = defaults). */
  rules: Record<string, RuleSetting>;
  style: { preambularItalic: PreambularItalicStyle };
  /** Negotiation draft mode: 'auto' (the default) follows the markings of the text; true forces it; false turns it off. */
  draftMode: boolean | 'auto';
  /** Negotiation texts: the status tags a draft may carry, by meaning. */
  negotiation: { tags: TagSet };
  phrases: { operative: string[]; preambular: string[] };
  /** The drafts' language: `auto` detects it from each text (a front matter `lang:` line wins). */
  language: LanguageSetting;
  corpus: { paths: string[]; builtin: boolean; includeWorkspace: boolean };
  precedent: { maxCompletions: number; minScore?: number };
}

export interface ConfigProblem {
  /** The configuration file (absolute path). */
  file: string;
  message: string;
  /** 0-based line and character of the problem in the file, when known. */
  line?: number;
  character?: number;
}

export const CONFIG_FILE_NAME = '.resolutionrc.json';
export const LEVELS: RuleLevel[] = ['off', 'hint', 'information', 'warning', 'error'];

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    style: { preambularItalic: 'consistent' },
    draftMode: 'auto',
    negotiation: { tags: { agreed: [...DEFAULT_TAGS.agreed], pending: [...DEFAULT_TAGS.pending], deleted: [...DEFAULT_TAGS.deleted], other: [...DEFAULT_TAGS.other] } },
    phrases: { operative: [], preambular: [] },
    language: 'auto',
    corpus: { paths: [], builtin: true, includeWorkspace: false },
    precedent: { maxCompletions: 5 },
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function normaliseLevel(v: unknown): RuleLevel | undefined {
  if (typeof v !== 'string') return undefined;
  const s = v.trim().toLowerCase();
  if (s === 'info') return 'information';
  if (s === 'warn') return 'warning';
  return (LEVELS as string[]).includes(s) ? (s as RuleLevel) : undefined;
}

/**
 * Overlays one settings object (VS Code section or a config file's content) on a config.
 * Unknown or ill-typed values are skipped and described in `problems`.
 */
export function overlay(base: ResolvedConfig, layer: unknown, problems: string[] = []): ResolvedConfig {
  if (layer === undefined || layer === null) return base;
  if (!isObject(layer)) {
    problems.push('the configuration must be a JSON object');
    return base;
  }
  const out: ResolvedConfig = {
    rules: { ...base.rules },
    style: { ...base.style },
    draftMode: base.draftMode,
    negotiation: { tags: { ...base.negotiation.tags } },
    phrases: { operative: [...base.phrases.operative], preambular: [...base.phrases.preambular] },
    language: base.language,
    corpus: { ...base.corpus, paths: [...base.corpus.paths] },
    precedent: { ...base.precedent },
  };
  // Flat dotted keys ("rules.operative-numbering", "style.preambularItalic") are accepted as well.
  const nested: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layer)) {
    const key = k.startsWith('resolution.') ? k.slice('resolution.'.length) : k;
    const dot = key.indexOf('.');
    if (dot > 0 && ['rules', 'style', 'phrases', 'corpus', 'precedent', 'trace', 'negotiation'].includes(key.slice(0, dot))) {
      const head = key.slice(0, dot);
      const obj = (isObject(nested[head]) ? nested[head] : {}) as Record<string, unknown>;
      obj[key.slice(dot + 1)] = v;
      nested[head] = obj;
    } else if (isObject(v) && isObject(nested[key])) {
      nested[key] = { ...(nested[key] as object), ...v };
    } else {
      nested[key] = v;
    }
  }

  if (nested.rules !== undefined) {
    if (!isObject(nested.rules)) problems.push('"rules" must be an object of rule id → level or options');
    else
      for (const [id, v] of Object.entries(nested.rules)) {
        if (typeof v === 'string') {
          const level = normaliseLevel(v);
          if (level) out.rules[id] = { severity: level, options: out.rules[id]?.options ?? {} };
          else problems.push(`rules.${id}: "${v}" is not one of ${LEVELS.join(', ')}`);
        } else if (isObject(v)) {
          const { severity, ...options } = v;
          const level = severity === undefined ? undefined : normaliseLevel(severity);
          if (severity !== undefined && !level) problems.push(`rules.${id}.severity: "${String(severity)}" is not one of ${LEVELS.join(', ')}`);
          const prev = out.rules[id];
          out.rules[id] = { severity: level ?? prev?.severity, options: { ...(prev?.options ?? {}), ...options } };
        } else if (v !== null && v !== undefined) {
          problems.push(`rules.${id} must be a level or an object`);
        }
      }
  }
  if (isObject(nested.style) && nested.style.preambularItalic !== undefined) {
    const s = nested.style.preambularItalic;
    if (s === 'consistent' || s === 'always' || s === 'never') out.style.preambularItalic = s;
    else problems.push('style.preambularItalic must be "consistent", "always" or "never"');
  }
  if (nested.draftMode !== undefined) {
    if (typeof nested.draftMode === 'boolean' || nested.draftMode === 'auto') out.draftMode = nested.draftMode;
    else problems.push('draftMode must be true, false or "auto"');
  }
  if (isObject(nested.negotiation) && nested.negotiation.tags !== undefined) {
    const t = nested.negotiation.tags;
    if (!isObject(t)) problems.push('negotiation.tags must be an object of agreed / pending / deleted / other → list of tags');
    else
      for (const [k, v] of Object.entries(t)) {
        if (!['agreed', 'pending', 'deleted', 'other'].includes(k)) problems.push(`negotiation.tags.${k}: not one of agreed, pending, deleted, other`);
        else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out.negotiation.tags[k as keyof TagSet] = [...(v as string[])];
        else problems.push(`negotiation.tags.${k} must be a list of tags`);
      }
  }
  if (isObject(nested.phrases)) {
    for (const kind of ['operative', 'preambular'] as const) {
      const v = nested.phrases[kind];
      if (v === undefined) continue;
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out.phrases[kind] = [...out.phrases[kind], ...(v as string[])];
      else problems.push(`phrases.${kind} must be a list of phrases`);
    }
  }
  if (nested.language !== undefined) {
    const l = toLanguageSetting(nested.language);
    if (l) out.language = l;
    else problems.push('language must be "auto" or one of en, fr, es, ru, ar, zh');
  }
  if (isObject(nested.corpus)) {
    const c = nested.corpus;
    if (Array.isArray(c.paths)) out.corpus.paths = c.paths.filter((x): x is string => typeof x === 'string');
    if (typeof c.builtin === 'boolean') out.corpus.builtin = c.builtin;
    if (typeof c.includeWorkspace === 'boolean') out.corpus.includeWorkspace = c.includeWorkspace;
  }
  if (isObject(nested.precedent)) {
    const p = nested.precedent;
    if (typeof p.maxCompletions === 'number') out.precedent.maxCompletions = p.maxCompletions;
    if (typeof p.minScore === 'number') out.precedent.minScore = p.minScore;
  }
  return out;
}

/** Strips // and /* *\/ comments (outside strings) so JSON-with-comments files are accepted. */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i];
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end < 0 ? text.length : end + 2;
      for (; i < stop; i++) out += text[i] === '\n' ? '\n' : ' ';
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** Parses a config file's text; on error returns the problem with its position when known. */
export function parseConfigText(
  text: string,
  file: string,
): { value?: unknown; problems: ConfigProblem[] } {
  try {
    const value = JSON.parse(stripJsonComments(text.replace(/^\uFEFF/, '')));
    const issues: string[] = [];
    overlay(defaultConfig(), value, issues);
    return { value, problems: issues.map((message) => ({ file, message, line: 0, character: 0 })) };
  } catch (e) {
    const msg = (e as Error).message;
    const m = /position (\d+)/.exec(msg);
    const pos = m ? positionOf(text, Number(m[1])) : { line: 0, character: 0 };
    return { problems: [{ file, message: `not valid JSON: ${msg}`, ...pos }] };
  }
}

export interface FileSystemLike {
  readFile(p: string): string | undefined;
}

const nodeFs: FileSystemLike = {
  readFile(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
};

/** The `.resolutionrc.json` files from the document's folder up to the root (nearest first). */
export function findConfigFiles(documentPath: string, fsl: FileSystemLike = nodeFs, stopAt?: string): Array<{ file: string; text: string }> {
  const found: Array<{ file: string; text: string }> = [];
  let dir = path.dirname(path.resolve(documentPath));
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const file = path.join(dir, CONFIG_FILE_NAME);
    const text = fsl.readFile(file);
    if (text !== undefined) found.push({ file, text });
    if (stop && dir === stop) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Config files that were read, nearest first. */
  files: string[];
  problems: ConfigProblem[];
}

/**
 * Resolves the configuration for a document: defaults, then the settings section, then the
 * config files from the farthest to the nearest (so the nearest wins). A file with
 * `"root": true` stops the search upwards. A malformed file is reported and skipped.
 */
export function resolveConfig(settings: unknown, documentPath?: string, fsl: FileSystemLike = nodeFs): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const settingIssues: string[] = [];
  let config = overlay(defaultConfig(), settings ?? undefined, settingIssues);
  const files: string[] = [];
  if (documentPath) {
    const layers: unknown[] = [];
    for (const { file, text } of findConfigFiles(documentPath, fsl)) {
      const parsed = parseConfigText(text, file);
      problems.push(...parsed.problems);
      if (parsed.value === undefined || !isObject(parsed.value)) {
        if (parsed.value !== undefined) problems.push({ file, message: 'the configuration must be a JSON object', line: 0, character: 0 });
        continue;
      }
      files.push(file);
      layers.push(parsed.value);
      if (parsed.value.root === true) break;
    }
    for (const layer of layers.reverse()) config = overlay(config, layer);
  }
  return { config, files, problems };
}

/** Parse options that follow a configuration: its language setting and its extra phrases. */
export function parseOptionsOf(config: ResolvedConfig): { language: LanguageSetting; extraPhrases: { operative: string[]; preambular: string[] } } {
  return { language: config.language, extraPhrases: config.phrases };
}
