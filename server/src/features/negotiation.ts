/**
 * Negotiation texts in the editor: the status of a draft (`resolution/negotiationStatus`), its
 * clean text (`resolution/cleanText`), the negotiator's edits (`resolution/negotiationEdit`:
 * accept an alternative, remove brackets, mark agreed ad ref) and the comparison of two revisions
 * (`resolution/compare`). Thin: the work is in core/negotiation and core/compare.
 */
import type { Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from '../server';
import { configFor } from './diagnostics';
import { negotiation, statusLine, statusReport, type StatusReport } from '../core/negotiation';
import { acceptAlternative, alternativesAt, markAgreed, removeBrackets } from '../core/negotiation/commands';
import { compareTexts, summaryLine, type DetailedComparison } from '../core/compare/revisions';

export interface NegotiationStatus {
  isDraft: boolean;
  line: string;
  report: StatusReport;
  /** Each paragraph's range, in the order of report.byParagraph. */
  ranges: Range[];
  /** Ranges of the brackets ("[" … "]"), for highlighting. */
  brackets: Range[];
  tags: Range[];
}

export interface NegotiationEditParams {
  uri: string;
  position: { line: number; character: number };
  action: 'alternatives' | 'acceptAlternative' | 'removeBrackets' | 'markAgreed';
  choice?: number;
}

async function settingsOf(ctx: ServerContext, uri: string) {
  return (await configFor(ctx, uri)).negotiation;
}

export function statusOf(document: TextDocument, n: ReturnType<typeof negotiation>): NegotiationStatus {
  const report = statusReport(n);
  const range = (s: number, e: number): Range => ({ start: document.positionAt(s), end: document.positionAt(e) });
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
  connection.onRequest('resolution/negotiationStatus', async (params: { uri: string }): Promise<NegotiationStatus | null> => {
    const document = ctx.documents.get(params?.uri);
    if (!document) return null;
    return statusOf(document, negotiation(document.getText(), await settingsOf(ctx, params.uri)));
  });

  connection.onRequest('resolution/cleanText', async (params: { uri: string }): Promise<{ text: string } | null> => {
    const document = ctx.documents.get(params?.uri);
    if (!document) return null;
    return { text: negotiation(document.getText(), await settingsOf(ctx, params.uri)).clean.text };
  });

  connection.onRequest('resolution/negotiationEdit', async (params: NegotiationEditParams) => {
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

  connection.onRequest(
    'resolution/compare',
    (params: { oldText: string; newText: string }): (DetailedComparison & { line: string }) | null => {
      if (typeof params?.oldText !== 'string' || typeof params?.newText !== 'string') return null;
      const c = compareTexts(params.oldText, params.newText);
      return { ...c, line: summaryLine(c.summary) };
    },
  );
}
