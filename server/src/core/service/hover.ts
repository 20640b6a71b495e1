/**
 * Hovers, as Markdown over a model range (no LSP):
 * - on a paragraph: its closest precedents (up to 3) with similarity, source and date, the share
 *   of its words that is agreed language, and a word-level diff against the best precedent
 *   (~~deleted~~ words of the precedent, **inserted** words of the paragraph);
 * - on a resolution symbol or citation: the title and adoption date the corpus knows;
 * - on a footnote marker: the footnote's text (no corpus needed).
 * All corpus text is escaped: nothing from the corpus becomes a link, command or HTML.
 */
import { LANGUAGE_INFO, type Lang } from '../languages';
import type { Range, ResolutionDocument } from '../model';
import type { Corpus } from '../precedent/corpus';
import type { DiffPart } from '../precedent/diff';
import { escapeMarkdown } from '../precedent/markdown';
import { sourceLabel } from '../precedent/label';
import type { LocatedParagraph } from '../precedent/locate';
import { loadingNote, PARALLEL_MIN_SCORE, precedentsOf, type PrecedentAccess } from './precedent';
import { footnoteSite, siteAt, type PositionSite, type SymbolSite } from './site';

export interface HoverContent {
  markdown: string;
  range: Range;
}

/** Markdown of a word diff: deleted words struck through, inserted words bold. */
export function renderDiff(diff: DiffPart[]): string {
  return diff
    .map((d) => {
      const t = escapeMarkdown(d.text);
      return d.kind === 'insert' ? `**${t}**` : d.kind === 'delete' ? `~~${t}~~` : t;
    })
    .join(' ');
}

/** On a footnote marker: the footnote's text. */
export function footnoteHover(doc: ResolutionDocument, offset: number): HoverContent | undefined {
  return footnoteSite(doc, offset);
}

/** What the corpus knows of a cited resolution or of the draft's own symbol. */
export function symbolSiteHover(corpus: Corpus, site: SymbolSite): HoverContent {
  const info = corpus.symbolInfo(site.key ?? site.symbol);
  const lines: string[] = [];
  if (info) {
    lines.push(
      `**${escapeMarkdown(info.symbol.includes('/RES/') ? info.symbol : `resolution ${info.symbol}`)}**${info.title ? ` — ${escapeMarkdown(info.title)}` : ''}`,
    );
    if (info.date) lines.push(`Adopted ${escapeMarkdown(info.date)}`);
    const cited = site.citedDate;
    if (cited && info.date && cited !== info.date)
      lines.push(`Cited here with ${escapeMarkdown(cited)}; the corpus has ${escapeMarkdown(info.date)}.`);
  } else {
    lines.push(`**${escapeMarkdown(site.symbol)}**: not in the precedent corpus`);
  }
  return { markdown: lines.join('\n\n'), range: site.range };
}

/** The best precedent's paragraph in the corpus's other languages (parallel texts), as Markdown lines. */
function parallelLines(corpus: Corpus, best: { id: number; score: number }): string[] {
  if (best.score < PARALLEL_MIN_SCORE) return [];
  const parallels = corpus.parallel(best.id);
  if (parallels.length === 0) return [];
  const lines = ['', `**In the other languages** (${escapeMarkdown(parallels[0].source.symbol)}):`, ''];
  for (const p of parallels) lines.push(`- *${escapeMarkdown(LANGUAGE_INFO[p.lang as Lang].endonym)}* — ${escapeMarkdown(p.text)}`);
  return lines;
}

/** The precedents of a paragraph (in the draft's language), the agreed share of its words and the diff against the best. */
export async function paragraphSiteHover(
  access: PrecedentAccess,
  paragraph: LocatedParagraph,
  lang: Lang,
  draftPath: string | undefined,
): Promise<HoverContent | undefined> {
  const note = loadingNote(access.loading);
  // The embedded corpus and, when one is set, the corpus database.
  const found = await precedentsOf(access, paragraph, lang, 3, draftPath);
  if (!found) return undefined;
  const { paragraph: para, matches, comparison: cmp } = found;
  if (!cmp) {
    return { markdown: '**Precedents**: none in the corpus — new language.' + (note ? `\n\n${note}` : ''), range: para.range };
  }
  const lines = [`**Precedents** — ${Math.round(cmp.coverage * 100)}% of the words are agreed language`, ''];
  matches.forEach((m, i) => {
    const title = m.source.title ? ` — ${escapeMarkdown(m.source.title)}` : '';
    // A Markdown list, so that each precedent stands on its own line.
    lines.push(`${i + 1}. ${Math.round(m.score * 100)}% · ${escapeMarkdown(sourceLabel(m.source, true))}${title}`);
  });
  lines.push(
    '',
    `**Changes against ${escapeMarkdown(sourceLabel(matches[0].source))}** (~~removed~~, **added**):`,
    '',
    renderDiff(cmp.diff),
  );
  // Parallel texts come from the embedded corpus, which holds the other languages' files.
  const local = access.corpus.search(para.text, { top: 1, minScore: PARALLEL_MIN_SCORE, excludePath: draftPath, lang })[0];
  if (local) lines.push(...parallelLines(access.corpus, local));
  if (note) lines.push('', note);
  return { markdown: lines.join('\n'), range: para.range };
}

/** The hover at `offset` once the corpus is there: a symbol or citation, else the paragraph. */
export async function corpusHover(
  access: PrecedentAccess,
  doc: ResolutionDocument,
  offset: number,
  draftPath: string | undefined,
): Promise<HoverContent | undefined> {
  return siteHover(access, siteAt(doc, offset), draftPath);
}

/** The hover at a position once the corpus is there: a symbol or citation, else the paragraph (the footnote needs no corpus: `site.footnote`). */
export async function siteHover(
  access: PrecedentAccess,
  site: PositionSite,
  draftPath: string | undefined,
): Promise<HoverContent | undefined> {
  if (site.symbol) return symbolSiteHover(access.corpus, site.symbol);
  return site.paragraph && (await paragraphSiteHover(access, site.paragraph, site.lang, draftPath));
}
