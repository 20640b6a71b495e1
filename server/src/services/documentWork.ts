/**
 * The work done on a document's text — parse, check, fix-all — as plain functions of their input,
 * so that the same code runs in the server's thread (small documents) and in a worker thread
 * (large ones, see documentWorker.ts). Nothing here knows about LSP or threads.
 */
import { checkDocument } from '../core/check';
import { parseOptionsOf, type ResolvedConfig } from '../core/config';
import type { CorpusFacts, Finding } from '../core/findings';
import { fixAll, minimalEdit } from '../core/fix';
import type { Edit } from '../core/findings';
import type { MessageLocale } from '../core/messages';
import type { ResolutionDocument } from '../core/model';
import { parse, type ParseOptions } from '../core/parser';

/**
 * The one parse call of the server: every parse of an open document or a workspace file goes
 * through here (in the server's thread and in the workers). `previous` is the last model of the
 * same document, for a parser that re-uses unchanged paragraphs.
 */
export function parseText(text: string, options: ParseOptions, _previous?: ResolutionDocument): ResolutionDocument {
  return parse(text, options);
}

/** What a check or a fix-all needs besides the corpus: all of it can be copied to a worker. */
export interface DocumentWorkInput {
  text: string;
  config: ResolvedConfig;
  locale: MessageLocale;
}

/** A check's answer. `problems` are the failures met on the way (a check that threw, a parser bug), for the log. */
export interface CheckOutput {
  findings: Finding[];
  problems: string[];
}

export interface FixAllOutput {
  /** The one minimal edit applying every fix, or undefined when nothing is to change. */
  edit?: Edit;
  applied: Record<string, number>;
  problems: string[];
}

function checkModel(doc: ResolutionDocument, input: DocumentWorkInput, corpus: CorpusFacts | undefined, problems: string[]): Finding[] {
  if (doc.error) problems.push(doc.error);
  return checkDocument(doc, {
    config: input.config,
    corpus,
    locale: input.locale,
    onError: (rule, err) => problems.push(`check ${rule} failed: ${(err as Error)?.stack ?? String(err)}`),
  });
}

/** Parses and checks a text (or checks the model already parsed from it). */
export function checkWork(input: DocumentWorkInput, corpus: CorpusFacts | undefined, parsed?: ResolutionDocument): CheckOutput {
  const problems: string[] = [];
  const doc = parsed ?? parseText(input.text, parseOptionsOf(input.config));
  return { findings: checkModel(doc, input, corpus, problems), problems };
}

/** Fix-all as configured: every fix it may apply, re-checking until none is left, as one edit. */
export function fixAllWork(input: DocumentWorkInput, corpus: CorpusFacts | undefined): FixAllOutput {
  const problems: string[] = [];
  const options = parseOptionsOf(input.config);
  const result = fixAll(input.text, (text) => checkModel(parseText(text, options), input, corpus, problems), input.config.fixAll);
  return { edit: minimalEdit(input.text, result.text), applied: result.applied, problems: [...new Set(problems)] };
}
