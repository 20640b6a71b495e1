/**
 * Phrase knowledge, one per language: which phrases open operative and preambular paragraphs.
 *
 * Built from the catalogue's base lists (English, DRAFTING.md), the phrase data counted in
 * adopted resolutions (data/phrases.json and data/phrases.<lang>.json, built by
 * test/tools/build-phrases.ts: phrase → frequency) and the user's extra phrases (settings
 * `resolution.phrases.*`). The parser uses it to find where an opening phrase ends (`match`, the
 * longest known phrase with its modifiers: "Also strongly encourages", "Prie également"); the
 * checks use it to judge an opening word (`isHead`, `frequency`) and to suggest the nearest known
 * one (`suggest`). A phrase is a base ("encourages", "prend note") with adverb modifiers before it
 * ("Further recognizing", "Profondément préoccupée") or after it ("Reaffirming also", "Pide
 * además"); the language's modifiers come from language-facts.ts.
 */
import { distance } from 'fastest-levenshtein';
import enData from './data/phrases.json';
import frData from './data/phrases.fr.json';
import esData from './data/phrases.es.json';
import ruData from './data/phrases.ru.json';
import arData from './data/phrases.ar.json';
import type { Lang } from './languages';
import { FRENCH_GENDER_PAIRS, LANGUAGE_FACTS, languageFacts, type LanguageFacts } from './language-facts';
import { isLetterCode, isSpaceCode, isWordPartCode } from './chars';

const CURLY_APOSTROPHE_RE = /’/g;
const UPPER_FIRST_RE = /^\p{Lu}/u;

export type PhraseKind = 'operative' | 'preambular';

export interface PhraseData {
  operative?: Record<string, number>;
  preambular?: Record<string, number>;
}

export interface ExtraPhrases {
  operative?: string[];
  preambular?: string[];
}

/** The shipped phrase data of each language (none for Chinese, which marks no opening in italics). */
const SHIPPED: Partial<Record<Lang, PhraseData>> = {
  en: enData as PhraseData,
  fr: frData as PhraseData,
  es: esData as PhraseData,
  ru: ruData as PhraseData,
  ar: arData as PhraseData,
};

/** Base operative phrases (DRAFTING.md), lower case, without modifiers. */
export const OPERATIVE_BASES = [
  'accepts',
  'acknowledges',
  'adopts',
  'affirms',
  'appeals',
  'appreciates',
  'approves',
  'asks',
  'authorizes',
  'calls for',
  'calls on',
  'calls upon',
  'commends',
  'condemns',
  'confirms',
  'congratulates',
  'considers',
  'decides',
  'declares',
  'demands',
  'deplores',
  'designates',
  'directs',
  'draws the attention',
  'emphasizes',
  'encourages',
  'endorses',
  'expresses',
  'expresses its appreciation',
  'expresses its concern',
  'expresses its hope',
  'expresses its deep concern',
  'expresses its serious concern',
  'expresses its gratitude',
  'expresses its support',
  'instructs',
  'invites',
  'looks forward to',
  'notes',
  'notes with appreciation',
  'notes with concern',
  'notes with satisfaction',
  'proclaims',
  'proposes',
  'reaffirms',
  'recalls',
  'recognizes',
  'recommends',
  'regrets',
  'reiterates',
  'reminds',
  'renews',
  'requests',
  'resolves',
  'stresses',
  'suggests',
  'supports',
  'takes note',
  'takes note with appreciation',
  'underlines',
  'underscores',
  'urges',
  'welcomes',
  'welcomes with appreciation',
];

/** Base preambular phrases (DRAFTING.md), lower case, without modifiers. */
export const PREAMBULAR_BASES = [
  'acknowledging',
  'affirming',
  'alarmed',
  'appreciating',
  'approving',
  'aware',
  'bearing in mind',
  'believing',
  'commending',
  'concerned',
  'confident',
  'conscious',
  'considering',
  'convinced',
  'declaring',
  'disturbed',
  'deploring',
  'desiring',
  'determined',
  'emphasizing',
  'encouraging',
  'endorsing',
  'expressing',
  'expressing its appreciation',
  'expressing its concern',
  'expressing its deep concern',
  'expressing its serious concern',
  'expressing deep concern',
  'expressing serious concern',
  'expressing concern',
  'guided by',
  'having adopted',
  'having considered',
  'having examined',
  'having heard',
  'having received',
  'having reviewed',
  'keeping in mind',
  'mindful',
  'noting',
  'noting with appreciation',
  'noting with concern',
  'noting with satisfaction',
  'noting with deep concern',
  'reaffirming',
  'realizing',
  'recalling',
  'recognizing',
  'recognizing with concern',
  'reiterating',
  'remaining concerned',
  'stressing',
  'taking into account',
  'taking note',
  'underlining',
  'welcoming',
];

