/**
 * Code actions and commands: each finding's own fix (preferred), "disable this check for this
 * paragraph / file" (inserting the inline comment), fix-all (`source.fixAll.resolution` and the
 * `resolution.fixAll` command) and the renumbering commands. Every action is one workspace edit.
 */
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { applyEdits as applyJsonEdits, modify as modifyJson, parse as parseJsonc } from 'jsonc-parser';
import { CONFIG_FILE_NAME, findConfigFiles } from '../core/config';
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  CodeActionParams,
  Command,
  Diagnostic,
  ExecuteCommandParams,
  InitializeParams,
  ResponseError,
  ServerCapabilities,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Fix } from '../core/findings';
import { configFor, type DiagnosticData } from './diagnostics';
import type { ServerContext } from '../server';
import { cancelledResponse, JobCancelled, WorkerFailed } from '../services/documentService';
import type { SiteQuery } from '../services/documentViews';

/** Largest document (characters) for which the light bulb offers fix-all unasked. */
export const LIGHTBULB_FIX_ALL_MAX = 200_000;

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.resolution`;
export const COMMANDS = {
  fixAll: 'resolution.fixAll',
  renumberParagraphs: 'resolution.renumberParagraphs',
  renumberFootnotes: 'resolution.renumberFootnotes',
} as const;

export function capabilities(_params: InitializeParams): Partial<ServerCapabilities> {
  return {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
    executeCommandProvider: { commands: Object.values(COMMANDS) },
  };
}

function isOurs(d: Diagnostic): d is Diagnostic & { data: DiagnosticData } {
  return d.source === 'resolution' && typeof d.code === 'string' && !!d.data && typeof (d.data as DiagnosticData).rule === 'string';
}

/** The code actions for the diagnostics of a range. */
export function quickFixes(
  uri: string,
  paragraphLine: (line: number) => number,
  diagnostics: Diagnostic[],
  accept?: (kind: 'operative' | 'preambular', d: Diagnostic) => CodeAction | undefined,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const disabled = new Set<string>();
  for (const d of diagnostics) {
    if (!isOurs(d)) continue;
    const { rule, fix } = d.data;
    if (fix && fix.edits.length) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: true,
        edit: { changes: { [uri]: fix.edits } },
      });
    }
    if (accept && (rule === 'operative-verb-unknown' || rule === 'preambular-phrase-unknown')) {
      const a = accept(rule === 'operative-verb-unknown' ? 'operative' : 'preambular', d);
      if (a) actions.push(a);
    }
    const line = paragraphLine(d.range.start.line);
    const key = `${rule}:${line}`;
    if (disabled.has(key)) continue;
    disabled.add(key);
    actions.push({
      title: `Disable ${rule} for this paragraph`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [TextEdit.insert({ line, character: 0 }, `<!-- resolution-disable-next-paragraph ${rule} -->\n\n`)] } },
    });
    if (!disabled.has(`${rule}:file`)) {
      disabled.add(`${rule}:file`);
      actions.push({
        title: `Disable ${rule} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        edit: { changes: { [uri]: [TextEdit.insert({ line: 0, character: 0 }, `<!-- resolution-disable-file ${rule} -->\n\n`)] } },
      });
    }
  }
  return actions;
}

/** The opening phrase a finding points at (`line`: the text of its first line): the paragraph's first words up to the end of its range, without number or emphasis. */
export function phraseAt(line: string, d: Diagnostic): string | undefined {
  const end = d.range.end.line === d.range.start.line ? d.range.end.character : line.length;
  const phrase = line
    .slice(0, end)
    .replace(/^\s*(?:\d+[a-z]*(?:\s+bis|\s+ter)?\.|\([a-z]+\)|\([ivxlc]+\))?\s*/i, '')
    .replace(/[*_]/g, '')
    .trim();
  return phrase || undefined;
}

/**
 * "Accept "<phrase>" as an operative/preambular phrase": adds the phrase to `phrases.<kind>` of the
 * nearest .resolutionrc.json (comments and layout kept), or creates one in the workspace folder.
 */
export function acceptPhraseAction(
  documentUri: string,
  line: string,
  kind: 'operative' | 'preambular',
  d: Diagnostic,
  workspaceFolders: string[],
): CodeAction | undefined {
  if (!documentUri.startsWith('file:')) return undefined;
  const phrase = phraseAt(line, d);
  if (!phrase) return undefined;
  const docPath = fileURLToPath(documentUri);
  const title = `Accept "${phrase}" as ${kind === 'operative' ? 'an operative' : 'a preambular'} phrase`;
  const nearest = findConfigFiles(docPath).find((f) => f.text !== undefined);
  const formatting = { insertSpaces: true, tabSize: 2, eol: '\n' };
  if (nearest?.text !== undefined) {
    const current = parseJsonc(nearest.text, [], { allowTrailingComma: true }) as { phrases?: Record<string, unknown> } | undefined;
    const list = current?.phrases?.[kind];
    const edits = Array.isArray(list)
      ? modifyJson(nearest.text, ['phrases', kind, list.length], phrase, { formattingOptions: formatting, isArrayInsertion: true })
      : modifyJson(nearest.text, ['phrases', kind], [phrase], { formattingOptions: formatting });
    const updated = applyJsonEdits(nearest.text, edits);
    const uri = pathToFileURL(nearest.file).toString();
    // one edit over the whole file: the client applies it whether or not the file is open
    const lines = nearest.text.split('\n');
    const end = { line: lines.length - 1, character: lines[lines.length - 1].length };
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [uri]: [TextEdit.replace({ start: { line: 0, character: 0 }, end }, updated)] } },
    };
  }
  const folders = workspaceFolders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
  const folder =
    folders.filter((f) => !path.relative(f, docPath).startsWith('..')).sort((a, b) => b.length - a.length)[0] ?? path.dirname(docPath);
  const uri = pathToFileURL(path.join(folder, CONFIG_FILE_NAME)).toString();
  const content = JSON.stringify({ phrases: { [kind]: [phrase] } }, null, 2) + '\n';
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: {
      documentChanges: [
        { kind: 'create', uri, options: { ignoreIfExists: true } },
        { textDocument: { uri, version: null }, edits: [TextEdit.insert({ line: 0, character: 0 }, content)] },
      ],
    },
  };
}

