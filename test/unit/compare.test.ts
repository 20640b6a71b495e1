/**
 * Comparing revisions: revisions derived from the seeds and from ../shared/corpus texts (a paragraph
 * moved, one deleted, one inserted, one edited, one split in two, two merged) must come back as
 * exactly those changes; the command line prints the documented JSON shape.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { compareTexts, revisionParagraphs } from '../../server/src/core/compare/revisions';
import { main } from '../../server/src/cli/main';
import { aknToTexts } from '../tools/akn';
import { listXml, sharedCorpusDir } from '../tools/corpus-path';
import { SEEDS } from '../support/paths';
import { rng } from '../support/negotiation-generator';

/** Paragraph blocks of a text (blank-line separated), and which of them are numbered operative paragraphs or preambular ones. */
function blocks(text: string): string[] {
  return text.split(/\n\n+/);
}

interface Derived {
  text: string;
  moved: string[];
  added: string[];
  deleted: string[];
  edited: string[];
  split: string;
  merged: string;
}

/** Derives a revision by operations on paragraphs whose first words are unique in the text. */
function derive(text: string, seed: number): Derived | undefined {
  const random = rng(seed);
  const bs = blocks(text);
  const key = (b: string) => b.replace(/^\d+(?: bis)?\.\s*/, '').slice(0, 60);
  const isPara = (b: string) => /^(?:\d+\.\s+)?\*?[A-Z][a-z]+/.test(b) && b.length > 80 && !b.includes('\n') && /[,;]$/.test(b.trim());
  const isOp = (b: string) => /^\d+\.\s/.test(b);
  const counts = new Map<string, number>();
  for (const b of bs) counts.set(key(b), (counts.get(key(b)) ?? 0) + 1);
  const cand = bs.map((_, i) => i).filter((i) => isPara(bs[i]) && counts.get(key(bs[i])) === 1);
  if (cand.length < 10) return undefined;
  const pick = () => cand.splice(Math.floor(random() * cand.length), 1)[0];
  const [iMove, iDel, iEdit] = [pick(), pick(), pick()];
  // the moved paragraph goes at least three places away, within its own part
  const sameKind = bs
    .map((_, i) => i)
    .filter((i) => isPara(bs[i]) && isOp(bs[i]) === isOp(bs[iMove]) && Math.abs(i - iMove) >= 3 && i !== iDel && i !== iEdit);
  if (!sameKind.length) return undefined;
  const moveTo = sameKind[Math.floor(random() * sameKind.length)];
  const added = isOp(bs[iMove])
    ? `*Invites* the depositary to circulate the ${seed}th informal note on implementation to all delegations;`
    : `*Taking note* of the ${seed}th informal note on implementation circulated to all delegations,`;
  const d: Derived = { text: '', moved: [bs[iMove]], added: [added], deleted: [bs[iDel]], edited: [], split: '', merged: '' };
  const out: string[] = [];
  for (let i = 0; i < bs.length; i++) {
    const b = bs[i];
    if (i === iDel || i === iMove) continue;
    if (i === iEdit) {
      const e = b.replace(/ the /, ' the relevant ');
      out.push(e);
      if (e !== b) d.edited.push(e);
    } else out.push(b);
    if (i === moveTo) out.push(bs[iMove], added);
  }
  d.text = out.join('\n\n');
  // the inserted paragraph must read as a paragraph of its own (not continue its neighbour)
  if (!revisionParagraphs(d.text).some((p) => body(p.text) === body(added))) return undefined;
  return d;
}

function texts(): Array<{ name: string; text: string }> {
  const out = fs
    .readdirSync(SEEDS)
    .filter((f) => /^A-RES|UNTOC|UNEP/.test(f))
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(SEEDS, f), 'utf8') }));
  const dir = sharedCorpusDir();
  if (!dir) {
    console.log('      (skipped corpus part: ../shared not present)');
    return out;
  }
  const files = listXml(path.join(dir, 'un-ga-akn4un'));
  for (let i = 0; i < files.length && out.length < 45; i += 13)
    aknToTexts(fs.readFileSync(files[i], 'utf8')).forEach((text, k) => out.push({ name: `${path.basename(files[i])}#${k}`, text }));
  return out;
}

const body = (s: string) => s.replace(/^\d+\.\s*/, '').trim();

