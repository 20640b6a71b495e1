import { docsUrl, type Rule } from './types';

const id = 'label-without-base';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description: 'An inserted (`OP5 bis`, `5 bis.`) or alternative (`OP7 alt`) paragraph whose base paragraph (`OP5`, `OP7`) does not exist before it.',
    docsUrl: docsUrl(id),
    negotiation: true,
  },
  check(ctx) {
    const neg = ctx.negotiation;
    if (!neg) return;
    const { lines } = ctx;
    // every paragraph the draft names, as "OP5", "PP3", "5", "OP5 bis"
    const names = neg.paragraphs.map((p) => {
      const l = p.labelNode;
      if (l) return { key: `${l.part ?? ''}${l.number}${l.suffix ? ' ' + l.suffix : ''}`, alt: l.alt, start: p.start, part: l.part };
      return { key: p.kind === 'operative' ? p.label : '', alt: undefined, start: p.start, part: undefined };
    });
    const exists = (key: string, before: number, allowAlt: boolean) => names.some((n) => n.start < before && n.key === key && (allowAlt || n.alt === undefined));
    for (const l of neg.labels) {
      const prefix = l.part ?? '';
      if (l.alt !== undefined) {
        const base = l.base;
        // an alternative stands with its base paragraph, or with the other alternatives of its group
        if (exists(base, l.start, false) || exists(base, l.start, true)) continue;
        if (neg.labels.some((o) => o !== l && o.base === base && o.alt !== undefined && o.start > l.start)) continue;
        ctx.report({ range: lines.range(l.start, l.end), message: `“${l.text}” is an alternative to ${base}, but there is no paragraph ${base} before it.` });
        continue;
      }
      if (!l.suffix) continue;
      // OP5 bis needs OP5 (or 5); OP5 ter needs OP5 and OP5 bis before it
      const plain = `${prefix}${l.number}`;
      const alsoNumber = prefix === 'OP' ? String(l.number) : undefined;
      if (!exists(plain, l.start, false) && !(alsoNumber && exists(alsoNumber, l.start, false))) {
        ctx.report({ range: lines.range(l.start, l.end), message: `“${l.text}” is inserted after paragraph ${plain}, but there is no paragraph ${plain} before it.` });
      }
    }
  },
};
