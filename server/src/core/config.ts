/**
 * Configuration of the checks: the `resolution` settings section (as VS Code sends it) overlaid
 * by `.resolutionrc.json` files found up the folder tree from the document (nearest wins).
 * A malformed file is reported as a problem and otherwise ignored. No LSP import.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { findNodeAtLocation, parse as parseJsonc, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { distance as levenshtein } from 'fastest-levenshtein';
import type { Severity } from './findings';
import { toLanguageSetting, type LanguageSetting } from './detect-language';
import configSchema from '../../schema/resolutionrc.schema.json';
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
  /** What fix-all (command, source.fixAll, `check --fix`) applies beyond structural fixes of warnings and errors. */
  fixAll: { wording: boolean; minSeverity: Severity };
  /** Globs of drafts a check of a whole folder passes over (relative to the folder checked). */
  ignore: string[];
  /** At most this many findings of a draft are shown in the editor, the most severe first (0: all); the command line reports all. */
  maxDiagnostics: number;
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

/** How many findings of a draft the editor shows by default (a 10 MB draft may have thousands). */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export function defaultConfig(): ResolvedConfig {
  return {
    rules: {},
    style: { preambularItalic: 'consistent' },
    draftMode: 'auto',
    negotiation: {
      tags: {
        agreed: [...DEFAULT_TAGS.agreed],
        pending: [...DEFAULT_TAGS.pending],
        deleted: [...DEFAULT_TAGS.deleted],
        other: [...DEFAULT_TAGS.other],
      },
    },
    phrases: { operative: [], preambular: [] },
    language: 'auto',
    corpus: { paths: [], builtin: true, includeWorkspace: false },
    precedent: { maxCompletions: 5 },
    fixAll: { wording: false, minSeverity: 'warning' },
    ignore: [],
    maxDiagnostics: DEFAULT_MAX_DIAGNOSTICS,
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
 * One settings object with flat dotted keys ("rules.operative-numbering", "resolution.draftMode")
 * turned into nested objects, as the schema describes them.
 */
export function nestKeys(layer: Record<string, unknown>): Record<string, unknown> {
  // Flat dotted keys ("rules.operative-numbering", "style.preambularItalic") are accepted as well.
  const nested: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(layer)) {
    const key = k.startsWith('resolution.') ? k.slice('resolution.'.length) : k;
    const dot = key.indexOf('.');
    if (dot > 0 && ['rules', 'style', 'phrases', 'corpus', 'precedent', 'trace', 'fixAll', 'negotiation'].includes(key.slice(0, dot))) {
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

  return nested;
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
    fixAll: { ...base.fixAll },
    ignore: [...base.ignore],
    maxDiagnostics: base.maxDiagnostics,
  };
  const nested = nestKeys(layer);

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
          if (severity !== undefined && !level)
            problems.push(`rules.${id}.severity: "${String(severity)}" is not one of ${LEVELS.join(', ')}`);
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
        if (!['agreed', 'pending', 'deleted', 'other'].includes(k))
          problems.push(`negotiation.tags.${k}: not one of agreed, pending, deleted, other`);
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
  if (isObject(nested.fixAll)) {
    const f = nested.fixAll;
    if (f.wording !== undefined) {
      if (typeof f.wording === 'boolean') out.fixAll.wording = f.wording;
      else problems.push('fixAll.wording must be true or false');
    }
    if (f.minSeverity !== undefined) {
      const level = normaliseLevel(f.minSeverity);
      if (level && level !== 'off') out.fixAll.minSeverity = level;
      else problems.push(`fixAll.minSeverity: "${String(f.minSeverity)}" is not one of error, warning, information, hint`);
    }
  }
  if (nested.ignore !== undefined) {
    if (Array.isArray(nested.ignore) && nested.ignore.every((x) => typeof x === 'string')) out.ignore.push(...(nested.ignore as string[]));
    else problems.push('ignore must be a list of globs');
  }
  if (nested.maxDiagnostics !== undefined) {
    const n = nested.maxDiagnostics;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0) out.maxDiagnostics = n;
    else problems.push('maxDiagnostics must be a whole number (0: no limit)');
  }
  return out;
}

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

let validator: ValidateFunction | undefined;
/** The shipped JSON schema of `.resolutionrc.json` (the file VS Code validates with), compiled once. */
function schemaValidator(): ValidateFunction {
  if (!validator) {
    // ajv loads with the first config file, not at startup (it is ~40 ms of the server's start)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    validator = new Ajv({ allErrors: true, strict: false }).compile(configSchema as object);
  }
  return validator;
}

/** Level aliases ("warn", "info") written in their canonical form, so the schema accepts them. */
function canonicalLevels(nested: Record<string, unknown>): void {
  if (!isObject(nested.rules)) return;
  for (const [id, v] of Object.entries(nested.rules)) {
    if (typeof v === 'string') nested.rules[id] = normaliseLevel(v) ?? v;
    else if (isObject(v) && typeof v.severity === 'string') v.severity = normaliseLevel(v.severity) ?? v.severity;
  }
}

const dotted = (segments: string[]) => segments.join('.');

function removeAt(root: Record<string, unknown>, segments: string[]): void {
  let node: unknown = root;
  for (let i = 0; i < segments.length - 1; i++) {
    if (!isObject(node) && !Array.isArray(node)) return;
    node = (node as Record<string, unknown>)[segments[i]];
  }
  if (isObject(node)) delete node[segments[segments.length - 1]];
}

/** Why a value was rejected, in a user's words, from the schema errors at one path. */
function reason(errors: ErrorObject[], value: unknown, segments: string[]): string {
  const shown = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  // true, false or a word ("draftMode": true | false | "auto")
  if (errors.some((e) => e.keyword === 'type' && (e.params as { type: string }).type === 'boolean')) {
    const words = errors
      .filter((e) => e.keyword === 'enum')
      .flatMap((e) => (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)));
    if (words.length) return `${shown} must be true, false or ${words.join(' or ')}`;
  }
  const en = errors.find((e) => e.keyword === 'enum');
  if (en) return `${shown} is not one of ${(en.params as { allowedValues: unknown[] }).allowedValues.map(String).join(', ')}`;
  const ty = errors.find((e) => e.keyword === 'type');
  if (ty) {
    const want = String((ty.params as { type: string }).type);
    if (segments[0] === 'rules' && segments.length === 2)
      return `${shown} must be a level (off, hint, information, warning, error) or an object with "severity"`;
    return `${shown} must be ${want === 'boolean' ? 'true or false' : want === 'array' ? 'a list' : `a ${want}`}`;
  }
  const e = errors[0];
  return `${shown} ${e?.message ?? 'is not valid'}`;
}

