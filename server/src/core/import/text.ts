/**
 * Import of plain text copied out of a PDF (or produced by pdftotext): no italics, every line
 * broken, numbers on lines of their own, running headers, job and page numbers, footnote numbers
 * apart from their texts. The page furniture is dropped, lines are rejoined into paragraphs at the
 * opening phrases the phrase book knows and at paragraph numbers, and the opening phrases are
 * italicised from the same phrase knowledge.
 */
import { corpusPhraseCounts, defaultPhrases, PhraseBook, PhraseKind } from '../phrases';
import { ImportedDocument, ImportedParagraph, Run } from './draft';
import { AUTHORITY_RE, isJobNumber, isUnSymbol, isPageFurniture, LABEL_ONLY_RE, SYMBOL_RE } from './furniture';
import { normaliseFront } from './ldoc';
import { footnoteItalics, repairWords, restoreNonBreakingHyphens, sessionOf } from './words';

const LABEL_START_RE = /^(\d{1,3}(?:\s+(?:bis|ter|quater))?\.|\([a-z]{1,5}\))\s+(.*)$/;
/** A section number on a line of its own: "II", "B". */
const SECTION_RE = /^(?:[IVX]{1,5}|[A-H])$/;
const MEETING_RE = /^\d+(?:st|nd|rd|th) (?:\(?(?:resumed|continued)\)? )?plenary meeting$/i;
/** The heading of an annex on a line of its own: "Annex", "Annex II". */
const ANNEX_RE = /^Annex(?: [IVX]{1,5})?$/;
/** A section number with its full stop on a line of its own: "I.", "B.". */
const SECTION_DOT_RE = /^(?:[IVX]{1,5}|[A-Z])\.$/;
/** A section number and the start of its title on one line, no closing punctuation: "I. The story". */
const SECTION_INLINE_RE = /^((?:[IVX]{1,5}|[A-Z])\.)\s+(\p{Lu}[^.;:]*[^.;:,])$/u;

