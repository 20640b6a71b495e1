/**
 * Diagnostics: runs the core checks on open documents, debounced while the user types, with the
 * configuration of the `resolution` settings and the `.resolutionrc.json` files up the folder
 * tree. A malformed configuration file gets one diagnostic of its own.
 */
import { CancellationToken, Diagnostic, DiagnosticSeverity, InitializeParams, ServerCapabilities } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseOptionsOf, type ResolvedConfig } from '../core/config';
import type { Finding, Fix, Severity } from '../core/findings';
import { docsUrl, getRule } from '../core/rules/registry';
import type { ServerContext } from '../server';
import { JobCancelled, WorkerFailed } from '../services/documentService';

const DEBOUNCE_MS = 250;
/** Larger documents are not checked (they are announced once instead). */
export const MAX_CHECK_BYTES = 20 * 1024 * 1024;

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries in `data`: the rule and its fix, so code actions need no state. */
export interface DiagnosticData {
  rule: string;
  fix?: Fix;
}

export function toDiagnostic(f: Finding): Diagnostic {
  const data: DiagnosticData = f.fix ? { rule: f.rule, fix: f.fix } : { rule: f.rule };
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    // the registry's page address, found once per rule (a draft may have thousands of findings)
    codeDescription: { href: getRule(f.rule)?.meta.docsUrl ?? docsUrl(f.rule) },
    source: 'resolution',
    message: f.message,
    data,
  };
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, information: 2, hint: 3 };

/**
 * The diagnostics the editor gets of a draft's findings: at most `max` (0: all), the most severe
 * first, then in the draft's order, with a note at the top saying how many more there are.
 * Sending thousands of diagnostics (each with its fix) would hold the server up for as long as
 * its JSON takes to write; fix-all and the command line still see every finding.
 */
export function shownDiagnostics(findings: Finding[], max: number): Diagnostic[] {
  if (max <= 0 || findings.length <= max) return findings.map(toDiagnostic);
  const order = findings.map((f, i) => ({ f, i })).sort((a, b) => RANK[a.f.severity] - RANK[b.f.severity] || a.i - b.i);
  const kept = order
    .slice(0, max)
    .sort((a, b) => a.i - b.i)
    .map((x) => toDiagnostic(x.f));
  const more = findings.length - max;
  return [
    notice(
      `${more.toLocaleString('en')} more finding${more === 1 ? ' is' : 's are'} not shown: the editor shows ${max.toLocaleString('en')} of this draft's ${findings.length.toLocaleString('en')} (setting resolution.maxDiagnostics). Fix all fixes every one; \`resolution check\` on the command line lists them all.`,
    ),
    ...kept,
  ];
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

/** The resolved configuration for a document (settings + .resolutionrc.json), reporting bad files. */
export async function configFor(ctx: ServerContext, uri: string): Promise<ResolvedConfig> {
  const config = await ctx.config.resolved(uri);
  ctx.useParseOptions?.(uri, parseOptionsOf(config));
  return config;
}

/** The findings of an open document under its configuration (parsed and checked by the DocumentService). */
export async function findingsFor(
  ctx: ServerContext,
  document: TextDocument,
  token?: CancellationToken,
): Promise<{ findings: Finding[]; config: ResolvedConfig }> {
  const config = await configFor(ctx, document.uri);
  return { findings: (await ctx.docs.check(document, config, token)).findings, config };
}

/** One information diagnostic at the top of a document: why it has no findings. */
function notice(message: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'resolution',
    message,
  };
}

export function register(ctx: ServerContext): void {
  const timers = new Map<string, NodeJS.Timeout>();

  const validate = async (document: TextDocument): Promise<void> => {
    const version = document.version;
    const reason = skipReason(document.getText());
    let diagnostics: Diagnostic[];
    try {
      if (reason) diagnostics = [notice(reason)];
      else {
        const { findings, config } = await findingsFor(ctx, document);
        diagnostics = shownDiagnostics(findings, config.maxDiagnostics);
      }
    } catch (err) {
      // Given up for a newer version (or the document closed): that version's run publishes.
      if (err instanceof JobCancelled) return;
      if (!(err instanceof WorkerFailed)) throw err;
      diagnostics = [notice(`Resolution checks could not run on this draft (${err.message.split('\n')[0]}); the server goes on.`)];
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

  ctx.onRevalidate((uri) => {
    for (const d of ctx.documents.all()) if (!uri || d.uri === uri) schedule(d, DEBOUNCE_MS);
  });
  // `resolution.run`: "onType" checks as the user types (debounced), "onSave" only when the draft
  // is opened or saved (the findings shown meanwhile are those of the last check).
  const runsOnSave = async (uri: string): Promise<boolean> => {
    try {
      return (await ctx.settings(uri))?.run === 'onSave';
    } catch {
      return false;
    }
  };
  ctx.documents.onDidOpen((e) => schedule(e.document, 0));
  ctx.documents.onDidChangeContent((e) => {
    void runsOnSave(e.document.uri).then((onSave) => {
      if (!onSave) schedule(e.document, DEBOUNCE_MS);
    });
  });
  ctx.documents.onDidSave((e) => {
    void runsOnSave(e.document.uri).then((onSave) => {
      if (onSave) schedule(e.document, 0);
    });
  });
  ctx.documents.onDidClose((e) => {
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    timers.delete(e.document.uri);
    void ctx.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}
