/**
 * Where a cited resolution symbol can be read: the UN documents site for well-formed symbols.
 * No LSP import.
 */

const ROMAN = /^(\d{1,4})\s?\(([IVXL]+)\)$/;
const SESSION = /^(\d{1,2})\/(\d{1,4})$/;
const YEAR = /^((?:19|20)\d{2})\/(\d{1,4})$/;
const SC = /^(\d{1,4})\s?\(((?:19|20)\d{2})\)$/;
const FULL = /^(?:A|E|S|A\/HRC)\/RES\/[\w./()-]+$/;

export type Organ = 'ga' | 'hrc' | 'ecosoc' | 'unknown';

/** Which organ the words just before a citation name ("… Human Rights Council resolution"). */
export function organBefore(textBefore: string): Organ {
  const t = textBefore.slice(-80);
  if (/Human Rights Council(?:\s+resolutions?)?\s*$/i.test(t)) return 'hrc';
  if (/(?:Economic and Social )?Council(?:\s+resolutions?)?\s*$/i.test(t)) return 'ecosoc';
  if (/General Assembly(?:\s+resolutions?)?\s*$/i.test(t) || /\b(?:its|their)\s+resolutions?\s*$/i.test(t)) return 'ga';
  return 'unknown';
}

/**
 * The official document symbol of a cited resolution, or undefined when the citation is not
 * well-formed enough to say which document it is.
 *   "A/RES/75/311" → A/RES/75/311; "70/1" → A/RES/70/1 (General Assembly, sessions 31 onwards);
 *   "1514 (XV)" → A/RES/1514(XV); "2013/40" after "Council" → E/RES/2013/40;
 *   "46/1" after "Human Rights Council resolution" → A/HRC/RES/46/1;
 *   "2127 (2013)" (Security Council) → S/RES/2127(2013).
 */
export function officialSymbol(symbol: string, organ: Organ = 'unknown'): string | undefined {
  const s = symbol.replace(/\s+/g, ' ').trim();
  if (FULL.test(s)) return s;
  let m = SC.exec(s);
  if (m) return `S/RES/${m[1]}(${m[2]})`;
  m = ROMAN.exec(s);
  if (m) return `A/RES/${m[1]}(${m[2]})`;
  m = YEAR.exec(s);
  if (m) return organ === 'ecosoc' || organ === 'unknown' ? `E/RES/${m[1]}/${m[2]}` : undefined;
  m = SESSION.exec(s);
  if (m) {
    if (organ === 'hrc') return `A/HRC/RES/${m[1]}/${m[2]}`;
    if (organ === 'ecosoc') return undefined;
    const session = Number(m[1]);
    // From its 31st session (1976) the General Assembly numbers resolutions session/number.
    if (session >= 31 && session <= 99) return `A/RES/${m[1]}/${m[2]}`;
  }
  return undefined;
}

export function undocsUrl(official: string): string {
  return `https://undocs.org/${official.split('/').map(encodeURIComponent).join('/')}`;
}
