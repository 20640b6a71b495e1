/**
 * An exact word diff of two texts: the equal and deleted parts concatenate to exactly the old
 * text, the equal and inserted parts to exactly the new one, every character kept (spaces,
 * punctuation, `*` and footnote markers), so that a redline built on it accepts to the draft and
 * rejects to the base. Plain TypeScript, no LSP import.
 */

export type DiffOp = 'equal' | 'insert' | 'delete';

export interface WordDiffPart {
  op: DiffOp;
  text: string;
}

/** Words (letters and digits with inner apostrophes), runs of white space, and single other characters. */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)*|\s+|[\s\S]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const MAX_CELLS = 4_000_000;

/** Longest common subsequence of two token lists as matched index pairs (head and tail trimmed first). */
export function lcs(a: string[], b: string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  let head = 0;
  while (head < n && head < m && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && a[n - 1 - tail] === b[m - 1 - tail]) tail++;
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < head; i++) pairs.push([i, i]);
  const an = n - head - tail;
  const bm = m - head - tail;
  if (an > 0 && bm > 0 && (an + 1) * (bm + 1) <= MAX_CELLS) {
    const w = bm + 1;
    const dp = new Uint32Array((an + 1) * w);
    for (let i = an - 1; i >= 0; i--) {
      for (let j = bm - 1; j >= 0; j--) {
        dp[i * w + j] = a[head + i] === b[head + j] ? dp[(i + 1) * w + j + 1] + 1 : Math.max(dp[(i + 1) * w + j], dp[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < an && j < bm) {
      if (a[head + i] === b[head + j]) {
        pairs.push([head + i, head + j]);
        i++;
        j++;
      } else if (dp[(i + 1) * w + j] >= dp[i * w + j + 1]) i++;
      else j++;
    }
  }
  for (let t = tail; t > 0; t--) pairs.push([n - t, m - t]);
  return pairs;
}

function isWord(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/**
 * The diff of `a` (old) into `b` (new), by words. Equal stretches that hold no word (a lone space
 * or comma between two changes) are folded into the changes around them, so a diff reads as
 * whole phrases replaced, the way a reviewer reads a redline.
 */
export function diffWords(a: string, b: string): WordDiffPart[] {
  if (a === b) return a ? [{ op: 'equal', text: a }] : [];
  const ta = tokenize(a);
  const tb = tokenize(b);
  const pairs = lcs(ta, tb);
  // Raw runs in order: deletions before insertions at each gap.
  const raw: WordDiffPart[] = [];
  const push = (op: DiffOp, text: string) => {
    if (!text) return;
    const last = raw[raw.length - 1];
    if (last && last.op === op) last.text += text;
    else raw.push({ op, text });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...pairs, [ta.length, tb.length] as [number, number]]) {
    push('delete', ta.slice(i, pi).join(''));
    push('insert', tb.slice(j, pj).join(''));
    if (pi < ta.length) push('equal', ta[pi]);
    i = pi + 1;
    j = pj + 1;
  }
  return cleanup(raw);
}

/** Folds word-less equal stretches lying between two changes into those changes; merges neighbours. */
function cleanup(parts: WordDiffPart[]): WordDiffPart[] {
  const out: WordDiffPart[] = [];
  let del = '';
  let ins = '';
  let pendingEqual = '';
  const flushChange = () => {
    if (del) out.push({ op: 'delete', text: del });
    if (ins) out.push({ op: 'insert', text: ins });
    del = '';
    ins = '';
  };
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k];
    if (p.op === 'equal') {
      const changeBefore = del !== '' || ins !== '';
      const changeAfter = k + 1 < parts.length;
      if (changeBefore && changeAfter && !isWord(p.text) && p.text.length <= 3) {
        // A space or a comma between two changes: part of the replaced phrase.
        del += p.text;
        ins += p.text;
        continue;
      }
      flushChange();
      pendingEqual = p.text;
      const last = out[out.length - 1];
      if (last && last.op === 'equal') last.text += pendingEqual;
      else out.push({ op: 'equal', text: pendingEqual });
    } else if (p.op === 'delete') del += p.text;
    else ins += p.text;
  }
  flushChange();
  return out;
}

/** The old text of a diff (equal + delete) and the new one (equal + insert). */
export function sidesOf(diff: WordDiffPart[]): { old: string; new: string } {
  let o = '';
  let n = '';
  for (const p of diff) {
    if (p.op !== 'insert') o += p.text;
    if (p.op !== 'delete') n += p.text;
  }
  return { old: o, new: n };
}