describe('compare two revisions', function () {
  this.timeout(120000);

  it('recovers every move, insertion and deletion of revisions derived from the seeds and the corpus (and the edit)', () => {
    let derived = 0;
    const failures: string[] = [];
    texts().forEach(({ name, text }, t) => {
      for (const seed of [t * 3 + 1, t * 3 + 2]) {
        const d = derive(text, seed);
        if (!d) continue;
        derived++;
        const c = compareTexts(text, d.text);
        const oldParas = c.pairs.map((p, k) => ({ p, det: c.details[k] }));
        const textOf = (range: [number, number] | undefined, src: string) => (range ? body(src.slice(range[0], range[1])) : '');
        const kindsOf = (s: string, side: 'new' | 'old') =>
          oldParas
            .filter(({ det }) => textOf(side === 'new' ? det.newRange : det.oldRange, side === 'new' ? d.text : text) === body(s))
            .map(({ p }) => p.kind);
        const where = `${name} seed ${seed}`;
        for (const m of d.moved)
          if (kindsOf(m, 'new').join() !== 'moved') failures.push(`${where}: moved paragraph reported ${kindsOf(m, 'new')}`);
        for (const a of d.added)
          if (kindsOf(a, 'new').join() !== 'added') failures.push(`${where}: inserted paragraph reported ${kindsOf(a, 'new')}`);
        for (const x of d.deleted)
          if (kindsOf(x, 'old').join() !== 'deleted') failures.push(`${where}: deleted paragraph reported ${kindsOf(x, 'old')}`);
        for (const e of d.edited)
          if (kindsOf(e, 'new').join() !== 'changed') failures.push(`${where}: edited paragraph reported ${kindsOf(e, 'new')}`);
        // nothing else moved, added or deleted
        const s = c.summary;
        if (s.moved !== 1 || s.added !== 1 || s.deleted !== 1 || s.changed !== d.edited.length)
          failures.push(`${where}: summary ${JSON.stringify(s)}`);
      }
    });
    console.log(`      ${derived} derived revisions`);
    assert.ok(derived >= 5);
    assert.deepStrictEqual(failures, []);
  });

  it('a split paragraph is an addition split from its old paragraph; two merged, a deletion merged into the new one', () => {
    const old =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Requests* the Secretary-General to submit a report on the implementation of the present resolution and to include recommendations on wildlife crime;\n\n2. *Encourages* Member States to strengthen legislation;\n\n3. *Calls upon* Member States to cooperate with one another across borders;\n\n4. *Decides* to remain seized of the matter.\n';
    const rev =
      'The General Assembly,\n\n*Recalling* its resolution 70/1,\n\n1. *Requests* the Secretary-General to submit a report on the implementation of the present resolution;\n\n2. *Also requests* the Secretary-General to include recommendations on wildlife crime;\n\n3. *Encourages* Member States to strengthen legislation and calls upon Member States to cooperate with one another across borders;\n\n4. *Decides* to remain seized of the matter.\n';
    const c = compareTexts(old, rev);
    const split = c.pairs.findIndex((p) => p.kind === 'added');
    assert.strictEqual(c.details[split].splitFrom, '1');
    const merged = c.pairs.findIndex((p) => p.kind === 'deleted');
    assert.ok(c.details[merged].mergedInto === '3', JSON.stringify(c.pairs.map((p) => p.kind)));
  });

  it('resolution compare --format json prints exactly the documented shape; text names the move', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'res-cmp-'));
    const a = path.join(dir, 'L12.res.md');
    const b = path.join(dir, 'L12-Rev1.res.md');
    fs.writeFileSync(
      a,
      'The General Assembly,\n\nPP1 *Recalling* its resolution 70/1 of 25 September 2015,\n\nPP2 *Noting* the report of the Secretary-General on wildlife crime,\n\nPP3 *Concerned* about the illicit trafficking in protected species of wild fauna and flora,\n\nOP1 *Decides* to convene a high-level meeting;\n\nOP2 *Requests* a report.\n',
    );
    fs.writeFileSync(
      b,
      'The General Assembly,\n\nPP1 *Concerned* about the illicit trafficking in protected species of wild fauna and flora,\n\nPP2 *Recalling* its resolution 70/1 of 25 September 2015,\n\nPP3 *Noting* the report of the Secretary-General on wildlife crime,\n\nOP1 *Decides* to convene a high-level meeting in 2027;\n\nOP2 *Requests* a report.\n',
    );
    let out = '';
    const code = await main(['compare', '--format', 'json', a, b], { out: (l) => (out += l + '\n'), err: () => undefined });
    assert.strictEqual(code, 0);
    const json = JSON.parse(out);
    assert.deepStrictEqual(Object.keys(json), ['summary', 'pairs']);
    assert.deepStrictEqual(json.summary, { added: 0, deleted: 0, moved: 1, changed: 1, unchanged: 3 });
    for (const p of json.pairs) {
      assert.deepStrictEqual(Object.keys(p), ['old', 'new', 'kind', 'similarity', 'diff']);
      for (const side of [p.old, p.new]) if (side) assert.deepStrictEqual(Object.keys(side), ['label', 'line']);
      for (const x of p.diff) assert.deepStrictEqual(Object.keys(x), ['op', 'text']);
    }
    const moved = json.pairs.find((p: { kind: string }) => p.kind === 'moved');
    assert.deepStrictEqual(
      [moved.old, moved.new],
      [
        { label: 'PP3', line: 7 },
        { label: 'PP1', line: 3 },
      ],
    );
    const changed = json.pairs.find((p: { kind: string }) => p.kind === 'changed');
    assert.deepStrictEqual(
      changed.diff.filter((x: { op: string }) => x.op !== 'equal'),
      [{ op: 'insert', text: ' in 2027' }],
    );
    out = '';
    await main(['compare', a, b], { out: (l) => (out += l + '\n'), err: () => undefined });
    assert.match(out, /0 paragraphs added, 0 deleted, 1 moved, 1 changed, 3 unchanged/);
    assert.match(out, /PP1 \(line 3\) moved from PP3/);
  });
});
