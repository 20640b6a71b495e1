/**
 * The intermediate form every importer produces (paragraphs of styled runs, footnotes, front
 * matter) and the one writer that turns it into a draft in the project's Markdown format:
 * `*italic*`, `**bold**`, `~~struck~~`, footnote markers as superscript digits (¹ ²) with their
 * definitions (`¹ text`) right after the paragraph that first cites them, the way the seeds and
 * the official texts place them. Plain TypeScript, no LSP import.
 */

export interface Run {
  /** The text; U+2028 marks a line break inside the paragraph. */
  text: string;
  italic?: boolean;
  bold?: boolean;
  /** Struck through: a deletion proposed in a negotiation text. */
  strike?: boolean;
  /** A footnote marker: the label of the footnote it cites (the run's text is ignored). */
  note?: string;
}

export interface ImportedParagraph {
  /** The paragraph's number or label as printed ("1.", "(a)", "(iv)"), when it stands apart from the text. */
  label?: string;
  runs: Run[];
  /** Markdown heading level, for headings. */
  heading?: number;
}

export interface ImportedDocument {
  /** Header lines (symbol, distribution, date, session, agenda item, sponsors, title), in order. */
  front: string[];
  paragraphs: ImportedParagraph[];
  /** Footnote texts by label. */
  footnotes: Map<string, Run[]>;
  warnings: string[];
}

export interface ImportResult {
  draft: string;
  warnings: string[];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The marker of a footnote in the draft: superscript digits for numbers, `[^x]` otherwise. */
export function footnoteMarker(label: string): string {
  return /^\d+$/.test(label) ? [...label].map((d) => SUPERSCRIPT[+d]).join('') : `[^${label}]`;
}

function footnoteDefinitionPrefix(label: string): string {
  return /^\d+$/.test(label) ? footnoteMarker(label) : `[^${label}]:`;
}

/** Collapses white space the way a printed line reads. */
export function squash(s: string): string {
  return s.replace(/[ \t\r\n\u00a0\u2029]+/g, ' ');
}

type Style = 'italic' | 'bold' | 'strike';
const MARK: Record<Style, string> = { italic: '*', bold: '**', strike: '~~' };

/** Merges neighbouring runs of the same style so that emphasis is written once per stretch. */
export function mergeRuns(runs: Run[]): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (!r.note && !r.text) continue;
    const last = out[out.length - 1];
    if (last && !last.note && !r.note && !!last.italic === !!r.italic && !!last.bold === !!r.bold && !!last.strike === !!r.strike) {
      last.text += r.text;
    } else if (last && !last.note && !r.note && /^\s+$/.test(r.text) && !r.strike && !last.strike) {
      // a space between two styled stretches takes the style of the one before it
      last.text += r.text;
    } else {
      out.push({ ...r });
    }
  }
  return out;
}

/** Writes runs as Markdown; emphasis marks hug the words (spaces stay outside them). */
export function runsToMarkdown(runs: Run[]): string {
  let s = '';
  for (const r of mergeRuns(runs)) {
    if (r.note) {
      s += footnoteMarker(r.note);
      continue;
    }
    const text = squash(r.text);
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
    if (!m[2]) {
      s += text;
      continue;
    }
    let inner = m[2];
    const styles: Style[] = [];
    if (r.strike) styles.push('strike');
    if (r.bold) styles.push('bold');
    if (r.italic) styles.push('italic');
    for (const st of styles.reverse()) inner = MARK[st] + inner + MARK[st];
    s += m[1] + inner + m[3];
  }
  // explicit line breaks (LINE SEPARATOR from the readers) become new lines of the same block
  return s
    .replace(/ {2,}/g, ' ')
    .replace(/ *\u2028+ */g, '\n')
    .trim();
}

/** The draft text of one paragraph, label included. */
export function paragraphToMarkdown(p: ImportedParagraph): string {
  const body = runsToMarkdown(p.runs);
  if (p.heading) return `${'#'.repeat(p.heading)} ${body}`;
  return p.label ? (body ? `${p.label} ${body}` : p.label) : body;
}

/** Labels of the footnotes a paragraph cites, in order. */
function notesOf(p: ImportedParagraph): string[] {
  return p.runs.filter((r) => r.note).map((r) => r.note!);
}

/** Writes the whole draft: front matter, then each paragraph followed by the footnotes it cites first. */
export function writeDraft(doc: ImportedDocument): string {
  const blocks: string[] = [];
  for (const line of doc.front) if (line.trim()) blocks.push(line.trim());
  const written = new Set<string>();
  for (const p of doc.paragraphs) {
    const text = paragraphToMarkdown(p);
    if (!text) continue;
    blocks.push(text);
    const defs: string[] = [];
    for (const label of notesOf(p)) {
      if (written.has(label)) continue;
      const note = doc.footnotes.get(label);
      if (!note) continue;
      written.add(label);
      defs.push(`${footnoteDefinitionPrefix(label)} ${runsToMarkdown(note)}`);
    }
    if (defs.length) blocks.push(defs.join('\n'));
  }
  const rest = [...doc.footnotes.keys()].filter((l) => !written.has(l));
  if (rest.length) {
    blocks.push(rest.map((l) => `${footnoteDefinitionPrefix(l)} ${runsToMarkdown(doc.footnotes.get(l)!)}`).join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
