import type { Citation } from '../model';
import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { edit, rangeOf } from './util';

const id = 'citation-date';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "25 September 2015", "2015-09-25", "September 25, 2015" → "2015-09-25"; otherwise the squashed text. */
export function normaliseDate(s: string): string {
  const t = s
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/[.,;]$/, '');
  let m = /^(\d{1,2}) ([A-Za-z]+),? (\d{4})$/.exec(t);
  if (m) {
    const mo = MONTHS.indexOf(m[2].toLowerCase());
    if (mo >= 0) return `${m[3]}-${String(mo + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  m = /^([A-Za-z]+) (\d{1,2}),? (\d{4})$/.exec(t);
  if (m) {
    const mo = MONTHS.indexOf(m[1].toLowerCase());
    if (mo >= 0) return `${m[3]}-${String(mo + 1).padStart(2, '0')}-${m[2].padStart(2, '0')}`;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  return t.toLowerCase();
}

/** An ISO or free date as a drafter writes it ("25 September 2015"). */
export function displayDate(s: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s.trim());
  if (!m) return s.trim();
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1].replace(/^./, (c) => c.toUpperCase())} ${m[1]}`;
}

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'One resolution cited with two different dates, in the document or against the corpus.',
    fixDescription: 'Use the date the corpus gives for that resolution.',
    fixClass: 'wording',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    const { doc, lines, corpus } = ctx;
    const byKey = new Map<string, Citation[]>();
    for (const c of doc.citations) {
      if (!c.date) continue;
      // A Security Council resolution carries its year: "2127 (2013) of 5 December 2014" is wrong.
      const year = /\(((?:19|20)\d{2})\)$/.exec(c.symbol)?.[1];
      const dateYear = /\d{4}$/.exec(c.date.text.trim())?.[0];
      if (year && dateYear && year !== dateYear) {
        ctx.report({
          range: rangeOf(lines, c.date),
          message: ctx.t('citation-date.year', { symbol: c.symbol, year, date: c.date.text.trim() }),
        });
        continue;
      }
      const list = byKey.get(c.key) ?? [];
      list.push(c);
      byKey.set(c.key, list);
    }
    for (const [key, cites] of byKey) {
      let truth: string | undefined;
      try {
        truth = corpus?.dateOf(key);
      } catch {
        truth = undefined;
      }
      if (truth) {
        const want = normaliseDate(truth);
        for (const c of cites) {
          if (normaliseDate(c.date!.text) === want) continue;
          const shown = displayDate(truth);
          ctx.report({
            range: rangeOf(lines, c.date!),
            message: ctx.t('citation-date.corpus', { symbol: c.symbol, shown, date: c.date!.text.trim() }),
            fix: { title: ctx.t('citation-date.fix', { shown }), edits: [edit(lines, c.date!.start, c.date!.end, shown)] },
          });
        }
        continue;
      }
      const first = cites[0];
      const firstDate = normaliseDate(first.date!.text);
      for (const c of cites.slice(1)) {
        if (normaliseDate(c.date!.text) === firstDate) continue;
        ctx.report({
          range: rangeOf(lines, c.date!),
          message: ctx.t('citation-date.twoDates', {
            symbol: c.symbol,
            first: first.date!.text.trim(),
            line: first.range.start.line + 1,
            date: c.date!.text.trim(),
          }),
        });
      }
    }
  },
};
