/**
 * Import of plain text copied out of a PDF (or produced by pdftotext): no italics, every line
 * broken, numbers on lines of their own, running headers, job and page numbers, footnote numbers
 * apart from their texts. The page furniture is dropped, lines are rejoined into paragraphs at the
 * opening phrases the phrase book knows and at paragraph numbers, and the opening phrases are
 * italicised from the same phrase knowledge.
 */
import { corpusPhraseCounts, defaultPhrases, PhraseBook, PhraseKind } from '../phrases';
import { ImportedDocument, ImportedParagraph, Run } from './draft';
import { AUTHORITY_RE, isPageFurniture, LABEL_ONLY_RE, SYMBOL_RE } from './furniture';

const LABEL_START_RE = /^(\d{1,3}(?:\s+(?:bis|ter|quater))?\.|\([a-z]{1,5}\))\s+(.*)$/;
const MEETING_RE = /^\d+(?:st|nd|rd|th) (?:\(?(?:resumed|continued)\)? )?plenary meeting$/i;
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

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
    .split(/\s+/)
    .slice(0, 10)
    .map((w) => w.replace(/[,;:.]+$/, ''));
  const lower = words.join(' ').toLowerCase();
  const m = book.match(words, kind);
  if (!m?.known) return undefined;
  // the longest phrase adopted texts italicise that this paragraph starts with
  const corpus = phrasesOf(kind).find((p) => lower === p || lower.startsWith(p + ' '));
  return corpus ? Math.max(corpus.split(' ').length, m.wordCount) : m.wordCount;
}

function italicOpening(book: PhraseBook, text: string, kind: PhraseKind): Run[] {
  const n = opening(book, text, kind);
  if (!n) return [{ text }];
  const words = text.split(/(\s+)/);
  let head = words.slice(0, n * 2 - 1).join('');
  const punct = /[,;:.]+$/.exec(head);
  if (punct) head = head.slice(0, head.length - punct[0].length);
  return [{ text: head, italic: true }, { text: text.slice(head.length) }];
}

