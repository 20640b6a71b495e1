/**
 * Completions from the precedent corpus, as plain items with offset edits (no LSP):
 * - at a paragraph being written (`6. *Calls upon* Member States to make il|`): corpus paragraphs
 *   that continue it — label the opening words, detail `A/RES/75/311, op. 6 · 2021`, documentation
 *   the full text, inserting the rest of the paragraph in the document's italics style;
 * - at the start of a paragraph: opening phrases (operative after a number or in the operative
 *   part, preambular before), most used in the corpus first, `Also …` first after a paragraph
 *   that opened with the same phrase;
 * - after `resolution 70/`: the symbols the corpus knows, completing to `70/1 of 25 September 2015`.
 */
import type { ResolutionDocument } from '../model';
import type { Lang } from '../languages';
import { restyle, typedOpening } from '../precedent/locate';
import { escapeMarkdown } from '../precedent/markdown';
import { wordSpans } from '../precedent/normalize';
import { countOpenings, followUp, type OpeningStats } from '../precedent/openings';
import { PrecedentIndex } from '../precedent/index';
import { sourceLabel } from '../precedent/label';
import type { PrecedentAccess } from './precedent';
import { siteAt, type CompletionSite } from './site';

export interface CompletionEntry {
  label: string;
  /** A resolution symbol, an opening phrase or a precedent paragraph. */
  kind: 'symbol' | 'phrase' | 'precedent';
  detail?: string;
  /** Markdown (escaped). */
  documentation?: string;
  filterText?: string;
  sortText: string;
  preselect?: boolean;
  /** The edit: [start, end) of the draft replaced by newText. */
  edit: { start: number; end: number; newText: string };
}

export interface Completions {
  /** Always true: the list changes as the writer types. */
  isIncomplete: true;
  items: CompletionEntry[];
}

/** `resolution 70/`, `resolutions 69/314 of 30 July 2015 and 70/`, `resolution A/RES/70/` before the cursor. */
const CITATION = /\bresolutions?\s+(?:[^;:.]{0,200}?(?:,\s*|\s+and\s+))?(?:[A-Z]{1,3}\/RES\/)?(\d{1,4}\/\d{0,4})$/;

/** Phrase lists without corpus counts, until the corpus has loaded. */
let builtinOpenings: OpeningStats | undefined;

function openingLabel(text: string, words = 8): string {
  const ws = wordSpans(text);
  if (ws.length === 0) return text.slice(0, 60);
  const n = Math.min(words, ws.length);
  const plain = text.slice(0, ws[n - 1].end).replace(/[*_]/g, '');
  return n < ws.length ? plain + '…' : plain;
}

function citationItems(access: PrecedentAccess, offset: number, typed: string): CompletionEntry[] {
  const start = offset - typed.length;
  return access.corpus.symbolsStartingWith(typed, 100).map((s, i) => ({
    label: s.key,
    kind: 'symbol',
    detail: s.date ? `of ${s.date}` : undefined,
    documentation: s.title ? `${escapeMarkdown(s.symbol)} — ${escapeMarkdown(s.title)}` : undefined,
    filterText: s.key,
    sortText: String(i).padStart(4, '0'),
    edit: { start, end: offset, newText: s.date ? `${s.key} of ${s.date}` : s.key },
  }));
}

