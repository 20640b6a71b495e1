import type { PreambularParagraph } from '../model';
import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { italicEdits, plainPhrase, quote, rangeOf } from './util';
import { acceptablePartial } from './operative-verb-italic';

const id = 'preambular-italic-consistency';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description:
      'Preambular opening phrases italic in some paragraphs and not in others (style "consistent"), or against the set style ("always" / "never").',
    fixDescription: 'Italicise or un-italicise the opening phrase.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    const { doc, lines } = ctx;
    const style = (ctx.options.style as string | undefined) ?? ctx.config.style.preambularItalic;
    const ps = doc.preamble.filter(
      (p): p is PreambularParagraph & { opening: NonNullable<PreambularParagraph['opening']> } =>
        !!p.opening && !p.wrappedInItalic && !!plainPhrase(p.opening.text),
    );
    if (ps.length === 0) return;
    const isItalic = (o: PreambularParagraph['opening'] & object) =>
      o.italic === 'full' || (o.italic === 'partial' && acceptablePartial(o.text, o.italicSpan?.text));
    const italicCount = ps.filter((p) => p.opening.italic !== 'none').length;
    const plainCount = ps.length - italicCount;
    let want: 'italic' | 'plain';
    if (style === 'always') want = 'italic';
    else if (style === 'never') want = 'plain';
    else {
      if (italicCount === 0) return;
      if (plainCount === 0 && ps.every((p) => isItalic(p.opening))) return;
      want = italicCount >= plainCount ? 'italic' : 'plain';
    }
    for (const p of ps) {
      const o = p.opening;
      const ok = want === 'italic' ? isItalic(o) : o.italic === 'none';
      if (ok) continue;
      const phrase = plainPhrase(o.text);
      const edits = italicEdits(doc, lines, p, want === 'italic');
      const why =
        style === 'consistent'
          ? want === 'italic'
            ? ctx.t('preambular-italic-consistency.countItalic', { count: italicCount, total: ps.length })
            : ctx.t('preambular-italic-consistency.countPlain', { count: plainCount, total: ps.length })
          : ctx.t('preambular-italic-consistency.style', { style });
      ctx.report({
        range: rangeOf(lines, o),
        message:
          want === 'italic'
            ? ctx.t(o.italic === 'partial' ? 'preambular-italic-consistency.partlyItalic' : 'preambular-italic-consistency.notItalic', {
                phrase: quote(phrase),
                why,
              })
            : ctx.t('preambular-italic-consistency.italic', { phrase: quote(phrase), why }),
        fix: edits
          ? { title: ctx.t(want === 'italic' ? 'fix.italicise' : 'fix.removeItalics', { phrase: quote(phrase) }), edits }
          : undefined,
      });
    }
  },
};
