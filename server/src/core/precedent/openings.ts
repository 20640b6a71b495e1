/**
 * Opening phrases of the corpus (`Also encourages`, `Recalling further`) with their frequencies,
 * for phrase completions: the built-in phrase lists plus every opening the corpus uses.
 */
import { defaultPhrases, OPERATIVE_BASES, PREAMBULAR_BASES } from '../phrases';
import type { PrecedentIndex } from './index';
import { KINDS } from './types';

export interface PhraseCount {
  /** As written in the corpus, capitalised ("Also encourages"). */
  phrase: string;
  count: number;
}

export type OpeningStats = Record<'preambular' | 'operative', Map<string, PhraseCount>>;

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Counts the opening phrases of the corpus paragraphs. */
export function countOpenings(index: PrecedentIndex): OpeningStats {
  const counter = openingCounter(index);
  for (const id of index.ids()) counter.add(id);
  return counter.stats;
}

/**
 * The same, a slice of paragraphs at a time with a yield to the event loop after each (a corpus of
 * thousands of files has hundreds of thousands of paragraphs: counted at once, they would hold up
 * the language server's requests for a second).
 */
export async function countOpeningsSliced(index: PrecedentIndex, sliceMs = 8): Promise<OpeningStats> {
  const counter = openingCounter(index);
  let slice = Date.now();
  for (const id of index.ids()) {
    counter.add(id);
    if (Date.now() - slice >= sliceMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = Date.now();
    }
  }
  return counter.stats;
}

function openingCounter(index: PrecedentIndex): { stats: OpeningStats; add(id: number): void } {
  const stats: OpeningStats = { preambular: new Map(), operative: new Map() };
  for (const p of OPERATIVE_BASES) stats.operative.set(p, { phrase: cap(p), count: 0 });
  for (const p of PREAMBULAR_BASES) stats.preambular.set(p, { phrase: cap(p), count: 0 });
  const book = defaultPhrases();
  const add = (id: number) => {
    const kind = KINDS[index.kindOf(id)];
    if (kind !== 'preambular' && kind !== 'operative') return;
    const text = index.textOf(id);
    const italic = /^\*([^*]{2,80})\*/.exec(text);
    let phrase: string | undefined;
    if (italic) phrase = italic[1].trim().replace(/[,;:]$/, '');
    else {
      const ws = text.split(/\s+/, 10).map((w) => w.replace(/[,;:.]+$/, ''));
      const m = book.match(ws, kind);
      if (m) phrase = ws.slice(0, m.wordCount).join(' ');
    }
    if (!phrase || phrase.split(' ').length > 7) return;
    const key = phrase.toLowerCase();
    const entry = stats[kind].get(key);
    if (entry) entry.count++;
    else stats[kind].set(key, { phrase: cap(phrase), count: 1 });
  };
  return { stats, add };
}

/** "also encourages" for a paragraph after "Encourages", "further encourages" after "Also encourages". */
export function followUp(base: string, modifiers: string[], kind: 'preambular' | 'operative'): string | undefined {
  const adverb = modifiers.includes('also') ? 'further' : modifiers.includes('further') ? 'further' : 'also';
  const others = modifiers.filter((m) => m !== 'also' && m !== 'further');
  if (kind === 'operative') return [adverb, ...others, base].join(' ');
  return [...others, base, adverb].join(' ');
}