/** Opening phrases as adopted texts italicise them (the corpus phrase data), longest first. */
const corpusPhrases = new Map<PhraseKind, string[]>();
function phrasesOf(kind: PhraseKind): string[] {
  let list = corpusPhrases.get(kind);
  if (!list) {
    list = Object.keys(corpusPhraseCounts(kind)).sort((a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length);
    corpusPhrases.set(kind, list);
  }
  return list;
}

/** Number of words of the opening phrase at the start of a paragraph, if the phrase knowledge has one. */
function opening(book: PhraseBook, text: string, kind: PhraseKind): number | undefined {
  const words = text
    .replace(MARKER_RE, ' ')
    .split(/\s+/)
    .slice(0, 10)
    .map((w) => w.replace(/[,;:.]+$/, ''));
  const lower = words.join(' ').toLowerCase();
  const m = book.match(words, kind);
  // the phrases adopted texts italicise that this paragraph starts with: the longest one that is
  // not much rarer than the most common ("Takes note with appreciation", but "Takes note" of)
  const counts = corpusPhraseCounts(kind);
  const found = phrasesOf(kind)
    .filter((p) => (lower === p || lower.startsWith(p + ' ')) && (counts[p] ?? 0) >= 2)
    .map((p) => ({ n: p.split(' ').length, count: counts[p] ?? 0 }));
  const known = m?.known ? m.wordCount : 0;
  if (!found.length) return known ? known + withFeeling(words, known) : undefined;
  const top = Math.max(...found.map((f) => f.count));
  // the adopted texts decide where they know the opening ("*Guided* by", "*Looks forward* to"),
  // the phrase book (which lists "Guided by" as a phrase) only where they do not
  const n = Math.max(...found.filter((f) => f.count >= RARER * top).map((f) => f.n));
  return n + withFeeling(words, n);
}

/**
 * Words after an opening verb that adopted texts italicise with it: the feeling it is said with
 * ("*Notes with great concern*", "*Recalling with concern also*", "*Stressing again with grave
 * concern*"), or "once more" and "again" ("*Reaffirming once more*") — in the adopted texts some 870
 * such spans are italic as a whole, 3 are not.
 */
const WITH_FEELING_RE =
  /^(?:once more|again)(?= |$)|^(?:(?:again|also|further) )?with (?:(?:great|serious|deep|grave|renewed|particular|profound|growing|increasing|utmost|deepest) )?(?:concern|appreciation|satisfaction|regret|interest|gratitude|alarm)(?: (?:also|further))?(?= |$)/;
function withFeeling(words: string[], at: number): number {
  let n = 0;
  for (let k = 0; k < 2; k++) {
    const m = WITH_FEELING_RE.exec(words.slice(at + n).join(' '));
    if (!m) break;
    n += m[0].split(' ').length;
  }
  return n;
}

/**
 * A participle the phrase data does not know, opening a line after a preambular paragraph that
 * ended with its comma: the next preambular paragraph ("Commemorating all victims …"), as the
 * preamble's paragraphs open with participles. Followed by a word in lower case, so that a name
 * ("Beijing Declaration") is not one.
 */
const PARTICIPLE_RE = /^\p{Lu}\p{Ll}{2,}ing\s+\p{Ll}/u;

/** A longer phrase is taken when it is at least this share as common as the most common one. */
const RARER = 0.01;

function italicOpening(book: PhraseBook, text: string, kind: PhraseKind): Run[] {
  const n = opening(book, text, kind) ?? (kind === 'preambular' && PARTICIPLE_RE.test(text) ? 1 : undefined);
  if (!n) return [{ text }];
  const words = text.split(/(\s+)/);
  let head = words.slice(0, n * 2 - 1).join('');
  // the phrase ends at a comma: "*Welcoming*, in this regard," (142 times in adopted texts, never
  // italic through the comma)
  const comma = /[,;:]\s/.exec(head);
  if (comma) head = head.slice(0, comma.index);
  const punct = /[,;:.]+$/.exec(head);
  if (punct) head = head.slice(0, head.length - punct[0].length);
  return [{ text: head, italic: true }, { text: text.slice(head.length) }];
}

/** A line of the text with what the layout tells about it. */
interface TextLine {
  text: string;
  /** Leading spaces (pdftotext -layout keeps them: a paragraph's first line is indented). */
  indent: number;
  page: number;
}

/** A job number with the page number glued to it ("23-252722/18"), as a viewer copies the footer. */
const JOB_PAGE_RE = /^(?:\d{2}-\d{5}\s?(?:\([A-Z]\)\s*)?\d{1,3}\/\d{1,3}|\d{1,3}\/\d{1,3}\s?\d{2}-\d{5}(?:\s*\([A-Z]\))?)$/;
/** The date code of the job number on a line of its own ("061223"). */
const DATE_CODE_RE = /^[0-3]\d[01]\d\d\d$/;
/** The opening lines of the header of page one, two columns run together by a viewer. */
const HEADER_PAIRS: Array<[RegExp, number]> = [
  [/^(United Nations)\s+(\S+\/\S+)$/, 2],
  [/^(General Assembly|Security Council|Economic and Social Council)\s+(Distr\.:.*)$/, 2],
];

const squashed = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Splits text into pages: at form feeds, or (text copied from a viewer) after each page's footnotes. */
function pagesOf(input: string): string[][] {
  const raw = input.split('\f').map((p) => p.split('\n'));
  if (raw.length > 1) return raw.filter((p, i) => i < raw.length - 1 || p.some((l) => l.trim()));
  return raw;
}

/**
 * Is a stretch of a line page furniture: page and job numbers, bar codes, the symbol, the running
 * title (or part of it) — `title` is the text's title, `repeated` the lines seen more than once.
 */
function furnitureSegment(seg: string, symbol: string | undefined, title: string | undefined, repeated: Set<string>): boolean {
  const t = squashed(seg);
  if (!t) return true;
  if (isPageFurniture(t, undefined, symbol) || JOB_PAGE_RE.test(t) || DATE_CODE_RE.test(t)) return true;
  if (symbol && (t === symbol || t === symbol + '*')) return true;
  if (symbol && t.startsWith(symbol + ' ') && title && title.includes(t.slice(symbol.length + 1))) return true;
  // (a single word only as the running title's last line: a justified line of a word processor's
  // print may hold a single word)
  if (title && t.length > 3 && (t.includes(' ') || title.endsWith(t)) && repeated.has(t) && title.includes(t)) return true;
  return false;
}

export function readPlainText(input: string, phrases: PhraseBook = defaultPhrases()): ImportedDocument {
  const warnings: string[] = [];
  const text = input
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, '    ')
    .replace(/[\u00a0\u2002-\u200a\u202f]/g, ' ');
  const rawPages = pagesOf(text);
  const layout = rawPages.flat().filter((l) => /^ {4,}\S/.test(l)).length > 10;
  // layout mode sets columns apart with runs of spaces; a line of the header may hold two
  const segmentsOf = (l: string) => (layout ? l.trim().split(/ {3,}/) : [l.trim()]);

  // Symbol and title from the first lines
  const firstLines = rawPages[0]
    .flatMap(segmentsOf)
    .flatMap((l) => {
      for (const [re] of HEADER_PAIRS) {
        const m = re.exec(squashed(l));
        if (m) return m.slice(1);
      }
      return [squashed(l)];
    })
    .filter(Boolean);
  const authorityAt = firstLines.findIndex((l) => AUTHORITY_RE.test(l));
  const head = authorityAt >= 0 ? firstLines.slice(0, authorityAt) : firstLines.slice(0, 40);
  const symbol: string | undefined = head.find((l) => SYMBOL_RE.test(l))?.replace(/\*$/, '');
  const titleAt = head.findIndex((l) => /^\d{1,3}\/\d{1,4}[A-Z]?\.(?:\s|$)/.test(l));
  let title: string | undefined;
  if (titleAt >= 0)
    title = squashed(
      head
        .slice(titleAt)
        .join(' ')
        .replace(/^\S+\s*/, ''),
    );
  else if (authorityAt > 0) title = lDocTitle(head);

  // lines seen more than once: a running title repeats on every page
  const seen = new Map<string, number>();
  for (const l of rawPages.flat().flatMap(segmentsOf)) {
    const t = squashed(l);
    if (t) seen.set(t, (seen.get(t) ?? 0) + 1);
  }
  const repeated = new Set([...seen].filter(([, n]) => n > 1).map(([t]) => t));
  const isFurniture = (l: string) => segmentsOf(l).every((s) => furnitureSegment(s, symbol, title, repeated));

  // Pages: body lines, and the footnotes under the rule. Text copied from a viewer has no form
  // feeds: its footnotes run until the next page's furniture.
  const footnotes = new Map<string, Run[]>();
  const bodyLines: TextLine[] = [];
  const pageLabels: string[][] = [];
  const hasFormFeeds = text.includes('\f');
  let lastNote: string | undefined;
  let pageNo = 0;
  let frontDone = false;
  const noteLines: string[] = [];
  const starNotes: string[] = [];
  const ruleless: string[] = [];
  let pendingStar: string | undefined;
  const flushNotes = () => {
    if (!noteLines.length) return;
    const labels = readNotes(noteLines.splice(0), footnotes, lastNote);
    if (labels.length) lastNote = labels[labels.length - 1];
    pageLabels[pageNo] = [...(pageLabels[pageNo] ?? []), ...labels];
  };
  for (const page of rawPages) {
    let inNotes = false;
    let sawRule = false;
    // the rule printed at the end of the page's last line of text ("cross__________________")
    const lines = page.flatMap((l) => {
      const m = /^(.*\S)_{5,}\s*$/.exec(l);
      return m && !/_$/.test(m[1]) ? [m[1], '__________'] : [l];
    });
    for (const raw of lines) {
      const t = squashed(raw);
      if (!frontDone) {
        if (AUTHORITY_RE.test(t)) frontDone = true;
        else {
          // the header keeps its columns as lines of their own; job numbers and bar codes go
          for (const s of segmentsOf(raw)) {
            const seg = squashed(s);
            if (seg && !isPageFurniture(seg, undefined) && !JOB_PAGE_RE.test(seg) && !DATE_CODE_RE.test(seg))
              bodyLines.push({ text: seg, indent: 0, page: pageNo });
          }
          continue;
        }
      }
      if (/^_{5,}$/.test(t)) {
        inNotes = true;
        sawRule = true;
        continue;
      }
      if (inNotes) {
        if (isFurniture(raw)) {
          if (!hasFormFeeds && noteLines.length) {
            // the end of a page's footnotes in text without form feeds
            flushNotes();
            inNotes = false;
            pageNo++;
          }
          continue;
        }
        // the note of an asterisk on the symbol or a sponsor ("* Reissued for technical reasons …")
        if (/^\*+\s*\S/.test(t)) starNotes.push(t);
        else if (/^\*+$/.test(t)) pendingStar = t;
        else if (pendingStar && t && !/^\d{1,3}$/.test(t)) {
          starNotes.push(`${pendingStar} ${t}`);
          pendingStar = undefined;
        } else noteLines.push(t);
        continue;
      }
      if (!t || isFurniture(raw)) continue;
      if (!hasFormFeeds) {
        // text copied from a viewer, footnotes under a rule drawn as a line: "1 Text" lines, the
        // next footnote's number first, after a finished paragraph; a note runs on until its full stop
        const next = lastNote ? parseInt(lastNote, 10) + 1 : 1;
        const open = ruleless[ruleless.length - 1];
        const m = /^(\d{1,3})\s+\S/.exec(t);
        const prev = bodyLines[bodyLines.length - 1]?.text ?? '';
        if (
          m &&
          parseInt(m[1], 10) === (ruleless.length ? parseInt(/^\d+/.exec(open)![0], 10) + 1 : next) &&
          (ruleless.length || /[.;:,]\d{0,3}$/.test(prev))
        ) {
          ruleless.push(t);
          continue;
        }
        if (open && !/\.$/.test(open)) {
          ruleless[ruleless.length - 1] += ' ' + t;
          continue;
        }
        if (ruleless.length) {
          noteLines.push(...ruleless.splice(0));
          flushNotes();
          pageNo++;
        }
      }
      bodyLines.push({ text: t, indent: raw.length - raw.trimStart().length, page: pageNo });
    }
    if (hasFormFeeds && !sawRule) {
      // footnotes under a rule drawn as a line, not text (a PDF made by a word processor): the
      // next footnote's number alone on a line after a finished paragraph (or the next two numbers
      // in a row, where a paragraph runs on to the next page), their texts after them
      const next = String(lastNote ? parseInt(lastNote, 10) + 1 : 1);
      const first = bodyLines.findIndex((l) => l.page === pageNo);
      for (let k = first + 1; first >= 0 && k < bodyLines.length; k++) {
        if (bodyLines[k].text !== next) continue;
        const inRow = bodyLines[k + 1]?.text === String(parseInt(next, 10) + 1);
        if (!inRow && !/[.;:,]\d{0,3}$/.test(bodyLines[k - 1].text.replace(MARKER_RE, ''))) continue;
        const tail = bodyLines.slice(k).map((l) => l.text);
        if (tail.some((t) => !/^\d{1,3}$/.test(t))) {
          bodyLines.splice(k);
          noteLines.push(...tail);
        }
        break;
      }
    }
    noteLines.push(...ruleless.splice(0));
    flushNotes();
    if (hasFormFeeds) pageNo++;
  }

  // Footnote markers, page by page: the labels whose texts stand at the page's bottom
  markPages(bodyLines, pageLabels, footnotes);
  for (const [label, runs] of footnotes) footnotes.set(label, footnoteItalics(repairWords([runs.map((r) => r.text).join('')])[0]));
  const repaired = repairWords(bodyLines.map((l) => l.text));
  repaired.forEach((t, i) => (bodyLines[i].text = t));

  // Front matter: up to the authority line (or the title line "78/11." and its title).
  let start = bodyLines.findIndex((l) => AUTHORITY_RE.test(l.text));
  if (start < 0) start = 0;
  const front = normaliseFront([...frontMatterLines(bodyLines.slice(0, start).map((l) => l.text)), ...starNotes]);

  // layout mode: the indent of the lines that run on, page by page (a first line is indented)
  const runOnIndent = new Map<number, number>();
  if (layout) {
    const byPage = new Map<number, number[]>();
    for (const l of bodyLines.slice(start)) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l.indent]);
    for (const [p, indents] of byPage) runOnIndent.set(p, Math.min(...indents));
  }

  // Paragraphs: a new one at a number, a label, a known opening phrase after a finished line.
  const paragraphs: ImportedParagraph[] = [];
  let cur: { label?: string; text: string; kind: PhraseKind | 'authority' | 'meeting' | 'other' } | undefined;
  let operative = false;
  let pendingLabel: string | undefined;
  const flush = () => {
    if (!cur) return;
    const t = cur.text.replace(/\s+/g, ' ').trim();
    let runs: Run[];
    if (cur.kind === 'authority') runs = [{ text: t.replace(/,$/, ''), italic: true }, { text: t.endsWith(',') ? ',' : '' }];
    else if (cur.kind === 'meeting') runs = [{ text: t, italic: true }];
    else if (cur.kind === 'preambular' || cur.kind === 'operative') runs = italicOpening(phrases, t, cur.kind);
    else runs = [{ text: t }];
    paragraphs.push({ label: cur.label, runs: noteRuns(articleLetters(runs)) });
    cur = undefined;
  };
  const body = bodyLines.slice(start).filter((l) => l.text.trim());
  const opensParagraph = (t: string) => LABEL_ONLY_RE.test(t) || LABEL_START_RE.test(t) || SECTION_RE.test(t);
  for (let i = 0; i < body.length; i++) {
    const bl = body[i];
    const line = bl.text.trim();
    // a section heading ("II", "International Decade for People of African Descent") between
    // finished paragraphs, before a numbered paragraph
    const ended = !cur || /[,;.:]$/.test(cur.text.replace(MARKER_RE, '').trim());
    // an annex after the meeting line or a finished paragraph: "Annex", its title up to the first
    // section or paragraph number
    if ((ended || cur?.kind === 'meeting') && !pendingLabel && ANNEX_RE.test(line) && paragraphs.length + (cur ? 1 : 0) > 1) {
      flush();
      paragraphs.push({ heading: 2, runs: [{ text: line }] });
      let j = i + 1;
      while (
        j < body.length &&
        j < i + 5 &&
        !opensParagraph(body[j].text) &&
        !SECTION_DOT_RE.test(body[j].text) &&
        !SECTION_INLINE_RE.test(body[j].text)
      )
        j++;
      if (j > i + 1 && j < body.length) {
        paragraphs.push({
          heading: 2,
          runs: [
            {
              text: squashed(
                body
                  .slice(i + 1, j)
                  .map((l) => l.text)
                  .join(' '),
              ),
            },
          ],
        });
        i = j - 1;
      }
      continue;
    }
    // a numbered section ("I.", "A.") between finished paragraphs, its title up to the next number
    // (pdftotext -layout sets the number and the title's first line on one line: "I.   The story")
    const inline = SECTION_INLINE_RE.exec(line);
    if (
      ended &&
      !pendingLabel &&
      cur?.kind !== 'meeting' &&
      (SECTION_DOT_RE.test(line) || inline) &&
      paragraphs.length + (cur ? 1 : 0) > 1
    ) {
      let j = i + 1;
      while (
        j < body.length &&
        j < i + 4 &&
        !opensParagraph(body[j].text) &&
        !SECTION_DOT_RE.test(body[j].text) &&
        !SECTION_INLINE_RE.test(body[j].text) &&
        !/[,;.:]$/.test(body[j].text)
      )
        j++;
      const next = body[j]?.text ?? '';
      if (
        (j > i + 1 || inline) &&
        (j >= body.length || opensParagraph(next) || SECTION_DOT_RE.test(next) || SECTION_INLINE_RE.test(next))
      ) {
        // as the adopted texts record it: the number a paragraph of its own, the title a heading
        flush();
        paragraphs.push({ runs: [{ text: inline ? inline[1] : line }] });
        const heading = squashed([inline ? inline[2] : '', ...body.slice(i + 1, j).map((l) => l.text)].join(' ')).replace(/^#+\s+/, '');
        paragraphs.push({ heading: 2, runs: [{ text: heading }] });
        i = j - 1;
        continue;
      }
    }
    if (ended && !pendingLabel && cur?.kind !== 'meeting' && paragraphs.length + (cur ? 1 : 0) > 1) {
      if (SECTION_RE.test(line)) {
        flush();
        paragraphs.push({ heading: 2, runs: [{ text: line }] });
        continue;
      }
      let j = i;
      while (
        j < body.length &&
        j < i + 3 &&
        !opensParagraph(body[j].text) &&
        (j > i || /^\p{Lu}/u.test(body[j].text)) &&
        !/[,;.:]$/.test(body[j].text)
      )
        j++;
      if (j > i && j < body.length && /^(?:\d{1,3}\.)(?:\s|$)/.test(body[j].text) && !opening(phrases, line, 'preambular')) {
        flush();
        paragraphs.push({
          heading: 2,
          runs: [
            {
              text: body
                .slice(i, j)
                .map((l) => l.text)
                .join(' '),
            },
          ],
        });
        i = j - 1;
        continue;
      }
    }
    if (LABEL_ONLY_RE.test(line)) {
      flush();
      pendingLabel = line;
      continue;
    }
    const labelled = LABEL_START_RE.exec(line);
    const plainEnd = cur?.text.replace(MARKER_RE, '').trim() ?? '';
    const finished = !cur || cur.kind === 'authority' || /[,;.:]$/.test(plainEnd) || pendingLabel !== undefined;
    // layout mode: an indented line opens a paragraph
    const indented = layout && bl.indent >= (runOnIndent.get(bl.page) ?? 0) + 3;
    let kind: PhraseKind | 'authority' | 'meeting' | 'other' | undefined;
    let label = pendingLabel;
    let t = line;
    if (labelled && (finished || indented) && !pendingLabel) {
      label = labelled[1];
      t = labelled[2];
    }
    if (AUTHORITY_RE.test(line)) kind = 'authority';
    else if (MEETING_RE.test(line)) kind = 'meeting';
    else if (label && /^\d/.test(label)) {
      kind = 'operative';
      operative = true;
    } else if (label) kind = 'other';
    else if ((finished || indented) && !operative && /^\p{Lu}/u.test(line) && opening(phrases, line, 'preambular')) kind = 'preambular';
    else if (!operative && cur?.kind === 'preambular' && /,$/.test(plainEnd) && PARTICIPLE_RE.test(line)) kind = 'preambular';
    else if (
      (finished || indented) &&
      !operative &&
      ((cur?.kind === 'preambular' && /,$/.test(plainEnd)) || cur?.kind === 'authority') &&
      /^\p{Lu}/u.test(line) &&
      opening(phrases, line, 'operative')
    ) {
      // a single operative paragraph, unnumbered
      kind = 'operative';
      operative = true;
    } else if (finished && cur?.kind === 'meeting') kind = undefined;
    else if (indented && finished && /^[\p{Lu}\d“"(]/u.test(line)) kind = 'other';
    const layoutSaysNew = !layout || indented || kind === 'authority' || kind === 'meeting' || (!!label && finished);
    if (kind && (finished || kind === 'authority' || kind === 'meeting' || label) && layoutSaysNew) {
      flush();
      cur = { label, text: t, kind };
      pendingLabel = undefined;
      continue;
    }
    if (!cur) {
      cur = { text: line, kind: 'other' };
      continue;
    }
    if (cur.kind === 'meeting') {
      cur.text += '\u2028' + line;
      continue;
    }
    cur.text = joinLine(cur.text, line);
  }
  flush();
  // only in the United Nations' own documents (their symbol, or a job number on the pages)
  const official = isUnSymbol(symbol) || rawPages.some((p) => p.some((l) => segmentsOf(l).some(isJobNumber)));
  restoreNonBreakingHyphens(paragraphs, official ? sessionOf(symbol, front) : undefined);
  if (!footnotes.size && /[¹²³⁴⁵⁶⁷⁸⁹]/.test(input)) warnings.push('footnote markers found without their texts');
  return { front, paragraphs, footnotes, warnings };
}

/**
 * The next line of a paragraph after the text so far. A hyphen at a line end is a compound's
 * (UN texts do not break words at line ends): the lines join without a space ("capacity-" +
 * "building"), and a space a viewer put before it goes ("fifty -" + "sixth"); but a hyphen before
 * "and", "or", "to" is a suspended one ("burden- and responsibility-sharing", "pre- and post-").
 */
export function joinLine(text: string, line: string): string {
  const hyphen = /(?<=[\p{L}\d])\s*([-‑])$/u.exec(text);
  if (hyphen) {
    const head = text.slice(0, hyphen.index) + hyphen[1];
    return /^(?:and|or|to)\s/.test(line) ? `${head} ${line}` : head + line;
  }
  return /[-‑/]$/.test(text) || /\S[–—]$/.test(text) ? text + line : `${text} ${line}`;
}

/** Header lines as front matter: "78/11." joined to its title. */
function frontMatterLines(lines: string[]): string[] {
  const out: string[] = [];
  const fl = lines.filter(Boolean).flatMap((l) => {
    for (const [re] of HEADER_PAIRS) {
      const m = re.exec(l);
      if (m) return m.slice(1);
    }
    return [l];
  });
  for (let i = 0; i < fl.length; i++) {
    if (/^\d{1,3}\/\d{1,4}[A-Z]?\.$/.test(fl[i]) && fl[i + 1]) {
      out.push(`${fl[i]} ${fl[i + 1]}`);
      i++;
    } else out.push(fl[i]);
  }
  return out;
}

/** The title of a draft (L document): the lines after "…: draft resolution" up to the authority line. */
function lDocTitle(head: string[]): string | undefined {
  const i = head.findIndex((l) => /draft resolution\s*$/i.test(l));
  if (i < 0) return undefined;
  return squashed(head.slice(i + 1).join(' ')) || undefined;
}

/**
 * A page's footnotes: pdftotext prints the numbers apart from their texts, in any order (often
 * the texts first, the numbers after); a viewer copies "1 Text". The definitions keep the page's
 * order. Returns the labels defined.
 */
function readNotes(notes: string[], footnotes: Map<string, Run[]>, lastNote: string | undefined): string[] {
  const labels: string[] = [];
  const texts: string[] = [];
  const inline = notes.filter((l) => /^\d{1,3}\s+\S/.test(l)).length;
  if (inline > 0 && !notes.some((l) => /^\d{1,3}$/.test(l))) {
    // "1 Text" lines; others continue the one before
    let cur: string | undefined;
    for (const l of notes) {
      const m = /^(\d{1,3})\s+(\S.*)$/.exec(l);
      const next = m ? parseInt(m[1], 10) : NaN;
      const prev = cur ? parseInt(cur, 10) : lastNote ? parseInt(lastNote, 10) : 0;
      if (m && (next === prev + 1 || (!cur && !lastNote))) {
        cur = m[1];
        labels.push(cur);
        footnotes.set(cur, [{ text: m[2] }]);
      } else if (cur) footnotes.get(cur)![0].text += ' ' + l;
      else if (lastNote && footnotes.has(lastNote)) footnotes.get(lastNote)![0].text += ' ' + l;
    }
    return labels;
  }
  for (const l of notes) {
    if (/^\d{1,3}$/.test(l)) labels.push(l);
    else {
      const m = /^(\d{1,3})\s+(\S.*)$/.exec(l);
      if (m && !texts.length) {
        labels.push(m[1]);
        texts.push(m[2]);
      } else texts.push(l);
    }
  }
  labels.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  if (labels.length) {
    // join continuation lines: a definition ends with a full stop
    const defs: string[] = [];
    for (const t of texts) {
      if (defs.length && (defs.length >= labels.length || !/[.)]$/.test(defs[defs.length - 1]))) defs[defs.length - 1] += ' ' + t;
      else defs.push(t);
    }
    labels.forEach((label, i) => {
      if (defs[i] !== undefined) footnotes.set(label, [{ text: defs[i] }]);
    });
  } else if (texts.length && lastNote && footnotes.has(lastNote)) {
    footnotes.get(lastNote)![0].text += ' ' + texts.join(' ');
  }
  return labels;
}

/** A footnote marker found in the text, held until the paragraph's runs are made. */
const MARKER_RE = /\uE000(\d{1,3})\uE001/g;

/**
 * Footnote markers, page by page: each label defined at a page's bottom is looked for in that
 * page's text, in order — glued to a word or a punctuation mark ("East,1"), or set apart by
 * pdftotext ("Islands 2 and"). A footnote cited again later is taken only where it is glued or
 * follows punctuation before a word.
 */
function markPages(lines: TextLine[], pageLabels: string[][], footnotes: Map<string, Run[]>): void {
  if (!footnotes.size) return;
  const byPage = new Map<number, TextLine[]>();
  for (const l of lines) byPage.set(l.page, [...(byPage.get(l.page) ?? []), l]);
  let maxDefined = 0;
  for (const [page, pl] of [...byPage].sort((a, b) => a[0] - b[0])) {
    const labels = (pageLabels[page] ?? []).filter((l) => footnotes.has(l));
    let from = { line: 0, at: 0 };
    for (const label of labels) {
      const hit = findMarker(pl, label, from);
      if (hit) {
        const l = pl[hit.line];
        l.text = l.text.slice(0, hit.start) + `\uE000${label}\uE001` + l.text.slice(hit.end);
        from = { line: hit.line, at: hit.start + label.length + 2 };
      }
    }
    // footnotes cited again on this page: glued to a word or a punctuation mark ("1949,2")
    if (maxDefined > 0)
      for (const l of pl)
        l.text = l.text.replace(
          /(\S?)([\p{L},;:”’)\]])(\d{1,3})(?=\s+\p{Ll}|[,.;:)]|$)/gu,
          (all, b0: string, before: string, n: string) => {
            const v = parseInt(n, 10);
            if (v > maxDefined || !footnotes.has(n) || /\d/.test(b0)) return all;
            return `${b0}${before}\uE000${n}\uE001`;
          },
        );
    for (const label of labels) maxDefined = Math.max(maxDefined, parseInt(label, 10));
  }
}