export function register(ctx: ServerContext): void {
  /**
   * Fix-all as configured (structural fixes of warnings and errors unless the settings widen it),
   * by the DocumentService: large drafts in a worker; cancelled by the request's token or a newer
   * version of the draft (answered RequestCancelled / ContentModified).
   */
  const fixAllFor = async (document: TextDocument, token: CancellationToken) => {
    try {
      return await ctx.docs.fixAll(document, await configFor(ctx, document.uri), token);
    } catch (err) {
      throw err instanceof JobCancelled ? cancelledResponse(token) : err;
    }
  };

  ctx.connection.onCodeAction(async (params: CodeActionParams, token: CancellationToken) => {
    const document = ctx.documents.get(params.textDocument.uri);
    if (!document) return [];
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(k + '.'));
    const actions: Array<CodeAction | Command> = [];
    try {
      if (wants(CodeActionKind.QuickFix) && params.context.diagnostics.length) {
        // where each finding's paragraph starts (a large draft's from its worker's parse)
        const version = document.version;
        const lines = [...new Set(params.context.diagnostics.map((d) => d.range.start.line))];
        const starts = (await ctx.docs.site(document, { lines }, token)).lines ?? lines;
        if (document.version !== version) throw cancelledResponse(token);
        const lineText = (line: number) =>
          document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
        actions.push(
          ...quickFixes(
            document.uri,
            (line) => starts[lines.indexOf(line)] ?? line,
            params.context.diagnostics,
            (kind, d) => acceptPhraseAction(document.uri, lineText(d.range.start.line), kind, d, ctx.workspaceFolders()),
          ),
        );
      }
      // Asked for explicitly (on save, from the Source Action menu) always; in the light bulb only
      // for documents small enough that the repeated passes stay quick.
      if (wants(FIX_ALL_KIND) && (only || document.getText().length <= LIGHTBULB_FIX_ALL_MAX)) {
        const { edits } = await fixAllFor(document, token);
        if (edits.length)
          actions.push({ title: 'Fix all resolution problems', kind: FIX_ALL_KIND, edit: { changes: { [document.uri]: edits } } });
      }
    } catch (err) {
      if (err instanceof JobCancelled) throw cancelledResponse(token);
      if (err instanceof ResponseError) throw err; // cancelled
      // a failed worker was reported by the DocumentService; the quick fixes are still offered
      if (!(err instanceof WorkerFailed)) ctx.log(`code actions failed on ${document.uri}: ${(err as Error)?.stack ?? String(err)}`);
    }
    return actions;
  });

  ctx.connection.onExecuteCommand(async (params: ExecuteCommandParams, token: CancellationToken) => {
    const arg = params.arguments?.[0];
    const uri: string | undefined = typeof arg === 'string' ? arg : (arg?.uri ?? arg?.textDocument?.uri);
    const document = uri ? ctx.documents.get(uri) : undefined;
    if (!document) {
      ctx.log(`${params.command}: no open document ${String(uri)}`);
      return { applied: false, reason: 'document not open' };
    }
    let edits: TextEdit[] = [];
    let applied: Record<string, number> = {};
    const version = document.version;
    if (params.command === COMMANDS.fixAll) {
      let r;
      try {
        r = await fixAllFor(document, token);
      } catch (err) {
        if (err instanceof WorkerFailed) return { applied: false, reason: err.message.split('\n')[0] };
        throw err;
      }
      edits = r.edits;
      applied = r.applied;
    } else if (params.command === COMMANDS.renumberParagraphs || params.command === COMMANDS.renumberFootnotes) {
      // computed on the draft's model: a large draft's by its worker
      const config = await configFor(ctx, document.uri);
      const renumber: SiteQuery['renumber'] =
        params.command === COMMANDS.renumberFootnotes
          ? { what: 'footnotes' }
          : { what: 'paragraphs', draftMode: config.draftMode === true, phrases: config.phrases };
      try {
        edits = (await ctx.docs.site(document, { renumber }, token)).edits ?? [];
      } catch (err) {
        if (err instanceof JobCancelled) throw cancelledResponse(token);
        if (err instanceof WorkerFailed) return { applied: false, reason: err.message.split('\n')[0] };
        throw err;
      }
    } else {
      return { applied: false, reason: `unknown command ${params.command}` };
    }
    if (edits.length === 0) return { applied: false, reason: 'nothing to change', changes: applied };
    // the version the edits were computed on: the editor refuses them if the draft changed since
    const edit: WorkspaceEdit = { documentChanges: [{ textDocument: { uri: document.uri, version }, edits }] };
    const result = await ctx.connection.workspace.applyEdit({ label: params.command, edit });
    return { applied: result.applied, changes: applied, edits: edits.length };
  });
}

export type { Fix };
