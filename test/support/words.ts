/** The words of a draft as a reader compares them: what a fix must never change unasked. */
import { PARAGRAPH_SUFFIXES, PAREN_SUBLABEL_SRC, SUPERSCRIPT_RUN_SRC, subLabelValues } from '../../server/src/core/lexicon';

const SUFFIX = new Set<string>(PARAGRAPH_SUFFIXES);
// (a), and at the start of a line `c.` or, as French and Spanish texts write them, `c)`.
const LABEL = new RegExp(`${PAREN_SUBLABEL_SRC}|^\\s*[a-z]+[.)](?=\\s)`, 'gim');
const MARKERS = new RegExp(`${SUPERSCRIPT_RUN_SRC}|<sup>[^<]*</sup>|\\[\\^[^\\]]*\\]:?`, 'g');

const DEFINITION = new RegExp(`^\\s*(?:${SUPERSCRIPT_RUN_SRC}|<sup>[^<]*</sup>|\\[\\^[^\\]]*\\]:)`);

/**
 * The words of a text, with numbering, labels, punctuation, `*` and footnote markers left out.
 * Footnote definitions come last, each as one entry, sorted: renumbering footnotes may put their
 * definitions in a new order, but changes none of their words.
 */
export function words(text: string): string[] {
  const lines = text.split(/\r?\n/);
  const body = lines.filter((l) => !DEFINITION.test(l)).join('\n');
  const notes = lines
    .filter((l) => DEFINITION.test(l))
    .map((l) => bodyWords(l).join(' '))
    .sort();
  return [...bodyWords(body), ...notes];
}

function bodyWords(text: string): string[] {
  return (
    text
      .replace(MARKERS, ' ')
      // only real labels ((a), (xiv), (bb), "c."), not words in parentheses such as (UNEP)
      .replace(LABEL, (m) => {
        const v = subLabelValues(m.replace(/[().\s]/g, ''));
        return v.alpha !== undefined || v.roman !== undefined ? ' ' : m;
      })
      .split(/[^\p{L}\p{M}'’-]+/u)
      .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
      .filter((w) => w && !SUFFIX.has(w.toLowerCase()))
  );
}
