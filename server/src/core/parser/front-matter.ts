/** Scanner: the symbol, title and adoption date that the front matter (or the meeting line) states. */
import type { AuthorityLine, Block, TextSpan } from '../model';
import type { LineIndex } from '../text';
import { dateSource, type LanguageFacts } from '../language-facts';
import { DATE_SRC, MONTHS } from './patterns';

export interface FrontMatterFacts {
  symbol?: TextSpan;
  title?: TextSpan;
  date?: TextSpan;
}

/** The facts found, as keys in the order they were found. */
export function frontMatterFacts(
  source: string,
  index: LineIndex,
  facts: LanguageFacts,
  front: Block[],
  authority: AuthorityLine | undefined,
  meeting: TextSpan | undefined,
): FrontMatterFacts {
  const out: FrontMatterFacts = {};
  const span = (s: number, e: number): TextSpan => index.textNode(s, e, source.slice(s, e));
  const GA = /General Assembly|Assemblée générale|Asamblea General|Генеральная Ассамблея|الجمعية العامة|大会/;
  const isGA = front.some((b) => GA.test(b.text)) || GA.test(authority?.text ?? '');
  const DATE = dateSource(facts);
  for (const b of front) {
    const line = b.text.trim();
    const off = b.start + (b.text.length - b.text.trimStart().length);
    const ga = /^(\d{1,4}\/\d{1,4}[A-Z]?)\.\s+\S/.exec(line);
    if (ga && !out.title) {
      out.title = span(off, off + line.length);
      if (!out.symbol && isGA) out.symbol = index.node(off, off + ga[1].length, { text: `A/RES/${ga[1]}` });
      continue;
    }
    // an L document's symbol may carry the asterisk of a note ("A/78/L.12*", escaped in Markdown)
    const sym =
      /^(?:#{1,6}\s*)?(A\/RES\/[\w/.()-]+|A\/(?:C\.\d\/)?\d{1,3}\/L\.\d+(?:\/Rev\.\d+)?|[A-Z]{2,}(?:\/[\w.()\- ]+){1,6})(?:\\?\*)*$/.exec(
        line,
      );
    if (sym && !out.symbol && !/\s{2}/.test(line)) {
      const s = off + line.indexOf(sym[1]);
      out.symbol = span(s, s + sym[1].trim().length);
      continue;
    }
    const res = /^#{1,6}\s*(Resolution\s+\d+\/\d+)\s*$/i.exec(line);
    if (res && !out.symbol) {
      const s = off + line.indexOf(res[1]);
      out.symbol = span(s, s + res[1].length);
      continue;
    }
    if (!out.date && /adopted|adoptée?|aprobad[ao]|принят|اعتمد|通过/i.test(line)) {
      const d = new RegExp(`(${DATE}|${DATE_SRC}|(?:${MONTHS})\\s+\\d{4})`, 'u').exec(line);
      if (d) out.date = span(off + d.index, off + d.index + d[1].length);
    }
  }
  if (!out.title) {
    // A heading after the symbol, or an all-capitals line after the symbol (CMS style).
    const symbol = out.symbol;
    const after = front.filter((b) => !symbol || b.start > symbol.start);
    const cand =
      after.find((b) => b.kind === 'heading' && !/^#+\s*resolution\s+\d/i.test(b.text.trim())) ??
      after.find((b) => /^[A-Z][A-Z ,’'()-]{12,}$/.test(b.text.trim()) && !/^ORIGINAL/.test(b.text.trim()));
    if (cand) {
      const raw = cand.text.trim();
      const t = raw
        .replace(/^#+\s*/, '')
        .replace(/^\*+|\*+$/g, '')
        .trim();
      const s = cand.start + cand.text.indexOf(t);
      if (s >= cand.start && t) out.title = span(s, s + t.length);
    }
  }
  if (!out.date && meeting) {
    const d = new RegExp(`${DATE}|${DATE_SRC}`, 'u').exec(meeting.text);
    if (d) out.date = span(meeting.start + d.index, meeting.start + d.index + d[0].length);
  }
  return out;
}
