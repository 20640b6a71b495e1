/** Where the shared AKN4UN corpus is: ../shared/corpus from the repository (or a worktree two levels down). */
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function sharedCorpusDir(): string | undefined {
  const candidates = [
    process.env.RESOLUTION_SHARED_CORPUS,
    path.resolve(repoRoot, '..', 'shared', 'corpus'),
    path.resolve(repoRoot, '..', '..', 'shared', 'corpus'),
  ].filter((x): x is string => !!x);
  return candidates.find((c) => fs.existsSync(path.join(c, 'un-ga-akn4un')));
}

export function listXml(dir: string): string[] {
  const out: string[] = [];
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listXml(p));
    else if (e.name.endsWith('.xml')) out.push(p);
  }
  return out.sort();
}
