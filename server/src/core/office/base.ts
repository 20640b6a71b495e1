/**
 * The base text of a draft: the adopted resolution it is built on — the latest resolution of the
 * same series in the corpus. Evidence: the title (same or near), the paragraphs the draft reuses
 * from it (precedent search, paragraph by paragraph), and a citation of it in the draft's first
 * preambular paragraphs; a text of the draft's own session or later cannot be its base (that is
 * the adopted version of the draft, not what it was built on). A base named in the front matter
 * (`base: A/RES/78/13`) wins. Plain TypeScript, no LSP import.
 */
import type { Corpus } from '../precedent/corpus';
import { symbolKey } from '../precedent/corpus';
import { recordsFromDocument } from '../precedent/textfile';
import { parse } from '../parser';
import type { ResolutionDocument } from '../model';
import { declaredBase } from './layout';

export interface BaseCandidate {
  symbol: string;
  title?: string;
  date?: string;
  path?: string;
  /** Overall score in [0, 1]. */
  score: number;
  /** The evidence: title similarity, share of the draft's paragraphs found in it, cited early. */
  evidence: { title: number; reuse: number; cited: boolean };
}

export interface BaseResult {
  base: BaseCandidate | null;
  candidates: BaseCandidate[];
  /** Why there is no base, or how the base was chosen. */
  reason?: string;
  /** The draft's session, when it could be told. */
  session?: number;
}

export interface BaseOptions {
  /** The draft's own file: never its own base. */
  draftPath?: string;
  /** Candidates reported (default 5). */
  top?: number;
}

interface DocInfo {
  symbol: string;
  title?: string;
  date?: string;
  path: string;
  paragraphs: number;
  /** What the document mentions, for telling its generation. */
  generation: Generation;
}

const UNITS = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS: Record<string, number> = { twent: 20, thirt: 30, fort: 40, fift: 50, sixt: 60, sevent: 70, eight: 80, ninet: 90 };

/** "Seventy-eighth session" → 78. */
export function sessionFromWords(text: string): number | undefined {
  const m = /\b([a-z]+(?:-[a-z]+)?)\s+session\b/i.exec(text);
  if (!m) return undefined;
  const w = m[1].toLowerCase();
  const teen = TEENS.indexOf(w);
  if (teen >= 0) return 10 + teen;
  const unit = UNITS.indexOf(w);
  if (unit > 0) return unit;
  const parts = w.split('-');
  const tensKey = Object.keys(TENS).find(
    (k) => parts[0].startsWith(k) && (parts[0] === k + 'y' || parts[0] === k + 'ieth' || parts[0] === k + 'ie'),
  );
  if (!tensKey) return undefined;
  const tens = TENS[tensKey];
  if (parts.length === 1) return /ieth$/.test(parts[0]) ? tens : undefined;
  const u = UNITS.indexOf(parts[1]);
  return u > 0 ? tens + u : undefined;
}

/** The session of a symbol: A/RES/75/311 → 75, A/78/L.12 → 78, A/C.3/78/L.25 → 78. */
export function sessionOfSymbol(symbol: string | undefined): number | undefined {
  if (!symbol) return undefined;
  let m = /^\s*[A-Z]{1,3}\/RES\/(\d{1,3})\//i.exec(symbol);
  if (m) return Number(m[1]);
  m = /^\s*A\/(?:C\.\d\/|CONF\.[^/]+\/)?(\d{1,3})\/L\.\d+/i.exec(symbol);
  if (m) return Number(m[1]);
  m = /^\s*(\d{2,3})\/\d+\b/.exec(symbol);
  if (m && Number(m[1]) < 200) return Number(m[1]);
  return undefined;
}

const MONTH_NUMBER: Record<string, number> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** The session a date falls in: the General Assembly's session N opens in September of 1945 + N. */
export function sessionOfDate(text: string): number | undefined {
  const m =
    /\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b/i.exec(text);
  if (!m) return undefined;
  const year = Number(m[3]);
  const month = MONTH_NUMBER[m[2].toLowerCase()];
  const session = month >= 9 ? year - 1945 : year - 1946;
  return session > 0 ? session : undefined;
}

/**
 * The draft's own session, when its header tells it: the symbol (A/78/L.12, A/RES/78/13), a
 * session line ("Seventy-eighth session" on a line of its own — not the words of a title such as
 * "report on its seventy-second session"), or the date of the document (a line that is a date).
 */