export function readPlainText(input: string, phrases: PhraseBook = defaultPhrases()): ImportedDocument {
  const warnings: string[] = [];
  // pdftotext prints a non-breaking hyphen (U+2011) as " -" between the words it joins
  const pages = input
    .replace(/\r\n?/g, '\n')
    .replace(/(\p{L}) -(?=\p{L})/gu, '$1\u2011')
    .split('\f');
  const firstLines = pages[0]
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const symbol: string | undefined = firstLines.find((l) => SYMBOL_RE.test(l));
  const titleAt = firstLines.findIndex((l) => /^\d{1,3}\/\d{1,4}[A-Z]?\.(?:\s|$)/.test(l));
  const title = titleAt >= 0 ? firstLines[titleAt].replace(/^\S+\s*/, '') || firstLines[titleAt + 1] || '' : undefined;

  // Footnotes: after a rule of underscores, numbers on their own lines, then their texts.
  const footnotes = new Map<string, Run[]>();
  const bodyLines: string[] = [];
  let lastNote: string | undefined;
  for (const page of pages) {
    const lines = page.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    const rule = lines.findIndex((l) => /^_{5,}$/.test(l));
    const body = rule >= 0 ? lines.slice(0, rule) : lines;
    const notes = rule >= 0 ? lines.slice(rule + 1) : [];
    // running header: the symbol and the title at the top of later pages
    let k = 0;
    if (page !== pages[0]) {
      // running header: the symbol and the title (or part of it) in the first lines of later pages
      let seen = 0;
      while (k < body.length && seen < 5) {
        const l = body[k];
        if (!l) {
          k++;
          continue;
        }
        if ((symbol && l === symbol) || isPageFurniture(l, undefined, symbol) || (title && l.length > 3 && title.includes(l))) {
          k++;
          seen++;
          continue;
        }
        break;
      }
    }
    for (const l of body.slice(k)) if (!isPageFurniture(l, undefined, symbol)) bodyLines.push(l);
    // footnotes: pdftotext prints a page's footnote numbers apart from their texts, in any order
    // (often the texts first, the numbers after); the definitions keep the page's order.
    const labels: string[] = [];
    const texts: string[] = [];
    for (const l of notes) {
      if (!l || isPageFurniture(l, undefined, symbol) || (symbol && l === symbol)) continue;
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
        lastNote = label;
      });
    } else if (texts.length && lastNote && footnotes.has(lastNote)) {
      footnotes.get(lastNote)![0].text += ' ' + texts.join(' ');
    }
  }

  bodyLines.splice(0, bodyLines.length, ...joinSplitWords(bodyLines));

  // Front matter: up to the authority line (or the title line "78/11." and its title).
  let start = bodyLines.findIndex((l) => AUTHORITY_RE.test(l));
  if (start < 0) start = 0;
  const front: string[] = [];
  const fl = bodyLines.slice(0, start).filter(Boolean);
  for (let i = 0; i < fl.length; i++) {
    if (/^\d{1,3}\/\d{1,4}[A-Z]?\.$/.test(fl[i]) && fl[i + 1]) {
      front.push(`${fl[i]} ${fl[i + 1]}`);
      i++;
    } else front.push(fl[i]);
  }

  // Paragraphs: a new one at a number, a label, a known opening phrase after a finished line.
  const paragraphs: ImportedParagraph[] = [];
  const noteState = { expected: 1 };
  let cur: { label?: string; text: string; kind: PhraseKind | 'authority' | 'meeting' | 'other' } | undefined;
  let operative = false;
  let pendingLabel: string | undefined;
  const flush = () => {
    if (!cur) return;
    const text = cur.text.replace(/\s+/g, ' ').trim();
    let runs: Run[];
    if (cur.kind === 'authority') runs = [{ text: text.replace(/,$/, ''), italic: true }, { text: text.endsWith(',') ? ',' : '' }];
    else if (cur.kind === 'meeting') runs = [{ text, italic: true }];
    else if (cur.kind === 'preambular' || cur.kind === 'operative') runs = italicOpening(phrases, text, cur.kind);
    else runs = [{ text }];
    paragraphs.push({ label: cur.label, runs: markers(runs, footnotes, noteState) });
    cur = undefined;
  };
  for (const raw of bodyLines.slice(start)) {
    const line = raw.trim();
    if (!line) continue;
    if (LABEL_ONLY_RE.test(line)) {
      flush();
      pendingLabel = line;
      continue;
    }
    const labelled = LABEL_START_RE.exec(line);
    const finished = !cur || /[,;.:](?:\s?\d{1,3})?$/.test(cur.text.trim()) || pendingLabel !== undefined;
    let kind: PhraseKind | 'authority' | 'meeting' | 'other' | undefined;
    let label = pendingLabel;
    let text = line;
    if (labelled && finished && !pendingLabel) {
      label = labelled[1];
      text = labelled[2];
    }
    if (AUTHORITY_RE.test(line)) kind = 'authority';
    else if (MEETING_RE.test(line)) kind = 'meeting';
    else if (label && /^\d/.test(label)) {
      kind = 'operative';
      operative = true;
    } else if (label) kind = 'other';
    else if (finished && !operative && opening(phrases, line, 'preambular')) kind = 'preambular';
    else if (finished && cur?.kind === 'meeting') kind = undefined;
    if (kind && (finished || kind === 'authority' || kind === 'meeting' || label)) {
      flush();
      cur = { label, text, kind };
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
    cur.text += /[-‑/]$/.test(cur.text) || /\S[–—]$/.test(cur.text) ? line : ' ' + line;
  }
  flush();
  if (!footnotes.size && /[¹²³⁴⁵⁶⁷⁸⁹]/.test(input)) warnings.push('footnote markers found without their texts');
  return { front, paragraphs, footnotes, warnings };
}

