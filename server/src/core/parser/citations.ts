/** Scanner: the resolutions a text cites ("resolution 70/1 of 25 September 2015"). */
import type { Citation, TextSpan } from '../model';
import type { LineIndex } from '../text';
import { dateSource, type LanguageFacts } from '../language-facts';
import { CitationNode } from './nodes';
import { isLetterCode } from '../chars';

/** The key that identifies one resolution across citation styles ("A/RES/70/1" and "70/1" → "70/1"). */
export function citationKey(symbol: string): string {
  return symbol
    .replace(/^A\/RES\//, '')
    .replace(/\s+/g, ' ')
    .replace(/(\d)\(/, '$1 (')
    .trim();
}

const LETTER_RE = /^\p{L}/u;

/** Whether a letter (a code point of \p{L}) ends just before offset i: what `(?<![\p{L}])` rules out. */
export function letterBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if (c >= 0xdc00 && c <= 0xdfff && i >= 2) {
    const h = text.charCodeAt(i - 2);
    if (h >= 0xd800 && h <= 0xdbff) return LETTER_RE.test(text.slice(i - 2, i));
  }
  return isLetterCode(c);
}

/** The citations in the stretches [from, to) of the source, in source order. */
export function scanCitations(source: string, index: LineIndex, f: LanguageFacts, ranges: Array<[number, number]>): Citation[] {
  const out: Citation[] = [];
  // GA "70/1", "A/RES/70/1", "1514 (XV)"; ECOSOC "2013/40"; Security Council "2127 (2013)"
  const SYM = String.raw`(?:A\/RES\/\d{1,4}\/\d{1,4}|\d{1,4}\/\d{1,4}(?:\s?[A-Z](?![\w]))?|\d{1,4}\s\([IVXL]+\)|\d{1,4}\s?\((?:19|20)\d{2}\))`;
  const ITEM = new RegExp(String.raw`^(\[)?(${SYM})(?:\]\([^)\s]*\))?`);
  const DATE = new RegExp(String.raw`^${f.citationDateJoin || '\s*'}(${dateSource(f)})`, 'u');
  const and = f.listJoins[0];
  const SEP = new RegExp(String.raw`^(?:,\s+(?:${and}\s+)?|\s+${and}\s+)`, 'u');
  const ENTITLED = new RegExp(String.raw`^,\s+${f.entitled}\s+(?:“[^”]{0,400}”|«[^»]{0,400}»)`, 'u');
  const seen = new Set<number>();
  // `(?<![\p{L}])` checked by hand after each match (a pattern that opens with a look-behind is tried at every offset)
  const kw = new RegExp(String.raw`(?:${f.resolutionWord})\s+`, 'gu');
  const bare = /\bA\/RES\/\d{1,4}\/\d{1,4}\b/g;
  for (const [from, to] of ranges) {
    const text = source.slice(from, to);
    kw.lastIndex = 0;
    let k: RegExpExecArray | null;
    while ((k = kw.exec(text))) {
      if (letterBefore(text, k.index)) {
        kw.lastIndex = k.index + 1;
        continue;
      }
      let pos = k.index + k[0].length;
      for (let guard = 0; guard < 50; guard++) {
        const rest = text.slice(pos, pos + 200);
        const it = ITEM.exec(rest);
        if (!it) break;
        const symStart = from + pos + (it[1] ? 1 : 0);
        const symbol = it[2];
        let after = pos + it[0].length;
        let date: TextSpan | undefined;
        const d = DATE.exec(text.slice(after, after + 60));
        if (d) {
          const ds = from + after + d[0].length - d[1].length;
          date = index.textNode(ds, ds + d[1].length, d[1]);
          after += d[0].length;
        }
        const entitled = ENTITLED.exec(text.slice(after, after + 420));
        if (entitled) after += entitled[0].length;
        const c: Citation = index.node(symStart, symStart + symbol.length, { symbol, key: citationKey(symbol), date }, CitationNode);
        out.push(c);
        seen.add(symStart);
        const sep = SEP.exec(text.slice(after, after + 10));
        if (!sep) break;
        pos = after + sep[0].length;
      }
    }
    bare.lastIndex = 0;
    let b: RegExpExecArray | null;
    while ((b = bare.exec(text))) {
      const s = from + b.index;
      if (seen.has(s)) continue;
      out.push(index.node(s, s + b[0].length, { symbol: b[0], key: citationKey(b[0]) }, CitationNode));
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