/** DRAFTING.md seed lists as written (the checks' heads are their first words after modifiers). */
export const OPERATIVE_SEED = [
  'Accepts',
  'Acknowledges',
  'Adopts',
  'Affirms',
  'Appeals',
  'Appreciates',
  'Approves',
  'Asks',
  'Authorizes',
  'Calls for',
  'Calls on',
  'Calls upon',
  'Commends',
  'Condemns',
  'Confirms',
  'Congratulates',
  'Considers',
  'Decides',
  'Declares',
  'Demands',
  'Deplores',
  'Designates',
  'Directs',
  'Draws the attention',
  'Emphasizes',
  'Encourages',
  'Endorses',
  'Expresses its appreciation',
  'Expresses concern',
  'Expresses its hope',
  'Instructs',
  'Invites',
  'Looks forward to',
  'Notes',
  'Notes with appreciation',
  'Notes with concern',
  'Notes with satisfaction',
  'Proclaims',
  'Proposes',
  'Reaffirms',
  'Recalls',
  'Recognizes',
  'Recommends',
  'Regrets',
  'Reiterates',
  'Reminds',
  'Renews',
  'Requests',
  'Resolves',
  'Stresses',
  'Strongly condemns',
  'Strongly encourages',
  'Strongly urges',
  'Suggests',
  'Supports',
  'Takes note',
  'Takes note of',
  'Takes note with appreciation',
  'Underlines',
  'Underscores',
  'Urges',
  'Welcomes',
];

export const PREAMBULAR_SEED = [
  'Acknowledging',
  'Affirming',
  'Alarmed',
  'Appreciating',
  'Approving',
  'Aware',
  'Bearing in mind',
  'Believing',
  'Commending',
  'Concerned',
  'Confident',
  'Conscious',
  'Considering',
  'Convinced',
  'Declaring',
  'Deeply concerned',
  'Deeply convinced',
  'Deeply disturbed',
  'Deploring',
  'Desiring',
  'Determined',
  'Emphasizing',
  'Encouraging',
  'Endorsing',
  'Expressing its appreciation',
  'Expressing concern',
  'Expressing deep concern',
  'Expressing serious concern',
  'Gravely concerned',
  'Guided by',
  'Having adopted',
  'Having considered',
  'Having examined',
  'Having heard',
  'Having received',
  'Having reviewed',
  'Keeping in mind',
  'Mindful',
  'Noting',
  'Noting with appreciation',
  'Noting with concern',
  'Noting with satisfaction',
  'Reaffirming',
  'Realizing',
  'Recalling',
  'Recognizing',
  'Reiterating',
  'Remaining concerned',
  'Seriously concerned',
  'Stressing',
  'Taking into account',
  'Taking note',
  'Underlining',
  'Welcoming',
];

/**
 * English adverbs that modify a base phrase: the parser's list (core/language-facts.ts) and the
 * sentence adverbs the checks also pass over before a base phrase.
 */
export const LEADING_MODIFIERS = new Set([...LANGUAGE_FACTS.en.leadingModifiers, 'furthermore', 'moreover', 'hereby']);
export const TRAILING_MODIFIERS = new Set(LANGUAGE_FACTS.en.trailingModifiers);

/** Words ending like adverbs that are not adverbs. */
const NOT_ADVERBS = new Set(['only', 'family', 'italy', 'july', 'assembly', 'apply', 'supply', 'rely', 'comply', 'reply', 'early']);

/** Is the word an adverb that modifies a phrase rather than being one ("Also", "Strongly", "Profondément")? */
export function isModifier(word: string, lang: Lang = 'en'): boolean {
  const w = normaliseWord(word);
  if (lang === 'en') return LEADING_MODIFIERS.has(w) || (w.length > 4 && w.endsWith('ly') && !NOT_ADVERBS.has(w));
  const f = languageFacts(lang);
  if (f.leadingModifiers.includes(w) || f.also.includes(w)) return true;
  if (lang === 'fr') return w.length > 7 && w.endsWith('ment');
  if (lang === 'es') return w.length > 7 && w.endsWith('mente');
  return false;
}