export function draftSession(doc: ResolutionDocument): number | undefined {
  const fromSymbol = sessionOfSymbol(doc.symbol?.text);
  if (fromSymbol) return fromSymbol;
  // Lines of the header; a "session: …" or "date: …" key before the value is dropped.
  const lines = doc.frontMatter
    .flatMap((b) => b.text.split(/\r?\n/))
    .map((l) =>
      l
        .replace(/[*_#]/g, '')
        .trim()
        .replace(/^(?:session|date)\s*:\s*/i, ''),
    );
  for (const line of lines) {
    const m = /\b(?:A\/(?:C\.\d\/)?(\d{1,3})\/L\.\d+)/.exec(line);
    if (m) return Number(m[1]);
  }
  for (const line of lines) {
    if (/^[a-z]+(?:-[a-z]+)?\s+session$/i.test(line)) {
      const s = sessionFromWords(line);
      if (s) return s;
    }
  }
  const t = doc.title?.text.match(/^\s*#*\s*(\d{2,3})\/\d+\./);
  if (t) return Number(t[1]);
  if (doc.date) return sessionOfDate(doc.date.text);
  for (const line of lines) {
    // "11 December 2023", "Distr.: Limited 20 November 2023", "Adopted on 22 September 2021"
    if (/^(?:(?:Distr\.:?\s*\w+|Adopted on)\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$/.test(line)) {
      const s = sessionOfDate(line);
      if (s) return s;
    }
  }
  return undefined;
}

/** Header lines of an L document that are not its title. */
const NOT_TITLE =
  /^(?:United Nations|General Assembly|Distr\.|Original:|Agenda items?\b|[a-z]+(?:-[a-z]+)?\s+session$|\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$|\[|Resolution adopted|Adopted on|(?:A|[A-Z]{1,6})\/\S+$)/i;

/**
 * The draft's title: the one the parser found, or else, in an L document's header, the text
 * after the sponsors' line ("Austria, …: draft resolution"), or the last header block that is
 * not furniture (symbol, distribution, date, session, agenda item).
 */
export function draftTitle(doc: ResolutionDocument): string | undefined {
  if (doc.title) return doc.title.text;
  for (const b of doc.frontMatter) {
    const m = /^\s*title\s*:\s*(.+?)\s*$/im.exec(b.text);
    if (m) return m[1];
  }
  const blocks = doc.frontMatter.map((b) => b.text.replace(/[*_#]/g, '').replace(/\s+/g, ' ').trim()).filter(Boolean);
  const sponsors = blocks.findIndex(
    (b) => /:\s*(?:revised\s+)?draft (?:resolution|decision)\s*$/i.test(b) || /^draft resolution\b/i.test(b),
  );
  if (sponsors >= 0 && sponsors + 1 < blocks.length) {
    const after = blocks.slice(sponsors + 1).filter((b) => !NOT_TITLE.test(b));
    if (after.length) return after.join(' ');
  }
  const rest = blocks.filter((b) => !NOT_TITLE.test(b) && !/draft (?:resolution|decision)\s*$/i.test(b));
  return rest.length ? rest[rest.length - 1] : undefined;
}

/** Sessions of the resolutions a text cites ("resolution 76/112", "75/1 and 76/2"); not report symbols (A/76/123). */
function citedSessions(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(?<![\w/.])(\d{2,3})\/\d{1,4}(?![\w/])/g)) {
    const s = Number(m[1]);
    if (s >= 1 && s < 200) out.push(s);
  }
  return out;
}

/**
 * How recent a text is by what it mentions: the latest session among the resolutions it cites,
 * the latest full date ("16 December 2020", as days), the latest session named in words ("at its
 * seventy-seventh session"). A draft and its adopted version mention the same; the text the draft
 * was built on, one generation older, mentions less recent ones in at least one of the three.
 */
interface Generation {
  cited: number;
  date: number;
  sessionWords: number;
}

const FULL_DATE =
  /\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b/g;

function generationOf(text: string, into: Generation = { cited: 0, date: 0, sessionWords: 0 }): Generation {
  for (const s of citedSessions(text)) if (s > into.cited) into.cited = s;
  for (const m of text.matchAll(FULL_DATE)) {
    const d = Date.UTC(Number(m[3]), MONTH_NUMBER[m[2].toLowerCase()] - 1, Number(m[1])) / 8.64e7;
    if (d > into.date) into.date = d;
  }
  for (const m of text.matchAll(/\b([a-z]+(?:-[a-z]+)?)\s+session\b/gi)) {
    const s = sessionFromWords(m[0]);
    if (s && s > into.sessionWords) into.sessionWords = s;
  }
  return into;
}

/** Whether `g` is not older than `draft` in any of the three (the same generation, or later). */
function notOlder(g: Generation, draft: Generation): boolean {
  return g.cited >= draft.cited && g.date >= draft.date && g.sessionWords >= draft.sessionWords;
}

function titleWords(t: string | undefined): string[] {
  return (
    (t ?? '')
      .replace(/^\s*#*\s*\d+\/\d+\.\s*/, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Similarity of two titles: Dice coefficient of their words (1 for the same title). */
export function titleSimilarity(a: string | undefined, b: string | undefined): number {
  const x = titleWords(a);
  const y = titleWords(b);
  if (!x.length || !y.length) return 0;
  if (x.join(' ') === y.join(' ')) return 1;
  const cy = new Map<string, number>();
  for (const w of y) cy.set(w, (cy.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of x) {
    const c = cy.get(w) ?? 0;
    if (c > 0) {
      common++;
      cy.set(w, c - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

function recency(d: DocInfo): number {
  const s = sessionOfSymbol(d.symbol) ?? 0;
  const t = d.date ? Date.parse(d.date) : NaN;
  const num = Number(/\/(\d+)(?:\s|$)/.exec(d.symbol)?.[1] ?? 0);
  return Number.isFinite(t) ? t / 8.64e7 : s * 365 + num / 1000;
}

const documentCache = new WeakMap<object, { paragraphs: number; docs: Map<string, DocInfo> }>();

/** The documents of the corpus with their paragraph counts (kept for as long as the index is the same). */
function documentsOf(corpus: Corpus): Map<string, DocInfo> {
  const cached = documentCache.get(corpus.index);
  if (cached && cached.paragraphs === corpus.paragraphs) return cached.docs;
  const docs = new Map<string, DocInfo>();
  for (const id of corpus.index.ids()) {
    const match = corpus.index.match(id, 0);
    const src = match.source;
    const key = `${src.path}\u0000${src.symbol}`;
    const d = docs.get(key);
    if (d) {
      d.paragraphs++;
      generationOf(match.text ?? '', d.generation);
    } else {
      const info = corpus.symbolInfo(src.symbol);
      docs.set(key, {
        symbol: src.symbol,
        path: src.path,
        paragraphs: 1,
        generation: generationOf(match.text ?? ''),
        ...((src.title ?? info?.title) ? { title: src.title ?? info?.title } : {}),
        ...((info?.date ?? src.date) ? { date: info?.date ?? src.date } : {}),
      });
    }
  }
  documentCache.set(corpus.index, { paragraphs: corpus.paragraphs, docs });
  return docs;
}

/** Finds the base text of a draft (given as text) in a loaded corpus. */
export function findBase(draftText: string, corpus: Corpus, options: BaseOptions = {}): BaseResult {
  const top = options.top ?? 5;
  const doc = parse(draftText);
  const session = draftSession(doc);
  const docs = documentsOf(corpus);
  const result = (r: BaseResult): BaseResult => (session ? { ...r, session } : r);
  const declared = declaredBase(doc);
  if (declared) {
    const key = symbolKey(declared);
    const found = [...docs.values()].find((d) => symbolKey(d.symbol) === key);
    const info = corpus.symbolInfo(declared);
    const base: BaseCandidate = {
      symbol: found?.symbol ?? info?.symbol ?? declared,
      ...((found?.title ?? info?.title) ? { title: found?.title ?? info?.title } : {}),
      ...((found?.date ?? info?.date) ? { date: found?.date ?? info?.date } : {}),
      ...(found ? { path: found.path } : {}),
      score: 1,
      evidence: { title: titleSimilarity(draftTitle(doc), found?.title ?? info?.title), reuse: 0, cited: false },
    };
    return result({
      base,
      candidates: [base],
      reason: found ? 'named in the front matter (base:)' : 'named in the front matter (base:), but not in the corpus',
    });
  }
  if (docs.size === 0) return result({ base: null, candidates: [], reason: 'the corpus is empty' });

  const self = options.draftPath;
  const selfKey = doc.symbol ? symbolKey(doc.symbol.text.trim()) : undefined;
  const eligible = (d: DocInfo) => {
    if (self && d.path === self) return false;
    if (selfKey && symbolKey(d.symbol) === selfKey) return false;
    const s = sessionOfSymbol(d.symbol);
    if (session && s && s >= session) return false;
    return true;
  };

  // Paragraph reuse: for each draft paragraph, its best match in each document.
  const records = recordsFromDocument(doc, self ?? '<draft>').records;
  const reuse = new Map<string, number>();
  for (const r of records) {
    const best = new Map<string, number>();
    for (const m of corpus.search(r.text, { top: 12, minScore: 0.5, ...(self ? { excludePath: self } : {}) })) {
      const key = `${m.source.path}\u0000${m.source.symbol}`;
      if ((best.get(key) ?? 0) < m.score) best.set(key, m.score);
    }
    for (const [k, s] of best) reuse.set(k, (reuse.get(k) ?? 0) + s);
  }
  // Citations in the first preambular paragraphs (and the authority line's neighbourhood).
  const early = new Set<string>();
  const firstPre = doc.preamble.slice(0, 4);
  const limit = firstPre.length ? firstPre[firstPre.length - 1].end : 0;
  for (const c of doc.citations) if (c.start <= limit) early.add(c.key);
  const citedAnywhere = new Set(doc.citations.map((c) => c.key));
  // When the draft's session is not known: what it mentions — its own adopted version (the same
  // text) mentions as recent resolutions, dates and sessions, and is of the session of the
  // latest resolution it cites or later.
  const draftGeneration: Generation = { cited: 0, date: 0, sessionWords: 0 };
  for (const r of records) generationOf(r.text, draftGeneration);
  const draftTitleText = draftTitle(doc);

  const n = Math.max(1, records.length);
  const scored: Array<BaseCandidate & { rec: number; series: boolean; sibling: boolean }> = [];
  for (const [key, d] of docs) {
    if (!eligible(d)) continue;
    const found = reuse.get(key) ?? 0;
    const title = titleSimilarity(draftTitleText, d.title);
    const cited = early.has(symbolKey(d.symbol));
    if (found === 0 && title < 0.5 && !cited) continue;
    const recall = Math.min(1, found / n);
    const precision = Math.min(1, found / Math.max(1, d.paragraphs));
    const share = recall + precision > 0 ? (2 * recall * precision) / (recall + precision) : 0;
    const score = 0.45 * share + 0.35 * title + (cited ? 0.2 : 0);
    scored.push({
      symbol: d.symbol,
      ...(d.title ? { title: d.title } : {}),
      ...(d.date ? { date: d.date } : {}),
      path: d.path,
      score: Math.round(score * 1000) / 1000,
      evidence: { title: Math.round(title * 1000) / 1000, reuse: Math.round(share * 1000) / 1000, cited },
      rec: recency(d),
      series: title >= 0.8 || share >= 0.5,
      // Of the draft's own generation: not cited by it, of the session of its latest citation or
      // later, and mentioning nothing older than it does — its adopted version, not its base.
      sibling:
        !session &&
        !citedAnywhere.has(symbolKey(d.symbol)) &&
        (sessionOfSymbol(d.symbol) ?? 0) >= draftGeneration.cited &&
        notOlder(d.generation, draftGeneration),
    });
  }
  // A text of the draft's own generation is dropped when an older text of its series, or one the
  // draft cites early, remains. When nothing tells the generations apart (the same text year after
  // year, no date or session in it), the latest of two near-identical texts is taken for the
  // draft's adopted version.
  if (scored.some((c) => c.sibling) && scored.some((c) => !c.sibling && (c.series || c.evidence.cited))) {
    for (let k = scored.length - 1; k >= 0; k--) if (scored[k].sibling) scored.splice(k, 1);
  } else if (!session) {
    const twins = scored.filter((c) => c.sibling && c.evidence.reuse >= 0.9);
    if (twins.length >= 2) scored.splice(scored.indexOf(twins.reduce((a, b) => (b.rec > a.rec ? b : a))), 1);
  }
  scored.sort((a, b) => b.score - a.score || b.rec - a.rec);
  // The latest of the series: among the close candidates of the same series, the most recent.
  if (scored.length > 1 && scored[0].series) {
    const best = scored[0].score;
    const close = scored.filter(
      (c) => c.series && c.score >= best * 0.8 && (c.evidence.title >= 0.8 || c.evidence.cited || c.evidence.reuse >= 0.8),
    );
    const latest = close.reduce((a, b) => (b.rec > a.rec ? b : a), scored[0]);
    if (latest !== scored[0]) {
      scored.splice(scored.indexOf(latest), 1);
      scored.unshift(latest);
    }
  }
  const candidates: BaseCandidate[] = scored.slice(0, top).map(({ rec: _r, series: _s, sibling: _g, ...c }) => c);
  const first = scored[0];
  if (!first || first.score < 0.3) {
    return result({
      base: null,
      candidates,
      reason: session
        ? `no resolution before session ${session} in the corpus shares the draft's title or enough of its paragraphs`
        : "no resolution in the corpus shares the draft's title or enough of its paragraphs",
    });
  }
  return result({ base: candidates[0], candidates });
}
