/**
 * The checks entry: runs every configured check of the registry over a parsed document,
 * honouring configuration (severity, 'off', options), inline directives and non-resolutions.
 * Plain TypeScript, no LSP import.
 */
import type { Directive, Paragraph, ResolutionDocument, Span } from './model';
import type { CorpusFacts, Finding, Severity } from './findings';
import { LineIndex } from './text';
import { defaultConfig, type ResolvedConfig } from './config';
import { RULES } from './rules/registry';
import { phraseKnowledge } from './rules/phrase-knowledge';
import type { ParagraphPlace, Report, Rule, RuleContext } from './rules/types';
import { eachParagraph } from './rules/paragraph-rule';
import { endRun, internKey, reportOf, startRun, storedOf, storedReports, storeReports, type StoredReport } from './rules/paragraph-cache';
import { hasNumbered } from './rules/util';
import { message, type MessageEntry, type MessageId, type MessageLocale } from './messages';
import { parse } from './parser';
import { isNegotiationDraft, negotiation as negotiationOf, type Negotiation } from './negotiation';

export interface CheckOptions {
  config?: ResolvedConfig;
  corpus?: CorpusFacts;
  /** Run only these rule ids (still subject to configuration). */
  only?: string[];
  /** Ignore inline directives (used to offer fixes for suppressed findings; not by default). */
  ignoreDirectives?: boolean;
  /** The language of the messages (the user's display language); English when absent. */
  locale?: MessageLocale;
  /** Called when a check fails on odd input; the other checks still run. */
  onError?: (ruleId: string, error: unknown) => void;
  /**
   * Reuse the findings of the paragraph checks on paragraphs a re-parse carried over unchanged from a
   * version checked with `reuse` (see rules/paragraph-cache.ts): the findings are the same as without,
   * only the changed paragraphs are checked again. For the successive versions of an edited document.
   */
  reuse?: boolean;
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
  if (para && (!block || para.start <= block.start))
    return para.fragments.length ? para.fragments.map((f) => ({ ...f })).concat([para]) : [para];
  if (block) return [block];
  return undefined;
}

export function checkDocument(parsed: ResolutionDocument, options: CheckOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  // A negotiation draft is checked as it would read if adopted (brackets removed, first
  // alternative, tags, notes and proposals out, numbering final); its markings are checked apart.
  if (
    config.draftMode === false ||
    (config.draftMode !== true && !isNegotiationDraft(parsed.source, config.negotiation, parsed.lineStarts))
  ) {
    return sortFindings(runRules(parsed, options, config, undefined, 'all', options.reuse === true));
  }
  const neg = negotiationOf(parsed.source, config.negotiation);
  const adopted = parse(neg.clean.text, { language: parsed.lang ?? 'auto', extraPhrases: config.phrases });
  const draftConfig: ResolvedConfig = { ...config, draftMode: true };
  const mapped = mapFindings(runRules(adopted, options, draftConfig, undefined, 'form'), neg, parsed);
  if (parsed.kind === 'other' && adopted.kind === 'resolution') parsed = { ...parsed, kind: 'resolution' };
  return sortFindings([...mapped, ...runRules(parsed, options, draftConfig, neg, 'negotiation')]);
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
}