/**
 * Parses a config file's text as JSON with comments (trailing commas allowed) and validates it
 * against the shipped schema. A file that is not JSON is reported with its position and ignored
 * whole; each key the schema rejects is reported, saying that this key (only) is ignored, and is
 * left out of `value`.
 */
export function parseConfigText(text: string, file: string): { value?: unknown; problems: ConfigProblem[] } {
  const source = text.replace(/^\uFEFF/, '');
  const errors: ParseError[] = [];
  const raw = parseJsonc(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: false });
  if (errors.length) {
    const e = errors[0];
    return {
      problems: [
        { file, message: `not valid JSON: ${printParseErrorCode(e.error)} (the whole file is ignored)`, ...positionOf(source, e.offset) },
      ],
    };
  }
  if (!isObject(raw))
    return { problems: [{ file, message: 'the configuration must be a JSON object (the whole file is ignored)', line: 0, character: 0 }] };
  const tree = parseTree(source, [], { allowTrailingComma: true });
  const value = nestKeys(raw);
  canonicalLevels(value);
  const validate = schemaValidator();
  const problems: ConfigProblem[] = [];
  if (!validate(value)) {
    // Group the errors by the key they make us drop.
    const byPath = new Map<string, { segments: string[]; errors: ErrorObject[]; unknown?: boolean }>();
    for (const e of validate.errors ?? []) {
      const segments = e.instancePath
        .split('/')
        .slice(1)
        .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      if (e.keyword === 'additionalProperties') segments.push(String((e.params as { additionalProperty: string }).additionalProperty));
      // a bad value inside a rule's object (or a rule's level) drops that rule's setting
      const drop = segments[0] === 'rules' && segments.length > 2 ? segments.slice(0, 2) : segments;
      const key = dotted(drop);
      const entry = byPath.get(key) ?? { segments: drop, errors: [] };
      entry.errors.push(e);
      if (e.keyword === 'additionalProperties' && drop.length === segments.length) entry.unknown = true;
      byPath.set(key, entry);
    }
    // Report outer keys before inner ones; drop each once.
    const entries = [...byPath.values()].sort((a, b) => a.segments.length - b.segments.length);
    const dropped: string[][] = [];
    for (const entry of entries) {
      if (dropped.some((d) => d.every((s, i) => entry.segments[i] === s))) continue;
      dropped.push(entry.segments);
      let at: unknown = value;
      for (const s of entry.segments) at = isObject(at) ? at[s] : undefined;
      const name = dotted(entry.segments);
      let message: string;
      if (entry.unknown) {
        const parent = entry.segments.slice(0, -1);
        const last = entry.segments[entry.segments.length - 1];
        if (parent.length === 1 && parent[0] === 'rules') {
          const near = nearest(last, knownKeys(['rules']));
          message = `unknown check "${last}"${near ? ` (did you mean "${near}"?)` : ''}: this setting is ignored`;
        } else {
          const near = nearest(last, knownKeys(parent));
          message = `unknown setting "${name}"${near ? ` (did you mean "${dotted([...parent, near])}"?)` : ''}: it is ignored`;
        }
      } else {
        message = `${name}: ${reason(entry.errors, at, entry.segments)}: this setting is ignored`;
      }
      const node = tree ? (findNodeAtLocation(tree, entry.segments) ?? findNodeAtLocation(tree, [entry.segments.join('.')])) : undefined;
      const offset = node?.parent?.type === 'property' ? node.parent.offset : node?.offset;
      problems.push({ file, message, ...(offset !== undefined ? positionOf(source, offset) : { line: 0, character: 0 }) });
      removeAt(value, entry.segments);
    }
  }
  return { value, problems };
}