function findMarker(
  lines: TextLine[],
  label: string,
  from: { line: number; at: number },
): { line: number; start: number; end: number } | undefined {
  const re = new RegExp(`([\\p{L}\\d.,;:”’)\\]%])(\\s?)${label}(?![\\d/]|[.,]\\d)(?=\\s|[,.;:)]|$)`, 'gu');
  let weak: { line: number; start: number; end: number } | undefined;
  let lastResort: { line: number; start: number; end: number } | undefined;
  for (let i = from.line; i < lines.length; i++) {
    const text = lines[i].text;
    re.lastIndex = i === from.line ? from.at : 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      // candidates overlap ("2004 4": the year's last digit before the marker): go on from the next character
      re.lastIndex = m.index + 1;
      const start = m.index + m[1].length;
      const hit = { line: i, start, end: start + m[2].length + label.length };
      const before = text.slice(0, m.index + 1);
      const after = text.slice(hit.end);
      const digit = /\d/.test(m[1]);
      const sequel = after === '' || /^\s+\p{Ll}/u.test(after) || /^[,.;:)]/.test(after);
      if (!m[2]) {
        // a marker glued to a date's year ("29 September 20117"): a year is four digits, and the
        // texts write longer numbers with commas
        if (digit && YEAR_BEFORE_RE.test(text.slice(0, start)) && (sequel || /^\s+\d{1,3}\/\d/.test(after))) return hit;
        if (digit || /\d\.$/.test(before)) continue; // a number ("1.5", "2030")
        if (m[1] === '.' && (ABBREVIATION_RE.test(before) || /\S\/\S*$/.test(before))) continue; // "Add.1", "A/78/L.1", "No.1"

        return hit;
      }
      if (/^\s+(?:and|or|to|through)\s+\d+(?![\d/])/.test(after) || /^\s*[-–]\s*\d/.test(after)) continue;
      const symbolNext = /^\s+\d{1,3}\/\d/.test(after);
      if (digit) {
        // after a year ("October 1990 4 or", "2019 27 and 46/17")
        if (/\b(?:19|20)\d\d$/.test(before) && (sequel || symbolNext)) return hit;
        continue;
      }
      if (/[,.;:”’)\]]/.test(m[1])) {
        if (/\d[,.]$/.test(before) && !sequel && !symbolNext) continue;
        return hit;
      }
      if (!weak && !NUMBER_WORDS.test(before) && sequel) weak = hit;
      if (!lastResort && sequel) lastResort = hit;
    }
  }
  return weak ?? lastResort;
}

