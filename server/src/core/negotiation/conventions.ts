/**
 * The conventions of negotiation texts (DRAFTING.md, "Negotiation texts"), written once: status
 * tags, paragraph labels, facilitator's notes, proposals attributed to delegations.
 */
import { ORDINAL_SUFFIXES } from '../parser';

export type TagStatus = 'agreed' | 'pending' | 'deleted' | 'other';

/** The status tags a document may carry, by what they mean; configurable (`negotiation.tags`). */
export interface TagSet {
  agreed: string[];
  pending: string[];
  deleted: string[];
  /** Known tags that say nothing about agreement ("Placeholder"). */
  other: string[];
}

export const DEFAULT_TAGS: TagSet = {
  agreed: ['Agreed ad ref', 'Agreed ad ref.', 'Agreed ad referendum', 'Ad ref', 'Agreed'],
  pending: ['Pending', 'Not agreed', 'Under discussion', 'Open'],
  deleted: ['Deleted'],
  other: ['Placeholder'],
};

export function normaliseTag(s: string): string {
  return s.replace(/[*_]/g, '').replace(/\s+/g, ' ').trim().replace(/\.$/, '').toLowerCase();
}

/** What a tag's text means under a tag set, or undefined when the set does not know it. */
export function tagStatus(text: string, tags: TagSet): TagStatus | undefined {
  return statusesOf(tags).get(normaliseTag(text));
}

/** The normalised tags of a set and what each means (the first kind listing it wins), made once per set. */
const statusCache = new WeakMap<TagSet, Map<string, TagStatus>>();
function statusesOf(tags: TagSet): Map<string, TagStatus> {
  let map = statusCache.get(tags);
  if (map) return map;
  map = new Map();
  for (const k of ['agreed', 'pending', 'deleted', 'other'] as const) {
    for (const x of tags[k]) {
      const n = normaliseTag(x);
      if (!map.has(n)) map.set(n, k);
    }
  }
  statusCache.set(tags, map);
  return map;
}

/** Text that looks like a status tag (short, capitalised, words only): `[Under consideration]`. */
export const TAG_LIKE_RE = /^[A-Z][A-Za-z]*(?:[ -][A-Za-z]+\.?){0,4}$/;

export const SUFFIXES = ORDINAL_SUFFIXES;
const SUFFIX_SRC = SUFFIXES.join('|');

/**
 * A paragraph label at the start of a line: `PP1`, `OP3`, `OP 5 bis`, `OP7 alt`, `OP7 alt 2`,
 * `**OP4.**`, or a numbered inserted / alternative paragraph `5 bis.`, `7 alt.`.
 * Groups: 1 indent, 2 part (PP/OP) or undefined, 3 number, 4 suffix, 5 alt, 6 alt number.
 */
export const LABEL_RE = new RegExp(
  String.raw`^([ \t]*(?:\[[ \t]*)?)(?:(?:\*\*|__)?(PP|OP|pp|op)[ \t]?(\d{1,3})(?:[ \t]*(${SUFFIX_SRC}))?(?:[ \t]*(alt)(?:ernative)?\.?(?:[ \t]*(\d{1,2}))?)?[.:)]?(?:\*\*|__)?(?=[ \t]|$)` +
    String.raw`|(?:\*\*|__)?()(\d{1,3})(?:[ \t]+(${SUFFIX_SRC}))?(?:[ \t]+(alt)(?:[ \t]*(\d{1,2}))?)?\.(?:\*\*|__)?(?=[ \t]|$))`,
);

/** What every label of LABEL_RE holds somewhere on its line: a text without it has no label. */
export const LABEL_HINT_RE = new RegExp(String.raw`(?:PP|OP|pp|op)[ \t]?\d|\d[ \t]+(?:${SUFFIX_SRC}|alt)`);

/** A facilitator's (or chair's) note, in brackets, parentheses, emphasis, or running to the end of the line. */
const NOTE_HEAD = String.raw`(?:(?:Co-?)?[Ff]acilitators?['’]?s?['’]?\s+[Nn]otes?|(?:Chair|Chairperson|President)['’]s\s+[Nn]otes?|[Nn]otes?\s+(?:by|from)\s+the\s+(?:[Cc]o-?)?(?:[Ff]acilitators?|[Cc]hair(?:person)?))\s*:`;
export const NOTE_RES: RegExp[] = [
  new RegExp(String.raw`\[\s*[*_]{0,2}${NOTE_HEAD}[^\]\n]*\]`, 'g'),
  new RegExp(String.raw`\(\s*[*_]{0,2}${NOTE_HEAD}[^)\n]*\)`, 'g'),
  new RegExp(String.raw`(?<![*\w])\*(?!\*)\s*${NOTE_HEAD}[^*\n]*\*`, 'g'),
  new RegExp(String.raw`(?<![_\w])_(?!_)\s*${NOTE_HEAD}[^_\n]*_`, 'g'),
  new RegExp(String.raw`(?<=^[ \t]*)(?:\*\*)?${NOTE_HEAD}[^\n]*`, 'gm'),
];

/** Names of delegations and groups: capitalised words (EU, G77, G-77 and China, United States, CARICOM). */
const PARTY = String.raw`(?:[A-Z][\w.'’&-]*|[A-Z]{1,2}-?\d{1,3})`;
const PARTIES = String.raw`${PARTY}(?:(?:\s+|\s*[,/+&]\s*|\s+and\s+)${PARTY}){0,6}`;
/** Words that open a parenthesis with a colon in adopted texts and are no delegation. */
export const NOT_PARTIES = new Set([
  'note',
  'notes',
  'see',
  'source',
  'sources',
  'ibid',
  'annex',
  'article',
  'chapter',
  'part',
  'section',
  'rule',
  'e.g',
  'i.e',
  'example',
  'formerly',
  'amended',
  'in',
  'as',
  'vol',
  'para',
  'paras',
]);
/** `(EU: delete)`, `(G77: retain)`, `[US: add "sustainable"]`, `[Proposed by Norway]`. */
export const PROPOSAL_RES: RegExp[] = [
  new RegExp(String.raw`\[\s*(${PARTIES})\s*:\s*([^\]\n]*)\]`, 'g'),
  new RegExp(String.raw`\(\s*(${PARTIES})\s*:\s*([^)\n]*)\)`, 'g'),
  new RegExp(String.raw`\[\s*(?:[Pp]roposed|[Ss]upported|[Oo]pposed)\s+by\s+(${PARTIES})\s*\]`, 'g'),
  new RegExp(String.raw`\(\s*(?:[Pp]roposed|[Ss]upported|[Oo]pposed)\s+by\s+(${PARTIES})\s*\)`, 'g'),
];

/** Proposed deletions (struck through) and insertions (underlined) in Markdown or HTML. */
export const DELETION_RES: RegExp[] = [/~~(?!~)([^\n]*?)~~/g, /<(del|s|strike)>([\s\S]*?)<\/\1>/g];
export const INSERTION_RES: RegExp[] = [/<(u|ins)>([\s\S]*?)<\/\1>/g, /\+\+(?!\+)([^\n+]+?)\+\+/g];

/** Bracketed text that is not a negotiation bracket: front-matter lines of adopted texts. */
export const FRONT_MATTER_BRACKET_RE = /^[ \t]*\[(?:without reference to a Main Committee|on the report of)[^\n]*\][ \t]*$/gm;
