/**
 * The checks entry: runs every configured check of the registry over a parsed document,
 * honouring configuration (severity, 'off', options), inline directives and non-resolutions.
 * Plain TypeScript, no LSP import.
 */
import type { Directive, OperativeParagraph, ResolutionDocument, Span } from './model';
import type { CorpusFacts, Finding, Severity } from './findings';
import { LineIndex } from './text';
import { defaultConfig, type ResolvedConfig } from './config';
import { RULES } from './rules/registry';
import { phraseKnowledge } from './rules/phrase-knowledge';
import type { Report, Rule } from './rules/types';
import { BOLD_LINE, SECTION_LABEL } from './rules/util';

export { SECTION_LABEL };

export interface CheckOptions {
  config?: ResolvedConfig;
  corpus?: CorpusFacts;
  /** Run only these rule ids (still subject to configuration). */
  only?: string[];
  /** Ignore inline directives (used to offer fixes for suppressed findings; not by default). */
  ignoreDirectives?: boolean;
  /** Called when a check fails on odd input; the other checks still run. */
  onError?: (ruleId: string, error: unknown) => void;
}

/** A secondary finding: one step below the rule's severity, at most 'information'. */
function minorOf(s: Severity): Severity {
  return s === 'error' || s === 'warning' ? 'information' : 'hint';
}

/** The severity a rule reports at under a configuration, or 'off'. */
export function ruleSeverity(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.rules[rule.meta.id]?.severity ?? rule.meta.defaultSeverity;
}

/** Decides, for a rule and an offset, whether inline directives switch the rule off there. */
export class Suppression {
  private fileWide: Directive[] = [];
  private toggles: Directive[] = [];
  private paragraphs: Array<{ rules: string[]; spans: Span[] }> = [];

  constructor(doc: ResolutionDocument) {
    const ds = [...doc.directives].sort((a, b) => a.start - b.start);
    for (const d of ds) {
      if (d.kind === 'disable-file') this.fileWide.push(d);
      else if (d.kind === 'disable' || d.kind === 'enable') this.toggles.push(d);
      else if (d.kind === 'disable-next-paragraph') {
        const spans = nextParagraph(doc, d.end);
        if (spans) this.paragraphs.push({ rules: d.rules, spans });
      }
    }
  }

  get empty(): boolean {
    return !this.fileWide.length && !this.toggles.length && !this.paragraphs.length;
  }

  suppressed(rule: string, offset: number): boolean {
    const names = (d: { rules: string[] }) => d.rules.length === 0 || d.rules.includes(rule);
    if (this.fileWide.some(names)) return true;
    let off = false;
    for (const d of this.toggles) {
      if (d.start > offset) break;
      if (names(d)) off = d.kind === 'disable';
    }
    if (off) return true;
    return this.paragraphs.some((p) => names(p) && p.spans.some((s) => offset >= s.start && offset <= s.end));
  }
}

/** The source spans of the first paragraph (or block) after an offset. */
function nextParagraph(doc: ResolutionDocument, offset: number): Span[] | undefined {
  const paras = [...doc.preamble, ...doc.operative].filter((p) => p.start >= offset).sort((a, b) => a.start - b.start);
  const block = doc.blocks.find((b) => b.start >= offset && b.kind !== 'directive');
  const para = paras[0];
  if (para && (!block || para.start <= block.start)) return para.fragments.length ? para.fragments.map((f) => ({ ...f })).concat([para]) : [para];
  if (block) return [block];
  return undefined;
}

/**
 * A short unnumbered line among numbered operative paragraphs with no closing punctuation and no
 * italic opening is a section heading ("II", "Multilingualism and global communications") that
 * the parser took for a paragraph: the checks leave it alone.
 */
const MEETING = /^[*_\s]*\d+(st|nd|rd|th)\b[^.;]{0,40}\bplenary meeting[*_\s]*(\d{1,2}\s+[A-Z][a-z]+\s+\d{4}[*_\s]*)?$/i;
const DATE_LINE = /^[*_\s]*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}[*_\s]*$/;

export function headingLike(doc: ResolutionDocument, p: OperativeParagraph): boolean {
  // a table row or a meeting line the parser did not recognise is not a paragraph either
  if (!p.number && (/^\s*\|/.test(p.text) || SECTION_LABEL.test(p.text) || BOLD_LINE.test(p.text) || MEETING.test(p.text) || DATE_LINE.test(p.text))) return true;
  if (p.number || p.ending.char !== '' || p.subparagraphs.length || p.listItems.length) return false;
  if (p.opening && p.opening.italic !== 'none') return false;
  if (p.text.length > 200 || p.fragments.length > 1) return false;
  return doc.operative.some((q) => q.number);
}

