/** The workspace both runners open: the fixtures, plus a generated 5 MB draft (not kept in git). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { draftToFodt, hasSoffice, sofficeConvert } from '../support/fodt';

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

/** The Word file the workspace holds for the import scenario, and the draft it was made from. */
export const IMPORT_DOCX = 'wildlife-draft.docx';
export const IMPORT_SOURCE = largeDraft(2000);

export function prepareWorkspace(repoRoot: string, dir: string): void {
  fs.mkdirSync(dir, { recursive: true });
  const fixtures = path.join(repoRoot, 'test', 'e2e', 'fixtures');
  for (const f of fs.readdirSync(fixtures)) fs.copyFileSync(path.join(fixtures, f), path.join(dir, f));
  fs.writeFileSync(path.join(dir, LARGE_DRAFT), largeDraft());
  wordFileOfSeed(dir);
}

/** A Word file written by LibreOffice from a short draft (automatic numbering), for the import scenario (skipped without soffice). */
function wordFileOfSeed(dir: string): void {
  if (!hasSoffice()) {
    console.log(`e2e: LibreOffice (soffice) not installed: ${IMPORT_DOCX} not made`);
    return;
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-e2e-docx-'));
  try {
    const fodt = path.join(tmp, IMPORT_DOCX.replace(/\.docx$/, '.fodt'));
    fs.writeFileSync(fodt, draftToFodt(IMPORT_SOURCE));
    const [out] = sofficeConvert([fodt], 'docx', tmp);
    fs.copyFileSync(out, path.join(dir, IMPORT_DOCX));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
