/**
 * `resolution export`, `resolution base` and `resolution redline`: Word out, the base text of a
 * draft, and the redline against it (see each HELP).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Corpus } from '../core/precedent/corpus';
import { exportDocx, ExportOptions } from '../core/office/export';
import { BaseCandidate, BaseResult, findBase } from '../core/office/base';
import { redlineDocx } from '../core/office/redline';
import { loadDraftSource } from '../core/office/sources';
// PDF and Word files in a corpus folder are read through the import
import '../core/import/corpusFiles';
import { CliIO, UsageError } from './io';

export const EXPORT_HELP = `Usage: resolution export FILE -o OUT.docx [--font NAME] [--size PT] [--openings italic|as-written]

Writes the draft as a Word file in the UN's layout: the front matter as the document header, the
authority line, preambular openings and operative verbs in italics (--openings as-written keeps the
draft's own italics), numbered operative paragraphs, indented sub-paragraphs, real footnotes.
Times New Roman 12 pt unless --font / --size say otherwise.`;

export const BASE_HELP = `Usage: resolution base FILE [--corpus DIR]… [--no-builtin] [--format text|json]

Names the adopted resolution the draft is built on: the latest of the same series in the corpus
(same or near title, most paragraphs reused, cited in the first preambular paragraphs), with up to
five candidates. A "base: A/RES/78/13" line in the draft's front matter names it by hand.`;

export const REDLINE_HELP = `Usage: resolution redline FILE [--base FILE|SYMBOL] [--corpus DIR]… [--no-builtin] -o OUT.docx [--author NAME] [--openings italic|as-written]

Writes a Word file whose text is the base resolution with tracked changes (author and date) that
turn it into the draft: accept all changes and you have the draft, reject all and you have the
base. Without --base, the base is the one named in the front matter (base:) or found in the corpus.`;

function displayPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p).split(path.sep).join('/');
}

interface Parsed {
  file?: string;
  out?: string;
  format: string;
  corpora: string[];
  builtin: boolean;
  base?: string;
  author?: string;
  font?: string;
  size?: number;
  openings?: ExportOptions['openings'];
  help: boolean;
}

function parseArgs(args: string[], allowed: Set<string>): Parsed {
  const p: Parsed = { format: 'text', corpora: [], builtin: true, help: false };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const opt = a.startsWith('--') ? a.replace(/=.*$/, '') : a;
    const inline = a.includes('=') && a.startsWith('--') ? a.slice(a.indexOf('=') + 1) : undefined;
    const val = () => inline ?? value();
    if (a === '--help' || a === '-h') p.help = true;
    else if (!a.startsWith('-')) {
      if (p.file !== undefined) throw new UsageError(`one FILE only (got "${p.file}" and "${a}")`);
      p.file = a;
    } else if (!allowed.has(opt)) throw new UsageError(`unknown option ${a}`);
    else if (opt === '-o' || opt === '--out') p.out = val();
    else if (opt === '--format') p.format = val();
    else if (opt === '--corpus') p.corpora.push(val());
    else if (opt === '--no-builtin') p.builtin = false;
    else if (opt === '--base') p.base = val();
    else if (opt === '--author') p.author = val();
    else if (opt === '--font') p.font = val();
    else if (opt === '--size') p.size = Number(val());
    else if (opt === '--openings') {
      const v = val();
      if (v !== 'italic' && v !== 'as-written') throw new UsageError('--openings must be italic or as-written');
      p.openings = v;
    }
  }
  return p;
}

/**
 * A draft or base from disk: the text formats and AKN4UN XML as they are; a .docx, a PDF or text
 * copied out of a PDF imported (the draft `resolution import` gives), its warnings on stderr and in
 * `warnings` when given.
 */
async function readDraft(file: string, io: CliIO, cmd: string, warnings?: string[]): Promise<string | undefined> {
  try {
    const r = await loadDraftSource(file);
    for (const w of r.warnings) {
      io.err(`resolution ${cmd}: ${displayPath(path.resolve(file))}: ${w}`);
      warnings?.push(`${displayPath(path.resolve(file))}: ${w}`);
    }
    return r.text;
  } catch (e) {
    io.err(`resolution ${cmd}: ${(e as Error).message}`);
    return undefined;
  }
}

