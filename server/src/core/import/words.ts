/**
 * Repairs of text extracted from PDFs (pdftotext, a viewer's copy), where the letters of
 * justified lines are placed one by one: words split apart ("re levant", "S eptember"), hyphens
 * lost ("CounterTerrorism", "fifty sixth"), spaces before punctuation ("Provisions ,"). The
 * document's own words and the word data of adopted resolutions (data/words.json, built by
 * test/tools/build-words.ts) decide. Also the non-breaking hyphens (U+2011) that the official texts
 * of the seventy-eighth session onwards put after "non-", "anti-", "pre-" and in "COVID-19",
 * which print as plain hyphens.
 */
import wordData from '../data/words.json';
import { sessionFromWords, sessionOfSymbol } from '../office/base';
import { ImportedParagraph, mergeRuns, Run } from './draft';

const CORPUS = wordData.words as Record<string, number>;
const COMPOUNDS = wordData.compounds as Record<string, number>;

let joinedCompounds: Map<string, string> | undefined;
/** "hostagetaking" → "hostage-taking" for compounds whose joined form adopted texts never use. */
function joinedToCompound(): Map<string, string> {
  if (!joinedCompounds) {
    joinedCompounds = new Map();
    for (const [c, flags] of Object.entries(COMPOUNDS)) if (flags & 1) joinedCompounds.set(c.replace(/-/g, ''), c);
  }
  return joinedCompounds;
}

const corpusCount = (w: string) => CORPUS[w.toLowerCase()] ?? 0;

/** Puts the hyphens of `compound` (lower case) into `word` (the same letters, any case). */
function hyphenate(word: string, compound: string): string {
  let out = '';
  let i = 0;
  for (const ch of compound) {
    if (ch === '-') out += '-';
    else out += word[i++];
  }
  return out;
}

/** Short words a justified line may run into the next word: "asmooth", "neededin", "familiesand". */
const LEADING_GLUE = new Set(['a', 'of', 'and', 'the', 'to', 'for', 'by', 'with', 'or', 'at']);
const TRAILING_GLUE = new Set(['a', 'of', 'and', 'the', 'to', 'for', 'by', 'with', 'or', 'at', 'in', 'on', 'as']);

/** "asmooth" → "a smooth": a word no text uses, a short word glued to a common one. */
function splitGlued(w: string, n: (w: string) => number): string {
  const lower = w.toLowerCase();
  if (w.length < 5 || corpusCount(lower) > 0 || n(lower) > 1 || /\p{Lu}/u.test(w.slice(1))) return w;
  for (let i = 1; i <= 4 && i < w.length - 3; i++) {
    if (LEADING_GLUE.has(lower.slice(0, i)) && corpusCount(lower.slice(i)) >= 20) return `${w.slice(0, i)} ${w.slice(i)}`;
  }
  for (let i = w.length - 1; i >= w.length - 4 && i > 3; i--) {
    if (TRAILING_GLUE.has(lower.slice(i)) && corpusCount(lower.slice(0, i)) >= 20) return `${w.slice(0, i)} ${w.slice(i)}`;
  }
  return w;
}

