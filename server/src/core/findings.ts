/** What a check reports, independent of any transport (LSP, command line). */
import type { Range } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Edit {
  range: Range;
  newText: string;
}

/** A fix is a set of edits applied together as one step (one undo). */
export interface Fix {
  title: string;
  edits: Edit[];
}

export interface Finding {
  /** The check's id, as in the catalogue (operative-numbering, …). */
  rule: string;
  severity: Severity;
  range: Range;
  message: string;
  fix?: Fix;
}
