/**
 * French agreement of an opening with the organ: `L'Assemblée générale` (feminine) is
 * `Consciente`, `Profondément préoccupée`, `Convaincue`; `Le Conseil de sécurité` (masculine) is
 * `Conscient`, `Profondément préoccupé`, `Convaincu`. The check reads the organ's gender from the
 * authority line and the adjectives and participles of each opening phrase. French drafts only.
 * Its fix changes a word (a wording fix, not a structural one): the user applies it, never fix-all
 * on its own account.
 */
import type { Paragraph } from '../model';
import { docsUrl, type Rule } from './types';
import { edit, openingWords, quote, rangeOf } from './util';
import { paragraphRule } from './paragraph-rule';
import { matchCase } from '../phrase-knowledge';
import { FRENCH_GENDER_PAIRS } from '../language-facts';

const id = 'french-agreement';

/** The organs' head nouns and their gender. */
const FEMININE_ORGANS = /^(?:L['’]\s?Assemblée|La\s+(?:Conférence|Commission|Réunion|Assemblée|Cour))\b/u;
const MASCULINE_ORGANS = /^(?:Le\s+(?:Conseil|Comité|Sommet|Groupe|Bureau)|L['’]\s?Organe)\b/u;

const FEMININE: Record<string, string> = { ...FRENCH_GENDER_PAIRS };
const MASCULINE: Record<string, string> = Object.fromEntries(
  Object.entries(FEMININE)
    .filter(([m, f]) => m !== f)
    .map(([m, f]) => [f, m]),
);

function wordsToCheck(ctx: Parameters<Rule['check']>[0], p: Paragraph) {
  const { words } = openingWords(ctx.doc, p);
  const end = p.opening
    ? Math.max(p.opening.end, words[Math.min(3, words.length - 1)]?.end ?? 0)
    : (words[Math.min(3, words.length - 1)]?.end ?? 0);
  const out = [];
  for (const [i, w] of words.slice(0, 5).entries()) {
    if (w.end > end) break;
    const lower = w.text.toLowerCase();
    // "qu'elle a décidé": a past participle after "avoir" agrees with nothing here
    if (/^(?:que|qu['’].*)$/.test(lower)) break;
    if (i > 0 && AUXILIARIES.has(words[i - 1].text.toLowerCase())) continue;
    out.push(w);
  }
  return out;
}

const AUXILIARIES = new Set(['a', 'ont', 'avait', 'aura', 'ayant', 'avoir']);

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'warning',
    description:
      'French drafts: an opening adjective or participle that does not agree with the organ (“L’Assemblée générale” → “Consciente”; “Le Conseil” → “Conscient”).',
    fixDescription: 'Replace the word with the form that agrees with the organ (a wording fix).',
    fixClass: 'wording',
    docsUrl: docsUrl(id),
    languages: ['fr'],
  },
  {
    parts: 'both',
    check(ctx, p) {
      const { doc, lines } = ctx;
      // the organ is one of the document facts a paragraph check may read (see check.ts)
      const organ = doc.authority?.text.replace(/[*_]/g, '').trim() ?? '';
      const gender = FEMININE_ORGANS.test(organ) ? 'f' : MASCULINE_ORGANS.test(organ) ? 'm' : undefined;
      if (!gender) return;
      const table = gender === 'f' ? FEMININE : MASCULINE;
      for (const w of wordsToCheck(ctx, p)) {
        const want = table[w.text.toLowerCase()];
        if (!want) continue;
        const fixed = matchCase(w.text, want);
        ctx.report({
          range: rangeOf(lines, w),
          message: ctx.t('french-agreement.mismatch', {
            word: quote(w.text),
            organ: quote(organ.replace(/[,،，]$/, '')),
            gender: ctx.t(gender === 'f' ? 'gender.feminine' : 'gender.masculine'),
            fixed: quote(fixed),
          }),
          fix: { title: ctx.t('fix.replaceWith', { word: quote(fixed) }), edits: [edit(lines, w.start, w.end, fixed)] },
        });
      }
    },
  },
);
