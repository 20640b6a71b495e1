/**
 * The checks in the other official languages, measured on adopted resolutions (prints figures;
 * asserts nothing):
 *  - false findings: every finding (error, warning, information) on the AKN4UN resolutions of a
 *    language, converted to the text format in memory, per 100 paragraphs (goal ≤ 1), by rule;
 *  - injected defects: copies of the same resolutions with one defect each (a numbering gap, a
 *    wrong ending, a lost italic, a misspelt opening, a lost footnote, an unmatched "also", a
 *    wrong sub-paragraph letter, a missing French no-break space, a wrong French agreement …);
 *    caught = a new finding of the expected rule id (goal ≥ 90 %).
 *
 *   node out/test/bench/languages-bench.js [--lang fr,es] [--max N] [--examples RULE]
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse } from '../../server/src/core/parser';
import { checkDocument } from '../../server/src/core/check';
import type { Finding } from '../../server/src/core/findings';
import type { ResolutionDocument } from '../../server/src/core/model';
import { toLang, type Lang } from '../../server/src/core/languages';
import { aknToTexts } from '../tools/akn';
import { listXml, sharedCorpusDir } from '../tools/corpus-path';

const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const langs = (arg('--lang') ?? 'fr,es')
  .split(',')
  .map((l) => toLang(l))
  .filter((l): l is Lang => !!l);
const max = Number(arg('--max') ?? Infinity);
const examplesFor = arg('--examples');

interface Defect {
  rule: string;
  /** The text with the defect, or undefined when this draft offers no place for it. */
  apply(text: string, doc: ResolutionDocument, lang: Lang): string | undefined;
}

const ALSO: Record<string, string> = { en: 'also', fr: 'également', es: 'también' };

function replaceAt(text: string, start: number, end: number, by: string): string {
  return text.slice(0, start) + by + text.slice(end);
}

