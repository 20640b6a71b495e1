/**
 * Runs the structure checks over a parsed document.
 * (First check: operative numbering. The full catalogue lives in rules/.)
 */
import type { ResolutionDocument } from './model';
import type { CorpusFacts, Finding } from './findings';

export interface CheckOptions {
  corpus?: CorpusFacts;
}

export function checkDocument(doc: ResolutionDocument, _options: CheckOptions = {}): Finding[] {
  const findings: Finding[] = [];
  if (doc.kind !== 'resolution') return findings;
  let expected = 1;
  for (const p of doc.operative) {
    if (!p.number) continue;
    if (p.number.value !== expected) {
      findings.push({
        rule: 'operative-numbering',
        severity: 'error',
        range: p.number.range,
        message: `Operative paragraph numbered ${p.number.text} where ${expected}. was expected.`,
      });
    }
    expected = p.number.value + 1;
  }
  return findings;
}