/** A run of words separated by single spaces, not part of a hyphenated or numbered token. */
const WORD_RUN_RE = /(?<![\p{L}\d\u2011’'-])\p{L}+(?: \p{L}+)+(?![\p{L}\d\u2011])/gu;

let corpusTotal = 0;
/** How likely a word is, in the log: its count in adopted texts (and, weighted, in this document). */
function logLikelihood(count: number): number {
  if (!corpusTotal) for (const v of Object.values(CORPUS)) corpusTotal += v;
  return Math.log((count + 0.01) / corpusTotal);
}
/** How common a capital letter alone is taken to be: a label ("resolution 48/75 L", "annex B"). */
const CAPITAL_LETTER = 100;
/** The word data leaves out one-letter words; these three are words. */
const ONE_LETTER_WORDS: Record<string, number> = { a: 30000, i: 100, o: 1 };
/**
 * What joining pieces costs (in the log): a join must make the text at least this much likelier —
 * much more when every piece is a word of its own, since word counts know nothing of the words
 * around ("as set out" is no "asset", "follow up on" no "upon"; but "to de vote", "levels up dated").
 */
const JOIN_COST = Math.log(20);
const JOIN_WORDS_COST = Math.log(2000);

/**
 * The pieces of a run of words ("as well a s countries", "the ir respective", "their r espective",
 * "to de vote") joined where the word counts make the joined reading much likelier than the
 * pieces: a segmentation of highest likelihood over the pieces as printed, where each join has a
 * cost and a joined word must be one adopted texts (or this document) use. A piece in capitals
 * after the first letter, or one after which a capital follows, stays apart ("UN", "New York").
 */
function rejoinPieces(pieces: string[], n: (w: string) => number): string[] {
  const countOf = (w: string) => {
    const lower = w.toLowerCase();
    return ONE_LETTER_WORDS[lower] ?? (w.length === 1 ? (/\p{Lu}/u.test(w) ? CAPITAL_LETTER : 0) : corpusCount(lower) + n(lower));
  };
  const joinable = (i: number) => !/\p{Lu}/u.test(pieces[i]) && (pieces[i - 1].length === 1 || !/\p{Lu}/u.test(pieces[i - 1].slice(1)));
  const best: Array<{ score: number; words: string[] }> = [{ score: 0, words: [] }];
  for (let end = 1; end <= pieces.length; end++) {
    let top: { score: number; words: string[] } | undefined;
    for (let from = end - 1; from >= 0 && from >= end - 4; from--) {
      if (from < end - 1 && !joinable(from + 1)) break;
      const word = pieces.slice(from, end).join('');
      let score: number;
      if (from === end - 1) score = logLikelihood(countOf(word));
      else {
        const lower = word.toLowerCase();
        const count = corpusCount(lower) + 5 * n(lower);
        const last = pieces[end - 1];
        // a last letter set apart from a word no text knows ("Brown e")
        const lastLetter =
          !count && end - from === 2 && /^[b-hj-z]$/.test(last) && pieces[from].length >= 3 && /\p{Ll}$/u.test(pieces[from]);
        if (!count && !lastLetter) continue;
        // (a capital letter alone is a word of its own too: "resolution 48/75 L and", "annex B")
        const words = pieces
          .slice(from, end)
          .every((p) => /^\p{Lu}$/u.test(p) || (ONE_LETTER_WORDS[p.toLowerCase()] ?? (p.length > 1 ? corpusCount(p) : 0)) >= 3);
        score =
          (count ? logLikelihood(count) : logLikelihood(countOf(pieces[from]))) - (words ? JOIN_WORDS_COST : JOIN_COST) * (end - from - 1);
      }
      const total = best[from].score + score;
      if (!top || total > top.score) top = { score: total, words: [...best[from].words, word] };
    }
    best.push(top!);
  }
  return best[pieces.length].words;
}

/** Repairs the words of extracted lines (in place of the lines, same count and order). */
export function repairWords(lines: string[]): string[] {
  // spaces the extraction put before punctuation and hyphens
  let out = lines.map((l) =>
    l
      .replace(/(?<=[\p{L}\d)”’\uE001])\s+(?=[,;:](?:\s|$))/gu, '')
      .replace(/(?<=\p{L}) (?=\.$)/u, '')
      .replace(/(?<=\p{L}) (?=’s\b)/gu, '')
      .replace(/(?<=\p{L}) (?=”)/gu, '')
      .replace(/(?<=\p{L}) - (?=(?:and|or|to)\b)/gu, '- ')
      .replace(/(?<=[\p{L}\d]) -(?=[\p{L}\d,])/gu, '-')
      .replace(/(?<=\d) ?– ?(?=\d)/gu, '–')
      .replace(/(?<=[(“‘]) (?=\p{L})/gu, ''),
  );
  const count = new Map<string, number>();
  for (const l of out) for (const w of l.split(/[^\p{L}]+/u)) if (w) count.set(w.toLowerCase(), (count.get(w.toLowerCase()) ?? 0) + 1);
  const docHyphenated = new Map<string, string>();
  for (const l of out)
    for (const h of l.match(/\p{L}+(?:-\p{L}+)+/gu) ?? []) docHyphenated.set(h.replace(/-/g, '').toLowerCase(), h.toLowerCase());
  const n = (w: string) => count.get(w.toLowerCase()) ?? 0;
  // pieces of words set apart: the reading of each run of words that the word counts make likeliest
  out = out.map((l) => l.replace(WORD_RUN_RE, (run) => rejoinPieces(run.split(' '), n).join(' ')));
  // words run together ("asmooth", "women’sand")
  out = out.map((l) =>
    l
      .replace(/(?<=’)s(and|or|the|of|in|to)\b/gu, 's $1')
      .replace(/(?<![\p{L}\d’'-])\p{L}{5,}(?![\p{L}\d’'-])/gu, (w) => (docHyphenated.has(w.toLowerCase()) ? w : splitGlued(w, n)))
      // "includinge-learning": a word run into an "e-" compound ("e-learning", "e-government")
      .replace(/(?<![\p{L}\d’'-])(\p{L}{3,})e-(\p{L}+)/gu, (all, a: string, b: string) => {
        const c = `e-${b.toLowerCase()}`;
        const known = COMPOUNDS[c] !== undefined || docHyphenated.get(c.replace('-', '')) === c;
        return known && corpusCount(`${a}e`) === 0 && corpusCount(a) >= 20 ? `${a} e-${b}` : all;
      }),
  );
  // the length of a full line, where there are lines enough to tell
  const lengths = out
    .map((l) => l.length)
    .filter((x) => x >= 20)
    .sort((x, y) => x - y);
  const measured = lengths.length >= 20;
  const full = measured ? lengths[Math.floor(0.9 * (lengths.length - 1))] : 0;
  // hyphens the extraction lost: "CounterTerrorism", "hostagetaking", "nuclear-weaponfree", "fifty sixth"
  const compoundOf = (w: string) => {
    const lower = w.toLowerCase().replace(/-/g, '');
    return joinedToCompound().get(lower) ?? docHyphenated.get(lower);
  };
  out = out.map((l) =>
    l
      .replace(/(?<![\p{L}\d-])\p{L}{3,}(?:-\p{L}+)*(?![\p{L}\d-])/gu, (w) => {
        const lower = w.toLowerCase();
        if (w.length < 6 || (!w.includes('-') && corpusCount(lower) > 0 && !/\p{Ll}\p{Lu}/u.test(w))) return w;
        if (w.includes('-') && COMPOUNDS[lower] !== undefined) return w;
        const c = compoundOf(w);
        if (!c || c === lower) return w;
        return corpusCount(lower.replace(/-/g, '')) === 0 || n(lower) <= 2 ? hyphenate(w.replace(/-/g, ''), c) : w;
      })
      .replace(/(?<![\p{L}\d-])(\p{L}+)- (\p{L}+)(?![\p{L}\d-])/gu, (all, a: string, b: string) => {
        const c = `${a}-${b}`.toLowerCase();
        return COMPOUNDS[c] !== undefined || docHyphenated.get(c.replace('-', '')) === c ? `${a}-${b}` : all;
      })
      .replace(/(?<![\p{L}\d-])(\p{L}+) (?=(\p{L}+(?:-\p{L}+)?)(?![\p{L}\d-]))/gu, (all, a: string, b: string) => {
        if (measured) return all;
        const c = `${a}-${b}`.toLowerCase();
        const flags = COMPOUNDS[c] ?? 0;
        return flags & 2 || (b.includes('-') && flags) ? `${a}-` : all;
      }),
  );
  // lines pdftotext joined where a line ended in a hyphen, dropping it: longer than a full line
  if (measured) out = out.map((l) => (l.length > 1.05 * full ? restoreJunctionHyphen(l, full, docHyphenated) : l));
  return out;
}

/** Prefixes a suspended hyphen follows ("pre- and post-exposure"). */
const PREFIXES = new Set(['pre', 'post', 'non', 'anti', 'multi', 'inter', 'intra', 'sub', 'micro', 'macro', 'self', 'co', 'cross']);

/**
 * The hyphen pdftotext dropped where it joined a line ending in one to the next: near where a full
 * line ends, the first compound adopted texts (or this document) hyphenate — "health care
 * facilities" back to "health-care", "careassociated" to "care-associated", "burden and
 * responsibility-sharing" to "burden- and".
 */
function restoreJunctionHyphen(line: string, full: number, docHyphenated: Map<string, string>, start = 0): string {
  const [from, to] = [start + 0.7 * full, start + 1.1 * full];
  const isCompound = (c: string) => COMPOUNDS[c] !== undefined || docHyphenated.get(c.replace(/-/g, '')) === c;
  // a line pdftotext joined more than once: the next junction a full line further on
  const further = (fixed: string, at: number) =>
    fixed.length - at > 1.05 * full ? restoreJunctionHyphen(fixed, full, docHyphenated, at) : fixed;
  const re = /(?<![\p{L}\d-])(\p{L}+)(?: (and|or) (?=\p{L}+-(\p{L}+))| (?=(\p{L}+)(?![\p{L}\d])))?/gu;
  re.lastIndex = start;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line))) {
    const end = m.index + m[1].length;
    if (end < from) continue;
    if (m.index > to) break;
    const a = m[1];
    const lower = a.toLowerCase();
    if (m[2] && (PREFIXES.has(lower) || isCompound(`${lower}-${m[3].toLowerCase()}`)))
      return further(`${line.slice(0, end)}- ${line.slice(end + 1)}`, end);
    if (m[4] && !m[2] && isCompound(`${lower}-${m[4].toLowerCase()}`)) return further(`${line.slice(0, end)}-${line.slice(end + 1)}`, end);
    if (!m[2] && a.length >= 6 && corpusCount(lower) === 0 && !/\p{Lu}/u.test(a.slice(1))) {
      for (let i = 2; i <= a.length - 2; i++) {
        const c = `${lower.slice(0, i)}-${lower.slice(i)}`;
        if (isCompound(c) || (corpusCount(lower.slice(0, i)) >= 20 && corpusCount(lower.slice(i)) >= 20))
          return further(`${line.slice(0, m.index + i)}-${line.slice(m.index + i)}`, m.index + i);
      }
    }
  }
  return line;
}