/** The keys the schema knows under a path ([] = top level). */
function knownKeys(segments: string[]): string[] {
  let node = configSchema as { properties?: Record<string, unknown> };
  for (const s of segments) node = (node.properties?.[s] ?? {}) as typeof node;
  return Object.keys(node.properties ?? {});
}

/** The known key closest to a misspelt one (at most a third of its letters off), if any. */
function nearest(word: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const k of known) {
    const d = levenshtein(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best;
}

export interface FileSystemLike {
  /** The file's text; undefined when there is no such file; throws (with a reason) when it exists but cannot be read. */
  readFile(p: string): string | undefined;
}

const nodeFs: FileSystemLike = {
  readFile(p) {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch (caught) {
      const err = caught as NodeJS.ErrnoException | undefined;
      if (err?.code === 'ENOENT' || err?.code === 'ENOTDIR') return undefined;
      if (err?.code === 'EISDIR') throw new Error('is a folder, not a file');
      throw new Error(`cannot be read (${err?.code ?? err?.message ?? String(err)})`);
    }
  },
};

/**
 * The `.resolutionrc.json` files from the document's folder up to the root (nearest first).
 * One that exists but cannot be read (a folder, no permission) comes with `error` and no text.
 */
export function findConfigFiles(
  documentPath: string,
  fsl: FileSystemLike = nodeFs,
  stopAt?: string,
): Array<{ file: string; text: string; error?: undefined } | { file: string; text?: undefined; error: string }> {
  const found: Array<{ file: string; text: string; error?: undefined } | { file: string; text?: undefined; error: string }> = [];
  let dir = path.dirname(path.resolve(documentPath));
  const stop = stopAt ? path.resolve(stopAt) : undefined;
  for (;;) {
    const file = path.join(dir, CONFIG_FILE_NAME);
    try {
      const text = fsl.readFile(file);
      if (text !== undefined) found.push({ file, text });
    } catch (err) {
      found.push({ file, error: (err as Error).message });
    }
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
    for (const found of findConfigFiles(documentPath, fsl)) {
      const { file } = found;
      if (found.text === undefined) {
        problems.push({ file, message: `${CONFIG_FILE_NAME} ${found.error}: the whole file is ignored`, line: 0, character: 0 });
        continue;
      }
      const parsed = parseConfigText(found.text, file);
      problems.push(...parsed.problems);
      if (parsed.value === undefined || !isObject(parsed.value)) continue;
      files.push(file);
      // nearest first: the file itself, then what it extends (the last base before the first)
      const own = parsed.value;
      const bases = extendedLayers(file, found.text, own, fsl, problems, [path.resolve(file)], files);
      layers.push(own, ...bases.reverse());
      if (own.root === true) break;
    }
    for (const layer of layers.reverse()) config = overlay(config, layer);
  }
  return { config, files, problems };
}

/** The paths a config's `extends` names (one path or a list), as written. */
function extendsOf(value: Record<string, unknown>): string[] {
  const e = value.extends;
  if (typeof e === 'string') return [e];
  if (Array.isArray(e)) return e.filter((x): x is string => typeof x === 'string');
  return [];
}

/** Where a config file's `extends` is written (for a problem's position). */
function extendsPosition(text: string): { line: number; character: number } {
  const source = text.replace(/^\uFEFF/, '');
  const tree = parseTree(source, [], { allowTrailingComma: true });
  const node = tree ? findNodeAtLocation(tree, ['extends']) : undefined;
  const offset = node?.parent?.type === 'property' ? node.parent.offset : node?.offset;
  return offset !== undefined ? positionOf(source, offset) : { line: 0, character: 0 };
}

/**
 * The layers a config file's `extends` brings in, farthest first: each base (with what it extends
 * before it), in the order listed, so a later base wins over an earlier one and the extending file
 * (overlaid after) over all. A missing, unreadable or malformed base, or a cycle, is reported on
 * the file that names it and skipped.
 */
function extendedLayers(
  file: string,
  text: string,
  value: Record<string, unknown>,
  fsl: FileSystemLike,
  problems: ConfigProblem[],
  chain: string[],
  files: string[],
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  for (const rel of extendsOf(value)) {
    const target = path.resolve(path.dirname(file), rel);
    const at = extendsPosition(text);
    if (chain.includes(target)) {
      const cycle = [...chain.slice(chain.indexOf(target)), target].map((f) => path.basename(f)).join(' → ');
      problems.push({ file, message: `"extends": "${rel}" makes a cycle (${cycle}): it is ignored`, ...at });
      continue;
    }
    let baseText: string | undefined;
    try {
      baseText = fsl.readFile(target);
    } catch (err) {
      problems.push({ file, message: `"extends": "${rel}" ${(err as Error).message}: it is ignored`, ...at });
      continue;
    }
    if (baseText === undefined) {
      problems.push({ file, message: `"extends": "${rel}" does not exist (${target}): it is ignored`, ...at });
      continue;
    }
    const parsed = parseConfigText(baseText, target);
    problems.push(...parsed.problems);
    if (parsed.value === undefined || !isObject(parsed.value)) {
      problems.push({ file, message: `"extends": "${rel}" is not a valid configuration: it is ignored`, ...at });
      continue;
    }
    if (!files.includes(target)) files.push(target);
    out.push(...extendedLayers(target, baseText, parsed.value, fsl, problems, [...chain, target], files), parsed.value);
  }
  return out;
}

/** Parse options that follow a configuration: its language setting and its extra phrases. */
export function parseOptionsOf(config: ResolvedConfig): {
  language: LanguageSetting;
  extraPhrases: { operative: string[]; preambular: string[] };
} {
  return { language: config.language, extraPhrases: config.phrases };
}
