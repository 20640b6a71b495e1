/**
 * Diagnostics: runs the core checks on open documents, debounced while the user types.
 */
import { Diagnostic, DiagnosticSeverity, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { checkDocument } from '../core/check';
import type { Finding, Severity } from '../core/findings';
import type { ServerContext } from '../server';

const DEBOUNCE_MS = 250;
/** Larger documents are not checked (they are announced once instead). */
export const MAX_CHECK_BYTES = 20 * 1024 * 1024;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'resolution',
    message: f.message,
    data: f.fix ? { rule: f.rule, fix: f.fix } : { rule: f.rule },
  };
}

/** Why a document is not checked, or undefined when it can be. */
export function skipReason(text: string): string | undefined {
  if (text.length > MAX_CHECK_BYTES) return `This file is larger than ${MAX_CHECK_BYTES / 1024 / 1024} MB: resolution checks were skipped.`;
  if (text.slice(0, 8192).includes('\u0000')) return 'This file looks binary (it contains NUL bytes): resolution checks were skipped.';
  return undefined;
}

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return {};
}

export function register(ctx: ServerContext): void {
  const timers = new Map<string, NodeJS.Timeout>();

  const validate = async (document: TextDocument): Promise<void> => {
    const version = document.version;
    const text = document.getText();
    const reason = skipReason(text);
    let diagnostics: Diagnostic[];
    if (reason) {
      diagnostics = [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: 'resolution', message: reason }];
    } else {
      const doc = ctx.parsed(document);
      diagnostics = checkDocument(doc, { corpus: ctx.corpusFacts }).map(toDiagnostic);
    }
    // A newer version may have arrived meanwhile: its own run publishes.
    const current = ctx.documents.get(document.uri);
    if (!current || current.version !== version) return;
    await ctx.connection.sendDiagnostics({ uri: document.uri, version, diagnostics });
  };

  const schedule = (document: TextDocument, delay: number) => {
    const prev = timers.get(document.uri);
    if (prev) clearTimeout(prev);
    timers.set(
      document.uri,
      setTimeout(() => {
        timers.delete(document.uri);
        const current = ctx.documents.get(document.uri);
        if (current) validate(current).catch((err) => ctx.log(`checking ${document.uri} failed: ${err?.stack ?? err}`));
      }, delay),
    );
  };

  ctx.revalidate = (uri?: string) => {
    for (const d of ctx.documents.all()) if (!uri || d.uri === uri) schedule(d, DEBOUNCE_MS);
  };
  ctx.documents.onDidOpen((e) => schedule(e.document, 0));
  ctx.documents.onDidChangeContent((e) => schedule(e.document, DEBOUNCE_MS));
  ctx.documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}