/** The session of the text, from its symbol or a "Seventy-eighth session" line. */
export function sessionOf(symbol: string | undefined, front: string[]): number | undefined {
  const s = sessionOfSymbol(symbol);
  if (s) return s;
  for (const l of front) {
    const fromSymbol = sessionOfSymbol(l.trim()) ?? sessionOfSymbol(/\b(A\/\S+)/.exec(l)?.[1]);
    if (fromSymbol) return fromSymbol;
    const w = sessionFromWords(l);
    if (w) return w;
  }
  return undefined;
}

/**
 * Where the official texts print a non-breaking hyphen (from the seventy-eighth session on): after
 * the prefixes non-, anti-, pre-, but not in a name ("Non-Aligned", "Non-Self-Governing Territories",
 * "Treaty on the Non-Proliferation"), which keeps a plain hyphen.
 */
const NB_HYPHEN_RE =
  /(?<![\p{L}\d-])(non|anti|pre)-(?=\p{L}| (?:and|or) )|(?<![\p{L}\d-])(Non|Anti|Pre)-(?=\p{Ll})|(?<=\bCOVID)-(?=19\b)/gu;

export function nonBreakingHyphens(text: string): string {
  return text.replace(NB_HYPHEN_RE, (_all, lower: string | undefined, upper: string | undefined) => `${lower ?? upper ?? ''}\u2011`);
}

