import type { Paragraph } from '../model';
import type { Edit } from '../findings';
import type { Word } from './phrase-knowledge';
import { docsUrl, type Rule, type RuleContext, PHRASE_LANGUAGES } from './types';
import { edit, lowerFirst, openingWords, quote, rangeOf, upperFirst, type OpeningWords } from './util';

const id = 'repeated-opening';

const ADVERBS = new Set(['also', 'further']);
/** Words that may stand between a preambular head and its adverb ("Noting with concern also"). */
const PHRASE_WORDS = new Set([
  'with',
  'in',
  'mind',
  'note',
  'into',
  'account',
  'concern',
  'appreciation',
  'satisfaction',
  'deep',
  'serious',
  'grave',
  'its',
  'considered',
  'adopted',
  'examined',
  'received',
  'reviewed',
  'heard',
  'by',
]);
/** Multi-word preambular phrases whose adverb goes after the whole phrase. */
const AFTER_PHRASE: Record<string, string[]> = { bearing: ['in', 'mind'], keeping: ['in', 'mind'], taking: ['note'] };

interface Analysis {
  head?: Word;
  headKey?: string;
  adverb?: Word;
  /** The opening's words (its `words` are made when first read). */
  opening: OpeningWords;
  before: Word[];
  /** Where an inserted adverb goes, in languages that put it after the verb. */
  insertAfter?: Word;
}

/** Reflexive pronouns that belong to the head word ("Se félicite", "S'inquiétant"). */
const REFLEXIVE = new Set(['se', "s'", 's’']);

/**
 * Languages that put the adverb after the phrase ("Prie également", "Rappelant en outre",
 * "Pide también", "ссылаясь также"): the adverb is looked for inside the opening phrase.
 */
function analyseAfter(ctx: RuleContext, p: Paragraph): Analysis {
  const opening = openingWords(ctx.doc, p);
  const { words, head, before } = opening;
  if (!head) return { opening, before };
  const facts = ctx.phrases.facts;
  const i = words.indexOf(head);
  let key = head.text.toLowerCase();
  let last = head;
  if (REFLEXIVE.has(key) && words[i + 1]) {
    last = words[i + 1];
    key += ' ' + last.text.toLowerCase();
  }
  const limit = Math.max(p.opening?.end ?? 0, last.end);
  let adverb: Word | undefined;
  for (let j = i + 1; j < words.length && words[j].start <= limit + 1 && j <= i + 5; j++) {
    const w = words[j].text.toLowerCase();
    const two = words[j + 1] ? `${w} ${words[j + 1].text.toLowerCase()}` : '';
    if (facts.also.includes(two)) {
      adverb = { text: ctx.doc.source.slice(words[j].start, words[j + 1].end), start: words[j].start, end: words[j + 1].end };
      break;
    }
    if (facts.also.includes(w)) {
      adverb = words[j];
      break;
    }
  }
  return { head, headKey: key, adverb, opening, before, insertAfter: last };
}

function analyse(ctx: RuleContext, p: Paragraph): Analysis {
  if (ctx.phrases.facts.adverbPosition === 'after') return analyseAfter(ctx, p);
  const opening = openingWords(ctx.doc, p);
  const { head, before } = opening;
  if (!head) return { opening, before };
  let adverb = before.find((w) => ADVERBS.has(w.text.toLowerCase()));
  if (!adverb && p.kind === 'preambular') {
    const words = opening.words;
    const i = words.indexOf(head);
    for (let j = i + 1; j < Math.min(words.length, i + 5); j++) {
      const w = words[j].text.toLowerCase();
      if (ADVERBS.has(w)) {
        adverb = words[j];
        break;
      }
      if (!PHRASE_WORDS.has(w)) break;
    }
  }
  return { head, headKey: head.text.toLowerCase(), adverb, opening, before };
}

/** What the sequence of openings needs of a paragraph: its head and whether an adverb goes with it. */
interface Summary {
  phrases: object;
  text: string;
  length: number;
  headKey?: string;
  adverb: boolean;
}

