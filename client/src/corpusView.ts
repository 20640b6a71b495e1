/**
 * The Corpus view in the explorer: each corpus source with its files, paragraphs, languages,
 * sessions and skipped files (and why), fed by the server's `resolution/corpusSources` request;
 * Add (a folder, a zip archive or a file, with a picker), Remove, Reload; and the command
 * "Show this paragraph in other languages". Where sources are written: see corpusConfig.ts.
 */
import * as path from 'path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  CorpusChangedNotification,
  CorpusEditRequest,
  CorpusSourcesRequest,
  ParallelTextsRequest,
  type CorpusSourcesResult,
  type SourceStats,
} from '../../server/src/protocol';
import { LANGUAGE_INFO, type Lang } from '../../server/src/core/languages';
import type { PrecedentDocuments } from './precedentView';

type Node =
  | { type: 'source'; source: SourceStats; origin: 'file' | 'setting' | 'builtin' }
  | { type: 'detail'; label: string; description?: string; tooltip?: string; icon: string; children?: Node[] }
  | { type: 'skipped'; path: string; reason: string }
  | { type: 'message'; label: string };

function langList(langs: Partial<Record<string, number>>): string {
  return Object.entries(langs)
    .sort((a, b) => (b[1] ?? 0) - (a[1] ?? 0))
    .map(([l, n]) => `${LANGUAGE_INFO[l as Lang]?.name ?? l} ${n}`)
    .join(', ');
}

export class CorpusView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  static readonly viewId = 'resolution.corpus';
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private last?: CorpusSourcesResult;
  private poll?: NodeJS.Timeout;

  constructor(private readonly lc: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    if (this.poll) clearTimeout(this.poll);
    this.changed.dispose();
  }

  /** The last answer of the server (tests and commands read it). */
  get state(): CorpusSourcesResult | undefined {
    return this.last;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) {
      if (node.type === 'source') return this.sourceDetails(node.source);
      if (node.type === 'detail') return node.children ?? [];
      return [];
    }
    let res: CorpusSourcesResult;
    try {
      res = await this.lc.sendRequest(CorpusSourcesRequest);
    } catch (e) {
      return [{ type: 'message', label: `The corpus cannot be listed: ${(e as Error).message ?? e}` }];
    }
    this.last = res;
    // While loading, ask again shortly so that the counts grow.
    if (this.poll) clearTimeout(this.poll);
    if (res.loading) this.poll = setTimeout(() => this.refresh(), 1000);
    const nodes: Node[] = res.sources.map((s) => ({
      type: 'source' as const,
      source: s,
      origin: s.builtin ? ('builtin' as const) : res.rcPaths.includes(s.path) ? ('file' as const) : ('setting' as const),
    }));
    if (res.loading) {
      const p = res.progress;
      nodes.unshift({ type: 'message', label: `Loading… ${p && p.total ? `${p.done} of ${p.total} files` : ''}`.trim() });
    }
    return nodes;
  }

  private sourceDetails(s: SourceStats): Node[] {
    const out: Node[] = [
      { type: 'detail', label: `${s.files} files`, description: `${s.resolutions} resolutions`, icon: 'files' },
      { type: 'detail', label: `${s.paragraphs} paragraphs`, icon: 'symbol-text' },
    ];
    const langs = langList(s.languages);
    if (langs) out.push({ type: 'detail', label: 'Languages', description: langs, icon: 'globe' });
    if (s.sessions.length) out.push({ type: 'detail', label: 'Sessions', description: s.sessions.join(', '), icon: 'calendar' });
    if (s.metadataFiles) out.push({ type: 'detail', label: `${s.metadataFiles} metadata files`, icon: 'json' });
    if (s.skipped.length) {
      out.push({
        type: 'detail',
        label: `${s.skipped.length} skipped`,
        icon: 'warning',
        children: s.skipped.map((k) => ({ type: 'skipped' as const, path: k.path, reason: k.reason })),
      });
    }
    return out;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.type === 'source') {
      const s = node.source;
      const name = s.builtin ? 'Built-in seeds' : path.basename(s.path);
      const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
      const what =
        s.kind === 'missing'
          ? 'not found'
          : `${s.files} files · ${s.paragraphs} paragraphs${Object.keys(s.languages).length ? ' · ' + Object.keys(s.languages).join(' ') : ''}`;
      item.description = what;
      item.tooltip = new vscode.MarkdownString(
        `${s.path}\n\n${s.kind}${node.origin === 'file' ? ' · from .resolutionrc.json' : node.origin === 'setting' ? ' · from the resolution.corpus.paths setting' : ''}`,
      );
      item.iconPath = new vscode.ThemeIcon(
        s.kind === 'archive' ? 'file-zip' : s.kind === 'folder' ? 'folder-library' : s.kind === 'missing' ? 'error' : 'file',
      );
      item.contextValue = s.builtin ? 'corpusBuiltin' : 'corpusSource';
      item.id = `source:${s.path}`;
      return item;
    }
    if (node.type === 'detail') {
      const item = new vscode.TreeItem(
        node.label,
        node.children?.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      );
      item.description = node.description;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      return item;
    }
    if (node.type === 'skipped') {
      const item = new vscode.TreeItem(
        path.basename(node.path.replace(/!\/.*$/, '') === node.path ? node.path : node.path.slice(node.path.indexOf('!/') + 2)),
      );
      item.description = node.reason;
      item.tooltip = `${node.path}\n${node.reason}`;
      item.iconPath = new vscode.ThemeIcon('circle-slash');
      return item;
    }
    const item = new vscode.TreeItem(node.label);
    item.iconPath = new vscode.ThemeIcon('loading~spin');
    return item;
  }
}

