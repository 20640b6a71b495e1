/**
 * Corpus records from a resolution in the project's text format, through the document parser:
 * preambular paragraphs, operative paragraphs (their lead-in when they have sub-paragraphs) and
 * sub-paragraphs, each with its 1-based first line; the symbol, title and date from the front matter.
 */
import * as path from 'path';
import { parse } from '../parser';
import type { ResolutionDocument, SubParagraph } from '../model';
import type { ParagraphRecord, SourceDocument } from './types';
import { findDate } from './dates';
import { wordSpans } from './normalize';
import { toLang, type Lang } from '../languages';

const FRONT_LANG = /^\s*(?:lang|language)\s*:\s*["']?([A-Za-z][A-Za-z_-]{1,20})["']?\s*$/im;

/**
 * The language of a text-format resolution or draft: its front matter `lang: fr` (or `language:`)
 * in the first lines; otherwise English.
 */
export function textLanguage(text: string): Lang {
  const head = text.slice(0, 2000);
  const m = FRONT_LANG.exec(head);
  return toLang(m?.[1]) ?? 'en';
}

/** Paragraph text as stored in the corpus: links reduced to their text, footnote markers removed. */
export function cleanParagraphText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1')
    .replace(/<sup>[^<]*<\/sup>/gi, '')
    .replace(/\[\^[^\]\s]*\]/g, '')
    .replace(/([^\s\d⁰¹²³⁴⁵⁶⁷⁸⁹])[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface TextImport {
  source: SourceDocument;
  /** The document's language (front matter `lang:`, else English). */
  lang: Lang;
  records: ParagraphRecord[];
  /** Citations found in the document: citation key → date as written. */
  citations: Array<{ key: string; symbol: string; date: string }>;
}

/** Title without its "75/311. " number prefix. */
function cleanTitle(title: string | undefined): string | undefined {
  if (!title) return undefined;
  return (
    title
      .replace(/^\s*#*\s*\d+\/\d+\.\s*/, '')
      .replace(/[*_#]/g, '')
      .trim() || undefined
  );
}

export function recordsFromDocument(doc: ResolutionDocument, filePath: string, lang: Lang = 'en'): TextImport {
  const source: SourceDocument = {
    path: filePath,
    symbol: doc.symbol?.text.trim() || path.basename(filePath).replace(/\.(res\.md|resolution\.md|resolution|md|txt)$/i, ''),
  };
  const title = cleanTitle(doc.title?.text);
  if (title) source.title = title;
  const date = doc.date ? (findDate(doc.date.text) ?? doc.date.text.trim()) : undefined;
  if (date) source.date = date;
  const records: ParagraphRecord[] = [];
  const push = (text: string, kind: ParagraphRecord['kind'], paragraph: string, line0: number) => {
    const t = cleanParagraphText(text);
    if (wordSpans(t).length === 0) return;
    records.push({ text: t, kind, paragraph, line: line0 + 1, source, lang });
  };
  doc.preamble.forEach((p, i) => push(p.text, 'preambular', String(i + 1), p.range.start.line));
  for (const op of doc.operative) {
    const number = op.number ? String(op.number.value) + (op.number.suffix ? ' ' + op.number.suffix : '') : '';
    push(op.subparagraphs.length ? op.leadIn.text : op.text, 'operative', number, op.range.start.line);
    const walk = (subs: SubParagraph[], prefix: string) => {
      for (const s of subs) {
        const label = `${prefix} ${s.label.text.trim()}`.trim();
        push(s.text, 'subparagraph', label, s.range.start.line);
        walk(s.children, label);
      }
    };
    walk(op.subparagraphs, number);
  }
  if (doc.kind === 'other') {
    // Not a resolution: its prose paragraphs can still be precedents.
    for (const b of doc.blocks) {
      if (b.kind === 'other' && wordSpans(b.text).length >= 8) push(b.text, 'other', '', b.range.start.line);
    }
  }
  const citations = doc.citations
    .filter((c) => c.date)
    .map((c) => ({ key: c.key, symbol: c.symbol, date: findDate(c.date!.text) ?? c.date!.text }));
  return { source, lang, records, citations };
}

/** Reads a text-format resolution. */
export function readTextResolution(text: string, filePath: string): TextImport {
  return recordsFromDocument(parse(text), filePath, textLanguage(text));
}