function writeOut(out: string, data: Uint8Array, io: CliIO, cmd: string): boolean {
  try {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    const tmp = `${out}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, out);
    return true;
  } catch (e) {
    io.err(`resolution ${cmd}: cannot write ${out}: ${(e as Error).message}`);
    return false;
  }
}

async function loadCorpus(p: Parsed, io: CliIO, cmd: string): Promise<Corpus | undefined> {
  for (const c of p.corpora) {
    if (!fs.existsSync(c)) {
      io.err(`resolution ${cmd}: corpus folder not found: ${c}`);
      return undefined;
    }
  }
  const corpus = new Corpus();
  const report = await corpus.load({ builtin: p.builtin, paths: p.corpora });
  for (const s of report.skipped) io.err(`resolution ${cmd}: skipped ${displayPath(s.path)}: ${s.reason}`);
  return corpus;
}

export const exportCommand = {
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, new Set(['-o', '--out', '--font', '--size', '--openings']));
    if (p.help) {
      io.out(EXPORT_HELP);
      return 0;
    }
    if (!p.file) throw new UsageError('give the draft FILE to export');
    if (!p.out) throw new UsageError('give the Word file to write with -o OUT.docx');
    if (p.size !== undefined && !(p.size >= 6 && p.size <= 72)) throw new UsageError('--size needs a number of points between 6 and 72');
    const text = await readDraft(p.file, io, 'export');
    if (text === undefined) return 2;
    const docx = exportDocx(text, {
      ...(p.font ? { font: p.font } : {}),
      ...(p.size ? { size: p.size } : {}),
      ...(p.openings ? { openings: p.openings } : {}),
    });
    if (!writeOut(p.out, docx, io, 'export')) return 2;
    io.out(`Wrote ${displayPath(path.resolve(p.out))} (${docx.length} bytes)`);
    return 0;
  },
};

function jsonCandidate(c: BaseCandidate) {
  return { ...c, ...(c.path ? { path: displayPath(c.path) } : {}) };
}

export const baseCommand = {
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, new Set(['--format', '--corpus', '--no-builtin']));
    if (p.help) {
      io.out(BASE_HELP);
      return 0;
    }
    if (!['text', 'json'].includes(p.format)) throw new UsageError(`--format must be text or json, not "${p.format}"`);
    if (!p.file) throw new UsageError('give the draft FILE');
    const warnings: string[] = [];
    const text = await readDraft(p.file, io, 'base', warnings);
    if (text === undefined) return 2;
    const corpus = await loadCorpus(p, io, 'base');
    if (!corpus) return 2;
    const r: BaseResult = findBase(text, corpus, { draftPath: path.resolve(p.file) });
    if (p.format === 'json') {
      io.out(
        JSON.stringify(
          {
            base: r.base ? jsonCandidate(r.base) : null,
            candidates: r.candidates.map(jsonCandidate),
            ...(r.reason ? { reason: r.reason } : {}),
            ...(r.session ? { session: r.session } : {}),
            warnings,
          },
          null,
          2,
        ),
      );
      return 0;
    }
    if (!r.base) io.out(`No base text found: ${r.reason}.`);
    else
      io.out(
        `Base: ${r.base.symbol}${r.base.title ? ` — ${r.base.title}` : ''}${r.base.date ? ` (${r.base.date})` : ''}${r.base.path ? `  ${displayPath(r.base.path)}` : ''}${r.reason ? `  [${r.reason}]` : ''}`,
      );
    if (r.candidates.length > 1 || !r.base) {
      io.out('Candidates:');
      for (const c of r.candidates) {
        io.out(
          `  ${c.score.toFixed(2)}  ${c.symbol}${c.title ? ` — ${c.title}` : ''}  (title ${c.evidence.title.toFixed(2)}, paragraphs ${c.evidence.reuse.toFixed(2)}${c.evidence.cited ? ', cited' : ''})`,
        );
      }
    }
    return 0;
  },
};

/** The base's text: a file, or a symbol looked up in the corpus. */
async function baseText(p: Parsed, draft: string, io: CliIO): Promise<{ text: string; name: string } | undefined> {
  if (p.base && fs.existsSync(p.base)) {
    const t = await readDraft(p.base, io, 'redline');
    return t === undefined ? undefined : { text: t, name: displayPath(path.resolve(p.base)) };
  }
  const corpus = await loadCorpus(p, io, 'redline');
  if (!corpus) return undefined;
  let symbol = p.base;
  let found: BaseCandidate | null = null;
  if (!symbol) {
    const r = findBase(draft, corpus, { draftPath: path.resolve(p.file!) });
    if (!r.base) {
      io.err(`resolution redline: no base text: ${r.reason}. Name one with --base FILE|SYMBOL or a "base:" line in the front matter.`);
      return undefined;
    }
    found = r.base;
    symbol = r.base.symbol;
  }
  if (!found?.path) {
    const r = findBase(`base: ${symbol}\n`, corpus);
    found = r.base;
  }
  if (!found?.path) {
    io.err(
      `resolution redline: the base ${symbol} is neither a file nor a resolution in the corpus${p.corpora.length ? '' : ' (add its folder with --corpus DIR)'}`,
    );
    return undefined;
  }
  try {
    const src = await loadDraftSource(found.path, found.symbol);
    for (const w of src.warnings) io.err(`resolution redline: ${displayPath(found.path)}: ${w}`);
    return { text: src.text, name: `${found.symbol} (${displayPath(found.path)})` };
  } catch (e) {
    io.err(`resolution redline: ${(e as Error).message}`);
    return undefined;
  }
}

export const redlineCommand = {
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseArgs(args, new Set(['-o', '--out', '--base', '--corpus', '--no-builtin', '--author', '--openings']));
    if (p.help) {
      io.out(REDLINE_HELP);
      return 0;
    }
    if (!p.file) throw new UsageError('give the draft FILE');
    if (!p.out) throw new UsageError('give the Word file to write with -o OUT.docx');
    const draft = await readDraft(p.file, io, 'redline');
    if (draft === undefined) return 2;
    const base = await baseText(p, draft, io);
    if (!base) return 2;
    const { docx, summary } = redlineDocx(base.text, draft, {
      ...(p.author ? { author: p.author } : {}),
      ...(p.openings ? { openings: p.openings } : {}),
    });
    if (!writeOut(p.out, docx, io, 'redline')) return 2;
    io.out(
      `Wrote ${displayPath(path.resolve(p.out))}: ${base.name} → ${displayPath(path.resolve(p.file))}: ${summary.changed} changed, ${summary.added} added, ${summary.deleted} deleted, ${summary.moved} moved, ${summary.unchanged} unchanged paragraphs`,
    );
    return 0;
  },
};
