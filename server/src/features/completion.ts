/**
 * Completions from the precedent corpus:
 * - at a paragraph being written (`6. *Calls upon* Member States to make il|`): corpus paragraphs
 *   that continue it — label the opening words, detail `A/RES/75/311, op. 6 · 2021`, documentation
 *   the full text, inserting the rest of the paragraph in the document's italics style;
 * - at the start of a paragraph: opening phrases (operative after a number or in the operative
 *   part, preambular before), most used in the corpus first, `Also …` first after a paragraph
 *   that opened with the same phrase;
 * - after `resolution 70/`: the symbols the corpus knows, completing to `70/1 of 25 September 2015`.
 */
import {
  CancellationToken,
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  CompletionParams,
  InitializeParams,
  InsertTextFormat,
  MarkupKind,
  ServerCapabilities,
  TextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResolutionDocument } from '../core/model';
import { escapeMarkdown } from '../core/precedent/markdown';
import { wordSpans } from '../core/precedent/normalize';
import { italicStyle, restyle, typedOpening } from '../core/precedent/locate';
import { countOpenings, followUp, OpeningStats } from '../core/precedent/openings';
import { PrecedentIndex } from '../core/precedent/index';
import type { Corpus } from '../core/precedent/corpus';
import type { Match } from '../core/precedent/types';
import type { ServerContext } from '../server';
import { corpusState, getCorpus, precedentSearch, sourceLabel, uriPath } from './precedent';

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return { completionProvider: { triggerCharacters: ['/'], resolveProvider: false } };
}

/** Phrase lists without corpus counts, until the corpus has loaded. */
let builtinOpenings: OpeningStats | undefined;

/** `resolution 70/`, `resolutions 69/314 of 30 July 2015 and 70/`, `resolution A/RES/70/` before the cursor. */
const CITATION = /\bresolutions?\s+(?:[^;:.]{0,200}?(?:,\s*|\s+and\s+))?(?:[A-Z]{1,3}\/RES\/)?(\d{1,4}\/\d{0,4})$/;

function openingLabel(text: string, words = 8): string {
  const ws = wordSpans(text);
  if (ws.length === 0) return text.slice(0, 60);
  const n = Math.min(words, ws.length);
  const plain = text.slice(0, ws[n - 1].end).replace(/[*_]/g, '');
  return n < ws.length ? plain + '…' : plain;
}

function kindHere(doc: ResolutionDocument, line: number, numbered: boolean): 'preambular' | 'operative' {
  if (numbered) return 'operative';
  const firstOp = doc.operative[0];
  if (firstOp && firstOp.range.start.line < line) return 'operative';
  if (doc.authority && doc.authority.placement === 'afterPreamble' && doc.authority.range.start.line < line) return 'operative';
  return 'preambular';
}

/** The paragraph before `line` (its opening), for "Also …" suggestions. */
function previousOpening(doc: ResolutionDocument, line: number, kind: 'preambular' | 'operative') {
  const paras = kind === 'operative' ? doc.operative : doc.preamble;
  let prev: (typeof paras)[number] | undefined;
  for (const p of paras) if (p.range.end.line < line) prev = p;
  return prev?.opening;
}

function citationItems(corpus: Corpus, document: TextDocument, params: CompletionParams, typed: string): CompletionItem[] {
  const start = document.offsetAt(params.position) - typed.length;
  const range = { start: document.positionAt(start), end: params.position };
  return corpus.symbolsStartingWith(typed, 100).map((s, i) => ({
    label: s.key,
    kind: CompletionItemKind.Reference,
    detail: s.date ? `of ${s.date}` : undefined,
    documentation: s.title ? { kind: MarkupKind.Markdown, value: `${escapeMarkdown(s.symbol)} — ${escapeMarkdown(s.title)}` } : undefined,
    filterText: s.key,
    sortText: String(i).padStart(4, '0'),
    textEdit: TextEdit.replace(range, s.date ? `${s.key} of ${s.date}` : s.key),
  }));
}

