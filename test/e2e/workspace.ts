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

/** The session archive the corpus scenario adds, and a draft on a topic the built-in corpus lacks. */
export const CORPUS_ARCHIVE = 'session-75_English.zip';
export const ARCHIVE_DRAFT = 'gender-equality.res.md';
/** How many resolutions the archive holds (known once the workspace is prepared; 0 without ../shared). */
export const archive = { files: 0 };

/** The folder beside the workspace pushed into the corpus database, and a draft quoting it. */
export const DATABASE_SOURCE = 'database-corpus';
export const DATABASE_DRAFT = 'rural-women.res.md';

function sharedAkn(repoRoot: string): string | undefined {
  return [
    path.resolve(repoRoot, '..', 'shared', 'corpus', 'un-ga-akn4un'),
    path.resolve(repoRoot, '..', '..', 'shared', 'corpus', 'un-ga-akn4un'),
  ].find((d) => fs.existsSync(d));
}

function aknParser(repoRoot: string): typeof import('../../server/src/core/precedent/akn') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(repoRoot, 'out', 'server', 'src', 'core', 'precedent', 'akn.js'));
}

/** Operative paragraph `number` of an AKN4UN file, as parsed for the corpus. */
function operative(repoRoot: string, file: string, number: string): string {
  const [doc] = aknParser(repoRoot).parseAkn(fs.readFileSync(file, 'utf8'));
  const p = doc.paragraphs.find((x) => x.kind === 'operative' && x.number === number);
  if (!p) throw new Error(`${file} has no operative paragraph ${number}`);
  return p.text;
}

/**
 * Builds, at test time, a zip archive like the UN's session archives from ../shared/corpus (every
 * English resolution of the 75th session and the session's metadata), outside the workspace (as a
 * download would be), and a draft on gender equality — a topic the built-in corpus (wildlife crime)
 * knows nothing of — whose first paragraph rewords operative paragraph 1 of A/RES/75/161 (violence
 * against women and girls). Nothing of it is kept in git.
 */
export function prepareCorpusArchive(repoRoot: string, dir: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { zipSync } = require('fflate') as typeof import('fflate');
  const shared = sharedAkn(repoRoot);
  if (!shared) return;
  const session = path.join(shared, '75');
  const names = fs
    .readdirSync(session)
    .filter((f) => /^75_\d+_E\.xml$/.test(f))
    .sort((a, b) => parseInt(a.slice(3)) - parseInt(b.slice(3)));
  const entries: Record<string, Uint8Array> = {};
  for (const n of names) entries[`75/${n}`] = fs.readFileSync(path.join(session, n));
  entries['metadata/75.jsonl'] = fs.readFileSync(path.join(shared, 'metadata', '75.jsonl'));
  fs.writeFileSync(path.join(path.dirname(dir), CORPUS_ARCHIVE), zipSync(entries));
  archive.files = names.length;
  const op1 = operative(repoRoot, path.join(session, '75_161_E.xml'), '1');
  const op3 = operative(repoRoot, path.join(session, '75_161_E.xml'), '3');
  fs.writeFileSync(
    path.join(dir, ARCHIVE_DRAFT),
    [
      '# Draft resolution: gender equality and the empowerment of women and girls',
      '',
      'The General Assembly,',
      '',
      '*Reaffirming* its commitment to gender equality and the empowerment of all women and girls,',
      '',
      `1. ${op1.replace('against all women and girls', 'against women and girls')}`,
      '',
      `2. ${op3.replace(/;$/, '.')}`,
      '',
    ].join('\n'),
  );
  prepareDatabaseCorpus(repoRoot, shared, dir);
}

/**
 * The corpus the database scenario pushes into PostgreSQL (A/RES/76/140, on rural women, and the
 * 76th session's metadata), beside the workspace; and a draft rewording its operative paragraph 4.
 */
function prepareDatabaseCorpus(repoRoot: string, shared: string, dir: string): void {
  const source = path.join(path.dirname(dir), DATABASE_SOURCE);
  const file = fs.readdirSync(path.join(shared, '76')).find((f) => /_76_140-\d+E\.xml$/.test(f));
  if (!file) return;
  fs.mkdirSync(path.join(source, '76'), { recursive: true });
  fs.mkdirSync(path.join(source, 'metadata'), { recursive: true });
  fs.copyFileSync(path.join(shared, '76', file), path.join(source, '76', file));
  fs.copyFileSync(path.join(shared, 'metadata', '76.jsonl'), path.join(source, 'metadata', '76.jsonl'));
  const op4 = operative(repoRoot, path.join(shared, '76', file), '4');
  fs.writeFileSync(
    path.join(dir, DATABASE_DRAFT),
    `The General Assembly,\n\n*Recognizing* the role of rural women in agricultural and rural development,\n\n1. ${op4.replace('Member States, appropriate United Nations entities and', 'Member States and').replace(/;$/, '.')}\n`,
  );
}