/** Words before which a number is a number, not a footnote marker ("Article 1", "of 3 April"). */
const NUMBER_WORDS =
  /(?:^|\s)(?:articles?|resolutions?|decisions?|paragraphs?|paras?|chapters?|chap|annex(?:es)?|sections?|goals?|targets?|principles?|rules?|protocols?|parts?|pages?|volumes?|vol|no|nos|of|and|to|from|on|in|at|by|for|with|than|about|some|over|under|the|session|item|items|phase|level|category)$/i;

/** pdftotext often sets the marker apart ("Islands 2 and"): the expected next footnote, after a word, before a lower-case word or the end. */
function spacedMarker(text: string, m: RegExpExecArray, expected: number): boolean {
  if (parseInt(m[2], 10) !== expected || !/[A-Za-z\u00c0-\u024f]/.test(m[1])) return false;
  const before = text.slice(0, m.index + 1);
  if (NUMBER_WORDS.test(before)) return false;
  const after = text.slice(m.index + m[0].length);
  return after === '' || /^\s+\p{Ll}/u.test(after) || /^[,.;:)]/.test(after);
}

/**
 * pdftotext splits words where a justified line spreads its letters ("communi ties", "jo b"):
 * two pieces are joined when the whole word is in the document's own vocabulary and a piece is not.
 */
function joinSplitWords(lines: string[]): string[] {
  const count = new Map<string, number>();
  for (const l of lines) for (const w of l.split(/[^\p{L}]+/u)) if (w) count.set(w, (count.get(w) ?? 0) + 1);
  const n = (w: string) => count.get(w) ?? 0;
  // a piece is a word of its own when the text uses it more often than the joined word
  const real = (piece: string, whole: string) => piece === 'a' || piece === 'A' || piece === 'I' || n(piece) > n(whole);
  const re = /(?<![\p{L}\d\u2011-])(\p{L}+) (?=(\p{L}+)(?![\p{L}\d\u2011-]))/gu;
  return lines.map((l) =>
    l.replace(re, (all, a: string, b: string) => {
      if (/\p{Lu}/u.test(b)) return all;
      const whole = a + b;
      if (n(whole) > 0 && !(real(a, whole) && real(b, whole))) return a;
      // a last letter set apart ("accordanc e"), the word seen nowhere else
      if (/^[b-hj-z]$/.test(b) && a.length >= 3 && n(a) <= 1 && /\p{Ll}$/u.test(a)) return a;
      return all;
    }),
  );
}

/** Footnote markers in text copied from a PDF: the next footnote's number glued to a word or punctuation. */
function markers(runs: Run[], footnotes: Map<string, Run[]>, state: { expected: number }): Run[] {
  void SUPERSCRIPT;
  if (!footnotes.size) return runs;
  const out: Run[] = [];
  for (const r of runs) {
    let text = r.text;
    let m: RegExpExecArray | null;
    while (text) {
      const re = /([A-Za-z\u00c0-\u024f.,;:”’)\]])\s?(\d{1,3})(?=[\s,.;:)]|$)/g;
      let hit: RegExpExecArray | null = null;
      while ((m = re.exec(text))) {
        if (
          footnotes.has(m[2]) &&
          parseInt(m[2], 10) >= state.expected &&
          parseInt(m[2], 10) <= state.expected + 1 &&
          (m[0].length === m[1].length + m[2].length || /[,.;:”’)]/.test(m[1]) || spacedMarker(text, m, state.expected))
        ) {
          hit = m;
          break;
        }
      }
      if (!hit) {
        out.push({ ...r, text });
        break;
      }
      const cut = hit.index + hit[1].length;
      out.push({ ...r, text: text.slice(0, cut) });
      out.push({ text: '', note: hit[2] });
      state.expected = parseInt(hit[2], 10) + 1;
      text = text.slice(cut + (hit[0].length - hit[1].length));
    }
  }
  return out;
}
