/**
 * Writes everything that is derived from the rule registry and the settings in package.json, so
 * each fact is written once:
 * - the `resolution.rules.*` settings in package.json (from each rule's metadata);
 * - the JSON schema of `.resolutionrc.json` (server/schema/resolutionrc.schema.json): the
 *   resource-scoped settings of package.json without their `resolution.` prefix, plus the rules;
 * - the settings table of README.md and the rule table of docs/rules/README.md.
 *
 *   npm run gen            write the files
 *   npm run gen -- --check exit 1 and name the stale files instead (CI)
 *
 * To add a setting: add it to package.json `contributes.configuration` and run `npm run gen`.
 * To add a check: a rule file, a registry line, a docs page and a fixture; then `npm run gen`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../server/src/core/rules/registry';
import type { RuleMeta } from '../../server/src/core/rules/types';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const PACKAGE = path.join(ROOT, 'package.json');
const SCHEMA = path.join(ROOT, 'server', 'schema', 'resolutionrc.schema.json');
const README = path.join(ROOT, 'README.md');
const RULES_README = path.join(ROOT, 'docs', 'rules', 'README.md');

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SEVERITIES = ['off', 'hint', 'information', 'warning', 'error'];
const SEVERITY_DESCRIPTIONS = [
  'Do not run this check.',
  'Show findings as hints (faint dots, not in the Problems panel counts).',
  'Show findings as information.',
  'Show findings as warnings.',
  'Show findings as errors.',
];
export const RULES_SECTION_ID = 'resolution.rules';

/** One line for a rule: what it flags, and its fix. */
export function ruleSummary(meta: RuleMeta): string {
  const fix = meta.fixDescription ? ` Fix: ${meta.fixDescription.replace(/\.?$/, '.')} ${fixClassNote(meta)}` : '';
  return `${meta.description}${fix}`;
}

/** What Fix all does with a rule's fix, from its class. */
export function fixClassNote(meta: RuleMeta): string {
  return meta.fixClass === 'structural'
    ? '(structural: Fix all applies it)'
    : '(wording: a quick fix; Fix all applies it only with resolution.fixAll.wording)';
}

function ruleSetting(meta: RuleMeta, order: number): Json {
  return {
    title: `Check: ${meta.id}`,
    anyOf: [
      { type: 'string', enum: SEVERITIES, enumDescriptions: SEVERITY_DESCRIPTIONS },
      {
        type: 'object',
        properties: {
          severity: { type: 'string', enum: SEVERITIES, enumDescriptions: SEVERITY_DESCRIPTIONS, description: 'Severity of the findings.' },
        },
        additionalProperties: true,
        description: 'The severity and the options of the check.',
      },
    ],
    default: meta.defaultSeverity,
    markdownDescription: `${ruleSummary(meta)} See \`docs/rules/${meta.id}.md\`.\n\nSeverity: \`off\`, \`hint\`, \`information\`, \`warning\` or \`error\`, or an object \`{ "severity": …, …options }\`. Default: \`${meta.defaultSeverity}\`.`,
    scope: 'resource',
    order,
  };
}

function ruleSchema(meta: RuleMeta): Json {
  return {
    description: `${ruleSummary(meta)} Default: ${meta.defaultSeverity}. See docs/rules/${meta.id}.md.`,
    anyOf: [
      { type: 'string', enum: SEVERITIES },
      { type: 'object', properties: { severity: { type: 'string', enum: SEVERITIES } }, additionalProperties: true },
    ],
    default: meta.defaultSeverity,
  };
}

/** package.json with its rules section regenerated (the other sections untouched). */
export function generatePackage(pkg: Json): Json {
  const out = JSON.parse(JSON.stringify(pkg)) as Json;
  const sections: Json[] = out.contributes.configuration;
  let section = sections.find((s) => s.id === RULES_SECTION_ID);
  if (!section) {
    section = { id: RULES_SECTION_ID, title: 'Checks', order: sections.length + 1, properties: {} };
    sections.push(section);
  }
  const properties: Json = {};
  RULES.forEach((r, i) => (properties[`resolution.rules.${r.meta.id}`] = ruleSetting(r.meta, i)));
  section.properties = properties;
  return out;
}

/** The settings of package.json other than the rules, that a .resolutionrc.json may also set. */
function fileSettings(pkg: Json): Array<[string, Json]> {
  const out: Array<[string, Json]> = [];
  for (const section of pkg.contributes.configuration as Json[]) {
    if (section.id === RULES_SECTION_ID) continue;
    for (const [key, prop] of Object.entries(section.properties as Json)) {
      const scope = (prop as Json).scope ?? 'window';
      if (scope !== 'resource' && scope !== 'language-overridable') continue;
      out.push([key.replace(/^resolution\./, ''), prop as Json]);
    }
  }
  return out;
}

