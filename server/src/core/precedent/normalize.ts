/**
 * Normalisation of paragraph text for precedent search.
 *
 * A paragraph is reduced to its words: case folded, without italics/bold markers, footnote
 * markers (¹, <sup>1</sup>, [^1]), link targets, HTML tags, a leading paragraph number or
 * sub-paragraph label, and punctuation. Words keep their [start, end) offsets in the raw text
 * so that coverage and diffs can point back into the source.
 */

export interface WordSpan {
  /** Normalised word (lower case, straight apostrophe). */
  word: string;
  start: number;
  end: number;
}

/** Leading operative number (`6.`, `5 bis.`), sub-paragraph label (`(a)`, `(iv)`, `a.`), list bullets. */
const LEADING_LABEL =
  /^[\s>*_-]*(?:\d+(?:\s+(?:bis|ter|quater|quinquies|sexies))?\s*\.|\(\s*(?:[a-z]{1,3}|[ivxlcdm]+|\d+)\s*\)|[a-z]\.(?=\s))[ \t\u00a0]*/i;

const EXCLUDED: RegExp[] = [
  /\]\([^)\s]*\)/g, // markdown link target: [text](url) → text
  /<sup>[^<]*<\/sup>/gi, // HTML superscript footnote marker
  /<!--[\s\S]*?-->/g, // HTML comment (directives)
  /<\/?[a-zA-Z][^>]*>/g, // any other HTML tag
  /\[\^[^\]\s]*\]/g, // [^1] footnote marker
  /(?:https?|command|file|vscode):\S+/gi, // bare URIs
];

const WORD = /[\p{L}\p{Nd}]+(?:['’][\p{L}]+)*/gu;

/** The words of `text` with their offsets in `text`. */
export function wordSpans(text: string): WordSpan[] {
  const excluded: Array<[number, number]> = [];
  const lead = LEADING_LABEL.exec(text);
  if (lead && lead[0].length > 0 && /[\d(.]/.test(lead[0])) excluded.push([0, lead.index + lead[0].length]);
  for (const re of EXCLUDED) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      excluded.push([m.index + (m[0].startsWith('](') ? 1 : 0), m.index + m[0].length]);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  excluded.sort((a, b) => a[0] - b[0]);
  const out: WordSpan[] = [];
  WORD.lastIndex = 0;
  let m: RegExpExecArray | null;
  let ex = 0;
  while ((m = WORD.exec(text))) {
    const start = m.index;
    const end = start + m[0].length;
    while (ex < excluded.length && excluded[ex][1] <= start) ex++;
    let skip = false;
    for (let i = ex; i < excluded.length && excluded[i][0] < end; i++) {
      if (excluded[i][1] > start) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    out.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start, end });
  }
  return out;
}

const NEEDS_EXCLUSION = /\]\(|<|\[\^|[a-z]:\S/i;
const WORD_LOWER = /[\p{L}\p{Nd}]+(?:['’][\p{L}]+)*/gu;

/** The normalised words of `text` (the same words as wordSpans, faster: no offsets). */
export function words(text: string): string[] {
  if (NEEDS_EXCLUSION.test(text)) return wordSpans(text).map((w) => w.word);
  const lead = LEADING_LABEL.exec(text);
  if (lead && lead[0].length > 0 && /[\d(.]/.test(lead[0])) text = text.slice(lead.index + lead[0].length);
  const m = text.toLowerCase().match(WORD_LOWER);
  if (!m) return [];
  for (let i = 0; i < m.length; i++) if (m[i].includes('’')) m[i] = m[i].replace(/’/g, "'");
  return m;
}

/** The normalised form of `text`: its words joined by single spaces. */
export function normalize(text: string): string {
  return words(text).join(' ');
}

/**
 * Maps words to single UTF-16 code units so that word sequences become short strings that
 * fastest-levenshtein compares word by word. Codes below RESERVED are vocabulary words; when the
 * vocabulary outgrows them, further words share codes by hash (a rare, harmless collision).
 * Query-only words get codes from the reserved range so they never match corpus words.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [''];
  static readonly RESERVED = 0xf000;

  get size(): number {
    return this.list.length - 1;
  }

  /** Code of `word`, adding it to the vocabulary. */
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      if (this.list.length < Vocabulary.RESERVED) {
        id = this.list.length;
        this.list.push(word);
      } else {
        id = 1 + (hashString(word) % (Vocabulary.RESERVED - 1));
      }
      this.ids.set(word, id);
    }
    return id;
  }

  /** Code of `word` if known. */
  get(word: string): number | undefined {
    return this.ids.get(word);
  }

  private sortedWords: Array<[string, number]> = [];

  /** Codes of the vocabulary words that start with `prefix` (at most `max`). */
  codesWithPrefix(prefix: string, max = 5000): number[] {
    if (this.sortedWords.length !== this.ids.size) {
      this.sortedWords = [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    }
    const list = this.sortedWords;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid][0] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: number[] = [];
    for (let i = lo; i < list.length && out.length < max && list[i][0].startsWith(prefix); i++) out.push(list[i][1]);
    return out;
  }

  word(code: number): string | undefined {
    return code < this.list.length ? this.list[code] : undefined;
  }

  private buffer = new Uint16Array(1024);

  /** Encodes corpus words (growing the vocabulary). */
  encode(ws: string[]): string {
    if (this.buffer.length < ws.length) this.buffer = new Uint16Array(ws.length * 2);
    const buf = this.buffer;
    for (let i = 0; i < ws.length; i++) buf[i] = this.add(ws[i]);
    let s = '';
    for (let i = 0; i < ws.length; i += 8192) {
      s += String.fromCharCode.apply(null, buf.subarray(i, Math.min(ws.length, i + 8192)) as unknown as number[]);
    }
    return s;
  }

  /** Encodes query words without growing the vocabulary: unknown words get distinct reserved codes. */
  encodeQuery(ws: string[]): string {
    let s = '';
    const unknown = new Map<string, number>();
    for (const w of ws) {
      let id = this.ids.get(w);
      if (id === undefined) {
        id = unknown.get(w);
        if (id === undefined) {
          id = Vocabulary.RESERVED + (unknown.size % (0xffff - Vocabulary.RESERVED));
          unknown.set(w, id);
        }
      }
      s += String.fromCharCode(id);
    }
    return s;
  }
}

export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
