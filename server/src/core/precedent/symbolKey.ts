/** The key of a resolution symbol, shared by the corpus and the parsing of its files. Plain TypeScript. */

/** The key of a resolution symbol: "A/RES/70/1" → "70/1", "E/RES/2013/40" → "2013/40". */
export function symbolKey(symbol: string): string {
  return symbol
    .replace(/^\s*[A-Z]{1,3}\/RES\//i, '')
    .replace(/\s+/g, ' ')
    .replace(/(\d)\(/, '$1 (')
    .trim();
}