/** English heads whose base phrase needs two or more words ("having considered", "bearing in mind"). */
const COMPOUND_HEADS: Partial<Record<Lang, Set<string>>> = {
  en: new Set([
    'having',
    'bearing',
    'keeping',
    'taking',
    'takes',
    'calls',
    'draws',
    'looks',
    'expressing',
    'expresses',
    'noting',
    'notes',
    'guided',
  ]),
  fr: new Set([
    'ayant',
    'prenant',
    'prend',
    'se',
    "s'",
    'tenant',
    'gardant',
    'est',
    'étant',
    'exprimant',
    'exprime',
    'insiste',
    'lance',
    'fait',
    'appelle',
  ]),
  es: new Set([
    'habiendo',
    'tomando',
    'toma',
    'teniendo',
    'acogiendo',
    'acoge',
    'poniendo',
    'pone',
    'haciendo',
    'hace',
    'expresando',
    'expresa',
    'observando',
    'observa',
  ]),
};

const FUNCTION_WORDS: Record<string, Set<string>> = {
  en: new Set([
    'the',
    'a',
    'an',
    'this',
    'that',
    'these',
    'those',
    'its',
    'it',
    'their',
    'in',
    'on',
    'at',
    'for',
    'with',
    'by',
    'to',
    'of',
    'and',
    'or',
    'as',
    'all',
    'each',
    'any',
    'no',
    'not',
    'if',
    'when',
    'which',
    'who',
    'whereas',
    'there',
    'shall',
    'should',
    'will',
    'would',
    'may',
    'must',
    'is',
    'are',
    'be',
    'we',
    'they',
    'he',
    'she',
    'i',
  ]),
  fr: new Set([
    'le',
    'la',
    'les',
    'un',
    'une',
    'des',
    'du',
    'de',
    'et',
    'ou',
    'à',
    'au',
    'aux',
    'en',
    'dans',
    'sur',
    'par',
    'pour',
    'avec',
    'ce',
    'cette',
    'ces',
    'son',
    'sa',
    'ses',
    'leur',
    'leurs',
    'il',
    'elle',
    'ils',
    'elles',
    'nous',
    'qui',
    'que',
    'si',
    'lorsque',
    'tous',
    'toutes',
    'tout',
    'chaque',
  ]),
  es: new Set([
    'el',
    'la',
    'los',
    'las',
    'un',
    'una',
    'unos',
    'unas',
    'de',
    'del',
    'y',
    'o',
    'a',
    'al',
    'en',
    'por',
    'para',
    'con',
    'este',
    'esta',
    'estos',
    'estas',
    'su',
    'sus',
    'que',
    'si',
    'cuando',
    'todos',
    'todas',
    'cada',
    'nosotros',
    'ellos',
  ]),
};