/** The subset of a setting's JSON schema that belongs in the file's schema (no VS Code-only keys). */
function schemaOf(prop: Json): Json {
  const keep = [
    'type',
    'enum',
    'items',
    'default',
    'minimum',
    'maximum',
    'properties',
    'additionalProperties',
    'anyOf',
    'oneOf',
    'pattern',
    'format',
  ];
  const out: Json = {};
  for (const k of keep) if (prop[k] !== undefined) out[k] = prop[k];
  const description = prop.description ?? prop.markdownDescription;
  if (description) out.description = String(description).replace(/\n+/g, ' ');
  return out;
}

export function generateSchema(pkg: Json): Json {
  const properties: Json = {
    $schema: { type: 'string', description: 'The schema of this file.' },
    root: { type: 'boolean', description: 'Stop looking for .resolutionrc.json files in parent folders.', default: false },
    extends: {
      description:
        "A base configuration (a path relative to this file), or several in a list (a later one wins); this file's keys win over the base's.",
      anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    },
  };
  for (const [key, prop] of fileSettings(pkg)) {
    const parts = key.split('.');
    let at = properties;
    for (const part of parts.slice(0, -1)) {
      at[part] ??= { type: 'object', properties: {}, additionalProperties: false };
      at = at[part].properties;
    }
    at[parts[parts.length - 1]] = schemaOf(prop);
  }
  const rules: Json = {};
  for (const r of RULES) rules[r.meta.id] = ruleSchema(r.meta);
  properties.rules = {
    type: 'object',
    description: 'Per check: off | hint | information | warning | error, or an object with severity and options.',
    properties: rules,
    additionalProperties: false,
  };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/resolution-drafting/resolution-drafting/blob/main/server/schema/resolutionrc.schema.json',
    title: 'Resolution Drafting project configuration (.resolutionrc.json)',
    description:
      'Settings for the resolution checks of the drafts in this folder and below. The nearest file wins over files further up and over the editor settings. The same keys as the resolution.* settings of VS Code. Generated from package.json and the rule registry (npm run gen).',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
}

function settingsTable(pkg: Json): string {
  const rows = ['| Setting | Default | Description |', '|---|---|---|'];
  for (const section of pkg.contributes.configuration as Json[]) {
    for (const [key, prop] of Object.entries(section.properties as Json)) {
      const p = prop as Json;
      let text = String(p.markdownDescription ?? p.description ?? '');
      if (section.id === RULES_SECTION_ID) text = text.split('\n\n')[0].replace(/ See `docs\/rules\/[^`]*`\./, '');
      rows.push(`| \`${key}\` | \`${JSON.stringify(p.default)}\` | ${cell(text)} |`);
    }
  }
  return rows.join('\n');
}

function rulesTable(): string {
  const rows = ['| id | default | what it flags | fix |', '|---|---|---|---|'];
  for (const r of RULES) {
    const m = r.meta;
    rows.push(
      `| [${m.id}](${m.id}.md) | ${m.defaultSeverity} | ${cell(m.description)} | ${m.fixDescription ? cell(`${m.fixDescription} ${fixClassNote(m)}`) : '—'} |`,
    );
  }
  return rows.join('\n');
}

/** Replaces the text between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`. */
export function replaceBetween(text: string, name: string, body: string, file: string): string {
  const open = `<!-- generated:${name} (npm run gen) -->`;
  const close = `<!-- /generated:${name} -->`;
  const a = text.indexOf(open);
  const b = text.indexOf(close);
  if (a < 0 || b < a) throw new Error(`${file}: markers ${open} … ${close} not found`);
  return text.slice(0, a + open.length) + '\n' + body + '\n' + text.slice(b);
}

export interface GeneratedFile {
  path: string;
  text: string;
}

/** Every generated file with the text it should have now. */
export function generateAll(): GeneratedFile[] {
  const pkg = JSON.parse(fs.readFileSync(PACKAGE, 'utf8')) as Json;
  const newPkg = generatePackage(pkg);
  const readme = replaceBetween(fs.readFileSync(README, 'utf8'), 'settings', settingsTable(newPkg), 'README.md');
  const rulesReadme = replaceBetween(fs.readFileSync(RULES_README, 'utf8'), 'rules', rulesTable(), 'docs/rules/README.md');
  return [
    { path: PACKAGE, text: JSON.stringify(newPkg, null, 2) + '\n' },
    { path: SCHEMA, text: JSON.stringify(generateSchema(newPkg), null, 2) + '\n' },
    { path: README, text: readme },
    { path: RULES_README, text: rulesReadme },
  ];
}

/** The generated files whose content on disk differs from what they should be. */
export function staleFiles(): string[] {
  return generateAll()
    .filter((f) => !fs.existsSync(f.path) || fs.readFileSync(f.path, 'utf8') !== f.text)
    .map((f) => path.relative(ROOT, f.path));
}

if (require.main === module) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`Stale generated files: ${stale.join(', ')}. Run \`npm run gen\` and commit the result.`);
      process.exit(1);
    }
    console.log('Generated files are fresh.');
  } else {
    for (const f of generateAll()) {
      const old = fs.existsSync(f.path) ? fs.readFileSync(f.path, 'utf8') : '';
      if (old !== f.text) {
        fs.writeFileSync(f.path, f.text);
        console.log(`wrote ${path.relative(ROOT, f.path)}`);
      }
    }
  }
}
