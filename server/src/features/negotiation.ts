/**
 * Negotiation texts in the editor: the status of a draft (`resolution/negotiationStatus`), its
 * clean text (`resolution/cleanText`), the negotiator's edits (`resolution/negotiationEdit`:
 * accept an alternative, remove brackets, mark agreed ad ref) and the comparison of two revisions
 * (`resolution/compare`). Thin: the work is in core/negotiation and core/compare.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
import { configFor } from './diagnostics';
import { negotiation, statusLine, statusReport } from '../core/negotiation';
import { acceptAlternative, alternativesAt, markAgreed, removeBrackets } from '../core/negotiation/commands';
import { compareTexts, summaryLine } from '../core/compare/revisions';
import { CleanTextRequest, CompareRequest, NegotiationEditRequest, NegotiationStatusRequest, type NegotiationStatus } from '../protocol';

async function settingsOf(ctx: ServerContext, uri: string) {
  return (await configFor(ctx, uri)).negotiation;
}

export function statusOf(document: TextDocument, n: ReturnType<typeof negotiation>): NegotiationStatus {
  const report = statusReport(n);
  const range = (s: number, e: number) => ({ start: document.positionAt(s), end: document.positionAt(e) });
  return {
    isDraft: n.isDraft,
    line: statusLine(report),
    report,
    ranges: n.paragraphs.map((p) => range(p.start, p.end)),
    brackets: n.brackets.map((b) => range(b.start, b.end)),
    tags: n.tags.map((t) => range(t.start, t.end)),
  };
}

export function register(ctx: ServerContext): void {
  const { connection } = ctx;
  connection.onRequest(NegotiationStatusRequest, async (params) => {
    const document = ctx.documents.get(params?.uri);
    if (!document) return null;
    return statusOf(document, negotiation(document.getText(), await settingsOf(ctx, params.uri)));
  });

  connection.onRequest(CleanTextRequest, async (params) => {
    const document = ctx.documents.get(params?.uri);
    if (!document) return null;
    return { text: negotiation(document.getText(), await settingsOf(ctx, params.uri)).clean.text };
  });

  connection.onRequest(NegotiationEditRequest, async (params) => {
    const document = ctx.documents.get(params?.uri);
    if (!document) return null;
    const text = document.getText();
    const offset = document.offsetAt(params.position);
    const settings = await settingsOf(ctx, params.uri);
    if (params.action === 'alternatives') return { alternatives: alternativesAt(text, offset, settings) ?? null };
    const edits =
      params.action === 'acceptAlternative'
        ? acceptAlternative(text, offset, params.choice ?? 0, settings)
        : params.action === 'removeBrackets'
          ? removeBrackets(text, offset, settings)
          : markAgreed(text, offset, settings);
    return {
      edits: edits.map((e) => ({ range: { start: document.positionAt(e.start), end: document.positionAt(e.end) }, newText: e.text })),
    };
  });

  connection.onRequest(CompareRequest, (params) => {
    if (typeof params?.oldText !== 'string' || typeof params?.newText !== 'string') return null;
    const c = compareTexts(params.oldText, params.newText);
    return { ...c, line: summaryLine(c.summary) };
  });
}