export interface PhraseMatch {
  /** Number of words of the opening (modifiers included). */
  wordCount: number;
  base: string;
  modifiers: string[];
  known: boolean;
  kind?: PhraseKind;
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

export interface Suggestion {
  /** The known head word, cased like the original. */
  word: string;
  distance: number;
}

interface Trie {
  end?: boolean;
  next: Map<string, Trie>;
}

export function normaliseWord(w: string): string {
  const l = w.toLowerCase();
  return l.indexOf('’') < 0 ? l : l.replace(CURLY_APOSTROPHE_RE, "'");
}

/** Splits a phrase into lower-case words; French elisions stay with their word ("l'esprit"). */
function phraseWords(phrase: string): string[] {
  return phrase
    .replace(/[*_,;:.،؛，；。：]/g, ' ')
    .split(/[\s\u00a0\u202f]+/)
    .filter(Boolean)
    .map(normaliseWord);
}

/** Words that show a corpus phrase running on into its object ("Réaffirmant son attachement", "Recuerda la solicitud"). */
const RUNS_ON = new Set([
  'son',
  'sa',
  'ses',
  'leur',
  'leurs',
  'su',
  'sus',
  'свою',
  'свои',
  'свое',
  'своей',
  'своих',
  'le',
  'la',
  'les',
  'un',
  'une',
  'des',
  'du',
  'au',
  'aux',
  'el',
  'los',
  'las',
  'una',
  'uno',
  'del',
  'al',
]);
/** Words a phrase does not end with: the italic ran over into the object ("*Prend note de*"). */
const NOT_LAST = new Set([
  'de',
  "d'",
  'à',
  'que',
  "qu'",
  'et',
  'en',
  'y',
  'a',
  'con',
  'por',
  'para',
  'que',
  'e',
  'o',
  'ou',
  'на',
  'в',
  'и',
  'о',
  'с',
  'по',
  'к',
]);

/** A corpus phrase that can stand as an opening of its own (not running on into its object). */
function isBasePhrase(words: string[]): boolean {
  return words.length > 0 && !words.some((w) => RUNS_ON.has(w)) && !NOT_LAST.has(words[words.length - 1]);
}

/**
 * The leading words of a paragraph's source from `start` (past any number token), skipping
 * emphasis markers, with their source offsets. Stops at the first non-word token.
 */
export function leadingWords(source: string, start: number, end: number, max = 6): Word[] {
  const count = leadingWordBounds(source, start, end, max, BOUNDS);
  const words = new Array<Word>(count);
  for (let k = 0; k < count; k++) {
    const s = BOUNDS[2 * k];
    const e = BOUNDS[2 * k + 1];
    words[k] = { text: source.slice(s, e), start: s, end: e };
  }
  return words;
}

/** The offsets of leadingWords: start and end of word k at bounds[2k], bounds[2k + 1]; returns how many. */
export function leadingWordBounds(source: string, start: number, end: number, max: number, bounds: number[]): number {
  // A scan of character codes with the classes of /[*_\s\u00a0\u202f]+|([\p{L}][\p{L}\p{M}'’-]*)/u:
  // skipped runs and words may run past `end`; only a token that starts before it is read.
  let count = 0;
  let i = start;
  while (i < end && count < max) {
    if (isSkipped(source.charCodeAt(i))) {
      i++;
      while (i < source.length && isSkipped(source.charCodeAt(i))) i++;
      continue;
    }
    const first = letterLength(source, i, false);
    if (!first) break;
    let j = i + first;
    for (;;) {
      const n = letterLength(source, j, true);
      if (!n) break;
      j += n;
    }
    bounds[2 * count] = i;
    bounds[2 * count++ + 1] = j;
    i = j;
  }
  return count;
}

/** Start and end of each word of the leadingWords scan under way (scratch space). */
const BOUNDS: number[] = new Array<number>(32).fill(0);

/** `*`, `_` or white space (every white space character is in the Basic Multilingual Plane). */
function isSkipped(c: number): boolean {
  if (c < 128) return c === 32 || c === 42 || c === 95 || (c >= 9 && c <= 13);
  return isSpaceCode(c);
}

const LETTER_RE = /^\p{L}/u;
const WORD_PART_RE = /^[\p{L}\p{M}'’-]/u;

/** The UTF-16 length of the letter (or, inside a word, mark, apostrophe or hyphen) at i; 0 when none. */
function letterLength(source: string, i: number, inside: boolean): number {
  if (i >= source.length) return 0;
  const c = source.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (inside && (c === 39 || c === 45)) ? 1 : 0;
  if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < source.length)) return (inside ? isWordPartCode(c) : isLetterCode(c)) ? 1 : 0;
  return (inside ? WORD_PART_RE : LETTER_RE).test(source.slice(i, i + 2)) ? 2 : 0;
}

/** The first word that is not a modifier, with the modifiers before it. */
export function headOf(words: Word[], lang: Lang = 'en'): { head?: Word; before: Word[] } {
  const before: Word[] = [];
  for (const w of words) {
    if (isModifier(w.text, lang)) before.push(w);
    else return { head: w, before };
  }
  return { before };
}

export function matchCase(model: string, word: string): string {
  if (model === model.toUpperCase() && model.length > 1) return word.toUpperCase();
  if (UPPER_FIRST_RE.test(model)) return word[0].toUpperCase() + word.slice(1);
  return word;
}

/** Two adjacent letters swapped ("Demnade" for "Demande"): one slip of the keys, not two. */
/**
 * Slips of the keys between two words: edits where swapping two neighbouring letters counts as
 * one ("invties" → "invites" is 1), the optimal string alignment distance.
 */
export function slips(a: string, b: string): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > 3) return distance(a, b);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The lower-cased words of the slip search under way (see suggestInPhrase). */
const SLIP_LOWER: string[] = [];

/** The lower-cased words of the match being made (see matchWords). */
const LOWER: string[] = [];

/** Word k of the match being made, lower-cased when first read. */
function lowAt(word: (k: number) => string, k: number): string {
  return LOWER[k] ?? (LOWER[k] = normaliseWord(word(k)));
}

