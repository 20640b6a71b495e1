/**
 * The language of a draft, from its own text.
 *
 * A general detector (franc, tinyld) guesses from letter n-grams and is unsure on short texts
 * and on drafts full of names, symbols and numbers; a draft resolution gives better evidence: its
 * authority line ("L'Assemblée générale,"), the phrases that open its paragraphs (the phrase data
 * of each language) and the function words of its running text. The script decides Arabic,
 * Chinese and Russian outright; French, Spanish and English are scored on that evidence.
 *
 * The language in force for a document is, in order: a front matter line `lang: fr`, the
 * `resolution.language` setting when it is not `auto`, then detection.
 */
import { LANGUAGES, toLang, type Lang } from './languages';
import { LANGUAGE_FACTS } from './language-facts';
import { defaultPhrases, normaliseWord } from './phrase-knowledge';
import { isHighSurrogate, isLetterCode } from './chars';

const LATIN: Lang[] = ['en', 'fr', 'es'];
/** How much of the text detection reads (the language of a text is decided by its beginning). */
export const SAMPLE = 20000;

const FUNCTION_WORDS: Record<Lang, Set<string>> = Object.fromEntries(
  LANGUAGES.map((l) => [l, new Set(LANGUAGE_FACTS[l].functionWords)]),
) as Record<Lang, Set<string>>;

/** For each function word of English, French or Spanish, the languages it belongs to (bit k: LATIN[k]). */
const FUNCTION_WORD_LANGS = new Map<string, number>();
LATIN.forEach((l, k) => {
  for (const w of FUNCTION_WORDS[l]) FUNCTION_WORD_LANGS.set(w, (FUNCTION_WORD_LANGS.get(w) ?? 0) | (1 << k));
});

/** The same words as a trie of UTF-16 code units, each word's end holding its mask (a word is read without slicing it). */
interface CharTrie {
  mask: number;
  /** The children by code unit: an array for ASCII, a map beyond. */
  ascii: Array<CharTrie | undefined>;
  other: Map<number, CharTrie>;
}
const trieNode = (): CharTrie => ({ mask: 0, ascii: new Array<CharTrie | undefined>(128).fill(undefined), other: new Map() });
const childOf = (node: CharTrie, c: number): CharTrie | undefined => (c < 128 ? node.ascii[c] : node.other.get(c));
const FUNCTION_WORD_TRIE = trieNode();
for (const [w, mask] of FUNCTION_WORD_LANGS) {
  let node = FUNCTION_WORD_TRIE;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    let child = childOf(node, c);
    if (!child) {
      child = trieNode();
      if (c < 128) node.ascii[c] = child;
      else node.other.set(c, child);
    }
    node = child;
  }
  node.mask = mask;
}

const LETTER = /^\p{L}/u;

/** 1 for the code units below U+0250 counted as Latin letters (A–Z, a–z, U+00C0–U+024F). */
const LATIN_LETTER = new Uint8Array(0x250);
for (let c = 0; c < 0x250; c++) LATIN_LETTER[c] = (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c >= 0xc0 ? 1 : 0;

/** The UTF-16 length of the letter at i (a surrogate pair is one letter), 0 when none. */
function letterAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (!(isHighSurrogate(c) && i + 1 < s.length)) return isLetterCode(c) ? 1 : 0;
  return LETTER.test(s.slice(i, i + 2)) ? 2 : 0;
}

