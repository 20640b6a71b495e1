import { docsUrl, type Rule, PHRASE_LANGUAGES } from './types';
import { isMisplacedPreambular, italicEdits, openingWords, plainPhrase, quote, rangeOf, upperFirst } from './util';
import { paragraphRule } from './paragraph-rule';

const LOWER_FIRST_RE = /^[a-z]/;
const SPACES_RE = /\s+/;
const EMPHASIS_RE = /[*_]/;

const id = 'operative-verb-italic';

/**
 * Words after a verb phrase that adopted texts leave in roman type: `*Takes note* of`,
 * `*Looks forward* to`, `*Draws* the attention`, `*Encourages* further cooperation` (an adjective there).
 */
const ROMAN_TAIL = new Set(['of', 'to', 'by', 'further', 'also', 'again', 'that', 'the', 'attention']);

/** A partly italic opening whose italic part is the phrase less a roman tail is fine. */
export function acceptablePartial(openingText: string, italicText: string | undefined): boolean {
  if (!italicText) return false;
  const phrase = plainPhrase(openingText).toLowerCase();
  const italic = plainPhrase(italicText).toLowerCase();
  if (!italic || !phrase.startsWith(italic)) return false;
  const rest = phrase.slice(italic.length).trim();
  if (!rest) return true;
  if (LOWER_FIRST_RE.test(phrase.slice(italic.length))) return false; // italics end inside a word
  return rest.split(SPACES_RE).every((w) => ROMAN_TAIL.has(w));
}

export const rule: Rule = paragraphRule(
  {
    id,
    defaultSeverity: 'warning',
    description: 'The opening verb phrase of an operative paragraph must be italic as a whole (`*Calls upon*`, not `*Calls* upon`).',
    fixDescription: 'Italicise the whole verb phrase.',
    fixClass: 'structural',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  {
    parts: 'operative',
    check(ctx, p) {
      const { doc, lines } = ctx;
      if (isMisplacedPreambular(doc, ctx.phrases, p)) return; // a preambular phrase: preambular-in-operative reports it
      const o = p.opening;
      if (!o || o.italic === 'full') return;
      if (o.italic === 'partial' && acceptablePartial(o.text, o.italicSpan?.text)) return;
      // no verb phrase at all ("The Secretary-General shall …"): operative-verb-unknown says so
      // After a leading adverb ("Strongly *encourages*") the verb is written in lower case: judge
      // it as the phrase would stand at the start.
      const { head, before } = openingWords(doc, p);
      const headText = head && before.length ? upperFirst(head.text) : head?.text;
      if (!head || (o.italic === 'none' && !EMPHASIS_RE.test(o.text) && ctx.phrases.clearlyNotPhrase('operative', headText!))) return;
      const phrase = plainPhrase(o.text);
      if (!phrase) return;
      const edits = italicEdits(doc, lines, p, true);
      ctx.report({
        range: rangeOf(lines, o),
        message:
          o.italic === 'partial' || EMPHASIS_RE.test(o.text)
            ? ctx.t('operative-verb-italic.partial', { phrase: quote(phrase) })
            : ctx.t('operative-verb-italic.none', { phrase: quote(phrase) }),
        fix: edits ? { title: ctx.t('fix.italicise', { phrase: quote(phrase) }), edits } : undefined,
      });
    },
  },
);
