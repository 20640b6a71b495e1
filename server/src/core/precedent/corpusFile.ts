/**
 * One corpus file's text parsed: its resolutions (AKN4UN XML or the project's text format) and the
 * citations in them. Loaded by the corpus only when it reads a file, so that a start from the saved
 * corpus loads no parser. Plain TypeScript, no LSP import.
 */
import * as path from 'path';
import type { Lang } from '../languages';
import { parseAkn } from './akn';
import { isXml, splitItemId } from './sources';
import { symbolKey } from './symbolKey';
import { readTextResolution } from './textfile';
import { KINDS } from './types';

/** A paragraph as parsed from a file: [kind index, number, text, line]. */
export type ParsedParagraph = [number, string, string, number];

/** One resolution read from a file, before metadata is applied. */
export interface ParsedDoc {
  symbol: string;
  /** True when the symbol is the file's name (the file names no symbol). */
  named?: boolean;
  title?: string;
  date?: string;
  lang: Lang;
  paragraphs: ParsedParagraph[];
}

/** What a corpus file yields: its resolutions and the citations (key, date) in them. */
export interface FileResult {
  docs: ParsedDoc[];
  cites: Array<[string, string]>;
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const CITATION_RE = new RegExp(
  `\\b(\\d{1,4}\\/\\d{1,4}|\\d{1,4}\\s*\\([IVXL]+\\)|\\d{1,4}\\s*\\((?:19|20)\\d{2}\\))(?:\\s+[A-H](?=\\s))?\\s+of\\s+(\\d{1,2}\\s+(?:${MONTHS})\\s+\\d{4})`,
  'g',
);

/** Parses one corpus file's text (AKN4UN XML or the text format). Throws with a readable message. */
export function parseCorpusFile(id: string, text: string): FileResult {
  const name = splitItemId(id).entry ?? id;
  const cites: Array<[string, string]> = [];
  const docs: ParsedDoc[] = [];
  if (isXml(name)) {
    for (const d of parseAkn(text)) {
      const doc: ParsedDoc = {
        symbol: d.symbol ?? path.posix.basename(name.replace(/\\/g, '/'), path.extname(name)),
        lang: d.lang ?? 'en',
        paragraphs: d.paragraphs.map((p) => [KINDS.indexOf(p.kind), p.number, p.text, 0]),
      };
      if (!d.symbol) doc.named = true;
      if (d.title) doc.title = d.title;
      if (d.date) doc.date = d.date;
      docs.push(doc);
      for (const p of d.paragraphs) citationsIn(p.text, cites);
    }
  } else {
    if (text.includes('\u0000')) throw new Error('not a text file (binary content)');
    const imp = readTextResolution(text, id);
    const doc: ParsedDoc = {
      symbol: imp.source.symbol,
      lang: imp.lang,
      paragraphs: imp.records.map((r) => [KINDS.indexOf(r.kind), r.paragraph, r.text, r.line]),
    };
    if (imp.source.title) doc.title = imp.source.title;
    if (imp.source.date) doc.date = imp.source.date;
    docs.push(doc);
    for (const c of imp.citations) cites.push([symbolKey(c.key), c.date]);
  }
  return { docs, cites };
}

/** Citations "70/1 of 25 September 2015" in a paragraph's text. */
function citationsIn(text: string, out: Array<[string, string]>): void {
  CITATION_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CITATION_RE.exec(text))) out.push([symbolKey(m[1]), m[2].replace(/\s+/g, ' ')]);
}