/** The language a text is written in; English when nothing says otherwise. */
export function detectLanguage(text: string): Lang {
  const whole = typeof text === 'string' ? text : '';
  const s = whole.slice(0, SAMPLE);
  let arabic = 0;
  let han = 0;
  let cyrillic = 0;
  let latin = 0;
  // (read from the text itself: the characters of the sample, without going through the slice)
  for (let i = 0, n = s.length; i < n; i++) {
    // Surrogate halves fall in none of the ranges, as the characters beyond the BMP they make.
    const c = whole.charCodeAt(i);
    if (c < 0x250) latin += LATIN_LETTER[c];
    else if (c <= 0x04ff) {
      if (c >= 0x0400) cyrillic++;
    } else if (c <= 0x06ff) {
      if (c >= 0x0600) arabic++;
    } else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) han++;
  }
  const letters = arabic + han * 3 + cyrillic + latin;
  if (letters === 0) return 'en';
  if (arabic / letters > 0.3) return 'ar';
  if ((han * 3) / letters > 0.3) return 'zh';
  if (cyrillic / letters > 0.3) return 'ru';

  const score: Record<string, number> = { en: 0, fr: 0, es: 0 };
  const books = LATIN.map((l) => defaultPhrases(l));
  for (let from = 0; from <= s.length;) {
    // the lines of /\r?\n/
    let nl = s.indexOf('\n', from);
    if (nl < 0) nl = s.length;
    const raw = s.slice(from, nl > from && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl);
    from = nl + 1;
    const line = (/[*_]/.test(raw) ? raw.replace(/[*_]/g, '') : raw).trim();
    if (!line) continue;
    // the line without a closing comma (it is trimmed: a comma can only close it as its last character)
    const lastChar = line.charCodeAt(line.length - 1);
    const plain = lastChar === 44 /* , */ || lastChar === 0x060c /* ، */ || lastChar === 0xff0c /* ， */ ? line.slice(0, -1) : line;
    if (plain.length < 120) {
      for (const l of LATIN) if (l !== 'en' && LANGUAGE_FACTS[l].authority.test(plain)) score[l] += 8;
    }
    if (
      /^The\s+(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference of the Parties)\b/.test(
        plain,
      )
    )
      score.en += 8;
    // The words that open the paragraph (past a number or a sub-paragraph label).
    const words = line
      .replace(/^(?:\d{1,4}\.?|\(?[a-z]{1,4}\))\s+/, '')
      .split(/[\s,;:.]+/, 6)
      .filter(Boolean)
      .slice(0, 4);
    if (words.length) {
      // normalised once (lower case, straight apostrophes) for the six questions below, as the phrase books normalise
      for (let k = 0; k < words.length; k++) words[k] = normaliseWord(words[k]);
      for (let k = 0; k < LATIN.length; k++) {
        if (books[k].opens(words, 'preambular', true) || books[k].opens(words, 'operative', true)) score[LATIN[k]] += 2;
      }
    }
  }
  // The words of /\p{L}+/gu in the lower-cased sample, each looked up in the trie as it is read.
  // One pass: a word is a run of letters; the trie walk falls off (undefined) at its first letter
  // that no function word has there.
  const low = s.toLowerCase();
  const counts = [0, 0, 0];
  for (let i = 0, end = low.length; i < end;) {
    let c = low.charCodeAt(i);
    let n = c < 128 ? LATIN_LETTER[c] : letterAt(low, i);
    if (!n) {
      i++;
      continue;
    }
    // a word starts at i: walk the trie while it holds the word, then run to the word's end
    let node: CharTrie | undefined = FUNCTION_WORD_TRIE;
    for (;;) {
      if (node) {
        node = c < 128 ? node.ascii[c] : childOf(node, c);
        if (n === 2 && node) node = childOf(node, low.charCodeAt(i + 1));
      }
      i += n;
      if (!node) {
        // no function word reads so far: skip the word's remaining ASCII letters in a tight loop
        while (i < end && (c = low.charCodeAt(i)) < 128 && LATIN_LETTER[c]) i++;
      }
      if (i >= end) break;
      c = low.charCodeAt(i);
      n = c < 128 ? LATIN_LETTER[c] : letterAt(low, i);
      if (!n) break;
    }
    const mask = node?.mask;
    if (mask) for (let k = 0; k < LATIN.length; k++) if (mask & (1 << k)) counts[k]++;
  }
  for (let k = 0; k < LATIN.length; k++) score[LATIN[k]] += counts[k];
  let best: Lang = 'en';
  for (const l of LATIN) if (score[l] > score[best]) best = l;
  return best;
}

/** The `lang:` (or `language:`) line of a draft's front matter, if it names an official language. */
export function frontMatterLanguage(text: string): Lang | undefined {
  const head = (typeof text === 'string' ? text : '').slice(0, 2000);
  const m = /^(?:---\s*\n(?:[^\n]*\n){0,30}?)?\s*(?:lang|language)\s*:\s*["']?([A-Za-z-]{2,12})["']?\s*$/m.exec(head);
  if (!m) return undefined;
  // Only in the front matter: before the first paragraph of the draft.
  const before = head.slice(0, m.index);
  if (/\n\s*\n[\s\S]*\n\s*\n[\s\S]*\n\s*\n/.test(before) && !before.startsWith('---')) return undefined;
  return toLang(m[1]);
}

/** The language setting: `auto` (or nothing) leaves it to the text. */
export type LanguageSetting = Lang | 'auto';

export function toLanguageSetting(v: unknown): LanguageSetting | undefined {
  if (v === 'auto') return 'auto';
  return typeof v === 'string' ? toLang(v) : undefined;
}

/** The language in force for a document: front matter, then setting, then detection. */
export function documentLanguage(
  text: string,
  setting: LanguageSetting = 'auto',
): { lang: Lang; source: 'front matter' | 'setting' | 'detected' } {
  const fm = frontMatterLanguage(text);
  if (fm) return { lang: fm, source: 'front matter' };
  if (setting !== 'auto') return { lang: setting, source: 'setting' };
  return { lang: detectLanguage(text), source: 'detected' };
}
