/** Scanner: references to other paragraphs ("paragraph 5 (b) above", "paragraphs 3 to 5"). */
import type { CrossReference, Paragraph, TextSpan } from '../model';
import type { LineIndex } from '../text';
import type { LanguageFacts } from '../language-facts';
import { PARAGRAPH_SUFFIXES, SUBLABEL_LETTERS_SRC, subLabelValues } from '../lexicon';
import { CrossReferenceNode } from './nodes';
import { letterBefore } from './citations';

/** "article 5, paragraph 2": a paragraph of an article, not of the resolution. */
const ARTICLE_BEFORE_RE = /(?:article|artículo|статьи|статья)\s+[\w.]+,?\s+$/iu;
const SPACE_RE = /\s/;
const DIGITS_RE = /^\d+$/;

/** The targets of the reference being read (scratch space, copied into the node). */
const TARGETS: TextSpan[] = [];

/** The cross-references in the fragments of the paragraphs, in source order. */
export function scanCrossReferences(source: string, index: LineIndex, f: LanguageFacts, paragraphs: Paragraph[]): CrossReference[] {
  const out: CrossReference[] = [];
  const NUM = String.raw`\d{1,4}(?:\s+(?:${PARAGRAPH_SUFFIXES.join('|')}))?`;
  const joins = [',', ...f.listJoins, '–', '-'].join('|');
  const dirs = [...f.above, ...f.below].join('|');
  const re = new RegExp(
    // `(?<![\p{L}])` before it is checked by hand after each match (see scanCitations)
    String.raw`${f.paragraphWord}\s+(${NUM}(?:\s*(?:${joins})\s*${NUM})*)(\s*\((${SUBLABEL_LETTERS_SRC})\))?(,?\s+(${dirs}))?`,
    'gu',
  );
  const numRe = new RegExp(NUM, 'g');
  for (const p of paragraphs) {
    for (const fr of p.fragments) {
      const text = source.slice(fr.start, fr.end);
      let m: RegExpExecArray | null;
      re.lastIndex = 0;
      while ((m = re.exec(text))) {
        if (letterBefore(text, m.index)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        const direction = m[5] === undefined ? undefined : f.above.includes(m[5]) ? 'above' : 'below';
        if (!direction) {
          const before = text.slice(Math.max(0, m.index - 40), m.index);
          const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
          if (f.refOwnerBefore.test(before) || ARTICLE_BEFORE_RE.test(before)) continue;
          if (f.refOfAfter.test(after)) continue;
        }
        const targets = TARGETS;
        targets.length = 0;
        const listStart = fr.start + m.index + m[0].indexOf(m[1], m[0].search(SPACE_RE));
        if (DIGITS_RE.test(m[1])) {
          // one number (at most four digits, as NUM reads them): the one target, the whole list
          targets.push(index.textNode(listStart, listStart + m[1].length, m[1]));
        } else {
          numRe.lastIndex = 0;
          let n: RegExpExecArray | null;
          while ((n = numRe.exec(m[1]))) {
            const s = listStart + n.index;
            targets.push(index.textNode(s, s + n[0].length, n[0]));
          }
        }
        const s = fr.start + m.index;
        // an array of its exact size (one grown by push keeps room for more), the fields set in place
        const ref = new CrossReferenceNode(index, s, s + m[0].length) as unknown as CrossReference;
        ref.targets = targets.slice();
        ref.direction = direction;
        if (m[3]) {
          const { alpha, roman } = subLabelValues(m[3]);
          if (alpha !== undefined || roman !== undefined) {
            ref.sub = `(${m[3]})`;
            const ss = s + m[0].lastIndexOf(`(${m[3]})`) + 1;
            ref.subSpan = index.textNode(ss, ss + m[3].length, m[3]);
          }
        }
        out.push(ref);
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
