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
  prepareCorpusArchive(repoRoot, dir);
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

/** The session archive the corpus scenario adds, and a draft quoting one of its resolutions. */
export const CORPUS_ARCHIVE = 'session-75_English.zip';
export const ARCHIVE_DRAFT = 'from-archive.res.md';

/**
 * Builds, at test time, a zip archive like the UN's session archives from ../shared/corpus (60
 * English resolutions of the 75th session and the session's metadata), outside the workspace
 * (as a download would be), and a draft whose operative paragraph is a reworded paragraph of
 * A/RES/75/1 (in the archive, not in the built-in seeds). Nothing of it is kept in git.
 */
export function prepareCorpusArchive(repoRoot: string, dir: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { zipSync } = require('fflate') as typeof import('fflate');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parseAkn } = require(
    path.join(repoRoot, 'out', 'server', 'src', 'core', 'precedent', 'akn.js'),
  ) as typeof import('../../server/src/core/precedent/akn');
  const shared = [
    path.resolve(repoRoot, '..', 'shared', 'corpus', 'un-ga-akn4un'),
    path.resolve(repoRoot, '..', '..', 'shared', 'corpus', 'un-ga-akn4un'),
  ].find((d) => fs.existsSync(d));
  if (!shared) return;
  const session = path.join(shared, '75');
  const names = fs
    .readdirSync(session)
    .filter((f) => /^75_\d+_E\.xml$/.test(f))
    .sort((a, b) => parseInt(a.slice(3)) - parseInt(b.slice(3)))
    .slice(0, 60);
  const entries: Record<string, Uint8Array> = {};
  for (const n of names) entries[`75/${n}`] = fs.readFileSync(path.join(session, n));
  entries['metadata/75.jsonl'] = fs.readFileSync(path.join(shared, 'metadata', '75.jsonl'));
  fs.writeFileSync(path.join(path.dirname(dir), CORPUS_ARCHIVE), zipSync(entries));
  const [doc] = parseAkn(fs.readFileSync(path.join(session, '75_1_E.xml'), 'utf8'));
  const op7 = doc.paragraphs.find((p) => p.kind === 'operative' && p.number === '7')!.text;
  fs.writeFileSync(path.join(dir, ARCHIVE_DRAFT), `The General Assembly,\n\n1. ${op7.replace('We will', 'We shall')}\n`);
}