/** Adds a source: to the project's .resolutionrc.json when the workspace has one, else to the setting. */
export async function addCorpusSource(lc: LanguageClient, view: CorpusView, picked?: vscode.Uri): Promise<void> {
  let uri = picked;
  if (!uri) {
    const chosen = await vscode.window.showOpenDialog({
      title: 'Add a corpus source: a folder, a zip archive (e.g. a session’s …_English.zip) or an AKN4UN file',
      openLabel: 'Add to corpus',
      canSelectFiles: true,
      canSelectFolders: true,
      canSelectMany: false,
      filters: { 'Corpus sources': ['zip', 'xml', 'md', 'txt', 'resolution'], 'All files': ['*'] },
    });
    uri = chosen?.[0];
  }
  if (!uri) return;
  const p = uri.fsPath;
  const res = await lc.sendRequest(CorpusEditRequest, { action: 'add', path: p });
  if (res.error) {
    void vscode.window.showErrorMessage(`Corpus: ${res.error}`);
    return;
  }
  if (!res.file) {
    const cfg = vscode.workspace.getConfiguration('resolution');
    const current = cfg.get<string[]>('corpus.paths') ?? [];
    if (!current.includes(p)) {
      const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
      await cfg.update('corpus.paths', [...current, p], target);
    }
  }
  view.refresh();
  void vscode.window.showInformationMessage(
    `Corpus: added ${path.basename(p)}${res.file ? ` to ${path.basename(res.file)}` : ''}; loading it…`,
  );
}

export async function removeCorpusSource(lc: LanguageClient, view: CorpusView, node?: { source?: SourceStats }): Promise<void> {
  let p = node?.source?.path;
  if (!p) {
    const sources = (view.state?.sources ?? []).filter((s) => !s.builtin);
    const pick = await vscode.window.showQuickPick(
      sources.map((s) => ({ label: path.basename(s.path), description: s.path })),
      { title: 'Remove a corpus source' },
    );
    p = pick?.description;
  }
  if (!p) return;
  const res = await lc.sendRequest(CorpusEditRequest, { action: 'remove', path: p });
  if (res.error) {
    void vscode.window.showErrorMessage(`Corpus: ${res.error}`);
    return;
  }
  const cfg = vscode.workspace.getConfiguration('resolution');
  const inspect = cfg.inspect<string[]>('corpus.paths');
  for (const [value, target] of [
    [inspect?.workspaceValue, vscode.ConfigurationTarget.Workspace],
    [inspect?.globalValue, vscode.ConfigurationTarget.Global],
  ] as const) {
    if (value && value.some((v) => path.resolve(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', v) === p)) {
      await cfg.update(
        'corpus.paths',
        value.filter((v) => path.resolve(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '', v) !== p),
        target,
      );
    }
  }
  view.refresh();
}

/** Shows the paragraph at the cursor in the corpus's other languages, in a side document. */
export async function showParallelTexts(lc: LanguageClient, docs: PrecedentDocuments): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'resolution') {
    void vscode.window.showInformationMessage('Open a resolution draft (.res.md, .resolution.md or .resolution) first.');
    return;
  }
  const res = await lc.sendRequest(ParallelTextsRequest, {
    uri: editor.document.uri.toString(),
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
  });
  if (!res.match || res.parallels.length === 0) {
    void vscode.window.showInformationMessage(`No other languages for this paragraph: ${res.reason ?? 'no match in the corpus'}.`);
    return;
  }
  const m = res.match;
  const where = m.kind === 'preambular' ? `pp. ${m.paragraph}` : m.kind === 'subparagraph' ? `para. ${m.paragraph}` : `op. ${m.paragraph}`;
  const lines = [
    `# ${m.symbol}, ${where}`,
    '',
    `## ${LANGUAGE_INFO[m.lang]?.endonym ?? m.lang} (${Math.round(m.score * 100)}% match)`,
    '',
    m.text,
    '',
  ];
  for (const p of res.parallels) lines.push(`## ${LANGUAGE_INFO[p.lang]?.endonym ?? p.lang}`, '', p.text, '');
  const uri = docs.put(`${m.symbol} ${where} in ${res.parallels.length + 1} languages`, lines.join('\n'));
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
}

export function registerCorpusView(context: vscode.ExtensionContext, lc: LanguageClient, docs: PrecedentDocuments): CorpusView {
  const view = new CorpusView(lc);
  context.subscriptions.push(
    view,
    vscode.window.createTreeView(CorpusView.viewId, { treeDataProvider: view, showCollapseAll: true }),
    vscode.commands.registerCommand('resolution.corpus.add', (uri?: vscode.Uri) =>
      addCorpusSource(lc, view, uri instanceof vscode.Uri ? uri : undefined),
    ),
    vscode.commands.registerCommand('resolution.corpus.remove', (node?: { source?: SourceStats }) => removeCorpusSource(lc, view, node)),
    vscode.commands.registerCommand('resolution.corpus.refresh', () => view.refresh()),
    vscode.commands.registerCommand('resolution.showParallelTexts', () => showParallelTexts(lc, docs)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('resolution.corpus') && view.refresh()),
  );
  lc.onNotification(CorpusChangedNotification, () => view.refresh());
  return view;
}