/** The defects injected, one per copy. Each picks its place deterministically from the draft. */
const DEFECTS: Defect[] = [
  {
    rule: 'operative-numbering',
    apply(text, doc) {
      const p = doc.operative.filter((o) => o.number && !o.number.suffix)[Math.floor(doc.operative.length / 2)];
      if (!p?.number || doc.operative.length < 3) return undefined;
      const n = p.number;
      return replaceAt(text, n.start, n.start + String(n.value).length, String(n.value + 1));
    },
  },
  {
    rule: 'operative-punctuation',
    apply(text, doc) {
      const p = doc.operative
        .slice(0, -1)
        .find((o) => o.ending.char === ';' && !o.ending.conjunction && o.subparagraphs.length === 0 && o.listItems.length === 0);
      if (!p) return undefined;
      return replaceAt(text, p.ending.span.start, p.ending.span.end, '.');
    },
  },
  {
    rule: 'preambular-punctuation',
    apply(text, doc) {
      const p = doc.preamble.slice(1).find((q) => q.ending.char === ',');
      if (!p) return undefined;
      return replaceAt(text, p.ending.span.start, p.ending.span.end, ';');
    },
  },
  {
    rule: 'operative-verb-italic',
    apply(text, doc) {
      const p = doc.operative.find((o) => o.opening?.italic === 'full' && o.opening.italicSpan);
      const s = p?.opening?.italicSpan;
      if (!s) return undefined;
      return replaceAt(text, s.start, s.end, s.text.replace(/^[*_]|[*_]$/g, ''));
    },
  },
  {
    rule: 'operative-verb-unknown',
    apply(text, doc) {
      const p = doc.operative.find((o) => o.opening?.known && o.opening.italic === 'full' && /^\p{L}{6,}/u.test(o.opening.text));
      if (!p?.opening) return undefined;
      const o = p.opening;
      // a slip of the keys: two letters swapped in the middle of the first word
      const w = o.text;
      const i = 3;
      return replaceAt(text, o.start, o.end, w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    },
  },
  {
    rule: 'preambular-phrase-unknown',
    apply(text, doc) {
      const p = doc.preamble.find((q) => q.opening?.known && q.opening.italic === 'full' && /^\p{L}{7,}/u.test(q.opening.text));
      if (!p?.opening) return undefined;
      const w = p.opening.text;
      const i = 3;
      return replaceAt(text, p.opening.start, p.opening.end, w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2));
    },
  },
  {
    rule: 'subparagraph-sequence',
    apply(text, doc) {
      for (const p of doc.operative) {
        const s = p.subparagraphs[1];
        if (s && p.subparagraphs.length >= 3 && /b/.test(s.label.text))
          return replaceAt(text, s.label.start, s.label.end, s.label.text.replace('b', 'c'));
      }
      return undefined;
    },
  },
  {
    rule: 'footnote-undefined',
    apply(text, doc) {
      const d = doc.footnoteDefinitions.find((f) => doc.footnoteDefinitions.filter((g) => g.label === f.label).length === 1);
      if (!d) return undefined;
      return replaceAt(text, d.start, d.end, '');
    },
  },
  {
    rule: 'repeated-opening',
    apply(text, doc, lang) {
      // "also" on an opening that does not repeat the one before
      const part = doc.operative;
      for (let i = 1; i < part.length; i++) {
        const o = part[i].opening;
        const prev = part[i - 1].opening;
        if (!o || !prev || o.modifiers.length || o.base === prev.base || o.italic !== 'full' || !o.italicSpan) continue;
        if (part.slice(0, i).some((q) => q.opening?.base === o.base)) continue;
        const inner = o.italicSpan.end - 1;
        if (lang === 'en') return replaceAt(text, o.start, o.start + 1, 'Also ' + text[o.start].toLowerCase());
        return replaceAt(text, inner, inner, ' ' + ALSO[lang]);
      }
      return undefined;
    },
  },
  {
    rule: 'authority-line',
    apply(text, doc) {
      const c = doc.authority?.comma;
      if (!c) return undefined;
      return replaceAt(text, c.start, c.end, '');
    },
  },
  {
    rule: 'french-spacing',
    apply(text, doc, lang) {
      if (lang !== 'fr') return undefined;
      const p = doc.operative.find(
        (o) => o.ending.char === ';' && /[\u00a0\u202f ]$/.test(text.slice(o.ending.span.start - 1, o.ending.span.start)),
      );
      if (!p) return undefined;
      return replaceAt(text, p.ending.span.start - 1, p.ending.span.start, '');
    },
  },
  {
    rule: 'french-agreement',
    apply(text, doc, lang) {
      if (lang !== 'fr') return undefined;
      const p = doc.preamble.find(
        (q) =>
          q.opening &&
          /^(?:Consciente|Convaincue|Préoccupée|Profondément préoccupée|Résolue|Déterminée|Alarmée|Guidée)\b/.test(q.opening.text),
      );
      if (!p?.opening) return undefined;
      const o = p.opening;
      const m = /(Consciente|Convaincue|Préoccupée|préoccupée|Résolue|Déterminée|Alarmée|Guidée)/.exec(o.text)!;
      return replaceAt(text, o.start + m.index, o.start + m.index + m[1].length, m[1].slice(0, -1));
    },
  },
];

interface Tally {
  docs: number;
  paragraphs: number;
  bySeverity: Record<string, number>;
  byRule: Record<string, number>;
  /** Sub-paragraphs in the model (every level), and lines of the text that open with a label shape. */
  subparagraphs: number;
  labelLines: number;
}

/** A line that opens with something shaped like a sub-paragraph label: "(a)", "b)", "(ب)", "’1‘", "（一）". */
const LABEL_LINE_RE = /^(?:[(（][^()（）\n]{1,5}[)）]|[^\s()（）.]{1,4}\)|’\d{1,3}‘|[㈠-㈩])\s/gmu;

function countSubparagraphs(doc: ResolutionDocument): number {
  let n = 0;
  const walk = (items: ResolutionDocument['operative'][number]['subparagraphs']) => {
    for (const s of items) {
      n++;
      walk(s.children);
    }
  };
  for (const p of doc.operative) walk(p.subparagraphs);
  return n;
}

function texts(lang: Lang): Array<{ name: string; text: string }> {
  const dir = sharedCorpusDir();
  if (!dir) return [];
  const folder = path.join(dir, lang === 'en' ? 'un-ga-akn4un' : `un-ga-akn4un-${lang}`);
  const out: Array<{ name: string; text: string }> = [];
  for (const file of listXml(folder)) {
    if (out.length >= max) break;
    let converted: string[];
    try {
      converted = aknToTexts(fs.readFileSync(file, 'utf8'));
    } catch {
      continue;
    }
    converted.forEach((text, k) => out.push({ name: path.basename(file, '.xml') + (converted.length > 1 ? `-${k + 1}` : ''), text }));
  }
  return out;
}

