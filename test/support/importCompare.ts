/**
 * Comparing an imported draft with the ground truth (the UN's AKN4UN XML of the same text, turned
 * into the draft format by test/tools/akn.ts): paragraphs, numbers, italic openings, footnotes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT } from './paths';

export const SHARED_PDF = path.resolve(ROOT, '..', 'shared', 'pdf');

/** The base names (A_RES_78_11) of the PDFs in ../shared/pdf that have their XML beside them. */
export function sharedPdfNames(): string[] {
  if (!fs.existsSync(SHARED_PDF)) return [];
  return fs
    .readdirSync(SHARED_PDF)
    .filter((f) => f.endsWith('.pdf') && fs.existsSync(path.join(SHARED_PDF, f.replace(/\.pdf$/, '.akn.xml'))))
    .map((f) => f.replace(/\.pdf$/, ''))
    .sort();
}

const SUP = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const supValue = (s: string) => [...s].map((c) => SUP.indexOf(c)).join('');
const toSup = (n: string) => [...n].map((d) => SUP[+d]).join('');

export const squashSpaces = (s: string) => s.replace(/[ \t\r\n\u00a0]+/g, ' ').trim();

export interface Split {
  /** Text blocks (front matter and body), footnote definitions left out. */
  blocks: string[];
  /** Footnote definitions by label. */
  notes: Map<string, string>;
}

/** Blocks and footnote definitions of a draft in the seeds' format. */
export function splitBlocks(text: string): Split {
  const blocks: string[] = [];
  const notes = new Map<string, string>();
  for (const raw of text.split(/\n\s*\n/)) {
    const b = raw.trim();
    if (!b) continue;
    if (/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(b)) {
      let label = '';
      for (const line of b.split('\n')) {
        const m = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s+(.*)$/.exec(line.trim());
        if (m) {
          label = supValue(m[1]);
          notes.set(label, squashSpaces(m[2]));
        } else if (label) notes.set(label, squashSpaces(notes.get(label) + ' ' + line));
      }
      continue;
    }
    blocks.push(squashSpaces(b));
  }
  return { blocks, notes };
}

/** The body: the blocks after the title line ("78/11. Title"), without bold marks. */
export function bodyBlocks(split: Split): string[] {
  const i = split.blocks.findIndex((b) => /^\d{1,3}\/\d{1,4}\.\s/.test(b));
  return split.blocks.slice(i + 1).map((b) => b.replace(/\*\*/g, ''));
}

/** Renumbers footnote markers and definitions 1, 2, 3 … in the order of first citation. */
export function renumberFootnotes(text: string): string {
  const { notes } = splitBlocks(text);
  const map = new Map<string, string>();
  const body = text
    .split(/\n\s*\n/)
    .filter((b) => !/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s/.test(b.trim()))
    .join('\n\n');
  body.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => {
    const v = supValue(m);
    if (notes.has(v) && !map.has(v)) map.set(v, String(map.size + 1));
    return m;
  });
  return text.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, (m) => {
    const v = map.get(supValue(m));
    return v ? toSup(v) : m;
  });
}

export interface MatchFigures {
  paragraphs: number;
  exact: number;
  /** Paragraphs equal once italics are ignored. */
  plain: number;
  /**
   * "Text exact": paragraphs whose words and punctuation are equal once Markdown emphasis is
   * removed — what an evaluator comparing plain text sees (each imported block used once).
   */
  textExact: number;
  missing: string[];
  /** Paragraphs equal once a non-breaking hyphen (U+2011) is read as a hyphen: print shows no difference. */
  visual: number;
  footnotes: number;
  footnotesExact: number;
}

const stripItalics = (s: string) => s.replace(/\*/g, '');
/** A paragraph as plain text: Markdown emphasis (`*…*`, `_…_`) and escapes removed. */
export const plainText = (s: string) =>
  squashSpaces(
    s
      .replace(/\\([*_\\[\]])/g, (_m, c: string) => ({ '*': '\uE011', _: '\uE012' })[c] ?? c)
      .replace(/\*+/g, '')
      .replace(/(^|[^\p{L}\d])_+|_+(?=[^\p{L}\d]|$)/gu, '$1')
      .replace(/\uE011/g, '*')
      .replace(/\uE012/g, '_'),
  );