/**
 * Per paragraph node: the summary of its analysis, which holds no offsets, so it stays true while
 * the paragraph is unchanged (a re-parse carries it over, moved): the check reads every paragraph's
 * opening on every version, and analyses again only the new paragraphs and those it reports.
 */
const summaries = new WeakMap<Paragraph, Summary>();

/**
 * The paragraphs of a run (per part) and what their summaries said, by place, in arrays beside them:
 * a re-parse keeps the paragraphs before an edit at the same place and those after it shifted by the
 * same count, so a paragraph most often finds its summary there without a map lookup and without
 * reading the summary object (thousands of them, each a read from memory far from the others); it
 * is checked the same (the phrases, the paragraph's text and length). Two per part, used in turn: the
 * last run's and the one going on.
 */
interface Placed {
  paragraphs: readonly Paragraph[];
  phrases: object | undefined;
  texts: string[];
  lengths: Int32Array;
  heads: Array<string | undefined>;
  adverbs: Uint8Array;
}

function placed(n: number, spare?: Placed): Placed {
  if (spare && spare.lengths.length >= n) return spare;
  const size = Math.max(16, n + (n >> 2));
  return {
    paragraphs: [],
    phrases: undefined,
    texts: new Array<string>(size),
    lengths: new Int32Array(size),
    heads: new Array<string | undefined>(size),
    adverbs: new Uint8Array(size),
  };
}

const lastPlaced: Placed[] = [placed(0), placed(0)];
const sparePlaced: Array<Placed | undefined> = [undefined, undefined];

function holds(s: Summary | undefined, ctx: RuleContext, p: Paragraph): s is Summary {
  return !!s && s.phrases === ctx.phrases && s.text === p.text && s.length === p.end - p.start;
}

function summary(ctx: RuleContext, p: Paragraph): Summary {
  const s = summaries.get(p);
  if (holds(s, ctx, p)) return s;
  const a = analyse(ctx, p);
  const fresh: Summary = {
    phrases: ctx.phrases,
    text: p.text,
    length: p.end - p.start,
    headKey: a.head ? a.headKey : undefined,
    adverb: !!a.adverb,
  };
  summaries.set(p, fresh);
  return fresh;
}

function removeAdverb(ctx: RuleContext, a: Analysis): Edit[] {
  const { lines, doc } = ctx;
  const adv = a.adverb!;
  const i = a.opening.words.indexOf(adv);
  const next = a.opening.words[i + 1];
  if (i === 0 && next) {
    // "Also requests" → "Requests" (inside the same emphasis)
    const between = doc.source.slice(adv.end, next.start);
    const keep = between.replace(/\s+/g, '');
    return [edit(lines, adv.start, next.start + 1, keep + upperFirst(doc.source[next.start]))];
  }
  const prev = a.opening.words[i - 1];
  if (prev) {
    const between = doc.source.slice(prev.end, adv.start);
    return [edit(lines, prev.end, adv.end, between.replace(/\s+/g, ''))];
  }
  return [];
}