function phraseItems(
  text: string,
  site: CompletionSite,
  openings: OpeningStats | undefined,
  offset: number,
  typedStart: number,
  kind: 'preambular' | 'operative',
): CompletionEntry[] {
  // Before the corpus has loaded, the phrase lists alone.
  const stats = (openings ?? (builtinOpenings ??= countOpenings(new PrecedentIndex())))[kind];
  const italic = site.italic[kind];
  // Inside or at the end of a word (`*Encour|ages*`), the phrase replaces the whole word with its
  // emphasis markers and one space after it, so the italics stay well formed.
  let end = offset;
  while (end < text.length && /[\p{L}\p{M}'’-]/u.test(text[end])) end++;
  while (end < text.length && (text[end] === '*' || text[end] === '_')) end++;
  if (text[end] === ' ') end++;
  const prev = site.previous[kind];
  const preferred = prev ? followUp(prev.base, prev.modifiers, kind) : undefined;
  const entries = [...stats.values()].sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
  const items: CompletionEntry[] = [];
  const seen = new Set<string>();
  const add = (phrase: string, count: number, first: boolean) => {
    const key = phrase.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const label = phrase.charAt(0).toUpperCase() + phrase.slice(1);
    items.push({
      label,
      kind: 'phrase',
      detail: `${kind} phrase${count ? ` · ${count} use${count === 1 ? '' : 's'} in the corpus` : ''}`,
      filterText: label,
      sortText: first ? '0000' : String(items.length + 1).padStart(4, '0'),
      preselect: first || undefined,
      edit: { start: typedStart, end, newText: (italic ? `*${label}*` : label) + ' ' },
    });
  };
  if (preferred) add(preferred, stats.get(preferred)?.count ?? 0, true);
  for (const e of entries.slice(0, 300)) add(e.phrase, e.count, false);
  return items;
}

async function precedentItems(
  access: PrecedentAccess,
  text: string,
  site: CompletionSite,
  lang: Lang,
  offset: number,
  draftPath: string | undefined,
  typed: { start: number; text: string },
  kind: 'preambular' | 'operative',
): Promise<CompletionEntry[]> {
  const matches = await access.search('prefix', typed.text, {
    top: access.settings.maxCompletions,
    excludePath: draftPath,
    lang,
  });
  const typedWords = wordSpans(typed.text);
  const last = typedWords[typedWords.length - 1];
  const partial = last && last.end === typed.text.length ? last : undefined;
  const fullCount = typedWords.length - (partial ? 1 : 0);
  const typedItalic = /^[*_]/.test(typed.text);
  const sameLine = !text.slice(typed.start, offset).includes('\n');
  const items: CompletionEntry[] = [];
  matches.forEach((m, i) => {
    const mKind = m.source.kind === 'preambular' || m.source.kind === 'operative' ? m.source.kind : kind;
    // Italics as the writer started them; else the document's convention.
    const italic = typedWords.length ? typedItalic : site.italic[mKind];
    const styled = restyle(m.text, mKind, italic);
    const ws = wordSpans(styled);
    let edit: CompletionEntry['edit'];
    let filterText: string;
    if (m.score === 1 && ws.length > fullCount) {
      // The typed words are the precedent's: insert the rest (from the half-typed word on).
      const from = partial ? ws[fullCount].start : ws[fullCount - 1].end;
      const start = partial ? offset - (typed.text.length - partial.start) : offset;
      const rest = styled.slice(from);
      const insert = partial ? rest : rest.replace(/^(\s*)/, (s) => (typed.text.endsWith(' ') ? '' : s || ' '));
      if (sameLine) {
        // Every item replaces the same stretch (what was typed on this line) and filters on it, so
        // the editor keeps the server's order: best precedent first. The typed words are the
        // precedent's, so the whole styled precedent goes in: its italics are well formed whatever
        // markers the writer had typed so far (`*Encourages*`, `*Encourages* `, `*Encourages Mem`).
        edit = { start: typed.start, end: offset, newText: styled };
        filterText = typed.text;
      } else {
        edit = { start, end: offset, newText: insert };
        filterText = partial ? styled.slice(ws[fullCount].start, ws[fullCount].end) : '';
      }
    } else {
      // A near continuation: replace what was typed with the precedent (editors take one-line
      // edits only; a long typed text is the writer's own, not a typo).
      if (!sameLine || typedWords.length > 25) return;
      edit = { start: typed.start, end: offset, newText: styled };
      filterText = typed.text;
    }
    items.push({
      label: openingLabel(m.text),
      kind: 'precedent',
      detail: sourceLabel(m.source),
      documentation: `${escapeMarkdown(m.text)}\n\n*${escapeMarkdown(sourceLabel(m.source, true))}${m.source.title ? ` — ${escapeMarkdown(m.source.title)}` : ''}*`,
      filterText: filterText || undefined,
      sortText: 'p' + String(i).padStart(3, '0'),
      edit,
    });
  });
  return items;
}

/**
 * The completions at `offset` of a draft (`access`: the corpus, when it has loaded; `draftPath`:
 * the draft's own file, never its precedent). Null when nothing is completed here or when
 * `cancelled` says the answer is no longer wanted.
 */
export async function completionsAt(
  doc: ResolutionDocument,
  offset: number,
  access: PrecedentAccess | undefined,
  draftPath: string | undefined,
  cancelled: () => boolean = () => false,
): Promise<Completions | null> {
  return completionsWith(doc.source, offset, siteAt(doc, offset).completion, doc.lang, access, draftPath, cancelled);
}

/**
 * The completions at `offset` of a draft's `text`, from what the document says there (`site`, see
 * site.ts) and the draft's language.
 */
export async function completionsWith(
  text: string,
  offset: number,
  site: CompletionSite,
  lang: Lang,
  access: PrecedentAccess | undefined,
  draftPath: string | undefined,
  cancelled: () => boolean = () => false,
): Promise<Completions | null> {
  const lineText = text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);

  const cite = CITATION.exec(lineText);
  if (cite) return access ? { isIncomplete: true, items: citationItems(access, offset, cite[1]) } : null;

  const typed = typedOpening(text, offset);
  if (!typed) return null;
  const kind = typed.numbered ? 'operative' : site.kind;
  const words = wordSpans(typed.text);
  const fullWords = words.filter((w) => w.end < typed.text.length).length;
  const items: CompletionEntry[] = [];
  // Precedents complete a paragraph being written: the cursor ends its line.
  const lineEnd = text.indexOf('\n', offset);
  const atLineEnd = /^\s*$/.test(text.slice(offset, lineEnd === -1 ? text.length : lineEnd));
  if (access && fullWords >= 1 && atLineEnd)
    items.push(...(await precedentItems(access, text, site, lang, offset, draftPath, typed, kind)));
  if (cancelled()) return null;
  // Opening phrases while the first word is being typed (or nothing yet).
  if (words.length <= 1 && !/\s$/.test(typed.text) && !/^[^\s*_A-Za-z]/.test(typed.text)) {
    items.push(...phraseItems(text, site, access?.openings, offset, typed.start, kind));
  }
  return { isIncomplete: true, items };
}