/**
 * The letter of a subparagraph of a Charter article, which the official texts print in italics:
 * "Article 73 *e* of the Charter".
 */
export function articleLetters(runs: Run[]): Run[] {
  return runs.flatMap((r) => {
    if (r.italic || r.note) return [r];
    const out: Run[] = [];
    let last = 0;
    for (const m of r.text.matchAll(/\bArticles? \d{1,3} ([a-h])(?=[\s,;.)]|$)/g)) {
      const at = m.index! + m[0].length - 1;
      out.push({ ...r, text: r.text.slice(last, at) }, { ...r, text: m[1], italic: true });
      last = at + 1;
    }
    if (!out.length) return [r];
    out.push({ ...r, text: r.text.slice(last) });
    return out.filter((x) => x.text);
  });
}

/** A date's year, a year after "of", "in", "since" or at a line's start: "29 September 2011", "of 1969". */
const YEAR_BEFORE_RE =
  /(?:\b(?:January|February|March|April|May|June|July|August|September|October|November|December|of|in|since) |^)(?:19|20)\d\d$/;

/** Runs with the held markers turned into footnote references. */
function noteRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    let last = 0;
    MARKER_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = MARKER_RE.exec(r.text))) {
      if (m.index > last) out.push({ ...r, text: r.text.slice(last, m.index).replace(/\s+$/, '') });
      out.push({ text: '', note: m[1] });
      last = m.index + m[0].length;
    }
    if (last < r.text.length) out.push({ ...r, text: r.text.slice(last) });
  }
  return out;
}

/** Abbreviations a number follows without a space: parts of symbols ("A/78/825/Add.1"), "No.1". */
const ABBREVIATION_RE = /(?:^|[\s/(])(?:Add|Rev|Corr|Amend|Suppl|No|Nos|para|paras|vol|art|chap|sect|p|pp)\.$/i;

/** Words before which a number is a number, not a footnote marker ("Article 1", "of 3 April"). */
const NUMBER_WORDS =
  /(?:^|\s)(?:articles?|resolutions?|decisions?|paragraphs?|paras?|chapters?|chap|annex(?:es)?|sections?|goals?|targets?|principles?|rules?|protocols?|parts?|pages?|volumes?|vol|no|nos|of|and|to|from|on|in|at|by|for|with|than|about|some|over|under|the|session|item|items|phase|level|category)$/i;