function insertAdverb(ctx: RuleContext, p: Paragraph, a: Analysis, adverb: string): Edit[] {
  const { lines, doc } = ctx;
  const head = a.head!;
  if (a.insertAfter) return [edit(lines, a.insertAfter.end, a.insertAfter.end, ' ' + adverb)];
  if (p.kind === 'operative') {
    const first = a.before[0] ?? head;
    return [edit(lines, first.start, first.start + 1, upperFirst(adverb) + ' ' + lowerFirst(doc.source[first.start]))];
  }
  let after = head;
  const tail = AFTER_PHRASE[a.headKey!];
  if (tail) {
    const i = a.opening.words.indexOf(head);
    const next = a.opening.words.slice(i + 1, i + 1 + tail.length);
    if (next.length === tail.length && next.every((w, k) => w.text.toLowerCase() === tail[k])) after = next[next.length - 1];
  }
  return [edit(lines, after.end, after.end, ' ' + adverb)];
}

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description:
      'An "also"/"further" opening with no paragraph opening with the same phrase just before it (warning); a consecutive repeat of an opening without "also"/"further" (information).',
    fixDescription: 'Remove the adverb, or insert "also"/"further".',
    fixClass: 'wording',
    docsUrl: docsUrl(id),
    languages: PHRASE_LANGUAGES,
  },
  check(ctx) {
    const { lines } = ctx;
    const parts = [ctx.doc.preamble as Paragraph[], ctx.doc.operative as Paragraph[]];
    for (let k = 0; k < 2; k++) {
      const part = parts[k];
      const was = lastPlaced[k];
      const wasParagraphs = was.paragraphs;
      const samePhrases = was.phrases === ctx.phrases;
      const shift = wasParagraphs.length - part.length;
      const now = placed(part.length, sparePlaced[k]);
      // (its paragraphs are set once every place is filled in: a run cut short leaves nothing to find)
      now.paragraphs = [];
      now.phrases = ctx.phrases;
      sparePlaced[k] = was;
      lastPlaced[k] = now;
      let prev: string | undefined; // the head of the paragraph before
      let run = 0; // paragraphs in the current run of one opening, minus one
      for (let i = 0; i < part.length; i++) {
        const p = part[i];
        const length = p.end - p.start;
        // the summary of the same node at its place in the last run, while it holds (as summary() would find it)
        const j = wasParagraphs[i] === p ? i : wasParagraphs[i + shift] === p ? i + shift : -1;
        let headKey: string | undefined;
        let adverb: boolean;
        if (j >= 0 && samePhrases && was.texts[j] === p.text && was.lengths[j] === length) {
          headKey = was.heads[j];
          adverb = was.adverbs[j] === 1;
        } else {
          const sum = summary(ctx, p);
          headKey = sum.headKey;
          adverb = sum.adverb;
        }
        now.texts[i] = p.text;
        now.lengths[i] = length;
        now.heads[i] = headKey;
        now.adverbs[i] = adverb ? 1 : 0;
        if (headKey === undefined) {
          prev = undefined;
          run = 0;
          continue;
        }
        const same = prev === headKey;
        const unmatched = adverb && !same;
        const noAdverb = !adverb && same && ctx.phrases.facts.adverbPosition !== 'after';
        // the analysis with offsets, for the paragraphs reported only
        const a = unmatched || noAdverb ? analyse(ctx, p) : undefined;
        if (a?.head && a.adverb && unmatched) {
          const phrase = a.opening.words
            .slice(0, a.opening.words.indexOf(a.head) + 1)
            .concat(a.adverb.start > a.head.start ? [a.adverb] : [])
            .map((w) => w.text)
            .join(' ');
          const edits = removeAdverb(ctx, a);
          ctx.report({
            range: rangeOf(lines, { start: Math.min(a.adverb.start, a.head.start), end: Math.max(a.adverb.end, a.head.end) }),
            message: ctx.t('repeated-opening.unmatched', { phrase: quote(phrase), head: quote(a.head.text.toLowerCase()) }),
            fix: edits.length ? { title: ctx.t('fix.remove', { word: quote(a.adverb.text) }), edits } : undefined,
          });
        } else if (a?.head && noAdverb) {
          // French, Spanish and Russian texts repeat an opening without an adverb as often as with
          // one ("Prie …" / "Prie …"): only the English convention is reported.
          const also = ctx.phrases.facts.also;
          const adverb = run === 0 ? also[0] : (also[1] ?? also[0]);
          ctx.report({
            range: rangeOf(lines, { start: (a.before[0] ?? a.head).start, end: a.head.end }),
            message: ctx.t('repeated-opening.noAdverb', { head: quote(a.head.text), adverb: quote(adverb) }),
            fix: { title: ctx.t('fix.insert', { word: quote(adverb) }), edits: insertAdverb(ctx, p, a, adverb) },
            minor: true,
          });
        }
        run = same ? run + 1 : 0;
        prev = headKey;
      }
      now.paragraphs = part;
    }
  },
};