/**
 * Non-breaking hyphens back where the official texts of the seventy-eighth session onwards have
 * them: a PDF prints U+2011 as a plain hyphen, so only the editorial practice can tell. Not in
 * footnotes: their titles of publications keep plain hyphens more often than not.
 */
export function restoreNonBreakingHyphens(paragraphs: ImportedParagraph[], session: number | undefined): void {
  if (!session || session < 78) return;
  // a PDF's words come in pieces ("non", "-", "governmental"): the runs of one style are joined first
  const fix = (runs: Run[]) => {
    const merged = mergeRuns(runs);
    for (const r of merged) if (r.text) r.text = nonBreakingHyphens(r.text);
    return merged;
  };
  for (const p of paragraphs) p.runs = fix(p.runs);
}

/**
 * The italics of a footnote that plain text lost, where the UN's citation style fixes them: the
 * title of the *Treaty Series*; the *Official Records* with their session and supplement, also after
 * "ibid." ("Ibid., *Seventy-second Session, Supplement No. 12A* (A/72/12/Add.1)"); and the title of
 * a conference *Report* before its sales number or symbol, with its volume's title after "vol. I,".
 */
const NOTE_ITALIC_RES: RegExp[] = [
  /(?<=\bUnited Nations, )Treaty Series(?=, vols?\.)/g,
  /Official Records of the (?:General Assembly|Economic and Social Council|Security Council), [^,()]+, Supplement No\. \w+/g,
  /(?<=\b[Ii]bid\., )(?:[A-Z][a-z]+(?:-[a-z]+)? Session, |\d{4}, )?Supplement No\. \w+(?= \(| and corrigend)/g,
];
const REPORT_RE = /^((?:See )?)(Report of the [^()]+?)( \((?:United Nations publication|A\/CONF\.)[^()]*(?:\([^()]*\)[^()]*)*\).*)$/;

export function footnoteItalics(text: string): Run[] {
  const spans: Array<[number, number]> = [];
  const report = REPORT_RE.exec(text);
  if (report) {
    const at = report[1].length;
    // "Report of …, 3–14 June 1992, vol. I, Resolutions Adopted by the Conference (United Nations …"
    const vol = /, vol\. [IVX]+, /.exec(report[2]);
    if (vol) spans.push([at, at + vol.index], [at + vol.index + vol[0].length, at + report[2].length]);
    else spans.push([at, at + report[2].length]);
  }
  for (const re of NOTE_ITALIC_RES)
    for (const m of text.matchAll(re))
      if (!spans.some(([a, b]) => m.index! < b && m.index! + m[0].length > a)) spans.push([m.index!, m.index! + m[0].length]);
  if (!spans.length) return [{ text }];
  spans.sort((x, y) => x[0] - y[0]);
  const runs: Run[] = [];
  let last = 0;
  for (const [a, b] of spans) {
    if (a > last) runs.push({ text: text.slice(last, a) });
    runs.push({ text: text.slice(a, b), italic: true });
    last = b;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}
