/** Scanner: the inline directives (`<!-- resolution-disable … -->`) of a source. */
import type { Directive } from '../model';
import type { LineIndex } from '../text';
import { DIRECTIVE_RE } from './patterns';
import { DirectiveNode } from './nodes';

const RULE_LIST_SEPARATOR_RE = /[\s,]+/;

export function scanDirectives(source: string, index: LineIndex): Directive[] {
  const out: Directive[] = [];
  DIRECTIVE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = DIRECTIVE_RE.exec(source))) {
    const rules = m[2]
      .split(RULE_LIST_SEPARATOR_RE)
      .map((r) => r.trim())
      .filter(Boolean);
    out.push(index.node(m.index, m.index + m[0].length, { kind: m[1] as Directive['kind'], rules }, DirectiveNode));
  }
  return out;
}
