/**
 * Builds negotiation drafts from adopted texts the way delegations mark them up: labels (PP/OP),
 * inserted `bis` paragraphs marked deleted, alternative paragraphs, square brackets around words,
 * alternatives `[a / b]`, nested brackets, whole bracketed paragraphs, status tags in several
 * styles (after or before the ending, on their own line, in parentheses). The generator knows
 * what it inserted, so it states the status every paragraph must get, independently of the code
 * under test; the text as adopted must be the original.
 */
import { parse } from '../../server/src/core/parser';
import type { OperativeParagraph, Paragraph } from '../../server/src/core/model';

export type Status = 'agreed' | 'bracketed' | 'pending' | 'deleted';

export interface GeneratedDraft {
  text: string;
  /** Status of every preambular and operative paragraph of the draft, in order. */
  statuses: Status[];
  style: string;
}

/** A small deterministic generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Insert {
  at: number;
  text: string;
  /** Order among inserts at one offset. */
  order: number;
}

const AGREED_STYLES = [' [Agreed ad ref]', ' (agreed ad ref)', ' [Agreed]', '\n[Agreed ad ref]', 'before'];

export function generateDraft(original: string, seed: number): GeneratedDraft | undefined {
  const doc = parse(original);
  if (doc.kind !== 'resolution') return undefined;
  const random = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];
  const paras: Paragraph[] = [...doc.preamble, ...doc.operative].sort((a, b) => a.start - b.start);
  if (paras.length < 3) return undefined;
  const labels = seed % 2 === 0; // PP/OP labels, or the numbers kept
  const tagging = seed % 3 !== 2; // the document tags agreement, or tags nothing
  const tagStyle = AGREED_STYLES[seed % AGREED_STYLES.length];
  const inserts: Insert[] = [];
  const replaces: Array<{ start: number; end: number; text: string }> = [];
  const facts: Array<{ bracketed: boolean; agreed: boolean; deleted: boolean; at: number }> = [];
  const src = original;
  let order = 0;
  const ins = (at: number, text: string) => inserts.push({ at, text, order: order++ });

  let pp = 0;
  const opsSeen = new Set<number>();
  for (const p of paras) {
    const f = { bracketed: false, agreed: false, deleted: false, at: p.start };
    facts.push(f);
    const op = p.kind === 'operative' ? (p as OperativeParagraph) : undefined;
    let bodyStart = p.start;
    if (op?.number) {
      bodyStart = op.number.end;
      while (/[ \t]/.test(src[bodyStart])) bodyStart++;
    }
    if (p.kind === 'preambular') pp++;
    // a tag before the paragraph ("[Agreed ad ref] PP3 …"), in the last style
    const tagBefore = tagging && tagStyle === 'before' && p.kind === 'preambular' && random() < 0.5;
    if (tagBefore) {
      ins(p.start, '[Agreed ad ref] ');
      f.agreed = true;
    }
    // labels
    if (labels) {
      if (p.kind === 'preambular') ins(p.start, `PP${pp} `);
      else if (op?.number && !op.number.suffix && /^\d+\.$/.test(op.number.text) && src[op.number.end] === ' ')
        replaces.push({ start: op.number.start, end: bodyStart, text: `OP${op.number.value} ` });
    }
    const firstEnd = p.fragments[0]?.end ?? p.end;
    const body = src.slice(bodyStart, firstEnd);
    const single = p.fragments.length === 1 && !(op && op.subparagraphs.length) && !body.includes('\n');
    const r = random();
    if (r < 0.15 && single && !/[[\]]/.test(body)) {
      // the whole paragraph in brackets
      ins(bodyStart, '[');
      ins(p.end, ']');
      f.bracketed = true;
    } else if (r < 0.22 && p.kind === 'operative' && /^\*[A-Z][a-z]+s\* /.test(src.slice(bodyStart, bodyStart + 40))) {
      // alternatives for the opening verb, without spaces: [*Decides*/*Resolves*]
      const verb = /^\*[A-Z][a-z]+s\*/.exec(src.slice(bodyStart))![0];
      ins(bodyStart, '[');
      ins(bodyStart + verb.length, '/*Resolves*]');
      f.bracketed = true;
    } else if (r < 0.5) {
      // a word, alternatives or nested brackets in the first line
      const words = [...body.matchAll(/(?<=[ ])([a-z]{3,})(?= ([a-z]{3,})[ ,;])/g)].filter((m) => m.index! > 10);
      if (words.length) {
        const m = pick(words);
        const s = bodyStart + m.index!;
        const w1 = m[1];
        const kind = Math.floor(random() * 3);
        if (kind === 0) {
          ins(s, '[');
          ins(s + w1.length, ']');
        } else if (kind === 1) {
          ins(s, '[');
          ins(s + w1.length, pick([' / further', '/other', ' / strongly ' + w1]));
          ins(s + w1.length, ']');
        } else {
          const e2 = s + w1.length + 1 + m[2].length;
          ins(s, '[[');
          ins(s + w1.length, ']');
          ins(e2, ' / alternative wording]');
        }
        f.bracketed = true;
      }
    }
    // tags
    if (tagging && tagStyle !== 'before' && random() < 0.5) {
      f.agreed = true;
      const end = trimEnd(src, p.end);
      const last = src[end - 1];
      if (tagStyle !== '\n[Agreed ad ref]' && /[,;.]/.test(last) && random() < 0.3)
        ins(end - 1, tagStyle); // before the ending
      else ins(end, tagStyle);
    }
    // inserted paragraphs after this operative paragraph: a deleted bis, an alternative
    if (op?.number && !op.number.suffix && !opsSeen.has(op.number.value) && random() < 0.2) {
      opsSeen.add(op.number.value);
      const n = op.number.value;
      const label = labels ? `OP${n} bis ` : `${n} bis. `;
      ins(p.end, `\n\n${label}*Invites* Member States to consider the matter further; [Deleted]`);
      facts.push({ bracketed: false, agreed: false, deleted: true, at: p.end + 0.5 });
    } else if (labels && op?.number && !op.number.suffix && !opsSeen.has(op.number.value) && random() < 0.15) {
      opsSeen.add(op.number.value);
      ins(p.end, `\n\nOP${op.number.value} alt *Urges* States to consider the matter;`);
      facts.push({ bracketed: false, agreed: false, deleted: false, at: p.end + 0.5 });
    }
  }
  const edits = [
    ...inserts.map((i) => ({ start: i.at, end: i.at, text: i.text, order: i.order })),
    ...replaces.map((r) => ({ ...r, order: -1 })),
  ].sort((a, b) => b.start - a.start || b.order - a.order);
  let text = src;
  for (const e of edits) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  const anyAgreed = facts.some((f) => f.agreed);
  const statuses = facts.map<Status>((f) =>
    f.deleted ? 'deleted' : f.bracketed ? 'bracketed' : f.agreed ? 'agreed' : anyAgreed ? 'pending' : 'agreed',
  );
  return { text, statuses, style: `${labels ? 'labels' : 'numbers'}, ${tagging ? JSON.stringify(tagStyle.trim()) : 'no tags'}` };
}

function trimEnd(s: string, at: number): number {
  let e = at;
  while (e > 0 && /\s/.test(s[e - 1])) e--;
  return e;
}