/**
 * Omnibus resolutions give each section its own short preamble (`*Having considered* …,`)
 * between numbered operative paragraphs: an unnumbered paragraph that ends with a comma and opens
 * with a known preambular phrase is such a section preamble, not a faulty operative paragraph.
 */
export function sectionPreamble(doc: ResolutionDocument, p: OperativeParagraph, isPreambularHead: (w: string) => boolean): boolean {
  if (p.number || p.ending.char !== ',' || !doc.operative.some((q) => q.number)) return false;
  const m = /^[\s*_]*([\p{L}'-]+)/u.exec(p.text);
  return !!m && isPreambularHead(m[1]);
}

/** The document as the checks see it: heading-like lines removed from the operative part. */
/**
 * A resolution with a single unnumbered operative paragraph (`*Appoints* … .`) that the parser
 * left at the end of the preamble: the last preambular paragraph opens with an operative verb and
 * ends with a full stop, and there is no operative part. The checks see it as the operative part.
 */
export function singleOperativeView(doc: ResolutionDocument, isOperativeHead: (w: string) => boolean): ResolutionDocument {
  if (doc.operative.length || doc.preamble.length < 2) return doc;
  const last = doc.preamble[doc.preamble.length - 1];
  const m = /^[\s*_]*([\p{L}'-]+)/u.exec(last.text);
  if (last.ending.char !== '.' || !m || !isOperativeHead(m[1])) return doc;
  const { wrappedInItalic: _w, kind: _k, ...base } = last;
  const operative: OperativeParagraph = {
    ...base,
    kind: 'operative',
    extraVerbs: [],
    leadIn: { start: last.start, end: last.end, range: last.range, text: last.text },
    leadInEnding: last.ending,
    subparagraphs: [],
    listItems: [],
  };
  return { ...doc, preamble: doc.preamble.slice(0, -1), operative: [operative] };
}

export function checkView(doc: ResolutionDocument, isPreambularHead: (w: string) => boolean = () => false): ResolutionDocument {
  const labels = doc.preamble.filter((p) => SECTION_LABEL.test(p.text));
  const headings: Array<{ start: number }> = doc.operative.some((p) => !p.number)
    ? doc.operative.filter((p) => headingLike(doc, p) || sectionPreamble(doc, p, isPreambularHead))
    : [];
  headings.push(...labels);
  if (headings.length === 0) return doc;
  const set = new Set<unknown>(headings);
  return {
    ...doc,
    preamble: labels.length ? doc.preamble.filter((p) => !set.has(p)) : doc.preamble,
    operative: doc.operative.filter((p) => !set.has(p)),
    blocks: doc.blocks.map((b) => (headings.some((h) => h.start === b.start) ? { ...b, kind: 'heading' as const } : b)),
  };
}

export function checkDocument(parsed: ResolutionDocument, options: CheckOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const phrases = phraseKnowledge(config.phrases);
  const doc = checkView(
    parsed.kind === 'resolution' ? singleOperativeView(parsed, (w) => phrases.isHead('operative', w) && !phrases.isHead('preambular', w)) : parsed,
    (w) => phrases.isHead('preambular', w) && !phrases.isHead('operative', w),
  );
  const lines = new LineIndex(doc.source, doc.lineStarts);
  const suppression = options.ignoreDirectives ? undefined : new Suppression(doc);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const id = rule.meta.id;
    if (options.only && !options.only.includes(id)) continue;
    if (doc.kind === 'other' && !rule.meta.appliesToOther) continue;
    const severity = ruleSeverity(rule, config);
    if (severity === 'off') continue;
    const report = (r: Report) => {
      if (suppression && !suppression.empty && suppression.suppressed(id, lines.offsetAt(r.range.start))) return;
      const f: Finding = { rule: id, severity: r.minor ? minorOf(severity) : severity, range: r.range, message: r.message };
      if (r.fix && r.fix.edits.length) f.fix = r.fix;
      findings.push(f);
    };
    try {
      rule.check({ doc, lines, config, options: config.rules[id]?.options ?? {}, corpus: options.corpus, phrases, report });
    } catch (e) {
      options.onError?.(id, e);
    }
  }
  return findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}