function phraseItems(
  doc: ResolutionDocument,
  document: TextDocument,
  params: CompletionParams,
  typedStart: number,
  kind: 'preambular' | 'operative',
): CompletionItem[] {
  // Before the corpus has loaded, the phrase lists alone.
  const stats = (corpusState.openings ?? (builtinOpenings ??= countOpenings(new PrecedentIndex())))[kind];
  const italic = italicStyle(doc, kind);
  // Inside or at the end of a word (`*Encour|ages*`), the phrase replaces the whole word with its
  // emphasis markers and one space after it, so the italics stay well formed.
  const text = document.getText();
  let end = document.offsetAt(params.position);
  while (end < text.length && /[\p{L}\p{M}'’-]/u.test(text[end])) end++;
  while (end < text.length && (text[end] === '*' || text[end] === '_')) end++;
  if (text[end] === ' ') end++;
  const range = { start: document.positionAt(typedStart), end: document.positionAt(end) };
  const prev = previousOpening(doc, params.position.line, kind);
  const preferred = prev ? followUp(prev.base, prev.modifiers, kind) : undefined;
  const entries = [...stats.values()].sort((a, b) => b.count - a.count || a.phrase.localeCompare(b.phrase));
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const add = (phrase: string, count: number, first: boolean) => {
    const key = phrase.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    const text = phrase.charAt(0).toUpperCase() + phrase.slice(1);
    items.push({
      label: text,
      kind: CompletionItemKind.Keyword,
      detail: `${kind} phrase${count ? ` · ${count} use${count === 1 ? '' : 's'} in the corpus` : ''}`,
      filterText: text,
      sortText: first ? '0000' : String(items.length + 1).padStart(4, '0'),
      preselect: first || undefined,
      textEdit: TextEdit.replace(range, (italic ? `*${text}*` : text) + ' '),
    });
  };
  if (preferred) add(preferred, stats.get(preferred)?.count ?? 0, true);
  for (const e of entries.slice(0, 300)) add(e.phrase, e.count, false);
  return items;
}

async function precedentItems(
  corpus: Corpus,
  doc: ResolutionDocument,
  document: TextDocument,
  params: CompletionParams,
  typed: { start: number; text: string },
  kind: 'preambular' | 'operative',
): Promise<CompletionItem[]> {
  const settings = corpusState.settings;
  const matches = await precedentSearch(corpus, 'prefix', typed.text, {
    top: settings.maxCompletions,
    excludePath: uriPath(document.uri),
    lang: doc.lang,
  });
  const cursor = document.offsetAt(params.position);
  const typedWords = wordSpans(typed.text);
  const last = typedWords[typedWords.length - 1];
  const partial = last && last.end === typed.text.length ? last : undefined;
  const fullCount = typedWords.length - (partial ? 1 : 0);
  const typedItalic = /^[*_]/.test(typed.text);
  const sameLine = document.positionAt(typed.start).line === params.position.line;
  const items: CompletionItem[] = [];
  matches.forEach((m: Match, i) => {
    const mKind = m.source.kind === 'preambular' || m.source.kind === 'operative' ? m.source.kind : kind;
    // Italics as the writer started them; else the document's convention.
    const italic = typedWords.length ? typedItalic : italicStyle(doc, mKind);
    const styled = restyle(m.text, mKind, italic);
    const ws = wordSpans(styled);
    let edit: TextEdit;
    let filterText: string;
    if (m.score === 1 && ws.length > fullCount) {
      // The typed words are the precedent's: insert the rest (from the half-typed word on).
      const from = partial ? ws[fullCount].start : ws[fullCount - 1].end;
      const start = partial ? cursor - (typed.text.length - partial.start) : cursor;
      const rest = styled.slice(from);
      const insert = partial ? rest : rest.replace(/^(\s*)/, (s) => (typed.text.endsWith(' ') ? '' : s || ' '));
      if (sameLine) {
        // Every item replaces the same stretch (what was typed on this line) and filters on it, so
        // the editor keeps the server's order: best precedent first. The typed words are the
        // precedent's, so the whole styled precedent goes in: its italics are well formed whatever
        // markers the writer had typed so far (`*Encourages*`, `*Encourages* `, `*Encourages Mem`).
        edit = TextEdit.replace({ start: document.positionAt(typed.start), end: params.position }, styled);
        filterText = typed.text;
      } else {
        edit = TextEdit.replace({ start: document.positionAt(start), end: params.position }, insert);
        filterText = partial ? styled.slice(ws[fullCount].start, ws[fullCount].end) : '';
      }
    } else {
      // A near continuation: replace what was typed with the precedent (editors take one-line
      // edits only; a long typed text is the writer's own, not a typo).
      if (!sameLine || typedWords.length > 25) return;
      edit = TextEdit.replace({ start: document.positionAt(typed.start), end: params.position }, styled);
      filterText = typed.text;
    }
    items.push({
      label: openingLabel(m.text),
      kind: CompletionItemKind.Text,
      detail: sourceLabel(m),
      documentation: {
        kind: MarkupKind.Markdown,
        value: `${escapeMarkdown(m.text)}\n\n*${escapeMarkdown(sourceLabel(m, true))}${m.source.title ? ` — ${escapeMarkdown(m.source.title)}` : ''}*`,
      },
      filterText: filterText || undefined,
      sortText: 'p' + String(i).padStart(3, '0'),
      insertTextFormat: InsertTextFormat.PlainText,
      textEdit: edit,
    });
  });
  return items;
}

export function register(ctx: ServerContext): void {
  ctx.connection.onCompletion(async (params: CompletionParams, token: CancellationToken): Promise<CompletionList | null> => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return null;
    const corpus = await getCorpus(500);
    if (token.isCancellationRequested) return null;
    const text = document.getText();
    const offset = document.offsetAt(params.position);
    const lineText = text.slice(document.offsetAt({ line: params.position.line, character: 0 }), offset);

    const cite = CITATION.exec(lineText);
    if (cite) return corpus ? { isIncomplete: true, items: citationItems(corpus, document, params, cite[1]) } : null;

    const typed = typedOpening(text, offset);
    if (!typed) return null;
    const doc = ctx.parsed(document);
    if (token.isCancellationRequested) return null;
    const kind = kindHere(doc, params.position.line, typed.numbered);
    const words = wordSpans(typed.text);
    const fullWords = words.filter((w) => w.end < typed.text.length).length;
    const items: CompletionItem[] = [];
    // Precedents complete a paragraph being written: the cursor ends its line.
    const lineEnd = text.indexOf('\n', offset);
    const atLineEnd = /^\s*$/.test(text.slice(offset, lineEnd === -1 ? text.length : lineEnd));
    if (corpus && fullWords >= 1 && atLineEnd) items.push(...(await precedentItems(corpus, doc, document, params, typed, kind)));
    if (token.isCancellationRequested) return null;
    // Opening phrases while the first word is being typed (or nothing yet).
    if (words.length <= 1 && !/\s$/.test(typed.text) && !/^[^\s*_A-Za-z]/.test(typed.text)) {
      items.push(...phraseItems(doc, document, params, typed.start, kind));
    }
    return { isIncomplete: true, items };
  });
}
