/** What a check reports, independent of any transport (LSP, command line). */
import type { Range } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Edit {
  range: Range;
  newText: string;
}

/**
 * What a fix changes. A structural fix changes only the form around agreed words (numbers,
 * sub-paragraph labels, italics of the opening phrase, closing punctuation, footnote numbers and
 * the cross-references carried along); a wording fix changes words (a phrase suggestion,
 * inserting or removing "also"/"further", a date). Fix-all applies structural fixes only, unless
 * the user opts in to wording fixes.
 */
export type FixClass = 'structural' | 'wording';

/** A fix is a set of edits applied together as one step (one undo). */
export interface Fix {
  title: string;
  edits: Edit[];
  /** Set by the checks entry from the rule's metadata (RuleMeta.fixClass). */
  class?: FixClass;
}

export interface Finding {
  /** The check's id, as in the catalogue (operative-numbering, …). */
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  fix?: Fix;
}

/**
 * What the precedent corpus knows that some checks use (citation-date, new-language).
 * Implemented by the precedent engine; checks that need it do nothing when it is absent.
 */
export interface CorpusFacts {
  /** Adoption date of a resolution by citation key ("70/1" → "25 September 2015"), if known. */
  dateOf(key: string): string | undefined;
  /**
   * The stretches of a paragraph's text that no precedent covers (new language), as [start, end)
   * offsets into `text`: the whole text when no precedent is close enough to compare; undefined
   * when the corpus is empty (nothing to compare with).
   */
  newSpans?(text: string, kind: 'preambular' | 'operative'): Array<{ start: number; end: number }> | undefined;
}
