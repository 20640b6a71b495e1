/**
 * The `resolution` settings of the language server, held by the server context (`ctx.config`):
 * read per resource with workspace/configuration (or from didChangeConfiguration when the client
 * cannot be asked), cached until they change, and the listeners told when they do; and the
 * configuration of a document (the settings with the `.resolutionrc.json` files above it), whose
 * files are watched and whose problems are published once on the file itself.
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  DiagnosticSeverity,
  type Connection,
  type Diagnostic,
  type DidChangeConfigurationParams,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { resolveConfig, type ConfigProblem, type ResolvedConfig } from '../core/config';
import { uriToPath } from '../core/uri';

/** The `resolution` settings section as the client sends it: checked where each part is read. */
export type SettingsSection = Record<string, unknown>;

export class ConfigService {
  private readonly cache = new Map<string, Promise<SettingsSection>>();
  private readonly listeners: Array<() => void> = [];
  private global: SettingsSection = {};
  /** Whether the client answers workspace/configuration. */
  canAsk = false;

  /** Problems already published per configuration file (so each is reported once, and cleared when fixed). */
  private readonly publishedProblems = new Map<string, string>();
  private readonly watchers = new Map<string, fs.FSWatcher>();

  constructor(
    private readonly connection: Connection,
    private readonly log: (message: string) => void,
    /** Called when a configuration file in use changes on disk. */
    private readonly fileChanged: () => void = () => undefined,
  ) {}

  /** The configuration of a document: its settings and the `.resolutionrc.json` files above it, problems reported. */
  async resolved(uri: string): Promise<ResolvedConfig> {
    let settings: unknown = {};
    try {
      settings = await this.settings(uri);
    } catch {
      settings = {};
    }
    const loaded = resolveConfig(settings, uriToPath(uri));
    const allFiles = loaded.files.concat(loaded.problems.map((p) => p.file));
    this.watch(allFiles);
    await this.publishProblems(allFiles, loaded.problems).catch((err) =>
      this.log(`publishing configuration problems failed: ${String(err)}`),
    );
    return loaded.config;
  }

  private async publishProblems(files: string[], problems: ConfigProblem[]): Promise<void> {
    const byFile = new Map<string, ConfigProblem[]>();
    for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
    const touched = new Set([...files, ...byFile.keys()]);
    for (const file of touched) {
      const list = byFile.get(file) ?? [];
      const key = JSON.stringify(list);
      if ((this.publishedProblems.get(file) ?? '[]') === key) continue;
      this.publishedProblems.set(file, key);
      const diagnostics: Diagnostic[] = list.map((p) => ({
        range: { start: { line: p.line ?? 0, character: p.character ?? 0 }, end: { line: p.line ?? 0, character: (p.character ?? 0) + 1 } },
        // The message says what is ignored: the whole file (an error) or one setting (a warning).
        severity: /whole file/.test(p.message) ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'resolution',
        message: `${path.basename(file)}: ${p.message}.`,
      }));
      if (list.length) this.log(`configuration problem in ${file}: ${list.map((p) => p.message).join('; ')}`);
      await this.connection.sendDiagnostics({ uri: pathToFileURL(file).toString(), diagnostics });
    }
  }

  /**
   * Watches the configuration files in use, so that saving one re-checks the open drafts at once,
   * also with clients that send no workspace/didChangeWatchedFiles (the configWatch feature handles
   * those events, and new files, for VS Code).
   */
  private watch(files: string[]): void {
    for (const file of files) {
      if (this.watchers.has(file)) continue;
      try {
        const w = fs.watch(file, { persistent: false }, () => this.fileChanged());
        w.on('error', () => {
          w.close();
          this.watchers.delete(file);
        });
        this.watchers.set(file, w);
      } catch {
        /* deleted meanwhile, or not watchable: the next check reads it again anyway */
      }
    }
  }

  initialize(params: InitializeParams): void {
    this.canAsk = !!params.capabilities.workspace?.configuration;
  }

  /** The `resolution` settings section for a resource, cached until changed. */
  settings(uri: string): Promise<SettingsSection> {
    if (!this.canAsk) return Promise.resolve(this.global);
    let s = this.cache.get(uri);
    if (!s) {
      s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'resolution' }).then(
        (v: unknown) => (v && typeof v === 'object' ? (v as SettingsSection) : {}),
        () => ({}),
      );
      this.cache.set(uri, s);
    }
    return s;
  }

  onChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** workspace/didChangeConfiguration: forgets the cached settings and tells the listeners. */
  changed(change: DidChangeConfigurationParams): void {
    this.cache.clear();
    if (!this.canAsk) {
      const section = (change.settings as { resolution?: unknown } | null | undefined)?.resolution;
      this.global = section && typeof section === 'object' ? (section as SettingsSection) : {};
    }
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.log(`settings listener failed: ${String(err)}`);
      }
    }
  }

  /** A closed document's settings are read again when it opens. */
  forget(uri: string): void {
    this.cache.delete(uri);
  }
}