/** The XML does not record the italics of the meeting line ("45th plenary meeting / 7 December 2023"). */
const MEETING = /^[*_]*\d+(?:st|nd|rd|th) (?:\(?(?:resumed|continued)\)? )?plenary meeting\b/i;
const comparable = (s: string) => (MEETING.test(s) ? stripItalics(s) : s);

/**
 * The ground truth's footnotes numbered as printed: footnotes are numbered 1, 2, 3 … in order of
 * first reference, but the XML of a text may number them from 2 where the printed text numbers
 * them from 1 (A/RES/78/262). Such a text is renumbered from 1 in order of first reference.
 */
export function groundTruthNotes(expected: string): string {
  const labels = [...splitBlocks(expected).notes.keys()].map((l) => parseInt(l, 10));
  return labels.length && !labels.includes(1) ? renumberFootnotes(expected) : expected;
}

/** How many ground-truth paragraphs (and footnotes) the import reproduces exactly. */
export function compareDrafts(expected: string, actual: string, body = true): MatchFigures {
  const e = splitBlocks(groundTruthNotes(expected));
  const a = splitBlocks(actual);
  const want = (body ? bodyBlocks(e) : e.blocks).map(comparable);
  const have = new Map<string, number>();
  const haveList = (body ? bodyBlocks(a) : a.blocks).map(comparable);
  for (const b of haveList) have.set(b, (have.get(b) ?? 0) + 1);
  const havePlain = new Set(haveList.map(stripItalics));
  const hyphen = (t: string) => t.replace(/\u2011/g, '-');
  const haveVisual = new Set(haveList.map(hyphen));
  const haveText = new Map<string, number>();
  for (const b of haveList) haveText.set(plainText(b), (haveText.get(plainText(b)) ?? 0) + 1);
  let textExact = 0;
  let visual = 0;
  let exact = 0;
  let plain = 0;
  const missing: string[] = [];
  for (const b of want) {
    const n = have.get(b) ?? 0;
    if (n > 0) {
      exact++;
      have.set(b, n - 1);
    } else missing.push(b);
    if (havePlain.has(stripItalics(b))) plain++;
    const pt = plainText(b);
    const k = haveText.get(pt) ?? 0;
    if (k > 0) {
      textExact++;
      haveText.set(pt, k - 1);
    }
    if (haveVisual.has(hyphen(b))) visual++;
  }
  let footnotesExact = 0;
  for (const [label, text] of e.notes) if (a.notes.get(label) === text) footnotesExact++;
  return { paragraphs: want.length, exact, plain, textExact, visual, missing, footnotes: e.notes.size, footnotesExact };
}

/** The draft from its authority line on (the front matter left out), footnote definitions kept. */
export function fromAuthority(text: string): string {
  const m = /^\*?The (?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)\*?,?\s*$/m.exec(text);
  return m ? text.slice(m.index) : text;
}

/**
 * A draft made into an L document: its front matter replaced by the header the secretariat prints
 * on a draft resolution (symbol, distribution, date, session, agenda item, sponsors, title).
 */
export function asLDocument(draft: string, n: number): string {
  const title = /^\d{1,3}\/\d{1,4}[A-Z]?\.\s+(.*)$/m.exec(draft)?.[1] ?? 'Draft resolution';
  const front = [
    'United Nations',
    `A/78/L.${n}\\*`,
    'General Assembly',
    'Distr.: Limited\n20 November 2023',
    'Original: English',
    'Seventy-eighth session\nAgenda item 14\nCulture of peace',
    'Angola, Argentina, Bangladesh\\*\\*, Costa Rica, Kenya, Norway and Zambia: draft resolution',
    `## ${title}`,
    '\\* Reissued for technical reasons on 24 November 2023.',
    '\\*\\* On behalf of the States Members of the United Nations that are members of the Group of Least Developed Countries.',
  ];
  return front.join('\n\n') + '\n\n' + fromAuthority(draft);
}
