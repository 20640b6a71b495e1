/** The workspace both runners open: the fixtures, plus a generated 5 MB draft (not kept in git). */
import * as fs from 'fs';
import * as path from 'path';

export const LARGE_DRAFT = 'large.res.md';

/** A well-formed draft of about `bytes` bytes: authority line, a preamble, numbered operative paragraphs. */
export function largeDraft(bytes = 5 * 1024 * 1024): string {
  const parts = ['# A very long draft', '', 'The General Assembly,', '', '*Recalling* its resolution 75/311 of 23 July 2021,', ''];
  let size = parts.join('\n').length;
  const verbs = ['Encourages', 'Also encourages', 'Further encourages', 'Requests', 'Invites', 'Urges'];
  for (let n = 1; size < bytes; n++) {
    const p = `${n}. *${verbs[(n - 1) % verbs.length]}* Member States to strengthen cooperation in preventing, detecting and prosecuting illicit trafficking in wildlife, including through the exchange of information, joint investigations, mutual legal assistance, extradition, capacity-building for law enforcement, customs and judicial authorities, and support for the implementation of the relevant international instruments;`;
    parts.push(p, '');
    size += p.length + 2;
  }
  const last = parts.length - 2;
  parts[last] = parts[last].replace(/;$/, '.');
  return parts.join('\n');
}

export function prepareWorkspace(repoRoot: string, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const fixtures = path.join(repoRoot, 'test', 'e2e', 'fixtures');
  for (const f of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, LARGE_DRAFT), largeDraft());
}
