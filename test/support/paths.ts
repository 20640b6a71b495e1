import * as fs from 'fs';
import * as path from 'path';

/** The repository root (tests run from out/test/…). */
export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const SEEDS = path.join(ROOT, 'seeds');

export const SEED = {
  ga75: 'A-RES-75-311_tackling-illicit-trafficking-in-wildlife.txt',
  ga71: 'A-RES-71-326_tackling-illicit-trafficking-in-wildlife.txt',
  cms: 'UNEP-CMS-Resolution-11.31-Rev.COP14_illegal-taking-of-wildlife.txt',
  untoc: 'UNTOC-COP-resolution-12-4_crimes-that-affect-the-environment.txt',
  eu: 'EU-COM-2022-581_action-plan-against-wildlife-trafficking.txt',
};

export function readSeed(name: string): string {
  return fs.readFileSync(path.join(SEEDS, name), 'utf8');
}

/** ../shared/corpus beside the repository, when present. */
export const SHARED_CORPUS = path.resolve(ROOT, '..', 'shared', 'corpus');
