/**
 * French typography: a no-break space (U+00A0) or a narrow no-break space (U+202F) stands before
 * `;`, `:`, `?` and `!`. A paragraph ending ` ;` is right; `texte;` misses its space. French
 * drafts only; an ordinary space is accepted (converted texts and most keyboards lose the no-break
 * kind, and the line does not break there in a draft).
 */
import { docsUrl, type Rule } from './types';
import { edit, rangeOf } from './util';
import { paragraphRule } from './paragraph-rule';

const id = 'french-spacing';

/** The space French typography puts before each mark: narrow no-break before ; ? !, no-break before :. */
const SPACE: Record<string, string> = { ';': '\u202f', '?': '\u202f', '!': '\u202f', ':': '\u00a0' };

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'information',
    description: 'French drafts: no space before “;”, “:”, “?” or “!” (French typography puts a no-break space there).',
    fixDescription: 'Insert a narrow no-break space (U+202F) before ; ? ! or a no-break space (U+00A0) before :.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
    languages: ['fr'],
  },
  {
    parts: 'both',
    check(ctx, p) {
      const { doc, lines } = ctx;
      const src = doc.source;
      for (const f of p.fragments) {
        const text = src.slice(f.start, f.end);
        const re = /[;:?!]/g;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) {
          const at = f.start + m.index;
          const before = src[at - 1] ?? ' ';
          const after = src[at + 1] ?? ' ';
          if (/[\s\u00a0\u202f]/.test(before) || at === f.start) continue;
          // Not punctuation of the sentence: a time or ratio (10:30), an address (https://), a
          // symbol or a link target, emphasis markers before the mark are fine to look through.
          if (m[0] === ':' && /\d/.test(before) && /\d/.test(after)) continue;
          if (after === '/' || /\]\([^)]*$/.test(text.slice(0, m.index)) || /<[^>]*$/.test(text.slice(0, m.index))) continue;
          if (m[0] === '?' || m[0] === '!') {
            if (/[?!]/.test(before)) continue;
          }
          let ins = at;
          // "*Prie*;" or "texte¹;": the space goes before the mark, after the word and its markers
          while (ins > f.start && /[*_]/.test(src[ins - 1]) && /[\s\u00a0\u202f]/.test(src[ins - 2] ?? 'x')) ins--;
          const space = SPACE[m[0]];
          ctx.report({
            range: rangeOf(lines, { start: at, end: at + 1 }),
            message: ctx.t('french-spacing.missing', { mark: m[0] }),
            fix: { title: ctx.t('french-spacing.fix', { mark: m[0] }), edits: [edit(lines, at, at, space)] },
          });
        }
      }
    },
  },
);