function counted(f: Finding): boolean {
  return f.severity !== 'hint';
}

function measure(lang: Lang): void {
  const all = texts(lang);
  if (!all.length) {
    console.log(`\n${lang}: skipped (../shared/corpus not present)`);
    return;
  }
  const t: Tally = { docs: 0, paragraphs: 0, bySeverity: {}, byRule: {}, subparagraphs: 0, labelLines: 0 };
  const examples: string[] = [];
  const caught: Record<string, { tried: number; caught: number }> = {};
  let wrongLang = 0;
  for (const { name, text } of all) {
    const doc = parse(text);
    if (doc.lang !== lang) wrongLang++;
    const findings = checkDocument(doc);
    t.docs++;
    t.paragraphs += doc.preamble.length + doc.operative.length;
    t.subparagraphs += countSubparagraphs(doc);
    t.labelLines += text.match(LABEL_LINE_RE)?.length ?? 0;
    for (const f of findings) {
      if (!counted(f)) continue;
      t.bySeverity[f.severity] = (t.bySeverity[f.severity] ?? 0) + 1;
      t.byRule[f.rule] = (t.byRule[f.rule] ?? 0) + 1;
      if (examplesFor && (f.rule === examplesFor || examplesFor === 'all')) {
        const line = text.split('\n')[f.range.start.line] ?? '';
        examples.push(`${name}:${f.range.start.line + 1}: ${f.rule}: ${f.message}\n      | ${line.slice(0, 160)}`);
      }
    }
    if (doc.kind !== 'resolution') continue;
    const before = new Map<string, number>();
    for (const f of findings) before.set(f.rule, (before.get(f.rule) ?? 0) + 1);
    for (const d of DEFECTS) {
      const injected = d.apply(text, doc, lang);
      if (injected === undefined || injected === text) continue;
      const c = (caught[d.rule] ??= { tried: 0, caught: 0 });
      c.tried++;
      const after = checkDocument(parse(injected)).filter((f) => f.rule === d.rule).length;
      if (after > (before.get(d.rule) ?? 0)) c.caught++;
      else if (examplesFor === `missed:${d.rule}`) examples.push(`${name}: missed ${d.rule}`);
    }
  }
  const per100 = (n: number) => ((100 * n) / Math.max(1, t.paragraphs)).toFixed(2);
  const total = Object.values(t.bySeverity).reduce((a, b) => a + b, 0);
  console.log(`\n${lang}: ${t.docs} adopted resolutions, ${t.paragraphs} paragraphs (language detected wrongly in ${wrongLang})`);
  console.log(`  sub-paragraphs in the model: ${t.subparagraphs} (lines opening with a label shape: ${t.labelLines})`);
  console.log(`  false findings (error, warning, information): ${total} = ${per100(total)} per 100 paragraphs (goal ≤ 1)`);
  for (const s of ['error', 'warning', 'information'])
    console.log(`    ${s.padEnd(12)} ${String(t.bySeverity[s] ?? 0).padStart(6)}  ${per100(t.bySeverity[s] ?? 0)} per 100`);
  for (const [k, n] of Object.entries(t.byRule).sort((a, b) => b[1] - a[1]))
    console.log(`      ${k.padEnd(32)} ${String(n).padStart(6)}  ${per100(n)} per 100`);
  let tried = 0;
  let ok = 0;
  console.log('  injected defects, caught with the right rule id:');
  for (const [rule, c] of Object.entries(caught)) {
    tried += c.tried;
    ok += c.caught;
    console.log(
      `    ${rule.padEnd(32)} ${String(c.caught).padStart(5)} / ${String(c.tried).padEnd(5)} ${((100 * c.caught) / c.tried).toFixed(1)} %`,
    );
  }
  console.log(`  catch rate: ${ok} / ${tried} = ${((100 * ok) / Math.max(1, tried)).toFixed(1)} % (goal ≥ 90 %)`);
  if (examples.length) {
    console.log(`  examples (${examples.length}):`);
    for (const e of examples.slice(0, Number(arg('--show') ?? 40))) console.log('    ' + e);
  }
}

function main(): void {
  for (const lang of langs) measure(lang);
}

if (require.main === module) main();
