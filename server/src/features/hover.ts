/**
 * Hovers from the precedent corpus:
 * - on a paragraph: its closest precedents (up to 3) with similarity, source and date, the share
 *   of its words that is agreed language, and a word-level diff against the best precedent
 *   (~~deleted~~ words of the precedent, **inserted** words of the paragraph);
 * - on a resolution symbol or citation: the title and adoption date the corpus knows;
 * - on a footnote marker: the footnote's text.
 * All corpus text is escaped: nothing from the corpus becomes a link, command or HTML.
 */
import { CancellationToken, Hover, HoverParams, InitializeParams, MarkupKind, ServerCapabilities } from 'vscode-languageserver/node';
import type { ResolutionDocument } from '../core/model';
import { compare, DiffPart } from '../core/precedent/diff';
import { paragraphAt } from '../core/precedent/locate';
import { escapeMarkdown } from '../core/precedent/markdown';
import type { Corpus } from '../core/precedent/corpus';
import type { ServerContext } from '../server';
import { LANGUAGE_INFO, type Lang } from '../core/languages';
import { corpusState, getCorpus, loadingNote, PARALLEL_MIN_SCORE, precedentSearch, sourceLabel, uriPath } from './precedent';

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { hoverProvider: true };
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

const inside = (offset: number, s: { start: number; end: number }) => offset >= s.start && offset < s.end;

function footnoteHover(doc: ResolutionDocument, offset: number): Hover | undefined {
  const marker = doc.footnoteMarkers.find((m) => inside(offset, m));
  if (!marker) return undefined;
  const def = doc.footnoteDefinitions.find((d) => d.label === marker.label);
  const value = def
    ? `**Footnote ${escapeMarkdown(marker.label)}**: ${escapeMarkdown(def.text.trim())}`
    : `**Footnote ${escapeMarkdown(marker.label)}**: no definition in this document`;
  return { contents: { kind: MarkupKind.Markdown, value }, range: marker.range };
}

function symbolHover(corpus: Corpus, doc: ResolutionDocument, offset: number): Hover | undefined {
  const citation = doc.citations.find((c) => inside(offset, { start: c.start, end: c.date ? Math.max(c.end, c.date.end) : c.end }));
  const own = doc.symbol && inside(offset, doc.symbol) ? doc.symbol : undefined;
  if (!citation && !own) return undefined;
  const symbol = citation ? citation.symbol : own!.text.trim();
  const info = corpus.symbolInfo(citation ? citation.key : symbol);
  const lines: string[] = [];
  if (info) {
    lines.push(
      `**${escapeMarkdown(info.symbol.includes('/RES/') ? info.symbol : `resolution ${info.symbol}`)}**${info.title ? ` — ${escapeMarkdown(info.title)}` : ''}`,
    );
    if (info.date) lines.push(`Adopted ${escapeMarkdown(info.date)}`);
    const cited = citation?.date?.text.replace(/\s+/g, ' ').trim();
    if (cited && info.date && cited !== info.date)
      lines.push(`Cited here with ${escapeMarkdown(cited)}; the corpus has ${escapeMarkdown(info.date)}.`);
  } else {
    lines.push(`**${escapeMarkdown(symbol)}**: not in the precedent corpus`);
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: citation ? citation.range : own!.range };
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

async function paragraphHover(
  corpus: Corpus,
  doc: ResolutionDocument,
  offset: number,
  uri: string,
  lang: Lang,
): Promise<Hover | undefined> {
  const para = paragraphAt(doc, offset);
  if (!para) return undefined;
  const note = loadingNote();
  // The embedded corpus and, when one is set, the corpus database.
  const matches = await precedentSearch(corpus, 'search', para.text, {
    top: 3,
    minScore: corpusState.settings.minScore,
    excludePath: uriPath(uri),
    lang,
  });
  if (matches.length === 0) {
    const value = '**Precedents**: none in the corpus — new language.' + (note ? `\n\n${note}` : '');
    return { contents: { kind: MarkupKind.Markdown, value }, range: para.range };
  }
  const cmp = compare(para.text, matches[0].text);
  const lines = [`**Precedents** — ${Math.round(cmp.coverage * 100)}% of the words are agreed language`, ''];
  matches.forEach((m, i) => {
    const title = m.source.title ? ` — ${escapeMarkdown(m.source.title)}` : '';
    // A Markdown list, so that each precedent stands on its own line.
    lines.push(`${i + 1}. ${Math.round(m.score * 100)}% · ${escapeMarkdown(sourceLabel(m, true))}${title}`);
  });
  lines.push('', `**Changes against ${escapeMarkdown(sourceLabel(matches[0]))}** (~~removed~~, **added**):`, '', renderDiff(cmp.diff));
  // Parallel texts come from the embedded corpus, which holds the other languages' files.
  const local = corpus.search(para.text, { top: 1, minScore: PARALLEL_MIN_SCORE, excludePath: uriPath(uri), lang })[0];
  if (local) lines.push(...parallelLines(corpus, local));
  if (note) lines.push('', note);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: para.range };
}

export function register(ctx: ServerContext): void {
  ctx.connection.onHover(async (params: HoverParams, token: CancellationToken): Promise<Hover | null> => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    const doc = ctx.parsed(document);
    const offset = document.offsetAt(params.position);
    const foot = footnoteHover(doc, offset);
    if (foot) return foot;
    const corpus = await getCorpus(1500);
    if (!corpus || token.isCancellationRequested) return null;
    return symbolHover(corpus, doc, offset) ?? (await paragraphHover(corpus, doc, offset, document.uri, doc.lang)) ?? null;
  });
}