export class PhraseKnowledge {
  readonly facts: LanguageFacts;
  private readonly tries: Record<PhraseKind, Trie> = { operative: { next: new Map() }, preambular: { next: new Map() } };
  private readonly heads: Record<PhraseKind, Map<string, number>> = { operative: new Map(), preambular: new Map() };
  /** Whole known phrases (lower case, words joined by one space) with their counts. */
  private readonly phrases: Record<PhraseKind, Map<string, number>> = { operative: new Map(), preambular: new Map() };
  private readonly leading: Set<string>;
  private readonly trailing: Set<string>;
  /** The first words of the trailing modifiers (one word or several). */
  private readonly trailingFirst: Set<string>;
  /** Answers of suggest and suggestInPhrase, which scan the phrase data (cleared when a phrase is added). */
  private readonly suggestions = new Map<string, unknown>();

  constructor(
    readonly lang: Lang = 'en',
    data: PhraseData = SHIPPED[lang] ?? {},
    extra: ExtraPhrases = {},
  ) {
    this.facts = languageFacts(lang);
    this.leading = lang === 'en' ? LEADING_MODIFIERS : new Set(this.facts.leadingModifiers);
    this.trailing = lang === 'en' ? TRAILING_MODIFIERS : new Set(this.facts.trailingModifiers);
    this.trailingFirst = new Set([...this.trailing].map((t) => t.split(' ')[0]));
    for (const kind of ['operative', 'preambular'] as PhraseKind[]) {
      if (lang === 'en') {
        for (const p of kind === 'operative' ? OPERATIVE_BASES : PREAMBULAR_BASES) this.addToTrie(kind, p);
        for (const p of kind === 'operative' ? OPERATIVE_SEED : PREAMBULAR_SEED) this.addHead(kind, p, 1);
      }
      for (const [p, n] of Object.entries(data[kind] ?? {})) {
        this.addHead(kind, p, n);
        // English phrases of the data often run on into the object ("stresses the importance"): the
        // base lists mark where an English opening ends. The other languages have no base list: their
        // phrases counted at least three times are their base list, less those running on.
        if (lang !== 'en' && n >= 3 && isBasePhrase(phraseWords(p))) this.addToTrie(kind, p);
      }
      for (const p of extra[kind] ?? []) if (typeof p === 'string') this.add(kind, p);
    }
    if (lang === 'fr') {
      // The phrase data counts the General Assembly's feminine openings; the Security Council's
      // masculine ones are as known ("Conscient", "Profondément préoccupé"), and the other way round.
      for (const kind of ['operative', 'preambular'] as PhraseKind[]) {
        for (const [m, f] of Object.entries(FRENCH_GENDER_PAIRS)) {
          const nm = this.heads[kind].get(m) ?? 0;
          const nf = this.heads[kind].get(f) ?? 0;
          if (nf && !nm) this.heads[kind].set(m, nf);
          if (nm && !nf) this.heads[kind].set(f, nm);
        }
        for (const p of this.list(kind)) {
          const words = p.split(' ');
          const swapped = words.map(
            (w) => FRENCH_GENDER_PAIRS[w] ?? Object.entries(FRENCH_GENDER_PAIRS).find(([, f]) => f === w)?.[0] ?? w,
          );
          if (swapped.join(' ') !== p) this.addToTrie(kind, swapped.join(' '));
        }
      }
    }
  }

  /** Adds a phrase (a user's): it opens paragraphs for the parser and counts as known for the checks. */
  add(kind: PhraseKind, phrase: string): void {
    this.addToTrie(kind, phrase);
    this.addHead(kind, phrase, 1);
  }