/** Findings on the text as adopted, carried back to the draft; a fix that would touch a marking is dropped. */
function mapFindings(findings: Finding[], neg: Negotiation, draft: ResolutionDocument): Finding[] {
  const cleanLines = new LineIndex(neg.clean.text);
  const draftLines = new LineIndex(draft.source, draft.lineStarts);
  const guarded = neg.protectedStretches;
  const touches = (s: number, e: number) => guarded.some((g) => (s === e ? s > g.start && s < g.end : s < g.end && g.start < e));
  // A finding whose stretch holds a bracket, a tag, a label or a proposal was made by the marking.
  const delimiters = neg.brackets.flatMap((b) => [b.start, b.end - 1]).concat(neg.unbalanced.map((u) => u.offset));
  const markings = [...neg.tags, ...neg.labels, ...neg.notes, ...neg.proposals, ...neg.changes];
  const madeByMarking = (a: number, b: number) =>
    a < b && (delimiters.some((d) => d >= a && d < b) || markings.some((m) => a < m.end && m.start < b));
  const out: Finding[] = [];
  for (const f of findings) {
    const s = cleanLines.offsetAt(f.range.start);
    const e = cleanLines.offsetAt(f.range.end);
    const ds = s === e ? neg.clean.toSource(s, 'left') : neg.clean.toSource(s, 'right');
    const de = s === e ? ds : Math.max(ds, neg.clean.toSource(e, 'left'));
    if (madeByMarking(ds, de)) continue;
    const g: Finding = { ...f, range: draftLines.range(ds, de) };
    delete g.fix;
    if (f.fix) {
      const edits = [];
      let ok = true;
      for (const ed of f.fix.edits) {
        const es = cleanLines.offsetAt(ed.range.start);
        const ee = cleanLines.offsetAt(ed.range.end);
        if (es !== ee && !neg.clean.copied(es, ee)) {
          ok = false;
          break;
        }
        const a = es === ee ? neg.clean.toSource(es, 'left') : neg.clean.toSource(es, 'right');
        const b = es === ee ? a : neg.clean.toSource(ee, 'left');
        if (touches(a, b)) {
          ok = false;
          break;
        }
        edits.push({ range: draftLines.range(a, b), newText: ed.newText });
      }
      if (ok && edits.length) g.fix = { ...f.fix, edits };
    }
    out.push(g);
  }
  return out;
}

function runRules(
  doc: ResolutionDocument,
  options: CheckOptions,
  config: ResolvedConfig,
  neg: Negotiation | undefined,
  which: 'all' | 'form' | 'negotiation',
  reuse = false,
): Finding[] {
  const phrases = phraseKnowledge(config.phrases, doc.lang ?? 'en');
  const lines = new LineIndex(doc.source, doc.lineStarts);
  const suppression = options.ignoreDirectives ? undefined : new Suppression(doc);
  const findings: Finding[] = [];
  const locale = options.locale ?? 'en';
  const t = (id: MessageId | MessageEntry, params?: Record<string, string | number>) => message(id, params, locale);
  const runs: Array<{ rule: Rule; severity: Severity }> = [];
  for (const rule of RULES) {
    const id = rule.meta.id;
    if (options.only && !options.only.includes(id)) continue;
    if (which === 'form' && rule.meta.negotiation) continue;
    if (which === 'negotiation' && !rule.meta.negotiation) continue;
    if (doc.kind === 'other' && !rule.meta.appliesToOther) continue;
    if (rule.meta.languages && !rule.meta.languages.includes(doc.lang ?? 'en')) continue;
    const severity = ruleSeverity(rule, config);
    if (severity === 'off') continue;
    runs.push({ rule, severity });
  }
  // (a context that reports elsewhere is made with its own report function rather than given one
  // afterwards: replacing the function of a context made here kept each run's closure, and with it
  // that version's text, alive until a full garbage collection)
  const contextOf = (rule: Rule, severity: Severity, report?: (r: Report) => void): RuleContext => {
    const id = rule.meta.id;
    return {
      doc,
      lines,
      config,
      options: config.rules[id]?.options ?? {},
      corpus: options.corpus,
      phrases,
      t,
      report: report ?? ((r: Report) => emit(id, rule, severity, r)),
      negotiation: neg,
    };
  };
  const emit = (id: string, rule: Rule, severity: Severity, r: Report) => {
    if (suppression && !suppression.empty && suppression.suppressed(id, lines.offsetAt(r.range.start))) return;
    const f: Finding = { rule: id, severity: r.minor ? minorOf(severity) : severity, range: r.range, message: r.message };
    // The class is the rule's, written once in its metadata; a rule without one is wording (the safe side).
    if (r.fix && r.fix.edits.length) f.fix = { ...r.fix, class: rule.meta.fixClass ?? 'wording' };
    findings.push(f);
  };
  // With reuse: the reports of the paragraph checks, per check, from the paragraphs' stored reports or a new run on them.
  const local = reuse ? paragraphReports(doc, runs, contextOf, lines, options, config, locale) : undefined;
  for (const { rule, severity } of runs) {
    const id = rule.meta.id;
    try {
      const mine = local?.get(rule);
      if (mine) {
        for (const r of mine) emit(id, rule, severity, r);
        rule.paragraph!.document?.(contextOf(rule, severity));
      } else rule.check(contextOf(rule, severity));
    } catch (e) {
      options.onError?.(id, e);
    }
  }
  return findings;
}

