/**
 * Fixture drafts with the expected findings marked inline, markdownlint-style:
 * `<!-- expect: rule-id[, rule-id…] -->` at the end of the line where each finding must start.
 * The markers are removed before parsing (they never reach the parser), so they cannot disturb
 * the structure, and lines keep their numbers.
 */
import * as fs from 'fs';
import * as path from 'path';
import { resolveConfig, type ResolvedConfig } from '../../server/src/core/config';
import { ROOT } from './paths';

export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
const MARKER = /[ \t]*<!-- expect: ([^>]*?) -->/g;

export interface Fixture {
  /** Folder name: a rule id, or "clean" / "directives". */
  group: string;
  name: string;
  file: string;
  /** The draft without the markers. */
  text: string;
  /** Expected findings as "line:rule" (1-based lines), sorted. */
  expected: string[];
  config?: ResolvedConfig;
  snapshotFile: string;
}

export function stripMarkers(raw: string): { text: string; expected: string[] } {
  const expected: string[] = [];
  raw.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(MARKER)) {
      for (const id of m[1]
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean))
        expected.push(`${i + 1}:${id}`);
    }
  });
  return { text: raw.replace(MARKER, ''), expected: expected.sort() };
}

export function loadFixtures(): Fixture[] {
  const out: Fixture[] = [];
  for (const group of fs.readdirSync(FIXTURES).sort()) {
    const dir = path.join(FIXTURES, group);
    if (!fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir).sort()) {
      if (!name.endsWith('.res.md')) continue;
      const file = path.join(dir, name);
      const { text, expected } = stripMarkers(fs.readFileSync(file, 'utf8'));
      const base = name.slice(0, -'.res.md'.length);
      const configFile = path.join(dir, `${base}.config.json`);
      const config = fs.existsSync(configFile) ? resolveConfig(JSON.parse(fs.readFileSync(configFile, 'utf8'))).config : undefined;
      out.push({ group, name, file, text, expected, config, snapshotFile: path.join(dir, '__snapshots__', `${base}.fixed.res.md`) });
    }
  }
  return out;
}

/** Compares with a committed snapshot; UPDATE_SNAPSHOTS=1 writes it instead. */
export function matchSnapshot(file: string, actual: string): { ok: boolean; expected?: string } {
  if (process.env.UPDATE_SNAPSHOTS === '1') {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, actual);
    return { ok: true };
  }
  if (!fs.existsSync(file)) return { ok: false };
  const expected = fs.readFileSync(file, 'utf8');
  return { ok: expected === actual, expected };
}