  private addToTrie(kind: PhraseKind, phrase: string): void {
    let words = phraseWords(phrase);
    while (words.length > 1 && this.leading.has(words[0])) words = words.slice(1);
    for (;;) {
      const n = [3, 2, 1].find((k) => words.length > k && this.trailing.has(words.slice(-k).join(' ')));
      if (!n) break;
      words = words.slice(0, -n);
    }
    if (words.length === 0) return;
    let node = this.tries[kind];
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map() };
        node.next.set(w, child);
      }
      node = child;
    }
    node.end = true;
  }

  private addHead(kind: PhraseKind, phrase: string, n: number): void {
    const words = phraseWords(phrase);
    if (!words.length || !words.every((w) => /^\p{L}[\p{L}\p{M}'-]*$/u.test(w))) return;
    const head = words.find((w) => !isModifier(w, this.lang)) ?? words[words.length - 1];
    this.heads[kind].set(head, (this.heads[kind].get(head) ?? 0) + n);
    const key = words.join(' ');
    this.phrases[kind].set(key, (this.phrases[kind].get(key) ?? 0) + n);
    this.vocab = undefined;
    this.byHead = undefined;
    this.suggestions?.clear();
  }

  // ── the parser's questions ──────────────────────────────────────────────────────────────

  /** True when `phrase` (with or without modifiers) is a known phrase of that kind. */
  has(kind: PhraseKind, phrase: string): boolean {
    const words = phrase.trim().split(/\s+/).filter(Boolean);
    const m = this.match(words, kind);
    return !!m && m.known && m.wordCount === words.length;
  }

  /** Every known base phrase of a kind. */
  list(kind: PhraseKind): string[] {
    const out: string[] = [];
    const walk = (t: Trie, prefix: string[]) => {
      if (t.end) out.push(prefix.join(' '));
      for (const [w, c] of t.next) walk(c, [...prefix, w]);
    };
    walk(this.tries[kind], []);
    return out;
  }

  isLeadingModifier(word: string): boolean {
    return this.leading.has(normaliseWord(word));
  }

  isTrailingModifier(word: string): boolean {
    return this.trailing.has(normaliseWord(word));
  }

  /**
   * The longest known phrase at the start of `words` (as written), with modifiers.
   * Returns undefined when no known phrase of that kind opens the words.
   */
  match(words: readonly string[], kind: PhraseKind): PhraseMatch | undefined {
    return this.matchWords(words.length, (k) => words[k], kind);
  }

  /**
   * `match` over `count` words read through `word(k)` as the walk reaches them (a caller that holds
   * offsets slices only the words the walk reads).
   */
  matchWords(count: number, word: (k: number) => string, kind: PhraseKind): PhraseMatch | undefined {
    // Words are lower-cased as the walk reaches them: most openings are decided by their first word.
    // (`lower` is scratch space shared by the calls: a match reads no other match's words.)
    const lower = LOWER;
    lower.length = 0;
    let i = 0;
    while (i < count - 1 && this.leading.has(lowAt(word, i))) i++;
    // Try from each modifier boundary: "Further" may itself start a phrase in some books.
    for (let startAt = i; startAt >= 0; startAt--) {
      let node: Trie | undefined = this.tries[kind];
      let best = -1;
      let j = startAt;
      while (node && j < count) {
        node = node.next.get(lowAt(word, j));
        if (!node) break;
        j++;
        if (node.end) best = j;
      }
      if (best > startAt) {
        const base = best - startAt === 1 ? lower[startAt] : lower.slice(startAt, best).join(' ');
        const mods = lower.slice(0, startAt);
        let end = best;
        for (;;) {
          // one-word modifiers ("également") and two- or three-word ones ("en outre", "una vez más")
          if (end >= count || !this.trailingFirst.has(lowAt(word, end))) break;
          let n = 0;
          for (let k = 3; k >= 1 && !n; k--) {
            if (end + k > count) continue;
            for (let q = end; q < end + k; q++) lowAt(word, q);
            if (this.trailing.has(k === 1 ? lower[end] : lower.slice(end, end + k).join(' '))) n = k;
          }
          if (!n) break;
          mods.push(n === 1 ? lower[end] : lower.slice(end, end + n).join(' '));
          end += n;
        }
        return { wordCount: end, base, modifiers: mods, known: true, kind };
      }
    }
    return undefined;
  }

  /**
   * Whether a known phrase of that kind opens `words`: `!!match(words, kind)`, without building the
   * match (the parser asks this of most blocks, for both kinds).
   */
  opens(words: readonly string[], kind: PhraseKind, normalised = false): boolean {
    const count = words.length;
    const norm = normalised ? (w: string) => w : normaliseWord;
    let i = 0;
    while (i < count - 1 && this.leading.has(norm(words[i]))) i++;
    const root = this.tries[kind];
    for (let startAt = i; startAt >= 0; startAt--) {
      let node: Trie | undefined = root;
      for (let j = startAt; node && j < count; j++) {
        node = node.next.get(norm(words[j]));
        if (node?.end) return true;
      }
    }
    return false;
  }

  // ── the checks' questions ───────────────────────────────────────────────────────────────

  /** Is the word the head of a known phrase of this kind? */
  isHead(kind: PhraseKind, word: string): boolean {
    return this.heads[kind].has(normaliseWord(word));
  }

  headCount(kind: PhraseKind): number {
    return this.heads[kind].size;
  }

  /** How often the head occurs in the data (0 when unknown). */
  frequency(kind: PhraseKind, word: string): number {
    return this.heads[kind].get(normaliseWord(word)) ?? 0;
  }

  /** Is the word a modifier-free head that needs a following word ("having", "bearing", "prenant")? */
  isCompoundHead(word: string): boolean {
    return COMPOUND_HEADS[this.lang]?.has(normaliseWord(word)) ?? false;
  }

  /** Is the word an adverb modifying a phrase in this language? */
  isModifier(word: string): boolean {
    return isModifier(word, this.lang);
  }

  /**
   * The nearest known head for an unknown word, only when close enough to be a slip of the keys:
   * at most 1 edit for words up to 7 letters, 2 up to 12, 3 beyond (keeping the first letter when
   * more than one); never for a known word.
   */
  suggest(kind: PhraseKind, word: string): Suggestion | undefined {
    return this.memo(`s\u0000${kind}\u0000${word}`, () => this.suggestUncached(kind, word));
  }

  private memo<T>(key: string, compute: () => T): T {
    if (this.suggestions.has(key)) return this.suggestions.get(key) as T;
    const value = compute();
    if (this.suggestions.size > 20000) this.suggestions.clear();
    this.suggestions.set(key, value);
    return value;
  }

  private suggestUncached(kind: PhraseKind, word: string): Suggestion | undefined {
    const w = normaliseWord(word);
    if (this.heads[kind].has(w) || w.length < 3) return undefined;
    const limit = w.length <= 7 ? 1 : w.length <= 12 ? 2 : 3;
    let best: string | undefined;
    let bestD = Infinity;
    let bestN = -1;
    for (const [h, n] of this.heads[kind]) {
      if (Math.abs(h.length - w.length) > limit) continue;
      const d = slips(w, h);
      if (d > 1 && h[0] !== w[0]) continue; // beyond one slip, a typo keeps its first letter
      if (d < bestD || (d === bestD && n > bestN)) {
        best = h;
        bestD = d;
        bestN = n;
      }
    }
    if (!best || bestD > limit) return undefined;
    return { word: matchCase(word, best), distance: bestD };
  }

  /**
   * A slip inside a known phrase after its head ("Noting with concen" → "concern"): the words from
   * the head on match a known phrase of two words or more except one word, close enough to be a
   * slip of the keys, that occurs in no known phrase. `words` start at the head.
   */
  suggestInPhrase(kind: PhraseKind, words: string[]): { index: number; word: string } | undefined {
    // no phrase of two words or more opens with that head: nothing to compare (most heads)
    if (!words.length) return undefined;
    const list = this.phrasesByHead(kind).get(normaliseWord(words[0]));
    if (!list) return undefined;
    // A slip needs a known phrase that differs from the words in exactly one word after the head:
    // without one, nothing is suggested (the answer below would be none as well).
    SLIP_LOWER.length = 0;
    let near = false;
    for (let p = 0; p < list.length && !near; p++) {
      const ph = list[p];
      if (ph.length > words.length) continue;
      let diff = 0;
      for (let i = 1; i < ph.length && diff < 2; i++) {
        const w = SLIP_LOWER[i] ?? (SLIP_LOWER[i] = normaliseWord(words[i]));
        if (ph[i] !== w) diff++;
      }
      near = diff === 1;
    }
    if (!near) return undefined;
    return this.memo(`p\u0000${kind}\u0000${words.join('\u0000')}`, () => this.suggestInPhraseUncached(kind, words));
  }

  private suggestInPhraseUncached(kind: PhraseKind, words: string[]): { index: number; word: string } | undefined {
    const lower = words.map(normaliseWord);
    if (!lower.length || this.phrases[kind].has(lower.join(' '))) return undefined;
    let best: { index: number; word: string; n: number } | undefined;
    // Only the phrases of two words or more that share the head, in the book's order.
    for (const ph of this.phrasesByHead(kind).get(lower[0]) ?? []) {
      const n = this.phrases[kind].get(ph.key) ?? 0;
      if (ph.length > lower.length) continue;
      if (this.phrases[kind].has(lower.slice(0, ph.length).join(' '))) return undefined; // the text is a known phrase
      let diff = -1;
      for (let i = 1; i < ph.length; i++) {
        if (ph[i] === lower[i]) continue;
        if (diff >= 0) {
          diff = -2;
          break;
        }
        diff = i;
      }
      if (diff < 1) continue;
      const w = lower[diff];
      if (w.length < 4 || this.vocabulary().has(w)) continue;
      if (w === ph[diff] + 's' || w + 's' === ph[diff]) continue; // a plural is no slip ("its decisions")
      if (slips(w, ph[diff]) > (w.length <= 7 ? 1 : 2)) continue;
      if (!best || n > best.n) best = { index: diff, word: matchCase(words[diff], ph[diff]), n };
    }
    return best && { index: best.index, word: best.word };
  }

  /**
   * The number of words of the longest known phrase that opens with this head (0: none of two words
   * or more). suggestInPhrase reads no word of an opening beyond it: given more words, it answers
   * for those first ones as for all.
   */
  longestWithHead(kind: PhraseKind, head: string): number {
    let n = 0;
    for (const ph of this.phrasesByHead(kind).get(normaliseWord(head)) ?? []) n = Math.max(n, ph.length);
    return n;
  }

  private byHead?: Record<PhraseKind, Map<string, Array<string[] & { key: string }>>>;
  /** Phrases of two words or more, split into words and grouped by their first word. */
  private phrasesByHead(kind: PhraseKind): Map<string, Array<string[] & { key: string }>> {
    if (!this.byHead) {
      this.byHead = { operative: new Map(), preambular: new Map() };
      for (const k of ['operative', 'preambular'] as PhraseKind[]) {
        for (const key of this.phrases[k].keys()) {
          const ph = Object.assign(key.split(' '), { key });
          if (ph.length < 2) continue;
          const list = this.byHead[k].get(ph[0]);
          if (list) list.push(ph);
          else this.byHead[k].set(ph[0], [ph]);
        }
      }
    }
    return this.byHead[kind];
  }

  private vocab?: Set<string>;
  /** Every word of every known phrase. */
  private vocabulary(): Set<string> {
    if (!this.vocab) {
      this.vocab = new Set();
      for (const kind of ['operative', 'preambular'] as PhraseKind[])
        for (const key of this.phrases[kind].keys()) for (const w of key.split(' ')) this.vocab.add(w);
    }
    return this.vocab;
  }

  /** A word that cannot open a paragraph of this kind whatever the list (articles, pronouns …). */
  clearlyNotPhrase(kind: PhraseKind, word: string): boolean {
    const w = normaliseWord(word);
    if (FUNCTION_WORDS[this.lang]?.has(w)) return true;
    if (this.facts.capitalised && !UPPER_FIRST_RE.test(word)) return true; // a paragraph opens with a capital
    return false;
  }
}

/** The shipped phrase data of a language (server/src/core/data/phrases*.json). */
export function shippedPhraseData(lang: Lang = 'en'): PhraseData {
  return SHIPPED[lang] ?? {};
}

/** Opening phrases counted in adopted resolutions: phrase → frequency. */
export function corpusPhraseCounts(kind: PhraseKind, lang: Lang = 'en'): Record<string, number> {
  return shippedPhraseData(lang)[kind] ?? {};
}

const cache = new Map<string, PhraseKnowledge>();
/** The knowledge of a language with a user's extra phrases, cached by their content. */
export function phraseKnowledge(extra: ExtraPhrases = {}, lang: Lang = 'en'): PhraseKnowledge {
  const key = JSON.stringify([lang, extra.operative ?? [], extra.preambular ?? []]);
  let k = cache.get(key);
  if (!k) {
    k = new PhraseKnowledge(lang, shippedPhraseData(lang), extra);
    if (cache.size > 40) cache.clear();
    cache.set(key, k);
  }
  return k;
}

/** The built-in knowledge of a language, without user phrases. */
export function defaultPhrases(lang: Lang = 'en'): PhraseKnowledge {
  return phraseKnowledge({}, lang);
}

/**
 * The nearest known phrase head for an unknown opening word, only when close enough to be a slip
 * of the keys; undefined for a known word. Extra phrases (from configuration) count as known.
 */
export function suggestPhrase(kind: PhraseKind, word: string, extra: string[] = [], lang: Lang = 'en'): string | undefined {
  return phraseKnowledge({ [kind]: extra }, lang).suggest(kind, word)?.word;
}