const corpusIds = new WeakMap<object, number>();
let corpusCount = 0;

/**
 * The reports of the paragraph checks of a run, by check: for each paragraph, those stored for it
 * when they still hold (moved with it), else its paragraph checks run again and are stored.
 */
function paragraphReports(
  doc: ResolutionDocument,
  runs: Array<{ rule: Rule; severity: Severity }>,
  contextOf: (rule: Rule, severity: Severity, report?: (r: Report) => void) => RuleContext,
  lines: LineIndex,
  options: CheckOptions,
  config: ResolvedConfig,
  locale: MessageLocale,
): Map<Rule, Report[]> {
  const local = runs.filter((r) => r.rule.paragraph);
  const out = new Map<Rule, Report[]>();
  if (local.length === 0) return out;
  // the configuration as it is now (a caller may change its object between two checks)
  const configKey = JSON.stringify(config);
  let corpus = 'none';
  if (options.corpus && local.some((r) => r.rule.paragraph!.usesCorpus)) {
    let n = corpusIds.get(options.corpus);
    if (n === undefined) corpusIds.set(options.corpus, (n = ++corpusCount));
    corpus = String(n);
  }
  // Everything of the document and the run a paragraph check may read besides its paragraph.
  const key = internKey(
    [
      doc.kind,
      doc.lang,
      hasNumbered(doc),
      doc.authority?.text ?? '',
      locale,
      corpus,
      local.map((r) => r.rule.meta.id + ':' + r.severity).join(','),
      configKey,
    ].join('\u0000'),
  );
  const lists: Report[][] = local.map(() => []);
  local.forEach((r, i) => out.set(r.rule, lists[i]));
  // Each check's context collects the reports of the paragraph being checked.
  let collected: StoredReport[] = [];
  const contexts = local.map(({ rule, severity }, i) =>
    contextOf(rule, severity, (r: Report) => {
      lists[i].push(r);
      collected.push(storedOf(i, r, lines));
    }),
  );
  const source = doc.source;
  const parts = (r: Rule) => r.paragraph!.parts;
  startRun(doc);
  // A paragraph checked again. (A function apart from the one called on every paragraph: a closure
  // over the paragraph there made a context for it on every call, for the few paragraphs checked.)
  const checkAgain = (p: Paragraph, place: ParagraphPlace) => {
    collected = [];
    let failed = false;
    for (let i = 0; i < local.length; i++) {
      const { rule } = local[i];
      const which = parts(rule);
      if (which !== 'both' && which !== (p.kind === 'operative' ? 'operative' : 'preamble')) continue;
      try {
        rule.paragraph!.check(contexts[i], p, place);
      } catch (e) {
        failed = true;
        options.onError?.(rule.meta.id, e);
      }
    }
    // a check that failed on this paragraph is tried again on the next version
    if (!failed) storeReports(p, key, place.last, source, collected);
  };
  eachParagraph(doc, 'both', (p, place) => {
    const stored = storedReports(p, key, place.last, source);
    if (!stored) return checkAgain(p, place);
    const delta = p.start - stored.start;
    const reports = stored.reports;
    for (let k = 0; k < reports.length; k++) lists[reports[k].rule].push(reportOf(reports[k], delta, lines));
  });
  endRun();
  return out;
}
