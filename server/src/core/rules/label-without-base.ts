import { docsUrl, type Rule } from './types';

const id = 'label-without-base';

export const rule: Rule = {
  meta: {
    id,
    defaultSeverity: 'warning',
    description:
      'An inserted (`OP5 bis`, `5 bis.`) or alternative (`OP7 alt`) paragraph whose base paragraph (`OP5`, `OP7`) does not exist before it.',
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
    const existsBefore = (key: string, before: number, allowAlt: boolean) =>
      names.some((n) => n.start < before && n.key === key && (allowAlt || n.alt === undefined));
    for (const l of neg.labels) {
      const prefix = l.part ?? '';
      if (l.alt !== undefined) {
        const base = l.base;
        // an alternative stands with its base paragraph, or with the other alternatives of its group
        if (existsBefore(base, l.start, false) || existsBefore(base, l.start, true)) continue;
        if (neg.labels.some((o) => o !== l && o.base === base && o.alt !== undefined && o.start > l.start)) continue;
        ctx.report({ range: lines.range(l.start, l.end), message: ctx.t('label-without-base.alternative', { label: l.text, base }) });
        continue;
      }
      if (!l.suffix) continue;
      // OP5 bis needs OP5 (or 5) just before it, or another paragraph inserted after OP5
      const plain = `${prefix}${l.number}`;
      const alsoNumber = prefix === 'OP' || !prefix ? String(l.number) : undefined;
      const own = neg.paragraphs.find((p) => p.labelNode === l);
      const prev = [...neg.paragraphs].reverse().find((p) => p.start < l.start && p !== own && (!own || p.kind === own.kind));
      const prevNumber = prev ? (prev.labelNode ? prev.labelNode.number : parseInt(prev.label.replace(/^\D+/, ''), 10)) : undefined;
      if (prevNumber === l.number) continue;
      const exists = (key: string) => names.some((n) => n.start < l.start && n.key === key && n.alt === undefined);
      if (exists(plain) || (alsoNumber && exists(alsoNumber))) {
        ctx.report({
          range: lines.range(l.start, l.end),
          message: ctx.t('label-without-base.misplaced', { label: l.text, plain, prev: prev?.label ?? ctx.t('label-without-base.start') }),
        });
      } else {
        ctx.report({ range: lines.range(l.start, l.end), message: ctx.t('label-without-base.noBase', { label: l.text, plain }) });
      }
    }
  },
};
