/** The parser (its passes are in parser/): re-exported here for the many modules that import it. */
export { parse, parseOrThrow, reparse, citationKey, superscriptToAscii, ORDINAL_SUFFIXES, type ParseOptions } from './parser/index';
