/** What every check is made of: its metadata beside its logic. Plain TypeScript, no LSP. */
import type { Paragraph, Range, ResolutionDocument } from '../model';
import type { CorpusFacts, Fix, FixClass, Severity } from '../findings';
import type { LineIndex } from '../text';
import type { ResolvedConfig } from '../config';
import type { PhraseKnowledge } from './phrase-knowledge';
import type { Lang } from '../languages';
import type { MessageEntry, MessageId } from '../messages';
import type { Negotiation } from '../negotiation';
import { packageFileUrl } from '../packageRoot';

/** The public address of the rule pages, for documents read outside an installed package. */
export const DOCS_BASE_URL = 'https://github.com/resolution-drafting/resolution-drafting/blob/main/docs/rules/';

/**
 * The languages whose phrase data and conventions the phrase checks know well enough to run
 * (English, French, Spanish). In Russian, Arabic and Chinese only the structural checks run
 * (numbering, sub-paragraphs, punctuation, footnotes, authority line): see docs/languages.md.
 */
export const PHRASE_LANGUAGES: readonly Lang[] = ['en', 'fr', 'es'];

/**
 * The rule's documentation page: the page shipped with the package (docs/rules/<id>.md, opened
 * inside the editor) when it is there, else the public address.
 */
export function docsUrl(id: string): string {
  return packageFileUrl('docs', 'rules', `${id}.md`) ?? `${DOCS_BASE_URL}${id}.md`;
}

export interface RuleMeta {
  /** Stable id, part of the product's interface. */
  id: string;
  /** Default severity; 'off' for checks that must be switched on in configuration. */
  defaultSeverity: Severity | 'off';
  /** One line: what the check flags. */
  description: string;
  /** What its quick fix does, if it has one. */
  fixDescription?: string;
  /**
   * Whether its fix is structural (form only: fix-all applies it) or wording (changes words:
   * offered one by one as a quick fix, applied by fix-all only when the user opts in).
   * Required when the rule has a fix.
   */
  fixClass?: FixClass;
  /** The rule's documentation page. */
  docsUrl: string;
  /** Runs on documents that are not resolutions (only the footnote checks do). */
  appliesToOther?: boolean;
  /** The drafts' languages the check runs on (all when absent); see docs/languages.md. */
  languages?: readonly Lang[];
  /** Checks the negotiation markings of the draft as written (not its text as adopted). */
  negotiation?: boolean;
  /** The check's own messages, when it keeps them beside it rather than in core/messages.ts. */
  messages?: Record<string, MessageEntry>;
  /**
   * 'paragraph': the check's findings on a paragraph come from that paragraph alone (its text, the
   * few characters around it, whether it is the last operative paragraph, and the document facts of
   * ParagraphFacts), so the findings of a paragraph a re-parse carried over unchanged are reused.
   * 'document' (the default): the check reads the whole document and runs in full on every version.
   */
  scope?: 'paragraph' | 'document';
}

export interface Report {
  range: Range;
  message: string;
  fix?: Fix;
  /**
   * A secondary kind of finding reported one step below the rule's severity
   * (at most 'information'): repeated-opening's "repeat without also".
   */
  minor?: boolean;
}

export interface RuleContext {
  doc: ResolutionDocument;
  lines: LineIndex;
  config: ResolvedConfig;
  /** This rule's options from configuration ({} when none). */
  options: Record<string, unknown>;
  corpus?: CorpusFacts;
  phrases: PhraseKnowledge;
  /** A message of the message table (or the check's own, with its three languages) in the user's language. */
  t(id: MessageId | MessageEntry, params?: Record<string, string | number>): string;
  report(r: Report): void;
  /** The negotiation markings of the draft (for the checks of negotiation texts). */
  negotiation?: Negotiation;
}

/** Where a paragraph stands, as far as a paragraph-local check may know it. */
export interface ParagraphPlace {
  /** The last operative paragraph of the document (it ends with a full stop). */
  last: boolean;
}

/** The per-paragraph logic of a check of scope 'paragraph'. */
export interface ParagraphCheck {
  /** The paragraphs it reads, in this order: the preamble's, the operative ones, or both (preamble first). */
  parts: 'preamble' | 'operative' | 'both';
  /** Reports the findings of one paragraph; reads nothing of the document beyond what RuleMeta.scope allows. */
  check(ctx: RuleContext, p: Paragraph, place: ParagraphPlace): void;
  /** A part of the check that reads the whole document, run on every version after the paragraphs. */
  document?(ctx: RuleContext): void;
  /** Its findings depend on the corpus (reused only while the corpus is the same). */
  usesCorpus?: boolean;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
  /** Set for checks of scope 'paragraph' (see paragraphRule). */
  paragraph?: ParagraphCheck;
}
