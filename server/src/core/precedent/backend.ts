/**
 * Precedent search behind one interface, whatever holds the corpus: the embedded index (in the
 * process) or a shared database. `combineBackends` asks every backend and merges their answers;
 * a backend that fails (a database that cannot be reached) is reported once through `onError`,
 * left out for a while, and the others answer alone.
 */
import type { Lang } from '../languages';
import type { Corpus } from './corpus';
import type { Match, SearchOptions } from './types';

export interface BackendSearchOptions extends SearchOptions {
  /** The query's language: a database holding several languages searches this one only. */
  language?: Lang;
}

export interface PrecedentBackend {
  /** Shown in messages: "embedded corpus", "corpus database postgres://…". */
  readonly name: string;
  /** Closest paragraphs to a whole paragraph (top, minScore, kinds, excludePath). */
  search(text: string, options?: BackendSearchOptions): Promise<Match[]>;
  /** Paragraphs whose opening continues the typed words (completion). */
  prefix(typed: string, options?: BackendSearchOptions): Promise<Match[]>;
  /** A whole paragraph or its first words: search, and for short texts prefix, merged. */
  lookup(text: string, options?: BackendSearchOptions): Promise<Match[]>;
  close?(): Promise<void>;
}

/** The embedded corpus as a backend. */
export function embeddedBackend(corpus: Corpus): PrecedentBackend {
  return {
    name: 'embedded corpus',
    search: async (text, options) => corpus.search(text, options),
    prefix: async (typed, options) => corpus.prefix(typed, options),
    lookup: async (text, options) => corpus.lookup(text, options),
  };
}

/** The same paragraph of the same document, whichever backend found it. */
function matchKey(m: Match): string {
  return `${m.source.symbol}\u0000${m.source.paragraph}\u0000${m.text}`;
}

/** Best first, one entry per paragraph (the higher score kept), at most `top`. */
export function mergeMatches(lists: Match[][], top: number): Match[] {
  const found = new Map<string, Match>();
  for (const list of lists) {
    for (const m of list) {
      const key = matchKey(m);
      const had = found.get(key);
      if (!had || had.score < m.score) found.set(key, m);
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score).slice(0, top);
}

export interface CombineOptions {
  /** Called when a backend fails after having answered (or at its first failure), once per outage. */
  onError?: (backend: PrecedentBackend, error: Error) => void;
  /** Called when a backend that failed answers again. */
  onRecovered?: (backend: PrecedentBackend) => void;
  /** How long a failed backend is left out before it is tried again (default 60 s). */
  retryMs?: number;
}

/** Several backends as one: every query goes to each, answers are merged best first. */
export function combineBackends(
  backends: PrecedentBackend[],
  options: CombineOptions = {},
): PrecedentBackend & { failing(): PrecedentBackend[]; close(): Promise<void> } {
  const retryMs = options.retryMs ?? 60_000;
  const downUntil = new Map<PrecedentBackend, number>();
  const ask = async (op: 'search' | 'prefix' | 'lookup', text: string, opts: BackendSearchOptions = {}): Promise<Match[]> => {
    const now = Date.now();
    const answers = await Promise.all(
      backends.map(async (b) => {
        const until = downUntil.get(b);
        if (until !== undefined && until > now) return [];
        try {
          const r = await b[op](text, opts);
          if (until !== undefined) {
            downUntil.delete(b);
            options.onRecovered?.(b);
          }
          return r;
        } catch (e) {
          const err = e instanceof Error ? e : new Error(String(e));
          if (until === undefined) options.onError?.(b, err);
          downUntil.set(b, Date.now() + retryMs);
          return [];
        }
      }),
    );
    return mergeMatches(answers, opts.top ?? 5);
  };
  return {
    name: backends.map((b) => b.name).join(' + '),
    search: (text, opts) => ask('search', text, opts),
    prefix: (text, opts) => ask('prefix', text, opts),
    lookup: (text, opts) => ask('lookup', text, opts),
    close: async () => {
      await Promise.all(backends.map((b) => b.close?.()));
    },
    failing: () => [...downUntil.keys()],
  };
}
