/**
 * Two or more spaces between words inside a paragraph's text: `to  participate`. Indentation,
 * the spaces before a line break, table rows and comments are left alone. The fix collapses the
 * run to one space: no word changes.
 */
import type { MessageEntry } from '../messages';
import { docsUrl, type Rule, type RuleContext } from './types';
import { paragraphRule } from './paragraph-rule';
import { edit, rangeOf } from './util';

const TABLE_ROW_RE = /^\s*\|/;

const id = 'double-space';

const MESSAGES = {
  found: {
    en: '{count} spaces between words: one is enough.',
    fr: '{count} espaces entre deux mots : une seule suffit.',
    es: '{count} espacios entre dos palabras: basta con uno.',
  },
  fix: {
    en: 'Collapse to one space',
    fr: 'Réduire à une espace',
    es: 'Dejar un solo espacio',
  },
} satisfies Record<string, MessageEntry>;

/** A run of spaces between two characters that are not spaces, on one line. */
const RUN = /(?<=\S) {2,}(?=\S)/g;

/** Per run of the check (one context per run). */
const searches = new WeakMap<RuleContext, { from: number; limit: number; next: number }>();

/** How far one search for two spaces reads at least (a re-check of a few paragraphs reads no further). */
const WINDOW = 64 * 1024;

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'information',
    description: 'Two or more spaces between words inside a paragraph.',
    fixDescription: 'Collapse the spaces to one.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
    messages: MESSAGES,
  },
  {
    parts: 'both',
    check(ctx, p) {
      const { doc, lines } = ctx;
      const src = doc.source;
      // Where the next two spaces in a row stand from `from` on (-1: none that ends by `limit`),
      // kept for the run: most fragments have none and are skipped without reading them.
      let at = searches.get(ctx);
      if (!at) searches.set(ctx, (at = { from: -1, limit: -1, next: -1 }));
      for (const f of p.fragments) {
        if (at.from === -1 || f.start < at.from || (at.next === -1 ? f.end > at.limit : at.next < f.start)) {
          at.from = f.start;
          at.limit = Math.min(src.length, Math.max(f.end, f.start + WINDOW));
          const k = src.slice(f.start, at.limit).indexOf('  ');
          at.next = k === -1 ? -1 : f.start + k;
        }
        if (at.next === -1 || at.next + 2 > f.end) continue;
        let lineStart = f.start;
        for (const line of src.slice(f.start, f.end).split('\n')) {
          const from = lineStart;
          lineStart += line.length + 1;
          // A table row, or a line with a comment or a code span: its spacing is the writer's.
          if (TABLE_ROW_RE.test(line) || line.includes('<!--') || line.includes('`')) continue;
          for (const m of line.matchAll(RUN)) {
            const start = from + m.index;
            const end = start + m[0].length;
            ctx.report({
              range: rangeOf(lines, { start, end }),
              message: ctx.t(MESSAGES.found, { count: m[0].length }),
              fix: { title: ctx.t(MESSAGES.fix), edits: [edit(lines, start, end, ' ')] },
            });
          }
        }
      }
    },
  },
);
