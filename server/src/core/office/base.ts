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

function draftSession(doc: ResolutionDocument): number | undefined {
  const fromSymbol = sessionOfSymbol(doc.symbol?.text);
  if (fromSymbol) return fromSymbol;
  for (const b of doc.frontMatter) {
    const m = /\b(?:A\/(?:C\.\d\/)?(\d{1,3})\/L\.\d+)/.exec(b.text);
    if (m) return Number(m[1]);
    const s = sessionFromWords(b.text);
    if (s) return s;
  }
  const t = doc.title?.text.match(/^\s*#*\s*(\d{2,3})\/\d+\./);
  return t ? Number(t[1]) : undefined;
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

/** The documents of the corpus with their paragraph counts. */
function documentsOf(corpus: Corpus): Map<string, DocInfo> {
  const docs = new Map<string, DocInfo>();
  for (const id of corpus.index.ids()) {
    const src = corpus.index.match(id, 0).source;
    const key = `${src.path}\u0000${src.symbol}`;
    const d = docs.get(key);
    if (d) d.paragraphs++;
    else {
      const info = corpus.symbolInfo(src.symbol);
      docs.set(key, {
        symbol: src.symbol,
        path: src.path,
        paragraphs: 1,
        ...((src.title ?? info?.title) ? { title: src.title ?? info?.title } : {}),
        ...((info?.date ?? src.date) ? { date: info?.date ?? src.date } : {}),
      });
    }
  }
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
      evidence: { title: titleSimilarity(doc.title?.text, found?.title ?? info?.title), reuse: 0, cited: false },
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

  const n = Math.max(1, records.length);
  const scored: Array<BaseCandidate & { rec: number; series: boolean }> = [];
  for (const [key, d] of docs) {
    if (!eligible(d)) continue;
    const found = reuse.get(key) ?? 0;
    const title = titleSimilarity(doc.title?.text, d.title);
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
    });
  }
  scored.sort((a, b) => b.score - a.score || b.rec - a.rec);
  // The latest of the series: among the close candidates of the same series, the most recent.
  if (scored.length > 1 && scored[0].series) {
    const best = scored[0].score;
    const close = scored.filter((c) => c.series && c.score >= best * 0.8 && (c.evidence.title >= 0.8 || c.evidence.cited));
    const latest = close.reduce((a, b) => (b.rec > a.rec ? b : a), scored[0]);
    if (latest !== scored[0]) {
      scored.splice(scored.indexOf(latest), 1);
      scored.unshift(latest);
    }
  }
  const candidates: BaseCandidate[] = scored.slice(0, top).map(({ rec: _r, series: _s, ...c }) => c);
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
