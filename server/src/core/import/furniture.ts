/**
 * What a printed UN page carries besides the text: running headers (the symbol, the title), job
 * numbers (23-23817 (E) 061223), page numbers (2/28), bar codes, "Please recycle". Shared by the
 * PDF and the plain-text import.
 */

/** The authority line of the bodies the project knows. */
export const AUTHORITY_RE =
  /^(?:The|L[ae]|El|La)\s+(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Conference of the Parties\b[^,]{0,120}|Meeting of the Parties\b[^,]{0,120}|Assemblée générale|Asamblea General|Conseil de sécurité|Consejo de Seguridad)\s*,?$/;

/** A line that is only a paragraph number or a sub-paragraph label. */
export const LABEL_ONLY_RE = /^(?:\d{1,3}\.|\([a-z]{1,5}\)|\([ivxlc]{1,6}\)|[a-z]\.)$/;

/** Page number "2/28" or "Page 2". */
const PAGE_RE = /^(?:\d{1,3}\s?\/\s?\d{1,3}|Page \d+(?: of \d+)?|-\s?\d{1,3}\s?-)$/i;
/** Job number "23-23817 (E) 061223" or "23-23817", with the bar code text "*2323817*". */
const JOB_RE = /^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}\s*\d{0,6})?|\*\d{6,9}\*|Please recycle.*)$/i;
/** A job number ("23-23817 (E) 061223"): the mark of a document printed by the United Nations. */
export function isJobNumber(text: string): boolean {
  return /^\d{2}-\d{5}\b/.test(text.trim()) || /\b\d{2}-\d{5}\s*\([A-Z]\)/.test(text);
}

/** A symbol of a document the United Nations issues: A/RES/78/11, A/78/L.12, A/C.3/78/L.25/Rev.1. */
export function isUnSymbol(symbol: string | undefined): boolean {
  return !!symbol && /^A\/(?:RES\/\d{1,3}\/\d+|(?:C\.\d\/)?\d{1,3}\/L\.\d+)/.test(symbol.trim());
}

/** A document symbol standing alone: A/RES/78/11, A/C.3/78/L.25, A/78/L.10/Rev.1. */
export const SYMBOL_RE = /^(?:A|S|E|A\/HRC|UNEP|FCCC)\/[\w.]+(?:\/[\w.()-]+)+(?:\*)?$/;

/** True for a line that belongs to the page, not to the text. `relY` is 0 at the bottom, 1 at the top. */
export function isPageFurniture(text: string, relY: number | undefined, symbol?: string): boolean {
  const t = text.trim();
  if (!t) return true;
  const edge = relY === undefined || relY < 0.1 || relY > 0.88;
  if (!edge) return false;
  if (PAGE_RE.test(t) || JOB_RE.test(t)) return true;
  if (symbol && (t === symbol || t.startsWith(symbol + ' ') || t.endsWith(' ' + symbol)))
    return relY === undefined || relY > 0.88 || relY < 0.1;
  return false;
}

/**
 * True for text copied out of a printed UN document (or written by pdftotext) rather than a draft
 * in the project's format: page breaks (form feeds), or the page's job number or "Distr.:" line in
 * a text with no Markdown emphasis and no front matter block.
 */
export function looksLikePrintedText(text: string): boolean {
  if (text.includes('\f')) return true;
  if (/^---\s*$/m.test(text.slice(0, 4)) || /(^|[\s(])[*_][^\s*_][^*_\n]*[*_]/.test(text)) return false;
  return /^\s*(?:\d{2}-\d{5}\s*\([A-Z]\)|Distr\.:\s)/m.test(text);
}
