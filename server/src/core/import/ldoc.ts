/**
 * The header of a draft as the secretariat issues it (an L document: A/78/L.12, A/C.3/78/L.25,
 * A/78/L.12/Rev.1): symbol, body, "Distr.: Limited", date, "Original: English", session,
 * committee, agenda item(s) and their title, the sponsors ending "…: draft resolution", the title,
 * and the notes of the asterisks ("* Reissued for technical reasons …"). Read from the header
 * lines in whatever order an extraction gives them, written back as the draft's front matter in
 * one order, the one the Word export writes, so that import(export(draft)) keeps it.
 */

export interface LDocHeader {
  symbol: string;
  /** "United Nations", when printed. */
  organization?: string;
  body?: string;
  distribution?: string;
  date?: string;
  original?: string;
  /** "Seventy-eighth session", the committee ("Third Committee"), "Agenda item 14" … */
  session: string[];
  /** The agenda item's title. */
  agendaTitle?: string;
  /** The sponsors' line, ending ": draft resolution" (or "revised draft resolution"). */
  sponsors?: string;
  /** "draft resolution", "revised draft resolution", "draft decision". */
  kind?: string;
  title?: string;
  /** Notes of the asterisks on the symbol or a sponsor. */
  notes: string[];
}

export const L_SYMBOL_RE = /^(A\/(?:C\.\d\/|CONF\.[\d/]+\/)?\d{1,3}\/L\.\d+(?:\/Rev\.\d+)?(?:\/Add\.\d+)?)(\**)$/;
const KIND_RE = /:\s*((?:revised\s+)?draft (?:resolution|decision)|amendments?)$/i;
const DATE_RE = /^\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;
const BODY_RE = /^(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)$/;
const SESSION_RE =
  /^(?:\S+(?:-\S+)? (?:special |emergency special )?session|\S+ Committee|Agenda items? .+|(?:Special Political and Decolonization|Fifth|Sixth|First|Second|Third|Fourth) Committee)$/i;

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Reads an L document's header from its lines; undefined when the lines are not one. */
export function readLDocHeader(input: string[]): LDocHeader | undefined {
  const lines = input
    .flatMap((l) => l.split(/\n|\u2028/))
    .map((l) => squash(l.replace(/\\\*/g, '*').replace(/^#{1,6}\s+/, '')))
    .filter(Boolean);
  const symAt = lines.findIndex((l) => L_SYMBOL_RE.test(l));
  if (symAt < 0) return undefined;
  const h: LDocHeader = { symbol: lines[symAt], session: [], notes: [] };
  const rest: string[] = [];
  let noteOpen = false;
  for (const l of lines.filter((_, i) => i !== symAt)) {
    if (/^\*+\s*\S/.test(l) && !/:\s*(?:revised\s+)?draft/i.test(l)) {
      h.notes.push(l);
      noteOpen = !/\.$/.test(l);
      continue;
    }
    if (noteOpen && /^\p{Ll}|^the\b/u.test(l)) {
      // a note's text wrapped onto the next line
      h.notes[h.notes.length - 1] += ' ' + l;
      noteOpen = !/\.$/.test(l);
      continue;
    }
    noteOpen = false;
    if (/^\*+\s*\S/.test(l)) h.notes.push(l);
    else if (l === 'United Nations' && !h.organization) h.organization = l;
    else if (BODY_RE.test(l) && !h.body) h.body = l;
    else if (/^Distr\.:/.test(l) && !h.distribution) h.distribution = l;
    else if (/^Original:/.test(l) && !h.original) h.original = l;
    else if (DATE_RE.test(l) && !h.date) h.date = l;
    else rest.push(l);
  }
  // session, committee and agenda lines; then the agenda title, the sponsors, the title
  let i = 0;
  while (i < rest.length && SESSION_RE.test(rest[i])) h.session.push(rest[i++]);
  const kindAt = rest.findIndex(
    (l, k) => k >= i && (KIND_RE.test(l) || (k + 1 < rest.length && !KIND_RE.test(rest[k + 1]) && KIND_RE.test(`${l} ${rest[k + 1]}`))),
  );
  if (kindAt >= 0) {
    let end = KIND_RE.test(rest[kindAt]) ? kindAt : kindAt + 1;
    // the sponsors may wrap over several lines: those ending in a comma or "and", or listing names
    let from = kindAt;
    while (from - 1 > i && (/(?:,|\band)$/.test(rest[from - 1]) || (rest[from - 1].match(/,/g) ?? []).length >= 2)) from--;
    if (from > i) h.agendaTitle = rest.slice(i, from).join(' ');
    h.sponsors = rest.slice(from, end + 1).join(' ');
    h.kind = KIND_RE.exec(h.sponsors)![1];
    const title = rest.slice(end + 1).join(' ');
    if (title) h.title = title;
    end++;
  } else if (i < rest.length) {
    h.agendaTitle = rest.slice(i).join(' ');
  }
  return h;
}

/** Asterisks are Markdown: written escaped in the draft. */
const escape = (s: string) => s.replace(/\*/g, '\\*');

/** The header as the draft's front matter: one block per part, in the Word export's order. */
export function lDocFrontMatter(h: LDocHeader): string[] {
  const blocks: string[] = [];
  if (h.organization) blocks.push(h.organization);
  blocks.push(escape(h.symbol));
  if (h.body) blocks.push(h.body);
  const distr = [h.distribution, h.date].filter(Boolean).join('\n');
  if (distr) blocks.push(distr);
  if (h.original) blocks.push(h.original);
  const session = [...h.session, ...(h.agendaTitle ? [h.agendaTitle] : [])].join('\n');
  if (session) blocks.push(session);
  if (h.sponsors) blocks.push(escape(h.sponsors));
  if (h.title) blocks.push(`## ${h.title}`);
  for (const n of h.notes) blocks.push(escape(n));
  return blocks;
}

/** Front matter lines made structured when they are an L document's header; as they were otherwise. */
export function normaliseFront(lines: string[]): string[] {
  const h = readLDocHeader(lines);
  return h ? lDocFrontMatter(h) : lines;
}
